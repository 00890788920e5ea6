"""Writing outputs atomically: a temporary file in the same folder, then rename."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError


@contextlib.contextmanager
def atomic_target(dest: Path) -> Iterator[Path]:
    """Yield a temporary path beside `dest`; on success it replaces `dest`.

    On any failure the temporary file is removed and an earlier `dest` is
    left as it was, so a reader never sees a half-written file.
    """
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    except OSError as exc:
        reason = exc.strerror or exc
        raise OutputError(f"cannot write to {dest.parent} ({reason})", str(dest)) from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except OSError as exc:
        raise OutputError(f"cannot write ({exc.strerror or exc})", str(dest)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def atomic_write(dest: Path, data: bytes | str) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_target(dest) as tmp:
        tmp.write_bytes(payload)


_UNSAFE = re.compile(r"[^\w.-]+")
_RESERVED = {
    "con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10)),
}
MAX_STEM_BYTES = 80
"""Stems are cut to this many UTF-8 bytes so every output and temp name fits NAME_MAX."""


def safe_stem(name: str) -> str:
    """A file stem that cannot leave the output folder or confuse a shell.

    Only the last path component counts; letters, digits, ``_``, ``.`` and ``-``
    are kept, every other run of characters becomes one ``-``; leading and
    trailing dots, dashes and underscores go (no hidden files, no options, no
    ``..``); names Windows reserves get a ``-`` appended; empty becomes "pamphlet".
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = unicodedata.normalize("NFC", base)
    for suffix in (".gz", ".html", ".htm", ".xhtml", ".txt", ".md", ".markdown", ".text"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    stem = _UNSAFE.sub("-", stem)
    stem = re.sub(r"\.{2,}", ".", stem).strip(".-_")
    encoded = stem.encode("utf-8")
    if len(encoded) > MAX_STEM_BYTES:
        stem = encoded[:MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip(".-_")
    if stem.split(".")[0].lower() in _RESERVED:
        stem += "-"
    return stem or "pamphlet"
