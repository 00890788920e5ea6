"""Runs of short lines that are an article's own data, not a site's menu.

Inside an article a run of short lines is often a table or a list the dump wrote one cell
per line.  Menus, teaser grids, shop grids and footers are short lines too; what tells the
article's data apart is what its lines say, which a site's furniture never does:

- a price list: items with the price quoted as a range or a floor ("$89 - $249+",
  "$75,000 – $100,000"), no shop or retailer ("$129 at Amazon", "Buy now", "40% off");
- the entries of a ranked list: a numbered heading ("4. Archkey Solutions", or a bare
  "4" over the name) with its facts ("Headquarters: St. Louis, MO", "Base price: $36,600");
- a fact sheet under an item's name ("Askar SQA55", "Diameter: 55mm", "Weight: 4 lbs");
- measurements, a line each ("56g", "1,000Hz", "Weight 46.3 lbs", "Tested Range 18.7
  miles"): a product's specifications (times are left out: a teaser's "9 mins" read);
- a directory: bulleted names with street addresses and phone numbers (a footer has the
  one address of its site, and no bulleted names);
- a sentence wrapped over short lines (an infographic's "Between 2015 and" / "2018, 13%
  of children" / "ages 5 to 19 in the"): lines ending in "and", "the", "of" and lines
  going on in lower case, which no menu has;
- a table's cells, one a line: under the table's header row (kept with its tabs), phrases
  and figures; or rows of figures ("1" / "Alaska" / "$14.55"), two columns of them or
  more (a numbered teaser list has one);
- a code listing or a shell session, its lines short ("if err != nil {", "return null",
  "git branch -d <name>", "$ npm install"): braces and semicolons at a line's end, calls
  ("fmt.Println(i)"), assignments ("i := 0", "x = 5"), comments ("// 1. Write data",
  "# see branches"), keywords ("def", "import", "SELECT … FROM"), tags, prompts, flags
  and paths, which no menu has.  (The dumps do not keep a listing's indentation, and
  they indent menus too: indentation says nothing.)

:func:`data_kind` names the kind of a run, or None.  :func:`repeated_labels` finds the
short lines repeated on the page that are the article's labels ("Pros", "Fees based on
income" under each entry), not a template's chrome.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .text_lists import list_item, strip_marker
from .text_region import LABEL_VALUE

_MONEY = r"[$€£¥₹]\s?\d[\d,]*(?:\.\d+)?(?:[kKmM]\b)?"
# A quoted price: a range or a floor, perhaps per unit, perhaps with a note in brackets.
_QUOTE = re.compile(
    rf"(?:(?:around|about|approx\.?|up to)\s+)?{_MONEY}"
    rf"(?:\s*(?:-|–|—|to)\s*{_MONEY}\+?|\+)"
    r"(?:\s*(?:per|/|a|an|each)\s*[\w ]{1,20})?(?:\s*\([^()]{1,60}\))?",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"[$€£¥₹]")
# What a shop's grid says next to its prices ("$129 at Amazon", "Now $88"), a ticker's
# percent change; and what it says anywhere ("Buy now", "Add to cart", "40% off").
_STORE = re.compile(r"\b(?:at|from|on)\s+[A-Z]\w+|\b(?:[Ww]as|[Nn]ow)\b|%")
_SHOP = re.compile(
    r"\b(?:buy|shop|add to cart|checkout|get started|on sale|subscribe)\b|\d\s?% off",
    re.IGNORECASE,
)
# A measurement, perhaps labelled: "56g", "Up to 150 W", "Tested Range 18.7 miles".  Not
# "35M members" (an upper-case M), not times ("9 mins"), which teasers show.
_MEASURE = re.compile(
    r"(?:[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,2}:? )?(?:[Uu]p to |about |~)?"
    r"\d[\d,]*(?:\.\d+)?(?:\s?[-–]\s?\d[\d,]*(?:\.\d+)?)?\s?"
    r"(?:(?i:g|kg|mg|lbs?|oz|mm|cm|in|ft|hz|khz|mhz|ghz|mah|wh|kwh|w|kw|v|mph|km/h|kph"
    r"|miles|km|dpi|mp|tb|gb)|m)\.?"
)
_PRICE = re.compile(rf"(?:(?:from|now|was|sale|price:?)\s*)?{_MONEY}(?:\s+{_MONEY})*", re.I)
_MEASURES_MIN = 2
_MEASURES_SHARE = 5
_QUOTES_MIN = 2
_QUOTES_SHARE = 8  # at least one line in eight is a quoted price

_LABEL = r"[^\W\d][\w '’/-]{0,30}"
_FACT = re.compile(rf"{_LABEL}:\s+[^={{}};]*[^\s,;{{(]")  # "Focal Length: 264mm"
_CELLS = re.compile(rf"{_LABEL} \| [^|]*[^\s|]")  # "Best For | Denim"
_RANK = re.compile(r"\d{1,2}(?:[.)]\s+\w.*)?")  # "4. Archkey Solutions", or a bare "4"
# A forum member card's fields ("Joined: Mar 2009", "Posts: 1,234"): a profile, no data.
_MEMBER_FIELD = re.compile(
    r"(?:joined|join date|member since|posts|messages|threads|reputation|reaction score"
    r"|likes(?: received)?|points|trophies|karma)\s?:",
    re.IGNORECASE,
)
_FACTS_MIN = 2
_SHEET_FACTS_MIN = 3
_NAME_WORDS = 2

_PHONE = re.compile(r"(?:\(\d{3}\)\s?|\b\d{3}[-.\s])\d{3}[-.\s]\d{4}\b|\+\d[\d\s().-]{7,}\d")
_STREET = re.compile(
    r"\d{1,5}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+"
    r"(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Ln|Lane|Way|Pl|Place|Ct|Court"
    r"|Pkwy|Parkway|Hwy|Highway|Center|Centre|Square|Sq)\b",
    re.IGNORECASE,
)
_ENTRY_LINES = 5  # one entry: its name, address, phone, a line or two about it

_LAST_WORD = re.compile(
    r"\s(?:and|the|of|in|to|a|an|for|with|or|on|at|by|from|that|is|are|was|were|has|had"
    r"|have|than|as|into|more)$"
)
_WRAPS_MIN = 2

_FIGURE = re.compile(r"[#$€£¥₹]?\s?[+-]?\d[\d,]*(?:\.\d+)?\s?(?:%|[kKmMbB]\b)?(?:/\d+)?")
_ROWS_MIN = 4
_ROW_AGREEMENT = 0.9  # rows with the run's commonest pattern of figures and text
_HEADER_REACH = 8  # lines above the first row: the table's title and header cells
_COLUMNS = range(3, 7)
_FIGURE_COLUMNS = 2
# What a shop's or a review's comparison table says ("Check Price at Amazon", "$160 List").
_TABLE_SHOP = re.compile(
    r"\b(?:at|from|on)\s+[A-Z]\w+|\b(?:buy|shop|check|add to cart|get started|sale|subscribe"
    r"|list)\b",
    re.IGNORECASE,
)


# A line of code: what a listing's line has and a menu's link never does.  (Curly quotes
# are typography: a shortcode's "[share app=”buttons”]" is no code.)
_CODE_LINE = re.compile(
    r"""
    [{;(\[]$ | ^[}\])]                                      # a block opens or closes
    | [\w\]'")]\s*(?:=|:=|==|===|!=|\+=|-=|\*=|/=|=>|<=|>=|\|\||&&)\s*\S  # an operator
    | \w=\S | \w->\w | -->                               # key=value, a pointer, a graph edge
    | ^(["'])[^"']{1,40}\1\s?:\s?\S                          # a quoted key: "email": 300,
    | ^[a-z_]\w*:\s?["'\d\[{]                               # a field: city: "Metropolis"
    | ^[a-z_&*][\w.]*(?:,\s[a-z_&*][\w.]*)*(?::\s[\w.]+)?,$   # fields: "relname,", "x: u8,"
    | [A-Za-z_][\w.]*\((?!\.|\d+\))[^()]*\)               # a call: "f(x)", "g()", not "(30)"
    | ^(?://|\#|--|/\*|\*/|<!--)\s | ^\#!/ | [,;){]\s+//\s    # a comment, a script's start
    | ^\$\s\S | ^[\w.-]+@[\w.-]+:\S*[$\#]\s            # a shell prompt
    | </?[a-z][\w-]*(?:\s[\w-]+=|\s*/?>)                # a tag
    | (?<![\w/])(?:~|\.{1,2})?/[\w.-]+/[\w./-]+          # a path
    | ^(?:if|elif|else|for|while|try|except|finally|with|def|class)\b.*:$  # a Python block
    | ^(?:if|for|while|switch|catch)\s?\(                    # a C-like block
    | ^(?:def|class|function|func|fn|return|import|from\s\S+\simport|const|let|var|pub
        |package|public|private|static|async|await|yield|catch|switch|case
        |\#include|\#define|sudo|git|npm|npx|pip3?|docker|kubectl|curl|wget|brew
        |apt(?:-get)?|yarn|cargo|cd|ls|mkdir|chmod|echo|export)(?:\s|\(|$)
    | ^(?:SELECT|INSERT\sINTO|UPDATE|DELETE\sFROM|CREATE|ALTER|DROP|FROM|WHERE|JOIN
        |LEFT\sJOIN|INNER\sJOIN|GROUP\sBY|ORDER\sBY|HAVING|LIMIT|VALUES|WITH)(?:\s|$)
    | \s--?[a-z][\w-]*(?:\s|=|$)                          # a command's flag
    """,
    re.VERBOSE,
)
_TYPOGRAPHY = re.compile("[“”‘’]")
_CODE_MIN = 2
_CODE_SHARE = 3  # one line in three of the run or more


def code_listing(run: list[str]) -> bool:
    """A listing of code or a shell session: two lines of code or more, one line in three
    of the run (the rest its headings, comments, output and wrapped lines)."""
    lines = sum(1 for text in run if code_line(text))
    return lines >= _CODE_MIN and lines * _CODE_SHARE >= len(run)


def code_line(text: str) -> bool:
    """A line of a code listing or a shell session."""
    text = text.strip()
    return bool(_CODE_LINE.search(text)) and not _TYPOGRAPHY.search(text)


def data_kind(run: list[str], before: str = "", stretch: list[str] | None = None) -> str | None:
    """Which kind of the article's data the run of short lines is, if any.  ``before``: the
    kept line above the run; ``stretch``: the run's lines with those other rules removed
    among them (a shop's "Buy now" buttons)."""
    if price_list(run) and not _shop(stretch or run):
        return "price list"
    if measurements(run) and not _shop(run):
        return "measurements"
    for name, test in _KINDS:
        if test(run):
            return name
    if header_cells(before, run):
        return "table cells"
    return None


def _shop(stretch: list[str]) -> bool:
    """A shop's words among the lines ("Buy now", "$129 at Amazon", "Get started", "40%
    off"), even where another rule removed them: prices and specifications are a product
    grid's there."""
    return any(
        _SHOP.search(text) or (_CURRENCY.search(text) and _STORE.search(text))
        for text in stretch
    )


def price_list(run: list[str]) -> bool:
    """Items and their quoted prices ("Replacing Electrical Panels" / "$1,595 - $3,000+")."""
    quotes = sum(1 for text in run if _QUOTE.fullmatch(text.strip()))
    return quotes >= _QUOTES_MIN and quotes * _QUOTES_SHARE >= len(run)


def measurements(run: list[str]) -> bool:
    """Specifications a line each ("68g", "1,000Hz", "Weight 46.3 lbs"), one line in five
    of the run or more, and no price on a line of its own, as a shop's grid shows it.  (A
    review's "Buy now" under each product, which a boilerplate rule removed, is allowed.)"""
    if any(_PRICE.fullmatch(text.strip()) for text in run):
        return False
    measures = sum(1 for text in run if _MEASURE.fullmatch(text.strip()))
    return measures >= _MEASURES_MIN and measures * _MEASURES_SHARE >= len(run)


def ranked_entry(run: list[str]) -> bool:
    """An entry of a ranked list: its number and name, then its facts ("Date: June 8-11,
    2026", "Best For | Denim"), which are at least half of the other lines.  One number
    (a pager's "1", "2", "3" is no entry); facts not bulleted (a bulleted "• Location:"
    list is a sidebar's fact box)."""
    ranks = sum(1 for text in run if _RANK.fullmatch(text))
    facts = sum(1 for text in run if _FACT.fullmatch(text) or _CELLS.fullmatch(text))
    return (ranks == 1 and facts >= _FACTS_MIN and facts * 2 >= len(run) - 1
            and not _member_card(run))


def fact_sheet(run: list[str]) -> bool:
    """An item's name of two words or more over its specifications, two lines in three of
    the run "Label: value" ("Focal Length: 264mm", "Recommended Reducer: None")."""
    facts = sum(1 for text in run if _FACT.fullmatch(strip_marker(text)))
    named = len(strip_marker(run[0]).split()) >= _NAME_WORDS
    return (named and facts >= _SHEET_FACTS_MIN and facts * 3 >= 2 * len(run)
            and not _member_card(run))


def _member_card(run: list[str]) -> bool:
    return any(_MEMBER_FIELD.match(strip_marker(text)) for text in run)


def directory(run: list[str]) -> bool:
    """Places listed with their street addresses and phone numbers under bulleted names:
    several of them, or one entry that starts with its name."""
    phones = sum(1 for text in run if _PHONE.search(text))
    streets = sum(1 for text in run if _STREET.match(text))
    names = sum(1 for text in run if list_item(text) and not any(c.isdigit() for c in text))
    if not (phones and streets and names) or (phones + streets) * 4 < len(run):
        return False
    return phones >= 2 or (len(run) <= _ENTRY_LINES and bool(list_item(run[0])))


def wrapped_sentence(run: list[str]) -> bool:
    """A sentence broken over short lines: lines that end in a function word and lines
    that go on in lower case."""
    lines = [text.strip() for text in run]
    open_ends = sum(1 for text in lines if _LAST_WORD.search(text))
    going_on = sum(1 for text in lines if text[:1].islower())
    return open_ends >= _WRAPS_MIN and going_on >= _WRAPS_MIN and open_ends * 3 >= len(lines)


def header_cells(header: str, run: list[str]) -> bool:
    """A table's cells one a line under its header row, which the dump kept with its tabs
    ("Certificate\t\tCertification"): a whole number of rows (perhaps each with its label
    first), not bulleted, mostly phrases in sentence case or figures, and no shop."""
    columns = len([cell for cell in header.split("\t") if cell.strip()])
    if columns < 2 or (len(run) % columns and len(run) % (columns + 1)):
        return False
    if any(list_item(text) or _TABLE_SHOP.search(text) for text in run):
        return False
    if _TABLE_SHOP.search(header):
        return False
    return sum(1 for text in run if _cell(text.strip())) * 2 >= len(run)


def _cell(text: str) -> bool:
    if _FIGURE.fullmatch(text):
        return True
    words = [word for word in text.split() if word[:1].isalpha()]
    capitals = sum(1 for word in words if word[0].isupper())
    return len(text.split()) >= 2 and bool(words) and capitals * 2 < len(words)


def figure_rows(run: list[str]) -> bool:
    """Rows of a table one cell a line, two columns of figures or more ("1" / "Alaska" /
    "$14.55"), after perhaps a title and the header cells: most rows have the same
    pattern of figures and text, one that is not a shorter one repeated."""
    kinds = ["n" if _FIGURE.fullmatch(text.strip()) else "t" for text in run]
    for width in _COLUMNS:
        for start in range(min(len(run), _HEADER_REACH)):
            rows = [tuple(kinds[i:i + width]) for i in range(start, len(run) - width + 1, width)]
            if len(rows) < _ROWS_MIN:
                break
            pattern, count = Counter(rows).most_common(1)[0]
            if pattern.count("n") < _FIGURE_COLUMNS or "t" not in pattern:
                continue
            if _repeated(pattern):
                continue
            covered = len(rows) * width * 3 >= 2 * len(run)
            if covered and count >= _ROW_AGREEMENT * len(rows):
                return True
    return False


def _repeated(pattern: tuple[str, ...]) -> bool:
    """("n", "t", "n", "t") is ("n", "t") twice: a list of two columns."""
    width = len(pattern)
    return any(
        width % part == 0 and pattern == pattern[:part] * (width // part)
        for part in range(1, width)
    )


def fact_box(run: list[str]) -> bool:
    """Inside the article, a fact box or spec sheet: a run of short lines, mostly "Label:
    value" ("Location: Boston", "Weight: 56g"), perhaps under its entry's heading, not a
    menu's links.  (A forum member card starts with the member's one-word name.)"""
    labels = [bool(LABEL_VALUE.fullmatch(strip_marker(text))) for text in run]
    heading = labels[0] or len(strip_marker(run[0]).split()) >= _ENTRY_WORDS
    return heading and sum(labels) * 3 >= 2 * len(run)


_ENTRY_WORDS = 3  # an entry's heading, not a member's name


_KINDS = (
    ("fact box", fact_box),
    ("ranked entry", ranked_entry),
    ("fact sheet", fact_sheet),
    ("directory", directory),
    ("wrapped sentence", wrapped_sentence),
    ("table rows", figure_rows),
    ("code", code_listing),
)


REPEAT_CODE = "C801"  # short lines repeated on the page (generic_removals)
DECORATION = "C803"  # a line without a letter or digit ("}", "***")
_ACTION = re.compile(
    r"(?:buy|shop|check|book|get|jump|see|view|visit|read|learn|watch|download|order|compare"
    r"|try|go|click|sign|subscribe|explore|find|discover|show|open|share|reply|follow|save"
    r"|add|back|more|next|previous|load|print|email|call|contact|apply|join|start|directions"
    r"|listen|play|skip|close|menu|home)\b",
    re.IGNORECASE,
)
_WORDY = re.compile(r"[^\W\d_]{4,}|[A-Z]{2,}")  # "Pros", "OTA"; not "0", "1y", "and", "at"
_ROUNDS = 4  # labels next to labels ("Pros" over "Cons"): a few rounds, linear time
_PROSE_WORDS = 10
_PROSE_END = (".", "!", "…", ".\"", ".”", ".)")  # not "?": a teaser's title asks


def repeated_labels(
    lines: list[str], out: dict[int, tuple[str, str]], chrome: Callable[[str], bool]
) -> list[int]:
    """The short lines repeated on the page (removed as a template's chrome) that are the
    article's own labels: a review's "Pros" and "Cons" over each product, a directory's
    "Fees based on income" under each entry, a webcam page's "View Webcam", a listing's
    "import time".  Every copy of the line stands inside the article (between its first
    and last sentence) with kept lines around it (perhaps past other repeated lines, a tag
    list's "Budget friendly" / "Recycled materials"); none is a call to action ("Buy on
    Amazon", "Jump to Review"), a shop's word, a bare figure or ``chrome`` (a timestamp, a
    byline).  A menu repeated in the header and the footer stands outside the article; a
    post's chrome ("Reply", a vote count, the poster's name) stands among other chrome,
    which other rules removed."""
    text_lines = [i for i, t in enumerate(lines) if t]
    prose = [i for i in text_lines if i not in out and _prose(lines[i])]
    if not prose:
        return []
    start, end = prose[0], prose[-1]
    copies: dict[str, list[int]] = {}
    for index in text_lines:
        if out.get(index, ("",))[0] == REPEAT_CODE:
            copies.setdefault(strip_marker(lines[index]), []).append(index)
    candidates = {
        key: indexes for key, indexes in copies.items()
        if _label(key) and not chrome(key) and all(start < i < end for i in indexes)
    }
    position = {index: n for n, index in enumerate(text_lines)}
    staying: set[int] = set()
    changed, rounds = True, 0
    while changed and rounds < _ROUNDS:  # a label that stays is a kept line around the next
        changed, rounds = False, rounds + 1
        for key, indexes in list(candidates.items()):
            if all(_kept_around(position[i], lines, text_lines, out, staying, chrome)
                   for i in indexes):
                staying.update(indexes)
                del candidates[key]
                changed = True
    return sorted(staying)


def _prose(text: str) -> bool:
    """A sentence of some length: the article's (a teaser's title has no full stop)."""
    text = strip_marker(text)
    return len(text.split()) >= _PROSE_WORDS and text.endswith(_PROSE_END)


def _label(text: str) -> bool:
    return bool(_WORDY.search(text)) and not _ACTION.match(text) and not _SHOP.search(text)


def _kept_around(
    n: int, lines: list[str], text_lines: list[int], out: dict[int, tuple[str, str]],
    staying: set[int], chrome: Callable[[str], bool],
) -> bool:
    """Kept lines (or labels that stay) above and below, past decoration ("}", "***"), and
    neither of them a timestamp or byline (a teaser's "Jane Doe" / "Feb 24")."""
    for step in (-1, 1):
        m = n + step
        while 0 <= m < len(text_lines) and out.get(text_lines[m], ("",))[0] == DECORATION:
            m += step
        if not 0 <= m < len(text_lines):
            return False
        index = text_lines[m]
        if (index in out and index not in staying) or chrome(lines[index]):
            return False
    return True
