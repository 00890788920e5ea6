"""The saved-HTML reader on small hand-written pages (tests/fixtures/html)."""

from __future__ import annotations

import contextlib
import gzip
import json
from pathlib import Path

import pytest

from pamphlet.errors import BadSource, NoContent
from pamphlet.model import Comment, Document, Figure, Heading, ListBlock, Paragraph, Quote
from pamphlet.sources.html import parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def read(name: str, **kwargs) -> Document:
    path = FIXTURES / name
    return parse_html(path.read_text(encoding="utf-8"), str(path), base_dir=FIXTURES, **kwargs)


def all_text(doc: Document) -> str:
    parts = [*doc.texts(), *doc.authors, *(r.text for r in doc.removed)]
    parts += [c.author or "" for c in doc.comments]
    parts += [b.alt or "" for b in doc.body if isinstance(b, Figure)]
    return "\n".join(parts)


def test_drupal_metadata_body_and_threaded_comments():
    doc = read("drupal.html")
    assert doc.title == "Library hours cut again"
    assert doc.authors == ("Mary Okafor",)
    assert doc.date is not None and doc.date.startswith("2024-03-05")
    assert doc.language == "en"
    assert doc.url == "https://tenants.example.org/news/library-hours-cut-again"
    assert Heading(2, "What the council says") in doc.body
    assert doc.body[0] == Paragraph(
        "The council has announced that the Riverside branch library will open only three days "
        "a week from April, the second cut to its hours in two years."
    )
    assert [(c.author, c.in_reply_to) for c in doc.comments] == [
        ("Jonas Brandt", None),
        ("Mary Okafor", "Jonas Brandt"),
        ("Priya Shah", None),
    ]
    assert [c.date[:10] for c in doc.comments] == ["2024-03-05", "2024-03-05", "2024-03-06"]
    first = doc.comments[0]
    assert first.body == (
        Paragraph(
            "My kids go to the homework club every Tuesday. Where are they supposed to go now?"
        ),
    )
    # the comments are not repeated in the article body, and the reply link is not a comment
    body_text = " ".join(t for b in doc.body for t in getattr(b, "text", "").split())
    assert "homework club every Tuesday" not in body_text
    assert "Reply" not in " ".join(p.text for c in doc.comments for p in c.body)


def test_wordpress_lists_quotes_and_replies():
    doc = read("wordpress.html")
    assert doc.title == "Why we are striking on Monday"
    assert doc.authors == ("Dana Whitfield",)
    assert doc.date is not None and doc.date.startswith("2023-11-02")
    assert doc.publisher == "Bus Workers Blog"
    lists = [b for b in doc.body if isinstance(b, ListBlock)]
    assert len(lists) == 1 and lists[0].ordered
    assert lists[0].items[0] == "The company withdrew its offer of paid breaks."
    assert len(lists[0].items) == 3
    assert not lists[0].demands
    assert (
        Quote("We are not asking for luxury. We are asking to be able to drive safely.") in doc.body
    )
    assert [(c.author, c.in_reply_to) for c in doc.comments] == [
        ("Lena Kowalski", None),
        ("Dana Whitfield", "Lena Kowalski"),
        ("Tom Reyes", None),
    ]
    assert doc.comments[1].date is not None and doc.comments[1].date.startswith("2023-11-02")
    assert "says" not in " ".join(c.author or "" for c in doc.comments)


def test_disqus_static_thread():
    doc = read("disqus.html")
    assert doc.title == "Rent strike enters its third month"
    assert doc.authors == ("Sam Ortiz",)
    assert doc.url == "https://news.example.net/2022/rent-strike-third-month"
    # "Friday, 3/4/2022" on an English page with no region: month first, and 4 March was a Friday
    assert doc.date is not None and doc.date.startswith("2022-03-04")
    assert [(c.author, c.in_reply_to) for c in doc.comments] == [
        ("Harriet Walker", None),
        ("Sam Ortiz", "Harriet Walker"),
    ]
    assert doc.comments[1].date is not None and doc.comments[1].date.startswith("2022-03-05")
    assert "Solidarity from the tenants of Elm Court" in doc.comments[0].body[0].text


