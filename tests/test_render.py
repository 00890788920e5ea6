"""The one HTML rendering: structure, escaping, typography on text nodes."""

from __future__ import annotations

import dataclasses

from lxml import etree
from sample import DEMAND_INTRO, DEMANDS, sample_document

from pamphlet.model import Document, Paragraph
from pamphlet.render import RenderOptions, render_html, render_part, sections
from pamphlet.typography import format_date, plain, smarten


def test_document_has_title_block_article_demands_and_comments() -> None:
    html = render_html(sample_document())
    root = etree.fromstring(html.split("\n", 1)[1].encode())  # after the doctype
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    assert root.get("lang") == "en"
    assert root.findtext(".//h:h1", namespaces=ns) == "Depot workers strike over pay cuts"
    box = root.find(".//h:section[@class='demands']", ns)
    assert box is not None and box.get("id") == "demands-1"
    assert box.findtext("h:h2", namespaces=ns) == DEMAND_INTRO  # in the body: under the h1
    items = [li.text for li in box.findall("h:ol/h:li", ns)]
    assert [plain(i) for i in items] == list(DEMANDS)
    # the intro is inside the box, not printed twice
    assert html.count(DEMAND_INTRO) == 1
    comments = root.findall(".//h:section[@id='comments']/h:article", ns)
    assert len(comments) == 2
    assert "reply" in comments[1].get("class")


def test_parts_are_well_formed_xhtml() -> None:
    for lang in ("en", "ru"):
        doc = sample_document(lang)
        for part in ("article", "comments"):
            root = etree.fromstring(render_part(doc, part).encode())
            assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang


def test_source_text_is_never_markup() -> None:
    evil = '<script>alert(1)</script> {{ 7*7 }} {% raw %} <b>bold</b> & "x"'
    doc = dataclasses.replace(sample_document(), title=evil, body=(Paragraph(evil),))
    html = render_html(doc)
    assert "<script>" not in html and "<b>bold" not in html
    assert "&lt;script&gt;" in html and "{{ 7*7 }}" in html and "{% raw %}" in html
    assert "49" not in html


def test_sections_follow_the_document() -> None:
    ids = [s["id"] for s in sections(sample_document())]
    assert ids == ["article", "demands-1", "comments"]
    bare = Document(title="T", source="x", body=(Paragraph("p"),))
    assert [s["id"] for s in sections(bare)] == ["article"]


def test_css_is_inlined_only_when_given() -> None:
    assert "<style>" not in render_html(sample_document())
    assert ".x{}" in render_html(sample_document(), RenderOptions(css=".x{}"))


def test_smarten_english_and_russian() -> None:
    assert smarten('He said "no" -- and left', "en") == "He said \u201cno\u201d \u2013 and left"
    assert smarten("a well--known case", "en") == "a well\u2014known case"
    assert smarten("it's 2018-20", "en") == "it\u2019s 2018\u201320"
    assert smarten('Он сказал "нет"', "ru") == "Он сказал «нет»"
    assert smarten("a - b", "en") == "a \u2013 b"
    assert smarten("a - b", "ru") == "a\u00a0\u2014 b"


def test_plain_undoes_smarten() -> None:
    text = 'He said "no" - it\'s 50 km from 2018-20, J. Smith'
    assert plain(smarten(text, "en")) == text


def test_format_date() -> None:
    assert format_date("2022-01-11T03:25", "en") == "11 January 2022"
    assert format_date("2022-01-11T03:25", "en", with_time=True) == "11 January 2022, 03:25"
    assert format_date("2022-01-07", "ru") == "7 января 2022"
    assert format_date(None) == ""
    assert format_date("not a date") == "not a date"


def test_heading_levels_never_skip() -> None:
    from pamphlet.model import Comment, Heading

    doc = dataclasses.replace(
        sample_document(),
        body=(Heading(3, "Deep"), Paragraph("text")),
        comments=(
            Comment("A", None, (Paragraph("one"),)),
            Comment("B", None, (Heading(1, "Top in comment"), Paragraph("two"))),
        ),
    )
    html = render_html(doc)
    assert "<h2>Deep</h2>" in html
    assert "<h3>Top in comment</h3>" in html
