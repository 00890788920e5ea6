"""EPUB 3 = the one HTML rendering, split into parts and packaged by ebooklib.

Spine: the drawn cover, the article (split at its headings only when it is
very long), the comments. The navigation document lists the article, every
demands box and the comments, in reading order; the NCX and the OPF guide say
the same for older readers and Kindle. Nothing depends on the clock: the
identifier comes from the content, dcterms:modified and every zip entry's
time from SOURCE_DATE_EPOCH or the article's date.
"""

from __future__ import annotations

import dataclasses
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ebooklib import epub
from lxml import etree

from ..fsutil import atomic_target
from ..model import Block, Document, Heading, ListBlock, block_texts
from ..render import RenderOptions, labels, read_style, render_part
from .cover import cover_alt, cover_png
from .epub_images import pack_figures
from .epub_meta import (
    XHTML_NS,
    XML_LANG,
    NavEntry,
    add_metadata,
    modified_time,
    nav_document,
    nav_labels,
)

if TYPE_CHECKING:
    from ..pipeline import BuildOptions

CSS = "style.css"
COVER_IMAGE = "images/cover.png"
XHTML = "application/xhtml+xml"
SPLIT_CHARS = 150_000  # an article longer than this (in characters) is split ...
MIN_CHAPTER_CHARS = 40_000  # ... at its top headings, into chapters at least this long


@dataclass(frozen=True)
class Part:
    """One XHTML file of the book."""

    uid: str
    file_name: str
    content: bytes
    demand_anchors: tuple[str, ...] = ()  # the demands boxes it holds, in order
    heading: str | None = None


def _text_size(block: Block) -> int:
    return sum(len(t) for t in block_texts(block))


def split_body(
    body: tuple[Block, ...], limit: int = SPLIT_CHARS, min_chars: int = MIN_CHAPTER_CHARS
) -> list[tuple[Block, ...]]:
    """The article's blocks as chapters: one, unless it is longer than `limit`.

    A long article is cut before its top-level headings, never leaving a
    chapter shorter than `min_chars`, so a demands box stays with its intro.
    """
    if sum(_text_size(b) for b in body) <= limit:
        return [body]
    levels = [b.level for b in body if isinstance(b, Heading)]
    if not levels:
        return [body]
    top = min(levels)
    chunks: list[list[Block]] = [[]]
    size = 0
    for block in body:
        if isinstance(block, Heading) and block.level == top and size >= min_chars:
            chunks.append([])
            size = 0
        chunks[-1].append(block)
        size += _text_size(block)
    return [tuple(c) for c in chunks]


def _demand_count(blocks: tuple[Block, ...]) -> int:
    return sum(1 for b in blocks if isinstance(b, ListBlock) and b.demands)


def render_parts(doc: Document, cover_src: str | None) -> list[Part]:
    """Every XHTML file of the spine, rendered from the shared templates."""
    parts: list[Part] = []
    if cover_src:
        words = nav_labels(doc)
        options = RenderOptions(
            target="epub",
            css_href=CSS,
            extra={
                "cover_src": cover_src,
                "cover_alt": cover_alt(doc),
                "cover_label": words["cover"],
            },
        )
        parts.append(Part("cover", "cover.xhtml", _encode(render_part(doc, "cover", options))))
    for number, chunk in enumerate(split_body(doc.body), start=1):
        piece = dataclasses.replace(doc, body=chunk, comments=())
        anchors = tuple(f"demands-{n}" for n in range(1, _demand_count(chunk) + 1))
        if number == 1:
            options = RenderOptions(target="epub", css_href=CSS)
            xhtml = render_part(piece, "article", options)
            parts.append(Part("article", "article.xhtml", _encode(xhtml), anchors))
        else:
            options = RenderOptions(
                target="epub", css_href=CSS, extra={"chapter_id": f"chapter-{number}"}
            )
            xhtml = render_part(piece, "continued", options)
            first = chunk[0]
            heading = first.text if isinstance(first, Heading) else None
            parts.append(
                Part(
                    f"chapter-{number}", f"chapter-{number}.xhtml", _encode(xhtml), anchors, heading
                )
            )
    if doc.comments:
        before = _demand_count(doc.body)
        total = len(doc.demands)
        anchors = tuple(f"demands-{n}" for n in range(before + 1, total + 1))
        xhtml = render_part(doc, "comments", RenderOptions(target="epub", css_href=CSS))
        parts.append(Part("comments", "comments.xhtml", _encode(xhtml), anchors))
    return parts


_HEADINGS = tuple(f"{{{XHTML_NS}}}h{n}" for n in range(1, 7))


def _encode(xhtml: str) -> bytes:
    """The part as bytes, its heading outline repaired (see fix_outline)."""
    data = xhtml.encode("utf-8")
    return fix_outline(data) if "<h3" in xhtml or "<h4" in xhtml or "<h5" in xhtml else data


def fix_outline(data: bytes) -> bytes:
    """Never let a heading skip a level (h1 then h3), which screen readers report.

    The shared macros set a body Heading(2) and a demands box as h3 right after
    the h1 title; within one EPUB file each heading is raised to at most one
    level below the heading before it. A no-op when the outline is already sound.
    """
    root = etree.fromstring(data)
    previous = 6  # the first heading keeps its level
    changed = False
    for element in root.iter(_HEADINGS):
        level = int(str(element.tag)[-1])
        if level > previous + 1:
            level = previous + 1
            element.tag = f"{{{XHTML_NS}}}h{level}"
            changed = True
        previous = level
    if not changed:
        return data
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>")


