"""Accordions opened, and a questions-and-answers section after the article kept.

An FAQ is often set as an accordion: each question is a button that opens its answer, a panel
the page hides until then. The extractor drops both (a button is a control, a hidden panel is
not shown). ``open_accordions`` makes the page read as it does with every item open: the
question buttons become text and their answer panels are shown. Only buttons that open a
panel of prose next to them are opened: a menu, a dialog or a share box opened the same way is
left alone.

``faq_after`` finds such a section just after the article's extracted text: questions (each a
line ending in a question mark) each followed by its answer. The extractor trims it with the
page's furniture below the article; it is the article's own closing part.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import Block, Heading, ListBlock, Paragraph
from .html_headings import SENTENCE_END

_TOGGLES = etree.XPath(  # (elements found by their attribute: libxml2 tests only those)
    "//body//*/@aria-controls/parent::*[@aria-expanded and not(@aria-haspopup)"
    " and not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::form)]"
)
_HIDDEN_STYLE = re.compile(r"(display\s*:\s*none|visibility\s*:\s*hidden)\s*;?", re.I)
MAX_TOGGLE_WORDS = 40  # a question, not a block of text
MIN_ANSWER_WORDS = 5
LINKED = 0.5
MAX_LEVELS = 4  # the question and its answer stand this close in the page
_MENU = re.compile(r"(?<![a-z0-9])(?:nav\w*|menu\w*|dropdown|submenu|search|share|modal)", re.I)


def open_accordions(tree: etree._Element) -> int:
    """Show every accordion item's answer and read its question button as text (in place).

    Returns how many items were opened.
    """
    toggles = _TOGGLES(tree)
    if not toggles:
        return 0
    ids = {el.get("id"): el for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}
    opened = 0
    for toggle in toggles:
        for name in (toggle.get("aria-controls") or "").split():
            panel = ids.get(name)
            if panel is not None and _answer(toggle, panel):
                _show(panel, toggle)
                if toggle.tag == "button":
                    toggle.tag = "span"
                opened += 1
    return opened


def _answer(toggle: etree._Element, panel: etree._Element) -> bool:
    """Is the panel the toggle's answer: prose standing next to it, not a menu?"""
    names = f"{panel.get('class') or ''} {panel.get('id') or ''} {toggle.get('class') or ''}"
    if _MENU.search(names.replace("_", "-")) or panel.find(".//nav") is not None:
        return False
    words = len(_text(panel).split())
    if len(_text(toggle).split()) > MAX_TOGGLE_WORDS or words < MIN_ANSWER_WORDS:
        return False
    if _link_words(panel) > LINKED * words:  # a menu's or a list's links
        return False
    return _common(toggle, panel) is not None


def _text(el: etree._Element) -> str:
    return "".join(el.itertext())


def _link_words(el: etree._Element) -> int:
    return sum(len(_text(a).split()) for a in el.iter("a"))


def _common(toggle: etree._Element, panel: etree._Element) -> etree._Element | None:
    """The nearest element holding both, when it is a few levels above the toggle."""
    above = set(panel.iterancestors())
    for level, parent in enumerate(toggle.iterancestors()):
        if level >= MAX_LEVELS:
            return None
        if parent in above:
            return parent
    return None


def _show(panel: etree._Element, toggle: etree._Element) -> None:
    """Unhide the panel and its wrappers up to the element it shares with the toggle."""
    stop = _common(toggle, panel)
    node = panel
    while node is not None and node is not stop:
        for attr in ("hidden", "aria-hidden"):
            if attr in node.attrib:
                del node.attrib[attr]
        style = node.get("style")
        if style and _HIDDEN_STYLE.search(style):
            node.set("style", _HIDDEN_STYLE.sub("", style))
        node = node.getparent()


MIN_QUESTIONS = 2
MAX_QUESTION_WORDS = 30
MAX_SKIPPED_WORDS = 4  # a line this short between the article and its FAQ ("See full bio")


def _question(block: Block) -> bool:
    if not isinstance(block, Heading | Paragraph):
        return False
    text = block.text.rstrip()
    return text.endswith("?") and len(text.split()) <= MAX_QUESTION_WORDS


def _answer_text(block: Block, answered: bool) -> bool:
    """An answer's text: sentences (a paragraph, or a list under one), not a link's words."""
    if isinstance(block, ListBlock):
        return answered
    text = block.text.rstrip() if isinstance(block, Paragraph) else ""
    return len(text.split()) >= MIN_ANSWER_WORDS and text[-1:] in SENTENCE_END


def faq_after(page_blocks: list[Block], last: int) -> list[int]:
    """The page blocks of a questions-and-answers section right after the extracted span
    (its heading, each question and the answers under it), or nothing."""
    i = last + 1
    while i < len(page_blocks) and not _question(page_blocks[i]):
        block = page_blocks[i]
        if not isinstance(block, Heading) and (
            len(" ".join(_texts(block)).split()) > MAX_SKIPPED_WORDS
        ):
            return []
        i += 1
    heading = i - 1 if i - 1 > last and isinstance(page_blocks[i - 1], Heading) else None
    out: list[int] = [] if heading is None else [heading]
    questions = 0
    answered = True
    while i < len(page_blocks):
        block = page_blocks[i]
        if _question(block):
            if not answered:
                break
            questions += 1
            answered = False
        elif questions and _answer_text(block, answered):
            answered = True
        else:
            break
        out.append(i)
        i += 1
    if not answered and out:
        out.pop()  # a question without an answer ends the section
        questions -= 1
    return out if questions >= MIN_QUESTIONS else []


def _texts(block: Block) -> list[str]:
    if isinstance(block, ListBlock):
        return list(block.items)
    return [block.text] if isinstance(block, Heading | Paragraph) else []

