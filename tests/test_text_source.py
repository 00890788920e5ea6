"""The plain-text reader: the seed field by field, then each boilerplate family."""

from __future__ import annotations

from pathlib import Path

import pytest

from pamphlet import boilerplate as bp
from pamphlet.errors import NoContent, PamphletError
from pamphlet.model import Figure, Heading, ListBlock, Paragraph
from pamphlet.sources.text import parse_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "russian-troops-out-of-kazakhstan.txt"
FIXTURES = Path(__file__).parent / "fixtures" / "text"


def parse_file(path: Path):
    return parse_text(path.read_text(encoding="utf-8"), str(path))


@pytest.fixture(scope="module")
def seed():
    return parse_file(SEED)


def removed_by_text(doc):
    return {r.text: r for r in doc.removed}


# --- the seed ------------------------------------------------------------------


def test_seed_metadata(seed):
    assert seed.title == "Russian troops out of Kazakhstan! For democracy and workers’ rights!"
    assert seed.authors == ("Dan Katz",)
    assert seed.publisher == "AWL"
    assert seed.date == "2022-01-11T03:25"
    assert seed.language == "en"
    assert seed.source == str(SEED)


def test_seed_figure_then_22_paragraphs(seed):
    assert seed.body[0] == Figure("Protesters in Kazakhstan")
    assert seed.body[0].src is None
    paragraphs = seed.body[1:]
    assert len(paragraphs) == 22
    assert all(isinstance(b, Paragraph) for b in paragraphs)
    assert paragraphs[0].text.startswith("The price of Liquid Petroleum Gas (LPG)")
    assert paragraphs[0].text.endswith("was hiked on New Year’s Day.")
    assert paragraphs[-1].text.startswith("And Putin also has his own concerns.")
    assert paragraphs[-1].text.endswith("presides over in Moscow.")
    source_lines = SEED.read_text(encoding="utf-8").split("\n")
    expected = [source_lines[n - 1].strip() for n in range(6, 49, 2)]
    assert [p.text for p in paragraphs] == expected


def test_seed_comment(seed):
    assert len(seed.comments) == 1
    comment = seed.comments[0]
    assert comment.author == "AWL"
    assert comment.date == "2022-01-10T13:22"
    assert comment.in_reply_to is None
    texts = [b.text for b in comment.body if isinstance(b, Paragraph)]
    assert texts[0].startswith("In Kazakhstan, there is now a real popular uprising")
    # typos are kept as written
    assert any("Kassym-|Jomart" in t for t in texts)
    assert texts[-1].startswith("We call on all the workers and working people")


def test_seed_demands(seed):
    body = seed.comments[0].body
    lists = [b for b in body if isinstance(b, ListBlock)]
    assert len(lists) == 1
    demands = lists[0]
    assert demands.ordered and demands.demands
    assert demands.intro == "The socialist movement of Kazakhstan demands:"
    assert demands.items == (
        "An immediate cessation of hostilities against the people and the withdrawal of "
        "troops from the cities!",
        "Immediate resignation of all Nazarbayev officials, including President Tokayev!",
        "Release of all political prisoners and detainees!",
        "Ensuring the right to create trade unions and political parties and to hold strikes "
        "and meetings!",
        "Legalisation of the activities of the banned Communist Party of Kazakhstan and the "
        "Socialist Movement of Kazakhstan!",
    )
    position = body.index(demands)
    assert body[position - 1] == Paragraph("The socialist movement of Kazakhstan demands:")
    assert len(seed.demands) == 1 and seed.demands[0].where == "comment 1"


def test_seed_removed(seed):
    removed = {r.line: r for r in seed.removed}
    assert sorted(removed) == [3, 50, 52, 96, 97]
    assert removed[96].code == "C101" and "cookie" in removed[96].reason
    assert removed[96].text.startswith("This website uses cookies")
    assert removed[97].code == "C102" and "consent" in removed[97].reason
    assert removed[3].code == "C901" and "metadata" in removed[3].reason
    assert removed[50].text == "Comments" and "header" in removed[50].reason
    assert removed[52].code == "C903" and "metadata" in removed[52].reason


