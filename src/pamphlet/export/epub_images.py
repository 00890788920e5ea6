"""Figures for the EPUB: local images are packed in, remote ones are never referenced.

A Figure whose src is a local file (or a data: URI) becomes an image inside the
book; any other src is dropped, and the figure keeps its caption. Formats that
are not EPUB core media types are converted to PNG.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image, UnidentifiedImageError

from ..model import Block, Document, Figure

MAX_IMAGE_BYTES = 20 * 1024 * 1024
CORE_TYPES = {
    "PNG": ("png", "image/png"),
    "JPEG": ("jpg", "image/jpeg"),
    "GIF": ("gif", "image/gif"),
    "WEBP": ("webp", "image/webp"),
}


@dataclass(frozen=True)
class PackedImage:
    file_name: str  # inside the EPUB folder, e.g. images/fig-0123abcd.png
    media_type: str
    data: bytes


def _load(src: str, base: Path) -> bytes | None:
    """The bytes a local src points to, or None (remote, outside the source's folder,
    missing, too large)."""
    src = src.strip()
    if src.startswith("data:"):
        head, _, payload = src.partition(",")
        if not head.endswith(";base64"):
            return None
        try:
            return base64.b64decode(payload, validate=False)
        except (binascii.Error, ValueError):
            return None
    parts = urlsplit(src)
    if parts.scheme == "file":
        path = Path(unquote(parts.path))
    elif parts.scheme or parts.netloc or src.startswith("//"):
        return None  # http(s) and every other scheme: never fetched, never referenced
    else:
        path = Path(unquote(parts.path))
    try:
        # only files beside the source (or below it): a page cannot pull in
        # an arbitrary file of the machine that builds it
        path = (base / path).resolve()
        if not path.is_relative_to(base.resolve()):
            return None
        if not path.is_file() or path.stat().st_size > MAX_IMAGE_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _pack(data: bytes) -> PackedImage | None:
    try:
        with Image.open(io.BytesIO(data)) as img:
            kind = img.format or ""
            if kind not in CORE_TYPES:
                img.load()
                out = io.BytesIO()
                img.convert("RGBA" if "A" in img.getbands() else "RGB").save(out, format="PNG")
                data, kind = out.getvalue(), "PNG"
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    ext, media_type = CORE_TYPES[kind]
    digest = hashlib.sha256(data).hexdigest()[:16]
    return PackedImage(f"images/fig-{digest}.{ext}", media_type, data)


class _Packer:
    def __init__(self, base: Path):
        self.base = base
        self.images: dict[str, PackedImage] = {}

    def figure(self, block: Figure) -> Figure:
        packed = None
        if block.src:
            data = _load(block.src, self.base)
            packed = _pack(data) if data else None
        if packed is None:
            return dataclasses.replace(block, src=None) if block.src else block
        self.images.setdefault(packed.file_name, packed)
        return dataclasses.replace(block, src=packed.file_name)

    def blocks(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(self.figure(b) if isinstance(b, Figure) else b for b in blocks)


def pack_figures(doc: Document) -> tuple[Document, list[PackedImage]]:
    """The document with every figure's src pointing inside the book, and the images."""
    packer = _Packer(Path(doc.source).parent)
    body = packer.blocks(doc.body)
    comments = tuple(dataclasses.replace(c, body=packer.blocks(c.body)) for c in doc.comments)
    if body == doc.body and comments == doc.comments:
        return doc, []
    packed = dataclasses.replace(doc, body=body, comments=comments)
    return packed, list(packer.images.values())
