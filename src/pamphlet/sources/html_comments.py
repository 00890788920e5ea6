"""Comment threads from common markup: WordPress, Drupal, Disqus (static) and schema.org.

A comment is an element marked as one (class token ``comment``, a Disqus ``li.post``, or a
schema.org Comment); a reply is a comment nested in another through a replies container
(``ul.children``, Drupal's ``div.indented`` after its parent, ...). Each comment keeps its
author, date and the author it answers.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from ..model import Comment, Paragraph
from .html_blocks import (
    HEADINGS,
    ImageIndex,
    html_blocks,
    norm,
    remove_keeping_tail,
    visible_text,
)

AUTHOR_CLASSES = (
    "fn",
    "comment-author-name",
    "comment__author",
    "comment-author",
    "username",
    "author-name",
    "author",
    "user",
    "commenter",
    "name",
    "post-author",
)
DATE_CLASSES = (
    "comment-metadata",
    "comment-meta",
    "commentmetadata",
    "comment-date",
    "comment__time",
    "comment-time",
    "submitted",
    "time-ago",
    "post-meta",
    "date",
    "meta",
)
BODY_CLASSES = (
    "comment-content",
    "comment-copy",
    "comment__content",
    "field--name-comment-body",
    "field-name-comment-body",
    "comment-text",
    "post-message",
    "comment-body-text",
    "comment_text",
    "commenttext",
    "content",
    "comment-body",
    "commentBody",  # Slashdot-style: the title bar and byline stand above it
    # forum posts (phpBB, XenForo, vBulletin, Discourse, Flarum, Reddit, Stack Exchange, ...)
    "message-body",
    "bbWrapper",
    "cooked",
    "post-content",
    "postcontent",
    "post_message",
    "postmsg",  # FluxBB, PunBB: inside "postbody", beside the user card
    "post-body",
    "Post-body",
    "postbody",
    "post_body",
    "messageContent",
    "postText",
    "s-prose",
    "md",
    "entry-content",
)
AUTHOR_PARTS = ("author", "username", "user-name", "commenter", "nickname")
DATE_PARTS = ("date", "time", "posted")
BODY_PARTS = (
    "comment-text",
    "comment-content",
    "comment-body",
    "comment_text",
    "message",
    "richtext",
    "post-body",
    "postbody",
    "post-content",
)
META_PARTS = (
    *AUTHOR_PARTS,
    *DATE_PARTS,
    "avatar",
    "reply",
    "vote",
    "actions",
    "meta",
    "footer",
    "poster",
    "user_info",
    "userinfo",
    "user-info",
    "profile",
    "keyinfo",
    "moderatorbar",
    "like_count",
    "likes",
    "reactions",
)
DROP_CLASSES = frozenset(
    [
        "reply",
        "comment-reply-link",
        "comment-meta",
        "comment-metadata",
        "commentmetadata",
        "comment-author",
        "comment__meta",
        "links",
        "comment-links",
        "post-meta",
        "post-byline",
        "vcard",
        "avatar",
        "submitted",
        "comment__author",
        "comment-footer",
        "signature",
        "postprofile",
        "message-signature",
        "post-signature",
        "userinfo",
        "user-info",
        "message-attribution",
        "message-footer",
        # XenForo's quote togglers ("Click to expand...")
        "bbCodeBlock-expandLink",
        "bbCodeBlock-shrinkLink",
    ]
)
# hidden until a button shows them (share menus, reply counters): not the post's text
HIDDEN_CLASSES = frozenset(["hide", "hidden", "ipsHide", "d-none"])
CODE_CAPTIONS = frozenset(["codebox", "codetitle"])  # phpBB's "Code: Select all" above code
REPLY_CONTAINERS = frozenset(
    ["children", "child", "replies", "indented", "comment-replies", "sub-comments"]
)
_SAYS = re.compile(r"\s*(says|said|wrote|пишет|написал[а]?)\s*:?\s*$", re.I)
_BY = re.compile(r"^(?:by|posted by|submitted by)\s+", re.I)


_CANDIDATES = etree.XPath(  # a cheap first cut; is_comment_item decides
    # (elements found by their attributes: libxml2 tests only the attributes there are)
    "//@class[contains(., 'comment') or contains(., 'pingback') or "
    "(contains(., 'post') and parent::li)]/.. | //@itemtype[contains(., 'schema.org/Comment')]/.."
)
_INDENTED = etree.XPath("//div[contains(@class, 'indented')]")


def _tokens(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").split())


def post_chrome(el: etree._Element) -> bool:
    """Chrome inside a post that its reader leaves out: signatures, quote expanders, "Reply"."""
    cls = el.get("class") or ""
    return "signature" in cls.lower() or bool(set(cls.split()) & DROP_CLASSES)


def is_comment_item(el: etree._Element) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag not in ("li", "article", "div", "section"):
        return False
    if "schema.org/Comment" in (el.get("itemtype") or ""):
        return True
    tokens = _tokens(el)
    if "comment" in tokens or ("pingback" in tokens and tag == "li"):
        return True
    if tag == "li" and "post" in tokens:
        return any(a.get("id") in ("post-list", "disqus_thread") for a in el.iterancestors())
    return False


@dataclass
class _Item:
    el: etree._Element
    parent: int | None
    author: str | None = None


def _own(el: etree._Element, items: set[etree._Element]) -> Callable[[etree._Element], bool]:
    """A test: does a descendant belong to this comment, not to a reply nested in it?"""

    def belongs(node: etree._Element) -> bool:
        for anc in node.iterancestors():
            if anc is el:
                return True
            if anc in items:
                return False
        return False

    return belongs


def _first_by_class(el: etree._Element, names: tuple[str, ...], belongs) -> etree._Element | None:
    """The first descendant with the earliest of these class names (in any case: "Username")."""
    found: dict[str, etree._Element] = {}
    wanted = {name.lower(): name for name in names}
    for node in el.iterdescendants():
        if not isinstance(node.tag, str) or not node.get("class"):
            continue
        for token in node.get("class", "").lower().split():
            name = wanted.get(token)
            if name is not None and name not in found and belongs(node):
                found[name] = node
    for name in names:
        if name in found:
            return found[name]
    return None


def _first_by_part(
    el: etree._Element, parts: tuple[str, ...], belongs, min_words: int = 0
) -> etree._Element | None:
    """The first descendant whose class contains one of ``parts`` (e.g. "wpd-comment-author")."""
    for node in el.iterdescendants():
        if isinstance(node.tag, str):
            cls = (node.get("class") or "").lower()
            if cls and any(part in cls for part in parts) and belongs(node):
                if min_words and len(node.text_content().split()) < min_words:
                    continue  # an icon or a counter named after the message, not the message
                return node
    return None


def _author(el: etree._Element, belongs) -> str | None:
    for node in el.iterdescendants():
        if isinstance(node.tag, str) and node.get("itemprop") == "author" and belongs(node):
            name = node.find(".//*[@itemprop='name']")
            text = norm((name if name is not None else node).text_content())
            if text:
                return _clean_author(text)
    node = _first_by_class(el, AUTHOR_CLASSES, belongs)
    if node is not None:
        inner = _first_by_class(node, ("fn", "username", "name"), lambda n: True)
        text = visible_text(inner if inner is not None else node)
        if text and len(text) < 80:
            return _clean_author(text)
    node = _first_by_part(el, AUTHOR_PARTS, belongs)
    if node is not None:
        text = visible_text(node)
        if text and len(text) < 80:
            return _clean_author(text)
    for node in el.iterdescendants("a"):
        if _PROFILE.search(node.get("href") or "") and belongs(node) and not _quoted(node):
            text = visible_text(node)
            if text and len(text) < 40:
                return _clean_author(text)
    for node in el.iterdescendants("cite", "strong", "b"):
        if belongs(node) and not _quoted(node):
            text = visible_text(node)
            if text and len(text) < 60:
                return _clean_author(text)
            break
    return None


# links to a member's profile: /members/x, /u/x, /users/1/x, /profile/x, ?action=profile;u=1
_PROFILE = re.compile(
    r"/(?:members?|users?|u|profiles?)/[^/?#]+|[?&;](?:action=profile|showuser=)", re.I
)


def _quoted(node: etree._Element) -> bool:
    """Inside a quotation of another post (whose "Quote from: X" names someone else)."""
    return any(a.tag == "blockquote" for a in node.iterancestors())


def _clean_author(text: str) -> str | None:
    text = _BY.sub("", _SAYS.sub("", norm(text))).strip(" :,")
    return text or None


def _date(el: etree._Element, belongs, to_iso: Callable[[str], str | None]) -> str | None:
    for node in el.iterdescendants():
        if not isinstance(node.tag, str) or not belongs(node):
            continue
        if node.tag == "time" and node.get("datetime"):
            return to_iso(node.get("datetime"))
        if node.get("itemprop") in ("dateCreated", "datePublished", "commentTime"):
            value = node.get("content") or node.get("datetime") or visible_text(node)
            return to_iso(value)
        if node.get("property") in ("schema:dateCreated", "dc:date") and node.get("content"):
            return to_iso(node.get("content"))
    node = _first_by_class(el, DATE_CLASSES, belongs)
    if node is None:
        node = _first_by_part(el, DATE_PARTS, belongs)
    if node is not None:
        for value in (node.get("title"), node.get("datetime"), visible_text(node)):
            found = to_iso(value) if value else None
            if found:
                return found
    return None


def _body_node(el: etree._Element, belongs) -> etree._Element | None:
    """The element holding the comment's text, or None when the markup names none."""
    node = _first_by_class(el, BODY_CLASSES, belongs)
    if node is None:
        for cand in el.iterdescendants():
            marked = cand.get("itemprop") == "text" or _MESSAGE_ID.match(cand.get("id") or "")
            if isinstance(cand.tag, str) and marked and belongs(cand):
                node = cand
                break
    if node is None:
        node = _first_by_part(el, BODY_PARTS, belongs, min_words=3)
        if node is not None and not _holds_most(node, el):
            node = None  # a "message footer" or "under_message" bar, not the message
    return node


