"""Forum posts without microdata: bodies, authors and chrome found from the markup's shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from pamphlet.sources.html import parse_html
from pamphlet.sources.html_blocks import texts_of

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


def forum_page(texts: list[str] = TEXTS, above: str = "", url: str = "") -> str:
    posts = []
    for n, (name, text) in enumerate(zip(("opener", "Arantor", "rcane"), texts, strict=True), 1):
        quote = (
            '<blockquote><cite><a href="?msg=2">Quote from: Arantor on June 02</a></cite>'
            "The association should write back.</blockquote>"
            if n == 3
            else ""
        )
        posts.append(POST.format(n=n, name=name, text=text, quote=quote))
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return f"""<html><head><title>Rent rise letter - Tenants Forum</title>{canonical}</head><body>
      {above}<div id="forumposts"><form id="quickModForm">{"<hr>".join(posts)}</form></div>
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
    doc = parse_html(
        undated_thread("https://forum.example.org/d/2068-rent-rise"), "d.html", base_dir=HERE
    )
    assert doc.kind == "thread"
    assert [c.body[0].text for c in doc.comments] == TEXTS[1:]
    assert TEXTS[0] in "\n".join(doc.texts(reader_comments=False))


def test_undated_repeated_articles_on_an_article_page_are_not_a_thread():
    doc = parse_html(
        undated_thread("https://news.example.org/2024/rent-rise"), "a.html", base_dir=HERE
    )
    assert doc.kind == "article"
    assert not doc.comments


def _read(name: str):
    path = HERE / "fixtures" / "html" / name
    return parse_html(path.read_text(encoding="utf-8"), name, base_dir=path.parent)


def test_opener_marked_apart_and_replies_marked_as_comments_make_one_thread():
    doc = _read("forum_xf.html")
    assert doc.kind == "thread"
    body = "\n".join(t for b in doc.body for t in texts_of(b))
    # the opening post (its own class, no schema.org mark) is the body, though a reply quotes it
    assert body.startswith("My rye starter is ten days old")
    assert "Is it ruined, or is it only hungry?" in body
    assert [c.author for c in doc.comments] == ["levain_larry", "ovenspring", "crumbqueen"]
    assert doc.comments[0].date == "2025-03-03T09:12"
    main = "\n".join(doc.texts(reader_comments=False))
    assert "It is only hungry." in main and "the first loaf is proving now" in main
    for chrome in ("Click to expand", "New member", "Well-known member", "Joined", "#2"):
        assert chrome not in main, chrome
    assert "Rye starter will not rise" not in main  # below the thread: similar threads


def test_post_titles_profiles_signatures_and_who_is_online_are_left_out():
    doc = _read("forum_bb.html")
    assert doc.kind == "thread"
    body = "\n".join(t for b in doc.body for t in texts_of(b))
    assert body.startswith("My old bench lathe has a single phase motor")
    assert [c.author for c in doc.comments] == ["gearhead", "swarf_sam"]
    main = "\n".join(doc.texts(reader_comments=False))
    assert "start capacitor: 200 uF, 250 V AC, motor start rated" in main
    assert "the centrifugal switch contacts are the next suspect" in main
    assert "It was the capacitor." in main
    for chrome in (
        "Select all",
        "Making chips since the last century",
        "Re: Lathe motor",
        "Posts:",
        "Shed at the bottom of the garden",
        "Users browsing this forum",
    ):
        assert chrome not in main, chrome
    assert "never to send money to strangers" not in main  # the forum's notice above the thread


NESTED = """<html><head><title>Hair cells grown in the lab : science</title>
  <link rel="canonical" href="https://forum.example.org/r/science/comments/1abc/hair_cells/">
  </head><body><div class="content"><div class="sitetable nestedlisting">
  <div class="thing comment" id="t1_a"><p class="tagline"><a class="author">ringing_ears</a>
    <time datetime="2026-03-04T19:34:00+00:00">3 hours ago</time></p>
    <div class="usertext-body"><div class="md"><p>Might this also help with tinnitus if the
    hair cells of the inner ear could be grown again the same way?</p></div></div>
    <div class="child"><div class="sitetable">
      <div class="thing comment" id="t1_b"><p class="tagline"><a class="author">cochlea_fan</a>
        <time datetime="2026-03-04T20:10:00+00:00">2 hours ago</time></p>
        <div class="usertext-body"><div class="md"><p>Those are different cells from hair
        follicles, despite the name, so this study does not reach them.</p></div></div>
      </div></div></div>
  </div>
  <div class="thing comment" id="t1_c"><p class="tagline"><a class="author">bald_hope</a>
    <time datetime="2026-03-04T21:00:00+00:00">1 hour ago</time></p>
    <div class="usertext-body"><div class="md"><p>Another step closer, though it was done in
    mice and human trials are years away.</p></div></div></div>
  </div></div></body></html>"""


