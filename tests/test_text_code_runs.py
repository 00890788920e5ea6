"""Code listings and an article's repeated labels stay in the article (text_data): a
listing's short lines are no menu (C802), a review's "Pros" over every product is no
template chrome (C801).  A site's menu, a footer's links repeated on the page and a
shop's buttons still go."""

from __future__ import annotations

import pytest

from pamphlet.sources.text import parse_text
from pamphlet.sources.text_data import code_line, code_listing, data_kind


def _prose(n: int) -> str:
    return (f"Paragraph {n} of the tutorial explains what the program does and why it does "
            "it, with enough words in it to read as a real paragraph of running prose.")


MENU = ["Tutorials", "Reference", "Packages", "Playground"]
FOOTER = ["Careers", "Press", "Brand", "Events"]


def _page(*parts: list[str]) -> str:
    """A menu, the title, then the parts (paragraphs between them), the footer."""
    lines = [*MENU, "Defer, Panic, and Recover in Go"]
    for n, part in enumerate(parts):
        lines += [_prose(2 * n), _prose(2 * n + 1), *part]
    lines += [_prose(99), *FOOTER]
    return "\n\n".join(lines) + "\n"


def _removed(text: str, lines: list[str]) -> dict[str, str]:
    doc = parse_text(text, "code.txt")
    return {r.text: r.code for r in doc.removed if r.text in lines}


GO = [
    "func a() {", "i := 0", "defer fmt.Println(i)", "i++", "return", "}",
]
SHELL = [
    "# see available branches", "git branch", "# delete a branch locally",
    "git branch -d <branch name>", "# delete a branch remotely",
    "git push origin --delete <branch name>",
]
SQL = [
    "-- Faster: EXISTS stops at first match", "SELECT * FROM users u", "WHERE EXISTS (",
    "SELECT 1 FROM orders o", "WHERE o.user_id = u.id AND o.total > 1000",
]
SESSION = ["$ npm install", "$ npm run build", "Build finished", "$ ls dist/assets"]
CONFIG = [
    "CONFIG = {", '"chrome_profile": "Profile 1",', '"urls": {',
    '"email": "https://mail.google.com",', '"delays": {', '"email": 300,',
]


@pytest.mark.parametrize("listing", [GO, SHELL, SQL, SESSION, CONFIG],
                         ids=["go", "shell", "sql", "session", "config"])
def test_a_code_listing_between_paragraphs_stays(listing):
    removed = _removed(_page(listing), listing)
    assert {text: code for text, code in removed.items() if text != "}"} == {}
    assert data_kind(listing) == "code"


def test_the_menu_and_footer_around_a_listing_still_go():
    removed = _removed(_page(GO), MENU + FOOTER)
    assert set(removed) == set(MENU + FOOTER)


@pytest.mark.parametrize("run", [
    ["Home", "Blog", "Projects", "Contact", "Newsletter"],
    ["• Style", "• Fashion", "• Beauty", "• Wellness", "• Work + Money"],
    ["Node.js", "C#", "JavaScript", "Python", "Go Spec"],  # a tech site's menu
    ["Sign in - Register", "Privacy Information for Students (FERPA)", "Anxiety(30)",
     "Home / Blog / Post"],
    ["[shareaholic app=”share_buttons” id=”2087″]", "JUMP TO COMMENTS",
     "Rob+Ann @TravelLatte(.net)", "Reply"],
    ["Thank you,", "Cheatah", "6. jec | Feb 24, 2006 04:14pm | #6", "Fitzg,"],
])
def test_menus_and_signatures_are_no_code(run):
    assert not code_listing(run)
    assert data_kind(run) is None


@pytest.mark.parametrize("text", [
    "if err != nil {", "fmt.Println(i)", "g()", "i := 0", "x = 5", "return null",
    "# see branches", "// 1. Write data", "git branch -d <b>", "$ npm install",
    "SELECT u.name", "A[SQL Query] --> B[Parser]", "for i in range(3):", "if (match)",
    "<div className=\"flex\">", "import subprocess", "schemaname,",
    "&metadata,    // reuse the needle", "city: \"Metropolis\"",
])
def test_code_lines(text):
    assert code_line(text)


