"""The Markdown reader: front matter, headings, lists with demands, figures, tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from pamphlet.errors import NoContent
from pamphlet.model import Figure, Heading, ListBlock, Paragraph, Quote
from pamphlet.sources.markdown import parse_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def test_front_matter_and_blocks():
    path = FIXTURES / "front_matter.md"
    doc = parse_markdown(path.read_text(encoding="utf-8"), str(path))
    assert doc.title == "Nurses Walk Out: What Comes Next"
    assert doc.authors == ("Jane Doe", "Tom Lee")
    assert doc.date == "2023-03-12" and doc.url == "https://example.org/nurses"
    assert doc.language == "en"
    assert doc.body[0] == Paragraph(
        "Thousands of nurses walked out on Monday in the largest health strike for a decade."
    )
    assert doc.body[1] == Figure(
        "Nurses on the picket line at St Mary's", "picket.jpg", "Nurses on the picket line"
    )
    assert Heading(2, "The demands") in doc.body
    (demands,) = doc.demands
    assert demands.intro == "Our demands are:"
    assert demands.items == ("Pay restoration to 2010 levels", "Safe staffing ratios on every ward")
    assert Quote("An injury to one is an injury to all.") in doc.body
    assert Paragraph("St Mary's | 1,200") in doc.body
    assert Paragraph("Strike pay is £50 a day.") in doc.body
    removed = {r.line: r for r in doc.removed}
    assert [removed[n].code for n in range(1, 8)] == ["C907"] * 7
    assert removed[32].text == "Share this:" and removed[32].code == "C301"


def test_h1_title_and_russian_demands():
    path = FIXTURES / "plain_title.md"
    doc = parse_markdown(path.read_text(encoding="utf-8"), str(path))
    assert doc.title == "Мы требуем справедливости" and doc.language == "ru"
    (lst,) = [b for b in doc.body if isinstance(b, ListBlock)]
    assert lst.demands and not lst.ordered and lst.intro == "Наши требования:"


def test_no_heading_uses_first_paragraph():
    doc = parse_markdown("A plain first line.\n\nSecond paragraph.\n", "x.md")
    assert doc.title == "A plain first line."
    assert doc.body == (Paragraph("Second paragraph."),)


def test_nothing_but_rules_raises():
    with pytest.raises(NoContent):
        parse_markdown("---\n\n***\n", "x.md")


def test_list_without_demand_intro():
    doc = parse_markdown("# T\n\nShopping:\n\n- bread\n- milk\n", "x.md")
    assert doc.body[-1] == ListBlock(False, ("bread", "milk"))
