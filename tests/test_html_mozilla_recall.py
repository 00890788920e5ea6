"""What the extractor kept reaches the document whole: words of a list item's heading and its
paragraph, or of a table cell's heading and the text after it, never run together; text the
extractor left loose between blocks (after an inline formula) is kept, a button's label is not;
and an article's standfirst under its headline is put back when the extractor left it out."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree

from pamphlet.model import ListBlock, Paragraph
from pamphlet.sources.html import parse_html
from pamphlet.sources.html_blocks import ImageIndex, html_blocks, texts_of, xml_blocks
from pamphlet.sources.html_lead import with_standfirst


def _xml(body: str) -> list:
    return xml_blocks(etree.fromstring(body), ImageIndex(base_dir=Path("."), allow_remote=False))


def _words(blocks: list) -> str:
    return "\n".join(t for b in blocks for t in texts_of(b))


def test_list_item_heading_and_paragraph_stay_apart() -> None:
    blocks = _xml(
        '<body><list rend="ul"><item><head rend="h2">WebIDE</head>'
        "<p>Develop and debug apps in your browser.</p>Learn more</item></list></body>"
    )
    assert isinstance(blocks[0], ListBlock)
    words = blocks[0].items[0].split()
    assert words[:2] == ["WebIDE", "Develop"]
    assert words[-3:] == ["browser.", "Learn", "more"]


def test_nested_list_items_keep_their_separators_and_order() -> None:
    blocks = _xml(
        "<body><list><item>Fruit<list><item>apples</item><item>pears<lb/>ripe</item></list>"
        "and more</item></list></body>"
    )
    assert blocks[0].items == ("Fruit; apples; pears ripe and more",)


def test_table_cell_heading_does_not_join_the_text_after_it() -> None:
    blocks = _xml(
        "<body><table><row><cell><head>Read the notes first</head>I am a rather elderly man."
        "</cell></row></table></body>"
    )
    assert blocks == [Paragraph("Read the notes first I am a rather elderly man.")]


def test_inline_elements_keep_their_order() -> None:
    blocks = _xml("<body><p>one <hi>two <ref>three</ref> four</hi> five<lb/>six</p></body>")
    assert blocks == [Paragraph("one two three four five six")]


def test_text_left_loose_between_blocks_is_kept_in_place() -> None:
    blocks = _xml(
        "<body><div><p>When the sum is zero</p>, there are two solutions to the equation"
        '<head rend="h2">The probability of getting</head>heads when flipping coins is:'
        "<p>Finally a closing paragraph.</p></div></body>"
    )
    texts = _words(blocks).split("\n")
    assert texts == [
        "When the sum is zero",
        ", there are two solutions to the equation",
        "The probability of getting",
        "heads when flipping coins is:",
        "Finally a closing paragraph.",
    ]


def test_loose_labels_are_not_text_but_key_value_lines_are() -> None:
    blocks = _xml(
        "<body><div><p>The first machine is fast and reliable.</p>Check Price on Amazon"
        "<p>The second machine is slower.</p>Date: June 8-11, 2026"
        "<p>Dates of the cards follow.</p>Dec 19, 2025</div></body>"
    )
    texts = _words(blocks)
    assert "Check Price" not in texts
    assert "Dec 19" not in texts
    assert "Date: June 8-11, 2026" in texts.split("\n")


def test_words_after_inline_code_are_left_to_the_page_paragraph() -> None:
    blocks = _xml(
        "<body><div><p>We rely on a few packages:</p><code>sqlmock</code> is useful for "
        "testing complex transaction logic.</div></body>"
    )
    assert "is useful for testing" not in _words(blocks)


_DEK = (
    "Tax cuts, spending increases and higher interest rates could make it harder to respond"
    " to future recessions."
)
_BODY = "".join(
    f"<p>Paragraph {i}. The federal government could soon pay more in interest on its debt "
    "than it spends on the military, Medicaid or children's programs, the budget office says."
    "</p>"
    for i in range(6)
)


def _article(header: str) -> str:
    return (
        "<html><head><title>As Debt Rises</title></head><body><article>"
        f'{header}<section itemprop="articleBody">{_BODY}</section></article></body></html>'
    )


def _tree(html: str) -> etree._Element:
    return lxml.html.document_fromstring(html)


def test_standfirst_under_the_headline_comes_first(tmp_path: Path) -> None:
    header = (
        '<header><div><h1 itemprop="headline"><span>As Debt Rises</span></h1></div>'
        f'<p class="summary">{_DEK}</p><figure><img src="x.jpg"></figure></header>'
    )
    doc = parse_html(_article(header), "page.html", base_dir=tmp_path)
    assert doc.body[0] == Paragraph(_DEK)
    assert sum(_DEK in t for b in doc.body for t in texts_of(b)) == 1


def test_standfirst_already_extracted_is_not_repeated() -> None:
    tree = _tree(_article(f"<header><h1>As Debt Rises</h1><p>{_DEK}</p></header>"))
    blocks = [Paragraph(_DEK), Paragraph("Paragraph 0.")]
    assert with_standfirst(tree, blocks, "As Debt Rises") == blocks


def test_byline_label_or_text_outside_the_header_is_no_standfirst() -> None:
    blocks = [Paragraph("Paragraph 0.")]
    for header in (
        "<header><h1>As Debt Rises</h1><p>By Nelson D. Schwartz and a colleague of his, on"
        " Sept. 25, 2018.</p></header>",
        '<header><h1>As Debt Rises</h1><p class="newsletter">Sign up for the morning'
        " newsletter and get the day's news in your inbox.</p></header>",
        "<header><h1>As Debt Rises</h1><p>Supported by our readers and the sponsors</p></header>",
        f"<header><h1>As Debt Rises</h1></header><p>{_DEK}</p>",
        f"<div><h1>As Debt Rises</h1><p>{_DEK}</p></div>",
    ):
        assert with_standfirst(_tree(_article(header)), blocks, "As Debt Rises") == blocks


_LEAD = (
    "Neuroscience tells us that most of the work done by our brains happens on an unconscious"
    " level, but when does that moment occur? New research investigates."
)
_STORY = "".join(
    f"<p>Paragraph {i}. Many of us have noticed that we seem to get our best ideas when we are"
    " not thinking about the problem at all, and scientists have long wondered why.</p>"
    for i in range(6)
)


def _story(lead: str) -> str:
    return (
        "<html><head><title>The brain</title></head><body><div class='main'>"
        "<h1>How does the brain turn unconscious information into conscious thought?</h1>"
        f"<div class='article_body'><div itemprop='articleBody'><header>{lead}</header>"
        f"{_STORY}</div></div></div><footer>Copyright 2017</footer></body></html>"
    )


def test_lead_before_the_first_extracted_paragraph_comes_back(tmp_path: Path) -> None:
    doc = parse_html(_story(_LEAD), "page.html", base_dir=tmp_path)
    texts = [t for b in doc.body for t in texts_of(b)]
    assert texts[0] == _LEAD
    assert texts[1].startswith("Paragraph 0.")


def test_a_disclosure_before_the_article_is_no_lead(tmp_path: Path) -> None:
    disclosure = (
        "Last updated: January 12, 2026. If you find this helpful and buy through my links, I may"
        " receive a small commission."
    )
    doc = parse_html(_story(disclosure), "page.html", base_dir=tmp_path)
    assert not any("commission" in t for b in doc.body for t in texts_of(b))


_PEREX = (
    "A miracle of one season? West Ham keeps giving the doubters ever stronger answers, and"
    " the football world is starting to see a new member of the elite."
)
_MATCH = "".join(
    f"<p>Paragraph {i}. Five competitive wins in a row, during which the team conceded only"
    " two goals, have lifted the club to the top of the table this autumn.</p>"
    for i in range(6)
)


def _report(perex: str, byline: str = "<div class='author'>Jan Novak</div>") -> str:
    return (
        "<html><head><title>West Ham</title></head><body><div class='page'><div class='article'>"
        "<h1 class='article-title'>West Ham</h1>"
        f"<div class='article__perex'><p>{perex}</p></div>{byline}"
        f"<div class='article__content'>{_MATCH}</div>"
        "<div class='taglist'><a href='/t/1'>Football</a></div></div></div></body></html>"
    )


def test_lead_above_the_article_region_comes_back(tmp_path: Path) -> None:
    doc = parse_html(_report(_PEREX), "page.html", base_dir=tmp_path)
    texts = [t for b in doc.body for t in texts_of(b)]
    assert texts[0] == _PEREX
    assert texts[1].startswith("Paragraph 0.")
    assert "Jan Novak" not in texts


def test_no_lead_above_from_a_sign_up_box(tmp_path: Path) -> None:
    form = (
        "<div class='box'><form><input name='e'></form><p>Thank you! Please check your inbox now"
        " for the welcome email we have just sent you.</p></div>"
    )
    doc = parse_html(_report(_PEREX, byline=form), "page.html", base_dir=tmp_path)
    assert next(t for b in doc.body for t in texts_of(b)).startswith("Paragraph 0.")


def test_lists_without_items_are_read_as_indented_text() -> None:
    fragment = (
        "<div><p>You can all rest assured that:</p><ul><ul type='A'><li>I've heard it before;"
        " and</li><li>I didn't care the first time.</li></ul></ul>"
        "<ul> (Really my eventual goal is to be able to <i>create</i> video.) </ul></div>"
    )
    root = lxml.html.fragment_fromstring(fragment)
    blocks = html_blocks(root, ImageIndex(base_dir=Path("."), allow_remote=False))
    assert blocks == [
        Paragraph("You can all rest assured that:"),
        ListBlock(
            ordered=False, items=("I've heard it before; and", "I didn't care the first time.")
        ),
        Paragraph("(Really my eventual goal is to be able to create video.)"),
    ]
