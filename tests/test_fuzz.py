"""Property tests over the whole pipeline: random text, HTML-ish markup and bytes.

Whatever a source holds, reading it raises nothing but PamphletError subclasses, and
what is rendered is well-formed XHTML in which no source text became markup.
Example counts are kept small so this file runs in well under 30 s (the EPUB and
PDF ones are marked slow). On CI (CI set) the examples are derandomized;
PAMPHLET_FUZZ_SCALE=N runs N times as many examples.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from pamphlet.errors import PamphletError
from pamphlet.model import Document
from pamphlet.pipeline import BuildOptions
from pamphlet.render import RenderOptions, render_html, render_part
from pamphlet.sources import read_source

CI = bool(os.environ.get("CI"))
SCALE = max(1, int(os.environ.get("PAMPHLET_FUZZ_SCALE", "1") or 1))
"""Multiplies every example count, for a long bug hunt: PAMPHLET_FUZZ_SCALE=50 pytest ..."""


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        database=None,
        derandomize=CI,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Elements the templates write; nothing else may appear, whatever the source held.
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "link", "body", "main", "article", "aside",
    "header", "section", "div", "span", "time", "h1", "h2", "h3", "h4", "h5", "h6", "p",
    "ol", "ul", "li", "blockquote", "figure", "figcaption", "img",
}
XHTML = "{http://www.w3.org/1999/xhtml}"

# ---- strategies -----------------------------------------------------------------------------

TRICKY = [
    "- ", "* ", "1. ", "2) ", "# ", "## ", "> ", "---", "***", "```", "    ", "\t", "\n", "\n\n",
    "\r\n", "\r", "\x0c", "\x00", "\x1b[31m", "\u00a0", "\u200b", "\u202e", "\ufeff", "\ufffe",
    "\U0001f600", "e\u0301", "Comments", "Комментарии", "By Jo Bloggs", "Автор: Иван",
    "Share on Twitter", "This website uses cookies", "We demand:", "Мы требуем:", "Reply",
    "12 March 2021", "2021-06-04T18:30", "03.04.2021", "<b>", "</p>", "{{ 7*7 }}", "{% raw %}",
    "&amp;", "&#0;", "&#1;", "&#xD800;", "&#xFFFF;", "&#x0C;", "&#127;", "]]>", "<!--",
    "javascript:alert(1)", "file:///etc/passwd",
    "![x](/etc/passwd)", "[a](javascript:x)", "<script>", '"', "'", "«", "»", "—", "…",
]

lines = st.lists(
    st.one_of(
        st.sampled_from(TRICKY),
        st.text(max_size=40),
        st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя АБВГД.,", max_size=40),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABC.,!?:;-", min_size=1, max_size=60),
    ),
    max_size=40,
).map("".join)

TAGS = [
    "p", "div", "span", "a", "b", "i", "em", "strong", "h1", "h2", "h3", "h6", "ul", "ol", "li",
    "blockquote", "figure", "figcaption", "img", "table", "tr", "td", "th", "article", "main",
    "section", "header", "footer", "nav", "aside", "script", "style", "iframe", "object",
    "embed", "form", "input", "svg", "math", "template", "noscript", "br", "hr", "time", "meta",
    "title", "head", "body", "html", "pre", "code", "q", "sup", "source", "video", "x-custom",
]
ATTRS = [
    "class", "id", "style", "onclick", "onerror", "href", "src", "srcset", "data-src", "alt",
    "itemprop", "datetime", "content", "property", "name", "lang", "charset", "rel",
]
VALUES = [
    "", "comment", "byline", "author", "articleBody", "date", "javascript:alert(1)",
    "file:///etc/passwd", "../../x.png", "/abs.png", "data:image/png;base64,AAAA",
    "http://127.0.0.1:9/x", "og:title", "2021-06-04", "ru", "utf-7", "x\" onload=\"y",
]


@st.composite
def html_ish(draw: st.DrawFn, depth: int = 0) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 6 if depth < 3 else 2))):
        kind = draw(st.integers(0, 9))
        if kind <= 3 or depth >= 4:
            parts.append(draw(st.one_of(st.sampled_from(TRICKY), st.text(max_size=30))))
        elif kind == 4:
            parts.append(draw(st.sampled_from(["<!-- c -->", "<![CDATA[x]]>", "&nbsp;",
                                               "&#8212;", "&bogus;", "<", ">", "</div>",
                                               "<?xml ?>", "<!DOCTYPE html>", "&#x110000;"])))
        else:
            tag = draw(st.sampled_from(TAGS))
            attrs = "".join(
                f' {a}="{v}"'
                for a, v in draw(
                    st.lists(st.tuples(st.sampled_from(ATTRS), st.sampled_from(VALUES)),
                             max_size=3)
                )
            )
            inner = draw(html_ish(depth + 1))
            close = draw(st.booleans()) or kind > 6
            parts.append(f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if close else ""))
    return "".join(parts)


pages = st.one_of(
    html_ish(),
    html_ish().map(lambda body: f"<html><head><title>T</title></head><body>{body}</body></html>"),
    html_ish().map(
        lambda body: "<html><body><article>"
        + "<p>Workers walked out on Monday after the company cut overtime rates again.</p>" * 3
        + body + "</article></body></html>"
    ),
)


# ---- the properties -------------------------------------------------------------------------


def read_or_refuse(folder: Path, name: str, data: bytes) -> Document | None:
    """read_source, where only our own errors are allowed to come out."""
    path = folder / name
    path.write_bytes(data)
    try:
        return read_source(path)
    except PamphletError as exc:
        assert exc.exit_code in (3, 4, 5), exc
        assert exc.line() and "\n" not in exc.line()
        return None


def check_xhtml(markup: str, where: str) -> etree._Element:
    root = etree.fromstring(markup.encode("utf-8"))  # raises if not well-formed XML
    for el in root.iter():
        if isinstance(el.tag, str):
            local = etree.QName(el).localname
            assert local in TEMPLATE_TAGS, f"<{local}> from the source in {where}"
            for name in el.attrib:
                assert not etree.QName(name).localname.startswith("on"), where
    return root


def check_rendering(doc: Document) -> None:
    for part in ("article", "comments"):
        check_xhtml(render_part(doc, part), part)
    check_xhtml(render_html(doc, RenderOptions(target="screen")), "screen")
    check_xhtml(render_html(doc, RenderOptions(target="print")), "print")
    for figure in (b for b in doc.body if b.type == "figure"):
        src = getattr(figure, "src", None)
        assert src is None or (":" not in src and not src.startswith("/") and ".." not in src)


@pytest.fixture(scope="module")
def folder() -> Path:
    with tempfile.TemporaryDirectory(prefix="pamphlet-fuzz-") as name:
        yield Path(name)


@fuzz_settings(120)
@given(text=lines, suffix=st.sampled_from([".txt", ".md"]))
def test_random_text(folder: Path, text: str, suffix: str) -> None:
    doc = read_or_refuse(folder, f"fuzz{suffix}", text.encode("utf-8", "surrogatepass"))
    if doc is not None:
        check_rendering(doc)


@fuzz_settings(80)
@given(page=pages)
def test_random_html(folder: Path, page: str) -> None:
    doc = read_or_refuse(folder, "fuzz.html", page.encode("utf-8", "surrogatepass"))
    if doc is not None:
        check_rendering(doc)


@fuzz_settings(80)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".gz"]))
def test_random_bytes(folder: Path, data: bytes, suffix: str) -> None:
    doc = read_or_refuse(folder, f"fuzz{suffix}", data)
    if doc is not None:
        check_rendering(doc)


@fuzz_settings(40)
@given(
    data=st.one_of(
        st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x4FF), max_size=300),
        lines,
    ),
    encoding=st.sampled_from(["cp1251", "koi8-r", "utf-16", "utf-8-sig", "latin-1", "cp1252"]),
)
def test_random_text_in_other_encodings(folder: Path, data: str, encoding: str) -> None:
    try:
        raw = data.encode(encoding)
    except UnicodeEncodeError:
        raw = data.encode(encoding, errors="replace")
    doc = read_or_refuse(folder, "enc.txt", raw)
    if doc is not None:
        check_rendering(doc)


# ---- EPUB and PDF, a few examples each ------------------------------------------------------


def _epub_is_well_formed(doc: Document, out: Path) -> None:
    from pamphlet.export.epub import write_epub

    dest = out / "fuzz.epub"
    write_epub(doc, dest, BuildOptions(out_dir=out, formats=("epub",)))
    with zipfile.ZipFile(dest) as zf:
        assert zf.read("mimetype") == b"application/epub+zip"
        for name in zf.namelist():
            if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
                etree.fromstring(zf.read(name))


@pytest.mark.slow
@fuzz_settings(12)
@given(data=st.one_of(lines.map(lambda t: ("fuzz.txt", t)), pages.map(lambda p: ("fuzz.html", p))))
def test_random_sources_make_well_formed_epubs(folder: Path, data: tuple[str, str]) -> None:
    name, text = data
    doc = read_or_refuse(folder, name, text.encode("utf-8", "surrogatepass"))
    if doc is not None:
        _epub_is_well_formed(doc, folder)


@pytest.mark.slow
@fuzz_settings(3)
@given(data=st.one_of(lines.map(lambda t: ("fuzz.md", t)), pages.map(lambda p: ("fuzz.html", p))))
def test_random_sources_make_pdfs(folder: Path, data: tuple[str, str]) -> None:
    from pamphlet.export.pdf import write_pdfs

    name, text = data
    doc = read_or_refuse(folder, name, text.encode("utf-8", "surrogatepass"))
    if doc is None:
        return
    options = BuildOptions(out_dir=folder, formats=("pdf",), pdf_variant=None)
    written, _ = write_pdfs(doc, folder, "fuzz", folder / name, options)
    assert written and written[0].read_bytes().startswith(b"%PDF-")


@fuzz_settings(300)
@given(name=st.text(min_size=0, max_size=300))
def test_any_name_gives_a_plain_stem(name: str) -> None:
    import re

    from pamphlet.fsutil import MAX_STEM_BYTES, safe_stem

    stem = safe_stem(name)
    assert re.fullmatch(r"[\w.-]+", stem) and not stem.startswith((".", "-"))
    assert ".." not in stem and len(stem.encode("utf-8", "surrogatepass")) <= MAX_STEM_BYTES
    stem.encode("utf-8")  # no lone surrogates: always a name the file system takes
