"""Figures put back into the extracted text where they stood in the page.

trafilatura extracts better without images, so figures are placed by this module: a <figure>
(or a lone captioned image) belongs to the article when the text next to it in the page was
kept, and it goes right after the kept block that came before it.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import Block, Figure, ListBlock
from .html_blocks import ImageIndex, holding, image_src, is_hidden, norm, visible_text
from .html_credits import figure_credit

_NONWORD = re.compile(r"\W+")
_ORDER = etree.XPath(
    "//body//*[self::p or self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
    " or self::li or self::blockquote or self::figure]"
)
MAX_FIGURES = 60


def _key(text: str) -> str:
    return _NONWORD.sub(" ", text.lower()).strip()


def _block_key(block: Block) -> str:
    if isinstance(block, ListBlock):
        return _key(" ".join(block.items))
    return _key(getattr(block, "text", None) or getattr(block, "caption", None) or "")


_ORDER_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figure")


def _ordered(tree: etree._Element) -> list[etree._Element]:
    """_ORDER's elements; on a page with one <body> (nearly all), by lxml's faster walk."""
    bodies = list(tree.iter("body"))
    if len(bodies) == 1 and tree.getroottree().getroot() is tree:
        return list(bodies[0].iter(*_ORDER_TAGS))
    return _ORDER(tree)


def _figure(el: etree._Element, images: ImageIndex) -> Figure | None:
    cap_el = el.find(".//figcaption")
    caption = visible_text(cap_el) if cap_el is not None else figure_credit(el)
    img = el.find(".//img")
    src = image_src(img) if img is not None else None
    alt = norm(img.get("alt")) if img is not None else ""
    if not (caption or alt):
        return None
    return images.figure(src, caption or None, alt or None)


def with_figures(tree: etree._Element, blocks: list[Block], images: ImageIndex) -> list[Block]:
    """The blocks with the article's figures inserted after the block that preceded them."""
    if not blocks or tree.find(".//figure") is None:
        return blocks
    keys = [f" {_block_key(b)} " for b in blocks]
    inserts: dict[int, list[Figure]] = {}
    anchor: int | None = None
    waiting: list[etree._Element] = []  # figures seen before any kept text
    count = 0
    ordered = _ordered(tree)
    last = max((i for i, el in enumerate(ordered) if el.tag == "figure"), default=-1)
    holders = holding(tree, "figure")
    for i, el in enumerate(ordered):
        if i > last and not waiting:
            break  # (past the last figure, with none waiting: nothing more to place)
        if el.tag == "figure":
            if count < MAX_FIGURES and not is_hidden(el):
                if anchor is not None:
                    fig = _figure(el, images)
                    if fig is not None:
                        inserts.setdefault(anchor, []).append(fig)
                        count += 1
                else:
                    waiting.append(el)
            continue
        if el in holders:
            continue
        k = _key(el.text_content())
        if len(k.split()) < 3:
            continue
        found = _find(keys, k, anchor or 0)
        if found is not None:
            if anchor is None and waiting:
                for early in waiting[-1:]:  # the lead image just before the text
                    fig = _figure(early, images)
                    if fig is not None:
                        inserts.setdefault(-1, []).append(fig)
                waiting = []
            anchor = found
    if not inserts:
        return blocks
    seen = {(b.caption, b.src) for b in blocks if isinstance(b, Figure)}
    out: list[Block] = []
    for fig in inserts.get(-1, []):
        out.append(fig)
    for i, block in enumerate(blocks):
        out.append(block)
        for fig in inserts.get(i, []):
            if (fig.caption, fig.src) not in seen:
                seen.add((fig.caption, fig.src))
                out.append(fig)
    return out


def _find(keys: list[str], k: str, start: int) -> int | None:
    probe = f" {' '.join(k.split()[:12])} "
    spaced = f" {k} "
    for i in range(start, len(keys)):
        if probe in keys[i] or (len(keys[i]) > 3 and keys[i][1:-1] in spaced):
            return i
    for i in range(0, start):
        if probe in keys[i]:
            return i
    return None
