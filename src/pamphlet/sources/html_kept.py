"""What the extractor kept, as word triples: the yardstick the restores measure page text by.

A page block counts as kept when most of its word triples are in the extracted text; a kept
block's place in the output (its anchor) is where restored neighbours go.
"""

from __future__ import annotations

import re

from ..model import Block
from .html_blocks import texts_of

KEPT = 0.5  # a page block with this share of its word triples extracted was kept
# Lines of stock furniture: never restored, whatever their place.
STOCK = re.compile(
    r"sign(ing)? up|newsletter|subscribe|share (on|this)|opens in a new window|^credit:|"
    r"all rights reserved|cookie|privacy policy|terms of (use|service)|read more|click here|"
    r"advertisement|sponsored|related (posts|articles)|copyright|©|affiliate commission",
    re.I,
)


def words_of(text: str) -> list[str]:
    """Lower-cased words as written (punctuation attached: both sides are split alike)."""
    return text.lower().split()


def grams(words: list[str]) -> list[tuple[str, ...]]:
    return list(zip(words, words[1:], words[2:], strict=False))


class Kept:
    """The extracted text as word triples, each with the first block it occurs in."""

    def __init__(self, blocks: list[Block]) -> None:
        self.keys = [" ".join(words_of(" ".join(texts_of(b)))) for b in blocks]
        self.where: dict[tuple[str, ...], int] = {}
        for i in range(len(blocks) - 1, -1, -1):  # backwards, so the first block wins
            words = self.keys[i].split()
            grams_of = zip(words, words[1:], words[2:], strict=False)  # (no list in between)
            self.where.update(dict.fromkeys(grams_of, i))
        self.flat = " " + " ".join(self.keys) + " "

    def share(self, words: list[str]) -> float:
        if len(words) < 3:
            return float(f" {' '.join(words)} " in self.flat) if words else 1.0
        found = set(zip(words, words[1:], words[2:], strict=False))  # (its grams, as a set)
        return len(found & self.where.keys()) / len(found)

    def anchor(self, words: list[str]) -> int | None:
        """The extracted block holding these words (the latest first home of a few triples)."""
        found = grams(words)
        home = max((self.where.get(g, -1) for g in found[:8] + found[-3:]), default=-1)
        return home if home >= 0 else None

    def home(self, words: list[str]) -> int | None:
        """The block holding these words: the latest first home of any of their triples, or
        for a line under three words the first block that says it whole."""
        if len(words) < 3:
            key = " ".join(words)
            return next((i for i, k in enumerate(self.keys) if k == key), None)
        homes = [self.where[g] for g in grams(words) if g in self.where]
        return max(homes) if homes else None