def test_russian_page_language_date_and_demands():
    doc = read("russian.html")
    assert doc.language == "ru"
    assert doc.title == "Водители скорой помощи объявили забастовку"
    assert doc.authors == ("Анна Петрова",)
    assert doc.date is not None and doc.date.startswith("2014-03-03")
    (demands,) = doc.demands
    assert demands.where == "body"
    assert demands.intro is not None and demands.intro.endswith("Мы требуем:")
    assert len(demands.items) == 3
    # the intro paragraph stays where it was, right before the list
    index = next(i for i, b in enumerate(doc.body) if isinstance(b, ListBlock))
    assert isinstance(doc.body[index - 1], Paragraph)
    assert doc.body[index - 1].text == demands.intro


def test_demands_list_and_ordinary_list():
    doc = read("demands.html")
    lists = [b for b in doc.body if isinstance(b, ListBlock)]
    assert [(lst.demands, lst.ordered) for lst in lists] == [(True, True), (False, False)]
    assert lists[0].intro == "These are our demands:"
    assert Paragraph("These are our demands:") in doc.body
    assert doc.demands[0].items[2] == "Reinstate our three dismissed colleagues."
    assert doc.authors == ("Cleaners United",)
    assert doc.date is not None and doc.date.startswith("2025-01-20")
    assert any(r.code == "H104" and "Campaigns" in r.text for r in doc.removed)


def test_figures_local_remote_and_missing_images():
    doc = read("figure.html")
    figures = [b for b in doc.body if isinstance(b, Figure)]
    assert figures[0] == Figure(
        caption="Marchers pass the station at noon.",
        src="images/march.png",
        alt="Marchers with banners on the high street",
    )
    assert figures[1].caption == "The rally outside the town hall." and figures[1].src is None
    assert figures[2].caption.startswith("A sign made") and figures[2].src is None
    # the caption is said once, as the caption
    texts = [b.text for b in doc.body if isinstance(b, Paragraph)]
    assert "Marchers pass the station at noon." not in texts
    codes = {r.code for r in doc.removed}
    assert {"H101", "H105", "H106"} <= codes


def test_remote_images_kept_only_when_allowed():
    doc = read("figure.html", allow_remote=True)
    figures = [b for b in doc.body if isinstance(b, Figure)]
    assert figures[1].src == "https://cdn.example.com/photos/townhall.jpg"
    assert figures[2].src is None  # a missing local file is never made up


def test_local_image_outside_base_dir_is_not_used(tmp_path):
    page = tmp_path / "page"
    page.mkdir()
    (tmp_path / "secret.png").write_bytes(b"\x89PNG")
    html = (FIXTURES / "figure.html").read_text(encoding="utf-8")
    html = html.replace("images/march.png", "../secret.png")
    doc = parse_html(html, "page.html", base_dir=page)
    figures = [b for b in doc.body if isinstance(b, Figure)]
    assert figures[0].src is None
    assert figures[0].caption == "Marchers pass the station at noon."


@pytest.mark.parametrize(
    "name",
    ["drupal.html", "wordpress.html", "disqus.html", "russian.html", "demands.html", "figure.html"],
)
def test_no_active_content_reaches_the_model(name):
    doc = read(name)
    text = all_text(doc) + doc.to_json()
    for marker in (
        "TRACKING-SCRIPT-TEXT",
        "STYLE-SHEET-TEXT",
        "IFRAME-EMBED",
        "FORM-INPUT-TEXT",
        "FORM-BUTTON",
        "FORM-TEXTAREA",
        "ONERROR-HANDLER",
        "INLINE-SCRIPT-WRITE",
        "NOSCRIPT-TEXT",
        "javascript:",
        "onclick",
        "<script",
        "alert(",
    ):
        assert marker not in text, marker


