"""Lines to blocks: paragraphs, headings, quotes, figures and (demands) lists.

Shared by the plain-text and Markdown readers: ``is_demands_intro`` decides
whether the paragraph before a list introduces demands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import boilerplate as bp
from ..model import Block, Figure, Heading, ListBlock, Paragraph, Quote

ITEM_RE = re.compile(
    r"(?:(?P<num>\d{1,3})[.)]|\((?P<pnum>\d{1,3})\)|(?P<bullet>[•\-–*·▪●◦‣⁃○■□➢►✓✔]))"
    r"\s+(?P<text>\S.*)"
)
MD_HEADING_RE = re.compile(r"(?P<marks>#{1,6})\s+(?P<text>[^#\s].*?)(?:\s+#+)?")
QUOTE_RE = re.compile(r">\s?(?P<text>.*)")
_END_PUNCT = tuple(".!?…:;,\"”»)]'’")
_STRONG_DEMAND = re.compile(
    r"\bwe demand|\bour demands\b|\bthe demands\b|\bdemands? (?:are|is|include)\b|мы требуем"
    r"|наши требования|требования|талаптар",
    re.I,
)


@dataclass(frozen=True)
class Entry:
    """One kept source line: its number (1-based), its stripped text, and
    whether a blank or removed line stands before it."""

    line: int
    text: str
    gap: bool


def list_item(text: str) -> tuple[bool, str] | None:
    """(ordered, text without its marker) for a list-item line, else None."""
    match = ITEM_RE.fullmatch(text)
    if not match:
        return None
    return match.group("bullet") is None, strip_marker(match.group("text").strip())


def _strip_once(text: str) -> str:
    item = ITEM_RE.fullmatch(text)
    if item:
        return item.group("text").strip()
    heading = MD_HEADING_RE.fullmatch(text)
    if heading:
        return heading.group("text").strip()
    quote = QUOTE_RE.fullmatch(text)
    if quote:
        return quote.group("text").strip()
    return text


_MARKER_START = frozenset("0123456789(#>•-–*·▪●◦‣⁃○■□➢►✓✔")


def strip_marker(text: str) -> str:
    """The text without list, heading and quote markers ("> - 1) x" -> "x")."""
    if not text or text[0] not in _MARKER_START:
        return text
    for _ in range(8):
        bare = _strip_once(text)
        if bare == text:
            break
        text = bare
    return text


def is_demands_intro(text: str | None) -> bool:
    """Does this paragraph introduce a list of demands?"""
    if not text or len(text) > 600 or not bp.DEMAND_INTRO.fullmatch(text):
        return False
    return text.rstrip().endswith((":", "：")) or _STRONG_DEMAND.search(text) is not None


def make_list(ordered: bool, items: list[str], previous: Block | None) -> ListBlock:
    intro = previous.text if isinstance(previous, Paragraph) else None
    if is_demands_intro(intro):
        return ListBlock(ordered, tuple(items), True, intro)
    return ListBlock(ordered, tuple(items))


def _ends_sentence(text: str) -> bool:
    return text.endswith(_END_PUNCT)


def _is_heading(entries: list[Entry], index: int) -> bool:
    """Conservative: a short line without end punctuation before a long paragraph."""
    text = entries[index].text
    words = text.split()
    if not 1 <= len(words) <= 10 or len(text) > 80 or _ends_sentence(text) or "\t" in text:
        return False
    if not text[0].isupper() or index + 1 >= len(entries):
        return False
    following = entries[index + 1].text
    if list_item(following) or len(following.split()) < 20 or not _ends_sentence(following):
        return False
    long_words = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    title_case = bool(long_words) and sum(w[0].isupper() for w in long_words) * 2 >= len(
        long_words
    )
    return title_case or text.isupper() or len(words) <= 7


def continues(current: str, following: str) -> bool:
    """A hard-wrapped line: no end punctuation, the next starts lowercase (and is not a
    post's "asked Feb 11, 2011 at 23:49" under a member card)."""
    return (
        len(current) >= 40
        and following[:1].islower()
        and not _ends_sentence(current)
        and ITEM_RE.fullmatch(following) is None
        and _POST_STAMP.fullmatch(following) is None
    )


_POST_STAMP = re.compile(
    rf"(?:{'|'.join(sorted(bp.POST_VERBS | {'edited', 'modified'}))})"
    r" (?:[A-Z][a-z]{2,8}\.? \d|\d).{0,40}"
)


def _joins(current: str, following: Entry) -> bool:
    return not following.gap and continues(current, following.text)


def build_blocks(entries: list[Entry], *, detect_headings: bool = True) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        text = entry.text
        heading = MD_HEADING_RE.fullmatch(text)
        if heading:
            level = min(6, max(2, len(heading.group("marks"))))
            blocks.append(Heading(level, strip_marker(heading.group("text").strip())))
            index += 1
            continue
        quote = QUOTE_RE.fullmatch(text)
        if quote and strip_marker(quote.group("text").strip()):
            parts = [strip_marker(quote.group("text").strip())]
            index += 1
            while index < len(entries) and not entries[index].gap:
                more = QUOTE_RE.fullmatch(entries[index].text)
                if not more:
                    break
                parts.append(strip_marker(more.group("text").strip()))
                index += 1
            joined = " ".join(p for p in parts if p)
            if list_item(joined) and len(parts) > 1:  # "0." + "0" would read as an item
                blocks.extend(Quote(p) for p in parts if p)
            else:
                blocks.append(Quote(joined))
            continue
        if bp.CAPTION_PREFIX.fullmatch(text):
            blocks.append(Figure(text))
            index += 1
            continue
        item = list_item(text)
        if item:
            ordered, first = item
            items = [first]
            scan = index + 1
            while scan < len(entries):
                nxt = list_item(entries[scan].text)
                if nxt and nxt[0] == ordered:
                    items.append(nxt[1])
                elif nxt is None and _joins(items[-1], entries[scan]):
                    items[-1] = f"{items[-1]} {entries[scan].text}"
                else:
                    break
                scan += 1
            # Even one item is a list: markers never reach the text, so a
            # re-parse of the model's texts sees the same words.
            blocks.append(make_list(ordered, items, blocks[-1] if blocks else None))
            index = scan
            continue
        if detect_headings and _is_heading(entries, index):
            blocks.append(Heading(2, text))
            index += 1
            continue
        parts = [text]
        index += 1
        while index < len(entries) and _joins(parts[-1], entries[index]):
            parts.append(entries[index].text)
            index += 1
        blocks.append(Paragraph(" ".join(parts)))
    return blocks
