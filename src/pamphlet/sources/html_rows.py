"""Table rows the extractor kept without some of their cells, made whole from the page.

trafilatura drops a table cell that holds nothing but a link (the name of the app, the product
or the person the row is about, linked to its page) and keeps the rest of the row: "71.1 MB |
13.4 MB" for "Farm Heroes Super Saga | 71.1 MB | 13.4 MB". The row loses what it is about and
no longer lines up with the table's header. An extracted row (cells joined by " | ") whose
cells are, in order, some of the cells of a row of the page's region, takes the page's row.
The rows are matched in the order of the page, so that rows alike ("| 1 | 2 |") are not taken
for one another.
"""

from __future__ import annotations

from lxml import etree

from ..model import Block, Paragraph
from .html_blocks import is_hidden, visible_text

SEPARATOR = " | "
MIN_KEPT_CELLS = 2  # a row left with one cell is read as a paragraph, not as a row


def _cells(block: Block) -> list[str] | None:
    if not isinstance(block, Paragraph) or SEPARATOR not in block.text:
        return None
    return [c.strip() for c in block.text.split(SEPARATOR)]


def _page_rows(region: etree._Element) -> list[list[str]]:
    """The cells of each row of the region's tables that has two or more, in the page's order."""
    rows = []
    for row in region.iter("tr"):
        if is_hidden(row):
            continue
        cells = [visible_text(c) for c in row if c.tag in ("td", "th")]
        cells = [c for c in cells if c]
        if len(cells) > MIN_KEPT_CELLS - 1:
            rows.append(cells)
    return rows


def _within(cells: list[str], page_cells: list[str]) -> bool:
    """Are the cells, in order, some of the page row's cells (and fewer)?"""
    if len(cells) >= len(page_cells):
        return False
    rest = iter(page_cells)
    return all(any(c == p for p in rest) for c in cells)


def whole_rows(blocks: list[Block], region: etree._Element) -> list[Block]:
    """The blocks, with each table row that lost cells replaced by the page's row."""
    if not any(_cells(b) for b in blocks):
        return blocks
    page_rows = _page_rows(region)
    if not page_rows:
        return blocks
    out: list[Block] = []
    start = 0  # the next page row to look at: rows are matched in the page's order
    for block in blocks:
        cells = _cells(block)
        if cells is not None and len(cells) >= MIN_KEPT_CELLS:
            for j in range(start, len(page_rows)):
                page_cells = page_rows[j]
                if page_cells == cells:
                    start = j + 1
                    break
                if _within(cells, page_cells):
                    missing = " ".join(c for c in page_cells if c not in cells)
                    if out and isinstance(out[-1], Paragraph) and out[-1].text == missing:
                        out.pop()  # the extractor set the lost cell on a line of its own
                    block, start = Paragraph(SEPARATOR.join(page_cells)), j + 1
                    break
        out.append(block)
    return out
