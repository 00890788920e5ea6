"""Broken and odd inputs: each one builds correctly, or fails with one line on stderr
naming the file and the problem, a documented exit code, in bounded time and memory.

Exit codes (errors.py): 3 cannot be read, 4 empty/binary/undecodable/too large,
5 no usable content, 6 output cannot be written, 1 some of several failed.
"""

from __future__ import annotations

import builtins
import gzip
import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from pamphlet.cli import main
from pamphlet.sources import read_source

ROOT = Path(__file__).resolve().parents[1]
RU_TITLE = "Забастовка на заводе в Алматы"
RU_PARA = (
    "Российские войска должны уйти из Казахстана. Рабочие требуют повышения зарплаты "
    "и отмены новых правил, которые ввела администрация в прошлом месяце."
)
EN_PARA = (
    "Workers at the depot walked out on Monday after the company cut overtime rates "
    "for the third time this year, and the branch says it will not back down."
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def assert_one_line_error(err: str, source: Path | str, *words: str) -> None:
    assert err.count("\n") == 1, err
    assert err.startswith("error: ") and str(source) in err, err
    assert "Traceback" not in err
    for word in words:
        assert word in err.lower(), err


def no_outputs(dist: Path) -> bool:
    return not dist.exists() or not any(dist.iterdir())


def ru_text() -> str:
    return f"{RU_TITLE}\n\n" + "\n\n".join([RU_PARA] * 6) + "\n"


def html_title(path: Path) -> str:
    tree = etree.parse(str(path), etree.HTMLParser())
    return "".join(tree.find(".//h1").itertext()).strip()


# ---- empty, blank, binary -------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    src = tmp_path / f"empty{suffix}"
    src.write_bytes(b"")
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code == 4
    assert_one_line_error(err, src, "empty")
    assert no_outputs(tmp_path / "dist")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_whitespace_only(tmp_path: Path, suffix: str) -> None:
    src = tmp_path / f"blank{suffix}"
    src.write_bytes(b" \n\t\r\n   \n\xc2\xa0\n" if suffix == ".txt" else b"\n\n  \t  \n")
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code == 4
    assert_one_line_error(err, src, "white space")


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF"])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_binary_image_is_refused(tmp_path: Path, fmt: str, suffix: str) -> None:
    from PIL import Image

    src = tmp_path / f"photo{suffix}"
    Image.new("RGB", (40, 30), (200, 10, 10)).save(src, format=fmt)
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code == 4
    assert_one_line_error(err, src, "binary")
    assert no_outputs(tmp_path / "dist")


def test_nul_bytes_in_text_are_binary(tmp_path: Path) -> None:
    src = tmp_path / "nul.txt"
    src.write_bytes(b"Title\n\n" + b"abc\x00def\x00" * 50)
    code, _, err = run("inspect", src)
    assert code == 4
    assert_one_line_error(err, src, "binary")


def test_stray_control_characters_are_dropped(tmp_path: Path) -> None:
    src = tmp_path / "ctl.txt"
    src.write_bytes(f"A title\x07 here\n\n{EN_PARA}\x1b[31m\x0c\n".encode())
    doc = read_source(src)
    assert doc.title == "A title here"
    assert all("\x07" not in t and "\x1b" not in t for t in doc.texts())


# ---- encodings ------------------------------------------------------------------------------


def test_invalid_utf8_with_a_stray_byte_is_read_as_utf8(tmp_path: Path) -> None:
    data = ru_text().encode("utf-8")
    cut = data.index("Российские войска".encode()) + len("Российские".encode())
    src = tmp_path / "broken.txt"
    src.write_bytes(data[:cut] + b"\xff" + data[cut:])
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "html")
    assert code == 0, err
    assert html_title(dist / "broken.html") == RU_TITLE
    doc = read_source(src)
    assert doc.language == "ru"
    assert any("Рабочие требуют повышения зарплаты" in t for t in doc.texts())


def test_random_high_bytes_are_refused(tmp_path: Path) -> None:
    import random

    junk = bytes(b for b in random.Random(1).randbytes(6000) if b >= 0x20)
    src = tmp_path / "junk.txt"
    src.write_bytes(junk)
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code == 4
    assert_one_line_error(err, src, "encoding")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_bom_encodings(tmp_path: Path, encoding: str) -> None:
    data = ru_text().encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    src = tmp_path / "bom.txt"
    src.write_bytes(data)
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "html", "-f", "epub")
    assert code == 0, err
    assert html_title(dist / "bom.html") == RU_TITLE
    assert RU_PARA in (dist / "bom.html").read_text(encoding="utf-8").replace("\u00a0", " ")


