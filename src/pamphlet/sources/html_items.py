"""List items the extractor cut short or ran together, made whole from the page.

trafilatura ends a list item's text at the first block element nested inside it (a <div> a
script put into a citation, a badge after a link): the item keeps its first words and loses
the rest ("Smith, J. (2017)." for the whole reference); and when it drops such an element it
joins the words on either side of it ("the originalon 2015-04-02"). An extracted list that is
a list of the page's region item for item (each extracted item's characters, spaces aside, the
start of the page's item in the same place) takes the page's items. The extractor joins a
nested list's items on with "; " and drops a sub-list that holds only a captioned picture; the
comparison passes over those separators, and an item that is whole already keeps its own text.
"""

from __future__ import annotations

import re

from ..model import Block, ListBlock

_SPACE = re.compile(r"[\s;]+")  # (the extractor joins a nested list's items with "; ")
MIN_ITEMS = 2
PROBE = 8  # characters of a list's first item that index it (the full test follows)


def _letters(text: str) -> str:
    return _SPACE.sub("", text).casefold()


def _nested_joined(item: str, page_item: str) -> bool:
    """Is the extracted item the page's, with its sub-list's items joined on by "; "?"""
    same = item.replace(";", " ").split() == page_item.replace(";", " ").split()
    return same and item.count(";") > page_item.count(";")


def whole_items(blocks: list[Block], page_blocks: list[Block]) -> list[Block]:
    """The blocks, with each list whose items were cut short replaced by the page's list."""
    index: dict[tuple[int, str], list[ListBlock]] = {}
    for block in page_blocks:
        if isinstance(block, ListBlock) and len(block.items) >= MIN_ITEMS:
            index.setdefault((len(block.items), _letters(block.items[0])[:PROBE]), []).append(block)
    if not index:
        return blocks
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, ListBlock) and len(block.items) >= MIN_ITEMS:
            block = _whole(block, index)
        out.append(block)
    return out


def _whole(block: ListBlock, index: dict[tuple[int, str], list[ListBlock]]) -> ListBlock:
    probe = _letters(block.items[0])[:PROBE]
    for page in index.get((len(block.items), probe), ()):
        pairs = list(zip(block.items, page.items, strict=True))
        if page.items != block.items and all(
            _letters(p).startswith(_letters(b)) for b, p in pairs
        ):
            # an item whole already keeps its own text (and the separators of its sub-list)
            items = tuple(b if _nested_joined(b, p) else p for b, p in pairs)
            return ListBlock(block.ordered, items, block.demands, block.intro)
    return block
