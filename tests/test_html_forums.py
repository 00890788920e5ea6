"""Forum posts without microdata: bodies, authors and chrome found from the markup's shape."""

from __future__ import annotations

from pathlib import Path

from pamphlet.sources.html import parse_html

HERE = Path(__file__).parent

POST = """<div class="windowbg" id="msg{n}"><div class="post_wrapper">
  <div class="poster"><h4><a href="https://forum.example.org/index.php?action=profile;u={n}"
    title="View the profile of {name}">{name}</a></h4>
    <ul class="user_info"><li class="postgroup">Senior Member</li>
    <li class="postcount">Posts: 7,825</li></ul></div>
  <div class="postarea"><div class="keyinfo"><a href="?msg={n}" class="smalltext">
    June 0{n}, 2024, 03:29:46 AM</a></div>
    <div class="post"><div class="inner">{quote}{text}</div></div>
    <div class="under_message"><ul><li class="like_count">2 people like this.</li></ul></div>
  </div></div></div>"""

TEXTS = [
    "The rent rise letter arrived today for every flat in the block. Has anyone checked "
    "whether the landlord gave the notice the tenancy agreement requires?",
    "It is two months under our agreements, and the letter gave six weeks. The association "
    "should write back before the first of the month and say so plainly.",
    "Agreed, and we should copy the council's private rented sector team on the letter so "
    "there is a record of it if the landlord tries again next year.",
]


def forum_page() -> str:
    posts = []
    for n, (name, text) in enumerate(zip(("opener", "Arantor", "rcane"), TEXTS, strict=True), 1):
        quote = (
            '<blockquote><cite><a href="?msg=2">Quote from: Arantor on June 02</a></cite>'
            "The association should write back.</blockquote>"
            if n == 3
            else ""
        )
        posts.append(POST.format(n=n, name=name, text=text, quote=quote))
    return f"""<html><head><title>Rent rise letter - Tenants Forum</title></head><body>
      <div id="forumposts"><form id="quickModForm">{"<hr>".join(posts)}</form></div>
      </body></html>"""


def test_post_bodies_authors_and_no_chrome():
    doc = parse_html(forum_page(), "smf.html", base_dir=HERE)
    assert doc.kind == "thread"
    everything = "\n".join(doc.texts())
    for text in TEXTS:
        assert text in everything
    for chrome in ("people like this", "Posts: 7,825", "Senior Member"):
        assert chrome not in everything, chrome
    assert [c.author for c in doc.comments] == ["Arantor", "rcane"]  # not "Quote from: ..."


def undated_thread(url: str) -> str:
    posts = "<hr>".join(
        f"""<article><div class="PostUser"><h3 class="PostUser-name">{name}</h3></div>
        <div class="Post-body"><p>{text}</p></div></article>"""
        for name, text in zip(("opener", "Arantor", "rcane"), TEXTS, strict=True)
    )
    return f"""<html><head><title>Rent rise letter - Tenants Forum</title>
      <link rel="canonical" href="{url}"></head><body>
      <div class="container"><h1>Rent rise letter</h1>{posts}</div></body></html>"""


def test_undated_posts_of_a_discussion_page_are_replies():
    doc = parse_html(undated_thread("https://forum.example.org/d/2068-rent-rise"), "d.html",
                     base_dir=HERE)
    assert doc.kind == "thread"
    assert [c.body[0].text for c in doc.comments] == TEXTS[1:]
    assert TEXTS[0] in "\n".join(doc.texts(reader_comments=False))


def test_undated_repeated_articles_on_an_article_page_are_not_a_thread():
    doc = parse_html(undated_thread("https://news.example.org/2024/rent-rise"), "a.html",
                     base_dir=HERE)
    assert doc.kind == "article"
    assert not doc.comments
