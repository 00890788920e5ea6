"""Page furniture inside an article's region: navigation, sharing, ads, teasers, link lists.

Told by markup (tags, class and id names) and by shape (a list mostly of links to other
pages, a heading that is one link, a card of a linked heading and a few words), never by the
words of one site. A name is only a hint: a container holding most of the region is not
furniture, whatever it is called.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from .html_blocks import HEADINGS
from .html_sources import under_reference_heading

LINK_DENSE = 0.7
_CARDS = frozenset(["div", "li", "article", "section"])
MAX_CARD_CHILDREN = 6
FURNITURE_SHARE = 0.5
_FURNITURE_TAGS = frozenset(["nav", "footer", "form", "menu", "button", "select"])
FURNITURE_CLASS = re.compile(
    r"(?<![a-z0-9])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|related|"
    r"recommend\w*|promo\w*|newsletter|subscri\w*|signup|advert\w*|ads?|ad-\w+|sponsor\w*|"
    r"comments?|footer|sidebar|popup|modal|cookies?|banner|tags|tagcloud|pagination|"
    r"pager|toolbar|visually-hidden|sr-only|screen-reader-text|outbrain|taboola|zergnet|"
    r"author-?(?:bio|box|card|content|info|profile)|about-?(?:the-?)?author|disclaimer|disclosure|"
    r"instagram-media|tiktok-embed)"
    r"(?![a-z0-9])",
    re.I,
)


def furniture(el: etree._Element, region_chars: int) -> bool:
    """Page furniture inside a region: navigation, sharing, ads, related links, link lists."""
    tag = el.tag
    if tag in _FURNITURE_TAGS:
        return True
    cls = el.get("class")
    names = f"{cls or ''} {_id_name(el)}" if cls or el.get("id") else ""
    if names and _furniture_name(names):
        # (a name is a hint: a container holding most of the region is not furniture)
        return len(el.text_content()) < FURNITURE_SHARE * region_chars
    if tag in ("ul", "ol", "aside"):
        parent = el.getparent()
        if tag != "aside" and parent is not None and parent.tag == "li":
            return False  # a list item's sub-list of links is part of the item
        intro = el.getprevious()
        if tag != "aside" and intro is not None and intro.tag == "p" and (
            "".join(intro.itertext()).rstrip().endswith(":")
        ):
            return False  # a list of links the article introduces ("Further reading:")
        if tag != "aside" and under_reference_heading(el):
            return False  # the article's "See also" or "External links"
        return link_dense(el, own=tag != "aside")
    if tag in HEADINGS:
        return _link_only(el)
    if tag in _CARDS and len(el) <= MAX_CARD_CHILDREN:
        heading = _card_heading(el)  # a teaser: a linked title and a few words
        return (
            heading is not None
            and _link_only(heading)
            and len(el.text_content()) < FURNITURE_SHARE * region_chars
        )
    return False


@lru_cache(maxsize=4096)
def _furniture_name(names: str) -> bool:
    """Do these class and id names say furniture? (pages repeat a few names many times)"""
    return bool(names.strip()) and FURNITURE_CLASS.search(names.replace("_", "-")) is not None


MIN_SLUG_WORDS = 5


def _id_name(el: etree._Element) -> str:
    """The element's id, unless it is a section's anchor made from its heading's words."""
    value = el.get("id") or ""
    return "" if value.count("-") + 1 >= MIN_SLUG_WORDS else value


def _card_heading(el: etree._Element, depth: int = 3) -> etree._Element | None:
    """A heading among the element's descendants down to ``depth`` levels (small ones only)."""
    for child in el:
        if child.tag in HEADINGS:
            return child
        if depth > 1 and 0 < len(child) <= MAX_CARD_CHILDREN:  # (a leaf holds no heading)
            found = _card_heading(child, depth - 1)
            if found is not None:
                return found
    return None


def _link_only(el: etree._Element) -> bool:
    """All of the element's text is one link to another page (a teaser's title).

    The link may be inside the heading or around it (``<a href><h3>Title</h3></a>``).
    """
    link = next(el.iter("a"), None)
    if link is None:
        parent = el.getparent()
        link = parent if parent is not None and parent.tag == "a" else None
    if link is None or (link.get("href") or "#").startswith("#"):
        return False
    return len(link.text_content().strip()) >= len(el.text_content().strip()) > 0


def link_dense(el: etree._Element, own: bool = False) -> bool:
    """Mostly links to other pages (links within the page, as in a table of contents, are not).

    With ``own``, a list is judged by its own items' words, without its sub-lists (those are
    judged on their own).
    """
    nested = [sub for sub in el.iter("ul", "ol") if sub is not el] if own else []
    total = len(el.text_content().split()) - sum(len(s.text_content().split()) for s in nested)
    if total <= 0:
        return False
    inner = {a for sub in nested for a in sub.iter("a")}
    linked = sum(
        len(a.text_content().split())
        for a in el.iter("a")
        if not (a.get("href") or "").startswith("#") and a not in inner
    )
    return linked >= LINK_DENSE * total
