"""Lines that carry metadata: bylines, author lines, comment headers and replies.

The patterns are data in :mod:`pamphlet.boilerplate`; this module checks what
they capture (a name must read as a name, a date must parse) and returns
plain values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import boilerplate as bp
from ..dates import find_date
from .text_lists import strip_marker

_DIGIT = re.compile(r"\d")
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|&|\band\b|\bи\b|\bжәне\b)\s*", re.I)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.\-]*", re.U)
_NOT_HANDLES = {  # "Modified 6 months ago" is a timestamp, not a user
    "modified", "asked", "answered", "edited", "posted", "updated", "viewed", "active", "joined",
    "created", "commented", "replied", "published", "seen", "last", "added", "since", "started",
    "ended", "about", "over", "almost", "nearly", "just", "only",
}
_LOWER_PARTICLES = {"de", "van", "von", "der", "da", "di", "la", "le", "du", "bin", "ibn", "al"}
_DATE_LEFTOVER = re.compile(r"[\s,.;:|()\-–—г]*(?:года?|ж\.|жылы)?[\s,.;:|()\-–—]*", re.I)


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    date: str | None = None


def _clean(text: str | None) -> str:
    return (text or "").strip(" \t,.;:|-–—")


def looks_like_name(text: str, *, strict: bool = False) -> bool:
    """A person's or group's name: 1–6 short words, no sentence in it."""
    text = _clean(text)
    if not text or len(text) > 60 or any(ch in text for ch in "!?\"“”«»"):
        return False
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    if not strict:
        return any(ch.isalpha() for ch in text)
    for word in words:
        if not _NAME_WORD.fullmatch(word):
            return False
        if not word[0].isupper() and word.lower() not in _LOWER_PARTICLES:
            return False
    return True


def split_names(text: str, *, strict: bool = False) -> tuple[str, ...]:
    names = tuple(n for n in (_clean(p) for p in _SPLIT_NAMES.split(text)) if n)
    if names and all(looks_like_name(n, strict=strict) for n in names):
        return names
    return ()


def date_of(text: str | None, language: str) -> str | None:
    """The date when ``text`` is a date and little else (a weekday, a time)."""
    text = _clean(text)
    if not text or len(text) > 80:
        return None
    found = find_date(text, language=language)
    if not found:
        return None
    iso, (start, end) = found
    rest = text[:start] + " " + text[end:]
    return iso if _DATE_LEFTOVER.fullmatch(rest) else None


def timestamp_of(text: str, language: str, *, post: bool = False) -> str | None:
    """The date of a line that is only a timestamp ("Commented Oct 17, 2010 at 7:59");
    with ``post``, only a discussion post's ("answered …", "asked …")."""
    if len(text) > 90 or _DIGIT.search(text) is None:
        return None
    match = bp.TIMESTAMP.fullmatch(strip_marker(text))
    if match is None:
        return None
    if post and (match.group("verb") or "").casefold() not in bp.POST_VERBS:
        return None
    return date_of(match.group("date").replace("T", " "), language)


def parse_byline(line: str, language: str, *, header: bool) -> Byline | None:
    """Authors, publisher and date from a byline, or None if the line is not one."""
    if len(line) > 300:
        return None
    dated = _DIGIT.search(line) is not None
    for pattern in bp.BYLINES if dated else ():
        match = pattern.fullmatch(line)
        if not match:
            continue
        groups = match.groupdict()
        date = date_of(groups.get("date"), language)
        if date is None:
            continue
        who = split_names(groups.get("who") or "")
        author = split_names(groups.get("author") or "")
        if groups.get("who") and not who:
            continue
        if groups.get("author") and not author:
            continue
        if author:
            return Byline(author, who[0] if len(who) == 1 else None, date)
        return Byline(who, None, date)
    for pattern in bp.AUTHOR_LINES:
        match = pattern.fullmatch(line)
        if match:
            names = split_names(match.group("author"))
            if names:
                return Byline(names)
    if header:
        match = bp.BARE_BYLINE.fullmatch(line)
        if match:
            names = split_names(match.group("author"), strict=True)
            if names:
                return Byline(names)
        date = date_of(line, language) if dated else None
        if date:
            return Byline(date=date)
    return None


