"""Rules for whole-page dumps: where the article ends and the page's chrome begins."""

from __future__ import annotations

from pamphlet import boilerplate as bp
from pamphlet.sources.text import parse_text


def _prose(n: int) -> str:
    return (f"Paragraph {n} of the article tells the story of the strike at length, with "
            "enough words in it to read as a real paragraph of running prose for the reader.")


def _codes(doc) -> dict[str, str]:
    return {r.text: r.code for r in doc.removed}


ARTICLE = ["The Strike at the Bakery", *[_prose(n) for n in range(4)]]
TEASERS = [
    "Nurses Vote to Strike Over Staffing",
    "Hospital staff in three trusts have voted by large majorities for action over staffing.",
    "March 3, 2024",
    "Dockers Win Pay Deal After Two Weeks",
    "After a fortnight of stoppages the port operator has agreed to a rise above inflation.",
]


# --- C811: teasers under a related-articles header -----------------------------------


def test_teasers_under_a_related_header_go_with_their_blurbs():
    page = "\n\n".join([*ARTICLE, "You may also like", *TEASERS])
    doc = parse_text(page + "\n", "teasers.txt")
    codes = _codes(doc)
    assert codes["You may also like"] in {"C303", "C306"}
    for line in TEASERS:
        assert codes[line] in {"C811", "C908"}, line
    assert codes["Nurses Vote to Strike Over Staffing"] == "C811"
    assert {r.reason for r in doc.removed if r.code == "C811"} == {bp.STRUCTURAL["C811"]}
    assert sum(t.startswith("Paragraph") for t in doc.texts()) == 4


def test_a_long_paragraph_after_the_header_means_the_article_goes_on():
    # A links box inside the article: its headlines go, the article's paragraphs stay.
    page = "\n\n".join([*ARTICLE, _prose(4), "Related Stories", TEASERS[0], TEASERS[3],
                        _prose(8), _prose(9)])
    doc = parse_text(page + "\n", "inside.txt")
    codes = _codes(doc)
    assert codes[TEASERS[0]] == codes[TEASERS[3]] == "C811"
    assert _prose(8) in doc.texts() and _prose(9) in doc.texts()
    # teasers with their blurbs, then two paragraphs in a row: the teasers go, the rest stays
    page = "\n\n".join([*ARTICLE, _prose(4), "Related Stories", *TEASERS, _prose(8),
                        _prose(9)])
    doc = parse_text(page + "\n", "inside.txt")
    assert _codes(doc)[TEASERS[1]] == _codes(doc)[TEASERS[4]] == "C811"
    assert _prose(8) in doc.texts() and _prose(9) in doc.texts()
    # headlines with sentences under them, then a long paragraph: a section of the article
    long = " ".join([_prose(8)] * 3)
    page = "\n\n".join([*ARTICLE, _prose(4), "More Story Topics", *TEASERS, long])
    doc = parse_text(page + "\n", "section.txt")
    assert "C811" not in _codes(doc).values()
    assert TEASERS[1] in doc.texts() and long in doc.texts()
    # a header that is a list item is an item of the article's list
    page = "\n\n".join([*ARTICLE, "They need:", "• More blog posts", "• More examples",
                        "• More code", "A closing line of the article."])
    assert "C811" not in _codes(parse_text(page + "\n", "list.txt")).values()


def test_a_header_over_the_articles_own_paragraphs_cuts_nothing():
    # A header-like line right above sentences (no teaser headline under it) is a section
    # of the article, and so is one above a single headline and then paragraphs.
    for after in ([_prose(8), _prose(9)], [TEASERS[0], _prose(8), _prose(9)]):
        page = "\n\n".join([*ARTICLE, _prose(4), "More news stories", *after])
        doc = parse_text(page + "\n", "own.txt")
        assert "C811" not in _codes(doc).values()
        assert _prose(8) in doc.texts() and _prose(9) in doc.texts()


def test_the_articles_own_reading_list_stays():
    for header in ("Further reading", "Other apps you may find useful:",
                   "More information and resources", "More posts by Maria"):
        page = "\n\n".join([*ARTICLE, header, *TEASERS])
        doc = parse_text(page + "\n", "own.txt")
        assert "C811" not in _codes(doc).values(), header


FOOTER = ("Example Media Ltd is registered in England and Wales and is authorised and "
          "regulated by the Financial Conduct Authority; the views expressed on this site are "
          "those of the authors and readers, and nothing on it is legal, tax or financial "
          "advice: consult a qualified professional before acting on anything you read here, "
          "and read our terms of use before you sign up for any of our newsletters or offers.")