# --- fixtures: one per family ----------------------------------------------------


def test_wordpress_page():
    doc = parse_file(FIXTURES / "en_wordpress.txt")
    assert doc.title == "Solidarity With the Striking Oil Workers of Mangystau"
    assert doc.authors == ("Maria Lopez",) and doc.date == "2021-06-03"
    codes = {r.text: r.code for r in doc.removed}
    assert codes["Skip to content"] == "C201"
    assert codes["Home » News » Kazakhstan"] == "C203"
    assert codes["Share this:"] == "C301" and codes["Facebook"] == "C301"
    assert codes["Like this:"] == "C302" and codes["Related"] == "C303"
    assert codes["Leave a Reply"] == "C501" and codes["Post Comment"] == "C501"
    assert codes["© 2021 Workers' Voice. All rights reserved."] == "C601"
    assert codes["Privacy Policy | Terms of Use"] == "C603"
    texts = doc.texts()
    # traps: a sentence about cookies, "Submitted to parliament", a short paragraph
    assert any(t.startswith("Our website does not track you") for t in texts)
    assert any(t.startswith("Submitted to parliament last spring") for t in texts)
    assert Paragraph("We won.") in doc.body
    assert Heading(2, "What the Workers Want") in doc.body
    (demands,) = doc.demands
    assert demands.intro == "We demand:" and len(demands.items) == 3
    assert demands.items[2] == "An end to police surveillance of the union"
    maria, john = doc.comments
    assert (maria.author, maria.date) == ("Maria", "2021-06-05T09:14")
    assert (john.author, john.date) == ("John Smith", "2021-06-06T22:02")
    assert john.body == (Paragraph("Solidarity from the dockers in Liverpool!"),)


def test_russian_page():
    doc = parse_file(FIXTURES / "ru_news.txt")
    assert doc.language == "ru"
    assert doc.title == "Нефтяники Жанаозена объявили бессрочную забастовку"
    assert doc.authors == ("Иван Петров",) and doc.date == "2022-01-07"
    (demands,) = doc.demands
    assert demands.intro == "Мы требуем:" and demands.where == "body"
    assert demands.items[0] == "Снизить цену на сжиженный газ до 50 тенге за литр."
    first, second = doc.comments
    assert (first.author, first.date) == ("Айгуль", "2022-01-07T09:30")
    assert (second.author, second.date, second.in_reply_to) == (
        "Ерлан", "2022-01-08T11:05", "Айгуль"
    )
    codes = {r.text: r.code for r in doc.removed}
    assert codes["Перейти к содержимому"] == "C201"
    assert codes["Поделиться"] == "C301" and codes["ВКонтакте"] == "C301"
    assert codes["Ответить"] == "C502" and codes["Комментарии"] == "C902"
    assert any(r.code == "C104" for r in doc.removed)
    assert codes["© 2022 Рабочая газета. Все права защищены."] == "C601"


def test_drupal_submitter_is_author_and_replies():
    doc = parse_file(FIXTURES / "drupal_reply.txt")
    assert doc.authors == ("jsmith",) and doc.publisher is None
    assert doc.date == "2022-01-11T10:00"  # Tue, 11/01/2022 read day-first (a Tuesday)
    assert Heading(2, "Ending Poverty Pay") in doc.body
    lists = [b for b in doc.body if isinstance(b, ListBlock)]
    assert [lst.items for lst in lists] == [
        ("A minimum wage of £15 an hour", "Rent controls in every city",
         "Public ownership of energy"),
        ("Sick pay from day one", "Equal pay audits in every workplace"),
    ]
    assert lists[0].ordered and not lists[1].ordered
    assert not any(lst.demands for lst in lists)
    dave, reply = doc.comments
    assert dave.author == "Dave" and dave.date == "2022-01-12T08:15"
    assert reply.in_reply_to == "Dave" and reply.author == "jsmith"
    assert sum(r.code == "C501" for r in doc.removed) == 3


