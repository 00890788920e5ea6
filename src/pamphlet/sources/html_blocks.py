"""Blocks from HTML: trafilatura's XML output or a page region turned into model blocks.

Only text leaves this module: scripts, styles, frames, forms and event handlers never reach a
block, and an image source is kept only when it is a file next to the page (or remote, when
allowed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..model import Block, Figure, Heading, ListBlock, Paragraph, Quote
from .html_cells import value_cell
from .html_headings import as_heading
from .html_loose import loose_parts
from .html_meta import norm

_WS = re.compile(r"\s+")
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "iframe",
        "frame",
        "frameset",
        "form",
        "button",
        "input",
        "select",
        "textarea",
        "option",
        "template",
        "svg",
        "math",
        "canvas",
        "object",
        "embed",
        "applet",
        "head",
        "title",
        "meta",
        "link",
        "nav",
        "video",
        "audio",
        "source",
        "track",
        "map",
        "area",
        "dialog",
    ]
)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_DEMANDS = re.compile(
    r"\bdemands\b|\bwe demand\b|\bour demands?\b|мы требуем|требовани[яйем]", re.I
)
MAX_DEPTH = 200


def texts_of(block: Block) -> list[str]:
    """A block's non-empty texts: a list's items, a figure's caption, or its text."""
    if isinstance(block, ListBlock):
        return list(block.items)
    text = getattr(block, "text", None) or getattr(block, "caption", None)
    return [text] if text else []


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def names_of(el: etree._Element) -> str:
    """The element's class and id names, "_" read as "-" ("author_box" is "author-box")."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".replace("_", "-")


def holding(tree: etree._Element, *tags: str) -> set[etree._Element]:
    """The elements with an element of one of these tags among their descendants, in one
    pass up from each (it stops at an ancestor already found: the ones above it are too)."""
    found: set[etree._Element] = set()
    for el in tree.iter(*tags):
        for parent in el.iterancestors():
            if parent in found:
                break
            found.add(parent)
    return found


def is_hidden(el: etree._Element) -> bool:
    """Hidden from readers by the page itself (hidden, aria-hidden, display: none)."""
    names = el.keys()  # (one look at the attributes: most elements have none of these)
    if not names:
        return False
    if "hidden" in names or ("aria-hidden" in names and el.get("aria-hidden") == "true"):
        return True
    style = el.get("style") if "style" in names else None
    return bool(style and _HIDDEN_STYLE.search(style))


# elements whose text never runs on into the text before them
_SPACED = frozenset(
    [
        *("br", "p", "div", "li", "tr", "td", "th", "dt", "dd", "ul", "ol", "blockquote"),
        *("figcaption", "section", "article", "header", "footer", "aside", "table", "pre"),
        *HEADINGS,
    ]
)


def visible_text(
    el: etree._Element, skip: frozenset[str] | None = None, max_words: int | None = None
) -> str:
    """The text of an element without what a reader never sees (iteratively, any depth).

    With ``max_words``, only a start of it: the walk stops once it holds more than that many
    whole words (a long menu need not be read to the end to be summarised).
    """
    skip = SKIP_TAGS if skip is None else skip
    tag = el.tag
    if not isinstance(tag, str) or tag in skip:
        return ""
    parts: list[str] = [" "] if tag in _SPACED else []
    append = parts.append
    seen = 0  # words counted part by part: at least as many as the joined parts hold
    limit = -1 if max_words is None else max_words
    counting = limit >= 0  # (words are counted only for a walk that stops early)
    if text := el.text:
        append(text)
        if counting:
            seen = len(text.split())
    # a stack of the open elements and their children still to walk; a skipped or hidden
    # child gives only its tail, a leaf its text and tail at once
    nodes: list[etree._Element] = [el]
    children = [iter(el)]
    while children:
        for child in children[-1]:
            # (lxml makes a new string at each read of a tag, text or tail: each is read once)
            tag = child.tag
            if not isinstance(tag, str) or tag in skip or is_hidden(child):
                if tail := child.tail:
                    append(tail)
                    if counting:
                        seen += len(tail.split())
            else:
                if tag in _SPACED:
                    append(" ")
                if text := child.text:
                    append(text)
                    if counting:
                        seen += len(text.split())
                if len(child):
                    nodes.append(child)
                    children.append(iter(child))
                    break
                if tail := child.tail:
                    append(tail)
                    if counting:
                        seen += len(tail.split())
            if 0 <= limit < seen and len("".join(parts).split()) > limit:
                return norm("".join(parts))
        else:
            children.pop()
            node = nodes.pop()
            if children and (tail := node.tail):
                append(tail)
                if counting:
                    seen += len(tail.split())
            if 0 <= limit < seen and len("".join(parts).split()) > limit:
                return norm("".join(parts))
    return norm("".join(parts))


@dataclass
class ImageIndex:
    """Captions and alt texts of the page's images, by source, for trafilatura's <graphic>."""

    base_dir: Path
    allow_remote: bool
    captions: dict[str, str] = field(default_factory=dict)
    alts: dict[str, str] = field(default_factory=dict)
    dropped: list[tuple[str, str, int]] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    resolved: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    def add_page(self, tree: etree._Element) -> None:
        for fig in tree.iter("figure"):
            caption_el = fig.find(".//figcaption")
            caption = visible_text(caption_el) if caption_el is not None else ""
            for img in fig.iter("img"):
                src = image_src(img)
                if src and caption:
                    self.captions.setdefault(src, caption)
        for img in tree.iter("img"):
            src = image_src(img)
            if src:
                self.lines.setdefault(src, img.sourceline or 0)
            if src and img.get("alt"):
                self.alts.setdefault(src, norm(img.get("alt")))

    def resolve(self, src: str | None) -> str | None:
        """A local file inside base_dir (relative path), a remote URL if allowed, else None."""
        if not src:
            return None
        if src not in self.resolved:  # (an image is looked up once per page)
            self.resolved[src] = self._resolve(src)
        return self.resolved[src]

    def _resolve(self, src: str) -> str | None:
        src = src.strip()
        parts = urlsplit(src)
        scheme = parts.scheme.lower()
        if scheme in ("http", "https") or src.startswith("//"):
            return src if self.allow_remote and scheme in ("http", "https") else None
        if scheme:  # data:, javascript:, file: and the like
            return None
        rel = unquote(parts.path)
        if not rel:
            return None
        try:
            base = self.base_dir.resolve()
            target = (base / rel.lstrip("/")).resolve()
            if target.is_file() and target.is_relative_to(base):
                return target.relative_to(base).as_posix()
        except (OSError, ValueError):
            return None
        return None

    def figure(self, src: str | None, caption: str | None, alt: str | None) -> Figure | None:
        caption = caption or (self.captions.get(src) if src else None)
        alt = alt or (self.alts.get(src) if src else None)
        local = self.resolve(src)
        if src and not local and all(d[0] != src for d in self.dropped[-50:]):
            remote = src.startswith("//") or urlsplit(src).scheme.lower() in ("http", "https")
            self.dropped.append((src, "remote" if remote else "missing", self.lines.get(src, 0)))
        if not (caption or alt or local):
            return None
        return Figure(caption=caption or None, src=local, alt=alt or None)


def image_src(img: etree._Element) -> str | None:
    for attr in ("src", "data-src", "data-lazy-src", "data-original"):
        value = (img.get(attr) or "").strip()
        if value and not value.lower().startswith("data:"):
            return value
    return None


# ---- trafilatura's XML output -------------------------------------------------------------


_XML_BREAKS = frozenset(["lb", "item", "p", "head", "row", "cell", "list", "quote"])


def _xml_text(el: etree._Element) -> str:
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if node is not el and node.tag in _XML_BREAKS:  # (words of two items never join)
            parts.append(" ")  # (nor a block's last word and the text after it)
        if event == "start":
            if node.text and node.tag != "graphic":
                parts.append(node.text)
        elif node is not el and node.tail:
            parts.append(node.tail)
    return norm("".join(parts))


_ITEM_BREAKS = frozenset(["lb", "p", "head", "quote"])


def _item_text(item: etree._Element) -> str:
    """A list item's own text; nested lists are joined on with separators."""
    parts: list[str] = []
    for event, node in etree.iterwalk(item, events=("start", "end")):
        if node is item:
            if event == "start" and node.text:
                parts.append(node.text)
            continue
        if event == "start" and node.tag == "item":
            parts.append("; ")
        elif node.tag in _ITEM_BREAKS or (event == "end" and node.tag == "list"):
            parts.append(" ")  # a line break, a heading or a paragraph inside the item
        if event == "start":
            if node.text:
                parts.append(node.text)
        elif node.tail:
            parts.append(node.tail)
    return norm("".join(parts)).strip("; ")