@pytest.mark.parametrize(
    "name",
    ["drupal.html", "wordpress.html", "disqus.html", "russian.html", "demands.html", "figure.html"],
)
def test_json_round_trip(name):
    doc = read(name)
    again = Document.from_dict(json.loads(doc.to_json()))
    assert again == doc


def test_removed_lines_point_into_the_source():
    doc = read("drupal.html")
    lines = (FIXTURES / "drupal.html").read_text(encoding="utf-8").splitlines()
    footer = next(r for r in doc.removed if r.code == "H104" and r.text.startswith("footer"))
    assert "<footer" in lines[footer.line - 1]
    assert any(r.code == "H102" for r in doc.removed)
    assert any(r.code == "H103" for r in doc.removed)


def test_boilerplate_only_page_has_no_content():
    html = """<html><head><title>x</title><script>var a = 1;</script></head><body>
    <nav><a href="/">Home</a> <a href="/about">About us</a></nav>
    <footer>© 2024 Example Ltd. All rights reserved.</footer></body></html>"""
    with pytest.raises(NoContent):
        parse_html(html, "empty.html", base_dir=FIXTURES)
    with pytest.raises(NoContent):
        parse_html("   \n ", "blank.html", base_dir=FIXTURES)


def test_deeply_nested_page_does_not_crash():
    para = "<p>Deep inside the page there is still a sentence worth keeping for the reader.</p>"
    html = "<html><body>" + "<div>" * 10_000 + para + "</div>" * 10_000 + "</body></html>"
    try:
        doc = parse_html(html, "deep.html", base_dir=FIXTURES)
    except (BadSource, NoContent):
        return
    assert isinstance(doc, Document)


def test_garbage_is_a_pamphlet_error_not_a_traceback():
    for junk in ("\x00\x01\x02" * 100, "<" * 5000, "<?xml version='1.0' encoding='utf-8'?><a>"):
        with contextlib.suppress(BadSource, NoContent):  # anything else fails the test
            doc = parse_html(junk, "junk.html", base_dir=FIXTURES)
            assert doc.body or doc.comments


def test_comment_demands_are_found_in_comments():
    html = (
        (FIXTURES / "wordpress.html")
        .read_text(encoding="utf-8")
        .replace(
            "<p>I ride the 12 every day. Happy to walk on Monday if it helps.</p>",
            "<p>Our demands as passengers:</p><ul><li>Safe breaks</li><li>Open canteen</li></ul>",
        )
    )
    doc = parse_html(html, "wp.html", base_dir=FIXTURES)
    (demands,) = doc.demands
    assert demands.where == "comment 3"
    assert demands.items == ("Safe breaks", "Open canteen")


def test_gzipped_page_through_read_source(tmp_path):
    from pamphlet.sources import read_source

    target = tmp_path / "saved.html.gz"
    target.write_bytes(gzip.compress((FIXTURES / "demands.html").read_bytes()))
    doc = read_source(target)
    assert doc.title == "Open letter to the university board"
    assert doc.demands


def test_comments_are_comment_objects():
    doc = read("wordpress.html")
    assert all(isinstance(c, Comment) and c.body for c in doc.comments)


def test_double_encoded_utf8_is_repaired():
    from pamphlet.sources.html import repair_mojibake

    broken = "It\u00e2\u0080\u0099s the workers\u00e2\u0080\u0099 caf\u00c3\u00a9"
    assert repair_mojibake(broken) == "It’s the workers’ café"
    fine = "café à » naïve — “quoted”"
    assert repair_mojibake(fine) == fine


