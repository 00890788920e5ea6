"""Forum threads: the repeated post containers of a discussion page.

phpBB, vBulletin, XenForo, SMF, Discourse, Flarum, Invision and their home-made cousins all lay
a thread out the same way: sibling elements of one kind (same tag, same classes but for
counters like ``bg1``/``bg2`` or ``rowodd``/``roweven``, and for one more class on the opening
or a moderator's post), each holding a post with a date and a body of prose. An extractor that
scores text density keeps one of them (or a sidebar) and drops the rest; here the thread is
found by that structure alone, never by a site's name, and every post is read as a comment
with its author and date. What the extractor took from around the posts (user cards, title
bars, signatures, copies of replies, the forum's notices, the furniture below the thread) is
then found by where its words stand in the page and left out of the body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from ..model import Block, Comment, Heading, Paragraph
from .html_blocks import ImageIndex, texts_of
from .html_comments import comment_from
from .html_removed import key, repeats, said_runs
from .html_thread_chrome import SKIP, PageWords, Posts, without_post_chrome

MIN_POSTS = 3  # two of a kind are as often the columns of a page layout
MIN_SHARE = 0.6  # of the siblings of one kind that must look like posts
MIN_THREAD_WORDS = 60
MAX_LINK_SHARE = 0.5  # a post is prose, not a list of links
_FURNITURE = frozenset(("nav", "header", "footer", "aside", "menu"))
_STATE = re.compile(  # alternating rows and states: "bg1", "rowodd", "post-even", "unread"
    r"(?:^|[-_]|row)(?:odd|even|alt)$|^(?:first|last|unread|online|offline|new)$", re.I
)
_LAYOUT = re.compile(  # classes of page layout and teaser grids, never of a post
    r"(?:^|[-_])(?:col|cols|column|columns|row|grid|layout|slide|slider"
    r"|carousel|swiper|card|cards|teaser|widget|elementor|tile|item-list)(?:$|[-_])",
    re.I,
)
_POST_TOKENS = frozenset(("postrow", "post-row"))  # a forum's post row, whatever else it says
_DIGIT = re.compile(r"\d")
_NUMBERED = re.compile(r"([a-z]+)[-_]?\d{3,}$", re.I)  # a post's id: "post12345", "edit_12345"
_KINDS = frozenset(("div", "article", "li", "section", "table", "tr"))
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janvier|février|mars|avril|mai|juin"
    r"|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober"
    r"|dezember|янв|фев|мар|апр|мая|май|июн|июл|авг|сен|окт|ноя|дек"
)
_DATE = re.compile(
    rf"\b(?:{_MONTHS})[a-zа-я]*\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:{_MONTHS})"
    r"|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?"
    r"|months?|years?|yrs?)\s+ago\b|\b(?:yesterday|today)\b|\b\d{1,2}:\d{2}\s*(?:am|pm)?\b"
    r"|\b(?:19|20)\d\d\b",
    re.I,
)

_AUTHORED = etree.XPath(  # someone signs a post: an author, user, poster or avatar element
    "boolean(.//*[re:test(concat(@class, ' ', @itemprop, ' ', @rel, ' ', @data-author, ' ', @id),"
    " 'author|user|poster|member|avatar|profile|byline|nick|postername', 'i')])",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


@lru_cache(maxsize=4096)
def _tokens(cls: str, prefix: str = "") -> frozenset[str] | None:
    """A class attribute's tokens without counters and states; None for a layout class."""
    if not prefix:  # (the common case, token by token from a cache of their own)
        kinds = [(t, kind) for t in cls.split() if (kind := _token_kind(t)) is not None]
        tokens = frozenset(t for t, _kind in kinds)
        if any(layout for _t, layout in kinds) and not tokens & _POST_TOKENS:
            return None
        return tokens
    tokens = frozenset(
        prefix + t for t in cls.split() if not _DIGIT.search(t) and not _STATE.search(t)
    )
    if any(_LAYOUT.search(t) for t in tokens) and not tokens & _POST_TOKENS:
        return None
    return tokens


@lru_cache(maxsize=8192)
def _token_kind(token: str) -> bool | None:
    """None for a counter or a state (left out of a class's tokens), else whether the token
    names a layout."""
    if _DIGIT.search(token) or _STATE.search(token):
        return None
    return _LAYOUT.search(token) is not None


