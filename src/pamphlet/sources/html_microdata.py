"""Discussions marked up with schema.org microdata: forum threads and question-and-answer pages.

Forum engines (Discourse, XenForo, vBulletin, ...) and Q&A sites (Stack Exchange, ...) mark each
post as a schema.org item: the opening post a ``DiscussionForumPosting`` or ``Question``, the
others ``Comment`` or ``Answer``, each with its ``text``, ``author`` and ``datePublished`` or
``dateCreated``. When a page says this much about itself, its posts are read from the markup:
the opening post is the body, the others are comments in page order, and a comment nested in an
answer or question answers that post's author. Everything else on the page (user cards, vote
counts, "asked"/"answered" lines, sidebars) is left out.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from lxml import etree

from ..model import Block, Comment
from .html_blocks import ImageIndex, html_blocks, norm, remove_keeping_tail
from .html_comments import DROP_CLASSES, previews_as_titles

OPENING = ("DiscussionForumPosting", "Question")
REPLIES = ("Comment", "Answer")
ANSWERED = ("Question", "Answer", "Comment")  # a reply nested in one of these answers it
_ITEMS = etree.XPath("//@itemscope/parent::*[@itemtype]")  # (by attribute: faster)
_TEXT_PROPS = ("text", "articleBody")
_DATE_PROPS = ("datePublished", "dateCreated")


def _type(el: etree._Element) -> str:
    return (el.get("itemtype") or "").split()[0].rstrip("/").rsplit("/", 1)[-1]


def _owner(el: etree._Element) -> etree._Element | None:
    """The item a property belongs to: the nearest item around it (not itself)."""
    for anc in el.iterancestors():
        if anc.get("itemscope") is not None:
            return anc
    return None


def _own_props(item: etree._Element, names: tuple[str, ...]) -> list[etree._Element]:
    found = []
    for el in item.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        props = (el.get("itemprop") or "").split()
        if any(p in names for p in props) and _owner(el) is item:
            found.append(el)
    return found


def _value(el: etree._Element) -> str:
    return norm(el.get("content") or el.get("datetime") or el.text_content())


def _author(item: etree._Element) -> str | None:
    for el in _own_props(item, ("author", "creator")):
        if el.get("itemscope") is not None:
            names = _own_props(el, ("name", "alternateName"))
            text = _value(names[0]) if names else ""
        else:
            text = _value(el)
        if text:
            return text[:80]
    return None


def _date(item: etree._Element, to_iso: Callable[[str], str | None]) -> str | None:
    for el in _own_props(item, _DATE_PROPS):
        found = to_iso(_value(el))
        if found:
            return found
    return None


def _blocks(text_el: etree._Element, images: ImageIndex) -> list[Block]:
    clone = copy.deepcopy(text_el)
    previews_as_titles(clone)
    for sub in list(clone.iterdescendants()):
        chrome = isinstance(sub.tag, str) and set((sub.get("class") or "").split()) & DROP_CLASSES
        if chrome and sub.getparent() is not None:
            remove_keeping_tail(sub)
    return html_blocks(clone, images)


def microdata_thread(
    tree: etree._Element,
    images: ImageIndex,
    to_iso: Callable[[str], str | None],
) -> tuple[list[Block], list[Comment], list[etree._Element]] | None:
    """The opening post's blocks, the replies, and the post elements; None if not marked up.

    A thread needs a marked opening post with its own text and at least one reply. Pages that
    mark only their comments (a blog's, or a forum's replies without its opening post) are left
    to the other readers.
    """
    posts: list[tuple[etree._Element, etree._Element]] = []
    for item in _ITEMS(tree):
        if _type(item) not in OPENING + REPLIES:
            continue
        texts = _own_props(item, _TEXT_PROPS)
        if texts:
            posts.append((item, texts[0]))
    if len(posts) < 2:
        return None
    first_type = _type(posts[0][0])
    if first_type not in OPENING:
        return None  # replies marked, the opening post not: left to the other readers
    if any(_type(item) in OPENING for item, _ in posts[1:]):
        return None  # several questions or topics: a listing or an FAQ, not one thread
    authors: dict[etree._Element, str | None] = {}
    opening: list[Block] = []
    comments: list[Comment] = []
    for number, (item, text_el) in enumerate(posts):
        author = _author(item)
        authors[item] = author
        blocks = _blocks(text_el, images)
        if number == 0:
            opening = blocks
            continue
        if not blocks:
            continue
        parent = next((a for a in item.iterancestors() if a in authors), None)
        reply_to = authors[parent] if parent is not None and _type(parent) in ANSWERED else None
        comments.append(Comment(author, _date(item, to_iso), tuple(blocks), reply_to))
    if not opening or not comments:
        return None
    return opening, comments, [item for item, _ in posts]


__all__ = ["microdata_thread"]
