"""Text that trafilatura leaves loose in its XML output, between a container's blocks.

It does so with a paragraph's words after an inline formula it dropped, or after a heading it
split off; such text is the article's and is read as a paragraph of its own. A label left
there (a button's words, a card's date) is not.
"""

from __future__ import annotations

import re

from lxml import etree

from .html_meta import norm

MIN_LOOSE_WORDS = 3
MAX_LABEL_WORDS = 7  # a capitalised line this short, with no stop or "Key:", is a label


def loose_parts(container: etree._Element) -> list[etree._Element | str]:
    """A container's children in order, with the text between them that reads as running
    text: the extractor leaves a paragraph's words after an inline formula or a split heading
    loose in the container. A label left there (a few words, capitalised, with no stop and
    no "Key:": "Check price on Amazon", a card's date) is not text, and words after inline
    code are the rest of a paragraph the extractor broke up (the page's paragraph is put back
    whole later)."""
    parts: list[etree._Element | str] = []
    if _running(container.text):
        parts.append(norm(container.text))
    for child in container:
        parts.append(child)
        inline_code = child.tag == "code" and "\n" not in (child.text or "").strip()
        if not inline_code and _running(child.tail):
            parts.append(norm(child.tail))
    return parts


def _running(text: str | None) -> bool:
    words = norm(text).split()
    if len(words) < MIN_LOOSE_WORDS:
        return False
    short = len(words) <= MAX_LABEL_WORDS and words[0][:1].isupper()
    return not short or _NOT_LABEL.search(" ".join(words)) is not None


_NOT_LABEL = re.compile(r"[.!?…]$|:\s")  # a sentence's stop, a "Key: value" line
