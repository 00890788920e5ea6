"""Where the book faces live: Noto Serif (text) and Noto Sans (titles, demands).

Both cover Latin and full Cyrillic including Kazakh letters. They come from
Debian's fonts-noto-core, which the README's commands install.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ExportError

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/noto"),
    Path("/usr/local/share/fonts"),
)
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")


def font_path(family: str = "NotoSerif", style: str = "Regular") -> Path:
    """The .ttf for one face, or ExportError saying how to install it."""
    name = f"{family}-{style}.ttf"
    for folder in FONT_DIRS:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise ExportError(
        f"font {name} is not installed",
        hint="install Debian's fonts-noto-core (the README's build command does)",
    )


def font_faces() -> dict[tuple[str, str], Path]:
    """Every face the print stylesheet uses: (family, style) -> file."""
    return {(fam, st): font_path(fam, st) for fam in ("NotoSerif", "NotoSans") for st in STYLES}