def test_comment_markup_found_by_class_parts():
    html = (FIXTURES / "disqus.html").read_text(encoding="utf-8")
    thread = """<div class="wpd-thread-list">
      <div class="comment wpd-comment" id="wpd-comm-5">
        <div class="wpd-comment-header"><div class="wpd-comment-author">Rosa Linde</div>
        <div class="wpd-comment-date" title="March 6, 2022 4:10 pm">2 years ago</div></div>
        <div class="wpd-comment-text">
          <p>We are organising the same at Birch House next month.</p></div>
        <div class="wpd-comment-footer"><span class="wpd-reply-button">Reply</span></div>
      </div></div>"""
    start = html.index('<div id="disqus_thread">')
    end = html.index("</body>")
    doc = parse_html(html[:start] + thread + html[end:], "wpd.html", base_dir=FIXTURES)
    (comment,) = doc.comments
    assert comment.author == "Rosa Linde"
    assert comment.date is not None and comment.date.startswith("2022-03-06")
    assert comment.body == (Paragraph("We are organising the same at Birch House next month."),)


def test_forum_thread_posts_become_comments_without_chrome():
    doc = read("forum.html")
    assert doc.title == "Which hand plane should a beginner buy first?"
    body = " ".join(b.text for b in doc.body if isinstance(b, Paragraph))
    assert body.startswith("I have been building small boxes")
    assert [c.author for c in doc.comments] == ["oldjoiner", "fenwood"]
    assert [c.date[:10] for c in doc.comments] == ["2024-02-11", "2024-02-12"]
    assert doc.comments[0].body[0].text.startswith("A number five jack plane.")
    said = "\n".join(doc.texts())
    for chrome in ("Posts: 4821", "Joined:", "Measure twice", "Thirty years of shavings"):
        assert chrome not in said, chrome


def test_consent_dialog_is_left_out_and_summarised():
    doc = read("forum.html")
    assert "personalised advertising" not in "\n".join(doc.texts())
    codes = {r.code: r.text for r in doc.removed}
    assert codes["H108"].startswith("We and our partners use cookies")


def _heating_paragraphs() -> str:
    return "".join(
        f"<p>Paragraph {i} of the tenants' report on the heating, which failed again in "
        f"block {i} during the coldest week of the winter.</p>"
        for i in range(6)
    )


def test_consent_named_wrapper_around_the_article_is_kept():
    paragraphs = _heating_paragraphs()
    html = f"""<html><head><title>Heating report</title></head><body>
      <div class="consent-layout"><article><h1>Heating report</h1>{paragraphs}</article></div>
      <div class="cookie-banner"><p>This site uses cookies to measure its audience.</p></div>
      </body></html>"""
    doc = parse_html(html, "wrapped.html", base_dir=FIXTURES)
    said = "\n".join(doc.texts())
    assert "Paragraph 5 of the tenants' report" in said
    assert "measure its audience" not in said


def test_what_the_page_marks_not_for_print_is_left_out_and_summarised():
    paragraphs = "".join(
        f"<p>As at 2024<sup class=\"noprint update\">[update]</sup>, section {i} of the "
        f"tenants' report says the heating failed again in block {i} this winter.</p>"
        for i in range(6)
    )
    html = f"""<html><head><title>Heating report</title></head><body>
      <div class="noprint-wrapper"><article><h1>Heating report</h1>{paragraphs}
      <div class="share-tools d-print-none"><p>Send this report to your councillor by email
      today, it only takes a minute.</p></div>
      <div class="print-only"><p>Printed from the tenants' association website archive.</p></div>
      <p class="printable">The association meets on the first Monday of every month.</p>
      </article></div></body></html>"""
    doc = parse_html(html, "noprint.html", base_dir=FIXTURES)
    said = "\n".join(doc.texts())
    assert "As at 2024, section 5 of the tenants' report says" in said
    assert "[update]" not in said
    assert "councillor" not in said
    assert "Printed from the tenants' association" in said  # print-only is printed
    assert "first Monday of every month" in said
    unprinted = [r.text for r in doc.removed if r.code == "H109"]
    assert any(t.startswith("Send this report to your councillor") for t in unprinted)