def test_pipe_byline_menu_run_and_footer():
    doc = parse_file(FIXTURES / "en_byline_pipe.txt")
    assert doc.title == "Nurses Walk Out Across the Region"
    assert doc.authors == ("Jane Doe", "Tom Lee") and doc.date == "2023-03-12"
    codes = {r.text: r.code for r in doc.removed}
    assert codes["NEWS"] == codes["OPINION"] == codes["INTERNATIONAL"] == "C802"
    assert codes["Advertisement"] == "C401" and codes["Read more"] == "C701"
    assert codes["All rights reserved"] == "C602"
    assert codes["Subscribe to our newsletter for weekly updates from the picket lines."] == "C402"
    (demands,) = doc.demands
    assert demands.intro == "Our demands are:"
    assert demands.items == (
        "Pay restoration to 2010 levels", "Safe staffing ratios on every ward",
        "No privatisation of services",
    )


def test_kazakh_language_and_date():
    doc = parse_file(FIXTURES / "kk_article.txt")
    assert doc.language == "kk"
    assert doc.date == "2022-01-05"
    assert "Бөлісу" in {r.text for r in doc.removed}


def test_hard_wrapped_lines_are_joined():
    doc = parse_file(FIXTURES / "hardwrap.txt")
    assert doc.authors == ("Committee of Striking Dockers",)
    first = doc.body[0]
    assert isinstance(first, Paragraph)
    assert first.text.startswith("We, the dockers of the port,")
    assert "first of the month" in first.text and first.text.endswith("negotiating table.")
    assert len(doc.body) == 2


def test_only_boilerplate_raises_no_content():
    with pytest.raises(NoContent) as info:
        parse_file(FIXTURES / "boilerplate_only.txt")
    assert "only boilerplate" in info.value.message
    assert isinstance(info.value, PamphletError) and info.value.exit_code == 5


def test_markdown_heading_and_bullets_in_text():
    doc = parse_text("Title here\n\n## Part one\n\nSome text.\n\n• a\n• b\n", "x.txt")
    assert doc.body == (Heading(2, "Part one"), Paragraph("Some text."),
                        ListBlock(False, ("a", "b")))


def test_long_first_line_keeps_its_text():
    line = " ".join(["word"] * 40) + ". Second sentence here."
    doc = parse_text(line, "x.txt")
    assert doc.body == (Paragraph(line),)
    assert doc.title.endswith("…")


def test_repeated_short_lines_are_removed():
    text = "A Title For The Piece\n\nReal text of the article goes here.\n" + "Vote\n" * 4
    doc = parse_text(text, "x.txt")
    assert [r.code for r in doc.removed] == ["C801"] * 4


@pytest.mark.slow
def test_big_inputs_are_fast():
    import time

    start = time.process_time()
    lines = "".join(f"a short line number {n} here\n" for n in range(100_000))
    parse_text("Title\n" + lines, "big.txt")
    parse_text("Title\n" + "word " * 400_000, "long.txt")
    assert time.process_time() - start < 20


ARTICLE = (
    "A Title About the Strike\n\n"
    "The first paragraph of the article is long enough to count as real text here.\n\n"
    "{middle}\n\n"
    "The last paragraph of the article is also long enough to count as real text.\n"
)


def test_menu_inside_the_page_is_removed():
    middle = "News\nOpinion\nInternational\nCulture\nSport"
    doc = parse_text(ARTICLE.format(middle=middle), "x.txt")
    assert {r.text for r in doc.removed if r.code == "C802"} == set(middle.split("\n"))


@pytest.mark.parametrize(
    "middle",
    [
        "Our demands\n• Bread\n• Peace\n• Land\n• Freedom",  # about demands
        "What they asked for:\nBread\nPeace\nLand\nFreedom",  # introduced by a colon
        "• Bread\n• Peace\n• Land\n• Freedom",  # a bulleted list between paragraphs
        "1. Bread\n2. Peace\n3. Land\n4. Freedom",  # a numbered list
    ],
)
def test_short_lists_in_the_article_stay(middle):
    doc = parse_text(ARTICLE.format(middle=middle), "x.txt")
    assert not [r for r in doc.removed if r.code == "C802"]
    assert {"Bread", "Peace", "Land", "Freedom"} <= set(doc.texts())


# --- C810: outside the article's main region ---------------------------------------


