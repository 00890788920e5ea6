"""The main region's edges (text_region, C810): chrome the text repeats between its own
parts (a post's buttons, an entry's headers) is no edge of the text."""

from __future__ import annotations

from pamphlet.sources.text import parse_text


def _codes(page: list[str]) -> tuple[dict[str, str], list[str]]:
    doc = parse_text("\n\n".join(page) + "\n", "page.txt")
    return {r.text: r.code for r in doc.removed}, doc.texts()


def _reply(n: int) -> str:
    return (f"Reply {n}: we tried this at our own events and the guests were mostly fine with "
            "it once it was explained in the contract up front rather than sprung on them late.")


POST_CHROME = ["• Copy Link to Reply", "• Report Reply", "• Printer Friendly Format"]
FIRST_REPLY = [
    "That's a great idea!",
    "We started adding a line for tips to our contracts.",
    "Nobody has batted an eye. Some will give more.",
    "Good luck! Roger",
]


def test_the_first_reply_above_the_posts_buttons_stays():
    # The first reply is short lines; the long replies below it make the region, and the
    # buttons under every post (repeated inside the region) stand between them.
    page = [f"• Forum section {n}" for n in range(8)]
    page += ["Catering Tips", "Here's an idea to increase your tips on catering proposals.",
             "• Share on Facebook", "• Share on Twitter", *FIRST_REPLY]
    for n in range(2, 6):
        page += [*POST_CHROME, _reply(n), _reply(n + 10)]
    page += [*POST_CHROME, "Back To Top", "Add Reply", "Recent Topics"]
    page += [f"• Topic {n}" for n in range(6)]
    codes, texts = _codes(page)
    for line in FIRST_REPLY:
        assert line not in codes, (line, codes.get(line))
    assert all(_reply(n) in texts for n in range(2, 6))
    assert all(codes.get(f"• Topic {n}") for n in range(6))  # the teasers still go


def _entry(n: int) -> list[str]:
    return [
        f"{n}) Product {n}", "Overview",
        f"Product {n} is a sales tool built around visual pipelines and activity based "
        "selling, prized for the ease with which small teams can set it up and use it.",
        "Who it's for", "• Lean sales teams", "• Agencies and small shops",
        "Challenges to plan for", "• Reporting may need add-ons", "• Discipline is key",
    ]


CLOSING = [
    "How to choose a tool for your team",
    "• Motion: inbound vs. field",
    "• Complexity: one team or many",
    "• Reporting: which numbers must be visible",
    "• Integration: which data should flow in",
]


def test_the_section_after_entries_with_repeated_headers_stays():
    # Every entry repeats the same headers and list items, so the repeat rule removes
    # them; the closing section after the last entry is still the article's.
    page = ["• Home", "• Products", "• Pricing", "• Blog", "• Contact",
            "The Best Sales Tools of the Year",
            "Choosing a sales tool is a long job, and we tested a dozen of them over the year "
            "so that your team does not have to spend its own weeks on the same comparison."]
    for n in range(1, 5):
        page += _entry(n)
    page += [*CLOSING, "Related Articles", "Everything You Should Be Doing Before You Buy",
             "Your guide to what good selling looks like, and how a tool can help.",
             "by Chris Todd", "© 2025 Sales Tools Inc. All rights reserved.", "• Privacy"]
    codes, _ = _codes(page)
    for line in CLOSING:
        assert line not in codes, (line, codes.get(line))
    assert codes["Everything You Should Be Doing Before You Buy"] == "C811"


def _prose(n: int) -> str:
    return (f"Paragraph {n} of the article tells the story of the strike at length, with "
            "enough words in it to read as a real paragraph of running prose for the reader.")


BLURB = ("Our paper is written by volunteers and funded entirely by readers who believe that "
         "working people deserve their own press.")


