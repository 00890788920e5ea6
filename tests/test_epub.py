"""The EPUB exporter: validity (EPUBCheck, Ace), metadata, text, reproducibility, safety."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from epubcheck_util import available as epubcheck_available
from epubcheck_util import run_epubcheck
from lxml import etree
from PIL import Image
from sample import DEMANDS, sample_document

from pamphlet.errors import OutputError, PamphletError
from pamphlet.export import epub as epub_module
from pamphlet.export.cover import WIDTH, _fit_title, cover_png, draw_cover
from pamphlet.export.epub import split_body, write_epub
from pamphlet.export.epub_meta import book_identifier
from pamphlet.model import Comment, Document, Figure, Heading, ListBlock, Paragraph
from pamphlet.pipeline import BuildOptions, build
from pamphlet.sources import read_source
from pamphlet.typography import format_date, plain

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted(p for p in (ROOT / "seeds").iterdir() if p.is_file() and not p.name.startswith("."))
FIXTURES = sorted(
    p
    for kind in ("text", "html", "markdown")
    for p in (ROOT / "tests" / "fixtures" / kind).glob("*")
    if p.is_file() and p.suffix in (".txt", ".md", ".html", ".htm")
)
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "h": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PNG_1PX = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b40000000049454e44ae426082"
    )
).decode()


# ---------------------------------------------------------------- helpers


def build_one(doc: Document, dest: Path, epoch: int | None = None) -> Path:
    write_epub(doc, dest, BuildOptions(source_date_epoch=epoch))
    return dest


def zip_text(book: Path, name: str) -> str:
    with zipfile.ZipFile(book) as zf:
        return zf.read(name).decode("utf-8")


def opf(book: Path) -> etree._Element:
    with zipfile.ZipFile(book) as zf:
        return etree.fromstring(zf.read("EPUB/content.opf"))


def spine_documents(book: Path) -> list[etree._Element]:
    package = opf(book)
    hrefs = {i.get("id"): i.get("href") for i in package.iterfind("opf:manifest/opf:item", NS)}
    with zipfile.ZipFile(book) as zf:
        return [
            etree.fromstring(zf.read("EPUB/" + hrefs[ref.get("idref")]))
            for ref in package.iterfind("opf:spine/opf:itemref", NS)
        ]


def norm(text: str) -> str:
    return " ".join(plain(text).split())


def book_text(book: Path) -> str:
    return norm(" ".join(" ".join(root.itertext()) for root in spine_documents(book)))


def block_texts(book: Path, tags: tuple[str, ...] = ("p", "li", "figcaption")) -> list[str]:
    """The text of every paragraph-like element of the book."""
    out = []
    for root in spine_documents(book):
        for el in root.iter(*(f"{{{NS['h']}}}{t}" for t in tags)):
            out.append(norm("".join(el.itertext())))
    return out


def long_document() -> Document:
    """An anthology-sized article with headings, long enough to be split."""
    paragraph = "Solidarity is built in workplaces, one conversation at a time. " * 12
    body: list = [Paragraph("Introduction to the collection.")]
    for chapter in range(1, 9):
        body.append(Heading(1, f"Part {chapter}"))
        body.extend(Paragraph(f"{chapter}.{n} {paragraph}") for n in range(60))
        if chapter == 5:
            body.append(Paragraph("We demand:"))
            body.append(ListBlock(True, ("Bread!", "Peace!"), demands=True, intro="We demand:"))
    base = sample_document()
    return dataclasses.replace(base, body=tuple(body), title="A long collection")


def figure_document(tmp: Path) -> Document:
    Image.new("RGB", (8, 8)).save(tmp.parent / "outside.png")  # beside, not below: refused
    img = tmp / "photo.bmp"  # not an EPUB core media type: converted to PNG
    Image.new("RGB", (40, 30), (200, 20, 20)).save(img)
    jpg = tmp / "pic.jpg"
    Image.new("RGB", (30, 30), (20, 20, 200)).save(jpg, quality=80)
    body = (
        Figure("Local bitmap", src="photo.bmp", alt="A red rectangle"),
        Figure("Local jpeg", src=str(jpg), alt="A blue square"),
        Figure("Remote", src="https://tracker.invalid/pixel.png", alt="remote"),
        Figure("Protocol-relative", src="//cdn.example.net/x.png"),
        Figure("Inline", src=f"data:image/png;base64,{PNG_1PX}", alt="one pixel"),
        Figure("Missing", src="nowhere.png"),
        Figure("Outside", src="../outside.png"),
        Paragraph("Text after the pictures."),
    )
    return dataclasses.replace(sample_document(), body=body, source=str(tmp / "page.html"))


EVIL = '<script>alert(1)</script> & "quotes" {{ 7*7 }} ]]> <b>bold</b>'


def tricky_document() -> Document:
    """Markup-like text everywhere, and demands both in the body and in a comment."""
    base = sample_document()
    extra = Comment(
        EVIL,
        "2021-06-06",
        (Paragraph("We add:"), ListBlock(True, ("More!", EVIL), demands=True, intro="We add:")),
    )
    return dataclasses.replace(
        base, title=EVIL, authors=(EVIL,), publisher=EVIL, comments=(*base.comments, extra)
    )


@pytest.fixture(scope="module")
def seed_doc() -> Document:
    return read_source(ROOT / "seeds" / "russian-troops-out-of-kazakhstan.txt")


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory, seed_doc: Document) -> dict[str, Path]:
    """Every book the validators look at: seeds, samples, text fixtures, edge cases."""
    out = tmp_path_factory.mktemp("books")
    built: dict[str, Path] = {}
    for seed in SEEDS:
        built[f"seed:{seed.name}"] = build_one(read_source(seed), out / f"seed-{seed.stem}.epub")
    for lang in ("en", "ru"):
        built[f"sample:{lang}"] = build_one(sample_document(lang), out / f"sample-{lang}.epub")
    for fixture in FIXTURES:
        try:
            doc = read_source(fixture)
        except PamphletError:
            continue  # a fixture that is meant not to parse has no book
        name = f"{fixture.parent.name}-{fixture.name}"
        built[f"fixture:{name}"] = build_one(doc, out / f"{name}.epub")
    built["long"] = build_one(long_document(), out / "long.epub")
    built["figures"] = build_one(figure_document(out), out / "figures.epub")
    bare = Document(
        title="Только заголовок", source="x.txt", body=(Paragraph("Текст."),), language="ru"
    )
    built["bare"] = build_one(bare, out / "bare.epub")
    built["tricky"] = build_one(tricky_document(), out / "tricky.epub")
    return built


# ---------------------------------------------------------------- validators


@pytest.mark.slow
@pytest.mark.skipif(
    not epubcheck_available(), reason="EPUBCheck needs java and the epubcheck package"
)
def test_epubcheck_reports_nothing_for_every_book(books: dict[str, Path], tmp_path: Path) -> None:
    # a copy of a good book without its stylesheet: proves the report is read
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(books["sample:en"]) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            if info.filename != "EPUB/style.css":
                dst.writestr(info, src.read(info))
    reports = run_epubcheck([*books.values(), broken])
    assert len(reports) == len(books) + 1 and len(books) >= 6
    assert not reports[broken].clean
    assert any(m.id.startswith("RSC") for m in reports[broken].errors)
    problems = {
        name: [str(m) for m in reports[path].messages if m.severity != "INFO"]
        for name, path in books.items()
    }
    assert all(reports[p].clean for p in books.values()), problems
    # usage notes (-u) too: none are expected
    assert not any(problems.values()), problems


def ace_command() -> list[str] | None:
    """DAISY Ace, from PATH or where scripts/ace.sh installs it."""
    home = Path(os.environ.get("ACE_HOME", Path.home() / ".cache" / "pamphlet-ace"))
    for candidate in (shutil.which("ace"), home / "node_modules" / ".bin" / "ace-cli"):
        if candidate and Path(candidate).exists():
            return [str(candidate)]
    return None


@pytest.mark.slow
@pytest.mark.skipif(ace_command() is None, reason="DAISY Ace is not installed (scripts/ace.sh)")
def test_ace_reports_no_violations(books: dict[str, Path], tmp_path: Path) -> None:
    env = dict(os.environ)
    if shutil.which("chromium") and "PUPPETEER_EXECUTABLE_PATH" not in env:
        env["PUPPETEER_EXECUTABLE_PATH"] = shutil.which("chromium") or ""
    cmd = ace_command()
    assert cmd is not None
    names = [n for n in books if n.startswith(("seed:", "sample:en"))]
    for name in names:
        out = tmp_path / re.sub(r"\W", "-", name)
        subprocess.run(
            [*cmd, "-s", "-f", "-o", str(out), str(books[name])],
            env=env,
            capture_output=True,
            timeout=300,
            check=True,
        )
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        failed = [
            f"{doc['earl:testSubject']['url']}: {a['earl:test']['dct:title']}"
            for doc in report["assertions"]
            for a in doc.get("assertions", [])
            if a["earl:result"]["earl:outcome"] == "fail"
        ]
        assert failed == [], (name, failed)
        assert report["earl:result"]["earl:outcome"] == "pass"


# ---------------------------------------------------------------- reproducibility


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def modified_of(book: Path) -> str:
    return opf(book).findtext("opf:metadata/opf:meta[@property='dcterms:modified']", namespaces=NS)


def test_rebuild_is_byte_identical(tmp_path: Path, seed_doc: Document) -> None:
    for epoch in (None, 1_700_000_000):
        a = build_one(seed_doc, tmp_path / "a.epub", epoch)
        b = build_one(
            read_source(ROOT / "seeds" / "russian-troops-out-of-kazakhstan.txt"),
            tmp_path / "b.epub",
            epoch,
        )
        assert sha(a) == sha(b)
    # the wall clock never gets in
    late = BuildOptions(now=datetime(2030, 5, 5, tzinfo=UTC))
    write_epub(seed_doc, tmp_path / "c.epub", late)
    build_one(seed_doc, tmp_path / "d.epub")
    assert sha(tmp_path / "c.epub") == sha(tmp_path / "d.epub")


def test_source_date_epoch_sets_modified_and_zip_times(tmp_path: Path, seed_doc: Document) -> None:
    one = build_one(seed_doc, tmp_path / "one.epub", 1_700_000_000)
    two = build_one(seed_doc, tmp_path / "two.epub", 1_600_000_000)
    assert modified_of(one) == "2023-11-14T22:13:20Z"
    assert modified_of(two) == "2020-09-13T12:26:40Z"
    assert sha(one) != sha(two)
    with zipfile.ZipFile(one) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert zf.infolist()[0].filename == "mimetype"
        assert zf.infolist()[0].compress_type == zipfile.ZIP_STORED
    # without SOURCE_DATE_EPOCH: the article's own date, not the clock
    assert modified_of(build_one(seed_doc, tmp_path / "x.epub")).startswith("2022-01-11T03:25")
    undated = dataclasses.replace(seed_doc, date=None)
    assert modified_of(build_one(undated, tmp_path / "u.epub")) == "1980-01-01T00:00:00Z"


def test_identifier_is_derived_from_content() -> None:
    doc = sample_document()
    assert book_identifier(doc) == book_identifier(dataclasses.replace(doc, source="elsewhere.txt"))
    assert book_identifier(doc) != book_identifier(dataclasses.replace(doc, title="Other"))
    assert re.fullmatch(
        r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}",
        book_identifier(doc),
    )


# ---------------------------------------------------------------- content and metadata


def test_seed_text_survives_and_boilerplate_does_not(
    books: dict[str, Path], seed_doc: Document
) -> None:
    book = books["seed:russian-troops-out-of-kazakhstan.txt"]
    text = book_text(book)
    blocks = block_texts(book)
    for piece in seed_doc.texts():
        assert norm(piece) in text, piece
    for comment in seed_doc.comments:
        assert norm(comment.author or "") in text
        assert norm(format_date(comment.date, seed_doc.language, with_time=True)) in text
    for demands in seed_doc.demands:
        for item in demands.items:
            assert norm(item) in blocks
    assert seed_doc.demands, "the seed has a list of demands"
    assert seed_doc.removed, "the seed has boilerplate to remove"
    for removed in seed_doc.removed:
        gone = norm(removed.text)
        assert gone not in blocks, removed
        if len(gone) >= 20:
            assert gone not in text, removed


def test_metadata_read_back_equals_the_model(books: dict[str, Path], seed_doc: Document) -> None:
    cases = [
        (books["sample:en"], sample_document("en")),
        (books["sample:ru"], sample_document("ru")),
        (books["seed:russian-troops-out-of-kazakhstan.txt"], seed_doc),
    ]
    for book, doc in cases:
        package = opf(book)
        meta = package.find("opf:metadata", NS)
        assert package.get(XML_LANG) == doc.language
        assert meta.findtext("dc:title", namespaces=NS) == doc.title
        assert [c.text for c in meta.iterfind("dc:creator", NS)] == list(doc.authors)
        assert meta.findtext("dc:publisher", namespaces=NS) == doc.publisher
        assert meta.findtext("dc:date", namespaces=NS) == (doc.date or "")[:10]
        assert meta.findtext("dc:language", namespaces=NS) == doc.language
        assert meta.findtext("dc:source", namespaces=NS) == doc.url
        uid = package.get("unique-identifier")
        assert meta.findtext(f"dc:identifier[@id='{uid}']", namespaces=NS) == book_identifier(doc)
        props = [m.get("property") for m in meta.iterfind("opf:meta", NS)]
        for needed in (
            "schema:accessMode",
            "schema:accessModeSufficient",
            "schema:accessibilityFeature",
            "schema:accessibilityHazard",
            "schema:accessibilitySummary",
            "dcterms:modified",
        ):
            assert needed in props
        roles = [m.text for m in meta.iterfind("opf:meta[@property='role']", NS)]
        assert roles == ["aut"] * len(doc.authors)


def test_structure_cover_nav_landmarks_guide(books: dict[str, Path]) -> None:
    book = books["sample:en"]
    package = opf(book)
    items = {i.get("id"): i for i in package.iterfind("opf:manifest/opf:item", NS)}
    spine = [r.get("idref") for r in package.iterfind("opf:spine/opf:itemref", NS)]
    assert spine == ["cover", "article", "comments"]
    assert all(
        r.get("linear") in (None, "yes") for r in package.iterfind("opf:spine/opf:itemref", NS)
    )
    assert items["cover-image"].get("properties") == "cover-image"
    assert items["nav"].get("properties") == "nav"
    assert package.find("opf:spine", NS).get("toc") == "ncx"
    guide = {r.get("type"): r.get("href") for r in package.iterfind("opf:guide/opf:reference", NS)}
    assert guide == {"cover": "cover.xhtml", "text": "article.xhtml"}

    with zipfile.ZipFile(book) as zf:
        names = set(zf.namelist())
        nav = etree.fromstring(zf.read("EPUB/nav.xhtml"))
        ncx = etree.fromstring(zf.read("EPUB/toc.ncx"))
        cover = Image.open(io.BytesIO(zf.read("EPUB/images/cover.png")))
        docs = {n: etree.fromstring(zf.read(n)) for n in names if n.endswith(".xhtml")}
    assert cover.size == (1200, 1800)
    toc = nav.find(".//h:nav[@epub:type='toc']", NS)
    hrefs = [a.get("href") for a in toc.iterfind(".//h:a", NS)]
    assert hrefs == ["article.xhtml", "article.xhtml#demands-1", "comments.xhtml"]
    assert [c.get("src") for c in ncx.iterfind(".//ncx:content", NS)] == hrefs
    marks = {
        a.get(f"{{{NS['epub']}}}type"): a.get("href")
        for a in nav.iterfind(".//h:nav[@epub:type='landmarks']//h:a", NS)
    }
    assert marks == {"cover": "cover.xhtml", "bodymatter": "article.xhtml"}
    for href in hrefs:  # every jump target exists
        file, _, anchor = href.partition("#")
        root = docs[f"EPUB/{file}"]
        assert not anchor or root.find(f".//*[@id='{anchor}']") is not None
    for name, root in docs.items():
        assert root.get("lang") == "en" and root.get(XML_LANG) == "en", name
        assert root.find(".//h:script", NS) is None
    demands = docs["EPUB/article.xhtml"].find(".//h:section[@id='demands-1']", NS)
    assert [norm(li.text) for li in demands.iterfind(".//h:li", NS)] == list(DEMANDS)
    comments = docs["EPUB/comments.xhtml"].findall(".//h:article", NS)
    assert [c.findtext(".//h:span[@class='comment-author']", namespaces=NS) for c in comments] == [
        "Maria",
        "Tom",
    ]


def test_every_demands_box_is_in_the_toc_and_text_is_never_markup(
    books: dict[str, Path],
) -> None:
    book = books["tricky"]
    with zipfile.ZipFile(book) as zf:
        nav = etree.fromstring(zf.read("EPUB/nav.xhtml"))
        raw = b"".join(zf.read(n) for n in zf.namelist() if n.endswith((".xhtml", ".opf", ".ncx")))
        toc = nav.find(".//h:nav[@epub:type='toc']", NS)
        links = [(a.get("href"), a.text) for a in toc.iterfind(".//h:a", NS)]
        for href, _ in links:
            file, _, anchor = href.partition("#")
            root = etree.fromstring(zf.read(f"EPUB/{file}"))
            assert not anchor or root.find(f".//*[@id='{anchor}']") is not None, href
    assert [h for h, _ in links] == [
        "article.xhtml",
        "article.xhtml#demands-1",
        "comments.xhtml",
        "comments.xhtml#demands-2",
    ]
    assert links[0][1] == EVIL and links[1][1] != links[3][1]
    assert b"<script" not in raw and b"<b>" not in raw
    assert opf(book).findtext(".//dc:creator", namespaces=NS) == EVIL


def test_headings_never_skip_a_level(books: dict[str, Path]) -> None:
    for name, book in books.items():
        for root in spine_documents(book):
            levels = [
                int(el.tag[-1]) for el in root.iter(*(f"{{{NS['h']}}}h{n}" for n in range(1, 7)))
            ]
            for before, after in itertools.pairwise(levels):
                assert after <= before + 1, (name, levels)


def test_css_leaves_font_size_and_colour_to_the_reader() -> None:
    css = (ROOT / "styles" / "epub.css").read_text(encoding="utf-8")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    assert not re.search(r"\d\s*px", rules)
    assert not re.search(r"(?<![-\w])(color|background(-color)?)\s*:", rules)
    assert not re.search(r"font-family\s*:", rules)
    assert re.search(r"img\s*{[^}]*max-width:\s*100%", rules)


def test_local_images_packed_remote_never_referenced(books: dict[str, Path]) -> None:
    book = books["figures"]
    with zipfile.ZipFile(book) as zf:
        names = zf.namelist()
        everything = b"".join(zf.read(n) for n in names)
    images = sorted(n for n in names if n.startswith("EPUB/images/fig-"))
    assert len(images) == 3
    assert {Path(n).suffix for n in images} == {".png", ".jpg"}
    assert b"tracker.invalid" not in everything and b"cdn.example.net" not in everything
    assert b"data:image" not in everything
    srcs = [
        img.get("src") for root in spine_documents(book) for img in root.iter(f"{{{NS['h']}}}img")
    ]
    assert all(s.startswith("images/") for s in srcs) and len(srcs) == 4  # 3 figures + cover
    # captions of the dropped pictures remain
    assert {"Remote", "Missing", "Outside"} <= set(block_texts(book))


def test_long_article_is_split_at_headings(books: dict[str, Path]) -> None:
    doc = long_document()
    chunks = split_body(doc.body)
    assert len(chunks) > 1
    assert all(isinstance(c[0], Heading) for c in chunks[1:])
    assert sum(len(c) for c in chunks) == len(doc.body)
    assert split_body(sample_document().body) == [sample_document().body]
    book = books["long"]
    spine = [r.get("idref") for r in opf(book).iterfind("opf:spine/opf:itemref", NS)]
    assert spine[:2] == ["cover", "article"] and spine[2].startswith("chapter-")
    with zipfile.ZipFile(book) as zf:
        nav = etree.fromstring(zf.read("EPUB/nav.xhtml"))
        hrefs = [
            a.get("href") for a in nav.find(".//h:nav[@epub:type='toc']", NS).iterfind(".//h:a", NS)
        ]
        target = next(h for h in hrefs if "#demands-" in h)
        file, _, anchor = target.partition("#")
        assert etree.fromstring(zf.read(f"EPUB/{file}")).find(f".//*[@id='{anchor}']") is not None
    assert all(norm(t) in book_text(book) for t in doc.texts()[::50])


# ---------------------------------------------------------------- cover


def test_cover_is_deterministic_black_on_white_and_wraps_cyrillic() -> None:
    ru = dataclasses.replace(
        sample_document("ru"),
        title="Российские войска — вон из Казахстана! За демократию и права трудящихся!",
        authors=("Дэн Кац",),
    )
    assert cover_png(ru) == cover_png(ru)
    img = draw_cover(ru)
    assert img.mode == "L" and img.size == (1200, 1800)
    assert set(img.getextrema()) == {0, 255}
    font, lines = _fit_title(ru.title, WIDTH - 192, 1200)
    assert len(lines) > 2 and all(font.getlength(line) <= WIDTH - 192 for line in lines)
    huge = dataclasses.replace(ru, title="Слово " * 400)
    draw_cover(huge)  # never raises, even when the title cannot fit


# ---------------------------------------------------------------- failures and pipeline


def test_failed_write_leaves_no_partial_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = build_one(sample_document(), tmp_path / "book.epub")
    good = dest.read_bytes()

    def disk_full(self: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(epub_module._Writer, "_write_items", disk_full)
    with pytest.raises(OutputError):
        build_one(sample_document(), dest)
    assert dest.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.epub"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError):
            build_one(sample_document(), folder / "x.epub")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_unwritable_path_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError):
        build_one(sample_document(), blocker / "x.epub")


def test_pipeline_writes_the_epub_beside_the_html(tmp_path: Path) -> None:
    seed = ROOT / "seeds" / "russian-troops-out-of-kazakhstan.txt"
    results = build([seed], BuildOptions(out_dir=tmp_path, formats=("html", "epub")))
    assert results[0].ok, results[0].error
    assert (tmp_path / "russian-troops-out-of-kazakhstan.epub").is_file()
    assert (tmp_path / "russian-troops-out-of-kazakhstan.html").is_file()
