"""The article's main region: text clearly outside it is a sidebar, teaser or footer.

A page dump is the article (long lines of prose, with its title and byline
above it and perhaps a comment thread after it) framed by navigation,
related-article teasers, sidebars and footers.  Teasers and footers can be
whole sentences too, so line rules do not catch them; their place does.

Each kept line scores its word count minus a threshold (short lines score
below zero, long prose lines above); lines other signals already removed
score a small penalty.  The stretch with the largest sum (Kadane's maximum
subarray, one pass) is the main region.  A thread opened by a comment header
or a comment-author line after it is a second region found the same way.

A line outside the regions is removed only when it is *clearly* outside:
between it and the region there is a line some other signal removed (a share
row, a menu run, a "Related" header...).  So the title and byline right
above the text stay, and cleaning the cleaned text removes nothing more.
Small pages (too little prose for a region to mean anything) are left alone.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import boilerplate as bp
from .text_lists import strip_marker

THRESHOLD = 15  # words: a kept line longer than this counts for the region
REMOVED_PENALTY = 1  # per line another signal already removed
MIN_REGION_WORDS = 120  # a region must hold this much prose before anything goes
NEGATIVE_CAP = 4  # a short line costs at most this much (lists inside the text)
MIN_LINES = 12
NO_BOUNDARY = False  # smaller dumps are left alone
MIN_SHARE = 0.7  # the regions must hold this share of the page's prose, or nothing goes


def _score(text: str) -> int:
    return max(min(len(strip_marker(text).split()), 200) - THRESHOLD, -NEGATIVE_CAP)


def _best(scores: list[tuple[int, int]], start: int, stop: int) -> tuple[int, int, int] | None:
    """Kadane over scores[start:stop] of (index, score): (first, last, sum) positions."""
    best: tuple[int, int, int] | None = None
    total, first = 0, start
    for position in range(start, stop):
        if total <= 0:
            total, first = 0, position
        total += scores[position][1]
        if best is None or total > best[2]:
            best = (first, position, total)
    return best


def main_region(
    lines: list[str],
    out: dict[int, tuple[str, str]],
    opens_thread: Callable[[str], bool],
) -> set[int]:
    """Indexes of the kept lines clearly outside the article and its comment thread."""
    scores: list[tuple[int, int]] = []  # (line index, score) for every non-blank line
    for index, text in enumerate(lines):
        if not text:
            continue
        if index in out:
            scores.append((index, -REMOVED_PENALTY))
        else:
            scores.append((index, _score(text)))
    if sum(1 for index, _ in scores if index not in out) < MIN_LINES:
        return set()
    region = _best(scores, 0, len(scores))
    if region is None or region[2] < MIN_REGION_WORDS:
        return set()
    first, last, _ = region
    keep_until = last
    for position in range(last + 1, len(scores)):
        index = scores[position][0]
        if index not in out and opens_thread(lines[index]) or (
            index in out and out[index][0] in ("C902",)
        ):
            thread = _best(scores, position + 1, len(scores))
            keep_until = thread[1] if thread and thread[2] > 0 else position
            break
    inside = sum(max(s, 0) for _, s in scores[first:keep_until + 1])
    if inside < MIN_SHARE * sum(max(s, 0) for _, s in scores):
        return set()
    outside: set[int] = set()
    for position in _beyond_boundary(scores, out, range(first - 1, -1, -1)):
        outside.add(scores[position][0])
    for position in _beyond_boundary(scores, out, range(keep_until + 1, len(scores))):
        outside.add(scores[position][0])
    return outside


def _beyond_boundary(scores, out, positions) -> list[int]:
    """Positions past the first line another signal removed, walking away from the region."""
    found: list[int] = []
    crossed = NO_BOUNDARY
    for position in positions:
        index = scores[position][0]
        if index in out:
            crossed = True
        elif crossed:
            found.append(position)
    return found

