"""The fallback when the extractor drops real text: the article's own region, walked directly.

trafilatura sometimes keeps only part of an article (a teaser, the first section). When the page
marks its article (``itemprop=articleBody``, a single ``<article>``) and that region has clearly
more words than what was extracted, the region's real paragraphs that the extractor left out
are put back in their place (with the heading above them). Stock phrases, short link lines and
captions are not: never less than the article, but no more than it either.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import Block, Heading, ListBlock, Paragraph, Quote
from .html_blocks import ImageIndex, html_blocks, visible_text

MIN_REGION_WORDS = 40
SHARE = 0.7
MIN_PARAGRAPH_WORDS = 10
_NONWORD = re.compile(r"\W+")
_STOCK = re.compile(
    r"sign(ing)? up|newsletter|subscribe|share (on|this)|opens in a new window|^credit:|"
    r"all rights reserved|cookie|privacy policy|terms of (use|service)|read more|click here|"
    r"advertisement|sponsored|related (posts|articles)",
    re.I,
)


def _key(text: str) -> str:
    return _NONWORD.sub(" ", text.lower()).strip()


def _texts(block: Block) -> list[str]:
    if isinstance(block, ListBlock):
        return list(block.items)
    text = getattr(block, "text", None) or getattr(block, "caption", None)
    return [text] if text else []


def _words(blocks: list[Block]) -> int:
    return sum(len(t.split()) for b in blocks for t in _texts(b))


def article_region(tree: etree._Element) -> etree._Element | None:
    """The element the page itself marks as its article, if it marks exactly one."""
    bodies = tree.xpath("//*[@itemprop='articleBody']")
    if len(bodies) == 1:
        return bodies[0]
    articles = tree.xpath("//article[not(ancestor::article)]")
    if len(articles) == 1:
        return articles[0]
    return None


def _real(block: Block) -> bool:
    if not isinstance(block, Paragraph | Quote):  # lists next to an article are mostly links
        return False
    texts = _texts(block)
    joined = " ".join(texts)
    if _STOCK.search(joined):
        return False
    return len(joined.split()) >= MIN_PARAGRAPH_WORDS and joined.rstrip()[-1:] in '.!?…:;"”»)'


def with_region(tree: etree._Element, blocks: list[Block], images: ImageIndex) -> list[Block]:
    """The extracted blocks, with the article region's missing paragraphs put back."""
    region = article_region(tree)
    if region is None:
        return blocks
    region_words = len(visible_text(region).split())
    if region_words < MIN_REGION_WORDS or _words(blocks) >= SHARE * region_words:
        return blocks
    kept = " ".join(_key(t) for b in blocks for t in _texts(b))
    kept = f" {kept} "
    flat = kept.replace(" ", "")
    anchors = [f" {_key(' '.join(_texts(b)))} " for b in blocks]
    region_blocks = html_blocks(region, images)
    # missing real blocks, each anchored after the last extracted block seen before it
    inserts: dict[int, list[Block]] = {}
    anchor = -1
    pending_heading: Heading | None = None
    for block in region_blocks:
        texts = _texts(block)
        k = _key(" ".join(texts))
        if not k:
            continue
        if f" {k} " in kept or k.replace(" ", "") in flat:  # (inline tags may join words)
            for i in range(max(anchor, 0), len(anchors)):
                if f" {k} " in anchors[i] or anchors[i].strip() in f" {k} ":
                    anchor = i
                    break
            pending_heading = None
            continue
        if isinstance(block, Heading):
            pending_heading = block
            continue
        if _real(block):
            group = inserts.setdefault(anchor, [])
            if pending_heading is not None:
                group.append(pending_heading)
                pending_heading = None
            group.append(block)
            kept += f"{k} "
            flat += k.replace(" ", "")
    if not inserts:
        return blocks
    out: list[Block] = list(inserts.get(-1, []))
    for i, block in enumerate(blocks):
        out.append(block)
        out.extend(inserts.get(i, []))
    return out
