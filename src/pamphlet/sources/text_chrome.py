"""Page chrome that whole-line rules miss but its place gives away.

- A consent dialog appended at the page's end (C812): after a cookie notice or a
  consent panel's label that a C1xx rule removed, in the page's second half, every
  remaining line of some length speaks of cookies, partners, personal data,
  devices or advertising (the panel's descriptions of each purpose).  A line that
  does not ends the search: the article (or a thread) goes on there.
- A forum post's number, "• #3" or "Reply 3" (C813); the region counts it as a post's
  header, whatever rule removed it.
- A bare number on a page with a forum's chrome: a post's vote or like count (C814).
- "Reactions: ann, Bob T and 19 others" under a forum post (C815).
"""

from __future__ import annotations

import re

from .. import boilerplate as bp

CONSENT_CODE = "C812"
CONSENT_REASON = bp.STRUCTURAL[CONSENT_CODE]
_CONSENT_WORDS = re.compile(
    r"\b(?:cookies?|partners?|personal|consent|privacy|advertis\w*|ads?|devices?|identif\w*"
    r"|data|tracking|third[- ]part(?:y|ies)|legitimate interests?|purposes?|vendors?"
    r"|profiles?|personali[sz]\w*)\b",
    re.I,
)
_SHORT = 8  # words: a label or a button ("About Your Privacy", "Consent Leg.Interest")
MIN_TEXTS = 2  # the dialog describes at least this many purposes or cookie kinds


def _consent_like(text: str) -> bool:
    return len(text.split()) < _SHORT or _CONSENT_WORDS.search(text) is not None


def consent_tail(lines: list[str], out: dict[int, tuple[str, str]]) -> list[int]:
    """Indexes of the kept lines of a consent dialog at the end of the page."""
    present = [i for i, t in enumerate(lines) if t]
    if not present:
        return []
    middle = present[len(present) // 2]
    kept_after: list[int] = []
    start = None
    for index in reversed(present):
        if index in out:
            if out[index][0].startswith("C1") and index > middle:
                start = index  # the dialog reaches back at least to here
            continue
        if not _consent_like(lines[index]):
            break
        kept_after.append(index)
    found = sorted(i for i in kept_after if i > start) if start is not None else []
    if sum(len(lines[i].split()) >= _SHORT for i in found) < MIN_TEXTS:
        return []  # a footer's links after a cookie notice, not a dialog's descriptions
    return found


# --- A forum post's number (C813) ------------------------------------------------------
# "• #3" (a bulleted permalink) and "Reply 3" head a post in a thread; a bare "#3" also
# heads a ranking's entries in articles, so it stays.
POST_NUMBER_CODE = "C813"
POST_NUMBER_REASON = bp.STRUCTURAL[POST_NUMBER_CODE]
_POST_NUMBER = re.compile(r"•\s?#\d{1,5}|reply #?\d{1,5}", re.I)


def is_post_number(text: str) -> bool:
    return _POST_NUMBER.fullmatch(text) is not None


def post_numbers(lines: list[str], out: dict[int, tuple[str, str]]) -> list[int]:
    """Indexes of the kept lines that are a forum post's number."""
    return [
        index for index, text in enumerate(lines)
        if text and index not in out and _POST_NUMBER.fullmatch(text)
    ]


# --- A post's counter on a forum page (C814) ---------------------------------------------
# On a page with a forum's chrome (member cards, quote expanders, post numbers), a line of
# a bare number ("12", "1,469", "0 0") is a post's vote, like or reaction count, and a bare
# "#3" the post's number (in an article it heads a ranking's entry: it stays there).
COUNTER_CODE = "C814"
COUNTER_REASON = bp.STRUCTURAL[COUNTER_CODE]
_COUNTER = re.compile(r"(?:•\s?)?#?\d[\d,.]*k?(?:\s+\d[\d,.]*k?)?", re.I)
FORUM_MIN_CHROME = 2  # lines of forum chrome that make the page a forum's
FORUM_CODES = frozenset({"C707", "C708", "C709", POST_NUMBER_CODE})


def post_counters(lines: list[str], out: dict[int, tuple[str, str]]) -> list[int]:
    """Indexes of the kept bare-number lines on a page with a forum's chrome."""
    if sum(1 for code, _ in out.values() if code in FORUM_CODES) < FORUM_MIN_CHROME:
        return []
    return [
        index for index, text in enumerate(lines)
        if text and index not in out and _COUNTER.fullmatch(text)
    ]


# --- Who reacted to a forum post (C815) --------------------------------------------------
# "Reactions: ann, Bob T and 19 others" under a post: a list of member names, no sentence.
REACTIONS_CODE = "C815"
REACTIONS_REASON = bp.STRUCTURAL[REACTIONS_CODE]
_NAME = r"[^,.!?:;]{1,40}"
_REACTIONS = re.compile(
    rf"(?:•\s?)?reactions:\s?{_NAME}(?:,\s?{_NAME})*(?:\sand\s(?:\d+ others?|{_NAME}))?", re.I
)


def is_reactions(text: str) -> bool:
    return _REACTIONS.fullmatch(text) is not None
