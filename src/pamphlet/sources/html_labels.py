"""A list's label: the short line ending in a colon that introduces it ("What you'll need:",
"Ingredients:"). It belongs to the list, and a list the extractor kept keeps its label, at the
start of the article's text or inside it; it is too short for the paragraph rules to restore.
"""

from __future__ import annotations

from ..model import Block, ListBlock, Paragraph

MAX_LABEL_WORDS = 8


def list_label(page_blocks: list[Block], i: int) -> bool:
    """Is the page block at ``i`` a short line ending in a colon, right before a list?"""
    block = page_blocks[i]
    if not isinstance(block, Paragraph) or i + 1 >= len(page_blocks):
        return False
    text = block.text.rstrip()
    return (
        isinstance(page_blocks[i + 1], ListBlock)
        and text.endswith(":")
        and 0 < len(text.split()) <= MAX_LABEL_WORDS
    )