def _signature(el: etree._Element) -> tuple[str, frozenset[str]] | None:
    tag = el.tag
    if tag not in _KINDS:
        return None
    tokens = _tokens(el.get("class") or "")
    if tokens is None:
        return None
    if not tokens and tag == "tr" and len(el):  # table forums: a bare row, a classed cell
        tokens = _tokens(el[0].get("class") or "", "td.")
        if tokens is None:
            return None
    if not tokens and tag != "article":  # bare <div>s and <li>s are layout, not posts,
        numbered = _NUMBERED.match(el.get("id") or "")  # unless numbered: "edit37597539"
        if numbered is None:
            return None
        tokens = frozenset(("#" + numbered.group(1).lower(),))
    return tag, tokens


def _is_post(el: etree._Element, undated: bool = False) -> tuple[bool, int]:
    """Does the element read as a post (dated prose, not a list of links)? And its prose words.

    With ``undated``, on a page that says it is a discussion, a post need not show a date
    (a forum's no-script view often leaves them out)."""
    text = el.text_content()
    words = len(text.split())
    links = sum(len(a.text_content().split()) for a in el.iter("a"))
    prose = words - links
    if prose < 4 or links > MAX_LINK_SHARE * words:
        return False, prose
    dated = el.find(".//time") is not None or el.find(".//*[@datetime]") is not None
    if not dated and not undated and not _DATE.search(text, 0, 1500):
        return False, prose
    return _AUTHORED(el), prose


def _in_furniture(el: etree._Element) -> bool:
    return any(a.tag in _FURNITURE for a in el.iterancestors())


def find_thread(tree: etree._Element, undated: bool = False) -> list[etree._Element]:
    """The posts of the page's discussion thread in order, or [] when it has none.

    ``undated``: the page says it is a discussion, so posts without dates count too."""
    body = tree.find(".//body")
    if body is None:
        return []
    groups: dict[tuple[etree._Element, tuple[str, frozenset[str]]], list[etree._Element]] = {}
    for child in body.iter(*_KINDS):  # siblings of one kind, grouped under their parent
        if not child.get("class") and child.tag not in ("tr", "article") and not child.get("id"):
            continue  # (a bare box: _signature gives None)
        sig = _signature(child)
        if sig is not None:
            groups.setdefault((child.getparent(), sig), []).append(child)
    found: list[tuple[int, list[etree._Element]]] = []
    for (parent, _sig), members in _merge_marked(groups).items():
        if len(members) < MIN_POSTS or parent.tag in SKIP:
            continue
        posts, words = [], 0
        for el in members:
            ok, prose = _is_post(el, undated)
            if ok:
                posts.append(el)
                words += prose
        if len(posts) < MIN_POSTS or len(posts) < MIN_SHARE * len(members):
            continue
        if words >= MIN_THREAD_WORDS and not _in_furniture(parent):
            found.append((words, posts))
    if not found:
        return []
    found.sort(key=lambda f: -f[0])
    words, best = found[0]
    # two page columns that both hold dates are not a thread: prefer the posts inside them
    for inner_words, inner in found[1:]:
        if inner_words < 0.5 * words:
            break
        inside = set(e for el in best for e in el.iterdescendants())
        if len(inner) > len(best) and all(el in inside for el in inner):
            words, best = inner_words, inner
    return best


Group = dict[tuple[etree._Element, tuple[str, frozenset[str]]], list[etree._Element]]


def _merge_marked(groups: Group) -> Group:
    """Posts marked with one more class (the opening post's ``threadStarter``, a moderator's
    ``staff``, a highlighted post) joined to their siblings' group, in page order."""
    merged: Group = {}
    kin: dict[tuple[etree._Element, str], list[frozenset[str]]] = {}  # merged groups per parent
    for (parent, (tag, tokens)), members in sorted(groups.items(), key=lambda g: -len(g[1])):
        siblings = kin.setdefault((parent, tag), [])
        home = next((k for k in siblings if k and k < tokens), None) if tokens else None
        if home is None:
            merged[(parent, (tag, tokens))] = list(members)
            siblings.append(tokens)
        else:
            merged[(parent, (tag, home))].extend(members)
    orders: dict[etree._Element, dict[etree._Element, int]] = {}  # (one per parent)
    for (parent, _sig), members in merged.items():
        if len(members) > 1:
            if parent not in orders:
                orders[parent] = {el: i for i, el in enumerate(parent)}
            order = orders[parent]
            members.sort(key=lambda el: order.get(el, 0))
    return merged


MIN_DOMINANT_POSTS = 4
MIN_MEDIAN_POST_WORDS = 15  # teasers are a line or two; posts are longer
DOMINANCE = 1.5  # a thread this many times longer than the extracted body is the subject


