"""The one document model every reader produces and every writer consumes.

All parts are frozen dataclasses holding tuples, so a Document can be shared
between exporters without anyone changing it under another's feet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Paragraph:
    text: str
    type: str = field(default="paragraph", init=False)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    type: str = field(default="heading", init=False)


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[str, ...]
    demands: bool = False
    intro: str | None = None
    type: str = field(default="list", init=False)


@dataclass(frozen=True)
class Quote:
    text: str
    type: str = field(default="quote", init=False)


@dataclass(frozen=True)
class Figure:
    caption: str | None
    src: str | None = None
    alt: str | None = None
    type: str = field(default="figure", init=False)


Block = Paragraph | Heading | ListBlock | Quote | Figure


@dataclass(frozen=True)
class Comment:
    author: str | None
    date: str | None
    body: tuple[Block, ...]
    in_reply_to: str | None = None


@dataclass(frozen=True)
class Demands:
    intro: str | None
    items: tuple[str, ...]
    where: str  # "body" or "comment N" (1-based)


@dataclass(frozen=True)
class Removed:
    line: int
    text: str
    code: str
    reason: str


@dataclass(frozen=True)
class Document:
    title: str
    source: str
    body: tuple[Block, ...] = ()
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    date: str | None = None
    language: str = "en"
    url: str | None = None
    comments: tuple[Comment, ...] = ()
    removed: tuple[Removed, ...] = ()
    # "article": the comments are readers' responses under an article;
    # "thread": the page is a discussion (a forum thread) and the replies are its content.
    kind: str = "article"

    @property
    def demands(self) -> tuple[Demands, ...]:
        """Every list of demands, wherever it stands, derived from the blocks."""
        found: list[Demands] = []
        for block in self.body:
            if isinstance(block, ListBlock) and block.demands:
                found.append(Demands(block.intro, block.items, "body"))
        for number, comment in enumerate(self.comments, start=1):
            for block in comment.body:
                if isinstance(block, ListBlock) and block.demands:
                    found.append(Demands(block.intro, block.items, f"comment {number}"))
        return tuple(found)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "date": self.date,
            "language": self.language,
            "url": self.url,
            "source": self.source,
            "kind": self.kind,
            "body": [block_to_dict(b) for b in self.body],
            "comments": [
                {
                    "author": c.author,
                    "date": c.date,
                    "in_reply_to": c.in_reply_to,
                    "body": [block_to_dict(b) for b in c.body],
                }
                for c in self.comments
            ],
            "demands": [
                {"intro": d.intro, "items": list(d.items), "where": d.where}
                for d in self.demands
            ],
            "removed": [
                {"line": r.line, "text": r.text, "code": r.code, "reason": r.reason}
                for r in self.removed
            ],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            title=data["title"],
            subtitle=data.get("subtitle"),
            authors=tuple(data.get("authors", ())),
            publisher=data.get("publisher"),
            date=data.get("date"),
            language=data.get("language", "en"),
            url=data.get("url"),
            kind=data.get("kind", "article"),
            source=data["source"],
            body=tuple(block_from_dict(b) for b in data.get("body", ())),
            comments=tuple(
                Comment(
                    author=c.get("author"),
                    date=c.get("date"),
                    in_reply_to=c.get("in_reply_to"),
                    body=tuple(block_from_dict(b) for b in c.get("body", ())),
                )
                for c in data.get("comments", ())
            ),
            removed=tuple(
                Removed(r["line"], r["text"], r["code"], r["reason"])
                for r in data.get("removed", ())
            ),
        )

    def texts(self, *, reader_comments: bool = True) -> list[str]:
        """Every piece of text the reader will see, in order (for checks).

        With ``reader_comments=False``, only the page's main content: the article without the
        comments under it (a discussion's replies are its content and stay).
        """
        out = [self.title]
        if self.subtitle:
            out.append(self.subtitle)
        for block in self.body:
            out.extend(block_texts(block))
        if reader_comments or self.kind == "thread":
            for comment in self.comments:
                for block in comment.body:
                    out.extend(block_texts(block))
        return out


def block_texts(block: Block) -> list[str]:
    if isinstance(block, ListBlock):
        return list(block.items)
    if isinstance(block, Figure):
        return [block.caption] if block.caption else []
    return [block.text]


def block_to_dict(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": block.text}
    if isinstance(block, Heading):
        return {"type": "heading", "level": block.level, "text": block.text}
    if isinstance(block, ListBlock):
        return {
            "type": "list",
            "ordered": block.ordered,
            "items": list(block.items),
            "demands": block.demands,
            "intro": block.intro,
        }
    if isinstance(block, Quote):
        return {"type": "quote", "text": block.text}
    return {"type": "figure", "caption": block.caption, "src": block.src, "alt": block.alt}


def block_from_dict(data: dict[str, Any]) -> Block:
    kind = data["type"]
    if kind == "paragraph":
        return Paragraph(data["text"])
    if kind == "heading":
        return Heading(int(data["level"]), data["text"])
    if kind == "list":
        return ListBlock(
            bool(data["ordered"]),
            tuple(data["items"]),
            bool(data.get("demands", False)),
            data.get("intro"),
        )
    if kind == "quote":
        return Quote(data["text"])
    if kind == "figure":
        return Figure(data.get("caption"), data.get("src"), data.get("alt"))
    raise ValueError(f"unknown block type {kind!r}")