def test_teasers_above_the_sites_footer_go():
    # a long paragraph under the teasers with the page's chrome under it is the site's footer
    # (a disclaimer): the teasers above it go; the footer itself is left to the region rules
    page = "\n\n".join([*ARTICLE, "Related Posts", *TEASERS, FOOTER,
                         "© 2024 Example Media Ltd. All rights reserved.", "Privacy Policy"])
    doc = parse_text(page + "\n", "footer.txt")
    codes = _codes(doc)
    assert codes[TEASERS[0]] == codes[TEASERS[1]] == codes[TEASERS[4]] == "C811"
    assert sum(t.startswith("Paragraph") for t in doc.texts()) == 4
    # near miss: more paragraphs follow the long one, so the article goes on and all stays
    page = "\n\n".join([*ARTICLE, "Related Posts", *TEASERS, FOOTER, _prose(8), _prose(9),
                         "© 2024 Example Media Ltd. All rights reserved."])
    doc = parse_text(page + "\n", "goes_on.txt")
    assert "C811" not in _codes(doc).values()
    assert TEASERS[1] in doc.texts() and FOOTER in doc.texts()


def test_related_resources_are_teasers_but_the_articles_own_resources_stay():
    page = "\n\n".join([*ARTICLE, "Related Resources", *TEASERS])
    assert _codes(parse_text(page + "\n", "related.txt"))[TEASERS[0]] == "C811"
    for header in ("Useful resources", "More useful posts about Japan"):
        page = "\n\n".join([*ARTICLE, header, *TEASERS])
        assert "C811" not in _codes(parse_text(page + "\n", "own.txt")).values(), header


def test_many_teasers_under_a_short_article_go():
    # the teasers' blurbs may add up to more prose than the article above them: they are
    # the section under the header and do not count against it
    blurbs = [f"Story number {n} from the newsroom tells of another long week of "
              f"negotiations at a workplace somewhere in the country." for n in range(8)]
    teasers = [line for n, blurb in enumerate(blurbs) for line in (f"Headline Number {n}", blurb)]
    page = "\n\n".join([*ARTICLE, "Latest News", *teasers])
    doc = parse_text(page + "\n", "short.txt")
    codes = _codes(doc)
    assert all(codes[line] == "C811" for line in teasers)
    assert sum(t.startswith("Paragraph") for t in doc.texts()) == 4


def test_a_header_above_the_article_does_not_cut_it():
    # Sidebar teasers above the text: the prose below outweighs what stands above.
    page = "\n\n".join(["Recent Posts", "An Older Post", "Another Older Post",
                        *ARTICLE[1:], _prose(5)])
    doc = parse_text(page + "\n", "above.txt")
    assert sum(t.startswith("Paragraph") for t in doc.texts()) == 5
    assert "C811" not in _codes(doc).values()


def test_a_comment_thread_after_the_teasers_stays():
    page = "\n\n".join([*ARTICLE, "Related posts", *TEASERS[:2], "2 Comments", "Maria says:",
                        "Great news from the bakery, well done everyone.", "Tom says:",
                        "Solidarity from the docks."])
    doc = parse_text(page + "\n", "thread.txt")
    assert [c.author for c in doc.comments] == ["Maria", "Tom"]
    assert _codes(doc)[TEASERS[0]] == "C811"


# --- C806: a line shown again further down ---------------------------------------------


def test_a_repeated_line_keeps_its_first_copy():
    blurb = "Sign up today and get your first month of the service free of charge."
    more = [_prose(n) for n in range(4, 12)]
    page = "\n\n".join([ARTICLE[0], blurb, *ARTICLE[1:], blurb, *more, blurb])
    doc = parse_text(page + "\n", "repeat.txt")
    repeats = [r for r in doc.removed if r.code == "C806"]
    assert [r.text for r in repeats] == [blurb, blurb]
    assert repeats[0].reason == bp.STRUCTURAL["C806"]
    assert doc.texts().count(blurb) == 1  # nothing lost: one copy stays
    # a short text (not a whole page) keeps its refrain
    short = "\n\n".join(["A Song", blurb, _prose(1), blurb])
    assert parse_text(short + "\n", "song.txt").texts().count(blurb) == 2


def test_repeats_that_structure_an_article_stay():
    # a plan's list items, a table's rows and "Label: value" lines repeat by design;
    # short lines are left to the menu rules
    week = ["Week {n}", "• Warm up with ten minutes of easy jogging and some drills",
            "Rest\t6 miles\tRest\t9 miles", "Team size: between fifty and two hundred people",
            "Rest day"]
    lines = [ARTICLE[0], ARTICLE[1]]
    for n in range(3):
        lines += [line.format(n=n) for line in week] + [_prose(n + 2)]
    doc = parse_text("\n\n".join(lines) + "\n", "plan.txt")
    assert "C806" not in _codes(doc).values()


