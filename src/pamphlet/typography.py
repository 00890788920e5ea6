"""Typography as pure text -> text rules, applied to the model's text nodes.

Never run over serialized markup: the renderer calls `smarten` on each text
before Jinja2 escapes it.
"""

from __future__ import annotations

import re
from datetime import date, datetime

NBSP = "\u00a0"

_EN_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_RU_MONTHS_GEN = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
).split()

_DOUBLE_OPEN = re.compile(r'(^|[\s(\[{\u2014\u2013-])"(?=\S)')
_SINGLE_OPEN = re.compile(r"(^|[\s(\[{\u2014\u2013-])'(?=\S)")
_SPACED_HYPHEN = re.compile(r"(?<=\S) (?:-|--) (?=\S)")
_DOUBLE_HYPHEN = re.compile(r"(?<=\w)--(?=\w)")
_NUM_RANGE = re.compile(r"(?<=\d)-(?=\d)")
_NUM_UNIT = re.compile(
    r"(?<=\d) (?=(?:%|km|kg|m|cm|mm|g|t|l|tenge|pence|£|€|\$|км|кг|тенге|руб\.?|млн|тыс\.?)\b)"
)
_INITIAL = re.compile(r"\b([A-ZА-ЯЁ]\.) (?=[A-ZА-ЯЁ][a-zа-яё])")


def smarten(text: str, language: str = "en") -> str:
    """Curly quotes, proper dashes and non-breaking spaces, by language."""
    if not text:
        return text
    lang = language.split("-")[0].lower()
    out = text
    if lang in ("ru", "kk", "uk", "be"):
        out = _DOUBLE_OPEN.sub(lambda m: m.group(1) + "«", out)
        out = out.replace('"', "»")
        out = _SPACED_HYPHEN.sub(NBSP + "\u2014 ", out)
    else:
        out = _DOUBLE_OPEN.sub(lambda m: m.group(1) + "\u201c", out)
        out = out.replace('"', "\u201d")
        out = _SPACED_HYPHEN.sub(" \u2013 ", out)
    out = _SINGLE_OPEN.sub(lambda m: m.group(1) + "\u2018", out)
    out = out.replace("'", "\u2019")
    out = _DOUBLE_HYPHEN.sub("\u2014", out)
    # A range of numbers such as 2018-20 takes an en dash, but not ISO dates
    # or phone numbers: only two short numbers joined once.
    out = re.sub(r"\b(\d{1,4})-(\d{1,4})\b(?!-)", lambda m: f"{m.group(1)}\u2013{m.group(2)}", out)
    out = _NUM_UNIT.sub(NBSP, out)
    out = _INITIAL.sub(lambda m: m.group(1) + NBSP, out)
    return out


def plain(text: str) -> str:
    """Undo `smarten` for comparisons: straight quotes, hyphens, plain spaces."""
    table = {
        "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
        "«": '"', "»": '"', "\u2013": "-", "\u2014": "-", NBSP: " ",
        "\u00ad": "", "\u200b": "",
    }
    return "".join(table.get(ch, ch) for ch in text)


def format_date(iso: str | None, language: str = "en", *, with_time: bool = False) -> str:
    """A date as a reader writes it: '11 January 2022' or '11 января 2022'."""
    if not iso:
        return ""
    try:
        if "T" in iso or " " in iso.strip():
            moment: date = datetime.fromisoformat(iso.replace(" ", "T"))
        else:
            moment = date.fromisoformat(iso)
    except ValueError:
        return iso
    lang = language.split("-")[0].lower()
    months = _RU_MONTHS_GEN if lang in ("ru", "kk") else _EN_MONTHS
    text = f"{moment.day} {months[moment.month - 1]} {moment.year}"
    if with_time and isinstance(moment, datetime):
        text += f", {moment.hour:02d}:{moment.minute:02d}"
    return text
