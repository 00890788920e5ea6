"""Bytes to text: BOMs, UTF-8, then charset detection; binary is refused."""

from __future__ import annotations

import codecs
import re

from ..errors import BadSource

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, name: str, *, html: bool = False) -> str:
    """Decode a source's bytes, or raise BadSource with a one-line reason."""
    if not data.strip():
        raise BadSource("is empty" if not data else "has only white space", name)
    text = _decode(data, name, html)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text[:65536]) and len(_CONTROL.findall(text[:65536])) > 8:
        raise BadSource("looks like a binary file, not text", name)
    text = _CONTROL.sub("", text)
    if not text.strip():
        raise BadSource("has only white space", name)
    return text


def _decode(data: bytes, name: str, html: bool) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise BadSource(f"starts with a {encoding} mark but is not {encoding}", name) from None
    if b"\x00" in data[:8192]:
        raise BadSource("looks like a binary file, not text", name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        match = _META_CHARSET.search(data[:4096])
        if match:
            try:
                return data.decode(match.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise BadSource("is not valid UTF-8 and its encoding cannot be told", name)
    try:
        return data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError):
        raise BadSource(f"cannot be decoded (guessed {best.encoding})", name) from None
