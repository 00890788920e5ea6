"""Text the extractor cut from what it kept, made whole from the page: a list item whose
sub-list holds a captioned picture, a table row whose first cell is only a link, and a "See
also" list of short items whose words the article says elsewhere. Each near miss stays as it
was."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from pamphlet.model import Heading, ListBlock, Paragraph
from pamphlet.sources.html_blocks import ImageIndex
from pamphlet.sources.html_items import whole_items
from pamphlet.sources.html_region import with_region
from pamphlet.sources.html_rows import whole_rows
from pamphlet.sources.html_sources import unsaid_reference_list

# ---- list items: a sub-list joined on with "; " -------------------------------------------


def test_item_with_a_captioned_picture_in_its_sub_list_takes_the_pages_text() -> None:
    extracted = ListBlock(
        False,
        (
            "We landed the fix that stops a second update.",
            "The new page is done.",
            "Fission is ready! Congratulations! ; Reminder: test it in Nightly.",
        ),
    )
    page = ListBlock(
        False,
        (
            "We landed the fix that stops a second update. "
            "Users of several profiles will see this less!",
            "The new page is done.",
            "Fission is ready! Congratulations! Reminder: test it in Nightly.",
        ),
    )
    out = whole_items([extracted], [page])
    assert out == [
        ListBlock(
            False,
            (
                page.items[0],  # the caption in the item's sub-list comes back
                "The new page is done.",
                extracted.items[2],  # a whole item keeps its sub-list's separators
            ),
        )
    ]


def test_item_whose_own_semicolon_was_trimmed_takes_the_pages_text() -> None:
    extracted = ListBlock(False, ("silicon anode batteries", "solid state batteries"))
    page = ListBlock(False, ("silicon anode batteries;", "solid state batteries;"))
    assert whole_items([extracted], [page]) == [page]


def test_list_of_other_items_is_left_alone() -> None:
    extracted = ListBlock(False, ("First point; more", "Second point"))
    page = ListBlock(False, ("First pointer here", "Second point"))
    assert whole_items([extracted], [page]) == [extracted]


# ---- table rows: a cell holding only a link ------------------------------------------------

TABLE = (
    "<table><tr><th>Application</th><th>Original size</th><th>Patch size</th></tr>"
    "<tr><td><div><a href='/farm'>Farm Heroes Saga</a></div></td><td><div>71.1 MB</div></td>"
    "<td><div>13.4 MB</div></td></tr>"
    "<tr><td><div><a href='/maps'>Google Maps</a></div></td><td><div>32.7 MB</div></td>"
    "<td><div>17.5 MB</div></td></tr></table>"
)


def _region(inner: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(f"<div>{inner}</div>")


def test_row_that_lost_its_link_cell_takes_the_pages_row() -> None:
    blocks = [
        Paragraph("Application | Original size | Patch size"),
        Paragraph("71.1 MB | 13.4 MB"),
        Paragraph("32.7 MB | 17.5 MB"),
    ]
    assert whole_rows(blocks, _region(TABLE)) == [
        Paragraph("Application | Original size | Patch size"),
        Paragraph("Farm Heroes Saga | 71.1 MB | 13.4 MB"),
        Paragraph("Google Maps | 32.7 MB | 17.5 MB"),
    ]


def test_lost_cell_set_on_a_line_of_its_own_is_not_said_twice() -> None:
    blocks = [Paragraph("Farm Heroes Saga"), Paragraph("71.1 MB | 13.4 MB")]
    assert whole_rows(blocks, _region(TABLE)) == [Paragraph("Farm Heroes Saga | 71.1 MB | 13.4 MB")]


def test_rows_alike_are_matched_in_the_pages_order() -> None:
    table = (
        "<table><tr><td><a href='/a'>Alpha</a></td><td>1</td><td>2</td></tr>"
        "<tr><td><a href='/b'>Beta</a></td><td>1</td><td>2</td></tr></table>"
    )
    blocks = [Paragraph("1 | 2"), Paragraph("1 | 2")]
    assert whole_rows(blocks, _region(table)) == [
        Paragraph("Alpha | 1 | 2"),
        Paragraph("Beta | 1 | 2"),
    ]


def test_whole_rows_and_other_text_are_left_alone() -> None:
    blocks = [
        Paragraph("Application | Original size | Patch size"),
        Paragraph("13.4 MB | 71.1 MB"),  # the cells out of the page's order
        Paragraph("A paragraph of the article, not a row."),
    ]
    assert whole_rows(blocks, _region(TABLE)) == blocks


# ---- a "See also" list of short items ------------------------------------------------------

PROSE = [
    "New Zealand is an island country in the south-western Pacific Ocean, made of two main "
    "landmasses and around six hundred smaller islands, covering a large area of ocean.",
    "The outline of New Zealand's history begins with the arrival of Polynesian settlers, "
    "who developed a distinctive culture long before European sailors reached the islands.",
    "The topics of New Zealand's visitors are many: the mountains, the lakes, the birds "
    "that cannot fly and the films shot among the hills of the North Island.",
    "New Zealand's culture is mainly derived from Maori and early British settlers, with "
    "influences from Polynesia and Asia that have grown over the last few decades.",
]
SEE_ALSO = ("Outline of New Zealand", "Topics of New Zealand")


def test_see_also_list_whose_words_the_article_says_elsewhere_comes_back() -> None:
    body = "".join(f"<p>{p}</p>" for p in PROSE[:3])
    tree = lxml.html.document_fromstring(
        "<html><body><nav><a href='/'>Home</a></nav><main><article>"
        f"{body}<h2>See also</h2><ul>"
        + "".join(f"<li><a href='/{i}'>{t}</a></li>" for i, t in enumerate(SEE_ALSO))
        + f"</ul><h2>Culture</h2><p>{PROSE[3]}</p></article></main></body></html>"
    )
    extracted = [
        *map(Paragraph, PROSE[:3]),
        Heading(2, "See also"),
        Heading(2, "Culture"),
        Paragraph(PROSE[3]),
    ]
    out = with_region(tree, extracted, ImageIndex(base_dir=Path("."), allow_remote=False))
    at = out.index(Heading(2, "See also"))
    assert out[at + 1] == ListBlock(False, SEE_ALSO)  # under its heading, every item


def test_only_a_list_under_a_reference_heading_not_said_whole() -> None:
    see_also = ListBlock(False, SEE_ALSO)
    said = " new zealand is an island country, outline of new zealand's history "
    assert unsaid_reference_list([Heading(2, "See also"), see_also], 1, said)
    assert not unsaid_reference_list([Heading(2, "More stories"), see_also], 1, said)
    assert not unsaid_reference_list([Paragraph("See also"), see_also], 1, said)
    said_whole = said + "topics of new zealand "
    assert not unsaid_reference_list([Heading(2, "See also"), see_also], 1, said_whole)
