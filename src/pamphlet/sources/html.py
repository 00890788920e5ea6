"""Saved web pages (.html, .htm) into the document model.

trafilatura finds the main text; this module adds what it lacks: metadata chosen the way
Mozilla Readability chooses it, comment threads with authors, dates and replies, lists kept as
lists, demands, figures with captions and local images, a fallback to the article's own text when
the extractor drops real text, and a summary of what was left out.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from functools import partial
from itertools import islice
from pathlib import Path

from lxml import etree

from ..errors import BadSource, NoContent
from ..model import Block, Comment, Document, Heading, ListBlock, Paragraph, Quote
from .discussion import replies_outweigh
from .html_bio import with_author_bio
from .html_blocks import (
    SKIP_TAGS,
    ImageIndex,
    drop_caption_echoes,
    html_blocks,
    mark_demands,
    norm,
    texts_of,
    visible_text,
    xml_blocks,
)
from .html_comments import extract_comments, flat_comments, remove_elements
from .html_figures import with_figures
from .html_kind import is_discussion
from .html_lead import with_standfirst
from .html_load import load_tree
from .html_meta import day_first_for, extract_meta, to_iso
from .html_microdata import microdata_thread
from .html_prune import prune_consent, prune_not_printed, unwrap_noscript
from .html_region import with_region
from .html_removed import key, removed_summary, repeats, said_runs
from .html_streamed import drop_fallbacks, place_streamed
from .html_thread import find_thread, thread_body, thread_comments
from .html_thread_chrome import PageWords, posts_detached, without_page_furniture

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def parse_html(text: str, source: str, *, base_dir: Path, allow_remote: bool = False) -> Document:
    """Read a decoded HTML page into a Document (raises BadSource or NoContent)."""
    try:
        return _parse(text, source, base_dir, allow_remote)
    except (BadSource, NoContent):
        raise
    except RecursionError:
        raise BadSource("is nested too deeply to read", source) from None
    except (etree.LxmlError, ValueError, TypeError) as exc:
        raise BadSource(f"cannot be parsed as HTML ({exc.__class__.__name__})", source) from None


_HTML5_VOID = re.compile(r"</?(?:embed|source|track)\b[^>]*>", re.I)
_SCRIPT_START = re.compile(r"<script\b[^>]*>", re.I)
_SCRIPT_END = re.compile(r"</script\s*>", re.I)
_SHORT_SCRIPT = 200  # characters: a script body shorter than this is left as it is


def _empty_scripts(text: str) -> str:
    """Script bodies emptied, except JSON-LD (metadata is read from it) and short ones."""
    out: list[str] = []
    pos = 0
    while (start := _SCRIPT_START.search(text, pos)) is not None:
        end = _SCRIPT_END.search(text, start.end())
        if end is None:
            break
        if "ld+json" in start.group(0).lower() or end.start() - start.end() < _SHORT_SCRIPT:
            out.append(text[pos : end.end()])
        else:
            out.extend((text[pos : start.end()], end.group(0)))
        pos = end.end()
    out.append(text[pos:])
    return "".join(out)


def _load(text: str, source: str) -> etree._Element:
    if not text.strip():
        raise NoContent("has no article text", source)
    # libxml2 does not know HTML5's void elements <embed>, <source>, <track>
    # and nests what follows inside them; they hold no text, so drop them first.
    text = _HTML5_VOID.sub("", text)
    # script bodies are never text; only JSON-LD (metadata) is read from them
    text = drop_fallbacks(_empty_scripts(text))
    try:
        tree = load_tree(text)
    except (etree.LxmlError, ValueError, TypeError, RecursionError):
        tree = None
    if tree is None:
        import lxml.html

        try:
            tree = lxml.html.document_fromstring(text.encode("utf-8", "replace"))
        except (etree.LxmlError, ValueError) as exc:
            raise BadSource(f"cannot be parsed as HTML ({exc})", source) from None
    _reattach_stray_content(tree)
    place_streamed(tree)  # a server renderer's streamed parts, moved where they belong
    return tree


def _reattach_stray_content(tree: etree._Element) -> None:
    """Content after a premature </body> ends up beside the body: put it back inside."""
    body = tree.find("body")
    if body is None:
        return
    for child in list(tree):
        stray = isinstance(child.tag, str) and child.tag not in ("head", "body")
        if stray and _follows(child, body):
            body.append(child)
    for extra in tree.xpath("//html")[1:]:  # a second <html> the parser left dangling
        for child in list(extra):
            if child.tag == "body":
                body.extend(list(child))
            elif child.tag != "head":
                body.append(child)


def _follows(el: etree._Element, body: etree._Element) -> bool:
    return any(prev is body for prev in el.itersiblings(preceding=True))


def _trafilatura(tree: etree._Element, comments: bool) -> tuple[object | None, object | None]:
    """trafilatura's body and comments (XML elements), or Nones when it gives up or fails."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            tree,
            include_comments=comments,
            include_tables=True,
            include_images=False,
            include_formatting=False,
            with_metadata=False,
        )
    except RecursionError:
        return None, None
    except Exception:  # the extractor's own bugs must not reach the user; we fall back
        return None, None
    if result is None:
        return None, None
    return result.body, (result.commentsbody if comments else None)


