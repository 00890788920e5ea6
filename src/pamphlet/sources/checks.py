"""The last gate between any reader and the writers: what leaves a reader is safe.

Readers already clean what they read; this pass makes the guarantees hold for
every reader at once, whatever it missed:

- every string is text an XML 1.0 parser accepts (no controls, surrogates or
  non-characters), so the EPUB's XHTML stays well-formed;
- the page address is kept only when it is http(s);
- an image is kept only when it is a PNG, JPEG, GIF or WebP file inside the
  source's folder (or, with allow_remote, an http(s) address); anything else
  (``file:``, ``data:``, ``javascript:``, absolute paths, ``../``, SVG, which
  can carry scripts and references of its own) is dropped and listed in
  Document.removed with an S1xx code;
- heading levels are 1 to 6, the language is a plausible language tag, and
  the title is never empty.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..model import Block, Comment, Document, Figure, Heading, ListBlock, Paragraph, Quote, Removed
from .decode import xml_safe

MAX_IMAGE_BYTES = 20 * 1024 * 1024
RASTER_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$")

REASONS = {
    "S101": "image refused: not a file inside the source's folder",
    "S102": "image refused: not a PNG, JPEG, GIF or WebP file",
    "S103": f"image refused: larger than {MAX_IMAGE_BYTES // 1024**2} MB",
    "S104": "image refused: a remote or non-file address",
    "S105": "page address refused: not an http(s) address",
}


def _text(value: str) -> str:
    return xml_safe(value)


def _opt(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = xml_safe(value)
    return cleaned if cleaned.strip() else None


def is_raster(path: Path) -> bool:
    """PNG, JPEG, GIF or WebP, by the file's first bytes (never by its name)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    if head.startswith(RASTER_MAGIC):
        return True
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def local_image(src: str, base_dir: Path) -> tuple[str | None, str]:
    """(the relative path of a safe local image, "") or (None, the S-code why not)."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith(("/", "\\")) or "\\" in src:
        return None, "S104" if (parts.scheme or parts.netloc) else "S101"
    rel = unquote(parts.path)
    if not rel or rel.startswith("/") or "\x00" in rel:
        return None, "S101"
    try:
        base = base_dir.resolve()
        target = (base / rel).resolve()
        if not target.is_relative_to(base) or not target.is_file():
            return None, "S101"
        if target.stat().st_size > MAX_IMAGE_BYTES:
            return None, "S103"
    except (OSError, ValueError, RuntimeError):
        return None, "S101"
    if not is_raster(target):
        return None, "S102"
    return target.relative_to(base).as_posix(), ""


class _Checker:
    def __init__(self, base_dir: Path, allow_remote: bool):
        self.base_dir = base_dir
        self.allow_remote = allow_remote
        self.refused: list[Removed] = []

    def image(self, src: str | None) -> str | None:
        if src is None or not src.strip():
            return None
        src = xml_safe(src).strip()
        parts = urlsplit(src)
        if parts.scheme.lower() in ("http", "https"):
            if self.allow_remote and parts.netloc:
                return src
            self.refuse(src, "S104")
            return None
        safe, code = local_image(src, self.base_dir)
        if safe is None:
            self.refuse(src, code)
        return safe

    def refuse(self, what: str, code: str) -> None:
        self.refused.append(Removed(0, xml_safe(what)[:200], code, REASONS[code]))

    def block(self, b: Block) -> Block | None:
        if isinstance(b, Paragraph):
            return Paragraph(_text(b.text))
        if isinstance(b, Heading):
            return Heading(min(max(int(b.level), 1), 6), _text(b.text))
        if isinstance(b, Quote):
            return Quote(_text(b.text))
        if isinstance(b, ListBlock):
            items = tuple(_text(i) for i in b.items)
            return ListBlock(b.ordered, items, b.demands, _opt(b.intro))
        if isinstance(b, Figure):
            src = self.image(b.src)
            caption, alt = _opt(b.caption), _opt(b.alt)
            if not (src or caption):
                return None
            return Figure(caption, src, alt)
        return b

    def blocks(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        out = (self.block(b) for b in blocks)
        return tuple(b for b in out if b is not None)

    def url(self, url: str | None) -> str | None:
        url = _opt(url)
        if url is None:
            return None
        url = url.strip()
        parts = urlsplit(url)
        if parts.scheme.lower() in ("http", "https") and parts.netloc:
            return url
        self.refuse(url, "S105")
        return None


def checked(doc: Document, *, base_dir: Path, allow_remote: bool = False) -> Document:
    """`doc` with the guarantees listed in this module's docstring."""
    c = _Checker(base_dir, allow_remote)
    title = " ".join(_text(doc.title).split())
    language = doc.language if _LANG.match(doc.language or "") else "en"
    comments = tuple(
        Comment(_opt(k.author), _opt(k.date), c.blocks(k.body), _opt(k.in_reply_to))
        for k in doc.comments
    )
    body = c.blocks(doc.body)
    url = c.url(doc.url)
    removed = tuple(
        Removed(r.line, _text(r.text), _text(r.code), _text(r.reason)) for r in doc.removed
    )
    return replace(
        doc,
        title=title or _text(Path(doc.source).stem) or "Untitled",
        source=_text(doc.source),
        body=body,
        subtitle=_opt(doc.subtitle),
        authors=tuple(a for a in (_opt(x) for x in doc.authors) if a),
        publisher=_opt(doc.publisher),
        date=_opt(doc.date),
        language=language,
        url=url,
        comments=comments,
        removed=removed + tuple(c.refused),
    )
