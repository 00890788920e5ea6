"""The HTML reader finds article text where the page puts it out of the way: the parts a
streaming server renderer sends after the page, hidden, for a script to move into place."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from pamphlet.model import Heading, ListBlock, Paragraph
from pamphlet.sources.html import parse_html
from pamphlet.sources.html_streamed import drop_fallbacks, place_streamed

PARA = (
    "<p>{} The committee met on Tuesday and discussed the budget for the coming year in some"
    " detail, with several members raising concerns about rising costs.</p>"
)


def _read(html: str, tmp_path: Path):
    return parse_html(html, "page.html", base_dir=tmp_path)


def _streamed_page(boundary: str) -> str:
    """An article whose second section is streamed: a template where it belongs and the
    section itself, hidden, after the footer."""
    first = "".join(PARA.format(f"Paragraph {i}.") for i in range(3))
    later = "".join(PARA.format(f"Later paragraph {i}.") for i in range(3))
    return (
        "<html><head><title>Budget news</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<main><article><h1>Budget news</h1>{first}{boundary}</article></main>"
        "<footer>Copyright 2024 The Town Paper</footer>"
        '<div hidden id="S:1f"><h2>What the money buys</h2>'
        "<ul><li>New roofs for the two primary schools</li>"
        "<li>A second ambulance for the northern villages</li></ul>"
        f"{later}</div></body></html>"
    )


def _section_in_place(blocks: list) -> None:
    texts = [" ".join(getattr(b, "items", ()) or (getattr(b, "text", ""),)) for b in blocks]
    heading = next(i for i, b in enumerate(blocks) if isinstance(b, Heading))
    assert blocks[heading].text == "What the money buys"
    assert "Paragraph 2." in texts[heading - 1]
    assert isinstance(blocks[heading + 1], ListBlock)
    assert "second ambulance" in texts[heading + 1]
    assert "Later paragraph 0." in texts[heading + 2]


def test_streamed_placeholder_part_is_read_in_place(tmp_path: Path) -> None:
    doc = _read(_streamed_page('<template id="P:1f"></template>'), tmp_path)
    _section_in_place(list(doc.body))


def test_streamed_boundary_part_replaces_its_fallback(tmp_path: Path) -> None:
    boundary = (
        '<!--$?--><template id="B:1f"></template><p>Loading section: the rest of this article'
        " will be shown here once your browser has finished loading it.</p><!--/$-->"
    )
    doc = _read(_streamed_page(boundary), tmp_path)
    blocks = list(doc.body)
    _section_in_place(blocks)
    assert not any("Loading section" in str(b) for b in blocks)


def test_place_streamed_keeps_text_around_the_template() -> None:
    tree = lxml.html.document_fromstring(
        '<html><body><p>Before <template id="P:2"></template> after.</p>'
        '<div hidden id="S:2">middle <b>bold</b> end</div></body></html>'
    )
    assert place_streamed(tree) == 1
    assert tree.find("body").text_content() == "Before middle bold end after."
    assert tree.find(".//template") is None


def test_place_streamed_leaves_unmatched_hidden_divs_alone() -> None:
    tree = lxml.html.document_fromstring(
        '<html><body><p>Text <template id="P:3"></template></p>'
        '<div hidden id="S:4">Elsewhere</div><div hidden id="other">Menu</div></body></html>'
    )
    assert place_streamed(tree) == 0
    assert tree.find(".//template") is not None
    assert tree.get_element_by_id("S:4").text == "Elsewhere"


def test_drop_fallbacks_only_between_a_boundary_and_its_end() -> None:
    text = (
        '<!--$?--><template id="B:0"></template><div class="spinner">Loading</div><!--/$-->'
        "<p>Kept</p><!--/$-->"
    )
    kept = '<!--$?--><template id="B:0"></template><!--/$--><p>Kept</p><!--/$-->'
    assert drop_fallbacks(text) == kept
    assert drop_fallbacks("<p>No boundary</p>") == "<p>No boundary</p>"


# ---- runs of like items the extractor kept in part (html_gaps) -----------------------------

COURSES = [
    ("HTML", "A solid overview of HTML for developers, from novice to expert level."),
    ("CSS", "A guide to CSS with modules covering everything from layout to colour."),
    ("JavaScript", "An in-depth course on the basics of JavaScript for the web platform."),
    ("Performance", "A course for those new to web performance, a vital part of the experience."),
    ("Privacy", "A course to help you build websites that respect their readers' privacy."),
]
INTRO = (
    "Explore our growing collection of courses on key web design and development subjects,"
    " each written by an expert and reviewed by the team."
)


def _cards(card_class: str = "course-card", wrapper: str = '<div class="course-grid">') -> str:
    cards = "".join(
        f'<div class="{card_class}"><h3><a href="/learn/{name.lower()}">Learn {name}</a></h3>'
        f'<p class="summary">{text}</p></div>'
        for name, text in COURSES
    )
    return (
        f"<html><body><main><h1>Learn web development</h1><p>{INTRO}</p>"
        f"{wrapper}{cards}</div></main></body></html>"
    )


def _region_blocks(html: str, extracted: list, tmp_path: Path):
    from pamphlet.sources.html_blocks import ImageIndex
    from pamphlet.sources.html_gaps import with_kept_items

    tree = lxml.html.document_fromstring(html)
    region = tree.find(".//main")
    images = ImageIndex(base_dir=tmp_path, allow_remote=False)
    return with_kept_items(region, extracted, images), tree, images


def _texts(blocks) -> list[str]:
    return [getattr(b, "text", "") for b in blocks]


def test_cards_dropped_beside_kept_ones_come_back_in_order(tmp_path: Path) -> None:
    # the extractor kept the intro and two of the five cards
    extracted = [
        Paragraph(INTRO),
        Heading(3, "Learn CSS"),
        Paragraph(COURSES[1][1]),
        Heading(3, "Learn Performance"),
        Paragraph(COURSES[3][1]),
    ]
    out, _, _ = _region_blocks(_cards(), extracted, tmp_path)
    texts = _texts(out)
    for name, text in COURSES:
        assert f"Learn {name}" in texts and text in texts
    assert texts.index("Learn HTML") < texts.index("Learn CSS")
    assert texts.index(COURSES[2][1]) < texts.index("Learn Performance")
    assert texts[-1] == COURSES[4][1]
    assert sum(t == "Learn CSS" for t in texts) == 1  # what was kept is not said twice


def test_cards_come_back_through_the_region_walk(tmp_path: Path) -> None:
    from pamphlet.sources.html_blocks import ImageIndex
    from pamphlet.sources.html_region import with_region

    tree = lxml.html.document_fromstring(_cards())
    extracted = [Paragraph(INTRO), Paragraph(COURSES[1][1]), Paragraph(COURSES[3][1])]
    out = with_region(tree, extracted, ImageIndex(base_dir=tmp_path, allow_remote=False))
    assert COURSES[4][1] in _texts(out) and COURSES[0][1] in _texts(out)


def test_one_kept_card_is_not_a_run(tmp_path: Path) -> None:
    extracted = [Paragraph(INTRO), Paragraph(COURSES[1][1])]
    out, _, _ = _region_blocks(_cards(), extracted, tmp_path)
    assert out == extracted


def test_cards_in_a_related_box_stay_out(tmp_path: Path) -> None:
    extracted = [Paragraph(INTRO), Paragraph(COURSES[1][1]), Paragraph(COURSES[3][1])]
    html = _cards(wrapper='<div class="related-courses">')
    out, _, _ = _region_blocks(html, extracted, tmp_path)
    assert out == extracted


def test_cards_that_are_all_links_stay_out(tmp_path: Path) -> None:
    html = _cards().replace('<p class="summary">', '<p class="summary"><a href="/more">')
    html = html.replace("</p></div>", "</a></p></div>")
    extracted = [Paragraph(INTRO), Paragraph(COURSES[1][1]), Paragraph(COURSES[3][1])]
    out, _, _ = _region_blocks(html, extracted, tmp_path)
    assert out == extracted


def test_kept_items_of_unlike_shapes_are_sections_not_a_run(tmp_path: Path) -> None:
    sections = [
        '<div class="component"><h2>Updates</h2><ul class="dates"><li>May 1</li></ul>'
        f"<p>{COURSES[0][1]}</p></div>",
        '<div class="component"><table class="people"><tr><td>Ann Lee</td></tr></table>'
        f"<span>{COURSES[1][1]}</span></div>",
        '<div class="component"><section class="teaser"><em>Contact us</em></section>'
        f"<blockquote>{COURSES[2][1]}</blockquote></div>",
    ]
    html = f"<html><body><main><p>{INTRO}</p>{''.join(sections)}</main></body></html>"
    extracted = [Paragraph(INTRO), Paragraph(COURSES[0][1]), Paragraph(COURSES[1][1])]
    out, _, _ = _region_blocks(html, extracted, tmp_path)
    assert out == extracted


def test_rows_kept_in_part_get_their_titles_and_prices_back(tmp_path: Path) -> None:
    rows = [
        ("No power or troubleshooting", "$149+", "Includes the service call and a guaranteed"
         " solution, with free minor adjustments made on the spot."),
        ("Replacing a circuit breaker", "$89 - $249+", None),
        ("Replacing an electrical panel", "$1,595+", "Includes permits, breakers, the labour"
         " of two electricians and the inspection by the city."),
        ("Installing a car charger", "$289 - $1,200+", None),
    ]
    html_rows = "".join(
        f'<div class="price-row"><div class="item"><div class="what">{what}</div>'
        f'<div class="price">{price}</div></div>'
        + (f'<p class="note">{note}</p>' if note else "")
        + "</div>"
        for what, price, note in rows
    )
    html = (
        f"<html><body><main><p>{INTRO}</p><div class='prices'>{html_rows}</div>"
        "</main></body></html>"
    )
    extracted = [Paragraph(INTRO), Paragraph(rows[0][2]), Paragraph(rows[2][2])]
    out, _, _ = _region_blocks(html, extracted, tmp_path)
    texts = _texts(out)
    for what, price, _note in rows:
        assert what in texts and price in texts
    assert texts.index("Replacing a circuit breaker") > texts.index(rows[0][2])
    assert texts.index("Installing a car charger") > texts.index(rows[2][2])


# ---- a list of sentences just outside the extracted span (html_region) ----------------------

SUMMARY = [
    "We built a benchmark that replays the same blocks on every client.",
    "The fastest client leads in both the real and the merged-block tests.",
    "Teams can run the benchmark on their own state to tune their networks.",
]
NEXT = [
    "We want to test with a state much bigger than the one in use today.",
    "We will add two more clients once their snapshots can be downloaded.",
]


def _summary_page(summary: str, closing: str) -> str:
    body = "".join(PARA.format(f"Paragraph {i}.") for i in range(4))
    return (
        "<html><body><nav><a href='/'>Home</a></nav><div class='post'>"
        f"<h1>Benchmarks</h1>{summary}{body}{closing}</div>"
        "<footer>Copyright 2024 The Lab</footer></body></html>"
    )


def _ul(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{t}</li>" for t in items) + "</ul>"


def _with_region(html: str, tmp_path: Path) -> list:
    from pamphlet.sources.html_blocks import ImageIndex
    from pamphlet.sources.html_region import with_region

    tree = lxml.html.document_fromstring(html)
    extracted = [
        Paragraph(
            f"Paragraph {i}. The committee met on Tuesday and discussed the budget for the coming"
            " year in some detail, with several members raising concerns about rising costs."
        )
        for i in range(4)
    ]
    return with_region(tree, extracted, ImageIndex(base_dir=tmp_path, allow_remote=False))


def test_summary_and_closing_lists_of_sentences_come_back(tmp_path: Path) -> None:
    html = _summary_page(
        f"<h3>TL;DR</h3><p>\u200d</p>{_ul(SUMMARY)}", f"<h2>Next steps</h2>{_ul(NEXT)}"
    )
    out = _with_region(html, tmp_path)
    lists = [b for b in out if isinstance(b, ListBlock)]
    assert [b.items for b in lists] == [tuple(SUMMARY), tuple(NEXT)]
    first_paragraph = next(i for i, b in enumerate(out) if isinstance(b, Paragraph))
    assert out.index(lists[0]) < first_paragraph
    assert out[-1] == lists[1]


def test_lists_of_short_lines_or_set_apart_stay_out(tmp_path: Path) -> None:
    links = ["Home", "Budget archive", "Contact the desk"]
    apart = "<p>A longer line of text stands between this list and the article's text.</p>"
    html = _summary_page(_ul(links), apart + _ul(NEXT))
    out = _with_region(html, tmp_path)
    assert not any(isinstance(b, ListBlock) for b in out)