def _c810(doc) -> list[str]:
    return [r.text for r in doc.removed if r.code == "C810"]


def test_teasers_and_footer_after_the_article_are_removed():
    doc = parse_file(FIXTURES / "en_teasers.txt")
    assert doc.title == "Teachers Strike for Smaller Classes Across the City"
    assert doc.authors == ("Ruth Ellis",) and doc.date == "2023-09-14"
    # under a "Related articles" header: C811 (teasers), not the main-region signal
    gone = [r.text for r in doc.removed if r.code == "C811"]
    assert gone == [
        "Nurses Vote to Strike Over Staffing",
        "Hospital staff in three trusts have voted by large majorities for action over unsafe "
        "staffing levels on wards this winter.",
        "Dockers Win Pay Deal After Two Weeks",
        "After a fortnight of stoppages the port operator has agreed to a rise well above "
        "inflation for all of its dock workers.",
        "Bus Drivers Ballot Over Night Shifts",
    ]
    # two sentences in a row end the teasers; the main region cuts them and the footer
    assert _c810(doc) == [
        "Drivers at the city's two depots are being asked whether they will refuse the new "
        "night rota that the company imposed in June.",
        "Workers' Voice is a reader-funded paper written by workers, for workers, and we never "
        "take money from advertisers or bosses.",
    ]
    reasons = {r.reason for r in doc.removed if r.code == "C811"}
    assert reasons == {bp.STRUCTURAL["C811"]}
    # the whole article stays, the short paragraph in its middle and its list too
    assert Paragraph("It did not last.") in doc.body
    paragraphs = [b for b in doc.body if isinstance(b, Paragraph)]
    assert paragraphs[0].text.startswith("Teachers at more than forty schools")
    assert paragraphs[-1].text.startswith("Parents' groups from across the city")
    (demands,) = doc.demands
    assert len(demands.items) == 3


def test_comment_thread_stays_and_the_sidebar_after_it_goes():
    doc = parse_file(FIXTURES / "en_comments_sidebar.txt")
    assert doc.title == "Cleaners Win Living Wage at the University"
    assert [(c.author, c.body) for c in doc.comments] == [
        ("Aisha", (Paragraph("Brilliant news, congratulations to everyone involved!"),)),
        ("Tom", (Paragraph("Proof that organising works."),)),
        ("Aisha", (Paragraph("We are doing the same at our hospital now."),)),
    ]
    codes = {r.text: r.code for r in doc.removed}
    assert codes["Advertisement"] == "C401"  # inside the article: only the line goes
    assert Paragraph("Then the contractor blinked.") in doc.body
    assert any(isinstance(b, Paragraph) and b.text.startswith("Students joined them")
               for b in doc.body)
    assert codes["Popular posts"] == "C810"
    assert codes["Rent Strike Spreads to Six More Buildings"] == "C810"
    assert codes["Our paper is written by volunteers and funded entirely by readers who "
                 "believe that working people deserve their own press."] == "C810"


def _long(n: int) -> str:
    return (f"Paragraph {n} of the article tells the story at length, with enough words in "
            "it to read as real prose from the piece that the page was made for.")


def test_long_article_keeps_its_short_middle_paragraph_and_lists():
    parts = ["The Title of a Long Article", "Share this:", "Facebook"]
    parts += [_long(n) for n in range(6)]
    parts += ["Advertisement", "They said no.", "• Bread", "• Peace", "• Land", "Twitter"]
    parts += [_long(n) for n in range(6, 12)]
    parts += ["Share this:", "Related", "Another Story Entirely",
              "A teaser sentence about another story on the same site, long enough to count "
              "as a sentence."]
    doc = parse_text("\n\n".join(parts), "x.txt")
    assert doc.title == "The Title of a Long Article"
    assert Paragraph("They said no.") in doc.body
    assert ListBlock(False, ("Bread", "Peace", "Land")) in doc.body
    assert sum(isinstance(b, Paragraph) and b.text.startswith("Paragraph") for b in doc.body) == 12
    assert _c810(doc) == [parts[-2], parts[-1]]