def test_utf16_bom_with_odd_length_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "odd.txt"
    src.write_bytes(b"\xff\xfeA\x00B\x00\x00\xd8")  # a lone surrogate at the end
    code, _, err = run("inspect", src)
    assert code == 4
    assert_one_line_error(err, src, "utf-16")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_russian_legacy_encodings_in_text(tmp_path: Path, encoding: str) -> None:
    src = tmp_path / f"{encoding}.txt"
    src.write_bytes(ru_text().encode(encoding))
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "html")
    assert code == 0, err
    assert html_title(dist / f"{encoding}.html") == RU_TITLE
    doc = read_source(src)
    assert doc.title == RU_TITLE and doc.language == "ru"
    assert "Рабочие требуют повышения зарплаты" in " ".join(doc.texts())


@pytest.mark.parametrize("declared", [True, False])
@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_russian_legacy_encodings_in_html(tmp_path: Path, encoding: str, declared: bool) -> None:
    meta = f'<meta charset="{encoding}">' if declared else ""
    page = (
        f"<html><head>{meta}<title>{RU_TITLE}</title></head><body><article>"
        f"<h1>{RU_TITLE}</h1>" + f"<p>{RU_PARA}</p>" * 5 + "</article></body></html>"
    )
    src = tmp_path / "page.html"
    src.write_bytes(page.encode(encoding))
    doc = read_source(src)
    assert doc.title == RU_TITLE
    assert RU_PARA in [getattr(b, "text", "") for b in doc.body]


def test_misleading_meta_charset_is_not_trusted_blindly(tmp_path: Path) -> None:
    """A page that declares UTF-7 (which turns +ADw- into '<') is not decoded as UTF-7."""
    page = (
        '<html><head><meta charset="utf-7"><title>Caf\xe9 news</title></head><body><article>'
        + f"<p>{EN_PARA} +ADw-script+AD4-alert(1)+ADw-/script+AD4- caf\xe9</p>" * 3
        + "</article></body></html>"
    )
    src = tmp_path / "utf7.html"
    src.write_bytes(page.encode("latin-1"))
    doc = read_source(src)
    text = " ".join(doc.texts())
    assert "+ADw-script+AD4-" in text and "<script>" not in text


# ---- size limits and big inputs -------------------------------------------------------------


def test_over_max_size_is_refused_quickly(tmp_path: Path) -> None:
    src = tmp_path / "big.txt"
    with open(src, "wb") as fh:  # sparse: the size is checked before reading
        fh.truncate(30 * 1024 * 1024)
    started = time.monotonic()
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code == 4
    assert_one_line_error(err, src, "too large", "--max-size")
    assert time.monotonic() - started < 2


def test_max_size_option(tmp_path: Path) -> None:
    src = tmp_path / "mid.txt"
    src.write_text("A title\n\n" + (EN_PARA + "\n\n") * 800, encoding="utf-8")  # ~120 KB
    code, _, err = run("build", src, "-o", tmp_path / "d", "-f", "html", "--max-size", "100k")
    assert code == 4
    assert_one_line_error(err, src, "too large")
    code, _, err = run("build", src, "-o", tmp_path / "d", "-f", "html", "--max-size", "1M")
    assert code == 0, err


@pytest.mark.parametrize("value", ["0", "-5M", "lots", "", "inf", "1e400", "nan"])
def test_bad_max_size_is_a_usage_error(tmp_path: Path, value: str) -> None:
    code, _, err = run("build", tmp_path / "x.txt", "--max-size", value)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: ")


def test_too_long_for_a_pdf_is_refused_before_layout(tmp_path: Path) -> None:
    src = tmp_path / "long.txt"
    src.write_text("A long one\n\n" + (EN_PARA + "\n\n") * 30, encoding="utf-8")
    dist = tmp_path / "dist"
    started = time.monotonic()
    code, _, err = run("build", src, "-o", dist, "-f", "html", "-f", "pdf", "--max-pdf-chars", "2k")
    assert time.monotonic() - started < 5
    assert code == 7
    assert_one_line_error(err, src, "too long for a pdf", "--max-pdf-chars")
    assert [p.name for p in dist.iterdir()] == ["long.html"]


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "bomb.html.gz"
    with gzip.open(src, "wb", compresslevel=9) as fh:
        fh.write(b"<html><body>")
        block = b" " * (1024 * 1024)
        for _ in range(40):
            fh.write(block)
    assert src.stat().st_size < 200_000
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html", "--max-size", "5M")
    assert code == 4
    assert_one_line_error(err, src, "unpacked")


