"""The article's main region: text clearly outside it is a sidebar, teaser or footer.

A page dump is the article (long lines of prose, with its title and byline
above it and perhaps a comment thread after it) framed by navigation,
related-article teasers, sidebars and footers.  Teasers and footers can be
whole sentences too, so line rules do not catch them; their place does.

Each kept line scores its word count minus a threshold: long prose lines
count for the region, short lines a little against it (so a list or a
one-line paragraph inside the article costs little).  A line a boilerplate
rule removed (share row, "Related", sign-up, comment form, footer) costs a
lot: it marks the text's edge; one a structural signal removed (repeats,
menu runs) costs a point.  The stretch with the largest sum (Kadane's
maximum subarray, one pass) is the main region.  A comment thread opened
after it ("Comments", "Maria says:") extends it to the thread's last
comment-author line, then on while the text after that adds up positive.

A line outside is removed only when it is *clearly* outside:

- the region holds most of the page's prose (else the page has no single
  main text, e.g. a forum listing, and nothing goes);
- between the line and the region there is a line some other signal
  removed (a share row, a menu run, a "Related" header...; decoration
  such as "***" does not count).  So the title,
  byline and standfirst right above the text stay, and cleaning the cleaned
  text removes nothing more;
- bylines before the region are left to the parser, and so is the headline
  standing just above a share row that separates it from the text;
- a removed line the text itself repeats between its parts (a post's "Reply"
  and "Report" buttons, an entry's "Overview" and "Who it's for" headers, a
  shop button under each product) is no boundary: the posts and entries on
  its far side are the text's too.  (After a thread it is: a thread ends with
  its last post, and past that post's buttons comes the forum's footer.)

Small pages (too few lines or too little prose) are left alone.

``teaser_sections`` (below) runs first: the teasers under a "Related" header.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection

from .text_chrome import is_post_number
from .text_lists import strip_marker

THRESHOLD = 15  # words: a kept line longer than this counts for the region
NEGATIVE_CAP = 2  # a short line costs at most this much (lists inside the text)
REMOVED_PENALTY = 1  # per line another signal already removed
EDGE_PENALTY = 20  # ... when a boilerplate rule removed it (share row, "Related", footer...)
_EDGE_FAMILIES = ("C1", "C2", "C3", "C4", "C5", "C6", "C7")
WEAK_BOUNDARIES = frozenset({"C803", "C205"})  # decoration ("***", "•"), a contents header
# Rules for chrome that stands inside a text as often as at its edge: a table of contents,
# a call-to-action button, a forum member card, a quote expander or quote header, an affiliate
# button or disclosure, an inline "Related:" link, an embedded post's chrome, a widget's
# "Loading…" placeholder.
INNER_CODES = frozenset(
    {"C205", "C706", "C707", "C708", "C709", "C307", "C407", "C408", "C409", "C710"}
)
# Structural signals that mark the text's end: an author box, teasers under "Related".
EDGE_CODES = frozenset({"C805", "C811"})
AS_TEXT = frozenset({"C806"})  # a copy of an earlier line weighs as the text it copies
AUTHOR_SCORE = 10  # a comment or post author line counts like a line of prose
MIN_REGION_WORDS = 40  # the region's score must reach this before anything goes
MIN_SHARE = 0.7  # the regions must hold this share of the page's prose
MIN_FRAMED_SHARE = 0.4  # ... or this much when boilerplate rules frame it on both sides
FRAME_REACH = 8  # lines from the region's edge where that rule must stand
THREAD_BEFORE = 2  # post headers above the region: the thread starts above it
THREAD_POSTS = 3  # post headers that make a page a thread, whose short posts are its text
MIN_LINES = 12  # dumps with fewer kept lines are left alone
SEPARATOR_REPEATS = 2  # a removed line this often inside the region separates the text's parts
HEADER_REACH = 6  # lines above the region where its headline may stand
TITLE_WORDS = 25
_SENTENCE_END = (".", "!", "?", "…", ":", ";", ",")
_TITLE_END = tuple(end for end in _SENTENCE_END if end != "?")  # a title may ask
_MAX_WORDS = 200  # one huge line must not outweigh everything else

Scores = list[tuple[int, int]]  # (line index, score) for every non-blank line


# A "Label: value" line (a spec sheet's "Weight: 56g", a fact box's "Location: Boston").
# Not code ("id: Date.now(),") nor a link ("Follow me: @name").
LABEL_VALUE = re.compile(r"[^\W\d][\w ]{0,30}:\s+(?!@|https?:)[^={};]*[^\s,;{(]")


def _score(text: str) -> int:
    text = strip_marker(text)
    words = min(len(text.split()), _MAX_WORDS)
    floor = -REMOVED_PENALTY if LABEL_VALUE.fullmatch(text) else -NEGATIVE_CAP  # a fact box's
    return max(words - THRESHOLD, floor)


def _removed_score(code: str) -> int:
    """Lines a boilerplate rule removed (cookie notices, menus, share rows, "Related",
    sign-ups, comment forms, footers) mark the text's edge; structural ones (repeats, menu
    runs, decoration) also stand inside articles, between a list's items."""
    if code in INNER_CODES or (code[:2] not in _EDGE_FAMILIES and code not in EDGE_CODES):
        return -REMOVED_PENALTY
    return -EDGE_PENALTY