def test_replies_nested_in_a_child_container_answer_their_parent():
    doc = parse_html(NESTED, "nested.html", base_dir=HERE)
    by_author = {c.author: c for c in doc.comments}
    assert set(by_author) == {"ringing_ears", "cochlea_fan", "bald_hope"}
    assert by_author["cochlea_fan"].in_reply_to == "ringing_ears"
    assert by_author["bald_hope"].in_reply_to is None
    assert "despite the name" in by_author["cochlea_fan"].body[0].text
    assert "despite the name" not in by_author["ringing_ears"].body[-1].text


def fluxbb_page() -> str:
    rows = ("rowodd firstpost", "roweven", "rowodd")
    posts = "".join(
        f"""<div id="p{n}" class="blockpost {row}"><h2><span>#{n} 2024-08-0{n} 10:59:47</span></h2>
        <div class="box"><div class="inbox"><div class="postbody">
          <div class="postleft"><dl><dt><strong>{name}</strong></dt>
            <dd class="usertitle"><strong>Member</strong></dd>
            <dd>Registered: 2012-09-03</dd></dl></div>
          <div class="postright"><h3>Re: Rent rise letter</h3>
            <div class="postmsg"><p>{text}</p></div></div>
        </div></div></div></div>"""
        for n, (row, name, text) in enumerate(
            zip(rows, ("opener", "Arantor", "rcane"), TEXTS, strict=True), 1
        )
    )
    return f"""<html><head><title>Rent rise letter / Tenants Forum</title>
      <link rel="canonical" href="https://forum.example.org/viewtopic.php?id=7"></head>
      <body><div id="brdmain">{posts}</div></body></html>"""


def test_alternating_rows_are_one_thread_and_the_user_column_is_left_out():
    doc = parse_html(fluxbb_page(), "fluxbb.html", base_dir=HERE)
    assert doc.kind == "thread"
    assert [c.author for c in doc.comments] == ["Arantor", "rcane"]
    assert [c.body[0].text for c in doc.comments] == TEXTS[1:]
    main = "\n".join(doc.texts(reader_comments=False))
    assert TEXTS[0] in main
    assert "Registered: 2012" not in main and "Re: Rent rise letter" not in main


SUBJECT = [
    "Hey there,",
    "The landlord's agent wrote to every flat in the block on Monday to say that the rent goes "
    "up by a fifth from June, and that anyone who objects should find somewhere else to live.",
    "Thanks for reading.",
]


def test_a_subject_above_the_replies_stays_whole_and_replies_stay_replies():
    # a discussion page whose opening post is not marked up like the replies, and whose replies
    # carry extra classes (a moderator's rank, the original poster's mark)
    marks = ("", " Rank-Admin", " Rank-Admin isOriginalPoster")
    items = "".join(
        f"""<li class="Item ItemComment{mark}"><div class="Author"><a class="Username"
          href="/profile/{name}">{name}</a> <time datetime="2025-03-0{n}T10:00:00Z">March {n}</time>
          </div><div class="Message userContent"><p>{text}</p></div></li>"""
        for n, (mark, name, text) in enumerate(
            zip(marks, ("K17", "mcrouse", "Linc"), TEXTS, strict=True), 1
        )
    )
    page = f"""<html><head><title>Rent rise - Tenants Forum</title>
      <link rel="canonical" href="https://forum.example.org/discussion/39620/rent-rise"></head>
      <body><h1>Rent rise</h1><div class="Discussion"><div class="Message userContent">
      {"".join(f"<p>{p}</p>" for p in SUBJECT)}</div></div>
      <h2 class="CommentHeading">Comments</h2><ul class="MessageList Comments">{items}</ul>
      </body></html>"""
    doc = parse_html(page, "vanilla.html", base_dir=HERE)
    assert [b.text for b in doc.body] == SUBJECT
    assert [c.author for c in doc.comments] == ["K17", "mcrouse", "Linc"]
    assert [c.body[0].text for c in doc.comments] == TEXTS


