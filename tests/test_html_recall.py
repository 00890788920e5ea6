"""The HTML reader keeps what the extractor drops from an article: captions, table cells,
paragraph breaks, list items in quotes, and never the page's teasers or link lists."""

from __future__ import annotations

import random
from pathlib import Path

import lxml.html
from lxml import etree

from pamphlet.model import Figure, Heading, ListBlock, Paragraph, Quote
from pamphlet.sources.html import parse_html
from pamphlet.sources.html_blocks import ImageIndex, html_blocks, texts_of, xml_blocks

PARA = (
    "<p>{} The committee met on Tuesday and discussed the budget for the coming year in some"
    " detail, with several members raising concerns about rising costs.</p>"
)


def _page(middle: str, wrapper: str = '<div class="content">') -> str:
    before = "".join(PARA.format(f"Paragraph {i}.") for i in range(4))
    after = "".join(PARA.format(f"Later paragraph {i}.") for i in range(4))
    return (
        "<html><head><title>Budget news</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"{wrapper}<h1>Budget news</h1>{before}{middle}{after}</div>"
        "<footer>Copyright 2024 The Town Paper</footer></body></html>"
    )


def _read(html: str, tmp_path: Path):
    return parse_html(html, "page.html", base_dir=tmp_path)


def _blocks(fragment: str, base_dir: Path = Path(".")) -> list:
    """html_blocks of the <div> a fragment starts with."""
    root = etree.fromstring(fragment, etree.HTMLParser()).find(".//div")
    return html_blocks(root, ImageIndex(base_dir=base_dir, allow_remote=False))


def _index(blocks, kind, text: str) -> int:
    for i, block in enumerate(blocks):
        if isinstance(block, kind) and text in (getattr(block, "text", None) or block.caption):
            return i
    raise AssertionError(f"no {kind.__name__} with {text!r} in {blocks}")


def test_caption_named_by_class_comes_back_in_place(tmp_path: Path) -> None:
    middle = (
        '<div class="thumb"><div class="thumbinner"><img src="x.jpg">'
        '<div class="thumbcaption">The town hall seen from the river in spring</div>'
        "</div></div>"
    )
    blocks = list(_read(_page(middle), tmp_path).body)
    at = _index(blocks, Figure, "The town hall seen from the river")
    assert "Paragraph 3." in blocks[at - 1].text
    assert "Later paragraph 0." in blocks[at + 1].text


def test_figcaption_outside_a_figure_is_a_caption(tmp_path: Path) -> None:
    middle = (
        '<div class="step"><img src="y.jpg">'
        "<figcaption>Dig a hole in the soil for the roots</figcaption></div>"
    )
    doc = _read(_page(middle), tmp_path)
    figures = [b for b in doc.body if isinstance(b, Figure)]
    assert [f.caption for f in figures] == ["Dig a hole in the soil for the roots"]


def test_caption_in_a_container_named_share_is_kept(tmp_path: Path) -> None:
    # a page's id is a hint, not a verdict: this "share" container holds the whole article
    middle = (
        '<div class="media"><img src="z.jpg">'
        '<div class="caption-wrapper">Towels should always be cleaned between stays</div></div>'
    )
    html = _page(middle, wrapper='<div class="text-wrapper" id="share-buttons-2">')
    captions = [b.caption for b in _read(html, tmp_path).body if isinstance(b, Figure)]
    assert captions == ["Towels should always be cleaned between stays"]


def test_teasers_inside_the_article_stay_out(tmp_path: Path) -> None:
    cards = "".join(
        f'<div class="teaser"><img src="t{i}.jpg"><div class="caption">Photo {i} by a'
        f' photographer</div><h3><a href="/s{i}">Story {i} about the city budget</a></h3></div>'
        for i in range(3)
    )
    caption = '<img src="x.jpg"><div class="caption">The river in spring, seen from the hall</div>'
    texts = " ".join(_read(_page(caption + cards), tmp_path).texts())
    assert "The river in spring, seen from the hall" in texts  # the article's own caption
    assert "Photo 1 by a photographer" not in texts  # the teaser's is not
    assert "Later paragraph 3." in texts


