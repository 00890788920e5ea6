"""What a saved page lost on its way into the model, one summary entry per element.

Codes (stable, never reused):
  H101 scripts and styles (never text)        H102 embedded frames and objects
  H103 forms                                  H104 navigation, header, footer, sidebar
  H105 remote image not fetched               H106 image file not found next to the page
  H107 text left out by the extractor as boilerplate
  H108 cookie or consent dialog
  H109 marked by the page as not for print (noprint, d-print-none, …)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lxml import etree

from ..model import Removed
from .html_blocks import HEADINGS, SKIP_TAGS, holding, norm, visible_text

MAX_ENTRIES = 300
_ACTIVE = ("script", "style", "noscript", "template")
_EMBEDS = ("iframe", "frame", "object", "embed", "applet")
_FURNITURE = ("nav", "header", "footer", "aside")
_TEXT_BLOCKS = frozenset(("p", "li", "blockquote", "pre", "td", "dd", "dt", *HEADINGS))
_REASONS = {
    "H101": "scripts and styles are never part of the text",
    "H102": "embedded frames and objects are not carried over",
    "H103": "forms are not part of the text",
    "H104": "page navigation, header, footer or sidebar",
    "H105": "remote images are not fetched (allow remote images to keep the address)",
    "H106": "the image file is not next to the page",
    "H107": "left out by the extractor as boilerplate",
    "H108": "cookie or consent dialog",
    "H109": "marked by the page as not for print",
}
_SKIP_BUT_NAV = SKIP_TAGS - {"nav"}
_WORDS = re.compile(r"\w+")
_WORD = re.compile(r"\w")


def key(text: str) -> str:
    """The text's words, lower case, one space apart (punctuation and spacing left out)."""
    return " ".join(_WORDS.findall(text.lower()))


def said_runs(texts: Iterable[str]) -> set[tuple[str, ...]]:
    """Every run of one to three words said in a row in these texts' keys, for copy checks
    (the empty run too when a text has no words: a wordless text matches it)."""
    parts = " ".join(key(t) for t in texts).split(" ")
    runs = {tuple(parts[i : i + n]) for n in (1, 2, 3) for i in range(len(parts) - n + 1)}
    if "" in parts:
        runs.add(())
    return runs


def repeats(text: str, said: set[tuple[str, ...]], share: float) -> bool:
    """Are at least ``share`` of the text's three-word runs (its one run, if shorter) said?"""
    words = key(text).split()
    runs = [tuple(words[i : i + 3]) for i in range(max(len(words) - 2, 1))]
    return sum(run in said for run in runs) >= share * len(runs)


def _has_key(text: str) -> bool:
    """bool(key(text)), without building the key of a long text (a character is a word
    character exactly when its lower case is, so the text need not be lowered)."""
    return _WORD.search(text) is not None


SUMMARY_WORDS = 8  # an entry shows this many words of what was left out


def _first_words(text: str, n: int = SUMMARY_WORDS) -> str:
    words = text.split(None, n)  # (the n words, and the rest unsplit if there is more)
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def _line(el: etree._Element) -> int:
    return el.sourceline or 0


def removed_summary(
    tree: etree._Element,
    kept_text: str,
    dropped_images: list[tuple[str, str, int]],
    notices: Sequence[tuple[int, str]] = (),
    unprinted: Sequence[tuple[int, str]] = (),
) -> list[Removed]:
    out: list[Removed] = []
    kept = f" {key(kept_text)} "

    def is_kept(text: str) -> bool:
        return f" {key(_first_words(text, 6).rstrip(' …'))} " in kept

    def add(line: int, text: str, code: str) -> None:
        if len(out) < MAX_ENTRIES:
            out.append(Removed(line, text, code, _REASONS[code]))

    for tag in _ACTIVE:
        found = list(tree.iter(tag))
        if found:
            add(_line(found[0]), f"{tag} ×{len(found)}", "H101")
    for el in tree.iter(*_EMBEDS):
        add(_line(el), f"{el.tag}", "H102")
    for el in tree.iter("form"):
        add(_line(el), f"form: {_first_words(visible_text(el))}".rstrip(": "), "H103")
    for line, text in notices:
        add(line, _first_words(text), "H108")
    for line, text in unprinted:
        add(line, _first_words(text), "H109")
    for src, why, line in dropped_images:
        add(line, f"img: {src[:80]}", "H105" if why == "remote" else "H106")
    skip = frozenset((*_ACTIVE, *_EMBEDS, "form"))
    walked = (*_TEXT_BLOCKS, *_FURNITURE, *skip)
    # furniture is summarised whole; elsewhere every innermost text block is checked
    inside: set[etree._Element] = set()  # walked descendants of furniture or active content
    outer = holding(tree, *_TEXT_BLOCKS)
    for el in tree.iter(*walked):
        if el in inside:
            continue
        tag = el.tag
        if tag in skip:
            inside.update(el.iterdescendants(*walked))
            continue
        if tag in _FURNITURE:
            text = visible_text(el, _SKIP_BUT_NAV, max_words=SUMMARY_WORDS + 1)
            if text and not is_kept(text):
                add(_line(el), f"{tag}: {_first_words(text)}", "H104")
                inside.update(el.iterdescendants(*walked))
            continue
        if len(out) >= MAX_ENTRIES:
            break
        if el in outer:  # (it holds text blocks: they are checked instead)
            continue
        raw = el.text_content()  # a fast first look; the summary itself uses visible text
        if _has_key(raw) and not is_kept(raw):
            # a block without children shows all its text
            text = visible_text(el) if len(el) else norm(raw)
            if _has_key(text) and not is_kept(text):
                add(_line(el), f"{tag}: {_first_words(text)}", "H107")
    return out