_MOJIBAKE = re.compile(r"[\xc2-\xf4][\x80-\xbf]+")
# the same runs in the text's UTF-8 bytes (U+00C2-U+00F4 are C3 82-C3 B4, U+0080-U+00BF are
# C2 80-C2 BF): a byte pattern that starts with one fixed byte is found many times faster
_MOJIBAKE_UTF8 = re.compile(rb"\xc3[\x82-\xb4](?:\xc2[\x80-\xbf])+")


def repair_mojibake(text: str) -> str:
    """UTF-8 that was decoded as Latin-1 once too often ("â\x80\x99" for "’"), put right."""
    sample = text[:200_000].encode("utf-8", "surrogatepass")
    if len(_MOJIBAKE_UTF8.findall(sample)) < 2:
        return text

    def fix(match: re.Match[str]) -> str:
        try:
            return match.group(0).encode("latin-1").decode("utf-8")
        except UnicodeError:
            return match.group(0)

    return _MOJIBAKE.sub(fix, text)


def _parse(text: str, source: str, base_dir: Path, allow_remote: bool) -> Document:
    tree = _load(repair_mojibake(text), source)
    meta = extract_meta(tree)
    language = meta.language or _guess_language(tree)
    day_first = day_first_for(language, meta.region, meta.url)
    iso = partial(to_iso, language=language, day_first=day_first)

    discussion = is_discussion(tree, meta.url)
    unwrap_noscript(tree)
    notices = prune_consent(tree)
    unprinted = prune_not_printed(tree)
    images = ImageIndex(base_dir=base_dir, allow_remote=allow_remote)
    images.add_page(tree)
    blocks, comments, thread = _content(tree, images, iso, discussion)
    blocks = drop_caption_echoes(with_figures(tree, blocks, images))
    blocks = _without_comment_copies(blocks, comments)
    if not (thread or discussion):
        blocks = with_author_bio(tree, blocks, meta.authors)
    if not blocks:
        blocks = _whole_page_blocks(tree, images)

    title = meta.title or _first_heading(blocks) or ""
    blocks = _drop_title_heading(blocks, title)
    blocks = _drop_title_heading(blocks, norm(tree.findtext(".//title") or ""), Paragraph)
    blocks = with_standfirst(tree, blocks, title)
    blocks = mark_demands(blocks)
    comments = [_with_demands(c) for c in comments]

    if _only_boilerplate(tree, blocks) and not comments:
        blocks = mark_demands(_whole_page_blocks(tree, images))
        if _only_boilerplate(tree, blocks):
            raise NoContent("has no article text", source)
    if not title:
        title = _fallback_title(blocks, source)

    date = meta.date or _visible_date(tree, iso)
    comment_texts = [t for c in comments for b in c.body for t in texts_of(b)]
    doc_texts = " ".join([title, *(t for b in blocks for t in texts_of(b)), *comment_texts])
    removed = removed_summary(tree, doc_texts, images.dropped, notices, unprinted)
    body_words = sum(len(t.split()) for b in blocks for t in texts_of(b))
    outweighed = replies_outweigh(body_words, sum(len(t.split()) for t in comment_texts))
    kind = "thread" if comments and (thread or discussion or outweighed) else "article"
    return Document(
        title=title,
        source=source,
        body=tuple(blocks),
        authors=meta.authors,
        publisher=meta.site_name,
        date=date,
        language=language,
        url=meta.url,
        comments=tuple(comments),
        removed=tuple(removed),
        kind=kind,
    )