def _best(scores: Scores, start: int) -> tuple[int, int, int] | None:
    """Kadane over scores[start:]: (first, last, sum) as positions in ``scores``."""
    best: tuple[int, int, int] | None = None
    total, first = 0, start
    for position in range(start, len(scores)):
        if total <= 0:
            total, first = 0, position
        total += scores[position][1]
        if best is None or total > best[2]:
            best = (first, position, total)
    return best


def outside_main_region(
    lines: list[str],
    out: dict[int, tuple[str, str]],
    opens_thread: Callable[[str], bool],
    in_thread: Callable[[str], bool],
    is_meta: Callable[[str], bool],
    post_header: Callable[[str], bool] = lambda text: False,
    data: Collection[int] = frozenset(),
) -> list[int]:
    """Indexes of the kept lines clearly outside the article and its comment thread.

    ``opens_thread``: a comment header or "X says:" line; ``in_thread``: any comment
    author line; ``is_meta``: bylines and the like, which the parser takes wherever
    they stand; ``post_header``: "X says:", "X 2 days ago" (not "Name - date", which
    teasers have too): a thread's lines count as content.  ``data``: kept short lines
    that are the article's data (a directory, a price list, a table's cells): they weigh
    nothing, and the lines removed among them (their repeated labels) mark no edge."""
    scores: Scores = []
    between = _between(lines, out, data)
    headers: list[int] = []  # positions of post headers
    numbers = _numbered_posts(lines)
    for index, text in enumerate(lines):
        if not text:
            continue
        if is_post_number(text) or index in numbers or (
            index in out and out[index][0] in _RUN_CODES and len(text) <= 200 and post_header(text)
        ):  # a post's number or header heads a post, whatever removed it
            headers.append(len(scores))
            scores.append((index, AUTHOR_SCORE))
        elif index in between:
            scores.append((index, 0))
        elif index in out and out[index][0] not in AS_TEXT:
            scores.append((index, _removed_score(out[index][0])))
        elif len(text) <= 200 and post_header(text):
            headers.append(len(scores))
            scores.append((index, AUTHOR_SCORE))  # a post's header: the thread is content
        elif index in data:
            scores.append((index, max(_score(text), 0)))
        else:
            scores.append((index, _score(text)))
    if sum(1 for index, _ in scores if out.get(index, ("",))[0] in AS_TEXT | {""}) < MIN_LINES:
        return []
    region = _best(scores, 0)
    if region is None or region[2] < MIN_REGION_WORDS:
        return []
    first = region[0]
    last = _thread_end(lines, out, scores, region[1], opens_thread, in_thread)
    if len(headers) >= THREAD_POSTS and headers[-1] > last:  # a thread: its last post stays
        last = _dense_after(scores, headers[-1])
    inside = sum(max(s, 0) for _, s in scores[first:last + 1])
    total = sum(max(s, 0) for _, s in scores)
    if inside < MIN_SHARE * total and not (
        inside >= MIN_FRAMED_SHARE * total and _framed(scores, first, last)
        and sum(score == AUTHOR_SCORE for _, score in scores) < THREAD_POSTS  # posts count
    ):
        return []
    start = _thread_start(lines, out, scores, headers, first)
    separators = _separators(lines, out, scores[first:last + 1])
    separators |= between
    before = [
        scores[p][0] for p in _past_boundary(scores, out, range(first - 1, -1, -1), separators)
        if not is_meta(lines[scores[p][0]]) and p < start
    ]
    title = _title_above(lines, scores, min(first, start), set(before))
    before = [index for index in before if index != title]
    if len(headers) >= THREAD_POSTS:  # a thread ends with its last post: a footer follows
        separators = set(between)
    after = _past_boundary(scores, out, range(last + 1, len(scores)), separators)
    return sorted(before + [scores[p][0] for p in after])


