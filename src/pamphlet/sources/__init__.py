"""Readers: one module per input kind, each turning a source into a Document."""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from pathlib import Path

from ..errors import BadSource, SourceNotReadable
from ..model import Document
from .checks import checked
from .decode import decode_bytes, xml_safe

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
    """The source's bytes, gunzipped if need be, refusing what is too large.

    Only regular files are read (a FIFO or /dev/zero would never end), and never
    more than `max_bytes` + 1 bytes, even if the file grows while it is read.
    """
    name = str(path)
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise SourceNotReadable("no such file", name) from None
    except PermissionError:
        raise SourceNotReadable("permission denied", name) from None
    except (OSError, ValueError) as exc:
        raise SourceNotReadable(f"cannot be read ({_reason(exc)})", name) from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceNotReadable("is a directory, not a file", name)
    if not stat.S_ISREG(info.st_mode):
        raise SourceNotReadable("is not a regular file (a device, pipe or socket)", name)
    if info.st_size > max_bytes:
        raise BadSource(
            f"too large ({info.st_size} bytes; the limit is {max_bytes})",
            name,
            "raise it with --max-size",
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise SourceNotReadable("permission denied", name) from None
    except OSError as exc:
        raise SourceNotReadable(f"cannot be read ({_reason(exc)})", name) from None
    if len(data) > max_bytes:
        raise BadSource(f"too large (over {max_bytes} bytes)", name, "raise it with --max-size")
    if path.suffix.lower() == ".gz":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
                data = gz.read(max_bytes + 1)
        except (OSError, EOFError, zlib.error):
            raise BadSource("is not a valid gzip file", name) from None
        if len(data) > max_bytes:
            raise BadSource(
                f"too large once unpacked (limit {max_bytes} bytes)",
                name,
                "raise it with --max-size",
            )
    return data


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def read_source(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_remote: bool = False,
) -> Document:
    """Read any supported source into the document model.

    Whatever the reader gives back passes `checked()`: text an XML parser
    accepts, only http(s) addresses, images only inside the source's folder.
    """
    data = read_bytes(path, max_bytes)
    kind = source_kind(path)
    name = str(path)
    text = decode_bytes(data, name, html=kind == "html")
    del data
    try:
        doc = _parse(kind, text, path, allow_remote)
    except RecursionError:
        raise BadSource("is nested too deeply to read", name) from None
    except MemoryError:
        raise BadSource("is too large to read in memory", name, "lower --max-size") from None
    return checked(doc, base_dir=path.parent, allow_remote=allow_remote)


def _parse(kind: str, text: str, path: Path, allow_remote: bool) -> Document:
    if kind == "html":
        from .html import parse_html

        return parse_html(text, str(path), base_dir=path.parent, allow_remote=allow_remote)
    if kind == "markdown":
        from .markdown import parse_markdown

        return parse_markdown(text, str(path))
    from .text import parse_text

    return parse_text(text, str(path))


__all__ = [
    "DEFAULT_MAX_BYTES",
    "checked",
    "decode_bytes",
    "read_bytes",
    "read_source",
    "source_kind",
    "xml_safe",
]
