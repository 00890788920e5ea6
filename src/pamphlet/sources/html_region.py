"""The fallback when the extractor drops real text: the article's own region, walked directly.

trafilatura sometimes keeps only part of an article (a teaser, the first section). When the page
marks its article (``itemprop=articleBody``, a single ``<article>``) and that region has clearly
more words than what was extracted, the region is used instead: never less than the article.
"""

from __future__ import annotations

from lxml import etree

from ..model import Block, ListBlock
from .html_blocks import visible_text

MIN_REGION_WORDS = 40
SHARE = 0.7


def _block_words(blocks: list[Block]) -> int:
    total = 0
    for block in blocks:
        if isinstance(block, ListBlock):
            total += sum(len(i.split()) for i in block.items)
        else:
            text = getattr(block, "text", None) or getattr(block, "caption", None) or ""
            total += len(text.split())
    return total


def article_region(tree: etree._Element) -> etree._Element | None:
    """The element the page itself marks as its article, if it marks exactly one."""
    bodies = [
        el for el in tree.iter() if isinstance(el.tag, str) and el.get("itemprop") == "articleBody"
    ]
    if len(bodies) == 1:
        return bodies[0]
    articles = [
        el for el in tree.iter("article") if not any(a.tag == "article" for a in el.iterancestors())
    ]
    if len(articles) == 1:
        return articles[0]
    return None


def better_region(tree: etree._Element, blocks: list[Block]) -> etree._Element | None:
    """The article region when it holds clearly more text than the extracted blocks."""
    region = article_region(tree)
    if region is None:
        return None
    region_words = len(visible_text(region).split())
    if region_words < MIN_REGION_WORDS:
        return None
    if _block_words(blocks) < SHARE * region_words:
        return region
    return None