def _content(
    tree: etree._Element, images: ImageIndex, iso, discussion: bool
) -> tuple[list[Block], list[Comment], bool]:
    """The body blocks, the comments, and whether they were read as a thread's posts."""
    marked = microdata_thread(tree, images, iso)
    if marked is not None:
        return marked[0], marked[1], True
    comments, holders = extract_comments(tree, images, iso)
    posts = find_thread(tree, undated=discussion)
    if comments and not _same_thread(posts, holders, discussion):
        posts = []
    page = PageWords(holders) if comments and not posts and discussion else None
    if not posts:
        remove_elements(holders)
    body_xml, comments_xml = _trafilatura(tree, comments=not comments)
    blocks: list[Block] = xml_blocks(body_xml, images) if body_xml is not None else []
    thread = thread_comments(posts, blocks, images, iso)
    if thread is not None:
        blocks, comments, read, page_words = thread
        with posts_detached(read):  # the posts are comments: never put back into the body
            blocks = with_region(tree, blocks, images)
        blocks, comments = thread_body(blocks, comments, read, page_words, discussion)
        return blocks, comments, True
    if not comments and comments_xml is not None:
        comments = flat_comments(comments_xml)
    blocks = with_region(tree, blocks, images)
    if page is not None:
        kept = without_page_furniture(blocks, page)
        flat = not any(c.in_reply_to for c in comments)  # a forum's thread, not a comment tree
        if flat and not any(isinstance(b, Paragraph | Quote | ListBlock) for b in kept):
            # nothing but furniture: the first post, the discussion's opener, is the body
            return kept + list(comments[0].body), comments[1:], False
        blocks = kept or blocks
    return blocks, comments, False


def _same_thread(
    posts: list[etree._Element], holders: list[etree._Element], discussion: bool
) -> bool:
    """Are the comments found a forum thread's posts, better read as a thread? Either the
    replies of a thread whose opening post is not marked as a comment (forum engines mark
    replies as schema.org Comments but not the post they answer), or, on a page that says it is
    a discussion, all of its posts."""
    marked = set(holders)
    if not posts or not set(posts[1:]) <= marked:
        return False
    if posts[0] in marked:
        return discussion and marked <= set(posts)
    return len(posts) > len(holders)


_BOILERPLATE = re.compile(
    r"^(©|\(c\)|copyright\b)|all rights reserved|\bcookies?\b|privacy policy|terms of (use|service)"
    r"|^(sign (in|up)|log ?in|subscribe|share|menu|search|skip to)\b",
    re.I,
)
_FURNITURE = ("nav", "header", "footer", "aside")
MIN_REAL_WORDS = 40  # this much text outside stock phrases is an article, wherever it stands
MAX_FURNITURE_WORDS = 300  # a "header" or "aside" longer than this holds the article itself


def _only_boilerplate(tree: etree._Element, blocks: list[Block]) -> bool:
    """True when no block is real text: all of it is page furniture or stock phrases."""
    texts: list[str] = []
    real_words = 0
    for text in (t for b in blocks for t in texts_of(b)):
        if text.strip() and not _BOILERPLATE.search(text):
            texts.append(text)
            real_words += len(text.split())
            if real_words >= MIN_REAL_WORDS:
                return False
    furniture = []
    for el in tree.iter(*_FURNITURE):
        if not any(a.tag in _FURNITURE for a in el.iterancestors()):
            words = visible_text(el, SKIP_TAGS - {"nav"})
            if len(words.split()) <= MAX_FURNITURE_WORDS:
                furniture.append(key(words))
    joined = " ".join(furniture)
    return not any(key(t) and key(t) not in joined for t in texts)


COPY = 0.7  # a comment with this share of its words in the body is a copy of a body part