def test_no_dominant_text_nothing_goes():
    """Several equal stretches of prose (a forum listing): no main region, nothing goes."""
    lines = ["A Forum Page"]
    for n in range(4):
        lines += [f"Topic number {n}", *(_long(3 * n + k) for k in range(3))]
        lines += ["Reply", "Share", "Report"]
    doc = parse_text("\n".join(lines), "x.txt")
    assert _c810(doc) == []
    assert sum(t.startswith("Paragraph") for t in doc.texts()) == 12


def test_small_page_is_left_alone():
    lines = ["Title", _long(1), _long(2), _long(3), "Share this:", "A closing line here."]
    assert _c810(parse_text("\n\n".join(lines), "x.txt")) == []


@pytest.mark.parametrize("name", ["en_teasers.txt", "en_comments_sidebar.txt"])
def test_region_cleaning_is_idempotent(name):
    doc = parse_file(FIXTURES / name)
    again = parse_text("\n\n".join(doc.texts()), "again.txt")
    assert again.texts() == doc.texts()
    assert _c810(again) == []


# --- more kinds of boilerplate: consent panels, contents, author boxes, forums -------


def test_cookie_consent_panel_is_removed():
    doc = parse_file(FIXTURES / "en_cookie_panel.txt")
    codes = {r.text: r.code for r in doc.removed}
    assert codes["Privacy Overview"] == "C106" and codes["Always Enabled"] == "C106"
    assert codes["Necessary"] == "C106" and codes["SAVE & ACCEPT"] == "C106"
    assert codes["Cookie\t\tDuration\t\tDescription"] == "C106"
    panel = [text for text, code in codes.items() if code == "C106" and len(text) > 60]
    assert len(panel) == 3  # two category descriptions and the cookie table's row
    assert any(text.startswith("Necessary cookies are absolutely essential") for text in panel)
    # the trap: a sentence about (biscuit) cookies stays
    assert any(t.startswith("These cookies are a small part of the story") for t in doc.texts())
    assert codes["Leave a Reply Cancel reply"] == "C501"
    assert len([b for b in doc.body if isinstance(b, Paragraph)]) == 4


def test_contents_author_box_and_calls_to_action():
    doc = parse_file(FIXTURES / "en_toc_author_box.txt")
    codes = {r.line: r.code for r in doc.removed}
    assert codes[7] == "C205"  # "Table of Contents"
    assert [codes[n] for n in (8, 9, 10)] == ["C804"] * 3  # its entries, repeated below
    headings = [b.text for b in doc.body if isinstance(b, Heading)]
    assert headings == ["What a strike fund is", "Who pays into it", "How payouts work"]
    assert [codes[n] for n in (25, 26, 27)] == ["C805"] * 3  # name, role, biography
    assert codes[29] == "C305" and codes[30] == "C706"
    assert codes[31] == "C403" and codes[32] == "C403"
    assert doc.authors == ("Jane Doe",)
    assert not any("labour writer" in t for t in doc.texts())


def test_forum_thread_headers_quotes_and_timestamps():
    doc = parse_file(FIXTURES / "en_forum_thread.txt")
    assert doc.title == "Does anyone still use a paper planner?"
    authors = [c.author for c in doc.comments]
    assert authors[0] == "Need2KnowLion" and "skier8390" in authors
    assert authors[-1] == "Maria"
    # a date line after a blank line still dates the comment above it
    assert doc.comments[-1].date == "2010-10-17T07:59"
    codes = {r.text: r.code for r in doc.removed}
    assert codes["Need2KnowLion 2 years ago#1"] == "C903"
    assert codes["Click to expand..."] == "C708" and codes["Reactions: 12"] == "C707"
    assert codes["Commented Oct 18, 2010 at 9:12"] == "C908"  # not a new comment by "Commented"
    assert codes["You must log in or register to reply here."] == "C501"
    assert doc.kind == "thread"  # the posts are the page's content, not readers' comments
    texts = doc.texts(reader_comments=False)
    for line in ("I keep going back to paper. Apps never stick for me.",
                 "Same here, I like crossing things off with a pen.",
                 "I print a blank week every Sunday and fill it in."):
        assert line in texts