@pytest.mark.parametrize("text", [
    "Home", "#ai", "Contact Us", "Terms & Conditions", "Next article: Go Wins",
    "e-mail", "Fitzg,", "Location: Boston", "Home // Blog",
])
def test_lines_that_are_no_code(text):
    assert not code_line(text)


def _review(n: int) -> list[str]:
    return [
        f"{n}. Product number {n}", "Pros",
        f"The product number {n} is light and well made, and it lasts for a long time.",
        "Cons",
        f"The product number {n} costs more than the others, and the case is sold apart.",
        "Buy on Amazon",
    ]


def test_a_reviews_repeated_labels_stay_and_its_buttons_go():
    text = _page(*[_review(n) for n in range(1, 5)])
    removed = _removed(text, ["Pros", "Cons", "Buy on Amazon"])
    assert "Pros" not in removed and "Cons" not in removed
    assert removed.get("Buy on Amazon")


def _entry(n: int) -> list[str]:
    return [f"• Counseling Center number {n}", f"{100 + n} Main Street",
            "Fees based on income", f"(415) 861-544{n}"]


def test_a_directorys_repeated_labels_stay():
    text = _page(*[_entry(n) for n in range(1, 5)])
    assert _removed(text, ["Fees based on income"]) == {}


def test_a_repeated_code_line_stays():
    listings = [[f"def step_{n}():", f"    value = compute({n})", "return", "}"]
                for n in range(1, 4)]
    assert "return" not in _removed(_page(*listings), ["return"])


def test_a_menu_repeated_in_the_header_and_the_footer_still_goes():
    links = ["Blog", "Projects", "Talks", "Contact"]
    text = "\n\n".join([
        *links, "Defer, Panic, and Recover in Go",
        *[_prose(n) for n in range(6)], *links, "Copyright 2025",
    ]) + "\n"
    doc = parse_text(text, "menu.txt")
    assert sorted(r.text for r in doc.removed if r.text in links) == sorted(links * 2)


def test_a_footer_link_list_repeated_among_posts_still_goes():
    """A post's chrome repeated under each post ("Report this comment", a vote count)
    stands among other chrome, not among the article's kept lines."""
    posts: list[str] = []
    for n in range(4):
        posts += ["Reply", "Report this comment", str(n), _prose(10 + n)]
    text = "\n\n".join([*MENU, "A Question About Deferred Calls", *posts, _prose(50),
                        *FOOTER, "Report this comment"]) + "\n"
    removed = _removed(text, ["Report this comment"])
    assert removed.get("Report this comment")


def test_cleaning_twice_keeps_the_same_labels():
    """The labels that stay stand again, repeated, in the cleaned text: the main region
    must come out the same there (here it would cut the text's first lines)."""
    sentence = ("The strike committee met again on Monday and agreed to keep the pickets going "
                "for as long as the company refuses to negotiate with the delegates the "
                "workers have elected.")
    text = "\n".join([
        "A teaser for another story on the same site, long enough to count as a full "
        "sentence.", "Мы требуем:", "Vote", *[sentence] * 4, *["Nobody expected it."] * 3,
        "Share this:", "Short Title Case Line", "Vote", sentence, "Vote", sentence,
    ])
    doc = parse_text(text, "twice.txt")
    again = parse_text("\n\n".join(doc.texts()), "again.txt")
    assert again.texts() == doc.texts()


def test_labels_stay_on_a_second_cleaning():
    doc = parse_text(_page(*[_review(n) for n in range(1, 5)]), "review.txt")
    again = parse_text("\n\n".join(doc.texts()), "again.txt")
    assert again.texts() == doc.texts()
    assert again.texts().count("Pros") == 4
