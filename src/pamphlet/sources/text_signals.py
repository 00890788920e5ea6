"""Line-level signals that do not need the document's structure.

- the boilerplate rules of :mod:`pamphlet.boilerplate` (whole-line matches);
- lines without any letter or digit (decoration);
- short lines repeated many times (template chrome), unless they are the article's
  labels (:func:`.text_data.repeated_labels`);
- runs of short link-like lines before the article starts or after it ends
  (menus, footer links);
- link texts run together without spaces (a menu the dump lost the gaps of);
- teasers under a "Related articles" header, and lines clearly outside the
  article's main region (:mod:`.text_region`);
- lines repeating an earlier line (the first copy stays).

All of it is one pass over the lines plus a counter: linear in the input.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from functools import lru_cache

from .. import boilerplate as bp
from .text_bios import describes_work, end_bios
from .text_chrome import (
    CONSENT_CODE,
    CONSENT_REASON,
    COUNTER_CODE,
    COUNTER_REASON,
    POST_NUMBER_CODE,
    POST_NUMBER_REASON,
    REACTIONS_CODE,
    REACTIONS_REASON,
    consent_tail,
    is_post_number,
    is_reactions,
    post_counters,
    post_numbers,
)
from .text_data import code_line, data_kind, repeated_labels
from .text_lists import is_demands_intro, list_item, strip_marker
from .text_margin import among_member_cards
from .text_meta import (
    is_comment_header,
    looks_like_name,
    parse_byline,
    parse_comment_author,
    timestamp_of,
)
from .text_region import MIN_LINES, outside_main_region, teaser_sections

_KAZAKH = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_HAS_WORD = re.compile(r"\w")
_TERMINAL = tuple(".!?…:;,\"”»")
_REPEAT_MIN = 3
_REPEAT_WORDS = 5  # a repeated line this long is a copy, not a menu entry
_BULLETS = frozenset("•-–*·▪●◦‣⁃○■□➢►✓✔0123456789(#>")
_RUN_MIN = 3
_HEADLINE_WORDS = 10
_SENTENCE_END = tuple(".!?…:;\"”»")
_RUN_MIN_INSIDE = 4


def detect_language(text: str) -> str:
    """'ru', 'kk' or 'en' from the script of the letters (a BCP 47 tag)."""
    sample = text[:200_000]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cyrillic <= latin:
        return "en"
    kazakh = sum(1 for ch in sample if ch in _KAZAKH)
    return "kk" if kazakh * 50 >= cyrillic else "ru"


_GLUE = re.compile(r"(?<=[a-zа-яё\d])(?=[A-ZА-ЯЁ][a-zа-яё])")
_CODE = re.compile(r"[{}()\[\]=;<>/_\\:@#$|+,.]|https?")  # code, sentences, addresses
_GLUE_MIN = 3


def _glued(text: str) -> bool:
    """Link texts run together without spaces ("Latest MoviesBollywood MoviesHollywood…"):
    a menu or tag list the dump lost the gaps of.  Code and sentences are not."""
    if "\t" in text or _CODE.search(text) or text.endswith(_SENTENCE_END):
        return False
    joins = len(_GLUE.findall(text))
    return joins >= _GLUE_MIN and joins * 4 >= len(text.split())


def _linky(text: str) -> bool:
    """Short, no sentence punctuation: reads like a menu entry or a link.  A row of
    tab-separated cells is a table's, not a menu's."""
    text = strip_marker(text)  # (a quote's "> \t0" reads "0" once cleaned: no table)
    if "\t" in text:
        return False
    words = text.split()
    return 1 <= len(words) <= 4 and len(text) <= 32 and not text.endswith(_TERMINAL)


def _headline(text: str) -> bool:
    """No sentence end, at most a dozen or so words: a teaser title, a link, a label."""
    if "\t" in text:
        return False
    text = strip_marker(text)
    return len(text.split()) <= _HEADLINE_WORDS and not text.endswith(_SENTENCE_END)


def _substantial(text: str) -> bool:
    text = strip_marker(text)
    words = len(text.split())
    return words >= 10 or (words >= 4 and text.endswith((".", "!", "?", "…")))


def generic_removals(lines: list[str], language: str) -> dict[int, tuple[str, str]]:
    """index -> (code, reason) for the lines to drop before parsing."""
    out: dict[int, tuple[str, str]] = {}
    counts: Counter[str] = Counter()
    for index, text in enumerate(lines):
        if not text:
            continue
        if not _HAS_WORD.search(strip_marker(text)):
            out[index] = ("C803", bp.STRUCTURAL["C803"])
            continue
        if is_comment_header(text):
            continue
        rule = bp.classify_line(text, language)
        if rule is None and text[:1] in _BULLETS:
            rule = bp.classify_line(strip_marker(text), language)
        if rule is not None:
            out[index] = (rule.code, rule.reason)
            continue
        if is_reactions(text):
            out[index] = (REACTIONS_CODE, REACTIONS_REASON)
            continue
        if _glued(text):
            out[index] = ("C807", bp.STRUCTURAL["C807"])
            continue
        if len(text) <= 60:
            counts[strip_marker(text)] += 1
    for index in consent_tail(lines, out):
        out[index] = (CONSENT_CODE, CONSENT_REASON)
    _repeats(lines, out)  # first: the rules below look at the lines around each line
    repeated = {t: n for t, n in counts.items() if n >= _REPEAT_MIN and _linky(t)}
    if repeated:
        for index, text in enumerate(lines):
            key = strip_marker(text) if text and len(text) <= 60 else None
            if key in repeated and index not in out:
                reason = bp.STRUCTURAL["C801"].format(count=repeated[key])
                out[index] = ("C801", reason)
    _contents_runs(lines, out)
    _author_boxes(lines, out)
    data: set[int] = set()  # the article's data, kept among short lines: no edge of the text
    _menu_runs(lines, out, language, data)
    for index in post_numbers(lines, out):  # after the menu runs, which they are often part of
        out[index] = (POST_NUMBER_CODE, POST_NUMBER_REASON)
    for index in post_counters(lines, out):
        out[index] = (COUNTER_CODE, COUNTER_REASON)
    for index in teaser_sections(lines, out, lambda t: _opens_thread(t, language)):
        out[index] = ("C811", bp.STRUCTURAL["C811"])
    outside = _outside_region(lines, out, language, data)
    for index in outside:
        out[index] = ("C810", bp.STRUCTURAL["C810"])
    if outside:  # the article's edges moved: what now stands before or after it is menu-like
        _menu_runs(lines, out, language)
    # The article's labels, repeated in its data, are no template chrome: they stay, unless
    # in the cleaned text, where they stand again (removed as repeated lines, the rest gone),
    # the main region would come out otherwise and cut more.
    labels = repeated_labels(lines, out, lambda t: _post_chrome(t, language))
    if labels:
        cleaned = [t if i not in out or i in labels else "" for i, t in enumerate(lines)]
        if not _outside_region(cleaned, {i: out[i] for i in labels}, language, data):
            for index in labels:
                del out[index]
    for index in end_bios(lines, out, lambda t: _opens_thread(t, language)):
        out[index] = ("C805", bp.STRUCTURAL["C805"])
    return out


def _outside_region(
    lines: list[str], out: dict[int, tuple[str, str]], language: str,
    data: Collection[int] = frozenset(),
) -> list[int]:
    return outside_main_region(
        lines,
        out,
        lambda t: _opens_thread(t, language),
        lambda t: parse_comment_author(t, language) is not None,
        lambda t: _is_meta(t, language),
        lambda t: _post_header(t, language),
        data,
    )


def _repeats(lines: list[str], out: dict[int, tuple[str, str]]) -> None:
    """A line of some length shown again further down (a carousel's clone, a teaser or an
    author box printed twice, a signature under every post): the first copy stays, so no
    text is lost.  A list's items, table rows and "Label: value" lines repeat inside
    articles (a training plan's "Warm up" every week, a "Team size:" per entry): they stay."""
    # A short text, not a page: its repeats are the author's.  (Distinct lines, leaving
    # out a title cut short with "…", so that cleaning the cleaned text changes nothing.)
    distinct = {t for i, t in enumerate(lines) if t and i not in out and not t.endswith("…")}
    if len(distinct) < MIN_LINES:
        return
    seen: set[str] = set()
    for index, text in enumerate(lines):
        if not text or index in out or strip_marker(text) != text or "\t" in text:
            continue
        key = " ".join(text.casefold().split())
        if len(key.split()) < _REPEAT_WORDS or _LABEL.match(text) or _headline(text):
            continue  # short labels and headlines are left to the menu rules
        if key in seen:
            out[index] = ("C806", bp.STRUCTURAL["C806"])
        seen.add(key)


_LABEL = re.compile(r"[^\W\d][\w ]{0,30}:\s")


def _contents_runs(lines: list[str], out: dict[int, tuple[str, str]]) -> None:
    """A table of contents: a run of short lines, each repeated further down (as a heading).
    A code listing's lines repeat too ("if err != nil {", "return nil"): no entries."""
    last_seen: dict[str, int] = {}
    for index, text in enumerate(lines):
        if text and index not in out and len(text) <= 120:
            last_seen[strip_marker(text).casefold()] = index
    run: list[int] = []
    for index, text in enumerate([*lines, "\0"]):
        if not text or index in out or is_comment_header(text):  # the parser takes those
            continue
        key = strip_marker(text).casefold() if len(text) <= 120 else None
        if key and _headline(text) and last_seen.get(key, -1) > index and not code_line(text):
            run.append(index)
            continue
        if len(run) >= _RUN_MIN:
            for member in run:
                out[member] = ("C804", bp.STRUCTURAL["C804"])
        run = []


_BIO_START = re.compile(
    r"(?P<name>[^\W\d_][\w'’.\-]*(?: [^\W\d_][\w'’.\-]*){0,3})(?:,| \(.{1,40}\),)?"
    r" (?:is|was|has|holds|writes|covers|joined|leads|serves|brings|specializes|specialises"
    r"|works|loves|lives|earned|began|started|founded|co-founded|helps|enjoys|focuses)\b"
)
_BOX_HEADER = re.compile(
    r"(?:about(?: the author)?|(?:written|reviewed|edited) by|meet)\s?:?\s?(?P<name>\S.*)", re.I
)
_BIO_REACH = 3  # kept lines between the name and the biography (a role, "Contributing Writer")
_BIO_MIN_WORDS = 10


def _author_boxes(lines: list[str], out: dict[int, tuple[str, str]]) -> None:
    """An author box: a name on its own line ("About Jane Doe", "Written by Jane Doe"),
    perhaps a role, then "Jane is a writer…" (a profession, unless the header says it)."""
    kept = [i for i, t in enumerate(lines) if t and i not in out]
    for position, index in enumerate(kept):
        name = lines[index]
        header = _BOX_HEADER.fullmatch(name)
        if header:  # "About Jane Doe", "Written byJane Doe": the box says what it is
            name = header.group("name")
        words = name.split()
        if not 2 <= len(words) <= 4 or len(name) > 40 or strip_marker(name) != name:
            continue
        if words[0].casefold() in {"the", "a", "an", "our", "my"}:
            continue
        if not looks_like_name(name, strict=True):
            continue
        for later in kept[position + 1:position + 2 + _BIO_REACH]:
            bio = lines[later]
            match = _BIO_START.match(bio)
            if match and len(bio.split()) >= _BIO_MIN_WORDS and (
                match.group("name") == name or match.group("name") == words[0]
            ) and (header or describes_work(bio[:200], bio)):
                for member in kept[position:kept.index(later) + 1]:
                    out[member] = ("C805", bp.STRUCTURAL["C805"])
                break
            if not _role(bio):
                break


def _role(text: str) -> bool:
    """A job title under a name in an author box ("Contributing Writer")."""
    return len(text.split()) <= 8 and not any(ch.isdigit() or ch in ":.!?" for ch in text)


def _opens_thread(text: str, language: str) -> bool:
    """A line that starts the comment thread in the parser ("Comments", "Maria says:")."""
    if is_comment_header(text):
        return True
    says = len(text) <= 200 and any(p.fullmatch(text) for p in bp.COMMENT_AUTHORS[1:])
    return says and parse_comment_author(text, language) is not None


_POSTED = re.compile(r"posted\s", re.I)


@lru_cache(maxsize=8192)
def _post_header(text: str, language: str) -> bool:
    """A comment's "X says:", a forum post's "X 2 days ago", an "answered <date>" line."""
    if timestamp_of(text, language, post=True):
        return True
    if _POSTED.match(text) and timestamp_of(text, language):
        return True  # "Posted March 10, 2024" over each post of a forum thread
    if not any(p.fullmatch(text) for p in bp.COMMENT_AUTHORS):
        return False
    return parse_comment_author(text, language) is not None


def _post_chrome(text: str, language: str) -> bool:
    """A timestamp, a byline or a comment header: what stands around posts and teasers."""
    return timestamp_of(text, language) is not None or _is_meta(text, language)


@lru_cache(maxsize=8192)
def _is_meta(text: str, language: str) -> bool:
    """Bylines and comment headers: the parser takes them, whatever stands around."""
    if len(text) > 300:
        return False
    return (
        is_comment_header(text)
        or parse_byline(text, language, header=True) is not None
        or parse_comment_author(text, language) is not None
    )


def _menu_runs(
    lines: list[str], out: dict[int, tuple[str, str]], language: str, data: set[int] | None = None
) -> None:
    """Runs of short links (C802).  ``data`` gathers the lines of the runs kept as the
    article's data (:mod:`.text_data`)."""
    kept = [i for i, t in enumerate(lines) if t and i not in out]
    # Bylines and comment headers are transparent: the parser takes them
    # wherever they stand.  Inside the article a run must be longer, and a
    # list the text introduces (or one about demands) is kept.
    first = _edge(kept, lines, language)
    if first is None:
        return
    last = len(kept) - 1 - _edge(kept[::-1], lines, language)  # type: ignore[operator]
    for segment, minimum, short in (
        (kept[:first], _RUN_MIN, _linky),
        (kept[first:last + 1], _RUN_MIN_INSIDE, _headline),
        (kept[last + 1:], _RUN_MIN, _linky),
    ):
        run: list[int] = []
        before = ""  # the line before the run: a list intro ending with ":" protects it
        before_index = -1  # the run right under the text's first line may be a site's header
        for index in [*segment, -1]:
            text = lines[index] if index >= 0 else ""
            if text and _is_meta(text, language):
                continue
            if text and short(text):
                run.append(index)
                continue
            items = [lines[i] for i in run]
            if len(run) >= minimum and not _protected(before, items, text) and not (
                among_member_cards(run, out)
            ) and not (
                short is _headline
                and _in_the_text(lines, run, before_index, segment[0], before, text, data)
            ):
                for member in run:
                    out[member] = ("C802", bp.STRUCTURAL["C802"])
            run = []
            before, before_index = text, index


def _in_the_text(
    lines: list[str], run: list[int], before_index: int, first: int, before: str, after: str,
    data: set[int] | None = None,
) -> bool:
    """A run of short lines that is the text's own, not a menu: below the text's first line,
    a list of phrases between two paragraphs, a fact box or other data of the article
    (:mod:`.text_data`); or short replies among post numbers."""
    items = [lines[i] for i in run]
    stretch = [text for text in lines[run[0] : run[-1] + 1] if text]
    if before_index not in (-1, first) and _bulleted_prose(before, items, after):
        return True
    if before_index not in (-1, first) and data_kind(items, before, stretch):
        if data is not None:
            data.update(run)
        return True
    return _short_posts(lines[before_index + 1 : run[-1] + 1])


def _bulleted_prose(before: str, run: list[str], after: str) -> bool:
    """Inside the article, between two of its paragraphs, a list of phrases (pros and cons,
    a product's features): mostly bulleted items of some length, not a menu's one- and
    two-word links."""
    if not (_substantial(before) and _substantial(after)):
        return False
    bulleted = sum(1 for text in run if list_item(text))
    words = sum(len(strip_marker(text).split()) for text in run)
    phrases = sum(1 for text in run if _phrase(strip_marker(text)))
    return bulleted * 2 >= len(run) and words >= 5 * len(run) and phrases * 2 >= len(run)


def _short_posts(stretch: list[str]) -> bool:
    """Inside the text, short replies under their numbers ("Reply 5", a name, "things can
    only get better"): a thread's posts, not a menu.  (``stretch``: the run's lines and
    those removed among them, post numbers perhaps.)"""
    return sum(1 for text in stretch if is_post_number(text)) >= _POSTS_MIN


_POSTS_MIN = 2


def _phrase(text: str) -> bool:
    """Written in sentence case ("Free local video storage"), not a title in title case
    ("7 Tips for Terminating an Employee") nor a question, as linked headlines are, nor a
    category with its count ("Anxiety (30) items in category")."""
    words = [w for w in text.split() if w[:1].isalpha()]
    capitals = sum(1 for w in words if w[0].isupper())
    return (bool(words) and capitals * 2 < len(words) and not text.endswith("?")
            and not _COUNT.search(text))


_COUNT = re.compile(r"\(\d+\)")


def _protected(before: str, run: list[str], after: str) -> bool:
    """A list the article introduces ("…:"), a numbered list, or anything about demands."""
    if before.endswith(":") or is_demands_intro(before):
        return True
    if _substantial(before) and _substantial(after) and all(list_item(t) for t in run):
        return True  # a bulleted list between two paragraphs of the article
    if all(list_item(text) and list_item(text)[0] for text in run):  # type: ignore[index]
        return True
    return any(bp.DEMAND_INTRO.fullmatch(text) for text in run)


def _edge(kept: list[int], lines: list[str], language: str) -> int | None:
    """Position in ``kept`` of the first substantial line that is not metadata."""
    for position, index in enumerate(kept):
        text = lines[index]
        if _substantial(text) and not _is_meta(text, language):
            return position
    return None
