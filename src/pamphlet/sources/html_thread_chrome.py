"""What an extractor took from around a forum thread's posts, found and left out.

The text extractor reads a forum page as one article: with the posts it keeps their user
cards, title bars and signatures, copies of replies, the forum's notices above the thread and
the furniture below it. Each extracted block is located by where its words stand in the page,
relative to the posts and to each post's own text element, and kept only when it is text of
its own (the opening post, the subject) rather than a post's chrome or a copy of a reply.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from lxml import etree

from ..model import Block, Comment, ListBlock
from .html_blocks import texts_of
from .html_comments import body_node, post_chrome
from .html_removed import key, repeats, said_runs

SKIP = frozenset(("script", "style", "noscript", "template", "head", "select", "svg"))
Posts = list[tuple[etree._Element, Comment]]  # each post's element and the post read from it

READ_SHARE = 0.3  # a glued copy of posts holds at least this share of the posts' own text
COPY_WORDS = 8  # a block this long that repeats most of its post's text is a copy of it
CHROME_WORDS = 25  # a post's chrome (user card, signature, title bar) longer than this and
# longer than the post's own text is not taken for chrome


@contextmanager
def posts_detached(pairs: Posts) -> Iterator[None]:
    """The posts taken out of the page for a while (each leaves an empty stand-in), so that
    what reads the rest of the page does not read them again."""
    swapped: list[tuple[etree._Element, etree._Element]] = []
    for el, _post in pairs:
        parent = el.getparent()
        if parent is not None:
            stand_in = etree.Element("div")
            parent.replace(el, stand_in)
            swapped.append((el, stand_in))
    try:
        yield
    finally:
        for el, stand_in in reversed(swapped):
            parent = stand_in.getparent()
            if parent is not None:
                parent.replace(stand_in, el)


Span = tuple[int, int]


def _class_key(el: etree._Element) -> frozenset[str]:
    return frozenset((el.get("class") or "").lower().split())


_NOTICE = re.compile(  # the forum's notices, announcements, alerts, browser or script warnings
    # and machine summaries of the thread
    r"(?:^|\s|[-_])(?:notices?|announcements?|alert|ai-summary)(?:$|\s|[-_])|warning"
    r"|topic-?overview",  # a topic's top posters and most popular posts
    re.I,
)
_HEADER = re.compile(r"(?:^|\s|[-_])header(?:$|\s)", re.I)
GLUED_PROBE = 24  # letters: a probe this long is looked for with the spaces left out too


class PageWords:
    """The page's words (as ``key`` gives them), where each post's words start and end, and
    where the words of its text element do (None when the markup names none)."""

    def __init__(self, posts: list[etree._Element]) -> None:
        root = posts[0].getroottree().getroot()
        body = root.find("body")
        items = set(posts)
        nodes = {body_node(el, items): i for i, el in enumerate(posts)}
        nodes.pop(None, None)
        text_classes = {_class_key(node) for node in nodes} - {frozenset()}
        wanted = {el: i for i, el in enumerate(posts)}
        parts: list[str] = []
        self.offsets: list[tuple[int, int]] = []  # each part's start, with and without spaces
        length = glued = 0
        starts: dict[etree._Element, int] = {}
        self.notices: list[Span] = []  # the forum's notices and announcements
        self.headers: list[Span] = []  # page and thread headers (title, "thread starter")
        self.twins: list[Span] = []  # outside the posts, marked up like a post's text
        self.chrome: list[Span] = []  # inside a post, what its reader leaves out (signatures)
        depth = 0  # inside how many posts
        self.spans: list[Span] = [(0, 0)] * len(posts)
        self.texts: list[Span | None] = [None] * len(posts)
        walk = etree.iterwalk(body if body is not None else root, events=("start", "end"))
        for event, el in walk:
            cls = (el.get("class") or "") if isinstance(el.tag, str) else ""
            marks = f"{cls} {el.get('id') or ''}" if cls and not depth else ""
            notice = marks and (_NOTICE.search(marks) or _HEADER.search(cls))
            twin = cls and not depth and el not in wanted and _class_key(el) in text_classes
            chrome = cls and depth and post_chrome(el)
            if event == "start":
                depth += el in wanted
                if el in wanted or el in nodes or notice or twin or chrome:
                    starts[el] = length
                text = el.text if isinstance(el.tag, str) and el.tag not in SKIP else None
            else:
                if el in wanted:
                    depth -= 1
                    self.spans[wanted[el]] = (starts[el], length)
                if twin:
                    self.twins.append((starts[el], length))
                if chrome:
                    self.chrome.append((starts[el], length))
                if el in nodes:
                    self.texts[nodes[el]] = (starts[el], length)
                if notice and not any(e and s >= starts[el] for s, e in self.spans):
                    # (a page wrapper that holds the posts is no notice nor header)
                    spans = self.notices if _NOTICE.search(marks) else self.headers
                    spans.append((starts[el], length))
                text = el.tail
            if text:
                words = key(text)
                if words:
                    parts.append(words)
                    self.offsets.append((length + 1, glued))
                    length += len(words) + 1
                    glued += len(words) - words.count(" ")
        self.text = " " + " ".join(parts) + " "
        self.glued = "".join(p.replace(" ", "") for p in parts)
        self.start = min(s for s, _e in self.spans)
        self.end = max(e for _s, e in self.spans)

    def find(self, words: list[str], cursor: int = 0) -> int:
        """Where these words (their first dozen) stand in the page, from ``cursor`` on if they
        stand there; -1 when nowhere. Words glued together by the markup are found too."""
        if not words:
            return -1
        probe = " " + " ".join(words[:12]) + " "
        at = self.text.find(probe, cursor)
        if at < 0:
            at = self.text.find(probe)
        if at >= 0 or len(probe) < GLUED_PROBE:
            return at
        at = self.glued.find(probe.replace(" ", ""))
        if at < 0:
            return -1
        part = bisect_right([g for _s, g in self.offsets], at) - 1
        spaced, glued = self.offsets[part]
        return spaced + at - glued

    def post_at(self, at: int) -> int | None:
        return next((i for i, (s, e) in enumerate(self.spans) if s <= at < e), None)


def without_post_chrome(
    blocks: list[Block],
    pairs: Posts,
    page: PageWords,
    opener_in_body: bool,
    discussion: bool = True,
) -> list[Block]:
    """The body without what the extractor took from the posts' chrome or from after the thread.

    Everywhere, a body block that copies a reply goes (the reply says it). On a ``discussion``
    page, so does the posts' chrome: a block inside a post but outside the element its text
    is read from (user card, title bar, signature, "last edited" line) or in what the post's
    reader leaves out inside it (a signature), or inside a reply and short; a short one said
    between posts more than once (a signature under every post); one in a notice or the
    topic's overview between posts; one below the last post (who is online, similar threads,
    legal notices); one in a notice, alert or announcement above the thread, or short in a page
    or thread header ("thread starter"); anything above the thread when the opening post is
    the first of the posts (then nothing above it is the subject); and one found nowhere that
    copies the posts, chrome and all. On other pages the posts may be reviews or comments in
    an article, and only copies go. Other blocks found nowhere or before the thread (the
    subject of a discussion) are kept.
    """
    if not pairs or not blocks:
        return blocks
    said: dict[int, str] = {}

    runs: list[set[tuple[str, ...]]] = []

    def keep(text: str, cursor: int) -> tuple[bool, int]:
        words = key(text).split()
        at = page.find(words, cursor)
        if at >= 0:
            return _kept(page, words, at, pairs, said, opener_in_body, discussion), at + 1
        if not discussion or len(words) < COPY_WORDS:
            return True, cursor
        # not found as it stands (the extractor glued a post to its user card, say): a copy
        # of the thread's posts, chrome and all, whose text the posts as read hold too
        if not runs:
            runs.append(said_runs([page.text[page.start : page.end]]))
            runs.append(said_runs(t for _el, c in pairs for b in c.body for t in texts_of(b)))
        copied = repeats(text, runs[0], 0.6) and repeats(text, runs[1], READ_SHARE)
        return not copied, cursor

    kept: list[Block] = []
    cursor = 0
    for block in blocks:
        if isinstance(block, ListBlock) and block.items:
            items = []
            for item in block.items:
                ok, cursor = keep(item, cursor)
                if ok:
                    items.append(item)
            if len(items) == len(block.items):
                kept.append(block)
            elif items:
                kept.append(replace(block, items=tuple(items)))
            continue
        ok, cursor = keep(" ".join(texts_of(block)), cursor)
        if ok:
            kept.append(block)
    return kept


def _kept(
    page: PageWords,
    words: list[str],
    at: int,
    pairs: Posts,
    said: dict[int, str],
    opener_in_body: bool,
    discussion: bool,
) -> bool:
    """Is the block found at ``at`` in the page text of its own (see ``without_post_chrome``)?"""
    short = len(words) <= CHROME_WORDS
    if at >= page.end:
        return not discussion  # below the thread
    if at < page.start:  # the discussion's subject, or the forum's notice or thread header
        notice = any(s <= at < e for s, e in page.notices)
        header = short and any(s <= at < e for s, e in page.headers)
        # when the opening post is the first of the posts, nothing above it is the subject
        return not (discussion and (notice or header or opener_in_body))
    inside = page.post_at(at)
    if inside is None and discussion and any(s <= at < e for s, e in page.notices):
        return False  # a notice or the topic's overview between two posts
    if inside is None:  # between two posts: a signature outside the post element, said again
        repeated = page.text.count(" " + " ".join(words) + " ", page.start) > 1
        return not (discussion and short and repeated)
    post = pairs[inside][1]
    if inside not in said:
        said[inside] = " " + " ".join(key(t) for b in post.body for t in texts_of(b)) + " "
    own = said[inside]
    copy = " " + " ".join(words) + " " in own or (
        len(words) >= COPY_WORDS and repeats(" ".join(words), said_runs([own]), 0.5)
    )
    opener = inside == 0 and opener_in_body
    if not discussion:  # posts that may be reviews or comments in an article: copies go only
        return opener or not copy
    node = page.texts[inside]
    if node is not None and not node[0] <= at < node[1]:
        return False  # the post's user card, title bar, signature or footer
    if any(s <= at < e for s, e in page.chrome):
        return False  # a signature or user card inside the post's text element
    longer = len(words) > max(CHROME_WORDS, own.count(" "))
    if opener:
        return copy or longer
    return not copy and longer  # a reply's text that the reply as read lacks: kept, to be safe


def without_page_furniture(blocks: list[Block], page: PageWords) -> list[Block]:
    """A discussion's body without what stands below its replies or in the forum's notices
    above them (read before the replies were taken out of the page as comments)."""
    kept: list[Block] = []
    cursor = 0
    for block in blocks:
        at = page.find(key(" ".join(texts_of(block))).split(), cursor)
        if at >= 0:
            cursor = at + 1
            if at >= page.end or any(s <= at < e for s, e in page.notices):
                continue
        kept.append(block)
    return kept