def test_a_not_for_print_wrapper_around_the_article_is_kept():
    paragraphs = _heating_paragraphs()
    html = f"""<html><head><title>Heating report</title></head><body>
      <div class="no-print"><article><h1>Heating report</h1>{paragraphs}</article></div>
      </body></html>"""
    doc = parse_html(html, "wrapped.html", base_dir=FIXTURES)
    assert "Paragraph 5 of the tenants' report" in "\n".join(doc.texts())


def test_teaser_cards_after_an_article_are_not_a_thread():
    paragraphs = "".join(
        f"<p>The second paragraph {i} of the story explains how the new bus timetable leaves "
        f"the night shift workers of the eastern estates without any way home after midnight.</p>"
        for i in range(8)
    )
    teasers = "".join(
        f"""<div class="related-post"><span class="author">Staff writer</span>
        <time datetime="2024-01-0{i}">January {i}, 2024</time>
        <p>Another story {i} about the city's transport budget and what it means.</p></div>"""
        for i in range(1, 5)
    )
    html = f"""<html><head><title>Night buses cut</title></head><body>
      <article><h1>Night buses cut</h1>{paragraphs}</article>
      <section class="related">{teasers}</section></body></html>"""
    doc = parse_html(html, "teasers.html", base_dir=FIXTURES)
    assert not any(c.author == "Staff writer" for c in doc.comments)
    assert "The second paragraph 7 of the story" in "\n".join(doc.texts())


def test_script_shell_page_shows_its_noscript_text():
    paragraphs = "".join(
        f"<article><div class='PostUser'><h3>user{i}</h3></div><div class='Post-body'><p>"
        f"Reply number {i}: the discussion engine renders every post with scripts, and only "
        f"this fallback copy of the thread is in the saved page for readers without them.</p>"
        f"</div></article>"
        for i in range(6)
    )
    html = f"""<html><head><title>A thread</title></head><body><div id="app"></div>
      <noscript><main>{paragraphs}</main></noscript></body></html>"""
    doc = parse_html(html, "shell.html", base_dir=FIXTURES)
    assert "Reply number 5: the discussion engine" in "\n".join(doc.texts())


def test_table_forum_rows_are_posts():
    names = ["kestrel", "moorhen", "dunnock", "linnet"]
    rows = "".join(
        f"""<tr><td class="msg"><div class="msg_infobox"><span class="user">{name}</span>
        <span class="post_time">3/{i + 1}/2024 5:03 AM</span></div>
        <div class="msg_body">Post {i} of the thread: the allotment committee still has not
        said whether the water troughs will be refilled before the dry weeks of the summer.
        <div class="signature">Grow your own, {name}</div></div></td></tr>"""
        for i, name in enumerate(names)
    )
    html = f"""<html><head><title>Water troughs</title></head><body>
      <div class="board"><table class="board message"><tbody>{rows}</tbody></table></div>
      </body></html>"""
    doc = parse_html(html, "table-forum.html", base_dir=FIXTURES)
    said = "\n".join(doc.texts())
    for i in range(4):
        assert f"Post {i} of the thread" in said
    assert "Grow your own" not in said
    assert [c.author for c in doc.comments] == names[1:]


def test_entities_written_into_json_ld_are_decoded(tmp_path):
    """JSON is not HTML: a CMS's "&#39;" and "&amp;" inside JSON-LD are still entities."""
    ld = {
        "@type": "NewsArticle",
        "headline": "Houston&#39;s tenants win &amp; keep their homes",
        "author": {"@type": "Person", "name": "Ana O&#39;Neill"},
    }
    line = "The tenants' union met on Monday and voted to keep the rent strike going."
    prose = " ".join([line] * 6)
    page = (
        "<html lang='en'><head><title>Houston&#39;s tenants win</title>"
        f"<script type='application/ld+json'>{json.dumps(ld)}</script></head>"
        f"<body><article><h1>Tenants win</h1><p>{prose}</p><p>{prose}</p></article></body></html>"
    )
    doc = parse_html(page, "ld.html", base_dir=tmp_path)
    assert doc.title == "Houston's tenants win & keep their homes"
    assert doc.authors == ("Ana O'Neill",)
