"""An article's opening words that the extractor, which reads the body, leaves out.

- The standfirst: news pages set the sentence that sums the article up (the "dek", "summary")
  in the article's <header>, right after the headline, apart from the body's paragraphs. It is
  the first text after the headline, in the headline's container or the one around it, inside
  that header: a paragraph (or a sub-heading) that reads as a sentence. A byline, a date, a
  label, a link or a stock line in that place is not a standfirst, nor is page furniture.
  Without a <header>, the line right under the headline is the standfirst only when the page
  marks it as the article's description (itemprop="description").
- The lead: real paragraphs right before the first paragraph the extractor kept, inside the
  article's region (a lead set in its own <header> or box); a picture between them and the body
  is passed over, and a stock line (an affiliate disclosure, a sign-up) ends the lead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from ..boilerplate import classify_line
from ..model import Block, Figure, Heading, Paragraph
from .html_blocks import (
    ImageIndex,
    html_blocks,
    is_hidden,
    names_of,
    texts_of,
    visible_text,
)
from .html_credits import described_picture
from .html_furniture import FURNITURE_CLASS, furniture, link_dense
from .html_removed import key

MIN_STANDFIRST_WORDS = 8
MAX_STANDFIRST_WORDS = 80
MAX_LEVELS = 2  # how far up from the headline its following siblings are looked at
_STANDFIRST_TAGS = frozenset(["p", "h2", "div"])
_BLOCKS = etree.XPath(
    "boolean(.//p | .//div | .//ul | .//ol | .//table | .//blockquote | .//figure"
    " | .//h1 | .//h2 | .//h3 | .//h4)"
)
_BYLINE = re.compile(r"^(by|von|par|por|door|от|автор)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?…][\"'”»)]?$")


def with_standfirst(tree: etree._Element, blocks: list[Block], title: str) -> list[Block]:
    """The blocks, with the article's standfirst in front when the extractor left it out."""
    headline = _headline(tree, title)
    if headline is None:
        return blocks
    text = _standfirst(headline)
    if text is None:
        return blocks
    said = " " + " ".join(key(t) for b in blocks for t in texts_of(b)) + " "
    if f" {key(text)} " in said:
        return blocks
    return [Paragraph(text), *blocks]


def _headline(tree: etree._Element, title: str) -> etree._Element | None:
    """The page's <h1> that says its title (the first one)."""
    wanted = key(title)
    if not wanted:
        return None
    for h1 in tree.iterfind(".//body//h1"):
        said = key(visible_text(h1))
        if said and (said == wanted or wanted.startswith(said + " ")) and not is_hidden(h1):
            return h1
    return None


def _standfirst(headline: etree._Element) -> str | None:
    """The first text after the headline, when it reads as the article's summing-up."""
    header = next(headline.iterancestors("header"), None)
    if header is None:
        return _described(headline)
    node = headline
    for _ in range(MAX_LEVELS + 1):
        found = _next_text(node)
        if found is not None:
            sibling, text = found
            return text if _reads_as_standfirst(sibling, text) else None
        node = node.getparent()
        if node is None or node is header:
            return None
    return None


def _described(headline: etree._Element) -> str | None:
    """Without a <header>: the text right after the headline when the page marks it as the
    article's description (schema.org's itemprop="description"), sentence or not."""
    found = _next_text(headline)
    if found is None:
        return None
    sibling, text = found
    if sibling.get("itemprop") != "description" or sibling.tag not in _STANDFIRST_TAGS:
        return None
    words = len(text.split())
    fits = MIN_STANDFIRST_WORDS <= words <= MAX_STANDFIRST_WORDS and not _BLOCKS(sibling)
    return text if fits and not link_dense(sibling) else None


def _next_text(node: etree._Element) -> tuple[etree._Element, str] | None:
    """The first visible sibling after ``node`` that holds text, and its text."""
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str) or is_hidden(sibling):
            continue
        text = visible_text(sibling)
        if text:
            return sibling, text
    return None


def _reads_as_standfirst(el: etree._Element, text: str) -> bool:
    if el.tag not in _STANDFIRST_TAGS or (el.tag == "div" and _BLOCKS(el)):
        return False
    names = names_of(el)
    if FURNITURE_CLASS.search(names) or link_dense(el):
        return False
    words = text.split()
    return (
        MIN_STANDFIRST_WORDS <= len(words) <= MAX_STANDFIRST_WORDS
        and _BYLINE.match(text) is None
        and classify_line(text) is None
        and _SENTENCE_END.search(text) is not None
    )


MAX_LEAD_BLOCKS = 2


def lead_before(
    page_blocks: list[Block], first: int, fresh: Callable[[Block], bool]
) -> list[Block]:
    """The article's lead: real paragraphs the extractor left out right before the first one it
    kept, in the article's region (a picture between them and the body is passed over); a
    stock line there (an affiliate disclosure, a sign-up) ends the lead."""
    lead: list[Block] = []
    for block in reversed(page_blocks[:first]):
        if isinstance(block, Figure) or not texts_of(block):
            continue
        if isinstance(block, Heading) or not fresh(block) or len(lead) == MAX_LEAD_BLOCKS:
            break
        if any(classify_line(t) for t in texts_of(block)):  # a disclosure, a sign-up
            break
        lead.insert(0, block)
    return lead


MAX_LEAD_WORDS = 80  # more than this before the region is a section, not a lead
MAX_LINE_WORDS = 15  # a line this short above the article (a byline) is passed over
MAX_PASSED = 2
_HEADED = etree.XPath(
    "boolean(self::h1 | self::h2 | self::h3 | .//h1 | .//h2 | .//h3 | .//h4 | .//form)"
)
_NOT_SHOWN = frozenset(["script", "style", "noscript", "template", "link", "meta", "br", "hr"])


def lead_above(
    region: etree._Element, images: ImageIndex, fresh: Callable[[Block], bool]
) -> list[Block]:
    """The lead set just above the article's region: the nearest element before it (up a few
    levels) that shows text, when that is a short lead of real paragraphs the extractor left
    out; a picture, a byline or a date line on the way is passed over."""
    region_chars = len(region.text_content())
    passed = 0
    node = region
    for _ in range(MAX_LEVELS + 1):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return []
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str) or sibling.tag in _NOT_SHOWN:
                continue
            if not visible_text(sibling, max_words=MAX_LEAD_WORDS):
                continue
            names = " ".join(e.get("class") or "" for e in sibling.iter() if isinstance(e.tag, str))
            if furniture(sibling, region_chars) or FURNITURE_CLASS.search(names):
                return []
            if _HEADED(sibling) or "-" in sibling.tag:
                return []  # the headline, a section, a sign-up box, a page's widget
            blocks = [b for b in html_blocks(sibling, images) if texts_of(b)]
            if blocks and all(isinstance(b, Figure) for b in blocks):
                if described_picture(blocks):
                    return blocks  # the lead picture, with a caption that tells what it shows
                continue  # a picture above the article (its caption may be a credit)
            words = sum(len(t.split()) for b in blocks for t in texts_of(b))
            passed += 1
            if words <= MAX_LINE_WORDS and passed <= MAX_PASSED and not any(map(fresh, blocks)):
                continue  # a byline, a date line
            lead = words <= MAX_LEAD_WORDS and all(_lead_part(b, fresh) for b in blocks)
            return blocks if lead else []
        node = parent
    return []


def _lead_part(block: Block, fresh: Callable[[Block], bool]) -> bool:
    return (
        isinstance(block, Paragraph)
        and fresh(block)
        and not any(classify_line(t) for t in texts_of(block))
    )
