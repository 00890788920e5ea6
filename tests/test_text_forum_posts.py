"""Forum posts in a plain-text scrape whose header is a member's name alone on its line,
perhaps with a rank or role ("K17 ✭✭✭", "mcrouse Admin", "padam CO"), with the post's
time right under it ("March 2025", "2y"): each opens a post, and members' ranks make the
page a discussion whose replies are its content."""

from __future__ import annotations

import pytest

from pamphlet.model import block_texts
from pamphlet.sources.text import parse_text
from pamphlet.sources.text_meta import is_post_time, parse_post_header

OPENING = (
    "The plugin directory that served this community for twelve years will close at the end "
    "of the month. Every plugin that is still maintained has moved to the new repository, "
    "where its authors can publish releases themselves.\n\n"
    "If you maintain a plugin and cannot find it there, write to the team before the "
    "directory closes, and we will move it for you with its full history.\n"
)

VANILLA = f"""Home › Releases

The old plugin directory is closing

Linc Admin
March 2025 edited March 2025 in Releases

{OPENING}
0

Comments

• K17 ✭✭✭
    March 2025

    Sad to see it go, but the new repository is much easier to use.

    0
• mcrouse Admin
    March 2025

    We will keep a read-only copy of the directory online for a year after it closes.

    0
• Linc Admin
    March 2025

    Thanks, that copy will help the people who still run the old versions.

    0
Sign In or Register to comment.
"""


def _post(header: str, text: str) -> str:
    return f"Other\n\n{header}\n2y\n\n{text}\n\nReply\nQuote\nReport\n"


def _thread(*posts: tuple[str, str]) -> str:
    return (
        "Consulting - is it worth it?\n\n" + OPENING + "\n4 Comments\n\n"
        + "\n".join(_post(h, t) for h, t in posts)
    )


def texts_of(doc):
    return [text for comment in doc.comments for block in comment.body
            for text in block_texts(block)]


def test_vanilla_thread_splits_into_posts_by_ranked_members():
    doc = parse_text(VANILLA, "thread.txt")
    assert [c.author for c in doc.comments] == ["K17", "mcrouse", "Linc"]
    assert doc.kind == "thread"
    assert doc.comments[0].body[0].text.startswith("Sad to see it go")
    # the replies are the page's content, nothing of them is lost
    main = doc.texts(reader_comments=False)
    assert any(t.startswith("We will keep a read-only copy") for t in main)
    assert "• K17 ✭✭✭" in {r.text for r in doc.removed if r.code == "C903"}


def test_a_header_removed_as_repeated_still_opens_its_members_post():
    more = "".join(
        f"• mcrouse Admin\n    March 2025\n\n    {text}\n\n    0\n"
        for text in ("The copy will be online from the first of next month.",
                     "It will keep every release of every plugin.")
    )
    doc = parse_text(VANILLA.replace("Sign In or Register", more + "Sign In or Register"), "t.txt")
    assert {r.code for r in doc.removed if r.text == "• mcrouse Admin"} == {"C801"}
    assert [c.author for c in doc.comments] == ["K17", "mcrouse", "Linc", "mcrouse", "mcrouse"]
    assert texts_of(doc)[-2] == "It will keep every release of every plugin."


def test_members_sharing_a_badge_make_a_thread():
    doc = parse_text(
        _thread(
            ("darth_monke CO", "As a first year at Big 4 I would say it is not the worst place."),
            ("padam CO", "A note on the hours in the region: they are notably worse."),
            ("Intern in IB-M&A", "What are the hours at your firm compared to banking?"),
        ),
        "thread.txt",
    )
    assert [c.author for c in doc.comments] == ["darth_monke CO", "padam CO", "Intern in IB-M&A"]
    assert doc.kind == "thread"


def test_one_member_twice_is_no_badge():
    doc = parse_text(
        _thread(
            ("padam CO", "A note on the hours in the region: they are notably worse."),
            ("Jane Doe", "I have never heard of that, can anyone confirm it?"),
            ("padam CO", "Certainly true in my office, and in the two before it."),
        ),
        "thread.txt",
    )
    assert [c.author for c in doc.comments] == ["padam CO", "Jane Doe", "padam CO"]
    assert doc.kind == "article"


