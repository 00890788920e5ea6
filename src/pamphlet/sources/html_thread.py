"""Forum threads: the repeated post containers of a discussion page.

phpBB, vBulletin, XenForo, SMF, Discourse, Flarum, Invision and their home-made cousins all lay
a thread out the same way: sibling elements of one kind (same tag, same classes but for
counters like ``bg1``/``bg2``), each holding a post with a date and a body of prose. An
extractor that scores text density keeps one of them (or a sidebar) and drops the rest; here
the thread is found by that structure alone, never by a site's name, and every post is read
as a comment with its author and date.
"""

from __future__ import annotations

import re

from lxml import etree

MIN_POSTS = 3  # two of a kind are as often the columns of a page layout
MIN_SHARE = 0.6  # of the siblings of one kind that must look like posts
MIN_THREAD_WORDS = 60
MAX_LINK_SHARE = 0.5  # a post is prose, not a list of links
_FURNITURE = frozenset(("nav", "header", "footer", "aside", "menu"))
_SKIP = frozenset(("script", "style", "noscript", "template", "head", "select", "svg"))
_STATE = frozenset(("odd", "even", "alt", "first", "last", "unread", "online", "offline", "new"))
_LAYOUT = re.compile(  # classes of page layout and teaser grids, never of a post
    r"(?:^|[-_])(?:col|cols|column|columns|row|grid|layout|slide|slider"
    r"|carousel|swiper|card|cards|teaser|widget|elementor|tile|item-list)(?:$|[-_])",
    re.I,
)
_DIGIT = re.compile(r"\d")
_KINDS = frozenset(("div", "article", "li", "section", "table", "tr"))
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janvier|février|mars|avril|mai|juin"
    r"|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober"
    r"|dezember|янв|фев|мар|апр|мая|май|июн|июл|авг|сен|окт|ноя|дек"
)
_DATE = re.compile(
    rf"\b(?:{_MONTHS})[a-zа-я]*\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:{_MONTHS})"
    r"|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?"
    r"|months?|years?|yrs?)\s+ago\b|\b(?:yesterday|today)\b|\b\d{1,2}:\d{2}\s*(?:am|pm)?\b"
    r"|\b(?:19|20)\d\d\b",
    re.I,
)

_AUTHORED = etree.XPath(  # someone signs a post: an author, user, poster or avatar element
    "boolean(.//*[re:test(concat(@class, ' ', @itemprop, ' ', @rel, ' ', @data-author, ' ', @id),"
    " 'author|user|poster|member|avatar|profile|byline|nick|postername', 'i')])",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def _signature(el: etree._Element) -> tuple[str, frozenset[str]] | None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag not in _KINDS:
        return None
    tokens = frozenset(
        t for t in (el.get("class") or "").split() if not _DIGIT.search(t) and t not in _STATE
    )
    if not tokens and tag != "article":  # bare <div>s and <li>s are layout, not posts
        return None
    if any(_LAYOUT.search(t) for t in tokens):
        return None
    return tag, tokens


def _is_post(el: etree._Element) -> tuple[bool, int]:
    """Does the element read as a post (dated prose, not a list of links)? And its prose words."""
    text = el.text_content()
    words = len(text.split())
    links = sum(len(a.text_content().split()) for a in el.iter("a"))
    prose = words - links
    if prose < 4 or links > MAX_LINK_SHARE * words:
        return False, prose
    dated = el.find(".//time") is not None or el.find(".//*[@datetime]") is not None
    if not dated and not _DATE.search(text, 0, 1500):
        return False, prose
    return _AUTHORED(el), prose


def _in_furniture(el: etree._Element) -> bool:
    return any(a.tag in _FURNITURE for a in el.iterancestors())


def find_thread(tree: etree._Element) -> list[etree._Element]:
    """The posts of the page's discussion thread in order, or [] when it has none."""
    body = tree.find(".//body")
    if body is None:
        return []
    found: list[tuple[int, list[etree._Element]]] = []
    for parent in body.iter():
        if not isinstance(parent.tag, str) or parent.tag in _SKIP or len(parent) < MIN_POSTS:
            continue
        groups: dict[tuple[str, frozenset[str]], list[etree._Element]] = {}
        for child in parent:
            sig = _signature(child)
            if sig is not None:
                groups.setdefault(sig, []).append(child)
        for members in groups.values():
            if len(members) < MIN_POSTS:
                continue
            posts, words = [], 0
            for el in members:
                ok, prose = _is_post(el)
                if ok:
                    posts.append(el)
                    words += prose
            if len(posts) < MIN_POSTS or len(posts) < MIN_SHARE * len(members):
                continue
            if words >= MIN_THREAD_WORDS and not _in_furniture(parent):
                found.append((words, posts))
    if not found:
        return []
    found.sort(key=lambda f: -f[0])
    words, best = found[0]
    # two page columns that both hold dates are not a thread: prefer the posts inside them
    for inner_words, inner in found[1:]:
        if inner_words < 0.5 * words:
            break
        inside = set(e for el in best for e in el.iterdescendants())
        if len(inner) > len(best) and all(el in inside for el in inner):
            words, best = inner_words, inner
    return best