# --- C807: link texts run together -----------------------------------------------------


def test_links_run_together_go_but_code_and_names_stay():
    menu = "Latest MoviesBollywood MoviesHollywood MoviesTamil Movies 2025Telugu Movies"
    code = "from transformers import AutoModelForCausalLM, AutoTokenizer"
    names = "We use JavaScript and TypeScript with McDonald's data on iPhone apps."
    page = "\n\n".join([*ARTICLE[:3], code, names, ARTICLE[3], menu])
    doc = parse_text(page + "\n", "glued.txt")
    codes = _codes(doc)
    assert codes[menu] == "C807"
    assert codes.get(code) != "C807" and codes.get(names) != "C807"
    assert names in doc.texts()


# --- C709: a forum reply quoting an earlier post -----------------------------------------


def test_quote_headers_make_a_forum_thread():
    page = "\n\n".join([
        "Which cable for the new router?", "maria 2 days ago",
        "I bought the router last week and the cable in the box is far too short for my "
        "living room. Which one should I buy instead, and does the category matter much?",
        "tom 1 day ago", "On 8/26/2024 at 5:29 PM, maria said:", "Which one should I buy?",
        "Any category 6 cable will do, and a ten metre one costs very little these days.",
        "ann 1 day ago", "36 minutes ago, tom said:", "Any category 6 cable will do.",
        "Agreed, I have used the same kind of cable for years without any trouble at all.",
    ])
    doc = parse_text(page + "\n", "thread.txt")
    codes = _codes(doc)
    assert codes["On 8/26/2024 at 5:29 PM, maria said:"] == "C709"
    assert codes["36 minutes ago, tom said:"] == "C709"
    assert doc.kind == "thread"
    assert [c.author for c in doc.comments] == ["maria", "tom", "ann"]
    # the quote stays inside the reply that quotes it
    assert "Which one should I buy?" in doc.texts()


# --- C805: an author box headed "About <name>" ------------------------------------------


def test_an_about_the_author_box_goes():
    bio = ("Sara Harberson is the founder of a small advisory firm and has helped families "
           "through the admissions process for twenty years.")
    page = "\n\n".join([*ARTICLE, "About Sara Harberson", bio, "Related Articles"])
    doc = parse_text(page + "\n", "box.txt")
    codes = _codes(doc)
    assert codes["About Sara Harberson"] == codes[bio] == "C805"
    # without the header, a bio needs a profession to count as an author box
    plain = "\n\n".join([*ARTICLE, "Sara Harberson",
                         "Sara Harberson has helped families for twenty years and more."])
    assert "C805" not in _codes(parse_text(plain + "\n", "plain.txt")).values()


# --- line rules for chrome inside and around articles ---------------------------------


def _classified(line: str) -> str | None:
    rule = bp.classify_line(line)
    return rule.code if rule else None


def test_reading_time_lines_go_but_not_sentences_about_reading():
    for line in ("Nov 08, 2025 7 min read", "Updated Dec 18, 2025 · 12 min read",
                 "23.07.2025 · 6 min read", "Estimated reading time: 11 minutes",
                 "| Reading Time: 7 minutes", "average reading time:"):
        assert _classified(line) == "C704", line
    assert _classified("It takes me about 5 min to read the paper each morning.") is None


def test_loading_placeholders_go_but_loading_as_a_word_stays():
    for line in ("Loading specifications…", "Loading paragraph...",
                 "Loading prices for your region…"):
        assert _classified(line) == "C710", line
    assert _classified("Loading, transport, and unloading of household belongings") is None


def test_affiliate_buttons_and_embedded_post_chrome_go():
    assert _classified("View on Amazon Links to Amazon.com") == "C407"
    assert _classified("View Plans Links to Private Internet Access") == "C407"
    assert _classified("Here are the links to the shoes on the maker's website:") is None
    assert _classified("View this post on Instagram") == "C408"
    assert _classified("A post shared by Some Brand (@somebrand)") == "C408"


