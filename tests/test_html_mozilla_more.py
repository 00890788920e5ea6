"""More of an article the extractor drops, put back from the page: its reference sections
("See also", "External links"), list items cut short at a nested block, an infobox's rows, a
caption that repeats a sentence or follows its picture after the kept text, the heading above
the first kept paragraph, a standfirst the page marks as its description; and a class saying
"no caption" is not a caption. Each near miss stays out."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from pamphlet.model import Figure, Heading, ListBlock, Paragraph
from pamphlet.sources.html_blocks import ImageIndex, html_blocks, texts_of
from pamphlet.sources.html_furniture import furniture
from pamphlet.sources.html_lead import with_standfirst
from pamphlet.sources.html_region import with_region

PROSE = [
    "The river authority opened its new flood barrier on Monday after four years of work "
    "and a long argument about who would pay for the last stretch of the wall.",
    "Engineers say the barrier will protect about two thousand homes along the lower valley "
    "from the kind of winter floods that closed the town centre twice last decade.",
    "The authority will publish its maintenance plan in the spring, once the first season "
    "of high water has shown how the gates behave under real pressure from the river.",
]
LINKS = ["Flood barriers of the world", "River engineering in the lower valley",
         "History of the valley floods"]


def _text(blocks) -> str:
    return " ".join(t for b in blocks for t in texts_of(b))


def _images(tmp_path: Path) -> ImageIndex:
    return ImageIndex(base_dir=tmp_path, allow_remote=False)


def _kept(prose: list[str] = PROSE) -> list[Paragraph]:
    return [Paragraph(p) for p in prose]


def _page(inner: str, title: str = "Flood barrier opens") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><div class='entry'>{inner}</div></main><footer>Contact us</footer>"
        "</body></html>"
    )


def _prose(prose: list[str] = PROSE) -> str:
    return "".join(f"<p>{p}</p>" for p in prose)


def _links(names: list[str]) -> str:
    items = "".join(f"<li><a href='/wiki/{n.replace(' ', '_')}'>{n}</a></li>" for n in names)
    return f"<ul>{items}</ul>"


# ---- reference sections ------------------------------------------------------------------


def test_a_see_also_list_after_the_kept_text_comes_back(tmp_path):
    tree = _page(_prose() + "<h2>See also</h2>" + _links(LINKS))
    out = with_region(tree, _kept(), _images(tmp_path))
    text = _text(out)
    assert all(name in text for name in LINKS)
    assert text.index(PROSE[-1]) < text.index(LINKS[0])
    assert any(isinstance(b, Heading) and b.text == "See also" for b in out)


def test_an_external_links_list_behind_a_notice_box_comes_back(tmp_path):
    notice = "<table class='mbox'><tr><td>Media related to the barrier.</td></tr></table>"
    tree = _page(_prose() + "<h2>External links[edit]</h2>" + notice + _links(LINKS))
    out = with_region(tree, _kept(), _images(tmp_path))
    assert all(name in _text(out) for name in LINKS)


def test_a_list_of_links_under_another_heading_stays_out(tmp_path):
    tree = _page(_prose() + "<h2>More from our newsroom</h2>" + _links(LINKS))
    out = with_region(tree, _kept(), _images(tmp_path))
    assert not any(name in _text(out) for name in LINKS)


def test_a_reference_section_list_is_not_furniture_but_a_related_box_is():
    tree = lxml.html.fromstring(
        "<div><h2>Further reading</h2><div class='box'>Portal</div>" + _links(LINKS)
        + "<h2>Related</h2>" + _links(LINKS) + "</div>"
    )
    first, second = tree.findall("ul")
    assert not furniture(first, region_chars=10_000)
    assert furniture(second, region_chars=10_000)


# ---- list items cut short -----------------------------------------------------------------

REFERENCES = [
    'Hall, Ann (2019). "Barriers and the valley". River Review. Archived from the original '
    "on 2019-04-02. Retrieved 2020-01-05.",
    'Stone, Ben (2020). "Who pays for the wall". Valley Times. Retrieved 2021-03-09.',
    'Ward, Cas (2021). "Gates under pressure". Engineering Today. Retrieved 2021-11-19.',
]


def _reference_page() -> lxml.html.HtmlElement:
    items = []
    for ref in REFERENCES:
        head, _, tail = ref.partition(". ")
        # a script's badge (a <div>) inside the citation: the extractor ends the item there
        items.append(f"<li>{head}.<div class='badge'></div> {tail}</li>")
    return _page(_prose() + "<h2>References</h2><ol>" + "".join(items) + "</ol>")


def test_list_items_cut_short_at_a_nested_block_are_made_whole(tmp_path):
    cut = tuple(ref.partition(". ")[0] + "." for ref in REFERENCES)
    blocks = [*_kept(), Heading(2, "References"), ListBlock(True, cut)]
    out = with_region(_reference_page(), blocks, _images(tmp_path))
    lists = [b for b in out if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert lists[0].items == tuple(REFERENCES)


def test_a_list_that_is_not_the_pages_list_item_for_item_is_left_as_it_is(tmp_path):
    # the same first item, but a different list (another count of items): not a cut-short copy
    cut = (REFERENCES[0].partition(". ")[0] + ".", "Another reference entirely, 2018.")
    blocks = [*_kept(), Heading(2, "References"), ListBlock(True, cut)]
    out = with_region(_reference_page(), blocks, _images(tmp_path))
    lists = [b for b in out if isinstance(b, ListBlock) and b.items[0] == cut[0]]
    assert lists and lists[0].items[:2] == cut


# ---- an infobox's rows --------------------------------------------------------------------


def _table(rows: str, headed: bool = True) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div><table class='infobox'>{rows}</table></div>")


def _row(name: str, value: str, cell: str = "th") -> str:
    return f"<tr><{cell}>{name}</{cell}><td>{value}</td></tr>"


def test_an_infobox_row_with_a_list_of_links_is_one_line(tmp_path):
    languages = "<div class='plainlist'>" + _links(["English", "Maori", "NZ Sign Language"])
    rows = _row("Capital", "Wellington") + _row("Official languages", languages + "</div>")
    rows += _row("<div><a href='/wiki/Statute'>Statute adopted</a></div>", "25 November 1947")
    blocks = html_blocks(_table(rows), _images(tmp_path))
    texts = [" ".join(texts_of(b)) for b in blocks]
    assert "Official languages | English Maori NZ Sign Language" in texts
    assert "Statute adopted | 25 November 1947" in texts
    assert not any(isinstance(b, ListBlock) for b in blocks)


def test_a_navigation_box_and_a_layout_table_are_still_read_as_blocks(tmp_path):
    nav = "".join(
        _row(group, _links([f"{group} {n}" for n in range(4)]))
        for group in ("Cities", "Regions", "Culture")
    )
    blocks = html_blocks(_table(nav), _images(tmp_path))
    assert any(isinstance(b, ListBlock) for b in blocks)  # each row's links, as lists
    layout = _row("<p>Menu</p>", "<p>One paragraph.</p><p>Another paragraph.</p>", "td")
    texts = [" ".join(texts_of(b)) for b in html_blocks(_table(layout), _images(tmp_path))]
    assert "One paragraph." in texts and "Another paragraph." in texts


# ---- captions -----------------------------------------------------------------------------

ECHO = "Engineers tested the gates with a full tank of river water before the opening."


def test_a_caption_that_repeats_a_kept_sentence_comes_back(tmp_path):
    prose = [PROSE[0], f"{PROSE[1]} {ECHO}", PROSE[2]]
    figure = f"<div class='image'><img src='gate.jpg'><div class='caption'>{ECHO}</div></div>"
    tree = _page(_prose(prose[:2]) + figure + _prose(prose[2:]))
    out = with_region(tree, _kept(prose), _images(tmp_path))
    assert any(isinstance(b, Figure) and b.caption == ECHO for b in out)


def test_a_caption_the_extraction_holds_whole_is_not_repeated(tmp_path):
    figure = f"<div class='image'><img src='gate.jpg'><div class='caption'>{ECHO}</div></div>"
    tree = _page(_prose(PROSE[:2]) + figure + _prose(PROSE[2:]))
    blocks = [*_kept(PROSE[:2]), Paragraph(ECHO), *_kept(PROSE[2:])]
    out = with_region(tree, blocks, _images(tmp_path))
    assert sum(ECHO in t for b in out for t in texts_of(b)) == 1


CREDIT = "Photograph by the river authority"


def test_a_caption_after_its_picture_after_the_kept_text_comes_back(tmp_path):
    picture = (
        "<div class='step'><figure><img src='gate.jpg' alt='The new gate'></figure>"
        f"<figcaption class='caption'>{CREDIT}</figcaption></div>"
    )
    tree = _page(_prose() + picture)
    out = with_region(tree, _kept(), _images(tmp_path))
    assert any(isinstance(b, Figure) and b.caption == CREDIT for b in out)


def test_a_caption_after_other_text_past_the_kept_text_stays_out(tmp_path):
    tail = (
        "<p>Share this story with your friends and neighbours today</p>"
        f"<figure><img src='ad.jpg' alt='An advert'></figure><figcaption>{CREDIT}</figcaption>"
    )
    out = with_region(_page(_prose() + tail), _kept(), _images(tmp_path))
    assert CREDIT not in _text(out)


def test_a_class_saying_no_caption_is_not_a_caption(tmp_path):
    heading = "The mother of the engineer described the opening day as a long time coming"
    item = lxml.html.fromstring(
        f"<div><div class='list_item image no_caption'><h2>{heading}</h2>"
        "<div><img src='x.jpg' alt='A gate'></div></div></div>"
    )
    blocks = html_blocks(item, _images(tmp_path))
    assert any(isinstance(b, Heading) and b.text == heading for b in blocks)
    assert not any(isinstance(b, Figure) and b.caption and heading in b.caption for b in blocks)


# ---- the first section's heading ----------------------------------------------------------


def test_the_heading_above_the_first_kept_paragraph_comes_back(tmp_path):
    tree = _page("<h2>The release plan</h2>" + _prose())
    out = with_region(tree, _kept(), _images(tmp_path))
    assert isinstance(out[0], Heading) and out[0].text == "The release plan"


def test_a_heading_that_says_the_pages_title_is_not_repeated(tmp_path):
    tree = _page("<h2>Flood barrier opens</h2>" + _prose(), title="Flood barrier opens | News")
    out = with_region(tree, _kept(), _images(tmp_path))
    assert not any(isinstance(b, Heading) for b in out)


# ---- a standfirst marked as the description -----------------------------------------------

DEK = "The valley's new barrier is the largest flood defence built in the region since the war"


def _headed(attrs: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        "<html><body><article><div class='top'><h1>Flood barrier opens</h1>"
        f"<p {attrs}>{DEK}</p></div>{_prose()}</article></body></html>"
    )


def test_a_description_right_under_the_headline_is_the_standfirst():
    out = with_standfirst(_headed("itemprop='description'"), _kept(), "Flood barrier opens")
    assert out[0] == Paragraph(DEK)


def test_an_unmarked_line_under_a_headline_outside_a_header_is_not():
    out = with_standfirst(_headed("class='intro'"), _kept(), "Flood barrier opens")
    assert out == _kept()
