"""Dates as web pages write them, turned into ISO 8601.

``parse_date("Submitted by AWL on Mon, 10/01/2022 - 13:22")`` gives
``"2022-01-10T13:22"``; a date without a time gives ``"2022-01-10"``.

Numeric dates such as 10/01/2022 are ambiguous.  They are settled, in order:
by a weekday name written next to them (10/01/2022 is a Monday only when read
day-first), by ``day_first`` when the caller knows the site, and by the
language ("en-US" reads month-first; everything else, like most sites in our
field, day-first).

Every pattern here is linear: no nested quantifiers, so a 2 MB line costs
a single scan.
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["find_date", "parse_date"]

_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Russian month stems and the case endings they take (nominative, genitive,
# dative, accusative, instrumental, prepositional), plus the usual abbreviations.
_RU_STEMS = (
    ("январ", 1), ("феврал", 2), ("апрел", 4), ("июн", 6), ("июл", 7),
    ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
)
_RU_MONTHS: dict[str, int] = {}
for _stem, _num in _RU_STEMS:
    for _end in ("ь", "я", "ю", "ем", "ём", "е"):
        _RU_MONTHS[_stem + _end] = _num
for _word, _num in (("март", 3), ("август", 8)):
    for _end in ("", "а", "у", "ом", "е"):
        _RU_MONTHS[_word + _end] = _num
for _end in ("й", "я", "ю", "ем", "е"):
    _RU_MONTHS["ма" + _end] = 5
_RU_MONTHS.update({
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "авг": 8, "сен": 9,
    "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
})
_KK_MONTHS = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}
for _name, _num in list(_KK_MONTHS.items()):
    for _end in ("", "ы", "ның", "дың", "тың", "да", "та"):
        _KK_MONTHS.setdefault(_name + _end, _num)
MONTHS: dict[str, int] = {**_EN_MONTHS, **_RU_MONTHS, **_KK_MONTHS}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
    "понедельник": 0, "пн": 0, "вторник": 1, "вт": 1, "среда": 2, "среду": 2, "ср": 2,
    "четверг": 3, "чт": 3, "пятница": 4, "пятницу": 4, "пт": 4, "суббота": 5,
    "субботу": 5, "сб": 5, "воскресенье": 6, "вс": 6,
}


_MONTH = r"(?P<mon>[^\W\d_]{3,12})\.?"  # checked against MONTHS after matching
_WEEKDAY_RE = re.compile(r"(?<!\w)(?P<wd>[^\W\d_]{2,11})\.?(?!\w)", re.I)
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?(?:го|е|ое))?"

_PATTERNS = (
    # 2022-01-11, 2022-01-11T03:25:00+00:00, 2022/01/11
    re.compile(rf"(?<!\d){_YEAR}(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?!\d)"),
    # 10/01/2022, 10.01.2022, 10-01-2022
    re.compile(rf"(?<![\d.,/-])(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[0-3]?\d)(?P=sep){_YEAR}(?!\d)"),
    # 11 January, 2022 / 7 января 2022 г.
    re.compile(rf"(?<![\w.,])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\.?\s(?:of\s)?{_MONTH}(?!\w),?\s{_YEAR}"
               r"(?:\s?(?:г\.|года|год|ж\.|жыл|жылы))?(?!\d)", re.I),
    # June 5, 2021 / January 3rd 2022
    re.compile(rf"(?<!\w){_MONTH}(?!\w)\s{_DAY},?\s{_YEAR}(?!\d)", re.I),
    # 2022 жылғы 7 қаңтар / 2022 ж. 7 қаңтар
    re.compile(rf"(?<!\d){_YEAR}\s(?:жылғы|ж\.)\s(?P<day>[0-3]?\d)\s{_MONTH}(?!\w)", re.I),
)
_TIME_RE = re.compile(
    r"(?<!\d)(?P<h>[0-2]?\d)[:.](?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
    r"(?:\s?(?P<ampm>[ap]\.?\s?m\.?)(?!\w))?(?!\d)",
    re.I,
)
# What may stand between the date and its time: " - ", " at ", ", ", " в ", "T", " | ".
_TIME_GAP_RE = re.compile(r"(?:T|\s*[-–—|,@]?\s*(?:at|в|um|à|в\s*\d*\s*ч\.?)?\s*)", re.I)


def _valid(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_near(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The weekday named just before or just after the date (weekday, index)."""
    window_start = max(0, start - 16)
    before = text[window_start:start]
    found = None
    for match in _WEEKDAY_RE.finditer(before):
        found = match if match.group("wd").lower() in WEEKDAYS else None
    if found and not before[found.end():].strip(" ,.-–("):
        return WEEKDAYS[found.group("wd").lower()], window_start + found.start()
    after = text[end:end + 16]
    match = _WEEKDAY_RE.search(after)
    if (match and match.group("wd").lower() in WEEKDAYS
            and not after[:match.start()].strip(" ,.-–()")):
        return WEEKDAYS[match.group("wd").lower()], end + match.start()
    return None


