"""When is a page's comment section its content? Rules shared by the readers."""

from __future__ import annotations

SHORT_POST = 250  # words: a link or a short question, not an article
OUTWEIGHED = 3  # the replies have this many times its words


def replies_outweigh(body_words: int, comment_words: int) -> bool:
    """A short post under many times its length in replies is a discussion, whatever the markup."""
    return body_words < SHORT_POST and comment_words > OUTWEIGHED * max(body_words, 1)


__all__ = ["replies_outweigh"]