def _between(lines: list[str], out: dict, data: Collection[int]) -> set[int]:
    """Removed lines whose kept neighbours above and below are both data lines."""
    found: set[int] = set()
    pending: list[int] = []
    previous_data = False
    for index, text in enumerate(lines):
        if not text:
            continue
        if index in out:
            pending.append(index)
            continue
        if index in data and previous_data:
            found.update(pending)
        pending = []
        previous_data = index in data
    return found


def _separators(lines: list[str], out: dict, region: Scores) -> set[int]:
    """Removed lines whose text the region repeats among its own removed lines: the
    chrome between a thread's posts or a list's entries, wherever it stands."""
    counts = Counter(lines[index] for index, _ in region if index in out)
    repeated = {text for text, count in counts.items() if count >= SEPARATOR_REPEATS}
    return {index for index in out if lines[index] in repeated} if repeated else set()


# "#3", or a post's header ending with its number ("3. 11-29-2024, 02:43 PM #3")
_BARE_NUMBER = re.compile(r"(?:.{1,60}\s)?#(\d{1,5})")
_FIRST_REPLY = re.compile(r"reply #?1", re.I)  # the first reply's number: the opening post is above
_RUN_CODES = frozenset({"C801", "C802"})  # a post's header a repeat or a menu run took along
_ASKED = re.compile(r"asked\b.*", re.I)  # a question's card, printed under the question


def _numbered_posts(lines: list[str]) -> set[int]:
    """Bare "#1", "#2", "#3"... (alone or ending a post's header) counting up one by one:
    the numbers of a thread's posts (or of a ranking's entries, the article's text too)."""
    found: list[int] = []
    expected = 1
    for index, text in enumerate(lines):
        match = _BARE_NUMBER.fullmatch(text.strip()) if text else None
        if match and int(match.group(1)) == expected:
            found.append(index)
            expected += 1
    return set(found) if len(found) >= THREAD_POSTS else set()


def _thread_start(
    lines: list[str], out: dict, scores: Scores, headers: list[int], first: int
) -> int:
    """Where the lines before the region may go from: posts above it (two post headers or
    more: a thread whose reply buttons cut it into stretches) stay from the first on.
    When the first header numbers the first *reply* ("Reply 1"), the opening post has no
    header; when it is a question's "asked <date>" card, the question stands above it: the
    opening post is the densest stretch of prose above that header, and stays too."""
    above = [position for position in headers if position <= first]
    if above and (
        _FIRST_REPLY.fullmatch(lines[scores[above[0]][0]])
        or _ASKED.fullmatch(lines[scores[above[0]][0]])
    ):
        opening = _best(scores[:above[0]], 0)
        if opening is not None and opening[2] > 0:
            start = opening[0]  # and up over the post's short lines (its list, its intro)
            while start > 0 and scores[start - 1][0] not in out:
                start -= 1
            return start
    above = [position for position in above if position < first]
    thread = len(above) >= THREAD_BEFORE or (bool(above) and len(headers) >= THREAD_POSTS)
    return above[0] if thread else first