def toc_entries(doc: Document, parts: list[Part]) -> list[NavEntry]:
    """The table of contents in reading order: article, chapters, demands, comments."""
    words = labels(doc)
    several = len(doc.demands) > 1
    entries: list[NavEntry] = []
    number = 0
    for part in parts:
        if part.uid == "cover":
            continue
        if part.uid == "article":
            entries.append(NavEntry(part.file_name, doc.title))
        elif part.uid == "comments":
            entries.append(NavEntry(part.file_name, words["comments"]))
        elif part.heading:
            entries.append(NavEntry(part.file_name, part.heading))
        for anchor in part.demand_anchors:
            number += 1
            label = f"{words['demands']} ({number})" if several else words["demands"]
            entries.append(NavEntry(f"{part.file_name}#{anchor}", label))
    return entries


def build_book(doc: Document) -> epub.EpubBook:
    """The whole book as ebooklib items; nothing is written yet."""
    doc, figures = pack_figures(doc)
    book = epub.EpubBook()
    add_metadata(book, doc, image_alts=True)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})

    cover = epub.EpubItem("cover-image", COVER_IMAGE, "image/png", cover_png(doc))
    cover.properties = ["cover-image"]
    book.add_item(cover)
    for number, image in enumerate(figures, start=1):
        book.add_item(
            epub.EpubItem(f"figure-{number}", image.file_name, image.media_type, image.data)
        )
    book.add_item(epub.EpubItem("style", CSS, "text/css", read_style("epub.css").encode("utf-8")))

    parts = render_parts(doc, COVER_IMAGE)
    items = []
    for part in parts:
        item = epub.EpubItem(part.uid, part.file_name, XHTML, part.content)
        book.add_item(item)
        items.append(item)

    entries = toc_entries(doc, parts)
    words = nav_labels(doc)
    first_text = next(p.file_name for p in parts if p.uid == "article")
    landmarks = [
        ("cover", "cover.xhtml", words["cover"]),
        ("bodymatter", first_text, words["start"]),
    ]
    nav = epub.EpubItem("nav", "nav.xhtml", XHTML, nav_document(doc, entries, landmarks, CSS))
    nav.properties = ["nav"]
    book.add_item(nav)
    book.add_item(epub.EpubNcx())

    book.toc = [epub.Link(e.href, e.label, f"nav-{n}") for n, e in enumerate(entries, start=1)]
    book.spine = items
    book.guide = [
        {"type": "cover", "href": "cover.xhtml", "title": words["cover"]},
        {"type": "text", "href": first_text, "title": words["start"]},
    ]
    return book


_PACKED = (".png", ".jpg", ".jpeg", ".gif", ".webp")


class _StampedZip(zipfile.ZipFile):
    """A ZipFile whose entries all carry one fixed time and fixed attributes."""

    stamp: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)

    def writestr(  # type: ignore[override]
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: str | bytes,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zinfo_or_arcname
        else:
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.stamp)
            if compress_type is None:
                # images are compressed already: deflating them again only costs time
                packed = zinfo_or_arcname.lower().endswith(_PACKED)
                compress_type = zipfile.ZIP_STORED if packed else self.compression
            info.compress_type = compress_type
        info.create_system = 3
        info.external_attr = 0o100644 << 16
        super().writestr(info, data, compress_type, compresslevel)


def zip_stamp(moment: datetime) -> tuple[int, int, int, int, int, int]:
    """A zip entry time (1980..2107, two-second steps) for a moment."""
    year = min(max(moment.year, 1980), 2107)
    if year != moment.year:
        return (year, 1, 1, 0, 0, 0)
    second = moment.second - moment.second % 2
    return (year, moment.month, moment.day, moment.hour, moment.minute, second)


class _Writer(epub.EpubWriter):
    """ebooklib's writer with fixed zip times and xml:lang on the package."""

    def __init__(self, name: str, book: epub.EpubBook, modified: datetime):
        super().__init__(
            name, book, {"raise_exceptions": True, "mtime": modified, "compresslevel": 9}
        )
        self.stamp = zip_stamp(modified)

    def write(self) -> None:
        out = _StampedZip(self.file_name, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
        out.stamp = self.stamp
        self.out = out
        try:
            out.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
            self._write_container()
            self._write_opf()
            self._write_items()
        finally:
            out.close()

    def _get_ncx(self) -> bytes:
        # ebooklib writes dtb:depth 0; a flat navMap has depth 1.
        return (
            super()
            ._get_ncx()
            .replace(
                b'<meta content="0" name="dtb:depth"/>', b'<meta content="1" name="dtb:depth"/>', 1
            )
        )

    def _write_opf_file(self, root):  # type: ignore[no-untyped-def]
        root.set(XML_LANG, self.book.language)
        super()._write_opf_file(root)


def write_epub(doc: Document, dest: Path, options: BuildOptions) -> None:
    """Write doc as an EPUB 3 at dest, atomically (no partial file, ever)."""
    modified = modified_time(doc, options.source_date_epoch)
    book = build_book(doc)
    with atomic_target(dest) as tmp:
        writer = _Writer(str(tmp), book, modified)
        writer.process()
        writer.write()
