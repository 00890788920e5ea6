"""Untrusted content never reaches outside: no network, no local files beyond the
source's folder, no scripts or styles from the source, no template injection, and
output names that stay in the output folder.
"""

from __future__ import annotations

import http.server
import io
import os
import re
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from pamphlet.cli import main
from pamphlet.fsutil import safe_stem
from pamphlet.model import Figure
from pamphlet.sources import read_source

PARA = (
    "<p>Paragraph {n}: workers at the depot walked out on Monday after the company cut "
    "overtime rates for the third time this year, and the branch says it will not back "
    "down until the cuts are reversed and the sacked reps are reinstated.</p>\n"
)
SECRET_TEXT = b"TOP-SECRET-TEXT-7f3a9c"
SECRET_JPEG = b"TOP-SECRET-JPEG-51b2e0"
SECRET_CSS = b"TOP-SECRET-CSS-c0ffee"
INSIDE_JPEG = b"INSIDE-JPEG-OK-a1b2c3"
PASSWD_LINE = Path("/etc/passwd").read_bytes().splitlines()[0]  # e.g. root:x:0:0:...
SCRIPT_TOKENS = (
    "xss-script", "xss-onclick", "xss-onerror", "xss-js-href", "xss-svg", "xss-style",
    "xss-iframe", "xss-form", "xss-meta", "xss-case", "xss-md", "xss-vb",
)


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# ---- a server on 127.0.0.1 that counts every request ---------------------------------------


@dataclass
class Server:
    url: str
    host_port: str
    hits: list[str]


def _tiny_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (13, 7), (0, 128, 255)).save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture
def server() -> Iterator[Server]:
    hits: list[str] = []
    png = _tiny_png()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            body, kind = (png, "image/png")
            if self.path.endswith(".css"):
                body, kind = b"body { color: red }", "text/css"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.timeout = 2
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    host_port = f"127.0.0.1:{httpd.server_address[1]}"
    try:
        yield Server(f"http://{host_port}", host_port, hits)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


# ---- a hostile site: a page in site/, secrets in outside/ -----------------------------------


def _jpeg(path: Path, comment: bytes, size: tuple[int, int]) -> None:
    from PIL import Image

    Image.new("RGB", size, (90, 30, 30)).save(path, format="JPEG", comment=comment)


@dataclass
class Site:
    page: Path
    folder: Path
    secrets: list[Path]


def references(server: Server, outside: Path, site: Path) -> list[str]:
    """Every address the page tries: outside files, /etc/passwd, the server."""
    return [
        "file:///etc/passwd",
        "/etc/passwd",
        "../../../../../../etc/passwd",
        (outside / "secret.txt").as_uri(),
        (outside / "secret.jpg").as_uri(),
        str(outside / "secret.jpg"),
        "../outside/secret.jpg",
        "link-to-secret.jpg",
        "evil.svg",
        f"{server.url}/remote.png",
        f"//{server.host_port}/scheme-relative.png",
        f"{server.url}/style.css",
    ]


