"""Readers: one module per input kind, each turning a source into a Document."""

from __future__ import annotations

import gzip
from pathlib import Path

from ..errors import BadSource, SourceNotReadable
from ..model import Document
from .decode import decode_bytes

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
DEFAULT_MAX_BYTES = 25 * 1024 * 1024


def source_kind(path: Path) -> str:
    """'html', 'markdown' or 'text', from the name (a .gz suffix is looked through)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in HTML_SUFFIXES:
        return "html"
    if last in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The source's bytes, gunzipped if need be, refusing what is too large."""
    name = str(path)
    if not path.exists():
        raise SourceNotReadable("no such file", name)
    if path.is_dir():
        raise SourceNotReadable("is a directory, not a file", name)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BadSource(
                f"too large ({size} bytes; the limit is {max_bytes})",
                name,
                "raise it with --max-size",
            )
        data = path.read_bytes()
    except PermissionError:
        raise SourceNotReadable("permission denied", name) from None
    except OSError as exc:
        raise SourceNotReadable(f"cannot be read ({exc.strerror or exc})", name) from None
    if path.suffix.lower() == ".gz":
        try:
            with gzip.GzipFile(fileobj=_Limited(data)) as fh:
                data = fh.read(max_bytes + 1)
        except (OSError, EOFError):
            raise BadSource("is not a valid gzip file", name) from None
        if len(data) > max_bytes:
            raise BadSource(f"too large once unpacked (limit {max_bytes} bytes)", name)
    return data


class _Limited:
    """A tiny read-only file object over bytes (for GzipFile)."""

    def __init__(self, data: bytes):
        import io

        self._io = io.BytesIO(data)

    def read(self, n: int = -1) -> bytes:
        return self._io.read(n)

    def seek(self, *args: int) -> int:
        return self._io.seek(*args)

    def tell(self) -> int:
        return self._io.tell()


def read_source(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_remote: bool = False,
) -> Document:
    """Read any supported source into the document model."""
    data = read_bytes(path, max_bytes)
    kind = source_kind(path)
    text = decode_bytes(data, str(path), html=kind == "html")
    if kind == "html":
        from .html import parse_html

        return parse_html(text, str(path), base_dir=path.parent, allow_remote=allow_remote)
    if kind == "markdown":
        from .markdown import parse_markdown

        return parse_markdown(text, str(path))
    from .text import parse_text

    return parse_text(text, str(path))
