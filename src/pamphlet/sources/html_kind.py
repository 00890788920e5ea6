"""Is this page a discussion (a forum thread, a Q&A page) or an article with reader comments?

On a discussion the replies are the content; under an article they are readers' responses. The
page says which in several ways, any one of which is enough: forum software in its generator
meta, a schema.org DiscussionForumPosting or QAPage, post markup of the common forum engines
(repeated), or a forum-shaped address. (Replies that many times outweigh a short post make a
discussion too, whatever the markup: see discussion.replies_outweigh.)
"""

from __future__ import annotations

import re

from lxml import etree

_GENERATOR = re.compile(
    r"discourse|phpbb|vbulletin|xenforo|mybb|invision|flarum|simple machines|\bsmf\b|nodebb"
    r"|vanilla|bbpress|punbb|fluxbb|discuz|yabb|khoros|lithium",
    re.I,
)
_TYPES = re.compile(r"DiscussionForumPosting|QAPage")
_ADDRESS = re.compile(
    r"/t/[^/]+/\d+|/threads?/|/topics?/|viewtopic\.php|showthread\.php|/forums?/"
    r"|/questions/\d+|/discussions?/|/comments/[a-z0-9]+/|/post/\d+$|/d/\d+",
    re.I,
)
# post bodies of phpBB, XenForo, vBulletin, Discourse, Stack Exchange, Khoros, ...
_POST_CLASSES = (
    "bbWrapper",
    "cooked",
    "message-body",
    "postbody",
    "post_message",
    "postcontent",
    "messageContent",
    "js-post-body",
    "topic-body",
    "forum-post",
    "postrow",
    "post_body",
    "lia-message-body",
)
_GENERATORS = etree.XPath("//meta[@name='generator']/@content")
_ADDRESSES = etree.XPath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content")
_TYPED = etree.XPath("//script[@type='application/ld+json']/text() | //@itemtype")
_CLASSES = etree.XPath("//@class", smart_strings=False)
_POST_CLASS = re.compile(r"(?:^|\s)(?:" + "|".join(_POST_CLASSES) + r")(?:\s|$)")


def _post_markup(tree: etree._Element) -> bool:
    """At least two elements carry a forum engine's post-body class."""
    found = 0
    for value in _CLASSES(tree):
        if _POST_CLASS.search(value):
            found += 1
            if found >= 2:
                return True
    return False


def is_discussion(tree: etree._Element, url: str | None) -> bool:
    """True when the page presents itself as a discussion (read before comments are taken out)."""
    return (
        any(_GENERATOR.search(g) for g in _GENERATORS(tree))
        or any(_TYPES.search(str(t)) for t in _TYPED(tree))
        or any(_ADDRESS.search(str(u)) for u in [url or "", *_ADDRESSES(tree)])
        or _post_markup(tree)
    )


__all__ = ["is_discussion"]