def _marked_posts() -> str:
    """Three posts marked as schema.org Comments, the first by the thread's opener."""
    return "".join(
        f"""<li itemscope itemtype="http://schema.org/Comment"><a class="username"
          href="/user/{name}">{name}</a> <span class="timeago" title="2024-11-2{n}T15:50:00Z">
          </span><div class="content" itemprop="text"><p>{text}</p></div></li>"""
        for n, (name, text) in enumerate(zip(("opener", "Arantor", "rcane"), TEXTS, strict=True))
    )


def test_a_flat_discussion_of_marked_comments_opens_with_its_first_post():
    items = _marked_posts()
    page = f"""<html><head><title>Rent rise letter | Tenants Forum</title>
      <link rel="canonical" href="https://forum.example.org/topic/18427/rent-rise-letter"></head>
      <body><h1>Rent rise letter</h1><ul class="posts">{items}</ul>
      <div class="account-prompt"><p>Hello! It looks like you're interested in this conversation,
      but you don't have an account yet. Register to be told about every new post.</p></div>
      </body></html>"""
    doc = parse_html(page, "topic.html", base_dir=HERE)
    assert doc.kind == "thread"
    assert [b.text for b in doc.body] == TEXTS[:1]
    assert [c.author for c in doc.comments] == ["Arantor", "rcane"]
    assert "you don't have an account yet" not in "\n".join(doc.texts())


ONEBOX = """<aside class="onebox allowlistedgeneric"><header class="source">
  <a href="https://tenants.example.net/notice">tenants.example.net</a></header>
  <article class="onebox-body"><h3><a href="https://tenants.example.net/notice">How much notice
  must a landlord give?</a></h3><p>Everything you need to know about rent rises, from the notice
  period to the tribunal.</p></article></aside>"""
UNFURL = """<div class="bbCodeBlock bbCodeBlock--unfurl js-unfurl"><div class="contentRow">
  <div class="contentRow-main"><h3 class="contentRow-header js-unfurl-title"><a
  href="https://tenants.example.net/notice">How much notice must a landlord give?</a></h3>
  <div class="contentRow-snippet js-unfurl-desc">Everything you need to know about rent rises,
  from the notice period to the tribunal.</div><div class="contentRow-minor">tenants.example.net
  </div></div></div></div>"""


@pytest.mark.parametrize("preview", [ONEBOX, UNFURL], ids=["onebox", "unfurl"])
def test_a_link_preview_is_read_as_its_title(preview):
    inline = (
        '<p>See also <a class="inline-onebox" href="https://tenants.example.net/s13">Section 13 '
        "notices explained</a> for the form the landlord should have used.</p>"
    )
    texts = [TEXTS[0], TEXTS[1] + preview + inline, TEXTS[2]]
    doc = parse_html(forum_page(texts), "preview.html", base_dir=HERE)
    main = "\n".join(doc.texts(reader_comments=False))
    assert "How much notice must a landlord give?" in main
    assert "Section 13 notices explained for the form" in main  # an inline link is the post's
    assert "Everything you need to know" not in main
    assert "tenants.example.net" not in main


def test_hidden_share_menus_in_a_post_are_left_out():
    menu = (
        '<div class="ipsHide cPostShareMenu"><h5>Link to post</h5><h5>Share on other sites</h5>'
        "</div>"
    )
    shown = '<p><span class="hidden-xs">Written from the tenants\' office.</span></p>'
    texts = [TEXTS[0], TEXTS[1] + menu + shown, TEXTS[2]]
    doc = parse_html(forum_page(texts), "hidden.html", base_dir=HERE)
    main = "\n".join(doc.texts(reader_comments=False))
    assert "Share on other sites" not in main and "Link to post" not in main
    assert "Written from the tenants' office." in main  # hidden on small screens only


def slash_comments() -> str:
    items = "".join(
        f"""<li id="tree_{n}" class="comment full contain"><div id="comment_{n}" class="cw">
        <div class="commentTop"><div class="title"><h4><a href="?cid={n}">Re: Rent rise</a>
        <span class="score">(Score:5, Insightful)</span></h4></div>
        <div class="details"><span class="by">by <a href="/~{name}">{name}</a> ( 12{n} )</span>
        on Friday January 12, 2024 @11:5{n}AM (#{n})</div></div>
        <div class="commentBody"><div id="comment_body_{n}"><p>{text}</p></div></div>
        <div class="commentSub"><a class="btn link" href="#">Share</a></div></div></li>"""
        for n, (name, text) in enumerate(zip(("opener", "Arantor", "rcane"), TEXTS, strict=True))
    )
    return f"""<html><head><title>Rent rises in the news - Tenants News</title></head><body>
      <article><h1>Rent rises in the news</h1><p>{SUBJECT[1]}</p></article>
      <ul id="commentlisting">{items}</ul></body></html>"""