def xml_blocks(body: etree._Element, images: ImageIndex) -> list[Block]:
    """Blocks from trafilatura's XML body (p, head, list, quote, graphic, table, code)."""
    blocks: list[Block] = []
    stack: list[etree._Element | str] = list(reversed(loose_parts(body)))
    while stack:
        el = stack.pop()
        if isinstance(el, str):  # text standing between a container's blocks
            blocks.append(Paragraph(el))
            continue
        tag = el.tag
        if tag == "head":
            text = _xml_text(el)
            if text:
                rend = el.get("rend") or "h2"
                level = HEADINGS.get(rend, 2)
                blocks.append(Heading(level, text))
        elif tag == "list":
            items = tuple(t for t in (_item_text(i) for i in el.findall("item")) if t)
            if items:
                blocks.append(ListBlock(ordered=el.get("rend") == "ol", items=items))
        elif tag == "quote":
            text = _xml_text(el)
            if text:
                blocks.append(Quote(text))
        elif tag == "graphic":
            fig = images.figure(el.get("src"), None, norm(el.get("alt")) or norm(el.get("title")))
            if fig:
                blocks.append(fig)
        elif tag == "table":
            for row in el.iter("row"):
                cells = [_xml_text(c) for c in row.findall("cell")]
                text = " | ".join(c for c in cells if c)
                if text:
                    blocks.append(Paragraph(text))
        elif tag in ("p", "code", "item", "hi", "ref"):
            for graphic in el.iter("graphic"):
                fig = images.figure(graphic.get("src"), None, norm(graphic.get("alt")))
                if fig:
                    blocks.append(fig)
            text = _xml_text(el)
            if text:
                blocks.append(Paragraph(text))
        elif len(el):
            stack.extend(reversed(loose_parts(el)))
        else:
            text = _xml_text(el)
            if text:
                blocks.append(Paragraph(text))
    return drop_caption_echoes(blocks)


