"""The last item's parts that the extractor trimmed with the page's end.

A round-up gives each of its items the same parts under the same small headings ("Pros",
"Cons", "Specs"). The extractor keeps them between its first and last paragraph, where they
are put back in place, but it trims the last item's after its last paragraph. Those parts,
under a heading the article already repeats, are the article's.
"""

from __future__ import annotations

from collections import Counter

from ..model import Block, Heading, ListBlock
from .html_blocks import texts_of

MIN_REPEATS = 2  # a heading said this many times within the kept span heads a repeated part
MAX_PASSED_WORDS = 4
MAX_PASSED = 2  # short lines passed over before the parts


def _name(block: Heading) -> str:
    return " ".join(block.text.split()).casefold()


def repeated_after(page_blocks: list[Block], first: int, last: int) -> list[int]:
    """The page blocks right after the extracted span that are repeated parts: lists under
    headings the span already repeats (nothing else between them but a short line)."""
    names = Counter(_name(b) for b in page_blocks[first : last + 1] if isinstance(b, Heading))
    out: list[int] = []
    under = False  # below a repeated part's heading
    for i in range(last + 1, len(page_blocks)):
        block = page_blocks[i]
        if isinstance(block, Heading) and names[_name(block)] >= MIN_REPEATS:
            out.append(i)
            under = True
        elif under and isinstance(block, ListBlock):
            out.append(i)
        elif not out and i <= last + MAX_PASSED and (
            len(" ".join(texts_of(block)).split()) <= MAX_PASSED_WORDS
        ):
            continue  # a "read the full review" line before the parts
        else:
            break
    while out and isinstance(page_blocks[out[-1]], Heading):
        out.pop()  # a heading with nothing under it
    return out