def body_node(el: etree._Element, items: set[etree._Element]) -> etree._Element | None:
    """The element a comment or post's text is read from (None: the whole element, less its
    chrome); what lies outside it is the post's user card, title bar or footer."""
    return _body_node(el, _own(el, items))


def _body(el: etree._Element, belongs, items: set[etree._Element], images: ImageIndex):
    node = _body_node(el, belongs)
    source = node if node is not None else el
    clone = copy.deepcopy(source)
    previews_as_titles(clone)
    for sub in list(clone.iterdescendants()):
        tokens = _tokens(sub) if isinstance(sub.tag, str) else set()
        cls = (sub.get("class") or "").lower() if isinstance(sub.tag, str) else ""
        drop = (
            is_comment_item(sub)
            or tokens & HIDDEN_CLASSES
            or (isinstance(sub.tag, str) and post_chrome(sub))
            or tokens & REPLY_CONTAINERS
            or sub.tag == "aside"  # link previews and quotes of other comments
            or _code_caption(sub)
            or (node is None and sub.tag in ("footer", "header"))
            or (node is None and any(part in cls for part in META_PARTS))
        )
        if drop and sub.getparent() is not None:
            remove_keeping_tail(sub)
    return tuple(html_blocks(clone, images))


_PREVIEW = re.compile(r"(?:^|[-_])(?:onebox|unfurl|link-?preview)$", re.I)
_BLOCKS = ("aside", "div", "article", "section", "figure")