def _without_comment_copies(blocks: list[Block], comments: list[Comment]) -> list[Block]:
    """Body blocks that only repeat a comment (forum posts found twice) are dropped."""
    if not comments:
        return blocks
    # a post found twice is mostly the body's words; a comment quoting a paragraph of the
    # article and answering it at length is not, and does not make that paragraph a copy
    body = said_runs(t for b in blocks for t in texts_of(b))
    comments = [
        c for c in comments if repeats(" ".join(t for b in c.body for t in texts_of(b)), body, COPY)
    ]
    said = said_runs(t for c in comments for b in c.body for t in texts_of(b))
    # a reply that quotes the opening post whole does not make the post a copy of the reply
    own = said_runs(
        t for c in comments for b in c.body if not isinstance(b, Quote) for t in texts_of(b)
    )

    def copied(block: Block) -> bool:
        if not isinstance(block, Paragraph | Quote | ListBlock):
            return False
        text = " ".join(texts_of(block))
        runs = said if isinstance(block, Quote) else own
        return len(key(text).split()) >= 8 and repeats(text, runs, 0.6)

    kept = [b for b in blocks if not copied(b)]
    return kept or blocks[:1]


def _whole_page_blocks(tree: etree._Element, images: ImageIndex) -> list[Block]:
    """The last resort: every visible block of the page outside its furniture."""
    body = tree.find(".//body")
    if body is None:
        return []
    clone = copy.deepcopy(body)
    for el in list(clone.iter(*_FURNITURE)):
        if el.getparent() is not None:
            el.getparent().remove(el)
    return html_blocks(clone, images)


def _has_text(block: Block) -> bool:
    return any(t.strip() for t in texts_of(block))


def _first_heading(blocks: list[Block]) -> str | None:
    for block in blocks[:3]:
        if isinstance(block, Heading):
            return block.text
    return None


def _drop_title_heading(blocks: list[Block], title: str, kind: type = Heading) -> list[Block]:
    """The page's title repeated as its first heading is said once, as the title (and so is
    the page's <title> line, site name and all, that an extractor takes for a paragraph)."""
    if not title:
        return blocks
    for i, block in enumerate(blocks[:3]):
        if isinstance(block, kind) and norm(block.text).casefold() == norm(title).casefold():
            return blocks[:i] + blocks[i + 1 :]
    return blocks


def _fallback_title(blocks: list[Block], source: str) -> str:
    for block in blocks:
        for text in texts_of(block):
            words = text.split()
            if words:
                return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return Path(source).name


def _with_demands(comment: Comment) -> Comment:
    body = tuple(mark_demands(list(comment.body)))
    if body == comment.body:
        return comment
    return Comment(comment.author, comment.date, body, comment.in_reply_to)


_SAMPLE = 4000  # characters of the page's text that decide its script


def _guess_language(tree: etree._Element) -> str:
    body = tree.find(".//body")
    raw = body.text_content() if body is not None else ""
    # the whitespace-normalised start of a text is the start of the normalised text
    sample = norm(raw[: 4 * _SAMPLE])
    if len(sample) < _SAMPLE:
        sample = norm(raw)
    sample = sample[:_SAMPLE]
    cyr, lat = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    return "ru" if cyr > lat else "en"


# <time> elements and the class and id values that may name a date element, as strings
_DATE_NODES = etree.XPath("//body//time | //body//*/@class | //body//*/@id")
_DATE_HINT = re.compile(r"date|time|byline|posted|published|dateline|meta", re.I)
_DATE_HINT_LOWER = re.compile(_DATE_HINT.pattern)  # for lower-case ASCII: many times faster
MAX_DATE_CANDIDATES = 201


def _date_candidates(tree: etree._Element) -> Iterator[etree._Element]:
    """<time> elements and elements whose class or id names a date, in document order."""
    last = None
    for node in _DATE_NODES(tree):
        if isinstance(node, str):
            hint = _DATE_HINT_LOWER if node.isascii() else _DATE_HINT
            if hint.search(node.lower() if node.isascii() else node) is None:
                continue
            node = node.getparent()
        if node is not last:
            last = node
            yield node


def _visible_date(tree: etree._Element, iso) -> str | None:
    """A date written in a byline or date element (the first one that reads as a date)."""
    for el in islice(_date_candidates(tree), MAX_DATE_CANDIDATES):
        if el.tag in ("script", "style"):
            continue
        value = norm(el.text_content())
        if 6 <= len(value) <= 120:
            found = iso(value)
            if found:
                return found
    return None


__all__ = ["parse_html", "repair_mojibake"]