def test_blog_comments_with_ages_get_authors_but_stay_an_article():
    page = (
        "Why we moved the office\n\n" + OPENING + "\nComments\n\n"
        + "Reply\n\nDoug Clow\n8d\n\nA good read, thank you for writing it up.\n\n"
        + "Reply\n\nDhara Yu\n4d\n\nWe did the same last year and never looked back.\n\nReply\n"
    )
    doc = parse_text(page, "blog.txt")
    assert [c.author for c in doc.comments] == ["Doug Clow", "Dhara Yu"]
    assert doc.kind == "article"


def test_a_one_line_reply_under_a_quote_is_not_a_header():
    page = _thread(("darth_monke CO", "Is the display OLED or LCD?")).replace(
        "Other\n\ndarth_monke CO\n2y\n\nIs the display OLED or LCD?",
        "Other\n\ndarth_monke CO\n2y\n\nIs the display OLED or LCD?\n"
        "Click to expand...\noled i think\nLast edited: Sep 21, 2024",
    )
    doc = parse_text(page, "thread.txt")
    assert "oled i think" in texts_of(doc)


def test_a_member_cards_place_is_not_the_author():
    page = VANILLA
    for name, place in (("K17 ✭✭✭", "Leeds"), ("mcrouse Admin", "Ohio"), ("Linc Admin", "Oslo")):
        page = page.replace(f"• {name}\n", f"• {name}\n    Member\n    Location\n    {place}\n")
    doc = parse_text(page, "thread.txt")
    authors = [c.author for c in doc.comments]
    assert not {"Leeds", "Ohio", "Oslo"} & set(authors)
    assert "Leeds" in texts_of(doc)


def test_a_place_under_the_members_joined_date_is_not_the_author():
    page = VANILLA
    for name, place in (("K17 ✭✭✭", "Leeds"), ("mcrouse Admin", "Ohio"), ("Linc Admin", "Oslo")):
        page = page.replace(f"• {name}\n", f"• {name}\n    Joined\n    Oct 25, 2017\n    {place}\n")
    doc = parse_text(page, "thread.txt")
    assert not {"Leeds", "Ohio", "Oslo"} & {c.author for c in doc.comments}


def test_a_posts_last_short_line_above_a_time_is_no_header():
    # the line above it is the post's kept text, not removed chrome
    page = VANILLA.replace(
        "much easier to use.\n\n    0\n", "much easier to use.\n    Thanks for sharing\n"
    )
    doc = parse_text(page, "thread.txt")
    assert [c.author for c in doc.comments] == ["K17", "Linc"]
    assert "Thanks for sharing" in texts_of(doc)


def test_a_reply_marker_is_no_header():
    doc = parse_text(VANILLA.replace("• mcrouse Admin", "Reply to  Brad P"), "thread.txt")
    assert "Reply to Brad P" not in [c.author for c in doc.comments]
    assert "Brad P" not in [c.author for c in doc.comments]


def test_an_articles_short_line_above_a_date_stays_in_the_body():
    page = (
        "Release notes\n\n" + OPENING + "\nVersion two\nMarch 2025\n\n"
        "The second version reads the old files and writes the new ones.\n"
    )
    doc = parse_text(page, "notes.txt")
    assert not doc.comments
    assert any(t == "Version two" for t in doc.texts())


@pytest.mark.parametrize("line", ["2y", "• 3mo", "5 days ago", "an hour ago", "March 2025",
                                  "Yesterday at 3:30 PM", "Aug 13, 2023"])
def test_post_times(line):
    assert is_post_time(line, "en")


@pytest.mark.parametrize("line", ["Last edited: Sep 21, 2024", "2 years of work", "Report",
                                  "March 2025 edited March 2025 in Releases", "22 Comments"])
def test_not_post_times(line):
    assert not is_post_time(line, "en")


@pytest.mark.parametrize(("line", "author", "rank"), [
    ("• K17 ✭✭✭", "K17", "✭✭✭"),
    ("mcrouse Admin", "mcrouse", "Admin"),
    ("Kitty Broihier, MS, RD, LD", "Kitty Broihier, MS, RD, LD", None),
    ("John S.", "John S.", None),
])
def test_post_headers(line, author, rank):
    header = parse_post_header(line)
    assert header is not None
    assert (header.author, header.rank) == (author, rank)


@pytest.mark.parametrize("line", ["Thanks.", "Why?", "Likes Reactions: davenn and jedi",
                                  "Reply to Brad P", "22 Comments",
                                  "a line far too long to be anybody's name on a forum post"])
def test_not_post_headers(line):
    assert parse_post_header(line) is None