def hostile_page(server: Server, refs: list[str]) -> str:
    u = server.url
    parts = [
        "<!DOCTYPE html><html><head><title>Hostile page</title>",
        f'<base href="{u}/base/">',
        f'<meta http-equiv="refresh" content="0; url={u}/refresh">',
        "<meta http-equiv=\"refresh\" content=\"0; url=javascript:alert('xss-meta')\">",
        f'<script src="{u}/script.js"></script>',
        "<script>alert('xss-script')</script>",
    ]
    for ref in refs:
        parts.append(f'<link rel="stylesheet" href="{ref}"><link rel="icon" href="{ref}">')
        parts.append(f'<style>@import url("{ref}"); body {{ background: url("{ref}") }}</style>')
        parts.append(f'<style>@font-face {{ font-family: X; src: url("{ref}") }}</style>')
    parts.append("</head><body><article><h1>Hostile page</h1>")
    parts.append('<figure><img src="inside.jpg" alt="inside"><figcaption>An inside picture'
                 "</figcaption></figure>")
    parts.extend(PARA.format(n=n) for n in range(1, 4))
    parts.append(
        "<p onclick=\"alert('xss-onclick')\" style=\"color:red; background:url("
        f"{u}/inline.png)\">A paragraph with a handler and an inline style, words words.</p>"
        "<p><a href=\"javascript:alert('xss-js-href')\">a javascript link</a> and "
        "<a href=\" JaVaScRiPt:alert('xss-case')\">another</a> and "
        "<a href=\"vbscript:msgbox('xss-vb')\">a vb one</a> in a sentence of the article.</p>"
        "<img src=x onerror=\"alert('xss-onerror')\" alt=\"\">"
        "<svg onload=\"alert('xss-svg')\"><script>alert('xss-svg')</script></svg>"
        "<div style=\"background:url(javascript:alert('xss-style'))\">Styled div text.</div>"
        "<iframe srcdoc=\"<script>alert('xss-iframe')</script>\"></iframe>"
        f"<form action=\"{u}/form\"><input name=q value=\"xss-form\"><button>Go</button></form>"
    )
    for ref in refs:
        parts.append(
            f'<figure><img src="{ref}" srcset="{ref} 2x" data-src="{ref}" alt="ref">'
            f"<figcaption>Caption for a refused image</figcaption></figure>"
            f'<picture><source srcset="{ref}"><img src="{ref}" alt="pic"></picture>'
            f'<p style="background-image: url(\'{ref}\')">Text with a background.</p>'
            f'<object data="{ref}"></object><iframe src="{ref}"></iframe>'
            f'<video poster="{ref}" src="{ref}"></video><audio src="{ref}"></audio>'
            f'<input type="image" src="{ref}"><table background="{ref}"><tr><td>cell</td></tr>'
            f'</table><svg><image href="{ref}" xlink:href="{ref}"/></svg>'
        )
    parts.extend(PARA.format(n=n) for n in range(4, 7))
    parts.append(f'<embed src="{refs[0]}"></embed>')
    parts.append("</article></body></html>")
    return "\n".join(parts)


@pytest.fixture
def site(tmp_path: Path, server: Server) -> Site:
    outside = tmp_path / "outside"
    folder = tmp_path / "site"
    outside.mkdir()
    folder.mkdir()
    (outside / "secret.txt").write_bytes(SECRET_TEXT + b"\n")
    _jpeg(outside / "secret.jpg", SECRET_JPEG, (29, 19))
    (outside / "secret.css").write_bytes(b"/* " + SECRET_CSS + b" */ body { color: red }")
    _jpeg(folder / "inside.jpg", INSIDE_JPEG, (31, 17))
    (folder / "link-to-secret.jpg").symlink_to(outside / "secret.jpg")
    (folder / "evil.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        "width=\"10\" height=\"10\"><script>alert('xss-svg')</script>"
        '<image href="file:///etc/passwd" width="10" height="10"/></svg>'
    )
    page = folder / "page.html"
    page.write_text(hostile_page(server, references(server, outside, folder)), encoding="utf-8")
    return Site(page, folder, [outside / "secret.txt", outside / "secret.jpg"])


# ---- reading every byte an output holds -----------------------------------------------------


def output_bytes(path: Path) -> list[bytes]:
    """The file, and for an EPUB every member, and for a PDF every decoded stream."""
    data = path.read_bytes()
    chunks = [data]
    if path.suffix == ".epub":
        with zipfile.ZipFile(path) as zf:
            chunks.extend(zf.read(name) for name in zf.namelist())
    elif path.suffix == ".pdf":
        import pikepdf

        with pikepdf.open(path) as pdf:
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Stream):
                    try:
                        chunks.append(obj.read_bytes())
                    except pikepdf.PdfError:
                        chunks.append(obj.read_raw_bytes())
    return chunks


def assert_no_secret(paths: list[Path]) -> None:
    for path in paths:
        for chunk in output_bytes(path):
            for secret in (SECRET_TEXT, SECRET_JPEG, SECRET_CSS, PASSWD_LINE):
                assert secret not in chunk, f"{secret!r} leaked into {path.name}"


def parse_page(path: Path) -> etree._Element:
    """The dist HTML page, parsed the way a browser reads it (as HTML)."""
    return etree.fromstring(path.read_bytes(), etree.HTMLParser(huge_tree=True))