def test_forum_of_short_posts_is_not_refused():
    posts = "\n\n".join(f"user{n} {n} days ago#{n}\nOk, cool!" for n in range(1, 15))
    doc = parse_text("Best kettle?\n\n" + posts + "\n", "forum.txt")
    assert doc.title == "Best kettle?"
    assert len(doc.comments) == 14 and all(c.author for c in doc.comments)
    assert doc.kind == "thread"


def test_article_with_a_few_comments_stays_an_article(seed):
    assert seed.kind == "article"
    doc = parse_file(FIXTURES / "en_comments_sidebar.txt")
    assert doc.comments and doc.kind == "article"


def test_table_rows_stay_and_teasers_after_buttons_go():
    doc = parse_file(FIXTURES / "en_table_cta.txt")
    texts = doc.texts()
    for row in ("Kettle\t\tPrice\t\tMinutes", "Alpha\t\t$19\t\t3.5", "Delta\t\t$29\t\t2.7"):
        assert row in texts  # a table is not a menu
    assert not [b for b in doc.body if isinstance(b, Heading)]
    codes = {r.text: r.code for r in doc.removed}
    assert codes["Check Price at Amazon"] == "C706" and codes["Learn more"] == "C706"
    assert codes["Popular Articles"] == "C303"
    assert codes["The Best Toasters Under $30"] == "C810"
    assert not any("banana slicers" in t for t in texts)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Commented Oct 17, 2010 at 7:59", "2010-10-17T07:59"),
        ("2010-10-17 07:59:33 +00:00", "2010-10-17T07:59"),
        ("answered Mar 5, 2020 at 10:00", "2020-03-05T10:00"),
        ("• April 3, 2024", "2024-04-03"),
        ("The war ended in 1945", None),
        ("Posted 3 times on 5 May 2021 by the editors", None),
    ],
)
def test_timestamp_lines(line, expected):
    from pamphlet.sources.text_meta import timestamp_of

    assert timestamp_of(line, "en") == expected


def test_relative_time_author_needs_a_handle():
    from pamphlet.sources.text_meta import parse_comment_author

    assert parse_comment_author("maria · 3 days ago", "en") == ("maria", None)
    assert parse_comment_author("The war started 2 years ago", "en") is None
    assert parse_comment_author("Modified 6 months ago", "en") is None


def test_forum_chrome_makes_a_discussion():
    article = "\n\n".join(["A Long Opening Post About Kettles", *[_prose(n) for n in range(6)]])
    thread = "\n\nComments\n\nmaria says:\nMine broke too.\nClick to expand...\nReactions: 3\n"
    assert parse_text(article + thread, "f.txt").kind == "thread"
    plain = "\n\nComments\n\nmaria says:\nMine broke too.\n"
    assert parse_text(article + plain, "a.txt").kind == "article"


def _prose(n: int) -> str:
    return (f"Paragraph {n} of the opening post is long enough to count as text, and it says "
            "what the writer thinks about kettles that break after a month of use.")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Table of Contents", "C205"),
        ("Jump to section", "C205"),
        ("Post navigation", "C204"),
        ("Advertisement - Continue Reading Below", "C401"),
        ("Advertisement - Members don't see this ad", "C401"),
        ("About the Author", "C304"),
        ("Follow us on Instagram", "C305"),
        ("Link copied!", "C305"),
        ("Share Tweet LinkedIn", "C301"),
        ("Related Stories", "C303"),
        ("Other posts you’ll love:", "C306"),
        ("More Articles From Our Blog", "C306"),
        ("You might also find these useful:", "C306"),
        ("Was this page helpful?", "C404"),
        ("Click on a star to rate it!", "C404"),
        ("By entering your email address you agree to our Terms of Use and Privacy Policy.",
         "C405"),
        ("The best of New York straight to your inbox", "C406"),
        ("Join 10K+ people getting helpful guides in our newsletter.", "C406"),
        ("Oops! Something went wrong while submitting the form.", "C403"),
        ("* indicates a required field", "C403"),
        ("Leave a Reply Cancel reply", "C501"),
        ("You must log in or register to reply here.", "C501"),
        ("Improve this answer", "C501"),
        ("Oldest First Newest First Most Reactions", "C501"),
        ("Try for free Learn more", "C706"),
        ("Check Price at Amazon", "C706"),
        ("12 posts · Joined 2019", "C707"),
        ("1,234 gold badges 56 silver badges 78 bronze badges", "C707"),
        ("Click to expand...", "C708"),
        ("You are using an out of date browser. It may not display this or other websites "
         "correctly.", "C702"),
        ("5 min. read", "C704"),
        ("site design / logo © 2025 Example Inc; user contributions licensed under CC BY-SA . "
         "rev 2025.12.19.37764", "C601"),
    ],
)
def test_boilerplate_rules(line, code):
    from pamphlet.boilerplate import classify_line

    rule = classify_line(line)
    assert rule is not None and rule.code == code


