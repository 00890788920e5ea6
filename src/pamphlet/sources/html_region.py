"""What the extractor dropped from the article, put back in its place from the page itself.

trafilatura keeps an article's running text well but drops some of its parts: captions, lists,
quotes, headings, single paragraphs, and sometimes whole sections. This module finds the
article's region in the page (the smallest element holding nearly all the extracted paragraphs,
or the element the page marks as its article) and walks it:

- between the first and the last extracted paragraph of running text, what the extractor left
  out is put back in place, as structure: lists (only their missing items), quotes, tables'
  rows, figure captions, paragraphs of running text, and a heading when its section has text;
  a caption just before or after that span comes back too (after it, with only its picture
  between), and so does the heading right above its first paragraph (html_span); a caption
  that only repeats a kept sentence is not kept. Page furniture never does
  (navigation, sharing, related links and teasers, ads, forms, link lists, an embedded social
  post's frame), nor short lines or stock phrases (an affiliate disclosure among them);
- when the extraction holds clearly fewer words than the region (the one the page marks as its
  article, or the one found, unless that is the whole body), the region's real paragraphs
  outside that span come back too (with the heading above them): the extractor stopped early;
- the article's reference sections right after the span ("See also", "External links":
  html_sources) come back with their lists; list items the extractor cut short at a nested
  block are made whole from the page (html_items);
- the article's lead, real paragraphs right before the span in the region, or just above the
  region (html_lead), comes back in front;
- an accordion's or a tab's collapsed panels (hidden until a button in the region opens them)
  are read like the rest of the region;
- sections the extractor dropped whole, in sibling containers before or after the region (page
  builders give each section its own), come back in order when they read as prose and outweigh
  half of what was kept;
- extracted blocks that stand whole inside a box that is never the article (a disclaimer or
  affiliate disclosure, the author's bio, a newsletter sign-up, a pop-up), found among the
  elements around the extracted paragraphs, are left out (the removal summary still lists them).

A page written without paragraph elements (text runs between <br>s) is located by the elements
whose own text was extracted.

Never less than the article, but no more than it either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from lxml import etree

from ..model import Block, Figure, Heading, ListBlock, Paragraph, Quote
from .html_blocks import ImageIndex, html_blocks, texts_of, visible_text
from .html_boxes import boxed_blocks, collapsed_panels, inside
from .html_credits import credit_after_picture
from .html_faq import faq_after, open_accordions
from .html_furniture import FURNITURE_CLASS, furniture, link_dense
from .html_gaps import with_kept_items
from .html_headings import MAX_HEADING_WORDS
from .html_items import whole_items
from .html_kept import KEPT, STOCK, Kept, words_of
from .html_labels import list_label
from .html_lead import lead_above, lead_before
from .html_rows import whole_rows
from .html_sources import references_after, unsaid_reference_list
from .html_span import caption_after, echoed_caption, titled
from .html_tail import repeated_after

MIN_REGION_WORDS = 40
SHARE = 0.7
MIN_PARAGRAPH_WORDS = 10
REGION_SHARE = 0.9  # the region holds this share of the extracted text found in the page
MIN_RESTORED_WORDS = 3
MAX_PROBES = 3000
PROBE_CHARS = 300  # a paragraph's first words tell whether it was extracted
def _words(blocks: list[Block]) -> int:
    return sum(len(t.split()) for b in blocks for t in texts_of(b))


# (elements found by their attributes: libxml2 tests only the attributes there are)
_ARTICLE_BODIES = etree.XPath("//@itemprop[.='articleBody']/..")
_OUTER_ARTICLES = etree.XPath("//article[not(ancestor::article)]")


def article_region(tree: etree._Element) -> etree._Element | None:
    """The element the page itself marks as its article, if it marks exactly one."""
    bodies = _ARTICLE_BODIES(tree)
    if len(bodies) == 1:
        return bodies[0]
    articles = _OUTER_ARTICLES(tree)
    if len(articles) == 1:
        return articles[0]
    return None


def extracted_region(tree: etree._Element, kept: Kept) -> etree._Element | None:
    """The smallest element holding nearly all the page's paragraphs that were extracted."""
    return _region_of(tree, _weights(tree, kept))