def parse_comment_author(line: str, language: str) -> tuple[str | None, str | None] | None:
    """(author, date) when the line opens a comment, else None."""
    if len(line) > 200:
        return None
    dated = _DIGIT.search(line) is not None
    for pattern in bp.COMMENT_AUTHORS if dated else bp.COMMENT_AUTHORS[1:2]:
        match = pattern.fullmatch(line)
        if not match:
            continue
        groups = match.groupdict()
        raw_date = groups.get("date")
        date = date_of(raw_date, language) if raw_date else None
        if raw_date and date is None:
            continue
        who = _clean(groups.get("who"))
        if pattern is bp.COMMENT_AUTHORS[-1] and not _handle(who):
            continue
        if looks_like_name(who):
            return who, date
    found = find_date(line, language=language) if dated else None
    if found and found[1][0] > 0 and _DATE_LEFTOVER.fullmatch(line[found[1][1]:]):
        who = line[: found[1][0]].strip(bp.COMMENT_NAME_DATE_SEPARATORS)
        if looks_like_name(who, strict=True) and len(who.split()) <= 4 and (
            who.split()[0].casefold() not in _NOT_HANDLES
        ):
            return who, found[0]
    return None


def _handle(who: str) -> bool:
    """A user name before a relative time: one handle, or a short proper name."""
    words = who.split()
    if not words or words[0].casefold() in _NOT_HANDLES:
        return False
    return len(words) == 1 or (len(words) <= 3 and looks_like_name(who, strict=True))


def parse_reply(line: str) -> str | None:
    if len(line) > 300:
        return None
    for pattern in bp.REPLIES:
        match = pattern.fullmatch(line)
        if match and looks_like_name(match.group("who")):
            return _clean(match.group("who"))
    return None


@dataclass(frozen=True)
class PostHeader:
    """A forum post's header line: the member's name, perhaps a rank or role after it."""

    author: str
    rank: str | None  # a rank or role the forum gives ("Admin", "✭✭✭")
    badge: str | None  # the line's last word after the name: a badge when members share it


_HEADER_END = re.compile(r"(?:[.:;,!?]|\b\w\.)$")
_RANK_MARKS = " " + bp.RANK_STARS


def is_post_time(text: str, language: str) -> bool:
    """The line is only a post's time: a date or an age ("2y", "5 days ago", "March 2025")."""
    text = strip_marker(text)
    if len(text) > 60:
        return False
    return bool(bp.POST_TIME.fullmatch(text) or date_of(text, language))


def parse_post_header(line: str) -> PostHeader | None:
    """A member's name (with a rank or role) alone on a short line, or None.

    Only the caller knows it heads a post: the post's time must follow it."""
    text = " ".join(strip_marker(line).split())
    if not text or len(text) > 60 or text[0].isdigit() or ":" in text:
        return None
    if parse_reply(text) is not None:
        return None
    ended = _HEADER_END.search(text)
    if ended and len(ended.group()) == 1:
        return None
    if not looks_like_name(text) or not 1 <= len(text.split()) <= 6:
        return None
    rank = None
    match = bp.MEMBER_RANK.fullmatch(text)
    if match and looks_like_name(match.group("name")):
        rank = match.group("rank")
        text = match.group("name")
    name = " ".join(text.strip(_RANK_MARKS).split())
    words = name.split()
    badge = words[-1] if len(words) >= 2 and len(words[-1]) >= 2 and rank is None else None
    return PostHeader(name, rank, badge)


def is_comment_header(line: str) -> bool:
    return len(line) <= 250 and bp.COMMENT_HEADERS.fullmatch(line) is not None
