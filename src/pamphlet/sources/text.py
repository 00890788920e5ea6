"""Plain-text web scrapes: clean the boilerplate, then parse into a Document.

Every non-blank source line ends up either in the model's text or in
``Document.removed`` with a code and a reason; nothing disappears silently.
The work is linear in the number of lines: each line is matched against
precompiled, backtracking-safe patterns once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import boilerplate as bp
from ..errors import NoContent
from ..model import Block, Comment, Document, Figure, Removed, block_texts
from .discussion import replies_outweigh
from .text_lists import Entry, build_blocks, continues, strip_marker
from .text_meta import (
    Byline,
    date_of,
    is_comment_header,
    is_post_time,
    parse_byline,
    parse_comment_author,
    parse_post_header,
    parse_reply,
    timestamp_of,
)
from .text_signals import detect_language, generic_removals

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")
_TITLE_MAX_WORDS = 25
THREAD_MIN_POSTS = 2
THREAD_MIN_CHROME = 2
# "31 comments" above the text (by the byline) counts the comments; it does not open them.
THREAD_AFTER_WORDS = 40
# A comments header that is also a section's name in papers and reports: it opens the
# thread only when a comment's author line or timestamp follows.
_SECTION_NAME = re.compile(r"discussion|обсуждение", re.I)
# Removed lines a reply's own text follows (a quote's expander or header), not a post's header.
_NOT_ABOVE_HEADER = frozenset({"C708", "C709", "C903", "C904"})
_CARD_LINES = 12  # how far above a post's header to look for a member card's fields
PROSE_WORDS = 20  # ... or above a paragraph this long: the article starts there


@dataclass
class _CommentDraft:
    author: str | None
    date: str | None
    in_reply_to: str | None = None
    entries: list[Entry] = field(default_factory=list)
    meta_line: int = 0
    rank: str | None = None  # a forum's rank or role on the post's header line
    badge: str | None = None  # the header's last word: a badge when members share it


@dataclass
class _Meta:
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    date: str | None = None

    def merge(self, byline: Byline) -> list[str]:
        """Take what is still missing; say what was taken (for the reason)."""
        took = []
        if byline.authors and not self.authors:
            self.authors = byline.authors
            took.append("authors " + ", ".join(byline.authors))
        if byline.publisher and not self.publisher:
            self.publisher = byline.publisher
            took.append(f"publisher {byline.publisher}")
        if byline.date and not self.date:
            self.date = byline.date
            took.append(f"date {byline.date}")
        return took


def _removed(line: int, text: str, code: str, reason: str | None = None) -> Removed:
    return Removed(line, text, code, reason or bp.STRUCTURAL[code])


def title_of(text: str) -> tuple[str, bool]:
    """The title from the first kept line; True when the line must also stay in the body."""
    text = strip_marker(text)
    if len(text.split()) <= _TITLE_MAX_WORDS:
        return text, False
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first.split()) > _TITLE_MAX_WORDS:
        first = " ".join(first.split()[:12]) + "…"
    return first, True


def _is_caption(text: str) -> bool:
    words = text.split()
    if strip_marker(text) != text:
        return False
    return 1 <= len(words) <= 12 and len(text) <= 100 and not text.endswith(tuple(".!?:;,"))


class _Parser:
    def __init__(self, text: str, source: str):
        self.source = source
        self.raw = [line.strip() for line in text.split("\n")]
        self.lines, self.spans = logical_lines(self.raw)
        self.language = detect_language(text)
        self.removed: dict[int, Removed] = {}  # by physical line number
        self.dropped: set[int] = set()  # logical lines taken out of the text
        self.meta = _Meta()
        self.title: str | None = None
        self.body: list[Entry] = []
        self.figure: Figure | None = None
        self.comments: list[_CommentDraft] = []
        self.zone = "pre"
        self.last_meta = -2  # index of the last line taken as a byline

    def remove(self, index: int, code: str, reason: str | None = None) -> None:
        self.dropped.add(index)
        for number in self.spans[index]:
            self.removed[number] = _removed(number, self.raw[number - 1], code, reason)

    def run(self) -> Document:
        for index, rule in generic_removals(self.lines, self.language).items():
            self.remove(index, rule[0], rule[1])
        gap = True
        for index, text in enumerate(self.lines):
            if not text or index in self.dropped:
                gap = True
                continue
            self.take(index, text, gap)
            gap = index in self.dropped
        if self.title is None:
            raise NoContent("has no article text, only boilerplate", self.source)
        return self.document()

    def take_byline(self, index: int, text: str, *, header: bool) -> bool:
        byline = parse_byline(text, self.language, header=header)
        if byline is None:
            return False
        took = self.meta.merge(byline)
        code = "C901" if byline.authors or byline.publisher else "C905"
        if byline.authors and not byline.date and not byline.publisher:
            code = "C906"
        reason = bp.STRUCTURAL[code]
        reason += f" ({'; '.join(took)})" if took else " (already known)"
        self.remove(index, code, reason)
        self.last_meta = index
        return True

    def take(self, index: int, text: str, gap: bool) -> None:
        if self.zone == "pre":
            if self.take_byline(index, text, header=True):
                return
            title, keep = title_of(text)
            self.title = title
            self.zone = "header"
            if keep:
                self.zone = "body"
                self.body.append(Entry(self.spans[index][0], text, True))
            return
        if self.zone == "header":
            if self.take_byline(index, text, header=True):
                return
            if self.figure is None and self.last_meta == index - 1 and _is_caption(text):
                self.figure = Figure(text)
                return
            self.zone = "body"
        if self.zone == "body":
            if (self.body or self.figure) and (
                is_comment_header(text) or bp.COUNTED_COMMENT_HEADER.fullmatch(text)
            ):
                if _SECTION_NAME.fullmatch(text) and not self.comments_follow(index):
                    self.body.append(Entry(self.spans[index][0], text, gap))
                    return  # a paper's "Discussion" section, not a thread
                self.remove(index, "C902")
                if self.opens_comments(index, text):
                    self.zone = "comments"
                return
            if self.take_comment_author(index, text, says_only=True):
                self.zone = "comments"
                return
            if self.take_byline(index, text, header=False):
                return
            if timestamp_of(text, self.language):
                self.remove(index, "C908")
                return
            self.body.append(Entry(self.spans[index][0], text, gap))
            return
        self.take_comment_line(index, text, gap)

    def opens_comments(self, index: int, header: str) -> bool:
        """A comments header opens the thread, unless it counts comments ("31 comments")
        by the byline: above a short text or above the article's first long paragraph."""
        if sum(len(entry.text.split()) for entry in self.body) < THREAD_AFTER_WORDS:
            return False
        if not any(ch.isdigit() for ch in header):
            return True
        following = next(
            (t for j, t in enumerate(self.lines[index + 1:], index + 1)
             if t and j not in self.dropped), ""
        )
        return len(following.split()) < PROSE_WORDS or not following.endswith((".", "!", "?"))

    def comments_follow(self, index: int) -> bool:
        """Below the line, something opens a comment: an author line, a post's timestamp."""
        return any(
            parse_comment_author(text, self.language) is not None
            or timestamp_of(text, self.language)
            for j, text in enumerate(self.lines[index + 1:], index + 1)
            if text and j not in self.dropped
        )

    def follows(self, earlier: int, index: int) -> bool:
        """Only blank or removed lines stand between the two lines."""
        return all(not self.lines[j] or j in self.dropped for j in range(earlier + 1, index))

    def take_comment_author(self, index: int, text: str, *, says_only: bool = False) -> bool:
        if says_only and not any(p.fullmatch(text) for p in bp.COMMENT_AUTHORS[1:]):
            return False
        found = parse_comment_author(text, self.language)
        if found is None:
            return False
        self.comments.append(_CommentDraft(found[0], found[1], meta_line=index))
        self.remove(index, "C903")
        return True

    def take_post_header(self, index: int, text: str) -> bool:
        """A forum post's header: a member's name (perhaps with a rank) alone between removed
        chrome above and the post's time below ("2y", "March 2025")."""
        draft = self.post_header(self.spans[index][0], self.spans[index][-1], text)
        if draft is None:
            return False
        draft.meta_line = index
        self.comments.append(draft)
        self.remove(index, "C903")
        return True

    def post_header(self, first: int, last: int, text: str) -> _CommentDraft | None:
        """The post a header on physical lines ``first``..``last`` opens, if it is one."""
        above = next((n for n in range(first - 1, 0, -1) if self.raw[n - 1]), None)
        below = next((n for n in range(last + 1, len(self.raw) + 1) if self.raw[n - 1]), None)
        if above not in self.removed or below is None:
            return None
        if self.removed[above].code in _NOT_ABOVE_HEADER:
            return None
        header = parse_post_header(text)
        time = self.raw[below - 1]
        if header is None or not is_post_time(time, self.language):
            return None
        if self.in_member_card(above):
            return None
        date = date_of(time, self.language) or timestamp_of(time, self.language)
        says = parse_comment_author(strip_marker(text), self.language)  # "Melissa says"
        author = says[0] if says and says[0] else header.author
        return _CommentDraft(author, date, rank=header.rank, badge=header.badge)

    def repeated_post_header(self, index: int) -> _CommentDraft | None:
        """A post whose header and time were removed as lines the page repeats (a member who
        posts often): the line opens that member's post."""
        above = [n for n in range(self.spans[index][0] - 1, 0, -1) if self.raw[n - 1]][:2]
        if len(above) < 2 or any(n not in self.removed for n in above):
            return None
        time, header = above
        if time != header + 1 or self.removed[header].code != "C801":
            return None
        if self.removed[time].code not in ("C801", "C908"):
            return None
        draft = self.post_header(header, header, self.raw[header - 1])
        if draft is not None:
            draft.meta_line = index
        return draft

    def in_member_card(self, above: int) -> bool:
        """The removed lines just above are a member card's fields ("Location", "Joined" and
        its date): the line under them is a field's value, not the name."""
        if bp.CARD_LABEL.fullmatch(self.raw[above - 1]):
            return True
        for number in range(above, max(above - _CARD_LINES, 0), -1):
            text = self.raw[number - 1]
            if text and number not in self.removed:
                return False
            if text and is_post_time(text, self.language):
                return True
        return False

    def take_comment_line(self, index: int, text: str, gap: bool) -> None:
        current = self.comments[-1] if self.comments else None
        if is_comment_header(text):
            self.remove(index, "C902")
            return
        if current and not current.entries and current.date is None and self.follows(
            current.meta_line, index
        ):
            date = date_of(text, self.language) or timestamp_of(text, self.language)
            if date or (current.author and is_post_time(text, self.language)):
                current.date = date
                self.remove(index, "C903")
                return
        if timestamp_of(text, self.language):
            self.remove(index, "C908")
            return
        if self.take_comment_author(index, text):
            return
        if self.take_post_header(index, text):
            return
        if self.take_byline(index, text, header=False):
            return
        reply = parse_reply(text)
        if reply and current and not current.entries:
            current.in_reply_to = reply
            self.remove(index, "C904")
            return
        opened = self.repeated_post_header(index) if gap else None
        if opened is not None:
            current = opened
            self.comments.append(current)
        if current is None:
            current = _CommentDraft(None, None)
            self.comments.append(current)
        current.entries.append(Entry(self.spans[index][0], text, gap))

    def document(self) -> Document:
        body: list[Block] = [self.figure] if self.figure else []
        body.extend(build_blocks(self.body))
        comments = tuple(
            Comment(c.author, c.date, tuple(build_blocks(c.entries)), c.in_reply_to)
            for c in self.comments
            if c.entries or c.author
        )
        assert self.title is not None
        return Document(
            kind=_kind(body, comments, self.removed.values(), _ranked_posts(self.comments)),
            title=self.title,
            source=self.source,
            body=tuple(body),
            authors=self.meta.authors,
            publisher=self.meta.publisher,
            date=self.meta.date,
            language=self.language,
            comments=comments,
            removed=tuple(self.removed[i] for i in sorted(self.removed)),
        )