@dataclass
class _Weights:
    """How much extracted text each element holds (only those holding some), and the total."""

    weight: dict[etree._Element, int] = field(default_factory=dict)
    total: int = 0
    probes: list[etree._Element] = field(default_factory=list)  # the extracted paragraphs

    def holders(self) -> list[etree._Element]:
        """The extracted paragraphs and the elements around them."""
        return [*self.probes, *self.weight]


def _weights(tree: etree._Element, kept: Kept) -> _Weights:
    """Where the extracted paragraphs stand in the page."""
    found = _Weights()
    body = tree.find("body")
    if body is None:
        return found
    weight = found.weight
    for count, el in enumerate(body.iter("p", "pre", "dd", "blockquote")):
        if count > MAX_PROBES:
            break
        text = el.text_content()
        words = words_of(text[:PROBE_CHARS])
        if len(words) < 5 or kept.share(words) < 0.6:
            continue
        size = len(text)
        found.total += size
        found.probes.append(el)
        for parent in el.iterancestors():
            weight[parent] = weight.get(parent, 0) + size
            if parent is body:
                break
    if not found.total:
        # a page written without paragraph elements (runs of text between <br>s in a div)
        found.total = _weigh_loose_text(body, kept, weight)
    return found


def _region_of(tree: etree._Element, weights: _Weights) -> etree._Element | None:
    weight, total = weights.weight, weights.total
    body = tree.find("body")
    if body is None or not total:
        return None
    node = body
    while True:
        child = next((c for c in node if weight.get(c, 0) >= REGION_SHARE * total), None)
        if child is None:
            return node
        node = child


def _own_text(el: etree._Element) -> str:
    """The text an element holds itself: its text and its children's tails."""
    return " ".join(t for t in (el.text, *(c.tail for c in el)) if t and not t.isspace())


def _weigh_loose_text(body: etree._Element, kept: Kept, weight: dict[etree._Element, int]) -> int:
    """Like the paragraph probe, on elements whose own text (not their children's) was kept."""
    total = 0
    for count, el in enumerate(body.iter("div", "li", "td", "span", "font", "section", "article")):
        if count > MAX_PROBES:
            break
        text = _own_text(el)
        words = words_of(text[:PROBE_CHARS])
        if len(words) < 5 or kept.share(words) < 0.6:
            continue
        size = len(text)
        total += size
        for node in (el, *el.iterancestors()):
            weight[node] = weight.get(node, 0) + size
            if node is body:
                break
    return total


def _real(block: Block) -> bool:
    if not isinstance(block, Paragraph | Quote):  # lists next to an article are mostly links
        return False
    joined = " ".join(texts_of(block))
    if STOCK.search(joined):
        return False
    return len(joined.split()) >= MIN_PARAGRAPH_WORDS and joined.rstrip()[-1:] in '.!?…:;"”»)'


def _restorable(block: Block, kept: Kept) -> Block | None:
    """The part of a page block inside the article's span that is worth putting back."""
    if isinstance(block, ListBlock):
        items = tuple(t for t in block.items if kept.share(words_of(t)) < KEPT)
        if not items or all(STOCK.search(t) for t in items):
            return None
        if len(items) == len(block.items):
            return block
        return ListBlock(block.ordered, items, block.demands, block.intro)
    text = " ".join(texts_of(block))
    if STOCK.search(text):
        return None
    if isinstance(block, Heading):
        return block if len(text.split()) <= MAX_HEADING_WORDS else None
    if isinstance(block, Figure):
        return block if block.caption else None
    if isinstance(block, Quote) or _table_row(block):
        return block
    return block if _real(block) else None


MIN_ITEM_WORDS = 6


