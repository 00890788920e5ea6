"""Boxes beside the article that the extractor kept: disclaimers and affiliate disclosures,
the author's bio, newsletter sign-ups and pop-ups; and boxes inside it that it dropped: the
collapsed panels of accordions and tabs.

An extracted block that stands whole inside such a box is left out of the article (the removal
summary still lists it). Only the elements holding extracted text are looked at (a few dozen),
not the whole page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from ..model import Block, Figure
from .html_blocks import texts_of, visible_text


def inside(el: etree._Element, container: etree._Element) -> bool:
    return any(parent is container for parent in el.iterancestors())



# class or id tokens of boxes that are never the article: disclaimers and affiliate disclosures,
# the author's bio, newsletter sign-up boxes and pop-ups
_BOX = re.compile(
    r"(?<![a-z0-9])(?:\w*disclaimer|\w*disclosure|author-?(?:bio|box|card|content|info|profile)|"
    r"about-?(?:the-?)?author|newsletter-?(?:signup|sign-up|form|box|cta|subscribe|widget)|"
    r"popup|pop-up)(?![a-z0-9])",
    re.I,
)
_HOLDS_ARTICLE = etree.XPath(".//*[self::article or self::h1 or @itemprop='articleBody']")
MAX_BOX_SHARE = 0.25  # a box holding more of the page's text than this is not a box
MIN_BOXED_WORDS = 4


def _box_texts(tree: etree._Element, holders: Iterable[etree._Element]) -> list[str]:
    """The texts (as lower-cased words) of the boxes among the elements holding extracted text.

    Only those elements are looked at (the ancestors of the extracted paragraphs, a few dozen),
    not the whole page.
    """
    boxes: list[etree._Element] = []
    for el in holders:
        names = el.get("class"), el.get("id")
        if not any(names):
            continue
        joined = " ".join(n for n in names if n).replace("_", "-")
        if _BOX.search(joined) is not None:
            boxes.append(el)
    if not boxes:
        return []
    body = tree.find("body")
    limit = MAX_BOX_SHARE * len(body.text_content()) if body is not None else 0
    texts: list[str] = []
    for el in boxes:
        if any(inside(el, other) for other in boxes if other is not el):
            continue
        if len(el.text_content()) < limit and not _HOLDS_ARTICLE(el):
            texts.append(" " + " ".join(visible_text(el).lower().split()) + " ")
    return texts


def boxed_blocks(
    tree: etree._Element, blocks: list[Block], holders: Iterable[etree._Element]
) -> set[int]:
    """The ids of the blocks that stand whole inside a disclaimer, bio or sign-up box."""
    texts = _box_texts(tree, holders)
    if not texts:
        return set()

    def boxed(block: Block) -> bool:
        if isinstance(block, Figure):
            return False
        words = " ".join(texts_of(block)).lower().split()
        if len(words) < MIN_BOXED_WORDS:  # a few words say too little about where they stand
            return False
        joined = f" {' '.join(words)} "
        return any(joined in text for text in texts)

    return {id(b) for b in blocks if boxed(b)}


_CONTROLS = etree.XPath(
    ".//*[@aria-controls and (@aria-expanded or @role='button' or @role='tab' or self::button)]"
    "/@aria-controls"
)


def collapsed_panels(region: etree._Element) -> frozenset[str]:
    """The ids of the panels that buttons in the region open (an accordion's, a tab's).

    A page shows such a panel's text once the reader opens it; the extractor takes it for
    hidden text and drops it. Menus and dialogs opened the same way are furniture (pruned).
    """
    return frozenset(name for value in _CONTROLS(region) for name in str(value).split())