def _words(blocks: tuple[Block, ...] | list[Block]) -> int:
    return sum(len(text.split()) for block in blocks for text in block_texts(block))


def _ranked_posts(drafts: list[_CommentDraft]) -> int:
    """Posts whose header gives the member a forum's rank or role: one the forum names
    ("Admin", "✭✭✭"), or a badge word that members of different names share ("padam CO",
    "StratCo CO")."""
    names: dict[str, set[str]] = {}
    for draft in drafts:
        if draft.badge and draft.author:
            name = draft.author.casefold().rsplit(" ", 1)[0]
            names.setdefault(draft.badge.casefold(), set()).add(name)
    shared = {badge for badge, who in names.items() if len(who) >= 2}
    return sum(
        1 for d in drafts if d.rank or (d.badge and d.badge.casefold() in shared)
    )


def _kind(
    body: list[Block], comments: tuple[Comment, ...], removed: Iterable[Removed], ranked: int = 0
) -> str:
    """A discussion ("thread") when the page has a forum's chrome (member cards, quote
    expanders, members' ranks on the posts' headers) or its posts many times outweigh a short
    text above them (the same rule as for HTML); else an article with readers' comments under
    it."""
    if not comments:
        return "article"
    chrome = sum(1 for r in removed if r.code in bp.FORUM_CODES)
    if chrome + ranked >= THREAD_MIN_CHROME:
        return "thread"
    if len(comments) < THREAD_MIN_POSTS:
        return "article"
    replies = sum(_words(comment.body) for comment in comments)
    return "thread" if replies_outweigh(_words(body), replies) else "article"


def logical_lines(raw: list[str]) -> tuple[list[str], list[list[int]]]:
    """Join hard-wrapped lines (a long line without end punctuation, then one
    starting in lower case) into one logical line; blank lines stay as "".
    Returns the logical lines and, for each, its 1-based physical line numbers."""
    lines: list[str] = []
    spans: list[list[int]] = []
    for number, line in enumerate(raw, start=1):
        if line and lines and continues(lines[-1], line):
            lines[-1] = f"{lines[-1]} {line}"
            spans[-1].append(number)
        else:
            lines.append(line)
            spans.append([number])
    return lines, spans


def parse_text(text: str, source: str) -> Document:
    """Clean a plain-text web scrape and parse it into the document model."""
    return _Parser(text, source).run()
