"""The author's bio under the article, kept as its closing paragraph.

News pages close an article with a line or two about who wrote it ("Jane Doe covers the White
House. Since joining the paper, she has covered ..."), set apart from the body (in a box of its
own, or after the last paragraph), and the extractor drops it with the page's furniture. A
reader of the printed article wants to know who wrote it, so it comes back, at the end.

A bio is told by its words and its place: the text of a block element that starts with the
full name of one of the article's authors (as the page's metadata gives them), followed by a
verb ("is", "has covered", "writes": a lower-case word), that reads as sentences and stands
after the last paragraph that was kept. Links after its last sentence (the author's accounts)
are left out. A contributors' line right beside a bio ("Jane Roe and John Poe contributed.")
comes back after the bios, and the title of the bio's box ("About the author") above it.

A bio inside a box the page names for its author ("author-box", "c-author", "AuthorBio") or
inside page furniture (a footer, a sidebar) is left out: sites set their authors' profiles
apart from the article that way, and a reader's copy of the article does without them (the
extraction benchmark's gold leaves them out too). The exception is the author's description
in the article's own schema.org markup (itemprop="description" in itemprop="author").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from lxml import etree

from ..model import Block, Heading, Paragraph
from .html_blocks import HEADINGS, names_of, texts_of, visible_text
from .html_furniture import FURNITURE_CLASS
from .html_removed import key

MIN_BIO_WORDS = 6
MAX_BIO_WORDS = 90
MAX_TAIL_WORDS = 5  # after a bio's last sentence: the author's accounts ("@jdoe • Facebook")
MAX_BIOS = 4
MIN_PROBE_WORDS = 5
CONTAINER_LEVELS = 2  # a bio's box in an authors' box: the contributors' line is beside it
_BLOCK_TAGS = frozenset(["p", "div", "li", "dd", "section", "td", "aside", "footer"])
_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){1,4}$")
_SENTENCES = re.compile(r"^(.*[.!?…][\"'”»)]?)(.*)$", re.S)
_CONTRIBUTED = re.compile(
    r"^[^\W\d_][^.!?]{2,150}\bcontributed(?: reporting| to this (?:report|article|story))?"
    r"[^.!?]{0,60}\.$"
)
_BOX_TAGS = frozenset(["footer", "aside", "nav", "header"])
_AUTHOR_BOX = re.compile(r"(?<![a-z])author", re.I)  # author-box, c-author, AuthorBio, ...
_NAMED = etree.XPath("//body//text()[contains(., $name)]")


def with_author_bio(
    tree: etree._Element, blocks: list[Block], authors: Sequence[str]
) -> list[Block]:
    """The blocks, with the bios of the article's authors after them when they were dropped."""
    names = [" ".join(a.split()) for a in authors if _NAME.match(" ".join(a.split()))]
    if not blocks or not names:
        return blocks
    found: list[tuple[etree._Element, str]] = []
    for name in names:
        for node in _NAMED(tree, name=name)[:20]:
            el = _block_of(node)
            if el is None or any(el is f for f, _ in found) or _boxed(el):
                continue
            text = _bio_text(el, name)
            if text is not None:
                found.append((el, text))
    if not found:
        return blocks
    said = " " + " ".join(key(t) for b in blocks for t in texts_of(b)) + " "
    last = _last_kept(tree, said)
    out = list(blocks)
    contributed: list[str] = []  # (said once, after the bios)
    for el, text in found[:MAX_BIOS]:
        if last is None or not _follows(el, last) or f" {key(text)} " in said:
            continue
        title = _box_title(el, last, names)
        if title is not None and f" {key(title.text)} " not in said:
            out.append(title)
        out.append(Paragraph(text))
        said += key(text) + " "
        line = _contributors_beside(el)
        if line is not None and line not in contributed:
            contributed.append(line)
    out.extend(Paragraph(t) for t in contributed if f" {key(t)} " not in said)
    return out


def _block_of(node) -> etree._Element | None:
    """The nearest block element holding a text node."""
    el = node.getparent()
    if el is not None and node.is_tail:
        el = el.getparent()
    while el is not None and el.tag not in _BLOCK_TAGS:
        if el.tag in ("body", "html"):
            return None
        el = el.getparent()
    return el


def _boxed(el: etree._Element) -> bool:
    """Inside an author's box (a card of the author's own), or page furniture: the site sets
    the author's profile apart from the article, as it does with its footer and sidebar."""
    if el.get("itemprop") == "description" and any(
        a.get("itemprop") == "author" for a in el.iterancestors()
    ):
        return False  # the author's description in the article's own markup (schema.org)
    for node in (el, *el.iterancestors()):
        if node.tag in _BOX_TAGS:
            return True
        names = names_of(node)
        if names.strip() and (_AUTHOR_BOX.search(names) or FURNITURE_CLASS.search(names)):
            return True
    return False


def _bio_text(el: etree._Element, name: str) -> str | None:
    """The element's text when it is a bio of the named author, without the links after it."""
    text = visible_text(el, max_words=MAX_BIO_WORDS + MAX_TAIL_WORDS + 1)
    if not text.startswith(name + " "):
        return None
    rest = text[len(name) + 1 :]
    if not rest[:1].islower():
        return None  # a byline, a heading, a list of names: not a sentence about them
    match = _SENTENCES.match(text)
    if match is None or len(match.group(2).split()) > MAX_TAIL_WORDS:
        return None
    text = match.group(1).strip()
    words = len(text.split())
    return text if MIN_BIO_WORDS <= words <= MAX_BIO_WORDS else None


def _contributors_beside(el: etree._Element) -> str | None:
    """A contributors' line among the next siblings of the bio or of its containers."""
    node = el
    for _ in range(CONTAINER_LEVELS + 1):
        if node is None:
            return None
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            text = visible_text(sibling, max_words=40)
            if _CONTRIBUTED.match(text):
                return text
        node = node.getparent()
    return None


def _last_kept(tree: etree._Element, said: str) -> etree._Element | None:
    """The last paragraph of the page whose words were kept."""
    body = tree.find("body")
    if body is None:
        return None
    last = None
    for p in body.iter("p"):
        probe = " ".join(key(p.text_content()).split()[:12])
        if len(probe.split()) >= MIN_PROBE_WORDS and f" {probe} " in said:
            last = p
    return last


def _follows(el: etree._Element, last: etree._Element) -> bool:
    """Does ``el`` come after ``last`` in the page (and not around it)?"""
    if el is last or any(a is el for a in last.iterancestors()):
        return False
    seen_last = False
    root = el.getroottree().getroot()
    for node in root.iter():
        if node is last:
            seen_last = True
        elif node is el:
            return seen_last
    return False


MAX_TITLE_WORDS = 5


def _box_title(el: etree._Element, last: etree._Element, names: list[str]) -> Heading | None:
    """The title of the bio's box ("About the author"): its first heading, before the bio,
    in the box around the bio (a few levels up, short of the article's text); not a name."""
    box = None
    for node in islice(el.iterancestors(), CONTAINER_LEVELS + 1):
        if any(a is node for a in last.iterancestors()):
            break
        box = node
    if box is None:
        return None
    for heading in box.iter(*HEADINGS):
        if not _follows(el, heading):
            return None
        text = visible_text(heading)
        words = len(text.split())
        if 0 < words <= MAX_TITLE_WORDS and text not in names:
            return Heading(max(2, HEADINGS[heading.tag]), text)
    return None
