"""Discussions marked up with schema.org microdata: Q&A pages and forum threads."""

from __future__ import annotations

from pathlib import Path

from pamphlet.model import Paragraph
from pamphlet.sources.html import parse_html

HERE = Path(__file__).parent

QUESTION = """<div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
  <h1 itemprop="name">How do we book the hall for the branch meeting?</h1>
  <time itemprop="dateCreated" datetime="2024-03-02T10:15:00Z">Mar 2, 2024</time>
  <div class="s-prose" itemprop="text"><p>Our branch meets monthly and the community hall
  wants a booking form from a named officer. Who signs it, and how far ahead?</p></div>
  <div class="user-info">asked <span>Mar 2, 2024 at 10:15</span>
    <div itemprop="author" itemscope itemtype="http://schema.org/Person">
      <a href="/u/1">Mara</a><span itemprop="name">Mara</span></div>
    <span>1,992 2 gold badges 14 silver badges</span></div>
  <ul class="comments-list">
    <li class="comment" itemprop="comment" itemscope itemtype="https://schema.org/Comment">
      <span itemprop="text">Which hall, the one on Dock Street?</span>
      <div itemprop="author" itemscope itemtype="https://schema.org/Person">
        <span itemprop="name">Jo</span></div>
      <div itemprop="dateCreated" content="2024-03-02T11:00:00Z"></div></li>
  </ul>
</div>"""

ANSWER = """<div itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer">
  <div class="s-prose" itemprop="text"><p>The secretary signs it. Book at least {weeks} weeks
  ahead, because the hall fills up with weddings in spring.</p></div>
  <time itemprop="dateCreated" datetime="2024-03-0{day}T09:00:00Z">answered</time>
  <div class="user-info">answered Mar {day}, 2024
    <div itemprop="author" itemscope itemtype="http://schema.org/Person">
      <span itemprop="name">{name}</span></div><span>4,871 gold badges</span></div>
  <ul class="comments-list">
    <li class="comment" itemscope itemtype="https://schema.org/Comment">
      <span itemprop="text">Thanks, {name}, that settles it.</span>
      <div itemprop="author" itemscope itemtype="https://schema.org/Person">
        <span itemprop="name">Mara</span></div></li></ul>
</div>"""


def qa_page() -> str:
    answers = "".join(
        ANSWER.format(weeks=w, day=d, name=n) for w, d, n in ((6, 3, "Priya"), (4, 4, "Tom"))
    )
    return f"""<html lang="en"><head><title>How do we book the hall? - Branch Q&amp;A</title>
      </head><body itemscope itemtype="https://schema.org/QAPage">
      <nav><a href="/">Questions</a> <a href="/tags">Tags</a></nav>
      {QUESTION}<h2>2 Answers</h2>{answers}
      <aside><h3>Hot Network Questions</h3><ul><li><a href="/q/9">Is a quorum needed?</a></li>
      </ul></aside></body></html>"""


def test_question_is_the_body_and_answers_are_replies_with_authors_and_dates():
    doc = parse_html(qa_page(), "qa.html", base_dir=HERE)
    assert doc.kind == "thread"
    assert doc.body == (
        Paragraph(
            "Our branch meets monthly and the community hall wants a booking form from a "
            "named officer. Who signs it, and how far ahead?"
        ),
    )
    said = [(c.author, c.date, c.in_reply_to, c.body[0].text[:24]) for c in doc.comments]
    assert said == [
        ("Jo", "2024-03-02T11:00", "Mara", "Which hall, the one on D"),
        ("Priya", "2024-03-03T09:00", None, "The secretary signs it. "),
        ("Mara", None, "Priya", "Thanks, Priya, that sett"),
        ("Tom", "2024-03-04T09:00", None, "The secretary signs it. "),
        ("Mara", None, "Tom", "Thanks, Tom, that settle"),
    ]
    everything = "\n".join(doc.texts())
    for chrome in ("gold badges", "answered Mar", "Hot Network Questions", "2 Answers"):
        assert chrome not in everything, chrome


def test_faq_page_with_many_questions_is_not_a_thread():
    faq = "".join(
        f"""<div itemscope itemtype="https://schema.org/Question"><h3 itemprop="name">Q{i}?</h3>
        <div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer">
        <div itemprop="text"><p>Answer {i}: members pay dues monthly by standing order, and
        the treasurer sends a receipt at the end of each quarter.</p></div></div></div>"""
        for i in range(4)
    )
    html = f"""<html><head><title>Membership FAQ</title></head><body><main>
      <h1>Membership FAQ</h1><div itemscope itemtype="https://schema.org/FAQPage">{faq}</div>
      </main></body></html>"""
    doc = parse_html(html, "faq.html", base_dir=HERE)
    assert doc.kind == "article"
    assert not doc.comments
    assert "Answer 3: members pay dues" in "\n".join(doc.texts())


def test_forum_topic_with_comment_replies():
    replies = "".join(
        f"""<div itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="post">
        <span itemprop="author" itemscope itemtype="http://schema.org/Person">
          <span itemprop="name">member{i}</span></span>
        <time itemprop="datePublished" datetime="2024-05-0{i}T08:00:00Z">May {i}</time>
        <div itemprop="text"><p>Reply {i}: we had the same problem with the landlord and the
        council's housing team sorted it within a fortnight.</p></div></div>"""
        for i in range(1, 4)
    )
    html = f"""<html><head><title>Damp in the flats - Tenants Forum</title></head><body>
      <div itemscope itemtype="http://schema.org/DiscussionForumPosting">
        <meta itemprop="headline" content="Damp in the flats">
        <span itemprop="author" itemscope itemtype="http://schema.org/Person">
          <span itemprop="name">opener</span></span>
        <div itemprop="articleBody"><p>Since October the back bedrooms on the third floor are
        wet every morning and the landlord will not answer our letters.</p></div>
        {replies}</div></body></html>"""
    doc = parse_html(html, "forum-md.html", base_dir=HERE)
    assert doc.kind == "thread"
    assert doc.body[0].text.startswith("Since October the back bedrooms")
    assert [c.author for c in doc.comments] == ["member1", "member2", "member3"]
    assert [c.in_reply_to for c in doc.comments] == [None, None, None]  # a flat thread
    assert doc.comments[2].date == "2024-05-03T08:00"
