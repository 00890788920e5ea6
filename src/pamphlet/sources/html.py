"""Saved web pages (.html, .htm) into the document model.

trafilatura finds the main text; this module adds what it lacks: metadata chosen the way
Mozilla Readability chooses it, comment threads with authors, dates and replies, lists kept as
lists, demands, figures with captions and local images, a fallback to the article's own text when
the extractor drops real text, and a summary of what was left out.
"""

from __future__ import annotations

import copy
import re
from functools import partial
from pathlib import Path

from lxml import etree

from ..errors import BadSource, NoContent
from ..model import Block, Comment, Document, Heading, ListBlock, Paragraph, Quote
from .html_blocks import (
    SKIP_TAGS,
    ImageIndex,
    drop_caption_echoes,
    html_blocks,
    mark_demands,
    norm,
    visible_text,
    xml_blocks,
)
from .html_comments import extract_comments, flat_comments, remove_elements
from .html_figures import with_figures
from .html_meta import day_first_for, extract_meta, to_iso
from .html_prune import prune_consent, unwrap_noscript
from .html_region import with_region
from .html_removed import key, removed_summary
from .html_thread import find_thread, thread_comments

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


_SCRIPT_BODY = re.compile(r"(<script\b[^>]*>)(.*?)(</script\s*>)", re.I | re.S)


def _empty_script(match: re.Match[str]) -> str:
    if "ld+json" in match.group(1).lower() or len(match.group(2)) < 200:
        return match.group(0)
    return match.group(1) + match.group(3)


def _load(text: str, source: str) -> etree._Element:
    from trafilatura.utils import load_html

    if not text.strip():
        raise NoContent("has no article text", source)
    # libxml2 does not know HTML5's void elements <embed>, <source>, <track>
    # and nests what follows inside them; they hold no text, so drop them first.
    text = _HTML5_VOID.sub("", text)
    # script bodies are never text; only JSON-LD (metadata) is read from them
    text = _SCRIPT_BODY.sub(_empty_script, text)
    try:
        tree = load_html(text)
    except (etree.LxmlError, ValueError, TypeError, RecursionError):
        tree = None
    if tree is None:
        import lxml.html

        try:
            tree = lxml.html.document_fromstring(text.encode("utf-8", "replace"))
        except (etree.LxmlError, ValueError) as exc:
            raise BadSource(f"cannot be parsed as HTML ({exc})", source) from None
    _reattach_stray_content(tree)
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


def repair_mojibake(text: str) -> str:
    """UTF-8 that was decoded as Latin-1 once too often ("â\x80\x99" for "’"), put right."""
    if len(_MOJIBAKE.findall(text[:200_000])) < 2:
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

    unwrap_noscript(tree)
    notices = prune_consent(tree)
    images = ImageIndex(base_dir=base_dir, allow_remote=allow_remote)
    images.add_page(tree)
    comments, holders = extract_comments(tree, images, iso)
    remove_elements(holders)
    posts = [] if comments else find_thread(tree)

    body_xml, comments_xml = _trafilatura(tree, comments=not comments)
    blocks: list[Block] = xml_blocks(body_xml, images) if body_xml is not None else []
    thread = thread_comments(posts, blocks, images, iso)
    if thread is not None:
        blocks, comments = thread
    elif not comments and comments_xml is not None:
        comments = flat_comments(comments_xml)

    blocks = with_region(tree, blocks, images)
    blocks = drop_caption_echoes(with_figures(tree, blocks, images))
    blocks = _without_comment_copies(blocks, comments)
    if not blocks:
        blocks = _whole_page_blocks(tree, images)

    title = meta.title or _first_heading(blocks) or ""
    blocks = _drop_title_heading(blocks, title)
    blocks = mark_demands(blocks)
    comments = [_with_demands(c) for c in comments]

    if _only_boilerplate(tree, blocks) and not comments:
        blocks = mark_demands(_whole_page_blocks(tree, images))
        if _only_boilerplate(tree, blocks):
            raise NoContent("has no article text", source)
    if not title:
        title = _fallback_title(blocks, source)

    date = meta.date or _visible_date(tree, iso)
    comment_texts = [t for c in comments for b in c.body for t in _texts(b)]
    doc_texts = " ".join([title, *(t for b in blocks for t in _texts(b)), *comment_texts])
    removed = removed_summary(tree, doc_texts, images.dropped, notices)
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
        kind="thread" if thread is not None else "article",
    )


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
    texts = [t for b in blocks for t in _texts(b) if t.strip() and not _BOILERPLATE.search(t)]
    if sum(len(t.split()) for t in texts) >= MIN_REAL_WORDS:
        return False
    furniture = []
    for el in tree.iter(*_FURNITURE):
        if not any(a.tag in _FURNITURE for a in el.iterancestors()):
            words = visible_text(el, SKIP_TAGS - {"nav"})
            if len(words.split()) <= MAX_FURNITURE_WORDS:
                furniture.append(key(words))
    joined = " ".join(furniture)
    return not any(key(t) and key(t) not in joined for t in texts)


