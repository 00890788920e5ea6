"""A heading element that holds a paragraph: read as the paragraph it is.

Some editors set a whole lead or a run of sentences in heading markup (an <h4> for its size).
A heading is a few words; a long run of sentences in one is the article's text, and is kept
and placed as running text.
"""

from __future__ import annotations

from ..model import Heading, Paragraph

MAX_HEADING_WORDS = 25  # longer is a paragraph (the region restores no longer heading either)
SENTENCE_END = ".!?…\"”)"  # what a sentence ends with (its stop, a closing quote)


def as_heading(level: int, text: str) -> Heading | Paragraph:
    """A Heading, or a Paragraph when the text is a long run ending as a sentence does."""
    if len(text.split()) > MAX_HEADING_WORDS and text.rstrip()[-1:] in SENTENCE_END:
        return Paragraph(text)
    return Heading(level, text)