def previews_as_titles(root: etree._Element) -> None:
    """Link previews (Discourse's onebox, XenForo's unfurl, NodeBB's link card) read as the
    linked page's title: its description, site name and picture are that page's words, not the
    poster's. A preview without a title keeps its first link; one without a link goes."""
    found = [  # blocks only: an inline link marked "inline-onebox" is the poster's own link
        el for el in root.iterdescendants(*_BLOCKS) if any(_PREVIEW.search(t) for t in _tokens(el))
    ]
    marked = set(found)
    for el in found:
        if any(a in marked for a in el.iterancestors()) or el.getparent() is None:
            continue
        title = next(el.iterdescendants(*HEADINGS), None)
        if title is None:
            title = next((a for a in el.iterdescendants("a") if norm(a.text_content())), None)
        if title is None or not norm(title.text_content()):
            remove_keeping_tail(el)
            continue
        line = copy.deepcopy(title)
        line.tag, line.tail = "p", el.tail
        line.attrib.clear()
        el.getparent().replace(el, line)


def _code_caption(el: etree._Element) -> bool:
    parent = el.getparent()
    captioned = parent is not None and _tokens(parent) & CODE_CAPTIONS
    return bool(captioned) and el.tag == "p" and el.getnext() is not None


_MESSAGE_ID = re.compile(r"post_?message_\d+$", re.I)  # vBulletin's "post_message_37597539"
BODY_SHARE = 0.3  # a body found by a class-name part holds at least this share of the words