def _without_comment_copies(blocks: list[Block], comments: list[Comment]) -> list[Block]:
    """Body blocks that only repeat a comment (forum posts found twice) are dropped."""
    if not comments:
        return blocks
    said = " ".join(key(t) for c in comments for b in c.body for t in _texts(b))
    said = f" {said} "

    def copied(block: Block) -> bool:
        if not isinstance(block, Paragraph | Quote | ListBlock):
            return False
        words = key(" ".join(_texts(block))).split()
        if len(words) < 8:
            return False
        shingles = [" ".join(words[i : i + 3]) for i in range(max(len(words) - 2, 1))]
        found = sum(f" {s} " in said for s in shingles)
        return found >= 0.6 * len(shingles)

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


def _texts(block: Block) -> list[str]:
    if isinstance(block, ListBlock):
        return list(block.items)
    text = getattr(block, "text", None) or getattr(block, "caption", None)
    return [text] if text else []


def _has_text(block: Block) -> bool:
    return any(t.strip() for t in _texts(block))


def _first_heading(blocks: list[Block]) -> str | None:
    for block in blocks[:3]:
        if isinstance(block, Heading):
            return block.text
    return None


def _drop_title_heading(blocks: list[Block], title: str) -> list[Block]:
    """The page's title repeated as its first heading is said once, as the title."""
    for i, block in enumerate(blocks[:3]):
        if isinstance(block, Heading) and norm(block.text).casefold() == norm(title).casefold():
            return blocks[:i] + blocks[i + 1 :]
    return blocks


def _fallback_title(blocks: list[Block], source: str) -> str:
    for block in blocks:
        for text in _texts(block):
            words = text.split()
            if words:
                return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return Path(source).name


def _with_demands(comment: Comment) -> Comment:
    body = tuple(mark_demands(list(comment.body)))
    if body == comment.body:
        return comment
    return Comment(comment.author, comment.date, body, comment.in_reply_to)


def _guess_language(tree: etree._Element) -> str:
    body = tree.find(".//body")
    sample = norm(body.text_content())[:4000] if body is not None else ""
    cyr, lat = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    return "ru" if cyr > lat else "en"


_DATE_CANDIDATES = etree.XPath(
    "//body//*[self::time or re:test(concat(@class, ' ', @id), "
    "'date|time|byline|posted|published|dateline|meta', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def _visible_date(tree: etree._Element, iso) -> str | None:
    """A date written in a byline or date element (the first one that reads as a date)."""
    for count, el in enumerate(_DATE_CANDIDATES(tree)):
        if count > 200:
            break
        if el.tag in ("script", "style"):
            continue
        value = norm(el.text_content())
        if 6 <= len(value) <= 120:
            found = iso(value)
            if found:
                return found
    return None


__all__ = ["parse_html", "repair_mojibake"]
