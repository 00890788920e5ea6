"""Markdown sources (markdown-it-py): front matter, headings, lists, quotes, figures.

The title comes from the YAML front matter's ``title``, else the first ``# h1``,
else the first paragraph.  Lists get the same demands detection as plain text;
tables and HTML blocks become paragraphs of their text.  Front-matter lines,
rules (``---``) and single-line boilerplate paragraphs go to ``removed``.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .. import boilerplate as bp
from ..dates import parse_date
from ..errors import NoContent
from ..model import Block, Document, Figure, Heading, Paragraph, Quote, Removed
from .text import title_of
from .text_lists import make_list
from .text_signals import detect_language

_FRONT_END = re.compile(r"^(?:---|\.\.\.)\s*$", re.M)
_TAG = re.compile(r"<[^<>]{0,2000}>")
_SPACES = re.compile(r"\s+")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _front_matter(text: str) -> tuple[dict[str, Any], int, str]:
    """(fields, number of lines it took, the rest of the text)."""
    if not text.startswith("---\n"):
        return {}, 0, text
    end = _FRONT_END.search(text, 4)
    if end is None:
        return {}, 0, text
    fields: dict[str, Any] = {}
    key = None
    for raw in text[4:end.start()].split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("- ") and key:
            value = fields.get(key)
            items = value if isinstance(value, list) else []
            items.append(_unquote(line[2:]))
            fields[key] = items
            continue
        name, sep, value = line.partition(":")
        if not sep:
            continue
        key = name.strip().lower()
        value = value.strip()
        if value.startswith("[") and value.endswith("]"):
            fields[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
        else:
            fields[key] = _unquote(value) if value else []
    used = text[: end.end()].count("\n") + 1
    return fields, used, text[end.end() + 1:]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return _SPACES.sub(" ", "".join(parts)).strip()


def _strip_tags(markup: str) -> str:
    return html.unescape(_TAG.sub(" ", markup))


def _image_only(token: Token) -> Token | None:
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(children) == 1 and children[0].type == "image":
        return children[0]
    return None


class _Reader:
    def __init__(self, tokens: list[Token], offset: int, language: str, lines: list[str]):
        self.tokens = tokens
        self.lines = lines
        self.offset = offset
        self.language = language
        self.blocks: list[Block] = []
        self.removed: list[Removed] = []
        self.h1: str | None = None

    def line(self, token: Token) -> int:
        return (token.map[0] if token.map else 0) + self.offset + 1

    def remove(self, token: Token, code: str, reason: str) -> None:
        number = self.line(token)
        text = self.lines[number - 1].strip() if number <= len(self.lines) else ""
        self.removed.append(Removed(number, text, code, reason))

    def run(self) -> None:
        index = 0
        while index < len(self.tokens):
            index = self.block(index)

    def block(self, i: int) -> int:
        token = self.tokens[i]
        kind = token.type
        if kind == "heading_open":
            text = _inline_text(self.tokens[i + 1])
            level = int(token.tag[1])
            if level == 1 and self.h1 is None and not self.blocks:
                self.h1 = text
            elif text:
                self.blocks.append(Heading(max(2, level), text))
            return i + 3
        if kind == "paragraph_open":
            self.paragraph(token, self.tokens[i + 1])
            return i + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self.list_block(i)
        if kind == "blockquote_open":
            end = self._close(i)
            texts = [_inline_text(t) for t in self.tokens[i:end] if t.type == "inline"]
            text = " ".join(t for t in texts if t)
            if text:
                self.blocks.append(Quote(text))
            return end + 1
        if kind == "table_open":
            end = self._close(i)
            row: list[str] = []
            for t in self.tokens[i:end]:
                if t.type == "inline":
                    row.append(_inline_text(t))
                elif t.type == "tr_close" and any(row):
                    self.blocks.append(Paragraph(" | ".join(c for c in row if c)))
                    row = []
            return end + 1
        if kind in ("html_block", "fence", "code_block"):
            text = _strip_tags(token.content) if kind == "html_block" else token.content
            for part in re.split(r"\n\s*\n", text):
                cleaned = _SPACES.sub(" ", part).strip()
                if cleaned:
                    self.blocks.append(Paragraph(cleaned))
            return i + 1
        if kind == "hr":
            self.remove(token, "C803", bp.STRUCTURAL["C803"])
        return i + 1

    def _close(self, i: int) -> int:
        depth = 0
        for j in range(i, len(self.tokens)):
            depth += self.tokens[j].nesting
            if depth == 0:
                return j
        return len(self.tokens) - 1

    def paragraph(self, opening: Token, inline: Token) -> None:
        image = _image_only(inline)
        if image is not None:
            alt = image.content or None
            caption = image.attrs.get("title") or alt
            self.blocks.append(Figure(str(caption) if caption else None,
                                      str(image.attrs.get("src") or "") or None, alt))
            return
        text = _inline_text(inline)
        if not text:
            return
        single_line = opening.map is not None and opening.map[1] - opening.map[0] == 1
        rule = bp.classify_line(text, self.language) if single_line else None
        if rule is not None:
            self.remove(opening, rule.code, rule.reason)
            return
        self.blocks.append(Paragraph(text))

    def list_block(self, i: int) -> int:
        end = self._close(i)
        ordered = self.tokens[i].type == "ordered_list_open"
        items: list[str] = []
        depth = 0
        current: list[str] = []
        for t in self.tokens[i + 1:end]:
            if t.type == "list_item_open":
                if current:
                    items.append(" ".join(current))
                current = []
                depth += 1
            elif t.type == "list_item_close":
                depth -= 1
            elif t.type == "inline":
                text = _inline_text(t)
                if text:
                    current.append(text)
        if current:
            items.append(" ".join(current))
        if items:
            previous = self.blocks[-1] if self.blocks else None
            self.blocks.append(make_list(ordered, items, previous))
        return end + 1


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    if isinstance(value, str) and value.strip():
        return tuple(p.strip() for p in re.split(r"\s*(?:,|;|&|\band\b)\s*", value) if p.strip())
    return ()


def parse_markdown(text: str, source: str) -> Document:
    """Parse a Markdown source into the document model."""
    fields, used, body = _front_matter(text)
    language = str(fields.get("lang") or fields.get("language") or "")
    if not _LANG_TAG.fullmatch(language):
        language = detect_language(body)
    md = MarkdownIt("commonmark").enable("table")
    reader = _Reader(md.parse(body), used, language, text.split("\n"))
    reader.run()
    removed = [
        Removed(n + 1, line.strip(), "C907", bp.STRUCTURAL["C907"])
        for n, line in enumerate(text.split("\n")[:used])
        if line.strip()
    ]
    blocks = reader.blocks
    title = str(fields.get("title") or "").strip()
    if title and reader.h1 and reader.h1 != title:
        blocks.insert(0, Heading(2, reader.h1))
    title = title or reader.h1 or ""
    if not title:
        first = next((b for b in blocks if isinstance(b, Paragraph | Heading)), None)
        if first is None:
            raise NoContent("has no article text, only boilerplate", source)
        title, keep = title_of(first.text)
        if not keep:
            blocks.remove(first)
    authors = _names(fields.get("authors") or fields.get("author"))
    date_text = fields.get("date")
    date = parse_date(str(date_text), language=language) if date_text else None
    return Document(
        title=title,
        source=source,
        body=tuple(blocks),
        subtitle=str(fields["subtitle"]) if fields.get("subtitle") else None,
        authors=authors,
        publisher=str(fields["publisher"]) if fields.get("publisher") else None,
        date=date,
        language=language,
        url=str(fields["url"]) if fields.get("url") else None,
        removed=tuple(sorted(removed + reader.removed, key=lambda r: r.line)),
    )
