"""Kinds of boilerplate the line rules know (boilerplate.RULES), and the article sentences
that merely look like them and stay."""

from __future__ import annotations

import pytest

from pamphlet import boilerplate as bp
from pamphlet.sources.text import parse_text
from pamphlet.sources.text_meta import timestamp_of


@pytest.mark.parametrize(
    ("line", "code"),
    [
        # legal notices: not-advice disclaimers, licences, trademarks, charity numbers
        ("The information provided on this website is not medical advice. It is only for "
         "informational and educational purposes.", "C605"),
        ("Disclaimer: This article is intended for educational and informational purposes only "
         "and is not a substitute for medical advice.", "C605"),
        ("This work is licensed under a Creative Commons Attribution 4.0 International License.",
         "C605"),
        ("This is an open access article distributed under the terms of the Creative Commons "
         "Attribution License.", "C605"),
        ("Linux is a registered trademark of Linus Torvalds.", "C605"),
        ("British Heart Foundation is a registered charity in England and Wales (225971).",
         "C605"),
        ("We respect your privacy. Unsubscribe at any time.", "C605"),
        ("By checking out, you agree to our Terms of Use and Privacy Policy.", "C605"),
        # shop furniture
        ("Free standard shipping on orders $40+", "C410"),
        ("Best Prices Today:", "C407"),
        ("Price comparison from over 24,000 stores worldwide", "C407"),
        # the US government's banner
        ("Secure .gov websites use HTTPS", "C206"),
        ("A .gov website belongs to an official government organization in the United States.",
         "C206"),
        # calls to action, sign-ups, share and follow rows, author-page links
        ("Try Babbel for Free!", "C706"),
        ("Book a demo with Otter", "C706"),
        ("30 day free trial, no credit card required", "C706"),
        ("Get A Quote (866) 989-1425", "C706"),
        ("Sign up for our Health Highlights e-newsletter", "C402"),
        ("Thanks for reading Almost Timely Newsletter! This post is public so feel free to share "
         "it.", "C402"),
        ("Share on X (Opens in new window) X", "C301"),
        ("Follow us!", "C305"),
        ("Read More By Kathryn Giuffrida >", "C304"),
        ("View All Articles by This Author", "C304"),
        ("Tagged: achievement gap, Data and research", "C703"),
        # teaser headers, widget toggles, form small print
        ("Also of Interest", "C303"),
        ("You may be interested in the following topics as well:", "C303"),
        ("If you liked this post you might also like:", "C306"),
        ("Show 2 More ▼", "C701"),
        ("Read more:", "C701"),
        ("By providing a telephone number and submitting via form on our website, you are "
         "consenting to be contacted by SMS text message.", "C405"),
        # forum and Q&A chrome
        ("Trophy Points:", "C707"),
        ("1.2k2 gold badges15 silver badges30 bronze badges", "C707"),
        ("You need to be a member in order to leave a comment", "C501"),
        ("See similar questions with these tags.", "C303"),
        ("Reader Interactions", "C501"),
        ("Pages: 1 2 Next", "C204"),
    ],
)
def test_the_kind_is_found(line: str, code: str) -> None:
    rule = bp.classify_line(line)
    assert rule is not None and rule.code == code, line


@pytest.mark.parametrize(
    "line",
    [
        "Try It Today",  # a section's heading, not a product's button
        "Try to keep your knees bent.",
        "The information in this chapter is the basis for everything that follows in the book.",
        "Subscribe to the One Fab Day Wedding Podcast!",  # the article's own plug stays
        "Free shipping was one of the first perks online shops offered in the nineties, and it "
        "changed how people shopped.",
        "Messages: the ones we send each other every day say more than we think.",
    ],
)
def test_an_article_sentence_stays(line: str) -> None:
    assert bp.classify_line(line) is None, line


def test_a_timestamp_with_fractions_of_a_second_is_a_timestamp():
    assert timestamp_of("2019-01-21T21:40:59.62Z+00:00", "en") == "2019-01-21T21:40"
    assert timestamp_of("12.12.2025", "en") == "2025-12-12"  # a date's dots are no fractions


def _prose(n: int) -> str:
    return (f"Paragraph {n} of the guide lists free courses at length, with enough words in "
            "it to read as a real paragraph of running prose for the reader to follow.")


def test_a_comments_header_with_its_count_after_it_opens_the_thread():
    text = "\n\n".join([
        "Free Courses", *[_prose(n) for n in range(4)], "Comments 115",
        "Abdul Majeed 3/12/2021 at 1:48am", "IBM Cognitive Class is free too, please add it.",
    ]) + "\n"
    doc = parse_text(text, "counted.txt")
    assert [c.author for c in doc.comments] == ["Abdul Majeed"]
    assert "IBM Cognitive Class is free too, please add it." not in doc.texts(
        reader_comments=False
    )
    assert all(_prose(n) in doc.texts(reader_comments=False) for n in range(4))
