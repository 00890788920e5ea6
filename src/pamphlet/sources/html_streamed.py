"""Pages streamed in pieces by a server renderer, put together as a browser shows them.

React's streaming server rendering (Next.js and others) sends a page's slow parts after the
rest: where such a part belongs the page holds an empty ``<template id="B:1">`` (a suspense
boundary, followed by its fallback: a spinner or "Loading…") or ``<template id="P:1">`` (a
placeholder), and the part itself comes at the end of the body in ``<div hidden id="S:1">``.
A small script moves each part into its place; a saved page keeps them apart, so the article's
headings, lists and paragraphs stand hidden after the page's footer. This module does what the
script does: each part's content replaces its template (and a boundary's fallback), in place.
"""

from __future__ import annotations

import re

from lxml import etree

_SEGMENT = re.compile(r"S:[0-9a-f]+")
# a boundary's fallback, between its template and the comment that closes the boundary
_FALLBACK = re.compile(
    r'(<!--\$\?-->\s*<template id="B:[0-9a-f]+"></template>)(?:(?!<!--|<template\b).){0,3000}?'
    r"(<!--/\$-->)",
    re.S,
)


def drop_fallbacks(text: str) -> str:
    """A page's text without its suspense boundaries' fallbacks (the comments that mark them
    are gone once the page is parsed)."""
    if "<!--$?-->" not in text:
        return text
    return _FALLBACK.sub(r"\1\2", text)


def place_streamed(tree: etree._Element) -> int:
    """Move each streamed part into its template's place; the number of parts moved."""
    body = tree.find("body")
    if body is None:
        return 0
    segments = [
        el
        for el in body.iter("div")
        if el.get("hidden") is not None and _SEGMENT.fullmatch(el.get("id") or "")
    ]
    if not segments:
        return 0
    templates = {el.get("id"): el for el in body.iter("template") if el.get("id")}
    moved = 0
    for segment in segments:
        number = segment.get("id")[2:]
        target = templates.get(f"B:{number}")
        if target is None:
            target = templates.get(f"P:{number}")
        if target is None or _inside(target, segment):
            continue
        _replace(target, segment)
        moved += 1
    return moved


def _inside(el: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _replace(target: etree._Element, segment: etree._Element) -> None:
    """The segment's content in place of the target template (whose tail stays after it)."""
    parent = target.getparent()
    if parent is None:
        return
    index = parent.index(target)
    lead = segment.text or ""
    children = list(segment)
    tail = target.tail or ""
    if lead:
        previous = parent[index - 1] if index > 0 else None
        if previous is None:
            parent.text = (parent.text or "") + lead
        else:
            previous.tail = (previous.tail or "") + lead
    parent.remove(target)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if tail:
        last = parent[index + len(children) - 1] if children else None
        if last is None:
            if index > 0:
                parent[index - 1].tail = (parent[index - 1].tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        else:
            last.tail = (last.tail or "") + tail
    source = segment.getparent()
    if source is not None:
        keep = segment.tail
        previous = segment.getprevious()
        source.remove(segment)
        if keep:
            if previous is None:
                source.text = (source.text or "") + keep
            else:
                previous.tail = (previous.tail or "") + keep


__all__ = ["drop_fallbacks", "place_streamed"]