@pytest.mark.parametrize(
    "line",
    [
        "These cookies are a small part of the story, and the shift shares them.",
        "Related questions came up at every meeting of the strike committee that spring.",
        "By submitting the petition, the workers forced the council to act.",
        "Thank you",
        "Contents of the strike fund were audited twice a year.",
        "The war started 2 years ago",
        "Performance",
    ],
)
def test_sentences_are_not_rules(line):
    from pamphlet.boilerplate import classify_line

    assert classify_line(line) is None


def test_comment_count_by_the_byline_does_not_swallow_the_article():
    lead = ("Sixty Years of the Picket Line\n\nA short standfirst about the long history of "
            "pickets, written to sit under the headline of this article.\n\nBy Ruth Ellis\n"
            "21 comments\n\n")
    text = "\n\n".join(_prose(n) for n in range(5))
    doc = parse_text(lead + text + "\n", "count.txt")
    assert not doc.comments and doc.kind == "article"
    assert sum(p.text.startswith("Paragraph") for p in doc.body if isinstance(p, Paragraph)) == 5
    assert {r.text: r.code for r in doc.removed}["21 comments"] == "C902"
    doc_text = lead + text + "\n\n3 comments\n\nmaria says:\nMine broke too.\n"
    doc = parse_text(doc_text, "thread.txt")
    assert [c.author for c in doc.comments] == ["maria"]


def test_article_framed_by_rules_is_cut_out_of_a_page_with_much_other_prose():
    # The teasers hold over 30% of the page's prose, yet a share row above the article and
    # a "Read next" header below it frame it clearly.  ("Read next" also stands inside
    # articles above one link, so the teaser-section rule C811 leaves this to C810.)
    teaser = ("A long teaser paragraph for another story on this site, written to pull the "
              "reader away from the article and onto another page of the site.")
    assert len(teaser.split()) == 26
    page = "\n\n".join([
        "The Strike at the Bakery",
        "Share this article",
        *[_prose(n) for n in range(5)],
        "Read next",
        *[f"Section {n}\nAnother Story Number {n}\n{teaser} ({n})\nPhoto gallery {n}"
          for n in range(3)],
    ])
    doc = parse_text(page + "\n", "framed.txt")
    assert sum(t.startswith("Paragraph") for t in doc.texts()) == 5
    assert not any(t.startswith("A long teaser") for t in doc.texts())
    assert "Another Story Number 2" in _c810(doc)


def test_a_papers_discussion_section_is_not_a_comment_thread():
    lead = "Exercise and Mood: a Review\n\nBy Ruth Ellis\n\n"
    methods = "\n\n".join(_prose(n) for n in range(3))
    after = "\n\n".join(_prose(n) for n in range(3, 6))
    doc = parse_text(f"{lead}{methods}\n\nDiscussion\n\n{after}\n", "paper.txt")
    assert not doc.comments
    assert any(isinstance(b, Heading) and b.text == "Discussion" for b in doc.body)
    assert sum(isinstance(b, Paragraph) and b.text.startswith("Paragraph") for b in doc.body) == 6
    # A thread under the same word still opens: a comment's author line follows.
    thread = f"{lead}{methods}\n\nDiscussion\n\nmaria says:\nMine broke too.\n"
    doc = parse_text(thread, "thread.txt")
    assert [c.author for c in doc.comments] == ["maria"]
    assert {r.text: r.code for r in doc.removed}["Discussion"] == "C902"