def _prose_list_beside(page_blocks: list[Block], i: int, first: int, last: int) -> bool:
    """A list of sentences just before or after the extracted span (nothing but headings and
    blank lines between): the article's summary ("TL;DR") or its closing points, which an
    extractor drops with the edges it trims."""
    block = page_blocks[i]
    if not isinstance(block, ListBlock) or len(block.items) < 2 or first <= i <= last:
        return False
    between = page_blocks[i + 1 : first] if i < first else page_blocks[last + 1 : i]
    if any(not isinstance(b, Heading) and len(" ".join(texts_of(b)).split()) > 1 for b in between):
        return False
    return _sentence_list(block)


def _sentence_list(block: Block) -> bool:
    """A list whose items are sentences: the article's points, not a list of links."""
    return isinstance(block, ListBlock) and all(
        len(t.split()) >= MIN_ITEM_WORDS and t.rstrip()[-1:] in ".!?…)" for t in block.items
    )


def _unsaid(lead: list[Block], out: list[Block]) -> list[Block]:
    """The lead's blocks that the output does not already hold."""
    said = {" ".join(texts_of(b)) for b in out}
    return [b for b in lead if " ".join(texts_of(b)) not in said]


def _fresh(block: Block, kept: Kept) -> bool:
    """A real paragraph the extractor did not keep."""
    return _real(block) and kept.share(words_of(" ".join(texts_of(block)))) < KEPT


def _table_row(block: Block) -> bool:
    """A row of a table (its cells joined by " | "): the article's data, however short."""
    return isinstance(block, Paragraph) and " | " in block.text


def with_region(tree: etree._Element, blocks: list[Block], images: ImageIndex) -> list[Block]:
    """The extracted blocks, with what the extractor dropped from the article put back."""
    open_accordions(tree)  # an FAQ's answers are read as a reader who opens them sees them
    if not blocks:
        return _marked_article_blocks(tree, images)
    kept = Kept(blocks)
    weights = _weights(tree, kept)
    boxed = boxed_blocks(tree, blocks, weights.holders())
    region = _region_of(tree, weights)
    out = with_kept_items(region, _restored(tree, blocks, images, kept, region), images)
    if region is not None:
        before, after = _continued(region, kept, images)
        if _words(before) + _words(after) >= CONTINUED_SHARE * _words(out):
            out = [*before, *out, *after]  # the extractor kept the lesser part of the article
        else:
            out = [*_unsaid(lead_above(region, images, partial(_fresh, kept=kept)), out), *out]
    if boxed and len(boxed) < len(blocks):
        out = [b for b in out if id(b) not in boxed]
    return out


