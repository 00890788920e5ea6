"""Picture credits: who took or drew a picture the article shows.

A printed article credits its pictures under them, and a reader who keeps the article keeps the
credit with the picture. Pages set a credit in two ways the extractor drops:

- inside the <figure>, in an element of its own named for it (``class="credit"``,
  "attribution", "photographer"), when the figure has no caption: the credit is its caption;
- as a short line of its own right after the picture in the article's text ("(Artist: Jane
  Doe)", "Photo: John Roe / Reuters"): the line stays in its place.

Only a line that says it is a credit (a credit word and a colon: "Photo:", "Artist:",
"Source:") counts; a short line after a picture that does not is left to the other rules.

The lead picture set above the article's region (outside it, so the region walk does not see
it) comes back with its caption when the caption tells what the picture shows (a sentence of
a few words, a credit in parentheses after it or not); a picture captioned with a credit only
is passed over, as before.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import Block, Figure, Paragraph
from .html_blocks import is_hidden, names_of, visible_text

MAX_CREDIT_WORDS = 10
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:photo(?:graph)?s?|images?|pictures?|artists?|art(?:work)?|illustrations?|"
    r"credits?|sources?|foto(?:s|grafie)?|bild(?:er)?|quelle|crédits?|fuente)(?: by)?\s*:\s*\S",
    re.I,
)
_PARENTHESES = re.compile(r"\([^()]*\)\s*$")
_CREDIT_NAME = re.compile(
    r"(?<![a-z0-9])(?:credits?|attribution|photographer|copyright)(?![a-z0-9])", re.I
)


def credit_after_picture(page_blocks: list[Block], i: int) -> bool:
    """Is the page block at ``i`` a credit line standing right after a picture?"""
    if i == 0 or not isinstance(page_blocks[i - 1], Figure):
        return False
    block = page_blocks[i]
    if not isinstance(block, Paragraph):
        return False
    short = len(block.text.split()) <= MAX_CREDIT_WORDS
    return short and _CREDIT_LINE.match(block.text) is not None


def figure_credit(figure: etree._Element) -> str:
    """The credit set inside a figure in an element of its own ("" when there is none)."""
    for el in figure.iter():
        if not isinstance(el.tag, str) or el is figure:
            continue
        names = names_of(el)
        if not names.strip() or _CREDIT_NAME.search(names) is None or is_hidden(el):
            continue
        text = visible_text(el)
        if 0 < len(text.split()) <= MAX_CREDIT_WORDS:
            return text
    return ""


MIN_DESCRIPTION_WORDS = 8


def described_picture(blocks: list[Block]) -> bool:
    """One picture whose caption is a sentence about what it shows, not only a credit."""
    if len(blocks) != 1 or not isinstance(blocks[0], Figure) or not blocks[0].caption:
        return False
    text = _PARENTHESES.sub("", blocks[0].caption).strip()  # "(Jane Doe/Reuters)"
    return len(text.split()) >= MIN_DESCRIPTION_WORDS and text[-1:] in ".!?…"