def test_affiliate_disclosures_go_but_sentences_about_affiliates_stay():
    for line in ("This post may contain affiliate links. If you buy through them we may earn a "
                 "small commission at no extra cost to you.",
                 "Pack Sack is reader-supported. When you buy through links on our site, we may "
                 "earn an affiliate commission.",
                 "Advertiser Disclosure:"):
        assert _classified(line) == "C409", line
    for line in ("Affiliate programs: Streamers earn money when viewers buy gear via links.",
                 "I use this castile soap, just in case you were wondering (both are affiliate "
                 "links).",
                 "No affiliate links. No paid promotion. I have used every piece of gear here."):
        assert _classified(line) is None, line


def test_inline_related_links_go_and_the_article_around_them_stays():
    related = "Related: Dockers Win Pay Deal After Two Weeks"
    page = "\n\n".join([*ARTICLE, related, _prose(4), _prose(5), _prose(6)])
    doc = parse_text(page + "\n", "related.txt")
    assert _codes(doc)[related] == "C307"
    assert all(_prose(n) in doc.texts() for n in range(4, 7))
    assert _prose(0) in doc.texts()


def test_small_chrome_lines_go():
    assert _classified("Table of Contents ▼") == "C205"
    assert _classified("Click to skip the navigation bar") == "C201"
    assert _classified("An official website of the United States government") == "C206"
    assert _classified("Accessibility Menu") == "C202"
    assert _classified("Learn more about our Advertising Disclosure") == "C401"
    assert _classified("Thanks for signing up!") == "C403"
    assert _classified("View author page") == "C304"
    assert _classified("Posted On") == "C705"
    assert _classified("Fact Checked") == "C705"
    assert _classified("Read more Read more") == "C701"
    assert _classified("Item added to your cart") == "C407"


# --- C802: a list of phrases inside the article is not a menu ---------------------------


def test_a_pros_and_cons_list_between_paragraphs_stays_but_a_menu_goes():
    pros = ["Pros", "• Keeps the bread fresh for a whole week", "• Easy to clean by hand after use",
            "Cons", "• Costs more than a plastic bread box", "• Takes up some room on the counter"]
    page = "\n\n".join([*ARTICLE, *pros, _prose(4), _prose(5)])
    doc = parse_text(page + "\n", "pros.txt")
    assert "C802" not in _codes(doc).values()
    assert all(line.lstrip("• ") in " ".join(doc.texts()) for line in pros)
    # near miss: links in title case between the same paragraphs are a menu
    menu = ["• Bread Recipes For Beginners Here", "• Sourdough Starter Guides And Tips", "Shop",
            "• Baking Tools We Love Most", "• Contact Our Bakery Team Today", "About"]
    page = "\n\n".join([*ARTICLE, *menu, _prose(4), _prose(5)])
    codes = _codes(parse_text(page + "\n", "menu.txt"))
    assert all(codes.get(line) == "C802" for line in menu if line not in ("Shop", "About"))
    # ... and so are categories with their counts
    cats = ["Blog categories", "• Anxiety (30) items in this category",
            "• Depression (43) items in this category",
            "• New research (14) items in this category", "• Older adults (11) items in this one"]
    page = "\n\n".join([*ARTICLE, *cats, _prose(4), _prose(5)])
    codes = _codes(parse_text(page + "\n", "cats.txt"))
    assert all(codes.get(line) == "C802" for line in cats)


# --- C810: a thread's posts are its text -------------------------------------------------


def _post(n: int) -> str:
    return (f"Reply text {n}: I have run this smoker for years and the trick is patience, a "
            "steady fire and a good thermometer, whatever the weather does outside.")


OPENING = [
    "Our school is holding a mock election this month and every pupil gets a vote on the day.",
    "This is the main thread to discuss the run up to polling day and all the twists of it.",
    "You might also be interested in the many other threads about the campaign on the site.",
]


def test_the_opening_post_above_the_first_reply_stays():
    menu = [f"• Forum section {n}" for n in range(8)]
    replies = []
    for n in range(1, 7):
        replies += [f"Reply {n}", f"member{n}", _post(n), _post(n + 10)]
    page = "\n\n".join([
        *menu, "This discussion is now closed.", "Mock election discussion", *OPENING,
        "Scroll to see replies", "• 1", "• 2", "• 3", "Next", "Go to page", *replies,
        "Contact us", "Privacy policy", "Terms of use",
    ])
    doc = parse_text(page + "\n", "thread.txt")
    codes = _codes(doc)
    for line in OPENING:
        assert line not in codes, codes.get(line)
    assert all(_post(n) in doc.texts() for n in range(1, 7))
    # near miss: a thread whose post numbers head every post ("#1" over the opening post)
    # gives the text above its first number no such grace
    numbered = [line.replace("Reply ", "• #") for line in replies]
    page = "\n\n".join([*menu, "Share", OPENING[0], "Next", *numbered])
    codes = _codes(parse_text(page + "\n", "numbered.txt"))
    assert codes.get(OPENING[0]) == "C810"