def _restored(
    tree: etree._Element,
    blocks: list[Block],
    images: ImageIndex,
    kept: Kept,
    region: etree._Element | None,
) -> list[Block]:
    marked = article_region(tree)
    loose = False  # real paragraphs outside the extracted span come back too
    marked_words = -1
    if marked is not None and (region is None or region is marked or inside(region, marked)):
        marked_words = len(visible_text(marked).split())
        if marked_words >= MIN_REGION_WORDS and _words(blocks) < SHARE * marked_words:
            region, loose = marked, True
    if region is None:
        return blocks
    if not loose and region.tag not in ("body", "html"):
        # the extractor stopped early (or started late) inside the region it found
        same = region is marked and marked_words >= 0  # (its words are counted already)
        region_words = marked_words if same else len(visible_text(region).split())
        loose = region_words >= MIN_REGION_WORDS and _words(blocks) < SHARE * region_words
    prune = partial(furniture, region_chars=len(region.text_content()))
    page_blocks = html_blocks(region, images, prune=prune, panels=collapsed_panels(region))
    cut = whole_items(blocks, page_blocks)  # list items the extractor cut short
    cut = whole_rows(cut, region)  # and table rows it kept without some cells
    if cut != blocks:
        blocks, kept = cut, Kept(cut)
    # where each page block was extracted (the extracted block holding it), or None
    anchors: list[int | None] = []
    anchor = 0
    matched: list[int] = []  # the page blocks that bound the span: extracted running text
    # "See also" lists whose short items were all dropped (their words are in the text)
    unsaid = {
        i for i in range(len(page_blocks)) if unsaid_reference_list(page_blocks, i, kept.flat)
    }
    for i, block in enumerate(page_blocks):
        words = words_of(" ".join(texts_of(block)))
        said = words and kept.share(words) >= KEPT and not echoed_caption(block, words, kept)
        if said and i not in unsaid:
            found = kept.anchor(words)
            if found is not None:
                anchor = max(anchor, found)
            anchors.append(anchor)
            if len(words) >= MIN_PARAGRAPH_WORDS:
                matched.append(i)
        else:
            anchors.append(None)
    if not matched:
        return blocks
    first, last = matched[0], matched[-1]
    closing = set(faq_after(page_blocks, last) or repeated_after(page_blocks, first, last))
    closing.update(references_after(page_blocks, last))  # its "See also", "External links"
    inserts: dict[int, list[Block]] = {}
    if not loose:  # (loose, the region's real paragraphs before the span come back anyway)
        lead = lead_before(page_blocks, first, partial(_fresh, kept=kept))
        if lead:
            inserts[-1] = lead
    anchor = -1
    pending: Heading | None = None
    for i, block in enumerate(page_blocks):
        if anchors[i] is not None:
            # a dropped heading above kept text (above the first: not the page's title, which
            # is said once, as the title)
            if pending is not None and (first < i or not titled(tree, pending)):
                inserts.setdefault(anchor, []).append(pending)
            anchor = max(anchor, anchors[i])
            pending = None
            continue
        if not texts_of(block):
            continue
        if isinstance(block, ListBlock):  # a list the extractor kept in part goes after that part
            homes = (kept.anchor(w) for w in map(words_of, block.items) if kept.share(w) >= KEPT)
            anchor = max((a for a in homes if a is not None), default=anchor)
        # a lead image's caption, a lead paragraph; the last picture's caption
        edge = i in (first - 1, last + 1) or caption_after(page_blocks, last, i)
        opening = i == first - 1 and isinstance(block, Heading)  # the first section's heading
        label = first - 1 <= i < last and list_label(page_blocks, i) and anchors[i + 1] is not None
        opening = opening or label  # (the label of a list that was kept)
        if (
            first < i < last
            or (edge and isinstance(block, Figure))
            or opening
            or _prose_list_beside(page_blocks, i, first, last)
            or i in closing  # an FAQ, the last item's parts, reference sections after the span
        ):
            restored = block if i in closing else _restorable(block, kept)
            credit = first < i < last and credit_after_picture(page_blocks, i)
            if restored is None and (label or credit):
                restored = block  # a kept list's label, a picture's credit line
            if first < i < last and i in unsaid:
                restored = block  # a "See also" list, its short items all dropped
                home = kept.home(words_of(" ".join(texts_of(page_blocks[i - 1]))))
                anchor = anchor if home is None else home  # (under its heading)
        elif loose:
            restorable = isinstance(block, Heading) or _real(block) or _table_row(block)
            restored = block if restorable else None
        else:
            continue
        if isinstance(restored, Heading):
            pending = restored  # (it goes in with the first restored block under it)
        elif restored is not None:
            group = inserts.setdefault(anchor, [])
            if pending is not None:
                group.append(pending)
                pending = None
            group.append(restored)
    if not inserts:
        return blocks
    out: list[Block] = list(inserts.get(-1, []))
    for i, block in enumerate(blocks):
        out.append(block)
        out.extend(inserts.get(i, []))
    return out


MAX_LEVELS = 3  # how far up from the region its siblings are looked at
MIN_CONTINUED_WORDS = 60
PROSE_SHARE = 0.6  # a continuation's words are mostly in real paragraphs
CONTINUED_SHARE = 0.5


