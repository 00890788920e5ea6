"""Bytes to text: BOMs, UTF-8, then charset detection; binary is refused.

The result is always text an XML parser accepts: control characters,
surrogates and non-characters are removed, so a hostile source cannot make
the EPUB's XHTML ill-formed.
"""

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
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", re.I
)
# C0 controls other than tab, LF, VT, FF and CR, and DEL: never text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# What XML 1.0 forbids beyond the controls: surrogates and U+FFFE/U+FFFF.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BINARY_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"BM",
    b"RIFF", b"\x7fELF", b"MZ", b"OggS", b"ID3", b"\x00\x00\x01\x00", b"wOFF", b"wOF2",
)
# Codecs that are not a page's charset but a transformation, or that let a
# declaration turn ASCII into markup (UTF-7), or read ASCII as something else.
_REFUSED_CODECS = {
    "utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-16", "utf-32",
    "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "undefined", "mbcs", "oem",
}
DETECT_BYTES = 1_000_000
"""How much of a source charset detection looks at (it is slow on big inputs)."""
MOSTLY_UTF8 = 0.001
"""Invalid UTF-8 sequences per byte below which a source is read as UTF-8 with U+FFFD."""


def decode_bytes(data: bytes, name: str, *, html: bool = False) -> str:
    """Decode a source's bytes, or raise BadSource with a one-line reason."""
    if not data.strip():
        raise BadSource("is empty" if not data else "has only white space", name)
    text = _decode(data, name, html)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0c" in text or "\x0b" in text:  # page breaks and vertical tabs: line breaks
        text = text.replace("\x0c", "\n").replace("\x0b", "\n")
    head = text[:65536]
    if len(_CONTROL.findall(head)) > max(8, len(head) // 1000):
        raise BadSource("looks like a binary file, not text", name)
    text = xml_safe(text)
    if not text.strip():
        raise BadSource("has only white space", name)
    return text


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (and without DEL)."""
    text = _NOT_XML.sub("", text)
    return text.replace("\x7f", "") if "\x7f" in text else text


def _codec(label: str) -> str | None:
    """The normalized codec name for a declared charset, or None if it is not usable."""
    try:
        name = codecs.lookup(label.strip()).name
    except (LookupError, ValueError):
        return None
    if name.replace("_", "-") in _REFUSED_CODECS:
        return None
    if not getattr(codecs.lookup(name), "_is_text_encoding", True):
        return None
    return name


def _decode(data: bytes, name: str, html: bool) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise BadSource(
                    f"starts with a {encoding} mark but is not {encoding}", name
                ) from None
    if data.startswith(_BINARY_MAGIC) and _looks_binary(data):
        raise BadSource("looks like a binary file (an image or archive), not text", name)
    if b"\x00" in data[:8192]:
        raise BadSource("looks like a binary file, not text", name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        match = _META_CHARSET.search(data[:4096])
        codec = _codec(match.group(1).decode("ascii")) if match else None
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    from charset_normalizer import from_bytes

    best = from_bytes(data[:DETECT_BYTES]).best()
    codec = _codec(best.encoding) if best is not None and best.encoding else None
    if codec is None:
        raise BadSource("is not valid UTF-8 and its encoding cannot be told", name)
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        # Detection looked at the start only; the rest may hold stray bytes.
        text = data.decode(codec, errors="replace")
        if text.count("\ufffd") > len(text) * MOSTLY_UTF8 + 16:
            raise BadSource(f"cannot be decoded (guessed {codec})", name) from None
        return text


def _looks_binary(data: bytes) -> bool:
    """A known binary signature followed by bytes that are not text."""
    head = data[:4096]
    bad = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bad > len(head) // 100 or b"\x00" in head


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut-off scrape, a stray byte): read as UTF-8.

    Only when the source does use multi-byte UTF-8 and the broken sequences are rare;
    a legacy 8-bit encoding gives an error at almost every non-ASCII byte instead.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad <= 0 or bad > len(data) * MOSTLY_UTF8 + 4:
        return None
    good = sum(1 for ch in text[:DETECT_BYTES] if ord(ch) > 127 and ch != "\ufffd")
    return text if good >= 4 * bad else None