def test_not_gzip_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "fake.txt.gz"
    src.write_bytes(b"this is not gzip at all")
    code, _, err = run("inspect", src)
    assert code == 4
    assert_one_line_error(err, src, "gzip")


def test_gzipped_html_builds(tmp_path: Path) -> None:
    src = tmp_path / "page.html.gz"
    page = f"<html><head><title>Zipped</title></head><body><article>{'<p>' + EN_PARA + '</p>' * 3}"
    src.write_bytes(gzip.compress((page + "</article></body></html>").encode()))
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "html")
    assert code == 0, err
    assert (dist / "page.html").is_file()


def _peak_rss_run(argv: list[str], limit_s: float) -> tuple[int, float, int, str]:
    """Run the CLI in a child; exit code, seconds, its own peak RSS (bytes, via wait4), stderr."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    err_path = Path(argv[1]).parent / "stderr.log"
    started = time.monotonic()
    with open(err_path, "wb") as err_fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pamphlet", *argv],
            stdout=subprocess.DEVNULL,
            stderr=err_fh,
            env=env,
        )
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > limit_s:
                proc.kill()
                os.wait4(proc.pid, 0)
                pytest.fail(f"took longer than {limit_s} s: {argv}")
            time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, time.monotonic() - started, usage.ru_maxrss * 1024, err_path.read_text()


@pytest.mark.slow
def test_twenty_megabyte_text_in_bounded_time_and_memory(tmp_path: Path) -> None:
    src = tmp_path / "big.txt"
    with open(src, "w", encoding="utf-8") as fh:
        fh.write("A very long article\n\n")
        n = 0
        while fh.tell() < 20 * 1024 * 1024:
            n += 1
            fh.write(f"Paragraph {n}. {EN_PARA} {EN_PARA}\n\n")
    dist = tmp_path / "dist"
    code, seconds, rss, err = _peak_rss_run(
        ["build", str(src), "-o", str(dist), "-f", "html"], limit_s=90
    )
    assert code == 0, err
    assert seconds < 90 and rss < 1536 * 1024**2, (seconds, rss)
    html = (dist / "big.html").read_text(encoding="utf-8")
    assert f"Paragraph {n}." in html  # the last paragraph arrived


def test_single_two_megabyte_line(tmp_path: Path) -> None:
    src = tmp_path / "line.txt"
    words = " ".join(f"word{i}" for i in range(260_000))  # ~2 MB, one line
    src.write_text("One long line\n\n" + words + "\n", encoding="utf-8")
    assert src.stat().st_size > 2_000_000
    dist = tmp_path / "dist"
    started = time.monotonic()
    code, _, err = run("build", src, "-o", dist, "-f", "html", "-f", "epub")
    assert code == 0, err
    assert time.monotonic() - started < 20
    html = (dist / "line.html").read_text(encoding="utf-8")
    assert "word0 " in html and "word259999" in html


def test_single_line_without_spaces(tmp_path: Path) -> None:
    src = tmp_path / "blob.md"
    src.write_text("x" * 2_000_000, encoding="utf-8")
    started = time.monotonic()
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code in (0, 5), err
    if code:
        assert_one_line_error(err, src)
    assert time.monotonic() - started < 20


@pytest.mark.slow
def test_hundred_thousand_short_lines(tmp_path: Path) -> None:
    src = tmp_path / "lines.txt"
    src.write_text(
        "Many lines\n\n" + "\n".join(f"line {i} of text" for i in range(100_000)) + "\n",
        encoding="utf-8",
    )
    dist = tmp_path / "dist"
    started = time.monotonic()
    code, _, err = run("build", src, "-o", dist, "-f", "html")
    assert code == 0, err
    assert time.monotonic() - started < 60
    assert "line 99999 of text" in (dist / "lines.html").read_text(encoding="utf-8")


# ---- odd HTML -------------------------------------------------------------------------------


def test_html_nested_ten_thousand_levels(tmp_path: Path) -> None:
    src = tmp_path / "deep.html"
    inner = f"<p>{EN_PARA}</p>"
    src.write_text(
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * 10_000 + inner + "</div>" * 10_000 + "</body></html>",
        encoding="utf-8",
    )
    dist = tmp_path / "dist"
    started = time.monotonic()
    code, _, err = run("build", src, "-o", dist, "-f", "html", "-f", "epub")
    assert time.monotonic() - started < 30
    if code == 0:
        assert "walked out on Monday" in (dist / "deep.html").read_text(encoding="utf-8")
    else:
        assert code in (4, 5)
        assert_one_line_error(err, src)


def test_html_nested_inline_and_lists(tmp_path: Path) -> None:
    src = tmp_path / "deep2.html"
    src.write_text(
        f"<html><body><article><p>{EN_PARA}</p>"
        + "<ul><li>" * 3000 + "deep item" + "</li></ul>" * 3000
        + "<b>" * 3000 + "bold text" + "</b>" * 3000
        + "</article></body></html>",
        encoding="utf-8",
    )
    started = time.monotonic()
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html", "-f", "epub")
    assert time.monotonic() - started < 30
    assert code in (0, 4, 5), err
    if code:
        assert_one_line_error(err, src)


@pytest.mark.slow
def test_big_html_page_in_bounded_time(tmp_path: Path) -> None:
    src = tmp_path / "bigpage.html"
    paras = "".join(f"<p>Paragraph {n}. {EN_PARA}</p>\n" for n in range(3000))
    src.write_text(
        "<html><head><title>Big page</title><script>" + "var x = 1;" * 60_000 + "</script>"
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>Big page</h1>{paras}"
        "</article></body></html>",
        encoding="utf-8",
    )
    assert src.stat().st_size > 1_000_000
    dist = tmp_path / "dist"
    code, _, rss, err = _peak_rss_run(
        ["build", str(src), "-o", str(dist), "-f", "html"], limit_s=60
    )
    assert code == 0, err
    assert rss < 1024**3, rss
    html = (dist / "bigpage.html").read_text(encoding="utf-8")
    assert "Paragraph 0." in html and "Paragraph 2999." in html


def test_html_without_body_or_text(tmp_path: Path) -> None:
    src = tmp_path / "nobody.html"
    src.write_text("<html><head><title>Only a head</title></head></html>", encoding="utf-8")
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code == 5
    assert_one_line_error(err, src, "no article text")


def test_html_fragment_without_html_or_body_tags(tmp_path: Path) -> None:
    src = tmp_path / "fragment.html"
    src.write_text(f"<h1>A fragment</h1><p>{EN_PARA}</p><p>{EN_PARA}</p>", encoding="utf-8")
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "html")
    assert code == 0, err
    assert "walked out on Monday" in (dist / "fragment.html").read_text(encoding="utf-8")


def test_html_that_is_not_html(tmp_path: Path) -> None:
    src = tmp_path / "tags.html"
    src.write_text("<<<>>><!-- <![CDATA[ </p></p></div> <?php ?> &#0; &#xD800; &bogus;",
                   encoding="utf-8")
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code in (4, 5), err
    assert_one_line_error(err, src)


# ---- odd documents --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_title_five_thousand_characters(tmp_path: Path, suffix: str) -> None:
    title = ("Depot strike news " * 300)[:4991] + " LASTWORD"
    assert len(title) == 5000
    if suffix == ".html":
        content = f"<html><head><title>{title}</title></head><body><article>"
        content += f"<h1>{title}</h1>" + f"<p>{EN_PARA}</p>" * 3 + "</article></body></html>"
    elif suffix == ".md":
        content = f"# {title}\n\n" + f"{EN_PARA}\n\n" * 3
    else:
        content = f"{title}\n\n" + f"{EN_PARA}\n\n" * 3
    src = tmp_path / f"long{suffix}"
    src.write_text(content, encoding="utf-8")
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "html", "-f", "epub")
    assert code == 0, err
    assert sorted(p.name for p in dist.iterdir()) == ["long.epub", "long.html"]
    html = (dist / "long.html").read_text(encoding="utf-8")
    assert "LASTWORD" in html  # the title is not lost (as title, or as the first paragraph)
    assert "walked out on Monday" in html


@pytest.mark.slow
def test_title_five_thousand_characters_pdf(tmp_path: Path) -> None:
    title = ("Depot strike news " * 300)[:4991] + " LASTWORD"
    src = tmp_path / "long.txt"
    src.write_text(f"{title}\n\n" + f"{EN_PARA}\n\n" * 3, encoding="utf-8")
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "pdf", "--pdf-variant", "none")
    assert code == 0, err
    assert (dist / "long.pdf").read_bytes().startswith(b"%PDF-")


BOILERPLATE_TEXT = (
    "Skip to content\nMenu\nHome\n"
    "This website uses cookies to improve your experience. Accept all\n"
    "Accept all cookies\nShare on Twitter Facebook\n"
    "Subscribe to our newsletter for weekly updates\nAdvertisement\nPrevious post\nNext post\n"
)


def test_only_boilerplate_text(tmp_path: Path) -> None:
    src = tmp_path / "boiler.txt"
    src.write_text(BOILERPLATE_TEXT, encoding="utf-8")
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code == 5
    assert_one_line_error(err, src, "boilerplate")
    assert no_outputs(tmp_path / "dist")


def test_only_boilerplate_markdown(tmp_path: Path) -> None:
    src = tmp_path / "boiler.md"
    src.write_text(
        "Skip to content\n\n- Menu\n- Home\n\nAccept all cookies\n\nAdvertisement\n\n"
        "Share on Twitter Facebook\n\nSubscribe to our newsletter\n",
        encoding="utf-8",
    )
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code == 5, (code, err)
    assert_one_line_error(err, src)


def test_only_boilerplate_html(tmp_path: Path) -> None:
    src = tmp_path / "boiler.html"
    src.write_text(
        "<html><head><title>Site</title><script>var tracking = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/about'>About us</a></nav>"
        "<div class='cookie-banner'>This website uses cookies to improve your experience."
        " <button>Accept all</button></div>"
        "<footer>Subscribe to our newsletter</footer></body></html>",
        encoding="utf-8",
    )
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code == 5, (code, err)
    assert_one_line_error(err, src)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_list_with_500_items(tmp_path: Path, suffix: str) -> None:
    if suffix == ".html":
        content = (
            "<html><head><title>Five hundred</title></head><body><article><h1>Five hundred</h1>"
            f"<p>{EN_PARA}</p><ul>"
            + "".join(f"<li>Item number {i} of the list</li>" for i in range(1, 501))
            + "</ul></article></body></html>"
        )
    else:
        head = "# Five hundred" if suffix == ".md" else "Five hundred"
        content = f"{head}\n\n{EN_PARA}\n\n" + "\n".join(
            f"- Item number {i} of the list" for i in range(1, 501)
        )
    src = tmp_path / f"items{suffix}"
    src.write_text(content + "\n", encoding="utf-8")
    dist = tmp_path / "dist"
    code, _, err = run("build", src, "-o", dist, "-f", "html", "-f", "epub")
    assert code == 0, err
    tree = etree.parse(str(dist / "items.html"), etree.HTMLParser())
    items = [" ".join("".join(li.itertext()).split()) for li in tree.iter("li")]
    assert len(items) == 500
    assert items[0] == "Item number 1 of the list" and items[-1] == "Item number 500 of the list"


# ---- files that cannot be read --------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    src = tmp_path / "nope.md"
    code, _, err = run("build", src, "-o", tmp_path / "dist")
    assert code == 3
    assert_one_line_error(err, src, "no such file")


def test_missing_parent_and_file_as_parent(tmp_path: Path) -> None:
    afile = tmp_path / "afile.txt"
    afile.write_text("x")
    for src in (tmp_path / "no" / "dir" / "x.txt", afile / "x.txt"):
        code, _, err = run("inspect", src)
        assert code == 3
        assert_one_line_error(err, src, "no such file")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    code, _, err = run("build", folder, "-o", tmp_path / "dist")
    assert code == 3
    assert_one_line_error(err, folder, "directory")


def test_device_and_fifo_are_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    for src in (Path("/dev/zero"), fifo):
        code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
        assert code == 3
        assert_one_line_error(err, src, "not a regular file")
    assert time.monotonic() - started < 5


def test_unreadable_file_via_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "secret.txt"
    src.write_text(f"Title\n\n{EN_PARA}\n")
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(str(file)) == src:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    assert code == 3
    assert_one_line_error(err, src, "permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_chmod(tmp_path: Path) -> None:
    src = tmp_path / "locked.txt"
    src.write_text(f"Title\n\n{EN_PARA}\n")
    src.chmod(0)
    try:
        code, _, err = run("build", src, "-o", tmp_path / "dist", "-f", "html")
    finally:
        src.chmod(0o644)
    assert code == 3
    assert_one_line_error(err, src, "permission denied")


def test_source_names_that_are_not_utf8_or_printable(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/bad\xff\x1b[31mname\nline.txt"
    with open(raw, "wb") as fh:
        fh.write(f"A title\n\n{EN_PARA}\n".encode())
    src = Path(os.fsdecode(raw))
    dist = tmp_path / "dist"
    code, out, err = run("build", src, "-o", dist, "-f", "html")
    assert code == 0, err
    assert "\x1b" not in out and out.count("\n") == 1
    names = [p.name for p in dist.iterdir()]
    assert names == ["bad-31mname-line.html"]
    os.remove(raw)
    code, _, err = run("build", src, "-o", dist, "-f", "html")
    assert code == 3 and err.count("\n") == 1 and "\x1b" not in err


# ---- outputs that cannot be written ---------------------------------------------------------


def _good_source(tmp_path: Path, name: str = "good.txt") -> Path:
    src = tmp_path / name
    src.write_text(f"A good title\n\n{EN_PARA}\n\n{EN_PARA}\n", encoding="utf-8")
    return src


def test_output_below_a_file(tmp_path: Path) -> None:
    src = _good_source(tmp_path)
    blocker = tmp_path / "blocker"
    blocker.write_text("I am a file")
    for out in (blocker / "dist", blocker):
        code, _, err = run("build", src, "-o", out, "-f", "html")
        assert code == 6, err
        assert_one_line_error(err, out)
    assert blocker.read_text() == "I am a file"


def test_output_below_a_file_with_several_sources(tmp_path: Path) -> None:
    a, b = _good_source(tmp_path, "a.txt"), _good_source(tmp_path, "b.txt")
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    code, _, err = run("build", a, b, "-o", blocker / "dist", "-f", "html")
    assert code == 6
    assert_one_line_error(err, blocker / "dist")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder(tmp_path: Path) -> None:
    src = _good_source(tmp_path)
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        code, _, err = run("build", src, "-o", out, "-f", "html")
    finally:
        out.chmod(0o755)
    assert code == 6
    assert_one_line_error(err, out)


def test_output_name_taken_by_a_folder(tmp_path: Path) -> None:
    src = _good_source(tmp_path)
    dist = tmp_path / "dist"
    (dist / "good.html").mkdir(parents=True)
    code, _, err = run("build", src, "-o", dist, "-f", "html")
    assert code == 6
    assert_one_line_error(err, dist / "good.html")
    assert [p.name for p in dist.iterdir()] == ["good.html"]


# ---- many sources ---------------------------------------------------------------------------


def test_many_sources_bad_ones_fail_alone(tmp_path: Path) -> None:
    good1, good2 = _good_source(tmp_path, "one.txt"), _good_source(tmp_path, "two.md")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    missing = tmp_path / "missing.txt"
    dist = tmp_path / "dist"
    code, out, err = run(
        "build", good1, empty, binary, missing, good2, "-o", dist, "-f", "html", "-f", "epub"
    )
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 4, err
    assert f"{empty}: is empty" in lines[0]
    assert str(binary) in lines[1] and "binary" in lines[1]
    assert str(missing) in lines[2] and "no such file" in lines[2]
    assert lines[3] == f"error: 3 of 5 sources failed: {empty}, {binary}, {missing}" or (
        lines[3] == f"3 of 5 sources failed: {empty}, {binary}, {missing}"
    )
    built = sorted(p.name for p in dist.iterdir())
    assert built == ["one.epub", "one.html", "two.epub", "two.html"]
    assert out.count("built ") == 2


def test_a_bug_in_one_source_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pamphlet import sources

    real = sources._parse

    def buggy(kind, text, path, allow_remote):  # type: ignore[no-untyped-def]
        if path.name == "bug.txt":
            raise KeyError("a reader bug")
        return real(kind, text, path, allow_remote)

    monkeypatch.setattr(sources, "_parse", buggy)
    good, bug = _good_source(tmp_path, "good.txt"), _good_source(tmp_path, "bug.txt")
    dist = tmp_path / "dist"
    code, _, err = run("build", bug, good, "-o", dist, "-f", "html")
    assert code == 1
    assert "internal error (KeyError" in err and str(bug) in err
    assert (dist / "good.html").is_file()
    code, _, err = run("build", bug, "-o", dist, "-f", "html")
    assert code == 70 and err.count("\n") == 1


def test_inspect_json_of_odd_input_is_valid_json(tmp_path: Path) -> None:
    src = tmp_path / "odd.txt"
    src.write_bytes("Title \ufffe\ud7ff\n\n".encode() + EN_PARA.encode() + b"\x01\x02\n")
    code, out, err = run("inspect", src, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert "\ufffe" not in data["title"] and not re.search(r"[\x00-\x08]", out)