def _continued(
    region: etree._Element, kept: Kept, images: ImageIndex
) -> tuple[list[Block], list[Block]]:
    """The article's sections before and after its region that the extractor dropped whole.

    Page builders and accordions put an article's sections in sibling containers of the one
    the extractor kept. Such a sibling continues the article when it is prose: most of its
    words are real paragraphs, few of them links, and it is not furniture. The walk from the
    region goes up a few levels and along each level's siblings, both ways. It passes over
    small siblings that are not prose (a call to action, a video player) and boxes of links,
    and stops at the first other one (comments, related links, a footer, a sidebar).
    """
    body = region.getroottree().getroot().find("body")
    region_chars = len(region.text_content())
    before: list[Block] = []
    after: list[Block] = []
    node, levels = region, 0
    go_back = go_on = True
    while levels < MAX_LEVELS and (go_back or go_on):
        parent = node.getparent()
        if parent is None or parent is body:
            break
        levels += len(parent) > 1  # a wrapper around the node alone is not a level
        if go_on:
            go_on = _walk(node.itersiblings(), kept, images, region_chars, after.extend)
        if go_back:
            found: list[list[Block]] = []
            preceding = node.itersiblings(preceding=True)
            go_back = _walk(preceding, kept, images, region_chars, found.append)
            for blocks in found:
                before[:0] = blocks
        node = parent
    return before, after


def _walk(siblings, kept: Kept, images: ImageIndex, region_chars: int, take) -> bool:
    """Take the prose of siblings in turn; False once one is not prose (the walk stops)."""
    for sibling in siblings:
        if not isinstance(sibling.tag, str) or sibling.tag in _SKIPPED:
            continue
        shown = len(visible_text(sibling, max_words=MIN_CONTINUED_WORDS).split())
        small = shown < MIN_CONTINUED_WORDS  # a call to action, a video player, an ad slot
        if furniture(sibling, region_chars) or FURNITURE_CLASS.search(
            " ".join(el.get("class") or "" for el in sibling.iter() if isinstance(el.tag, str))
        ):
            if small:
                continue
            return False
        blocks = _prose(sibling, kept, images, region_chars)
        if blocks is None:
            if small or link_dense(sibling):
                continue  # or a box of links between two sections
            return False
        if blocks:
            take(blocks)
    return True


_SKIPPED = frozenset(["script", "style", "noscript", "template", "link", "meta", "br", "hr"])


def _prose(
    el: etree._Element, kept: Kept, images: ImageIndex, region_chars: int
) -> list[Block] | None:
    """An element's real blocks when it reads as the article's prose; None when it does not."""
    words = len(visible_text(el).split())
    if not words:
        return []
    prune = partial(furniture, region_chars=region_chars)
    out: list[Block] = []
    prose_words = 0
    paragraphs = 0
    pending: Heading | None = None
    for block in html_blocks(el, images, prune=prune):
        text = " ".join(texts_of(block))
        probe = words_of(text)
        if len(probe) >= MIN_PARAGRAPH_WORDS and kept.share(probe) >= KEPT:
            return None  # the extractor kept part of it: not a dropped section
        if isinstance(block, Heading):
            pending = block if len(text.split()) <= MAX_HEADING_WORDS else None
            continue
        restored = _restorable(block, kept)
        if restored is None or not (paragraphs or _real(block)):
            continue  # a section starts with running text, not with a list or a caption
        paragraphs += _real(block)
        prose_words += sum(len(t.split()) for t in texts_of(restored))
        out.extend([pending, restored] if pending is not None else [restored])
        pending = None
    if prose_words < max(MIN_CONTINUED_WORDS, PROSE_SHARE * words) or link_dense(el):
        return None
    return out


def _marked_article_blocks(tree: etree._Element, images: ImageIndex) -> list[Block]:
    """When the extractor kept nothing: the real blocks of the page's marked article, if any."""
    marked = article_region(tree)
    if marked is None or len(visible_text(marked).split()) < MIN_REGION_WORDS:
        return []
    out: list[Block] = []
    pending: Heading | None = None
    for block in html_blocks(marked, images):
        if isinstance(block, Heading):
            pending = block
        elif _real(block):
            out.extend([pending, block] if pending is not None else [block])
            pending = None
    return out