def test_near_miss_chrome_the_text_shows_once_is_still_an_edge():
    # One share row inside the article is no separator of its parts: the site's blurb
    # after the second one is outside the text.
    page = ["• Home", "• News", "• Opinion", "• About", "The Strike at the Bakery",
            *[_prose(n) for n in range(5)], "Share this article",
            *[_prose(n) for n in range(5, 12)], "Share this article", BLURB,
            "Sign up for our newsletter", "© 2025 Workers' Voice"]
    codes, texts = _codes(page)
    assert codes[BLURB] == "C810"
    assert all(_prose(n) in texts for n in range(12))


def _post(n: int) -> str:
    return (f"I have run this smoker for {n} years and the trick is patience, a steady fire "
            "and a good thermometer, whatever the weather does outside on the day.")


FORUM_FOOTER = ["« Next Oldest | Next Newest »", "Users browsing this thread: 1 Guest(s)"]


def test_near_miss_the_forum_footer_after_the_last_posts_buttons_goes():
    # A thread ends with its last post: past that post's buttons is the forum's footer.
    page = [f"• Forum section {n}" for n in range(8)] + ["Smoking a brisket in the rain"]
    for n, name in enumerate(["maria", "tom", "aisha", "li", "sam"], 1):
        page += [f"{name} 2 days ago", _post(n), _post(n + 10), "• Quote", "• Report post"]
    page += [*FORUM_FOOTER, "• Forum Team", "• Return to Top", "• RSS Syndication",
             "© 2025 Smokers Forum"]
    codes, texts = _codes(page)
    for line in FORUM_FOOTER:
        assert codes.get(line) == "C810", line
    assert all(_post(n) in texts for n in range(1, 16) if n <= 5 or n > 10)


QUESTION = [
    "I'm just starting a catering service for my cooking.",
    "I'm not into fancy service yet: paper plates and a buffet line are fine for now, "
    "and the guests are friends of friends who want good food more than silverware.",
    "The menu is:", "• curry & rice", "• sandwiches", "• drinks",
    "I have one chafing dish, a rice cooker, plastic plates and cups, foil trays and paper "
    "napkins, and a borrowed van for the day. What am I missing, and what should I prepare?",
]


def _answer(n: int) -> list[str]:
    return [
        f"Answer {n}: check everything, then check it again; write a list of what must come "
        "with you, and walk the hall the week before so nothing on the day surprises you.",
        *[f"Answer {n}, part {part}: bring spares of everything, since something will spill "
          "and more guests will come than said, and keep records of what got eaten for the "
          "next time you cater an event of this size." for part in range(4)],
        "Share", "Improve this answer", f"answered Feb {n + 11}, 2011 at 1:01", f"User {n}",
        "30.5k1818 gold badges9090 silver badges174174 bronze badges",
    ]


def test_a_question_above_its_asked_card_stays_with_its_title():
    # Q&A sites print the asker's card ("asked <date>", the name, the badges) under the
    # question; the answers below it make the region.  The question and its title stay,
    # and "asked" is not glued to the badge line above it as a wrapped line.
    page = [f"• Site menu {n}" for n in range(8)]
    page += ["Catering event for 1st time. How should I prepare?", "Ask Question",
             "Asked 14 years ago", "Viewed 6k times", "11", *QUESTION,
             "• catering", "• equipment", "Share", "Improve this question",
             "edited Feb 12, 2011 at 21:50", "Editor Name",
             "55.4k2424 gold badges197197 silver badges315315 bronze badges",
             "asked Feb 11, 2011 at 23:49", "Asker", "Add a comment", "3 Answers"]
    for n in range(1, 4):
        page += _answer(n)
    page += ["Your Answer", "Post Your Answer", *[f"• Footer link {n}" for n in range(6)]]
    doc = parse_text("\n".join(page) + "\n", "qa.txt")
    texts = doc.texts()
    assert doc.title == "Catering event for 1st time. How should I prepare?"
    for line in QUESTION:
        assert line.removeprefix("• ") in texts, line
    assert all(a in texts for n in range(1, 4) for a in _answer(n)[:5])