def thread_comments(
    posts: list[etree._Element], blocks: list[Block], images: ImageIndex, iso
) -> tuple[list[Block], list[Comment], Posts, PageWords] | None:
    """The body and comments of a forum thread, when the extractor kept some posts as the body,
    the posts read and the page's words around them (for ``thread_body``).

    A thread the extractor ignored entirely is a list of teasers or a sidebar, not the page's
    subject, unless it is a long discussion that dwarfs what the extractor kept. When the
    extractor kept the opening post, the post as read here (without its author line, user
    stats or signature) takes the place of the extractor's copy, and the others are comments;
    the body's copies of those are dropped later, as for any comment.
    """
    if not posts or not blocks:
        return None
    read = [_without_author_line(comment_from(el, set(posts), images, iso)) for el in posts]
    pairs = [(el, c) for el, c in zip(posts, read, strict=True) if c.body]
    thread = [c for _el, c in pairs]
    if not thread:
        return None
    in_body = said_runs(t for b in blocks for t in texts_of(b))
    if not any(_repeats(in_body, c) for c in thread) and not _dominates(thread, blocks):
        return None
    page = PageWords([el for el, _c in pairs])
    if not _repeats(in_body, thread[0]) or _subject_above(blocks, page):
        return blocks, thread, pairs, page
    return _with_opening_post(blocks, thread[0]), thread[1:], pairs, page


def _subject_above(blocks: list[Block], page: PageWords) -> bool:
    """Does the body hold the discussion's subject above the first post: text in an element
    marked up like the posts' text, outside them (an opening post not marked up like the
    replies, as on pages whose replies are "comments" under a question or an article)?"""
    for block in blocks:
        at = page.find(key(" ".join(texts_of(block))).split())
        if 0 <= at < page.start and any(s <= at < e for s, e in page.twins):
            return True
    return False


def thread_body(
    blocks: list[Block],
    comments: list[Comment],
    pairs: Posts,
    page: PageWords,
    discussion: bool,
) -> tuple[list[Block], list[Comment]]:
    """The thread's body without the posts' chrome; the opening post when nothing else is left.

    ``discussion``: the page says it is one, so what stands above or below its posts is page
    furniture (on other pages, posts may be reviews or comments in the middle of an article)."""
    opener_in_body = len(comments) < len(pairs)
    kept = without_post_chrome(blocks, pairs, page, opener_in_body, discussion)
    while len(kept) > 1 and isinstance(kept[-1], Heading):  # "Comments", "12 replies" above
        kept = kept[:-1]  # the posts: a heading with nothing under it
    if not opener_in_body and comments and all(isinstance(b, Heading) for b in kept):
        return kept + list(comments[0].body), comments[1:]  # the opener is the body
    return kept or blocks, comments


def _without_author_line(post: Comment) -> Comment:
    """A post read whole starts with its author's name on a line of its own: drop that line."""
    body = post.body
    while body and post.author and isinstance(body[0], Paragraph):
        if body[0].text.strip() != post.author:
            break
        body = body[1:]
    return post if body == post.body else Comment(post.author, post.date, body, post.in_reply_to)


def _with_opening_post(blocks: list[Block], post: Comment) -> list[Block]:
    """The body with its copies of the opening post replaced by the post itself.

    When no block is a copy of the post (the extractor glued it to its user card, or split
    it), the post goes before the first block that shares some of its words; the blocks
    themselves are left to ``without_post_chrome``."""
    said = said_runs(t for b in post.body for t in texts_of(b))
    out: list[Block] = []
    placed = False
    for block in blocks:
        if not repeats(" ".join(texts_of(block)), said, 0.6):
            out.append(block)
        elif not placed:
            out.extend(post.body)
            placed = True
    if placed:
        return out
    first = next((i for i, b in enumerate(blocks) if repeats(" ".join(texts_of(b)), said, 0.2)), 0)
    return [*blocks[:first], *post.body, *blocks[first:]]


def _dominates(thread: list[Comment], blocks: list[Block]) -> bool:
    sizes = sorted(sum(len(t.split()) for b in c.body for t in texts_of(b)) for c in thread)
    if len(sizes) < MIN_DOMINANT_POSTS or sizes[len(sizes) // 2] < MIN_MEDIAN_POST_WORDS:
        return False
    return sum(sizes) >= DOMINANCE * sum(len(t.split()) for b in blocks for t in texts_of(b))


def _repeats(in_body: set[tuple[str, ...]], post: Comment) -> bool:
    """Do the body blocks (their said_runs) hold (most of) this post's text?"""
    return repeats(" ".join(t for b in post.body for t in texts_of(b)), in_body, 0.5)
