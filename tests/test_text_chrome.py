"""Page chrome found by its place in the dump (text_chrome)."""

from __future__ import annotations

from pamphlet.sources.text import parse_text
from pamphlet.sources.text_chrome import CONSENT_CODE


def _prose(n: int) -> str:
    return (f"Paragraph {n} of the article tells the story of the strike at length, with "
            "enough words in it to read as a real paragraph of running prose for the reader.")


def _codes(doc) -> dict[str, str]:
    return {r.text: r.code for r in doc.removed}


ARTICLE = ["The Strike at the Bakery", *[_prose(n) for n in range(6)]]
DIALOG = [
    "We Care About Your Privacy",
    "We and our 644 partners store and access personal data, like browsing data or unique"
    " identifiers, on your device.",
    "About Your Privacy",
    "Store and/or access information on a device 508 partners can use this purpose",
    "Information about your activity on this service (such as forms you submit, content you"
    " look at) can be stored and combined with other information about you. This is then used"
    " to build or improve a profile about you.",
    "Consent Leg.Interest",
]


def test_a_consent_dialog_at_the_page_end_goes():
    doc = parse_text("\n\n".join([*ARTICLE, *DIALOG]) + "\n", "consent.txt")
    codes = _codes(doc)
    for line in DIALOG[1:]:
        assert codes[line] == CONSENT_CODE, line
    assert all(_prose(n) in doc.texts() for n in range(6))


def test_the_article_after_a_cookie_notice_stays():
    # A sentence that is not about cookies or data: the lines after it are no dialog under
    # the notice (the page goes on there); nor is anything after a notice in the page's
    # first half.
    tail = [*DIALOG[:2], "The bakers went back to work on Monday after the owners agreed to"
            " the rise.", *DIALOG[2:]]
    doc = parse_text("\n\n".join([*ARTICLE, *tail]) + "\n", "consent.txt")
    assert tail[2] in doc.texts()
    assert CONSENT_CODE not in _codes(doc).values()
    doc = parse_text("\n\n".join([*DIALOG, *ARTICLE]) + "\n", "banner.txt")
    assert CONSENT_CODE not in _codes(doc).values()
    assert all(_prose(n) in doc.texts() for n in range(6))


def test_a_footer_after_a_cookie_notice_is_not_a_dialog():
    # Footer links after a cookie notice: short lines only, no descriptions of purposes.
    footer = ["We use cookies to improve your experience on our site.", "Our partners",
              "Advertise with us", "Privacy choices"]
    doc = parse_text("\n\n".join([*ARTICLE, *footer]) + "\n", "footer.txt")
    assert CONSENT_CODE not in _codes(doc).values()


# --- C813: a forum post's number ---------------------------------------------------------

POSTS = [
    ("Anna", "Has anyone tried the new sourdough starter from the market on Fridays? Mine"
     " went flat after a week and I cannot work out why it stopped rising."),
    ("Ben", "Mine did the same until I fed it twice a day with rye flour and kept it in"
     " a warmer spot in the kitchen, away from the window."),
    ("Carla", "Warmth is the answer, I keep mine on top of the fridge and it doubles in"
     " about five hours now, even in winter."),
    ("Dev", "Thanks everyone, I moved it next to the oven and it is bubbling again this"
     " morning, so the problem was the cold flat."),
]


def _thread(number) -> list[str]:
    lines = ["Baking Forum", "Sourdough starter went flat"]
    for n, (author, text) in enumerate(POSTS, 1):
        lines += [author, number(n), text]
    return lines


def test_post_numbers_go_and_the_posts_stay():
    for number in (lambda n: f"• #{n}", lambda n: f"Reply {n}"):
        doc = parse_text("\n\n".join(_thread(number)) + "\n", "thread.txt")
        codes = _codes(doc)
        assert all(codes[number(n)] == "C813" for n in range(2, 5))
        assert codes[number(1)] in {"C813", "C802"}  # (the first may end the menu above it)
        assert all(text in doc.texts() for _, text in POSTS)


def test_a_ranking_keeps_its_numbers():
    # "#1" heads a ranking's entry in an article: it stays.
    lines = ["The Best Universities", _prose(0)]
    for n in range(1, 5):
        lines += [f"#{n}", f"University number {n}", _prose(n)]
    doc = parse_text("\n\n".join(lines) + "\n", "ranking.txt")
    assert "C813" not in _codes(doc).values()
    assert all(f"#{n}" in doc.texts() for n in range(1, 5))


# --- C805: an author box whose biography gives a role ------------------------------------


def test_an_author_box_with_a_role_and_a_pronoun_goes():
    bio = ("Karina Cohen is the owner of a local cleaning company serving the Greater Denver"
           " area. She started it after ten years abroad.")
    doc = parse_text("\n\n".join([*ARTICLE, "Karina Cohen", bio, "Recent Posts"]) + "\n",
                     "box.txt")
    assert _codes(doc)["Karina Cohen"] == _codes(doc)[bio] == "C805"
    # a product is no person: "an advanced password manager" with no pronoun stays
    product = ("NordPass is an advanced password manager that helps businesses protect and"
               " control access to their systems and data.")
    doc = parse_text("\n\n".join([*ARTICLE, "NordPass Business", product, "Recent Posts"])
                     + "\n", "product.txt")
    assert product in doc.texts()


