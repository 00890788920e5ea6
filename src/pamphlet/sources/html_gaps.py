"""The items of a repeated run of the article that the extractor kept only in part.

Pages set some of an article's content as a run of like items: cards of courses or topics,
the rows of a price table built of <div>s, the entries of a product round-up. Each item is a
sibling of the same kind (same tag, same class). The extractor often keeps some of them and
drops the others (or keeps an item's description and drops its title and price), and the
region walk does not put them back: a card's linked title reads as a teaser, its short lines
read as furniture. When the extractor kept a run's items in part, the run is the article's:
its dropped items and the dropped parts of its kept ones come back, in place.

A run is never page furniture by markup (navigation, sharing, related links, comments and the
like, told by tag and class name), nor a list of links.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from lxml import etree

from ..model import Block, Heading, Paragraph, Quote
from .html_blocks import HEADINGS, ImageIndex, html_blocks, names_of, texts_of
from .html_furniture import FURNITURE_CLASS, furniture, link_dense
from .html_kept import KEPT, STOCK, Kept, grams, words_of

MIN_ITEMS = 3  # like siblings that make a run
MAX_ITEMS = 200  # (past this many, a run is a listing, and reading it costs too much)
MIN_KEPT_ITEMS = 2  # items of the run the extractor kept (part of)
MAX_ITEM_WORDS = 80  # an item is a card or a row, not a section of the article
MIN_KEPT_WORDS = 5  # a kept block this long ties an item to the extracted text


def _signature(el: etree._Element) -> tuple[str, str]:
    return el.tag, " ".join(sorted((el.get("class") or "").split()))


def _named_furniture(el: etree._Element) -> bool:
    names = names_of(el)
    return el.tag in ("nav", "footer", "form", "menu", "aside") or bool(
        names.strip() and FURNITURE_CLASS.search(names)
    )


_ITEM_TAGS = frozenset(["div", "section", "article"])


def _runs(region: etree._Element) -> list[list[etree._Element]]:
    """Runs of at least MIN_ITEMS like sibling elements (same tag and class) in the region."""
    out: list[list[etree._Element]] = []
    for parent in region.iter():
        if not isinstance(parent.tag, str) or len(parent) < MIN_ITEMS:
            continue
        # (a class names the kind of item: bare <div>s are any layout's boxes)
        children = [c for c in parent if c.tag in _ITEM_TAGS and (c.get("class") or "").split()]
        if len(children) < MIN_ITEMS:
            continue
        signatures = [_signature(c) for c in children]
        for signature, count in Counter(signatures).items():
            if MIN_ITEMS <= count <= MAX_ITEMS:
                out.append([c for c, s in zip(children, signatures, strict=True) if s == signature])
    return out


_CARDS = frozenset(["div", "li", "article", "section"])


def _item_prune(el: etree._Element, region_chars: int) -> bool:
    """Furniture inside an item, except what makes it a card (its linked title)."""
    if el.tag in HEADINGS or el.tag in _CARDS:
        return _named_furniture(el)
    return furniture(el, region_chars)


def with_kept_items(
    region: etree._Element | None, blocks: list[Block], images: ImageIndex
) -> list[Block]:
    """The blocks, with the dropped items (and items' parts) of runs kept in part put back."""
    if region is None or not blocks:
        return blocks
    runs = [run for run in _runs(region) if not _furniture_run(run)]
    if not runs:
        return blocks
    said = Kept(blocks)
    prune = partial(_item_prune, region_chars=len(region.text_content()))
    after: dict[int, list[Block]] = {}
    before: dict[int, list[Block]] = {}
    restored: set[str] = set()
    for run in runs:
        items = _dropped_items(run, said, images, prune)
        if items is not None:
            _place(items, said, before, after, restored)
    if not before and not after:
        return blocks
    out: list[Block] = []
    for i, block in enumerate(blocks):
        out.extend(before.get(i, []))
        out.append(block)
        out.extend(after.get(i, []))
    return out


def _furniture_run(run: list[etree._Element]) -> bool:
    """The run, or the box holding it, is the page's furniture (by name, or a list of links)."""
    parent = run[0].getparent()
    return any(_named_furniture(el) for el in (parent, *run)) or link_dense(parent)


def _dropped_items(
    run: list[etree._Element], said: Kept, images: ImageIndex, prune
) -> list[list[Block]] | None:
    """The blocks of a run's items when the extractor kept it in part, else None. A dropped
    item that does not look like the kept ones, or is all links, gives no blocks."""
    if sum(1 for item in run if _touches(item, said)) < MIN_KEPT_ITEMS:
        return None  # (reading every item's blocks is the costly part: most runs stop here)
    items: list[list[Block]] = []
    for item in run:
        items.append(html_blocks(item, images, prune=prune))
        if sum(len(t.split()) for b in items[-1] for t in texts_of(b)) > MAX_ITEM_WORDS:
            return None  # a section of the article, not a card or a row
    kept = [_kept_anchor(item, said) is not None for item in items]
    if sum(kept) < MIN_KEPT_ITEMS or all(kept):
        return None
    shapes = [_shape(el) for el in run]
    kept_at = [i for i, k in enumerate(kept) if k]
    # the kept items are alike (cards or rows of one kind), not the page's sections
    alike = [i for i in kept_at if any(_similar(shapes[i], shapes[j]) for j in kept_at if j != i)]
    if len(alike) < MIN_KEPT_ITEMS:
        return None
    for i, el in enumerate(run):
        if i in alike:
            continue
        like = not kept[i] and any(_similar(shapes[i], shapes[j]) for j in alike)
        if not like or link_dense(el):  # another kind of box, or a teaser
            items[i] = []
    return items


MAX_SHAPE = 80  # descendants that give an item's shape
ALIKE = 0.5


def _shape(el: etree._Element) -> set[tuple[str, str]]:
    """The kinds of element an item is built of (tag and class)."""
    shape: set[tuple[str, str]] = set()
    for count, node in enumerate(el.iterdescendants()):
        if count >= MAX_SHAPE:
            break
        if isinstance(node.tag, str):
            shape.add(_signature(node))
    return shape


def _similar(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) >= ALIKE * len(a | b)


def _touches(item: etree._Element, said: Kept) -> bool:
    """Some of the item's words are in the extracted text (a kept item always has some)."""
    words = words_of(" ".join(item.itertext()))
    return any(gram in said.where for gram in grams(words))


def _kept_anchor(item: list[Block], said: Kept) -> int | None:
    for block in item:
        words = words_of(" ".join(texts_of(block)))
        if len(words) >= MIN_KEPT_WORDS and said.share(words) >= KEPT:
            return said.home(words)
    return None


def _place(
    items: list[list[Block]],
    said: Kept,
    before: dict[int, list[Block]],
    after: dict[int, list[Block]],
    restored: set[str],
) -> None:
    """Each dropped block of the run after the kept block it follows (or before the first)."""
    anchor: int | None = None
    waiting: list[Block] = []  # dropped blocks before the run's first kept one
    for item in items:
        for block in item:
            words = words_of(" ".join(texts_of(block)))
            if not words:
                continue
            if said.share(words) >= KEPT:
                found = said.home(words)
                if found is not None:
                    if anchor is None and waiting:
                        before.setdefault(found, []).extend(waiting)
                        waiting = []
                    anchor = found if anchor is None else max(anchor, found)
                continue
            key = " ".join(words)
            if key in restored or not _restorable(block):
                continue
            restored.add(key)
            if anchor is None:
                waiting.append(block)
            else:
                after.setdefault(anchor, []).append(block)


def _restorable(block: Block) -> bool:
    if not isinstance(block, Paragraph | Heading | Quote):
        return False
    return not STOCK.search(" ".join(texts_of(block)))


__all__ = ["with_kept_items"]
