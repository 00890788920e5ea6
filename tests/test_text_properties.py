"""Properties of the text cleaner on arbitrary input (hypothesis)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pamphlet.errors import PamphletError
from pamphlet.sources.text import parse_text
from pamphlet.sources.text_lists import strip_marker

SNIPPETS = [
    "", "", "Comments", "Submitted by AWL on Mon, 10/01/2022 - 13:22",
    "Submitted by AWL on 11 January, 2022 - 3:25 Author: Dan Katz", "Maria says:",
    "June 5, 2021 at 9:14 am", "Айгуль, 7 января 2022, 09:30", "In reply to Hi by Dave",
    "We demand:", "1) Free the prisoners!", "2) Bread and peace", "• one", "- two", "– three",
    "(1) first", "## A heading", "> quoted words", "Share this:", "Twitter", "Home",
    "This website uses cookies, you can find out more and set your preferences here.",
    "Short Title Case Line", "A real sentence of the article, with a full stop.",
    "Submitted to parliament on 5 May, the bill was rejected.", "By Jane Doe | 12 March 2023",
    "Photo: Reuters", "Ответить", "Комментарии", "Мы требуем:", "© 2023 Someone",
    "Vote", "Vote", "Vote", "***", "2 thoughts on “Title”", "Reply",
    "the next line of a hard-wrapped paragraph continues here without",
    "continuing in lowercase until it ends.",
]
LINE = st.one_of(
    st.sampled_from(SNIPPETS),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.text(alphabet="ab .:-#>•1)(\t", max_size=20),
)
TEXT = st.lists(LINE, max_size=30).map("\n".join)
# Long prose lines between boilerplate and comment lines: pages big enough for the
# main-region signal (C810) to cut sidebars, teasers and footers.
PROSE = [
    "The strike committee met again on Monday and agreed to keep the pickets going for as "
    "long as the company refuses to negotiate with the delegates the workers have elected.",
    "Families brought food to the square every evening, and the crowd grew larger each night "
    "as workers from neighbouring towns arrived to show their support for the strikers.",
    "A teaser for another story on the same site, long enough to count as a full sentence.",
    "Nobody expected it.",
]
# (List lines are left out here: Document.texts() gives list items without their markers,
# so a short list reads differently the second time; TEXT covers them on small inputs.)
UNMARKED = [s for s in SNIPPETS if strip_marker(s) == s]
PAGE = st.lists(
    st.one_of(st.sampled_from(PROSE), st.sampled_from(UNMARKED)), min_size=12, max_size=60
).map("\n".join)
# PAMPHLET_EXAMPLES=10000 runs a longer search by hand; CI keeps the default.
SETTINGS = settings(
    max_examples=int(os.environ.get("PAMPHLET_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def parse_or_none(text: str):
    try:
        return parse_text(text, "prop.txt")
    except PamphletError:
        return None


@SETTINGS
@given(st.one_of(TEXT, PAGE))
def test_never_raises_anything_but_pamphlet_errors(text):
    parse_or_none(text)


@SETTINGS
@given(st.one_of(TEXT, PAGE))
def test_nothing_disappears_silently(text):
    doc = parse_or_none(text)
    if doc is None:
        return
    removed = {r.line for r in doc.removed}
    joined = "\n".join(doc.texts())
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or number in removed:
            continue
        assert strip_marker(stripped) in joined, (number, stripped)
    for r in doc.removed:
        assert r.text == text.split("\n")[r.line - 1].strip() and r.code and r.reason


@SETTINGS
@given(st.one_of(TEXT, PAGE))
def test_cleaning_is_idempotent(text):
    doc = parse_or_none(text)
    if doc is None:
        return
    again = parse_text("\n\n".join(doc.texts()), "again.txt")
    assert again.texts() == doc.texts()
