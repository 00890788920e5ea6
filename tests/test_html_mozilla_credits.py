"""Page furniture a reader of the printed article wants kept: the author's bio under the
article (with its box's title and a contributors' line), a picture's credit (inside its
figure, or on a line of its own after it), the caption of the lead picture above the article,
and the label that introduces a kept list. Each near miss stays out."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from pamphlet.model import Figure, Heading, Paragraph
from pamphlet.sources.html import parse_html
from pamphlet.sources.html_bio import with_author_bio
from pamphlet.sources.html_blocks import ImageIndex, texts_of
from pamphlet.sources.html_figures import with_figures
from pamphlet.sources.html_region import with_region

PROSE = [
    "The river authority opened its new flood barrier on Monday after four years of work "
    "and a long argument about who would pay for the last stretch of the wall.",
    "Engineers say the barrier will protect about two thousand homes along the lower valley "
    "from the kind of winter floods that closed the town centre twice last decade.",
    "The authority will publish its maintenance plan in the spring, once the first season "
    "of high water has shown how the gates behave under real pressure from the river.",
    "Residents who lost their homes in the last flood said they would believe in the wall "
    "once it had stood through a whole winter without a single street under water.",
]
BIO = "Jane Doe covers the valley for the Gazette. She joined the paper in 2009."
AUTHORS = ("Jane Doe",)


def _text(blocks) -> str:
    return " ".join(t for b in blocks for t in texts_of(b))


def _images(tmp_path: Path) -> ImageIndex:
    return ImageIndex(base_dir=tmp_path, allow_remote=False)


def _page(inner: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        "<html><head><title>Flood barrier opens</title></head><body>"
        "<nav><a href='/'>Home</a></nav>"
        f"<main>{inner}</main><footer>Contact us</footer></body></html>"
    )


def _prose(prose: list[str] = PROSE) -> str:
    return "".join(f"<p>{p}</p>" for p in prose)


def _kept(prose: list[str] = PROSE) -> list[Paragraph]:
    return [Paragraph(p) for p in prose]


# ---- the author's bio ----------------------------------------------------------------------


def test_bio_after_the_article_closes_it_without_the_authors_links() -> None:
    tree = _page(
        f"<article>{_prose()}<div class='bottom'><p>{BIO} "
        "<span><a href='https://x.com/janedoe'>@janedoe</a> • <a href='/fb'>Facebook</a></span>"
        "</p></div></article>"
    )
    out = with_author_bio(tree, _kept(), AUTHORS)
    assert out[:-1] == _kept()
    assert out[-1] == Paragraph(BIO)


def test_bio_keeps_its_boxs_title_and_the_contributors_line() -> None:
    tree = _page(
        f"<article>{_prose()}<section><h4>About the Authors</h4>"
        f"<div class='person'><h5>Jane Doe</h5><div><p>{BIO}</p></div></div>"
        "<div class='more'>John Roe and Ann Poe contributed.</div></section></article>"
    )
    out = with_author_bio(tree, _kept(), AUTHORS)
    assert out[len(PROSE) :] == [
        Heading(4, "About the Authors"),
        Paragraph(BIO),
        Paragraph("John Roe and Ann Poe contributed."),
    ]


def test_two_authors_bios_then_the_contributors_line() -> None:
    other = "John Roe is the paper's data editor, based in the valley."
    tree = _page(
        f"<article>{_prose()}<div class='bylines'><div class='byline'><p>{BIO}</p></div>"
        f"<div class='byline'><p>{other}</p></div>"
        "<div class='more'>Ann Poe contributed reporting.</div></div></article>"
    )
    out = with_author_bio(tree, _kept(), ("Jane Doe", "John Roe"))
    assert out[len(PROSE) :] == [
        Paragraph(BIO),
        Paragraph(other),
        Paragraph("Ann Poe contributed reporting."),
    ]


def test_bio_in_an_author_box_or_the_footer_stays_out() -> None:
    for box in (
        f"<div class='author-box'><p>{BIO}</p></div>",
        f"<div class='c-author'><div><p>{BIO}</p></div></div>",
        f"<footer><p>{BIO}</p></footer>",
    ):
        tree = _page(f"<article>{_prose()}</article>{box}")
        assert with_author_bio(tree, _kept(), AUTHORS) == _kept(), box


def test_bio_in_the_articles_author_markup_comes_back() -> None:
    tree = _page(
        f"<article>{_prose()}<section class='c-author' itemprop='author' itemscope>"
        f"<p itemprop='description'>{BIO}</p></section></article>"
    )
    assert with_author_bio(tree, _kept(), AUTHORS)[-1] == Paragraph(BIO)


def test_near_misses_are_no_bio() -> None:
    pages = [
        # above the article (a byline box), not after it
        f"<div class='intro'><p>{BIO}</p></div><article>{_prose()}</article>",
        # the name followed by no verb: a byline or a heading, not a sentence about the author
        f"<article>{_prose()}<p>Jane Doe Senior Reporter at the Gazette and the Times.</p>"
        "</article>",
        # a different person
        f"<article>{_prose()}<p>John Roe covers the valley for the Gazette.</p></article>",
    ]
    for inner in pages:
        tree = _page(inner)
        assert with_author_bio(tree, _kept(), AUTHORS) == _kept(), inner
    # a one-word author name says too little to find a bio by
    tree = _page(f"<article>{_prose()}<p>Jane covers the valley for the Gazette.</p></article>")
    assert with_author_bio(tree, _kept(), ("Jane",)) == _kept()


def test_parse_html_closes_the_article_with_its_authors_bio(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Flood barrier opens</title>"
        "<meta name='author' content='Jane Doe'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Flood barrier opens</h1>{_prose(PROSE * 2)}</article>"
        f"<div class='bottom'><p>{BIO}</p></div>"
        "<footer>Contact us</footer></body></html>"
    )
    doc = parse_html(html, "page.html", base_dir=tmp_path)
    assert doc.authors == AUTHORS
    assert doc.body[-1] == Paragraph(BIO)


# ---- picture credits -----------------------------------------------------------------------


def test_credit_line_after_a_picture_comes_back_in_place(tmp_path: Path) -> None:
    tree = _page(
        f"<article><p>{PROSE[0]}</p><p>{PROSE[1]}</p>"
        "<figure><img src='a.jpg' alt='The new barrier'></figure>"
        "<p>(Artist: Jane Doe-Roe)</p>"
        f"<p>{PROSE[2]}</p><p>{PROSE[3]}</p></article>"
    )
    out = with_region(tree, _kept(), _images(tmp_path))
    assert Paragraph("(Artist: Jane Doe-Roe)") in out
    assert out.index(Paragraph("(Artist: Jane Doe-Roe)")) == 2


def test_short_lines_that_are_no_credit_or_not_after_a_picture_stay_out(tmp_path: Path) -> None:
    for inner in (
        "<figure><img src='a.jpg' alt='The new barrier'></figure><p>(See the gallery)</p>",
        "<p>(Photo: Jane Doe)</p>",  # no picture before it
    ):
        tree = _page(
            f"<article><p>{PROSE[0]}</p><p>{PROSE[1]}</p>{inner}"
            f"<p>{PROSE[2]}</p><p>{PROSE[3]}</p></article>"
        )
        out = with_region(tree, _kept(), _images(tmp_path))
        assert _text(out) == _text(_kept()), inner


def test_figure_credit_is_the_caption_of_a_figure_without_one(tmp_path: Path) -> None:
    credit = "<div class='attribution'>JANE DOE/AFP/Getty Images</div>"
    tree = _page(
        f"<article><p>{PROSE[0]}</p><figure><img src='a.jpg' alt='Barrier'>{credit}</figure>"
        f"<p>{PROSE[1]}</p></article>"
    )
    out = with_figures(tree, _kept(PROSE[:2]), _images(tmp_path))
    assert [b.caption for b in out if isinstance(b, Figure)] == ["JANE DOE/AFP/Getty Images"]
    # a figure with a caption keeps its caption
    tree = _page(
        f"<article><p>{PROSE[0]}</p><figure><img src='a.jpg' alt='Barrier'>{credit}"
        f"<figcaption>The barrier at dawn.</figcaption></figure><p>{PROSE[1]}</p></article>"
    )
    out = with_figures(tree, _kept(PROSE[:2]), _images(tmp_path))
    assert [b.caption for b in out if isinstance(b, Figure)] == ["The barrier at dawn."]


# ---- the lead picture's caption ------------------------------------------------------------

LEAD = (
    "The mayor walks along the new flood barrier on Monday after its opening ceremony. "
    "(Jane Doe/AFP/Getty Images)"
)


def _lead_page(caption: str) -> lxml.html.HtmlElement:
    return _page(
        "<div class='story'><div class='inline-photo'><img src='lead.jpg'><br>"
        f"<span class='pb-caption'>{caption}</span></div>"
        f"<article>{_prose()}</article></div>"
    )


def test_lead_picture_above_the_article_keeps_its_caption(tmp_path: Path) -> None:
    out = with_region(_lead_page(LEAD), _kept(), _images(tmp_path))
    assert isinstance(out[0], Figure) and out[0].caption == LEAD
    assert out[1:] == _kept()


def test_lead_picture_with_only_a_credit_is_passed_over(tmp_path: Path) -> None:
    out = with_region(_lead_page("(Jane Doe/AFP/Getty Images)"), _kept(), _images(tmp_path))
    assert out == _kept()


# ---- a kept list's label -------------------------------------------------------------------

ITEMS = ["A glass cloche", "A shallow dish", "Floral foam", "Moss and small plants"]


def test_label_of_a_kept_list_comes_back(tmp_path: Path) -> None:
    items = "".join(f"<li>{t}</li>" for t in ITEMS)
    tree = _page(
        f"<article><p>{PROSE[0]}</p><div><span class='head'>What You'll Need:</span>"
        f"<ul>{items}</ul></div>{_prose(PROSE[1:])}</article>"
    )
    from pamphlet.model import ListBlock

    kept = [Paragraph(PROSE[0]), ListBlock(False, tuple(ITEMS)), *_kept(PROSE[1:])]
    out = with_region(tree, kept, _images(tmp_path))
    assert Paragraph("What You'll Need:") in out
    assert out.index(Paragraph("What You'll Need:")) < out.index(kept[1])
    # a label whose list was not kept stays out with its list
    out = with_region(tree, [kept[0], *kept[2:]], _images(tmp_path))
    assert "What You'll Need" not in _text(out)
