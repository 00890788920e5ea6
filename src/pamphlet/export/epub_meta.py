"""What the EPUB says about itself: package metadata and the navigation document.

All of it comes from the model (never read back out of the HTML) and from
values the pipeline passes in, so the same document gives the same bytes.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ebooklib import epub
from lxml import etree

from ..model import Document, Figure
from ..render import labels

# A fixed namespace so identifiers are stable across machines and versions.
PAMPHLET_NS = uuid.UUID("6f1d0b8e-4c55-5b0e-9a36-2d1c8f6f4a11")
# When nothing better is known: the earliest time a zip entry can carry.
FALLBACK_MODIFIED = datetime(1980, 1, 1, tzinfo=UTC)

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def book_identifier(doc: Document) -> str:
    """urn:uuid: derived from the content (the model's JSON without the source path)."""
    data = doc.to_dict()
    data.pop("source", None)
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"urn:uuid:{uuid.uuid5(PAMPHLET_NS, canonical)}"


def _parse(text: str | None) -> datetime | None:
    """An ISO date or date-time of the model as written (naive or aware), or None."""
    if not text:
        return None
    raw = text.strip().replace(" ", "T")
    try:
        if "T" in raw:
            return datetime.fromisoformat(raw.replace("Z", "+00:00"))
        day = date.fromisoformat(raw)
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day)


def parse_when(text: str | None) -> datetime | None:
    """An ISO date or date-time of the model as an aware UTC datetime, or None."""
    moment = _parse(text)
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def modified_time(doc: Document, source_date_epoch: int | None) -> datetime:
    """dcterms:modified: SOURCE_DATE_EPOCH, else the article's date, else a fixed date."""
    if source_date_epoch is not None:
        return datetime.fromtimestamp(source_date_epoch, UTC)
    return parse_when(doc.date) or FALLBACK_MODIFIED


def publication_date(doc: Document) -> str | None:
    """dc:date as W3CDTF: the day of the article as written (its time zone is rarely known)."""
    moment = _parse(doc.date)
    return moment.date().isoformat() if moment else None


def has_images(doc: Document) -> bool:
    blocks = list(doc.body) + [b for c in doc.comments for b in c.body]
    return any(isinstance(b, Figure) and b.src for b in blocks)


def accessibility_summary(doc: Document) -> str:
    if doc.language.startswith(("ru", "kk")):
        return (
            "Текст статьи и комментариев с размеченными заголовками, списками и цитатами; "
            "оглавление ведёт к статье, требованиям и комментариям. Обложка описана текстом. "
            "Шрифт и размер выбирает читатель."
        )
    return (
        "The text of an article and its comments, with marked-up headings, lists and "
        "quotations; the table of contents leads to the article, the demands and the "
        "comments. The cover image is described in text. The reader chooses font and size."
    )


def add_metadata(book: epub.EpubBook, doc: Document, image_alts: bool) -> None:
    """Dublin Core and schema.org accessibility metadata, all from the model."""
    book.set_identifier(book_identifier(doc))
    book.set_title(doc.title)
    book.set_language(doc.language)
    for number, author in enumerate(doc.authors, start=1):
        book.add_author(author, role="aut", uid=f"creator-{number}")
    if doc.publisher:
        book.add_metadata("DC", "publisher", doc.publisher)
    when = publication_date(doc)
    if when:
        book.add_metadata("DC", "date", when)
    if doc.url:
        book.add_metadata("DC", "source", doc.url)
    if doc.subtitle:
        book.add_metadata("DC", "description", doc.subtitle)

    def meta(prop: str, value: str) -> None:
        book.add_metadata(None, "meta", value, {"property": prop})

    meta("schema:accessMode", "textual")
    meta("schema:accessMode", "visual")  # the cover, and any figures
    meta("schema:accessModeSufficient", "textual")
    features = [
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "displayTransformability",
    ]
    if image_alts:
        features.append("alternativeText")
    for feature in features:
        meta("schema:accessibilityFeature", feature)
    meta("schema:accessibilityHazard", "none")
    meta("schema:accessibilitySummary", accessibility_summary(doc))


@dataclass(frozen=True)
class NavEntry:
    href: str
    label: str


def nav_labels(doc: Document) -> dict[str, str]:
    if doc.language.startswith(("ru", "kk")):
        return {"landmarks": "Ориентиры", "cover": "Обложка", "start": "Начало текста"}
    return {"landmarks": "Landmarks", "cover": "Cover", "start": "Start of the text"}


def nav_document(
    doc: Document, entries: list[NavEntry], landmarks: list[tuple[str, str, str]], css: str
) -> bytes:
    """The EPUB 3 navigation document: the table of contents and the landmarks.

    `landmarks` holds (epub:type, href, label) triples.
    """
    lang = doc.language
    title = labels(doc)["contents"]
    html = etree.Element(f"{{{XHTML_NS}}}html", nsmap={None: XHTML_NS, "epub": EPUB_NS})
    html.set("lang", lang)
    html.set(XML_LANG, lang)
    head = etree.SubElement(html, f"{{{XHTML_NS}}}head")
    etree.SubElement(head, f"{{{XHTML_NS}}}meta", charset="utf-8")
    etree.SubElement(head, f"{{{XHTML_NS}}}title").text = title
    etree.SubElement(head, f"{{{XHTML_NS}}}link", rel="stylesheet", type="text/css", href=css)
    body = etree.SubElement(html, f"{{{XHTML_NS}}}body")

    toc = etree.SubElement(body, f"{{{XHTML_NS}}}nav", id="toc", role="doc-toc")
    toc.set(f"{{{EPUB_NS}}}type", "toc")
    toc.set("aria-labelledby", "toc-title")
    etree.SubElement(toc, f"{{{XHTML_NS}}}h1", id="toc-title").text = title
    ol = etree.SubElement(toc, f"{{{XHTML_NS}}}ol", {"class": "toc"})
    for entry in entries:
        li = etree.SubElement(ol, f"{{{XHTML_NS}}}li")
        etree.SubElement(li, f"{{{XHTML_NS}}}a", href=entry.href).text = entry.label

    words = nav_labels(doc)
    marks = etree.SubElement(body, f"{{{XHTML_NS}}}nav", id="landmarks", hidden="hidden")
    marks.set(f"{{{EPUB_NS}}}type", "landmarks")
    marks.set("aria-labelledby", "landmarks-title")
    etree.SubElement(marks, f"{{{XHTML_NS}}}h2", id="landmarks-title").text = words["landmarks"]
    ol = etree.SubElement(marks, f"{{{XHTML_NS}}}ol")
    for kind, href, label in landmarks:
        li = etree.SubElement(ol, f"{{{XHTML_NS}}}li")
        a = etree.SubElement(li, f"{{{XHTML_NS}}}a", href=href)
        a.set(f"{{{EPUB_NS}}}type", kind)
        a.text = label
    return etree.tostring(
        html, xml_declaration=True, encoding="utf-8", pretty_print=True, doctype="<!DOCTYPE html>"
    )