# --- "Posted <date>" heads a forum post: the main region takes the posts under it --------


def test_a_posted_date_is_a_post_header():
    from pamphlet.sources.text_signals import _post_header

    assert _post_header("Posted March 10, 2024", "en")
    assert not _post_header("Posted in General Discussions", "en")
    assert not _post_header("March 10, 2024", "en")  # a bare date is a teaser's as often



def _page_lines():
    """A page's lines, the removals already decided, and a function adding a line (with the
    code a rule removed it by, if any)."""
    lines: list[str] = []
    out: dict[int, tuple[str, str]] = {}

    def add(text: str, code: str | None = None) -> None:
        if code:
            out[len(lines)] = (code, "")
        lines.append(text)

    return lines, out, add


def test_posts_under_repeated_posted_dates_stay_in_the_main_region():
    # Each post's "Posted <date>" repeats (C801) under a member card (C802): the headers
    # still count for the thread, so the short replies are not cut as a footer.
    from pamphlet.sources.text_region import outside_main_region
    from pamphlet.sources.text_signals import _post_header

    reply = ("We can only speculate about the inner workings of the company, but I do not"
             " expect any reversal of this.")
    lines, out, add = _page_lines()

    for n in range(4):
        add(" ".join(["word"] * 40) + f" {n}.")
    for n in range(4):
        for k in range(8):
            add(f"chrome {n} {k}", "C802")
        add("Posted March 10, 2024", "C801")
        add(reply)
    outside = outside_main_region(lines, out, lambda t: False, lambda t: False,
                                  lambda t: False, lambda t: _post_header(t, "en"))
    assert not [i for i in outside if lines[i] == reply]


# --- C814: a bare number on a forum page -------------------------------------------------


def test_vote_counts_go_on_a_forum_page_only():
    thread = _thread(lambda n: f"• #{n}")
    with_counts = []
    for line in thread:
        with_counts.append(line)
        if line in {text for _, text in POSTS}:
            with_counts.append(str(len(line) % 17 + 2))  # the post's likes
    with_counts.insert(-1, "#9")  # a permalink without its bullet
    doc = parse_text("\n\n".join(with_counts) + "\n", "votes.txt")
    counts = [r for r in doc.removed if r.code == "C814"]
    assert len(counts) == 5
    assert all(text in doc.texts() for _, text in POSTS)
    # an article's bare numbers (a ranking's scores, a table's cells) stay
    lines = ["The Best Universities", _prose(0)]
    for n in range(1, 5):
        lines += [f"University number {n}", str(90 - n), _prose(n)]
    doc = parse_text("\n\n".join(lines) + "\n", "scores.txt")
    assert "C814" not in _codes(doc).values()


def test_posts_above_the_longest_post_stay():
    # A thread cut into stretches by each post's "Reply" button (a C5xx rule): the main
    # region is the longest post, and the posts above it, under their numbers, stay.
    from pamphlet.sources.text_region import outside_main_region

    short = ("Great tablet. I thought the keyboard was too dear so I bought one elsewhere for"
             " a fraction of the price and it works well.")
    lines, out, add = _page_lines()

    for k in range(6):
        add(f"menu {k}", "C802")
    for n in range(1, 4):
        for k in range(5):
            add(f"member card {n} {k}", "C801")
        add(f"• #{n}", "C802")
        add(short)
        add("Reply", "C501")
    add("• #4", "C802")
    for n in range(5):
        add(" ".join(["word"] * 40) + f" {n}.")
    add("Reply", "C501")
    for k in range(8):
        add(f"footer link {k}")
    outside = outside_main_region(lines, out, lambda t: False, lambda t: False,
                                  lambda t: False)
    assert not [i for i in outside if lines[i] == short]


# --- C815: who reacted to a forum post ---------------------------------------------------


def test_reaction_lists_go():
    from pamphlet.sources.text_chrome import is_reactions

    assert is_reactions("Reactions: kyteflyer, Bobby T, Aviator and 19 others")
    assert is_reactions("Reactions: boobaloobie")
    assert is_reactions("Reactions: Elektrishun and slow-poke")
    assert not is_reactions("Reactions: the public was split, and the markets fell sharply.")
    thread = _thread(lambda n: f"• #{n}")
    with_reactions = []
    for line in thread:
        with_reactions.append(line)
        if line == POSTS[1][1]:
            with_reactions.append("Reactions: Anna, Carla and 3 others")
    doc = parse_text("\n\n".join(with_reactions) + "\n", "reactions.txt")
    assert _codes(doc)["Reactions: Anna, Carla and 3 others"] == "C815"
    assert all(text in doc.texts() for _, text in POSTS)
