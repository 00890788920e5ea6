"""A forum thread's post headers between member cards are no menu (text_margin), and a
few more lines of a forum's or a Q&A site's chrome (C707)."""

from __future__ import annotations

import pytest

from pamphlet import boilerplate as bp
from pamphlet.sources.text import parse_text
from pamphlet.sources.text_margin import among_member_cards

NAMES = ["Spartan14", "GreenHost", "ElenaVital", "PeterR", "MargoF", "JackieJim"]
DATES = ["May 12, 2024", "May 18, 2024", "May 19, 2024", "May 22, 2024", "Jun 2, 2024",
         "Jun 16, 2024"]


def _post(n: int, name: str, date: str) -> list[str]:
    return [
        f"  {n}. {name} Well-Known Member", "", "    Messages:", f"    {100 + n * 7}",
        "    Likes Received:", f"    {10 + n}", "    Trophy Points:", f"    {30 + n * 3}",
        f"    #{n}",
        f"    Reply {n}: forums still matter to me because the people there answer "
        f"questions with care, and post {n} says why at some length.",
        "     ", f"    {name}, {date} IP", "",
    ]


def _thread() -> str:
    lines = ["Do Forums still have a role in the age of social media?", ""]
    for n, (name, date) in enumerate(zip(NAMES, DATES, strict=True), start=2):
        lines += _post(n, name, date)
    return "\n".join(lines) + "\n"


def test_post_headers_between_member_cards_stay():
    doc = parse_text(_thread(), "thread.txt")
    removed = {r.text: r.code for r in doc.removed}
    for name, date in zip(NAMES, DATES, strict=True):
        assert f"{name}, {date} IP" not in removed
    assert not any(code == "C802" for code in removed.values())
    assert removed["Messages:"] == "C707"


def test_among_member_cards_counts_the_card_lines_in_the_runs_stretch():
    out = {3: ("C707", ""), 5: ("C707", ""), 9: ("C802", "")}
    assert among_member_cards([2, 4, 6], out)
    assert not among_member_cards([6, 8, 10], out)  # one C802, no card line
    assert not among_member_cards([4, 6], {5: ("C707", "")})  # a single card line
    assert not among_member_cards([], out)


@pytest.mark.parametrize("line", [
    "Threads: 11", "Reputation: 1,604", "2 Answers 2", "14 Answers 14", "1 Answer 1",
    "Reset to default", "Sorted by: Reset to default",
])
def test_forum_and_qa_chrome(line):
    rule = bp.classify_line(line, "en")
    assert rule is not None and rule.code == "C707"


@pytest.mark.parametrize("line", [
    "Threads of the story", "Reputation matters more than money.", "2 answers to your questions",
    "Reset to default settings before you update the firmware.",
])
def test_sentences_with_the_same_words_stay(line):
    rule = bp.classify_line(line, "en")
    assert rule is None or rule.code != "C707"