def test_a_thread_with_bare_post_numbers_keeps_its_first_and_last_posts():
    headers = ("#{n}", "{n}. 11-29-2024, 09:03 AM #{n}")  # bare, or ending the post's header
    cases = [(1, 4, headers[0]), (2, 5, headers[0]), (3, 5, headers[0]), (3, 5, headers[1])]
    for long, count, header in cases:  # the long post has no post, one or two above it
        posts = []
        for n in range(1, count + 1):
            card = [f"member{n} Greenhorn", "Messages:", str(n * 7), "Likes Received:", str(n)]
            body = [_post(n + 10 * k) for k in range(12)] if n == long else [_post(n)]
            footer = [f"member{n}, May {n}, 2024 IP", "Reply", "Report"]
            posts += [*card, header.format(n=n), *body, *footer]
        page = "\n\n".join([
            "Home Forums > Business > Social Networks >", "Log in", "Sign up",
            "Do forums still have a role?", *posts, "Share This Page", "Contact us", "Terms",
        ])
        doc = parse_text(page + "\n", "bare.txt")
        texts = doc.texts()
        assert all(_post(n) in texts for n in range(1, count + 1)), _codes(doc)


# --- C802: a fact box inside the article is not a menu ------------------------------------


def test_a_fact_box_between_paragraphs_stays_but_a_member_card_goes():
    facts = ["Harvard Business School MBA", "Location: Boston, Massachusetts",
             "Median GMAT: 740", "Class Size: 930", "Acceptance Rate: 14%"]
    page = "\n\n".join([*ARTICLE, *facts, _prose(4), _prose(5)])
    doc = parse_text(page + "\n", "facts.txt")
    assert not any(line in _codes(doc) for line in facts), _codes(doc)
    # near miss: a member card (a one-word name over its profile's fields) is chrome
    card = ["multiOS", "Primary OS: Mac OS X", "VBox Version: 7.1", "Guest OSses: Windows",
            "Location: United Kingdom"]
    page = "\n\n".join([*ARTICLE, *card, _prose(4), _prose(5)])
    codes = _codes(parse_text(page + "\n", "card.txt"))
    assert all(codes.get(line) == "C802" for line in card)


def test_a_ranking_with_fact_boxes_above_the_long_text_stays():
    """Each entry's "Label: value" lines weigh like a line another rule removed, not like
    a menu's links: the entries above the text's long stretch stay in the main region."""
    def blurb(n: int) -> str:
        return (f"School {n} is known for its case method and its strong ties to the finance "
                "industry, and its graduates lead companies all over the world today.")
    entries = []
    for n in range(1, 7):
        entries += [f"{n}. Business School {n}", blurb(n), f"Location: City {n}, State",
                    f"Median GMAT: 7{n}0", "Average GPA: 3.6", f"Class Size: {n}30",
                    f"Acceptance Rate: 1{n}%", f"Learn more about the School {n} program"]
    page = "\n\n".join(["Home", "Programs", "About us", "Top Business Schools of 2025",
                        *entries, *[_prose(n) for n in range(20)], "Contact us", "Privacy"])
    doc = parse_text(page + "\n", "ranking.txt")
    texts = " ".join(doc.texts())
    assert all(blurb(n) in texts for n in range(1, 7)), _codes(doc)
    assert "Location: City 2, State" in texts


def test_short_replies_under_their_numbers_are_posts_not_a_menu():
    short = ["things can only get better", "Starmer having the brain cells to do it indoors",
             "what a day for it"]
    replies = []
    for n in range(1, 9):
        body = [short[n - 4]] if 4 <= n <= 6 else [_post(n), _post(n + 10)]
        replies += [f"Reply {n}", f"member{n}", "Volunteer Team", *body]
    page = "\n\n".join(["Forums", "Election discussion", *OPENING, *replies,
                        "Contact us", "Privacy policy"])
    doc = parse_text(page + "\n", "short.txt")
    texts = doc.texts()
    assert all(line in texts for line in short), _codes(doc)
    # near miss: the same short lines with no post numbers among them are a menu
    menu = ["Home", "Election discussion", "Politics news", "Football results", "Sports"]
    page = "\n\n".join([*ARTICLE, *menu, _prose(4), _prose(5)])
    codes = _codes(parse_text(page + "\n", "menu.txt"))
    assert all(codes.get(line) in {"C802", "C202"} for line in menu), codes
