"""Small signals that keep a forum's post headers out of the menu runs.

A forum's member card ("Messages:", "1,046", "Likes Received:") and a Q&A site's
reputation line ("26.3k 23 gold badges…") are removed line by line (C707).  What is left
between them, a post's "2. Spartan14 Well-Known Member", its "Spartan14, May 12, 2024"
and a commenter's name, are short lines close together: they read like a menu's links.
A run of short lines whose stretch holds several lines of member-card chrome is a
thread's post headers, not a menu: it stays (the bare numbers among it go as a post's
counters, C814).
"""

from __future__ import annotations

CARD_CODES = frozenset({"C707"})  # a member card's labels, a reputation line
CARD_MIN = 2  # member-card lines in the run's stretch that make it a thread's headers


def among_member_cards(run: list[int], out: dict[int, tuple[str, str]]) -> bool:
    """The run (indexes of short kept lines) spans at least ``CARD_MIN`` lines removed
    as a member card's chrome: post headers between member cards."""
    if not run:
        return False
    cards = sum(
        1 for index in range(run[0], run[-1] + 1)
        if index in out and out[index][0] in CARD_CODES
    )
    return cards >= CARD_MIN