def _holds_most(node: etree._Element, el: etree._Element) -> bool:
    return len(node.text_content().split()) >= BODY_SHARE * len(el.text_content().split())


def _parent_item(el: etree._Element, index: dict[etree._Element, int]) -> int | None:
    """The comment this one replies to, or None for a top-level comment."""
    for anc in el.iterancestors():
        if anc in index:
            return index[anc]
        tokens = _tokens(anc)
        if "indented" in tokens or "replies" in tokens:
            for sib in anc.itersiblings(preceding=True):
                if sib in index:
                    return index[sib]
                inner = [n for n in sib.iter() if n in index]
                if inner:
                    return index[inner[0]]
    return None


def comment_from(
    el: etree._Element,
    items: set[etree._Element],
    images: ImageIndex,
    to_iso: Callable[[str], str | None],
) -> Comment:
    """One comment or forum post: its author, date and body (without replies nested in it)."""
    belongs = _own(el, items)
    author = _author(el, belongs)
    date = _date(el, belongs, to_iso)
    body = _body(el, belongs, items, images)
    while body and isinstance(body[-1], Paragraph) and _SENT_FROM.match(body[-1].text):
        body = body[:-1]  # the mobile app's footer, not the poster's words
    return Comment(author=author, date=date, body=body or ())


# "Sent from my SM-S908U using Tapatalk": a forum app's footer under a post written with it
_SENT_FROM = re.compile(r"sent from my [^.!?\n]{1,60}? using [^.!?\n]{1,60}$", re.I)


def extract_comments(
    tree: etree._Element, images: ImageIndex, to_iso: Callable[[str], str | None]
) -> tuple[list[Comment], list[etree._Element]]:
    """The page's comments in document order, and the elements holding them (to remove)."""
    found = [el for el in _CANDIDATES(tree) if is_comment_item(el)]
    if not found:
        return [], []
    found_set = set(found)
    # a comment element inside another without a replies container between is the same comment
    items: list[etree._Element] = []
    for el in found:
        outer = None
        crossed = False
        for anc in el.iterancestors():
            if anc in found_set:
                outer = anc
                break
            if anc.tag in ("ul", "ol") or _tokens(anc) & REPLY_CONTAINERS:
                crossed = True
        if outer is None or crossed:
            items.append(el)
    item_set = set(items)
    index = {el: i for i, el in enumerate(items)}
    comments: list[Comment] = []
    authors: list[str | None] = []
    for el in items:
        comment = comment_from(el, item_set, images, to_iso)
        parent = _parent_item(el, index)
        authors.append(comment.author)
        reply_to = authors[parent] if parent is not None and parent < len(authors) else None
        comments.append(Comment(comment.author, comment.date, comment.body, reply_to))
    outermost = [el for el in items if not any(a in item_set for a in el.iterancestors())]
    holders: list[etree._Element] = list(outermost)
    for el in _INDENTED(tree):
        if "indented" in _tokens(el) and any(n in item_set for n in el.iterdescendants()):
            holders.append(el)
    kept = [c for c in comments if c.body]
    return kept, holders


def flat_comments(body: etree._Element) -> list[Comment]:
    """trafilatura's comment text (no structure): one comment per paragraph it kept."""
    out: list[Comment] = []
    for el in body:
        text = norm(" ".join(el.itertext()))
        if text:
            out.append(Comment(author=None, date=None, body=(Paragraph(text),)))
    return out


def remove_elements(elements: list[etree._Element]) -> None:
    for el in elements:
        if el.getparent() is not None:
            remove_keeping_tail(el)