def test_html_blocks_table_cells_are_separated() -> None:
    blocks = _blocks(
        "<div><table><tr><th>Item</th><th>Cost</th></tr>"
        "<tr><td>Roads</td><td>4 million</td></tr></table></div>",
    )
    assert blocks == [Paragraph("Item | Cost"), Paragraph("Roads | 4 million")]


def test_html_blocks_blank_line_splits_paragraphs() -> None:
    blocks = _blocks(
        "<div>First thought of the day.<br><br>Second thought, a new paragraph.<br>"
        "Same paragraph, next line.</div>",
    )
    assert blocks == [
        Paragraph("First thought of the day."),
        Paragraph("Second thought, a new paragraph. Same paragraph, next line."),
    ]


def test_html_blocks_caption_joins_its_image(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(b"\xff\xd8\xff")
    blocks = _blocks(
        '<div><div class="wp-caption"><img src="a.jpg">'
        '<p class="wp-caption-text">A quiet street at dawn</p></div></div>',
        tmp_path,
    )
    assert blocks == [Figure("A quiet street at dawn", "a.jpg", None)]


def test_xml_quote_of_list_items_keeps_words_apart() -> None:
    body = etree.fromstring(
        "<body><quote><list><item>We will not raise taxes</item>"
        "<item>We will cut waste</item></list></quote><head rend='h2'>Next</head></body>"
    )
    blocks = xml_blocks(body, ImageIndex(base_dir=Path("."), allow_remote=False))
    assert blocks == [Quote("We will not raise taxes We will cut waste"), Heading(2, "Next")]


def test_list_items_the_extractor_kept_are_not_repeated(tmp_path: Path) -> None:
    items = "".join(f"<li>Point number {i} of the plan for the year</li>" for i in range(4))
    doc = _read(_page(f"<ul>{items}</ul>"), tmp_path)
    lists = [b for b in doc.body if isinstance(b, ListBlock)]
    said = [item for block in lists for item in block.items]
    assert sorted(said) == sorted(f"Point number {i} of the plan for the year" for i in range(4))


def test_marked_article_is_read_when_the_extractor_gives_up(monkeypatch):
    import pamphlet.sources.html as html_reader

    monkeypatch.setattr(html_reader, "_trafilatura", lambda tree, comments: (None, None))
    paragraphs = "".join(
        f"<p>Paragraph {i} of the report on the depot closure says how the night routes will "
        f"be cut, and who decided it without asking the drivers.</p>"
        for i in range(8)
    )
    page = f"""<html><head><title>Depot closure</title></head><body>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Depot closure</h1><h2>What happens next</h2>{paragraphs}</article>
      <div class="more"><p>Also this week: the council votes on the library budget cuts.</p></div>
      <footer><p>© 2024 The Depot News</p></footer></body></html>"""
    doc = html_reader.parse_html(page, "gave-up.html", base_dir=Path("."))
    said = "\n".join(doc.texts())
    assert "Paragraph 7 of the report" in said
    assert "What happens next" in said
    assert "Depot News" not in said and "Home" not in said.split("\n")
    assert "library budget" not in said  # the article, not the whole page


def test_teaser_card_with_the_heading_inside_its_link_is_furniture() -> None:
    import lxml.html

    from pamphlet.sources.html_furniture import furniture

    card = (
        '<div class="card"><div class="body">{title}<div class="dek"><p>The harbour board met'
        " again and nobody could agree on the berths.</p></div></div></div>"
    )
    wrapped = lxml.html.fromstring(card.format(title='<a href="/s1"><h3>Harbour story</h3></a>'))
    inside = lxml.html.fromstring(card.format(title='<h3><a href="/s2">Harbour story</a></h3>'))
    plain = lxml.html.fromstring(card.format(title="<h3>Harbour story</h3>"))
    assert furniture(wrapped, region_chars=10_000)  # <a href><h3>title</h3></a>
    assert furniture(inside, region_chars=10_000)  # <h3><a href>title</a></h3>
    assert not furniture(plain, region_chars=10_000)  # no link: not a teaser


def test_blocks_inside_a_disclaimer_box_are_left_out_and_said(tmp_path: Path) -> None:
    box = (
        '<div class="article-disclaimer"><p>The content of this page is for general information'
        " only and is not legal, tax or investment advice of any kind.</p></div>"
    )
    doc = _read(_page(box), tmp_path)
    texts = " ".join(doc.texts())
    assert "Later paragraph 3." in texts and "Paragraph 3." in texts
    assert "not legal, tax or investment advice" not in texts
    assert any("The content of this page" in r.text for r in doc.removed)  # said, not lost


def test_a_section_anchor_named_like_furniture_is_not_furniture() -> None:
    import lxml.html

    from pamphlet.sources.html_furniture import furniture

    slug = lxml.html.fromstring('<div id="menu-planning-for-large-family-events">x</div>')
    menu = lxml.html.fromstring('<div id="menu">x</div>')
    assert not furniture(slug, region_chars=10_000)
    assert furniture(menu, region_chars=10_000)


def test_html_blocks_pull_quote_set_as_a_figure_keeps_its_words() -> None:
    blocks = _blocks(
        '<div><figure class="quote"><img src="face.jpg" alt=""><blockquote><p>Automation is'
        " not the enemy.</p></blockquote><figcaption>Jane Doe, chief executive</figcaption>"
        "</figure></div>",
    )
    assert Quote("Automation is not the enemy.") in blocks
    assert [b.caption for b in blocks if isinstance(b, Figure)] == ["Jane Doe, chief executive"]


def test_region_of_a_page_written_without_paragraph_elements() -> None:
    from pamphlet.sources.html_kept import Kept
    from pamphlet.sources.html_region import extracted_region

    runs = [
        f"Run {i} of the post tells how the board was wired and which pins were used for it."
        for i in range(4)
    ]
    page = (
        "<html><body><div class='side'>Archive Labels About me and this blog</div>"
        f"<div class='post' id='post'>{'<br><br>'.join(runs)}</div></body></html>"
    )
    tree = etree.fromstring(page, etree.HTMLParser())
    region = extracted_region(tree, Kept([Paragraph(t) for t in runs[:3]]))
    assert region is not None and region.get("id") == "post"


def test_xml_list_item_line_break_keeps_words_apart() -> None:
    body = etree.fromstring(
        "<body><list><item><hi>Not just social media</hi><lb/>A web editor could do much"
        " more.</item></list></body>"
    )
    blocks = xml_blocks(body, ImageIndex(base_dir=Path("."), allow_remote=False))
    assert blocks == [ListBlock(False, ("Not just social media A web editor could do much more.",))]


def test_instagram_embed_chrome_is_not_put_back(tmp_path: Path) -> None:
    embed = (
        '<blockquote class="instagram-media" data-instgrm-captioned><div><a href="https://'
        'www.instagram.com/p/x/"><div>View this post on Instagram</div></a><p><a href="https:'
        '//www.instagram.com/p/x/">A post shared by The Harbour Shop (@harbourshop)</a></p>'
        "</div></blockquote>"
    )
    texts = " ".join(_read(_page(embed), tmp_path).texts())
    assert "Paragraph 3." in texts and "Later paragraph 0." in texts
    assert "View this post on Instagram" not in texts
    assert "A post shared by" not in texts


def test_author_box_named_author_content_is_a_box() -> None:
    import lxml.html

    from pamphlet.sources.html_boxes import boxed_blocks

    bio = (
        "Meet Jo, our writer with a keen eye for budgets, who has covered the town council for"
        " many years."
    )
    story = [PARA.format(f"Paragraph {i}.")[3:-4] for i in range(6)]
    page = (
        "<html><body><div class='content'>"
        + "".join(f"<p>{t}</p>" for t in story)
        + f"<div class='author_content'><span class='name'>Jo Lane</span><p>{bio}</p></div>"
        "</div></body></html>"
    )
    tree = lxml.html.document_fromstring(page)
    blocks = [Paragraph(t) for t in story] + [Paragraph(bio)]
    boxed = boxed_blocks(tree, blocks, list(tree.iter()))
    assert boxed == {id(blocks[-1])}


def test_affiliate_disclosure_is_not_real_running_text() -> None:
    from pamphlet.sources.html_region import _real

    note = (
        "If you buy a product featured here, we may earn an affiliate commission or other"
        " compensation."
    )
    prose = "If you buy a ticket for the ferry here, the harbour board may earn a small fee."
    assert _real(Paragraph(prose))
    assert not _real(Paragraph(note))


def test_a_figure_repeated_right_after_itself_is_kept_once() -> None:
    from pamphlet.sources.html_blocks import drop_caption_echoes

    caption = "A slice of pizza at the new place. Image: Courtesy of the owner"
    blocks = [
        Figure(caption, None),
        Figure(caption, None),  # the same caption again, no other picture: left out
        Paragraph("The text."),
        Figure(caption, "b.jpg"),  # not right after: kept
        Figure(caption, "c.jpg"),  # another picture: kept, without the repeated caption
        Figure("Jane Doe, chief executive", None),
        Paragraph("A second quote."),
        Figure("Jane Doe, chief executive", None),  # an attribution said again later: kept
    ]
    assert drop_caption_echoes(blocks) == [
        Figure(caption, None),
        Paragraph("The text."),
        Figure(caption, "b.jpg"),
        Figure(None, "c.jpg"),
        Figure("Jane Doe, chief executive", None),
        Paragraph("A second quote."),
        Figure("Jane Doe, chief executive", None),
    ]


def _builder_page(cta: str = "", sizes: tuple[int, int, int] = (5, 5, 2)) -> str:
    bank = (
        "rent heating damp repairs deposit landlord board hearing notice evidence tenant "
        "council letter meeting claim form week month office photo receipt neighbour boiler "
        "window roof mould agent court fee appeal signature copy witness date"
    ).split()

    def section(name: str, n: int) -> str:
        pick = random.Random(name)
        paragraphs = "".join(
            f"<p>{name} paragraph {i}: " + " ".join(pick.choice(bank) for _ in range(16)) + ".</p>"
            for i in range(n)
        )
        heading = f"<h2>{name}</h2>"
        return f'<div class="builder-block"><div class="prose">{heading}{paragraphs}</div></div>'

    return f"""<html><head><title>How to file a claim</title></head><body>
      <nav><a href="/">Home</a> <a href="/guides">Guides</a></nav>
      <main><h1>How to file a claim</h1><div class="article-body">
      {section("First steps", sizes[0])}{cta}{section("Paperwork", sizes[1])}
      {section("Questions", sizes[2])}
      </div><div class="related-posts"><p>Read next: how the rent strike of 1972 was won by
      the tenants of the east side estates, step by step.</p></div></main>
      <footer><p>© 2024 The Tenants' Guide</p></footer></body></html>"""


def _last_section_only(tree, comments):
    """An extractor that keeps only the page's last section (as trafilatura does on some
    page-builder layouts)."""
    paragraphs = [p for p in tree.iter("p") if p.text and p.text.startswith("Questions")]
    body = etree.Element("body")
    for p in paragraphs:
        etree.SubElement(body, "p").text = p.text
    return body, None


def test_sections_the_extractor_dropped_whole_come_back_in_order(monkeypatch) -> None:
    import pamphlet.sources.html as html_reader

    monkeypatch.setattr(html_reader, "_trafilatura", _last_section_only)
    cta = '<div class="builder-block"><a href="/signup">Start your claim today</a></div>'
    doc = html_reader.parse_html(_builder_page(cta), "builder.html", base_dir=Path("."))
    said = [t for b in doc.body for t in ([b.text] if hasattr(b, "text") else [])]
    first = said.index(next(t for t in said if t.startswith("First steps paragraph 0")))
    paperwork = said.index(next(t for t in said if t.startswith("Paperwork paragraph 4")))
    questions = said.index(next(t for t in said if t.startswith("Questions paragraph 1")))
    assert first < paperwork < questions
    assert "Paperwork" in said  # the section's heading comes back with it
    everything = "\n".join(doc.texts())
    assert "Start your claim today" not in everything
    assert "rent strike of 1972" not in everything  # the related posts after the article
    assert "Tenants' Guide" not in everything


def test_a_small_dropped_section_is_not_pulled_in(monkeypatch) -> None:
    """When the extractor kept most of the article, a prose sibling it left out stays out."""
    import pamphlet.sources.html as html_reader

    def paperwork_only(tree, comments):
        body = etree.Element("body")
        for p in tree.iter("p"):
            if p.text and p.text.startswith("Paperwork"):
                etree.SubElement(body, "p").text = p.text
        return body, None

    monkeypatch.setattr(html_reader, "_trafilatura", paperwork_only)
    page = _builder_page(sizes=(4, 12, 1))
    doc = html_reader.parse_html(page, "builder.html", base_dir=Path("."))
    said = "\n".join(doc.texts())
    assert "Paperwork paragraph 11" in said
    assert "First steps paragraph 0" not in said


def test_a_list_item_keeps_its_sub_list_of_links(tmp_path: Path) -> None:
    bugs = "".join(
        f'<li><a href="https://bugs.example.org/{n}">Bug {n} – the night bus tracker shows '
        f"route {n % 7} twice</a></li>"
        for n in range(4101, 4106)
    )
    middle = (
        "<h3>Tracker</h3><ul><li>We have the green light for another round of volunteers "
        "working on the tracker next season, and two drivers will be mentoring them.</li>"
        f"<li>In progress:<ul>{bugs}</ul></li></ul>"
        '<ul class="links"><li><a href="/a">Timetables</a></li><li><a href="/b">Fares</a></li>'
        '<li><a href="/c">Contact us</a></li></ul>'
    )
    said = "\n".join(_read(_page(middle), tmp_path).texts())
    assert "Bug 4103 – the night bus tracker shows route 1 twice" in said
    assert "Contact us" not in said  # a plain list of links is still furniture


def test_a_list_of_links_the_article_introduces_is_not_furniture() -> None:
    from pamphlet.sources.html_furniture import furniture

    links = (
        '<li><a href="/depot">The depot closure, explained by the drivers</a></li>'
        '<li><a href="/fares">What the new fares mean for night workers</a></li>'
        '<li><a href="/vote">How the council voted, member by member</a></li>'
    )

    def the_list(intro: str) -> lxml.html.HtmlElement:
        return lxml.html.fromstring(f"<div><p>{intro}</p><ul>{links}</ul></div>").find(".//ul")

    assert not furniture(the_list("The union has published three briefings:"), 5000)
    assert furniture(the_list("The union has published three briefings."), 5000)


_PANEL = (
    '<div class="steps"><h3><button aria-expanded="false" aria-controls="step-2">'
    "2. Compare the quotes</button></h3>"
    '<div id="step-2" style="display:none" role="region"><p>Ask each installer for a written'
    " quote that lists the panels, the inverter and the warranty, then compare them.</p></div>"
    '<h3><button aria-expanded="false">3. Menu</button></h3>'
    '<div id="menu-3" style="display:none"><p>This hidden box is opened by nothing on the page'
    " and stays hidden, whatever words it holds for the reader.</p></div></div>"
)


def test_an_accordion_panel_a_button_opens_is_read(tmp_path: Path) -> None:
    text = " ".join(t for b in _read(_page(_PANEL), tmp_path).body for t in texts_of(b))
    assert "Ask each installer for a written quote" in text
    assert "opened by nothing on the page" not in text  # hidden, and no button opens it


def _first_paragraphs_only(count: int):
    """An extractor that stops after the page's first ``count`` paragraphs."""

    def extract(tree, comments):
        body = etree.Element("body")
        for p in list(tree.iter("p"))[:count]:
            etree.SubElement(body, "p").text = p.text_content()
        return body, None

    return extract


_BANK = (
    "bill tip server table meal service charge cash card percent total tax waiter kitchen "
    "staff guest menu order drink coffee delivery driver valet evening lunch dinner receipt"
).split()


def _guide_page() -> str:
    parts = []
    for i in range(12):
        if i % 4 == 0:
            parts.append(f"<h2>Part {i // 4 + 1}</h2>")
        pick = random.Random(i)
        words = " ".join(pick.choice(_BANK) for _ in range(18))
        parts.append(f"<p>Step {i}. {words}.</p>")
    return (
        "<html><head><title>Tipping guide</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/guides'>Guides</a></nav>"
        '<div class="wrap"><div class="rich-text">' + "".join(parts)
        + '<div class="related-posts"><p>Read next: how the rent strike of 1972 was won by the'
        " tenants of the east side estates, step by step.</p></div></div>"
        '<div class="sidebar"><p>Our newsletter brings you a guide like this one every week of'
        " the year, free of charge.</p></div></div>"
        "<footer>Copyright 2024 The Town Paper</footer></body></html>"
    )


def test_paragraphs_after_where_the_extractor_stopped_come_back(monkeypatch) -> None:
    """The extractor stopped early inside the text it found: the rest of it comes back."""
    import pamphlet.sources.html as html_reader

    monkeypatch.setattr(html_reader, "_trafilatura", _first_paragraphs_only(3))
    doc = html_reader.parse_html(_guide_page(), "guide.html", base_dir=Path("."))
    said = [t for b in doc.body for t in texts_of(b)]
    steps = [next(i for i, t in enumerate(said) if t.startswith(f"Step {n}.")) for n in (0, 5, 11)]
    assert steps == sorted(steps)
    assert "Part 3" in said  # with the headings of its sections
    everything = "\n".join(doc.texts())
    assert "rent strike of 1972" not in everything  # related posts inside the region
    assert "newsletter" not in everything  # beside the region


def test_the_rest_of_the_region_stays_out_when_the_extractor_kept_most(monkeypatch) -> None:
    import pamphlet.sources.html as html_reader

    monkeypatch.setattr(html_reader, "_trafilatura", _first_paragraphs_only(10))
    doc = html_reader.parse_html(_guide_page(), "guide.html", base_dir=Path("."))
    said = "\n".join(doc.texts())
    assert "Step 9." in said
    assert "Step 11." not in said


def _paragraphs_only(tree, comments):
    """An extractor that keeps the page's paragraphs and drops its tables."""
    body = etree.Element("body")
    for p in tree.iter("p"):
        etree.SubElement(body, "p").text = p.text_content()
    return body, None


_TABLE = (
    "<table><tr><th>Bill total</th><th>15%</th><th>20%</th></tr>"
    "<tr><td>$10.00</td><td>$1.50</td><td>$2.00</td></tr>"
    "<tr><td>$20.00</td><td>$3.00</td><td>$4.00</td></tr></table>"
    "<div class='note'>Prices vary</div>"
)


def test_a_table_the_extractor_dropped_in_the_article_comes_back(monkeypatch) -> None:
    import pamphlet.sources.html as html_reader

    monkeypatch.setattr(html_reader, "_trafilatura", _paragraphs_only)
    doc = html_reader.parse_html(_page(_TABLE), "tips.html", base_dir=Path("."))
    said = [t for b in doc.body for t in texts_of(b)]
    row = said.index("$20.00 | $3.00 | $4.00")
    assert said[row - 1] == "$10.00 | $1.50 | $2.00"
    assert said[row + 1].startswith("Later paragraph 0.")
    assert "Prices vary" not in said  # a short line that is not a table's row stays out
