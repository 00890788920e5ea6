"""The cells of a name-and-value table (an infobox, a spec sheet): one line per row.

A row of such a table names a value in a header cell and gives it in the other cell, and the
value is set in whatever blocks the page likes: a list of three languages, a few <div>s. Read as
blocks, the row falls apart (its name on one line, its list elsewhere, pruned as a list of
links); read as one line, "Official languages | English Maori NZ Sign Language", it is the
table's row. A layout table's cells (no header cell naming them) hold the page's own blocks,
and a navigation box (named rows of nothing but links) is furniture: both are read as blocks.
"""

from __future__ import annotations

from lxml import etree

MAX_CELL_WORDS = 30
NAVIGATION_ROWS = 0.6  # a table with this share of rows whose values are all links: navigation
_CELL_BLOCKS = etree.XPath("boolean(.//table | .//img | .//figure | .//pre | .//blockquote)")


def _named_row(row: etree._Element) -> etree._Element | None:
    """The value cell of a name-and-value row (a header cell naming it, one cell holding it)."""
    cells = [c for c in row if c.tag in ("td", "th")]
    return cells[1] if len(cells) == 2 and cells[0].tag == "th" else None


_STRING = etree.XPath("string()")


def _words(el: etree._Element) -> int:
    return len(str(_STRING(el)).split())


def _all_links(cell: etree._Element) -> bool:
    words = _words(cell)
    return words > 0 and sum(_words(a) for a in cell.iter("a")) >= words


def _navigation(table: etree._Element) -> bool:
    """A table of named rows of links (a navigation box), not of values (an infobox)."""
    values = [v for row in table.iter("tr") if (v := _named_row(row)) is not None]
    return bool(values) and sum(map(_all_links, values)) >= NAVIGATION_ROWS * len(values)


def value_cell(cell: etree._Element, tables: dict[etree._Element, bool]) -> bool:
    """A short cell (either one) of a name-and-value row of a table that is not navigation.

    ``tables`` caches, for the walk of one region, whether each table is navigation.
    """
    row = cell.getparent()
    if row is None or row.tag != "tr" or _named_row(row) is None or _CELL_BLOCKS(cell):
        return False
    if _words(cell) > MAX_CELL_WORDS:
        return False
    table = next(row.iterancestors("table"), None)
    if table is None:
        return False
    if table not in tables:
        tables[table] = _navigation(table)
    return not tables[table]