def permies_thread() -> str:
    posts = "".join(
        f"""<div class="contentBackground2 postItem"><div class="lcontent"><div class="name">
        <a href="/u/{n}/{name}">{name}</a></div><div class="status userRankStatus"></div>
        <div class="posts">Posts: 13{n}</div>
        <div>Location: Kooskia, ID</div></div><div class="rcontent">
        <span class="postdate"><span title="Sep 1{n}, 2019 17:07:45">posted 6 years ago</span>
        </span><div class="postText">{text}</div></div></div>"""
        for n, (name, text) in enumerate(zip(("opener", "Arantor", "rcane"), TEXTS, strict=True))
    )
    return f"""<html><head><title>Rent rise letter (tenants forum)</title>
      <link rel="canonical" href="https://forum.example.org/t/123270/rent-rise-letter"></head>
      <body><div class="topic">{posts}</div></body></html>"""


@pytest.mark.parametrize("page", [slash_comments, permies_thread], ids=["commentBody", "postText"])
def test_a_post_text_element_named_in_camel_case_leaves_its_title_bar_and_card_out(page):
    doc = parse_html(page(), "camel.html", base_dir=HERE)
    said = [t for c in doc.comments for b in c.body for t in texts_of(b)]
    assert said[-2:] == TEXTS[1:]
    for text in said:
        for chrome in ("Score:", "Share", "by Arantor", "Posts: 13", "Location:"):
            assert chrome not in text, chrome


WELCOME = (
    "Welcome to the Tenants Forum, the place for everyone who rents a home in the city. Before "
    "you start posting please read the forum rules, and search for your question first."
)


def test_above_a_thread_that_opens_with_its_first_post_is_page_furniture():
    doc = parse_html(
        forum_page(
            above=f'<div class="intro"><p>{WELCOME}</p></div>',
            url="https://forum.example.org/viewtopic.php?t=7",
        ),
        "f.html",
        base_dir=HERE,
    )
    assert doc.kind == "thread"
    main = "\n".join(doc.texts(reader_comments=False))
    assert "Welcome to the Tenants Forum" not in main
    assert all(text in main for text in TEXTS)


@pytest.mark.parametrize(
    "notice",
    [
        '<noscript><div class="alert alert-danger"><p>Your browser does not seem to support '
        "JavaScript. As a result, your viewing experience will be diminished.</p></div></noscript>",
        '<div class="block" id="ai-summary-block"><h2>Discussion Overview</h2><p>The discussion '
        "revolves around the notice a landlord must give before a rent rise.</p></div>",
    ],
    ids=["alert", "ai-summary"],
)
def test_alerts_and_machine_summaries_above_a_thread_are_left_out(notice):
    items = _marked_posts()
    page = f"""<html><head><title>Rent rise letter | Tenants Forum</title>
      <link rel="canonical" href="https://forum.example.org/topic/18427/rent-rise-letter"></head>
      <body><main>{notice}<h1>Rent rise letter</h1><ul class="posts">{items}</ul></main>
      </body></html>"""
    doc = parse_html(page, "notice.html", base_dir=HERE)
    main = "\n".join(doc.texts(reader_comments=False))
    assert "JavaScript" not in main and "The discussion revolves" not in main
    assert all(text in main for text in TEXTS)


def vb3_page() -> str:
    posts = "".join(
        f"""<div id="edit4455{n}"><div id="post4455{n}"><div class="tpost">
        <div class="thead">Feb 1{n}, 2026 | 9:0{n} pm <a href="/p{n}">#{n + 1}</a></div>
        <div class="tcell alt2"><a class="bigusername" href="/members/{name}.html">{name}</a>
        <div class="smallfont"><div>Join Date: <b>Aug 2008</b></div>
        <div>Posts: <b>1,077</b></div></div></div>
        <div class="tcell alt1"><div id="post_message_4455{n}">{text}</div>
        <div class="vbseo_liked"><a href="/members/wisk.html">WiSK</a> likes this.</div></div>
        </div></div></div>"""
        for n, (name, text) in enumerate(zip(("opener", "Arantor", "rcane"), TEXTS, strict=True))
    )
    return f"""<html><head><title>Rent rise letter - Tenants Forum</title>
      <link rel="canonical" href="https://forum.example.org/forum/rent/2212958-rent-rise.html">
      </head><body><h1>Rent rise letter</h1><div id="posts">{posts}</div></body></html>"""


