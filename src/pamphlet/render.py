"""The one place where the document becomes markup: Jinja2, autoescape on.

`render_html` gives the whole document (dist/<stem>.html, and with
target="print" the page WeasyPrint lays out); `render_part` gives one section
(article, comments) for the EPUB, from the same templates and macros.
The markup is polyglot: well-formed XHTML that browsers read as HTML5.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path

import jinja2

from .model import Block, Document, Heading, ListBlock, Paragraph
from .typography import format_date, smarten

TEMPLATES = Path(str(resources.files("pamphlet") / "templates"))
# In a checkout, src/pamphlet/styles is a link to the repository's styles/;
# an installed package carries a copy. Either way this is the one place.
PACKAGE_STYLES = Path(str(resources.files("pamphlet") / "styles")).resolve()


def styles_dir() -> Path:
    return PACKAGE_STYLES


def read_style(name: str) -> str:
    return (styles_dir() / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class RenderOptions:
    target: str = "screen"  # "screen" (dist HTML), "print" (PDF), "epub"
    css: str = ""  # inlined into <style> (screen and print)
    css_href: str | None = None  # linked instead (EPUB)
    built: datetime | None = None  # when the build ran (from the pipeline)
    qr_svg: str | None = None  # a QR code of the URL, made by us (print)
    extra: dict[str, str] = field(default_factory=dict)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = format_date
    return env


_ENV = _environment()


def sections(doc: Document) -> list[dict[str, str]]:
    """The parts a reader can jump to, in order: id and label (for TOC and bookmarks)."""
    out = [{"id": "article", "label": doc.title}]
    for number, demands in enumerate(doc.demands, start=1):
        label = "Demands" if not doc.language.startswith(("ru", "kk")) else "Требования"
        out.append({"id": f"demands-{number}", "label": label, "where": demands.where})
    if doc.comments:
        out.append({"id": "comments", "label": labels(doc)["comments"]})
    return out


def labels(doc: Document) -> dict[str, str]:
    """Words the templates print, in the document's language."""
    thread = doc.kind == "thread"
    if doc.language.startswith(("ru", "kk")):
        return {
            "comments": "Ответы" if thread else "Комментарии",
            "by": "Автор",
            "in_reply_to": "В ответ",
            "demands": "Требования",
            "source": "Источник",
            "published": "Опубликовано",
            "built": "Собрано",
            "made_with": "Сделано программой pamphlet",
            "printed_by": "Напечатано и распространено:",
            "contents": "Содержание",
            "anonymous": "Аноним",
        }
    return {
        "comments": "Replies" if thread else "Comments",
        "by": "By",
        "in_reply_to": "In reply to",
        "demands": "Demands",
        "source": "Source",
        "published": "Published",
        "built": "Made",
        "made_with": "Made with pamphlet",
        "printed_by": "Printed and distributed by:",
        "contents": "Contents",
        "anonymous": "Anonymous",
    }


def _context(doc: Document, options: RenderOptions) -> dict[str, object]:
    lang = doc.language

    def typo(text: str | None) -> str:
        return smarten(text or "", lang)

    return {
        "doc": doc,
        "opt": options,
        "lang": lang,
        "typo": typo,
        "labels": labels(doc),
        "sections": sections(doc),
        "body_groups": group_blocks(doc.body, 0),
        "body_offset": heading_offset(doc.body, 2),
        "comment_offsets": [heading_offset(c.body, 3) for c in doc.comments],
        "comment_groups": _comment_groups(doc),
    }


@dataclass(frozen=True)
class Group:
    """A block as the templates lay it out; a demands list carries its intro along."""

    block: Block
    intro: str | None = None
    anchor: str | None = None


def group_blocks(blocks: tuple[Block, ...], demands_before: int) -> list[Group]:
    """Pair each demands list with the paragraph that introduces it."""
    groups: list[Group] = []
    number = demands_before
    for block in blocks:
        if isinstance(block, ListBlock) and block.demands:
            number += 1
            intro = None
            last = groups[-1].block if groups else None
            if isinstance(last, Paragraph) and block.intro and last.text == block.intro:
                groups.pop()
                intro = last.text
            groups.append(Group(block, intro, f"demands-{number}"))
        else:
            groups.append(Group(block))
    return groups


def heading_offset(blocks: tuple[Block, ...], top: int) -> int:
    """What to add to the model's heading levels so the highest one becomes `top`."""
    levels = [b.level for b in blocks if isinstance(b, Heading)]
    return top - min(levels) if levels else 0


def _comment_groups(doc: Document) -> list[list[Group]]:
    before = sum(1 for b in doc.body if isinstance(b, ListBlock) and b.demands)
    out = []
    for comment in doc.comments:
        groups = group_blocks(comment.body, before)
        before += sum(1 for g in groups if g.anchor)
        out.append(groups)
    return out


def render_html(doc: Document, options: RenderOptions | None = None) -> str:
    """The whole document as one HTML page."""
    options = options or RenderOptions()
    return _ENV.get_template("document.html").render(_context(doc, options))


def render_part(doc: Document, part: str, options: RenderOptions | None = None) -> str:
    """One part ("article", "comments") as a whole XHTML file, for the EPUB."""
    options = options or RenderOptions(target="epub")
    return _ENV.get_template("chapter.xhtml").render(_context(doc, options), part=part)
