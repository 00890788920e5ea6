"""An article's own reference sections: "See also", "References", "External links", "Sources".

A list of links is mostly page furniture (related stories, a menu), but a list standing under
a heading that names the article's sources or its further reading is the article's own: an
encyclopedia entry's "See also" and "External links", a tutorial's "Sources & links". Such a
list is not pruned as a box of links, and such sections right after the extracted span (where
an extractor trims them with the page's end) come back with their heading.

Told by the heading's words alone (a few stock names, said the same way on any site), never by
a site's markup.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import Block, Heading, ListBlock, Paragraph
from .html_blocks import HEADINGS

REFERENCE_HEADING = re.compile(
    r"^\W*(?:see also|external links|further reading|references|bibliography|works cited"
    r"|sources\s+(?:and|&)\s+(?:links|references|further reading))"
    r"\W*(?:edit\W*)?$",
    re.I,
)
_STRING = etree.XPath("string()")
MAX_PASSED = 4  # boxes and labels passed over between the heading and a list under it
MAX_PASSED_WORDS = 30


def is_reference_heading(text: str) -> bool:
    return REFERENCE_HEADING.match(" ".join(text.split())) is not None


def under_reference_heading(el: etree._Element) -> bool:
    """A list right under a heading naming the article's references: a notice box, a
    one-line label or the section's other lists may stand between them."""
    passed = 0
    for prev in el.itersiblings(preceding=True):
        if not isinstance(prev.tag, str):
            continue
        if prev.tag in HEADINGS:
            return is_reference_heading(str(_STRING(prev)))
        if prev.tag in ("ul", "ol"):
            continue  # the section's list before this one
        if prev.tag == "p" or passed >= MAX_PASSED:
            return False
        if len(str(_STRING(prev)).split()) > MAX_PASSED_WORDS:
            return False
        passed += 1
    return False


MAX_LINE_WORDS = 12  # a line in such a section: a label, a notice ("Media related to ...")
MAX_PASSED_LINES = 2  # short lines passed over between the span and the first section


def references_after(page_blocks: list[Block], last: int) -> list[int]:
    """The page blocks right after the extracted span that are the article's reference
    sections: each such heading and the lists under it (short labels between them too)."""
    out: list[int] = []
    under = False
    passed = 0
    for i in range(last + 1, len(page_blocks)):
        block = page_blocks[i]
        if isinstance(block, Heading):
            under = is_reference_heading(block.text)
            if not under and out:
                break
            if under:
                out.append(i)
            continue
        short = isinstance(block, Paragraph) and len(block.text.split()) <= MAX_LINE_WORDS
        if not under:
            if not out and short and passed < MAX_PASSED_LINES:
                passed += 1
                continue  # a short line between the span and the first section
            break
        if isinstance(block, ListBlock) or short:
            out.append(i)
        else:
            break
    while out and not isinstance(page_blocks[out[-1]], ListBlock):
        out.pop()  # a heading or label with nothing under it
    return out


def unsaid_reference_list(page_blocks: list[Block], i: int, said: str) -> bool:
    """Is the page block at ``i`` a list right under a reference heading ("See also") whose
    items the extracted text does not say? ``said`` is the extracted text as lower-cased words
    with a space on either side. A short item ("Outline of New Zealand") shares its word
    triples with the article's text, so each item is looked for whole."""
    block = page_blocks[i]
    if not isinstance(block, ListBlock) or i == 0:
        return False
    heading = page_blocks[i - 1]
    if not isinstance(heading, Heading) or not is_reference_heading(heading.text):
        return False
    return not any(f" {' '.join(item.lower().split())} " in said for item in block.items)