def _framed(scores: Scores, first: int, last: int) -> bool:
    """Boilerplate rules fire right before and right after the region (a share row above,
    a "Related" header or a comment form below): its edges are clear."""
    def edge(positions: range) -> bool:
        for position in positions:
            score = scores[position][1]
            if score == -EDGE_PENALTY:
                return True
            if score > 0:
                return False
        return False

    return edge(range(first - 1, max(first - FRAME_REACH, 0) - 1, -1)) and edge(
        range(last + 1, min(last + 1 + FRAME_REACH, len(scores)))
    )


def _title_above(lines: list[str], scores: Scores, first: int, outside: set[int]) -> int | None:
    """The headline just above the region, past a share row: it stays as the title."""
    for position in range(first - 1, max(first - HEADER_REACH, 0) - 1, -1):
        index = scores[position][0]
        if index in outside:
            words = len(lines[index].split())
            if 2 <= words <= TITLE_WORDS and not lines[index].endswith(_TITLE_END):
                return index
            return None
    return None


def _thread_end(
    lines: list[str],
    out: dict,
    scores: Scores,
    last: int,
    opens_thread: Callable[[str], bool],
    in_thread: Callable[[str], bool],
) -> int:
    """The region's last position, taking in a comment thread that follows it: up to
    its last comment-author line, then on while the text after it stays dense."""
    end = None
    for position in range(last + 1, len(scores)):
        index = scores[position][0]
        if index in out:
            continue
        if opens_thread(lines[index]) or (end is not None and in_thread(lines[index])):
            end = position
    return last if end is None else _dense_after(scores, end)


def _dense_after(scores: Scores, end: int) -> int:
    """From ``end`` on while the text after it adds up positive."""
    total, best = 0, end
    for position in range(end + 1, len(scores)):
        total += scores[position][1]
        if total > 0:
            best, total = position, 0
    return best


def _past_boundary(
    scores: Scores, out: dict, positions: range, separators: set[int] = frozenset()
) -> list[int]:
    """Kept positions past the first removed line (not mere decoration, nor one of
    the text's own ``separators``), walking away from the region."""
    found: list[int] = []
    crossed = False
    for position in positions:
        index = scores[position][0]
        if index in out and out[index][0] not in WEAK_BOUNDARIES | AS_TEXT and (
            index not in separators
        ):
            crossed = True
        elif index in out:
            continue
        elif crossed:
            found.append(position)
    return found


# --- Teasers under a related-content header (C811) ----------------------------------
# A dump often goes on after the article with "Related posts", "More from the blog",
# "You may also like": a header a boilerplate rule removed (C303, C306), then teasers,
# each a headline and perhaps a date, a byline and a blurb of a sentence or two.  The
# blurbs are whole sentences, so the main region can run past the header to take them.
# Such a header cuts the teasers under it when the prose above it outweighs all the
# prose below the teasers (the article is above; a sidebar header over the text cuts
# nothing).
# The teasers run to a comment thread, to two sentences in a row (teasers alternate
# headline and blurb: what follows is a footer or the article again, and stays) or to
# the end; they start with a headline.  A long paragraph or a table row among them
# means the header heads a section of the article: then only bare links go.

