"""An author's biography left under the article without its box (text_bios)."""

from __future__ import annotations

from pamphlet.sources.text import parse_text
from pamphlet.sources.text_bios import is_bio


def _prose(n: int) -> str:
    return (f"Paragraph {n} of the report follows the council's budget vote at length, with "
            "enough words in it to read as a real paragraph of running prose for the reader.")


ARTICLE = ["The Budget Vote", *[_prose(n) for n in range(5)]]
BIO = ("Julia Gralberg is a freelance travel writer and editor who covers hotels and food. "
       "When she isn't writing, she hikes.")
SELF = ("Hello runners! I'm Amanda Brooks, a certified running coach and personal trainer "
        "since 2012, and I write about training plans.")


def _codes(doc) -> dict[str, str]:
    return {r.text: r.code for r in doc.removed}


def test_a_bio_under_the_article_goes_with_the_links_after_it_staying_or_not():
    doc = parse_text("\n\n".join([*ARTICLE, BIO, "Share", "Home"]) + "\n", "bio.txt")
    assert _codes(doc)[BIO] == "C805"
    assert all(_prose(n) in doc.texts() for n in range(5))


def test_a_self_introduction_under_the_article_goes():
    doc = parse_text("\n\n".join([*ARTICLE, SELF]) + "\n", "self.txt")
    assert _codes(doc)[SELF] == "C805"


def test_a_bio_with_the_article_going_on_below_it_stays():
    doc = parse_text("\n\n".join([*ARTICLE, BIO, _prose(9)]) + "\n", "middle.txt")
    assert BIO in doc.texts()


def test_a_bio_above_too_little_text_stays():
    doc = parse_text("\n\n".join(["Julia Gralberg", _prose(1), BIO]) + "\n", "profile.txt")
    assert BIO in doc.texts()


def test_a_reader_introducing_themselves_in_a_comment_stays():
    text = "\n\n".join([*ARTICLE, "Comments", "Maria says:", SELF]) + "\n"
    doc = parse_text(text, "comment.txt")
    assert SELF not in _codes(doc)
    assert SELF in doc.texts()


def test_what_reads_as_a_bio():
    assert is_bio(BIO)
    assert is_bio(SELF)
    assert is_bio("Mirel Zaman is the health and fitness director at PS. She has over 15 years "
                  "of experience in the health and wellness space.")
    # a product or a firm, not a person; a sentence about a thing; too short
    assert not is_bio("The Software Report is a comprehensive source for market research and "
                      "insights, business news and investment activity for writers.")
    assert not is_bio("Film photography has become increasingly popular in the past few years "
                      "with every photographer and editor.")
    assert not is_bio("Jane Doe is a writer.")
