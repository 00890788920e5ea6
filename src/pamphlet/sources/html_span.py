"""What stands at the edges of the extracted span, told apart for the region walk.

- the heading right above the span's first paragraph heads the article's first section, unless
  it says the page's title (which the document says once, as its title);
- a picture's caption right after the span comes back (with only its picture between), like
  the caption right before or after it;
- a caption that repeats a sentence of the article is not "kept" because the extractor kept
  the sentence: only a caption the extraction holds as a block of its own is.
"""

from __future__ import annotations

from lxml import etree

from ..model import Block, Figure, Heading
from .html_kept import Kept, words_of


def titled(tree: etree._Element, heading: Heading) -> bool:
    """The heading says the page's title (its <title> holds the heading's words)."""
    title = " ".join(words_of(tree.findtext(".//title") or ""))
    return f" {' '.join(words_of(heading.text))} " in f" {title} "


def caption_after(page_blocks: list[Block], last: int, i: int) -> bool:
    """A caption right after the span, with only its picture (a figure without a caption of
    its own) between them."""
    return i > last + 1 and all(
        isinstance(b, Figure) and not b.caption for b in page_blocks[last + 1 : i]
    )


def echoed_caption(block: Block, words: list[str], kept: Kept) -> bool:
    """A figure's caption whose words the extracted text holds only inside a paragraph: a
    caption that repeats a sentence of the article. The extractor kept the sentence, not the
    caption, and the caption is not kept."""
    return isinstance(block, Figure) and " ".join(words) not in kept.keys
