"""The EPUB cover: a black-on-white pamphlet front drawn with Pillow and Noto.

The title is set as big as it fits, in Noto Sans Bold, ragged right, between
two heavy rules; the publisher stands above it, the author and date below.
Everything is drawn from the model, so the same document gives the same bytes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from ..fonts import font_path
from ..model import Document
from ..typography import format_date, smarten

WIDTH, HEIGHT = 1200, 1800
MARGIN = 96
INK, PAPER = 0, 255


@dataclass(frozen=True)
class CoverText:
    title: str
    subtitle: str
    authors: str
    publisher: str
    date: str


def cover_text(doc: Document) -> CoverText:
    lang = doc.language
    return CoverText(
        title=smarten(doc.title, lang),
        subtitle=smarten(doc.subtitle or "", lang),
        authors=", ".join(doc.authors),
        publisher=doc.publisher or "",
        date=format_date(doc.date, lang),
    )


def cover_alt(doc: Document) -> str:
    """What the cover says, for its alt text."""
    text = cover_text(doc)
    parts = [text.title, text.subtitle, text.authors, text.publisher, text.date]
    return ". ".join(p for p in parts if p)


@lru_cache(maxsize=64)
def _font(family: str, style: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(family, style)), size)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap; a word longer than the line is broken between letters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while font.getlength(word) > width:
            cut = len(word) - 1
            while cut > 1 and font.getlength(word[:cut] + "-") > width:
                cut -= 1
            head, word = word[:cut] + "-", word[cut:]
            if line:
                lines.append(line)
                line = ""
            lines.append(head)
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")


def wrap_title(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Wrap a title; a title of several sentences starts each on a new line."""
    return [line for sentence in _SENTENCE_END.split(text) for line in wrap(sentence, font, width)]


def _fit_title(text: str, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The biggest size (from a short scale) at which the wrapped title fits the box."""
    for size in (168, 150, 136, 122, 110, 100, 90, 80, 72, 64, 56, 50, 44):
        font = _font("NotoSans", "Bold", size)
        lines = wrap_title(text, font, width)
        longest = max((len(w) for w in text.split()), default=0)
        if len(lines) * size * 1.12 <= height and (size <= 56 or longest < 40):
            return font, lines
    font = _font("NotoSans", "Bold", 44)
    lines = wrap_title(text, font, width)
    keep = max(1, int(height // (44 * 1.12)))
    if len(lines) > keep:
        lines = [*lines[: keep - 1], lines[keep - 1].rstrip(" ,.;:") + "…"]
    return font, lines


def draw_cover(doc: Document) -> Image.Image:
    text = cover_text(doc)
    img = Image.new("L", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(img)
    inner = WIDTH - 2 * MARGIN
    y = MARGIN

    # Masthead: the publisher, spaced capitals, over a heavy rule.
    if text.publisher:
        font = _font("NotoSans", "Bold", 40)
        label = text.publisher.upper()
        while font.getlength(label) > inner and font.size > 20:
            font = _font("NotoSans", "Bold", font.size - 4)
        pen.text((MARGIN, y), label, font=font, fill=INK)
        y += int(font.size * 1.5)
    pen.rectangle((MARGIN, y, WIDTH - MARGIN, y + 16), fill=INK)
    y += 16 + 70

    # Foot: author and date over a thinner rule, measured first so the title
    # knows how much room it has.
    foot: list[tuple[ImageFont.FreeTypeFont, str]] = []
    if text.authors:
        author_font = _font("NotoSerif", "Bold", 56)
        foot += [(author_font, line) for line in wrap(text.authors, author_font, inner)[:3]]
    if text.date:
        foot.append((_font("NotoSerif", "Regular", 42), text.date))
    foot_height = sum(int(f.size * 1.3) for f, _ in foot)
    foot_top = HEIGHT - MARGIN - foot_height
    rule_y = foot_top - 50

    sub_font = _font("NotoSerif", "Italic", 54)
    sub_lines = wrap(text.subtitle, sub_font, inner)[:4] if text.subtitle else []
    sub_height = int(len(sub_lines) * 54 * 1.3) + (50 if sub_lines else 0)

    title_font, title_lines = _fit_title(text.title, inner, rule_y - 60 - y - sub_height)
    size = title_font.size
    for line in title_lines:
        pen.text((MARGIN, y), line, font=title_font, fill=INK)
        y += int(size * 1.12)
    if sub_lines:
        y += 50
        for line in sub_lines:
            pen.text((MARGIN, y), line, font=sub_font, fill=INK)
            y += int(54 * 1.3)

    pen.rectangle((MARGIN, rule_y, WIDTH - MARGIN, rule_y + 6), fill=INK)
    y = foot_top
    for font, line in foot:
        pen.text((MARGIN, y), line, font=font, fill=INK)
        y += int(font.size * 1.3)
    return img


# Sixteen greys, as an e-ink screen shows them: a 4-bit palette PNG is half
# the size of 8-bit greyscale and much faster to compress.
_GREYS = [level * 17 for level in range(16) for _ in range(3)]


def cover_png(doc: Document) -> bytes:
    """The cover as PNG bytes (16 greys, no timestamps or other chunks)."""
    grey = draw_cover(doc).point(lambda v: v >> 4)
    indexed = Image.frombytes("P", grey.size, grey.tobytes())
    indexed.putpalette(_GREYS)
    out = io.BytesIO()
    indexed.save(out, format="PNG", bits=4, compress_level=3)
    return out.getvalue()
