"""What the extractor drops at an article's end: an FAQ set as an accordion (question buttons,
hidden answer panels), a questions-and-answers section after the kept text, and a table's rows
after the kept text when the extractor stopped early."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from pamphlet.model import Heading, Paragraph
from pamphlet.sources.html_blocks import ImageIndex, texts_of
from pamphlet.sources.html_faq import faq_after, open_accordions
from pamphlet.sources.html_region import with_region

PROSE = [
    "The tenants' association met on Tuesday to discuss the rent rise letter that every "
    "household in the block received at the start of the month.",
    "Members agreed that the notice period was shorter than the tenancy agreement requires, "
    "and that the association would write to the landlord before the end of the week.",
    "The secretary will draft the letter and circulate it to every floor representative, "
    "who will collect signatures from the households on their floor by Friday evening.",
]
QUESTIONS = [
    ("Who can join the association?", "Any tenant of the block can join, whatever the "
     "length of their tenancy, by signing the form at a meeting."),
    ("How much are the dues?", "There are no dues: the association is run by volunteers and "
     "its costs are met by a collection at the yearly meeting."),
    ("When are the meetings held?", "Meetings are held on the first Tuesday of every month "
     "in the community room on the ground floor at seven in the evening."),
]


def _text(blocks) -> str:
    return " ".join(t for b in blocks for t in texts_of(b))


def _images(tmp_path: Path) -> ImageIndex:
    return ImageIndex(base_dir=tmp_path, allow_remote=False)


def _kept() -> list[Paragraph]:
    return [Paragraph(p) for p in PROSE]


def _accordion() -> str:
    items = "".join(
        f'<div class="faq-item"><h3><button type="button" aria-expanded="false" '
        f'aria-controls="faq-{n}"><span>{q}</span></button></h3>'
        f'<div class="collapse" style="display:none;height:0"><div id="faq-{n}" role="region">'
        f"<p>{a}</p></div></div></div>"
        for n, (q, a) in enumerate(QUESTIONS)
    )
    return f"<h2>Frequently asked questions</h2><div class='faq'>{items}</div>"


def _page(after: str, prose: list[str] = PROSE) -> lxml.html.HtmlElement:
    paragraphs = "".join(f"<p>{p}</p>" for p in prose)
    return lxml.html.document_fromstring(
        f"<html><body><nav><a href='/'>Home</a></nav><main><div class='post'>{paragraphs}"
        f"{after}</div></main><footer>Contact us</footer></body></html>"
    )


def test_an_accordion_faq_after_the_article_comes_back_question_and_answer(tmp_path):
    out = with_region(_page(_accordion()), _kept(), _images(tmp_path))
    text = _text(out)
    for question, answer in QUESTIONS:
        assert question in text and answer in text
    assert text.index(PROSE[-1]) < text.index(QUESTIONS[0][0]) < text.index(QUESTIONS[0][1])
    assert any(isinstance(b, Heading) and b.text == QUESTIONS[1][0] for b in out)


def test_a_plain_faq_after_the_kept_text_comes_back(tmp_path):
    # the kept text is most of the region: only the FAQ after it was left out
    long = [f"{p} Part {n} of the minutes records this at length for the record." for n, p in
            enumerate(PROSE * 4)]
    faq = "<h2>FAQ</h2>" + "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in QUESTIONS)
    tree = _page(faq, long)
    out = with_region(tree, [Paragraph(p) for p in long], _images(tmp_path))
    text = _text(out)
    assert all(q in text and a in text for q, a in QUESTIONS)
    assert any(isinstance(b, Heading) and b.text == QUESTIONS[2][0] for b in out)


def test_links_after_the_article_are_not_taken_for_an_faq(tmp_path):
    related = "<h2>Related</h2>" + "".join(
        f"<p>{q}</p><p><a href='/more'>Read our guide on this</a></p>" for q, _ in QUESTIONS
    )
    out = with_region(_page(related), _kept(), _images(tmp_path))
    assert QUESTIONS[0][0] not in _text(out)


def test_faq_after_needs_answered_questions():
    blocks = [Paragraph(PROSE[0]), Heading(2, "FAQ")]
    blocks += [Paragraph(q) for q, _ in QUESTIONS]  # questions without answers
    assert faq_after(blocks, 0) == []
    answered = [Paragraph(PROSE[0]), Heading(2, "FAQ")]
    for q, a in QUESTIONS[:2]:
        answered += [Heading(3, q), Paragraph(a)]
    assert faq_after(answered, 0) == [1, 2, 3, 4, 5]
    # a long paragraph between the kept text and the questions: not the article's FAQ
    assert faq_after([Paragraph(PROSE[0]), Paragraph(PROSE[1]), *answered[2:]], 0) == []


def test_a_menu_opened_by_a_button_stays_closed():
    tree = lxml.html.document_fromstring(
        "<html><body><div><button aria-expanded='false' aria-controls='m'>Menu</button>"
        "<ul id='m' class='dropdown' hidden><li><a href='/a'>Alpha section of the site</a></li>"
        "<li><a href='/b'>Beta section of the site</a></li></ul></div>"
        "<div><button aria-expanded='false' aria-controls='links'>More</button>"
        "<div id='links' hidden><a href='/x'>One link to another page on the site</a> "
        "<a href='/y'>And another link to yet another page</a></div></div></body></html>"
    )
    assert open_accordions(tree) == 0
    assert tree.find(".//button") is not None and tree.get_element_by_id("m").get("hidden") == ""


def test_rows_of_a_table_after_the_kept_text_come_back_when_the_extractor_stopped_early(
    tmp_path,
):
    rest = "".join(  # the part the extractor did not reach (it stopped early)
        f"<h2>Part {n}</h2><p>{p}</p>" for n, p in enumerate(REPLY * 2 + [a for _, a in QUESTIONS])
    )
    rows = "".join(f"<tr><td>${n}0.00</td><td>${n}.50</td></tr>" for n in range(1, 6))
    table = f"<table><tr><th>Bill</th><th>Tip</th></tr>{rows}</table>"
    tree = _page(table + rest)
    out = with_region(tree, _kept(), _images(tmp_path))
    text = _text(out)
    assert "$30.00 | $3.50" in text and "Bill | Tip" in text
    assert text.index(PROSE[-1]) < text.index("$30.00")


REPLY = [
    "I went to the meeting too, and I do not agree that writing to the landlord will be enough "
    "this time, since the last letter we sent was never even answered.",
    "We should ask the council to look at the notice as well, and keep copies of everything "
    "the landlord sends to any of the households in the block from now on.",
    "If the rise goes ahead anyway, the association could help households apply to the rent "
    "tribunal, which has reduced rises like this one on other estates before.",
]


def test_a_paragraph_a_comment_quotes_and_answers_stays_in_the_article():
    from pamphlet.model import Comment
    from pamphlet.sources.html import _without_comment_copies

    quoting = Comment("reader", None, (Paragraph(f"“{PROSE[1]}”"), *map(Paragraph, REPLY)))
    kept = _without_comment_copies(_kept(), [quoting])
    assert _text(kept) == _text(_kept())
    # a post found twice (in the body and as the first comment) is still said once
    copy = Comment("opener", None, (Paragraph(PROSE[1]),))
    assert PROSE[1] not in _text(_without_comment_copies(_kept(), [copy, quoting]))


def test_a_heading_that_holds_a_paragraph_is_read_as_a_paragraph(tmp_path):
    from pamphlet.sources.html_blocks import html_blocks

    long = " ".join(PROSE[:2])
    root = lxml.html.fragment_fromstring(
        f"<div><h2>Rent rise</h2><h4>{long}</h4><p>{PROSE[2]}</p></div>"
    )
    blocks = html_blocks(root, _images(tmp_path))
    assert isinstance(blocks[0], Heading) and blocks[0].text == "Rent rise"
    assert isinstance(blocks[1], Paragraph) and blocks[1].text == long


def test_the_last_items_repeated_parts_after_the_kept_text_come_back(tmp_path):
    items = [(f"Model {n}", p) for n, p in enumerate(PROSE * 2)]
    html = "".join(
        f"<h2>{name}</h2><p>{text}</p><p><a href='/r'>Read the review.</a></p>"
        f"<h3>Pros</h3><ul><li>Quiet {n}</li><li>Cheap {n}</li></ul>"
        f"<h3>Cons</h3><ul><li>Heavy {n}</li></ul>"
        for n, (name, text) in enumerate(items)
    )
    tree = lxml.html.document_fromstring(
        f"<html><body><main><div class='post'>{html}<p>$899.00 from a shop</p></div></main>"
        "<footer>Sign up</footer></body></html>"
    )
    kept = [Paragraph(text) for _, text in items]
    text = _text(with_region(tree, kept, _images(tmp_path)))
    last = len(items) - 1
    assert f"Cheap {last}" in text and f"Heavy {last}" in text  # after the last kept paragraph
    assert f"Heavy {last - 1}" in text  # (inside the span, as before)
    assert "$899.00" not in text