def test_numbered_bare_posts_are_a_thread_read_from_their_message_element():
    doc = parse_html(vb3_page(), "vb3.html", base_dir=HERE)
    assert doc.kind == "thread"
    assert [c.author for c in doc.comments] == ["Arantor", "rcane"]
    assert [[t for b in c.body for t in texts_of(b)] for c in doc.comments] == [
        [TEXTS[1]],
        [TEXTS[2]],
    ]
    main = "\n".join(doc.texts(reader_comments=False))
    assert TEXTS[0] in main
    assert "Join Date" not in main and "likes this" not in main


def test_bare_blocks_numbered_below_a_hundred_are_not_posts():
    page = vb3_page().replace('id="edit4455', 'id="box').replace('id="post4455', 'id="x')
    doc = parse_html(page, "boxes.html", base_dir=HERE)
    assert not doc.comments  # "box0", "box1": numbered as a layout numbers its blocks


SIGNATURE = (
    "Currently renting: a two bedroom flat above the bakery on Mill Street, a garden allotment "
    "by the canal, and a lock-up garage full of bicycles that I keep meaning to sell one day soon."
)


def test_a_long_signature_inside_the_post_text_is_left_out():
    texts = [TEXTS[0], "Agreed.", TEXTS[2]]
    texts[1] += f'<div class="signature"><div class="sig_text">{SIGNATURE}</div></div>'
    page = forum_page(texts, url="https://forum.example.org/viewtopic.php?t=7")
    doc = parse_html(page, "sig.html", base_dir=HERE)
    main = "\n".join(doc.texts(reader_comments=False))
    assert "Currently renting" not in main
    assert "Agreed." in main and TEXTS[2] in main


def rows_page(row_class: str) -> str:
    posts = "".join(
        f"""<div class="{row_class}" id="p_3172{n}"><div class="postprofile">
        <a class="username" href="/member/{name}">{name}</a><span>Posts: 51{n}</span></div>
        <div class="postbody"><p class="author">Post by {name} on Mar 0{n + 1}, 2025</p>
        <div class="content">{text}</div></div></div>"""
        for n, (name, text) in enumerate(zip(("opener", "Arantor", "rcane"), TEXTS, strict=True))
    )
    return f"""<html><head><title>Rent rise letter - Tenants Forum</title>
      <link rel="canonical" href="https://forum.example.org/groups/tenants/rent-t17351.html">
      </head><body><h1>Rent rise letter</h1><div class="topic">{posts}</div></body></html>"""


def test_post_rows_with_a_layout_class_are_still_a_thread():
    doc = parse_html(rows_page("post postrow row-data has-profile"), "rows.html", base_dir=HERE)
    assert [c.author for c in doc.comments] == ["Arantor", "rcane"]
    assert "Posts: 51" not in "\n".join(doc.texts(reader_comments=False))


def test_rows_of_a_layout_without_a_post_row_class_are_not_read_as_posts():
    doc = parse_html(rows_page("entry row-data has-profile"), "rows.html", base_dir=HERE)
    assert not doc.comments  # a layout's rows (here marked like posts) stay the page's own


def test_a_mobile_app_footer_under_a_post_is_left_out():
    kept = "Sent from my office using the council's own form, it reached them on Monday."
    texts = [
        TEXTS[0],
        f"<p>{TEXTS[1]}</p><p>Sent from my SM-S908U using Tapatalk</p>",
        f"<p>{TEXTS[2]}</p><p>{kept}</p>",
    ]
    doc = parse_html(forum_page(texts), "app.html", base_dir=HERE)
    said = [[t for b in c.body for t in texts_of(b)] for c in doc.comments]
    assert said[0] == [TEXTS[1]]
    assert kept in said[1]  # the poster's own sentence that starts alike


OVERVIEW = """<div class="cTopicOverview cTopicOverview--main"><h4>Top Posters In This Topic</h4>
  <ul><li>Arantor 12 posts</li><li>rcane 9 posts</li></ul><h4>Most Popular Posts</h4>
  <p>Has anyone asked the council whether the landlord can raise the rent twice in one year
  without a new agreement being signed by every tenant in the block?</p></div>"""


def test_a_topic_overview_between_the_posts_is_left_out():
    page = forum_page(url="https://forum.example.org/viewtopic.php?t=7").replace(
        "<hr>", OVERVIEW, 1
    )
    doc = parse_html(page, "overview.html", base_dir=HERE)
    main = "\n".join(doc.texts(reader_comments=False))
    assert "Top Posters" not in main and "raise the rent twice" not in main
    assert all(text in main for text in TEXTS)