def drop_caption_echoes(blocks: list[Block]) -> list[Block]:
    """A figure's caption often comes out again as the next paragraph: keep it once.

    The same goes for a figure right after a figure with word for word the same caption (the
    same picture, once from the extractor and once put back from the page): it is left out when
    it shows no other picture, and a different picture is kept without the repeated caption.
    """
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if not isinstance(last, Figure) or not last.caption:
            out.append(block)
            continue
        if isinstance(block, Paragraph) and norm(block.text) == norm(last.caption):
            continue
        same = isinstance(block, Figure) and norm(block.caption or "") == norm(last.caption)
        if isinstance(block, Figure) and same:
            if block.src is None or block.src == last.src:
                continue
            block = replace(block, caption=None)
        out.append(block)
    return out


# ---- a page region walked directly (comments, fallback) -----------------------------------


# a class token naming a caption ("caption", "wp-caption-text"), not one saying the element
# has none ("no-caption", "no_caption": a figure or a list item shown without one)
_CAPTION_CLASS = re.compile(r"(?<![\w-])(?!no[-_]?caption)[\w-]*caption", re.I)
MAX_CAPTION_WORDS = 120
_CAPTION_TAGS = ("figcaption", "div", "p", "span")
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "pre",
        "table",
        "tr",
        "dl",
        "dd",
        "dt",
        "header",
        "footer",
        "aside",
        "li",
        "center",
        "details",
        "summary",
        "address",
        "hgroup",
    ]
)


def is_caption(el: etree._Element) -> bool:
    """A figure caption by kind: <figcaption>, or a short element its page calls a caption."""
    if el.tag == "figcaption":
        return True
    return el.tag in _CAPTION_TAGS and bool(_CAPTION_CLASS.search(el.get("class") or ""))


def caption_figure(el: etree._Element, images: ImageIndex) -> Figure | None:
    """A caption element (and the image beside or inside it) as a Figure, or None when long."""
    inner = next((d for d in el.iterdescendants(*_CAPTION_TAGS) if is_caption(d)), None)
    text = visible_text(inner if inner is not None else el)
    if not text or len(text.split()) > MAX_CAPTION_WORDS:
        return None
    img = el.find(".//img")
    parent = el.getparent()
    if img is None and parent is not None and el.tag != "span":
        img = parent.find(".//img")
    src = image_src(img) if img is not None else None
    alt = norm(img.get("alt")) if img is not None else None
    return images.figure(src, text, alt or None)


_QUOTE_IN_FIGURE = etree.XPath("boolean(.//blockquote | .//table | .//pre)")
_TEXT_IN_FIGURE = etree.XPath("boolean(.//p[not(ancestor::figcaption)])")


def _holds_text_blocks(figure: etree._Element) -> bool:
    """A figure that holds text of its own, not only a caption: a pull quote, a table, code."""
    if _QUOTE_IN_FIGURE(figure):
        return True
    if figure.find(".//img") is not None or figure.find(".//picture") is not None:
        return False
    return bool(_TEXT_IN_FIGURE(figure))