def _numeric(a: int, b: int, year: int, weekday: int | None, day_first: bool | None,
             language: str) -> _dt.date | None:
    day_first_date = _valid(year, b, a)
    month_first_date = _valid(year, a, b)
    if day_first_date is None or month_first_date is None or a == b:
        return day_first_date or month_first_date
    if weekday is not None:
        if day_first_date.weekday() == weekday and month_first_date.weekday() != weekday:
            return day_first_date
        if month_first_date.weekday() == weekday and day_first_date.weekday() != weekday:
            return month_first_date
    if day_first is None:
        day_first = language.lower() != "en-us"
    return day_first_date if day_first else month_first_date


def _time_after(text: str, end: int) -> tuple[str, int] | None:
    gap = _TIME_GAP_RE.match(text, end, min(len(text), end + 24))
    pos = gap.end() if gap else end
    match = _TIME_RE.match(text, pos)
    if not match:
        return None
    hour, minute = int(match.group("h")), int(match.group("mi"))
    ampm = (match.group("ampm") or "").replace(".", "").replace(" ", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23:
        return None
    return f"{hour:02d}:{minute:02d}", match.end()


def _time_before(text: str, start: int) -> tuple[str, int] | None:
    window_start = max(0, start - 14)
    window = text[window_start:start]
    best = None
    for match in _TIME_RE.finditer(window):
        if not window[match.end():].strip(" ,-–|"):
            best = match
    if best is None or best.group("ampm"):
        return None
    hour, minute = int(best.group("h")), int(best.group("mi"))
    if hour > 23:
        return None
    return f"{hour:02d}:{minute:02d}", window_start + best.start()


def _first_valid(kind: int, text: str, language: str, day_first: bool | None
                 ) -> tuple[int, int, _dt.date, tuple[int, int] | None] | None:
    for match in _PATTERNS[kind].finditer(text):
        start, end = match.span()
        weekday_info = _weekday_near(text, start, end)
        weekday = weekday_info[0] if weekday_info else None
        year = int(match.group("year"))
        if kind == 0:
            date = _valid(year, int(match.group("m")), int(match.group("d")))
        elif kind == 1:
            date = _numeric(int(match.group("a")), int(match.group("b")), year, weekday,
                            day_first, language)
        else:
            month = MONTHS.get(match.group("mon").lower())
            date = _valid(year, month, int(match.group("day"))) if month else None
        if date is not None:
            return start, end, date, weekday_info
    return None


def find_date(text: str, *, language: str = "en",
              day_first: bool | None = None) -> tuple[str, tuple[int, int]] | None:
    """The first date in ``text`` as (ISO string, (start, end)) or None.

    The span covers a weekday name and a time written next to the date.
    """
    best = None
    for kind in range(len(_PATTERNS)):
        found = _first_valid(kind, text, language, day_first)
        if found and (best is None or found[0] < best[0]):
            best = found
    if best is None:
        return None
    start, end, date, weekday_info = best
    if weekday_info and weekday_info[1] < start:
        start = weekday_info[1]
    iso = date.isoformat()
    after = _time_after(text, end)
    if after:
        iso, end = f"{iso}T{after[0]}", after[1]
    else:
        before = _time_before(text, start)
        if before:
            iso, start = f"{iso}T{before[0]}", before[1]
    if weekday_info and weekday_info[1] >= end:
        tail = _WEEKDAY_RE.match(text, weekday_info[1])
        if tail and not text[end:weekday_info[1]].strip(" ,.-–()"):
            end = tail.end()
    return iso, (start, end)


def parse_date(text: str, *, language: str = "en", day_first: bool | None = None) -> str | None:
    """The date written in ``text`` as ISO 8601 ("2022-01-11T03:25" or "2022-01-11")."""
    if not text:
        return None
    found = find_date(text[:4096], language=language, day_first=day_first)
    return found[0] if found else None