def epub_documents(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as zf:
        return {
            name: etree.fromstring(zf.read(name))
            for name in zf.namelist()
            if name.endswith((".xhtml", ".html", ".htm"))
        }


FORBIDDEN = {
    "script", "iframe", "frame", "object", "embed", "applet", "form", "input", "button",
    "textarea", "select", "base", "video", "audio", "source", "svg", "math", "template",
    "noscript", "canvas",
}


def _local(name: str) -> str:
    """'{ns}tag', 'xlink:href' or 'tag' -> the local name, lower case."""
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def assert_inert(
    root: etree._Element, where: str, *, our_style: bool = False, text_tokens: bool = True
) -> None:
    """No active content, no inline styles, no scripting URLs, no refs to outside.

    With text_tokens, no payload marker anywhere, not even as text (for HTML sources,
    whose scripts and handlers must go with their content)."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = _local(el.tag)
        assert tag not in FORBIDDEN, f"<{tag}> in {where}"
        if tag == "style":
            assert our_style and el.getparent() is not None, f"<style> in {where}"
            assert _local(el.getparent().tag) == "head"
        if tag == "meta":
            assert el.get("http-equiv") is None, f"meta http-equiv in {where}"
        for name, value in el.attrib.items():
            local = _local(name)
            assert not local.startswith("on"), f"{local}= on <{tag}> in {where}"
            assert local not in ("style", "srcset", "background", "poster", "srcdoc"), (
                f"{local}= on <{tag}> in {where}"
            )
            if local in ("href", "src", "data", "action", "formaction"):
                v = re.sub(r"[\s\x00-\x20]", "", value).lower()
                assert not v.startswith(("javascript:", "vbscript:", "data:", "file:")), value
                assert "127.0.0.1" not in v and not v.startswith(("http:", "https:", "//", "/")), (
                    f"{local}={value!r} on <{tag}> in {where}"
                )
                assert ".." not in v.split("/"), f"{local}={value!r} in {where}"
    if text_tokens:
        text = etree.tostring(root, encoding="unicode")
        for token in SCRIPT_TOKENS:
            assert token not in text, f"{token} in {where}"


# ---- the tests ------------------------------------------------------------------------------


def test_reader_keeps_only_images_inside_the_source_folder(site: Site) -> None:
    doc = read_source(site.page)
    figures = [b for b in doc.body if isinstance(b, Figure)]
    srcs = {f.src for f in figures if f.src}
    assert srcs == {"inside.jpg"}  # the positive control survives, nothing else does
    assert doc.url is None


def test_html_and_epub_leak_nothing_and_stay_offline(
    site: Site, server: Server, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    code, _, err = run("build", site.page, "-o", dist, "-f", "html", "-f", "epub")
    assert code == 0, err
    assert server.hits == []
    html, epub = dist / "page.html", dist / "page.epub"
    assert_no_secret([html, epub])
    assert_inert(parse_page(html), "page.html", our_style=True)
    docs = epub_documents(epub)
    assert docs
    for name, root in docs.items():
        assert_inert(root, name)
    # the positive control: a local image inside the folder is packed as it is
    assert any(INSIDE_JPEG in chunk for chunk in output_bytes(epub))
    raw = html.read_text(encoding="utf-8") + "".join(
        etree.tostring(r, encoding="unicode") for r in docs.values()
    )
    for needle in ("/etc/passwd", "secret", server.host_port, "file:", "evil.svg"):
        assert needle not in raw, needle


@pytest.mark.slow
def test_pdf_leaks_nothing_and_stays_offline(site: Site, server: Server, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    code, _, err = run("build", site.page, "-o", dist, "-f", "pdf", "--pdf-variant", "none")
    assert code == 0, err
    assert server.hits == []
    pdf = dist / "page.pdf"
    assert_no_secret([pdf])
    assert any(INSIDE_JPEG in chunk for chunk in output_bytes(pdf)), "the control image is missing"


@pytest.mark.slow
def test_allow_remote_does_reach_the_server(site: Site, server: Server, tmp_path: Path) -> None:
    """The control for the offline tests: with --allow-remote the same server is reached,
    so a count of 0 above means something. Local secrets stay out even then."""
    page = site.folder / "remote.html"
    page.write_text(
        "<html><head><title>Remote</title></head><body><article><h1>Remote</h1>"
        + "".join(PARA.format(n=n) for n in range(1, 4))
        + f'<figure><img src="{server.url}/allowed.png" alt="remote">'
        "<figcaption>A remote picture</figcaption></figure>"
        f'<figure><img src="{(site.folder.parent / "outside" / "secret.jpg").as_uri()}" '
        'alt="secret"><figcaption>A refused picture</figcaption></figure>'
        + "".join(PARA.format(n=n) for n in range(4, 6))
        + "</article></body></html>",
        encoding="utf-8",
    )
    dist = tmp_path / "dist"
    code, _, err = run("build", page, "-o", dist, "-f", "pdf", "-f", "epub", "-f", "html",
                       "--pdf-variant", "none", "--allow-remote")
    assert code == 0, err
    assert "/allowed.png" in server.hits
    assert_no_secret([dist / "remote.pdf", dist / "remote.epub", dist / "remote.html"])


MD_HOSTILE = """# Hostile markdown

Workers at the depot walked out on Monday after the company cut overtime rates again,
and the branch says it will not back down until the cuts are reversed.

![passwd](file:///etc/passwd) ![abs]({abs}) ![rel](../outside/secret.jpg)
![link](link-to-secret.jpg) ![svg](evil.svg) ![remote]({url}/md.png) ![ok](inside.jpg)

[a javascript link](javascript:alert('xss-md')) and [ref][r] and <{url}/autolink>

<script>alert('xss-md')</script>
<img src="{url}/raw.png" onerror="alert('xss-md')">
<iframe src="file:///etc/passwd"></iframe>

[r]: file:///etc/passwd

Another paragraph of the article with enough words to be kept as real text here.
"""


def test_markdown_leaks_nothing(site: Site, server: Server, tmp_path: Path) -> None:
    src = site.folder / "hostile.md"
    src.write_text(
        MD_HOSTILE.format(abs=site.secrets[1], url=server.url), encoding="utf-8"
    )
    doc = read_source(src)
    assert {b.src for b in doc.body if isinstance(b, Figure) and b.src} <= {"inside.jpg"}
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "html", "-f", "epub")
    assert code == 0, err
    assert server.hits == []
    assert_no_secret([dist / "hostile.html", dist / "hostile.epub"])
    html = parse_page(dist / "hostile.html")
    assert_inert(html, "html", our_style=True, text_tokens=False)
    for name, root in epub_documents(dist / "hostile.epub").items():
        assert_inert(root, name, text_tokens=False)


def test_big_data_urls_are_not_carried(tmp_path: Path, server: Server) -> None:
    import base64
    import random

    from PIL import Image

    noise = random.Random(7).randbytes(1400 * 1400 * 3)
    buf = io.BytesIO()
    Image.frombytes("RGB", (1400, 1400), noise).save(buf, format="JPEG", quality=95,
                                                  comment=SECRET_JPEG)
    assert buf.tell() > 2_100_000  # over the fetcher's data: limit
    url = "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode()
    page = tmp_path / "data.html"
    page.write_text(
        "<html><head><title>Data</title>"
        f"<style>body {{ background: url({url}) }}</style></head><body><article><h1>Data</h1>"
        + PARA.format(n=1) + f'<figure><img src="{url}" alt="big"><figcaption>Big'
        "</figcaption></figure>" + f'<p style="background: url({url})">Styled.</p>'
        + PARA.format(n=2) * 2 + "</article></body></html>",
        encoding="utf-8",
    )
    dist = tmp_path / "dist"
    code, _, err = run("build", page, "-o", dist, "-f", "html", "-f", "epub")
    assert code == 0, err
    assert_no_secret([dist / "data.html", dist / "data.epub"])
    assert max(p.stat().st_size for p in dist.iterdir()) < 200_000
    assert server.hits == []


def test_content_after_void_elements_is_kept(tmp_path: Path) -> None:
    """libxml2 does not know HTML5's void <embed>, <source>, <track>: it nests what follows
    inside them. Leaving the element out must not leave the rest of the article out."""
    page = tmp_path / "void.html"
    page.write_text(
        "<html><head><title>Void</title></head><body><article><h1>Void</h1>"
        + "".join(PARA.format(n=n) for n in range(1, 4))
        + '<embed src="movie.swf"><video><source src="a.mp4"><track src="a.vtt"></video>'
        + "".join(PARA.format(n=n) for n in range(4, 7))
        + "</article></body></html>",
        encoding="utf-8",
    )
    texts = " ".join(read_source(page).texts())
    assert "Paragraph 6:" in texts


# ---- text that looks like markup or template syntax -----------------------------------------

LITERALS = ("<b>bold</b>", "{{ 7*7 }}", "{% raw %}", "{# note #}", "]]>", "&amp;", "<!--x-->")


def _visible_text(root: etree._Element) -> str:
    body = root.find(".//{http://www.w3.org/1999/xhtml}body")
    if body is None:
        body = root.find(".//body")
    return " ".join("".join(body.itertext()).split())


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_markup_and_template_syntax_are_printed_literally(tmp_path: Path, suffix: str) -> None:
    line = "Literal: " + " ".join(LITERALS) + " end."
    title = "Title {{ 7*7 }} <i>x</i>"
    if suffix == ".html":
        from html import escape

        content = (
            f"<html><head><title>{escape(title)}</title></head><body><article>"
            f"<h1>{escape(title)}</h1><p>{escape(line)}</p>"
            + PARA.format(n=1) * 3 + "</article></body></html>"
        )
    elif suffix == ".md":
        # what a Markdown writer types for a literal '<' or '&'
        md_line = line.replace("<", "\\<").replace("&", "\\&")
        content = f"# {title.replace('<', chr(92) + '<')}\n\n{md_line}\n\n" + (
            "Workers walked out on Monday after the company cut overtime rates again.\n\n" * 3
        )
    else:
        content = f"{title}\n\n{line}\n\n" + (
            "Workers walked out on Monday after the company cut overtime rates again.\n\n" * 3
        )
    src = tmp_path / f"literal{suffix}"
    src.write_text(content, encoding="utf-8")
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "html", "-f", "epub")
    assert code == 0, err
    roots = {"html": parse_page(dist / "literal.html")}
    roots.update(epub_documents(dist / "literal.epub"))
    chapters = [r for n, r in roots.items() if n == "html" or "nav" not in n]
    found = " ".join(_visible_text(r) for r in chapters)
    for literal in LITERALS:
        assert literal in found, literal
    assert "{{ 7*7 }}" in _visible_text(roots["html"]).split("Literal:")[0]  # the title
    assert "<i>x</i>" in found
    for root in chapters:
        assert not any(
            _local(el.tag) in ("b", "i") for el in root.iter() if isinstance(el.tag, str)
        )
    assert " 49 " not in found


def test_markup_in_a_markdown_source_does_not_become_markup(tmp_path: Path) -> None:
    src = tmp_path / "raw.md"
    src.write_text(
        "# Raw HTML\n\nA sentence with <b>raw bold</b> and <span style='color:red'>a span</span>"
        " and {{ 7*7 }} inside it, long enough to be a paragraph of the article.\n\n"
        "Workers walked out on Monday after the company cut overtime rates again.\n",
        encoding="utf-8",
    )
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "html")
    assert code == 0, err
    root = parse_page(dist / "raw.html")
    tags = {_local(el.tag) for el in root.iter() if isinstance(el.tag, str)}
    assert "b" not in tags and "span" not in tags
    assert "{{ 7*7 }}" in _visible_text(root)
    assert_inert(root, "raw.html", our_style=True)


# ---- output names ---------------------------------------------------------------------------

ODD_NAMES = [
    "..", "...txt", "-rf.txt", ".hidden.txt", "a b;rm -rf ~.txt", "$(reboot).md",
    "`id`.txt", "x\ny.txt", "\x1b[2Jclear.txt", "con.txt", "NUL.md", "é" * 120 + ".txt",
    "日本語の記事.txt", "😀.txt", "trailing dot..txt", "a%2F..%2Fb.txt", "<script>.html",
]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_safe_stem_is_a_plain_name(name: str) -> None:
    stem = safe_stem(name)
    assert stem and re.fullmatch(r"[\w.-]+", stem), stem
    assert not stem.startswith((".", "-")) and ".." not in stem
    assert "/" not in stem and "\\" not in stem
    assert len((stem + "-booklet.pdf").encode()) + len(".part") + 10 < 255
    assert stem.split(".")[0].lower() not in {"con", "nul", "prn", "aux"}


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "/etc/passwd", "C:\\Windows\\evil.txt", "a/../../b.txt"]
)
def test_safe_stem_drops_every_folder(name: str) -> None:
    stem = safe_stem(name)
    assert "/" not in stem and "\\" not in stem and ".." not in stem
    assert stem == safe_stem(name.replace("\\", "/").rsplit("/", 1)[-1])


def test_odd_source_names_stay_inside_the_output_folder(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    sources = []
    for name in [n for n in ODD_NAMES if n not in ("..",)] + ["a b.txt", "a-b.txt", "A-B.txt"]:
        path = srcdir / name
        path.write_text("A title\n\nA real paragraph of the article, long enough.\n")
        sources.append(path)
    # a source reached through ../ in its path
    sources.append(srcdir / ".." / "src" / "a b.txt")
    dist = tmp_path / "out" / "dist"
    dist.parent.mkdir()
    before = set(tmp_path.rglob("*"))
    code, out, err = run("build", *sources, "-o", dist, "-f", "html")
    assert code == 0, err
    made = set(tmp_path.rglob("*")) - before
    assert made, "nothing was built"
    for path in made:
        assert path == dist or path.parent == dist, path  # nothing outside, no sub-folders
        assert path == dist or (re.fullmatch(r"[\w.-]+\.html", path.name)
                                and not path.name.startswith((".", "-"))), path.name
    assert len([p for p in made if p.is_file()]) == len(sources)  # every name distinct
    assert "\x1b" not in out and all(line.startswith(("built ", "  ")) for line in out.splitlines())


def test_stems_that_differ_only_in_case_do_not_overwrite(tmp_path: Path) -> None:
    a, b = tmp_path / "Story.txt", tmp_path / "story.md"
    a.write_text("Title one\n\nThe first article, with its own words in it.\n")
    b.write_text("# Title two\n\nThe second article, with other words in it.\n")
    dist = tmp_path / "dist"
    code, _, err = run("build", a, b, "-o", dist, "-f", "html")
    assert code == 0, err
    names = sorted(p.name.lower() for p in dist.iterdir())
    assert len(names) == len(set(names)) == 2


# ---- atomic outputs -------------------------------------------------------------------------


def _good(tmp_path: Path) -> Path:
    src = tmp_path / "good.txt"
    src.write_text("A good title\n\n" + "A real paragraph of the article, long enough.\n\n" * 3)
    return src


def _parts(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if ".part" in p.name]


def test_failed_epub_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pamphlet.export import epub

    src = _good(tmp_path)
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "epub")
    assert code == 0, err
    before = (dist / "good.epub").read_bytes()

    def half_then_fail(self) -> None:  # type: ignore[no-untyped-def]
        Path(self.file_name).write_bytes(b"PK\x03\x04")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(epub._Writer, "write", half_then_fail)
    src.write_text("Another title\n\nChanged text of the article, long enough to be kept.\n")
    code, _, err = run("build", src, "-o", dist, "-f", "epub")
    assert code in (6, 7), err
    assert err.count("\n") == 1 and "good.epub" in err
    assert (dist / "good.epub").read_bytes() == before
    assert _parts(dist) == [] and [p.name for p in dist.iterdir()] == ["good.epub"]


def test_exporter_that_writes_the_destination_then_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even an exporter that writes straight to its destination cannot clobber an output."""
    import pamphlet.export.epub as epub_module

    src = _good(tmp_path)
    dist = tmp_path / "dist"
    assert run("build", src, "-o", dist, "-f", "epub")[0] == 0
    before = (dist / "good.epub").read_bytes()

    def careless(doc, dest, options):  # type: ignore[no-untyped-def]
        Path(dest).write_bytes(b"half an epub")
        raise ValueError("the zip writer broke")

    monkeypatch.setattr(epub_module, "write_epub", careless)
    code, _, err = run("build", src, "-o", dist, "-f", "epub")
    assert code == 7 and "the zip writer broke" in err
    assert (dist / "good.epub").read_bytes() == before
    assert _parts(dist) == []


@pytest.mark.slow
def test_failed_pdf_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pamphlet.export.pdf as pdf_module

    src = _good(tmp_path)
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "pdf", "--pdf-variant", "none")
    assert code == 0, err
    before = (dist / "good.pdf").read_bytes()
    real = pdf_module.write_rendered

    def fail_midway(rendered, dest, options):  # type: ignore[no-untyped-def]
        Path(dest).write_bytes(b"%PDF-1.7 half")
        real(rendered, Path(dest).with_name("x.pdf"), options)
        raise MemoryError

    monkeypatch.setattr(pdf_module, "write_rendered", fail_midway)
    code, _, err = run("build", src, "-o", dist, "-f", "pdf", "--pdf-variant", "none")
    assert code == 7, err
    assert (dist / "good.pdf").read_bytes() == before
    assert sorted(p.name for p in dist.iterdir()) == ["good.pdf"]


def test_failed_html_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _good(tmp_path)
    dist = tmp_path / "dist"
    assert run("build", src, "-o", dist, "-f", "html")[0] == 0
    before = (dist / "good.html").read_bytes()
    real_replace = os.replace

    def full_disk(a, b):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    src.write_text("Other title\n\nOther text of the article, long enough to be kept.\n")
    code, _, err = run("build", src, "-o", dist, "-f", "html")
    monkeypatch.setattr(os, "replace", real_replace)
    assert code == 6 and "No space left" in err and err.count("\n") == 1
    assert (dist / "good.html").read_bytes() == before
    assert _parts(dist) == []