def html_blocks(
    root: etree._Element,
    images: ImageIndex,
    prune: Callable[[etree._Element], bool] | None = None,
    panels: frozenset[str] = frozenset(),
) -> list[Block]:
    """Blocks from an HTML region: paragraphs, headings, lists, quotes, tables and figures.

    ``prune`` (optional) says which elements to leave out whole (page furniture in a region).
    ``panels`` are the ids of collapsed panels (an accordion's or a tab's): hidden until a
    reader opens them, they are read like any other part of the region.
    A table's rows become paragraphs with their cells separated by " | ".
    """
    blocks: list[Block] = []
    inline: list[str] = []
    tables: dict[etree._Element, bool] = {}  # whether a table is navigation, judged once

    def flush() -> None:
        if not inline:
            return
        text = norm("".join(inline)).strip(" |")
        inline.clear()
        if text:
            blocks.append(Paragraph(text))

    def add_figure(fig: Figure | None) -> None:
        if fig is None:
            return
        prev = blocks[-1] if blocks else None
        if isinstance(prev, Figure) and prev.src and prev.src == fig.src and not prev.caption:
            blocks[-1] = fig  # the image came first, its caption follows
        else:
            blocks.append(fig)

    def walk(el: etree._Element, depth: int) -> None:
        if text := el.text:
            inline.append(text)
        for child in el:
            tag = child.tag
            tag = tag if isinstance(tag, str) else ""
            if (
                not tag
                or tag in SKIP_TAGS
                or (is_hidden(child) and not (panels and child.get("id") in panels))
                or (prune and prune(child))
            ):
                pass
            elif depth > MAX_DEPTH:
                inline.append(" " + visible_text(child) + " ")
            elif tag in HEADINGS:
                flush()
                text = visible_text(child)
                if text:
                    blocks.append(as_heading(HEADINGS[tag], text))
            elif tag in ("ul", "ol") and child.find("li") is None:
                flush()  # a list without items: old markup's indent, around text or a list
                walk(child, depth + 1)
                flush()
            elif tag in ("ul", "ol"):
                flush()
                items = [visible_text(li) for li in child if li.tag == "li"]
                items = [t for t in items if t]
                if items:
                    blocks.append(ListBlock(ordered=tag == "ol", items=tuple(items)))
            elif tag == "blockquote":
                flush()
                text = visible_text(child)
                if text:
                    blocks.append(Quote(text))
            elif tag == "figure" and _holds_text_blocks(child):
                flush()  # a pull quote, table or code listing set as a figure
                walk(child, depth + 1)
                flush()
            elif tag == "figure":
                flush()
                cap_el = child.find(".//figcaption")
                caption = visible_text(cap_el) if cap_el is not None else None
                img = child.find(".//img")
                src = image_src(img) if img is not None else None
                alt = norm(img.get("alt")) if img is not None else None
                add_figure(images.figure(src, caption or None, alt or None))
            elif is_caption(child) and (fig := caption_figure(child, images)) is not None:
                flush()
                add_figure(fig)
            elif tag == "img":
                fig = images.figure(image_src(child), None, norm(child.get("alt")) or None)
                if fig and fig.src:
                    flush()
                    blocks.append(fig)
            elif tag == "br":
                prev = child.getprevious()
                if prev is not None and prev.tag == "br" and not (prev.tail or "").strip():
                    flush()  # a blank line between two runs of text: a paragraph break
                inline.append(" ")
            elif tag in ("td", "th"):
                inline.append(" | ")
                if value_cell(child, tables):
                    inline.append(f" {visible_text(child)} ")  # one cell, one line of its row
                else:
                    walk(child, depth + 1)
            elif not len(child):  # (a leaf: its text, without a walk of its own)
                if tag in _BLOCK_TAGS:
                    flush()
                    if text := child.text:
                        inline.append(text)
                    flush()
                elif text := child.text:
                    inline.append(text)
            elif tag in _BLOCK_TAGS:
                flush()
                walk(child, depth + 1)
                flush()
            else:
                walk(child, depth + 1)
            if tail := child.tail:
                inline.append(tail)

    walk(root, 0)
    flush()
    return blocks


# ---- demands ------------------------------------------------------------------------------


def mark_demands(blocks: list[Block]) -> list[Block]:
    """A list right after a paragraph announcing demands becomes a demands list."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            isinstance(block, ListBlock)
            and not block.demands
            and isinstance(prev, Paragraph | Heading)
            and _DEMANDS.search(prev.text)
        ):
            block = ListBlock(block.ordered, block.items, demands=True, intro=prev.text)
        out.append(block)
    return out


def remove_keeping_tail(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
