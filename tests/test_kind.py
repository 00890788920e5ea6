"""An article with readers' comments versus a discussion whose replies are its content."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from pamphlet.model import Comment, Document, Paragraph
from pamphlet.render import labels
from pamphlet.sources.discussion import replies_outweigh
from pamphlet.sources.html import parse_html
from pamphlet.sources.html_kind import is_discussion

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def read(name: str) -> Document:
    path = FIXTURES / name
    return parse_html(path.read_text(encoding="utf-8"), str(path), base_dir=FIXTURES)


def test_blog_post_with_comments_is_an_article():
    doc = read("wordpress.html")
    assert doc.comments
    assert doc.kind == "article"
    main = "\n".join(doc.texts(reader_comments=False))
    assert "drivers of routes 4, 12 and 31" in main
    for comment in doc.comments:
        assert comment.body[0].text not in main  # readers' comments are not the main content
    assert labels(doc)["comments"] == "Comments"


def test_forum_thread_is_a_discussion_and_its_replies_are_content():
    doc = read("forum.html")
    assert doc.kind == "thread"
    main = "\n".join(doc.texts(reader_comments=False))
    assert doc.comments[0].body[0].text in main
    assert labels(doc)["comments"] == "Replies"
    assert Document.from_dict(doc.to_dict()).kind == "thread"


def page(head: str = "", body: str = "") -> object:
    markup = f"<html><head>{head}</head><body>{body}<p>x</p></body></html>"
    return lxml_html.document_fromstring(markup)


@pytest.mark.parametrize(
    ("head", "body", "url"),
    [
        ('<meta name="generator" content="Discourse 3.5.0">', "", None),
        ('<meta name="generator" content="phpBB">', "", None),
        (
            '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>',
            "",
            None,
        ),
        ("", '<div itemscope itemtype="https://schema.org/QAPage"></div>', None),
        ("", '<div class="message-body bbWrapper">a</div><div class="bbWrapper">b</div>', None),
        ("", "", "https://forum.example.org/viewtopic.php?t=12"),
        ('<link rel="canonical" href="https://example.org/threads/heating.881/">', "", None),
    ],
)
def test_pages_that_say_they_are_discussions(head, body, url):
    assert is_discussion(page(head, body), url)


@pytest.mark.parametrize(
    ("head", "body", "url"),
    [
        ('<meta name="generator" content="WordPress 6.4">', "", None),
        ('<script type="application/ld+json">{"@type": "NewsArticle"}</script>', "", None),
        ("", '<div class="entry-content">one post body</div>', None),
        ("", "", "https://news.example.org/2024/03/02/heating-strike"),
    ],
)
def test_articles_do_not_pass_for_discussions(head, body, url):
    assert not is_discussion(page(head, body), url)


@pytest.mark.parametrize(
    ("body_words", "comment_words", "expected"),
    [(40, 500, True), (240, 721, True), (240, 720, False), (900, 9000, False), (0, 10, True)],
)
def test_a_short_post_under_many_replies_is_a_discussion(body_words, comment_words, expected):
    assert replies_outweigh(body_words, comment_words) is expected


def test_link_post_with_a_long_comment_thread_is_a_discussion():
    comments = "".join(
        f'<li class="comment"><div class="comment-author">user{i}</div>'
        f'<div class="comment-content"><p>Reply {i}: the proposal to move the branch meeting to '
        f"Thursdays would suit shift workers better, and the hall is free that evening as well."
        f"</p></div></li>"
        for i in range(12)
    )
    html = f"""<html><head><title>Move the branch meeting?</title></head><body>
      <main><h1>Move the branch meeting?</h1>
      <p>Should the branch meet on Thursdays from now on? Say what you think below.</p></main>
      <ol class="comment-list">{comments}</ol></body></html>"""
    doc = parse_html(html, "link-post.html", base_dir=FIXTURES)
    assert len(doc.comments) == 12
    assert doc.kind == "thread"
    assert "Reply 11:" in "\n".join(doc.texts(reader_comments=False))


def test_texts_without_reader_comments_keeps_everything_else():
    doc = Document(
        title="T",
        source="s.txt",
        subtitle="S",
        body=(Paragraph("body"),),
        comments=(Comment("a", None, (Paragraph("said"),)),),
    )
    assert doc.texts(reader_comments=False) == ["T", "S", "body"]
    assert doc.texts() == ["T", "S", "body", "said"]