HEADER_CODES = frozenset({"C303", "C306"})
# Headers that stand inside articles, above one link: not a section of teasers.
# Nor a list the article itself gives ("Further reading", "Useful resources"), nor a
# member card's "More posts by X".  ("Related resources" are the site's teasers.)
_INLINE = re.compile(
    r"(?:read|see) (?:also|more|next)\b.*|related\s?:?|читайте также:?|смотрите также:?"
    r"|.*\b(?:by|further|helpful|useful|in this (?:article|post|guide|story))\b.*"
    r"|(?!related\b).*\b(?:resources?|information|sources|references)\b.*",
    re.I,
)
BLURB_MAX_WORDS = 60  # a teaser's blurb is a sentence or two; an article's paragraph runs longer
PROSE_LINE_WORDS = 15
MIN_PROSE_ABOVE = 120  # words of prose above the header: the article is there
MIN_LINKS = 2
FOOTER_PROSE_LINES = 2  # a long line with at most this much prose under it is the footer's
SENTENCE_WORDS = 8  # a blurb or a paragraph, not a headline
_PROSE_END = (".", "!", "?", "…", "\"", "”", "»", ")")


def _teaser_words(text: str) -> int:
    return len(strip_marker(text).split())


def _prose(text: str) -> int:
    words = _teaser_words(text)
    return words if words > PROSE_LINE_WORDS else 0


def teaser_sections(
    lines: list[str], out: dict[int, tuple[str, str]], opens_thread: Callable[[str], bool]
) -> list[int]:
    """Indexes of the kept lines that are teasers under a related-content header."""
    found: list[int] = []
    prose = 0
    below = sum(_prose(t) for i, t in enumerate(lines) if t and i not in out)
    for index, text in enumerate(lines):
        if not text:
            continue
        if index not in out:
            prose += _prose(text)
            below -= _prose(text)
            continue
        if out[index][0] not in HEADER_CODES or strip_marker(text) != text:
            continue
        if prose < MIN_PROSE_ABOVE or _INLINE.fullmatch(text):
            continue
        section = _section(lines, out, index, opens_thread)
        if section and below - sum(_prose(lines[i]) for i in section) <= prose:
            found.extend(section)
            for member in section:
                out[member] = ("", "")  # seen: later headers do not count them as prose
    for member in found:
        del out[member]
    return found


def _footer(lines: list[str], out: dict, index: int) -> bool:
    """The long line is in the page's footer: at most one more paragraph follows it, and
    so does chrome a boilerplate rule removed (a copyright line, legal links, a sign-up)."""
    rest = range(index, len(lines))
    prose = [i for i in rest if lines[i] and i not in out and _prose(lines[i])]
    chrome = any(out[i][0][:2] in _EDGE_FAMILIES for i in rest if i in out)
    return len(prose) <= FOOTER_PROSE_LINES and chrome


def _sentence(text: str, words: int = PROSE_LINE_WORDS + 1) -> bool:
    return _teaser_words(text) >= words and strip_marker(text).endswith(_PROSE_END)


def _section(
    lines: list[str], out: dict, header: int, opens_thread: Callable[[str], bool]
) -> list[int]:
    """The teasers under the header: up to a comment thread, two sentences in a row (a
    footer's or the article's paragraphs: they stay), or the end of the page.  They must
    start with a headline and hold at least two lines that are not sentences.  A long
    line or a table row under them means the header heads a section of the article: then
    they go only when they are bare links (no sentence among them).  A long line in the
    page's footer (a disclaimer, the site's "about" blurb) only ends them."""
    kept: list[int] = []
    goes_on = False
    for index in range(header + 1, len(lines)):
        text = lines[index]
        if not text or index in out:
            continue
        if opens_thread(text):
            break
        if _teaser_words(text) > BLURB_MAX_WORDS or "\t" in text:
            goes_on = "\t" in text or not _footer(lines, out, index)
            break
        if kept and _sentence(text) and _sentence(lines[kept[-1]]):
            kept.pop()  # two paragraphs in a row: a footer, or the article goes on
            break
        kept.append(index)
    if not kept or _sentence(lines[kept[0]]):
        return []
    if goes_on and any(_sentence(lines[i], SENTENCE_WORDS) for i in kept):
        return []  # the article goes on: only a box of bare links inside it goes
    if sum(not _sentence(lines[i]) for i in kept) < MIN_LINKS:
        return []
    return kept
