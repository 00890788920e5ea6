"""The print PDF: page size and count, fonts, PDF/UA metadata, text, bookmarks, papers.

Each PDF is rendered once per module (fixtures); rendering takes about a second.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest
from fontTools.ttLib import TTFont
from sample import DEMAND_INTRO, DEMANDS, sample_document

from pamphlet.errors import ExportError
from pamphlet.export.pdf import font_face_css, qr_data_uri, write_pdfs
from pamphlet.fonts import font_path
from pamphlet.model import Comment, Document, Heading, ListBlock, Paragraph, Quote
from pamphlet.pipeline import BuildOptions
from pamphlet.sources import read_source
from pamphlet.typography import plain

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "russian-troops-out-of-kazakhstan.txt"
BUILT = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
MM = 72 / 25.4

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils not installed",
)


@dataclass(frozen=True)
class Built:
    doc: Document
    paths: list[Path]
    notes: list[str]

    @property
    def pdf(self) -> Path:
        return self.paths[0]


def build(doc: Document, out: Path, source: Path, **options: object) -> Built:
    opts = BuildOptions(out_dir=out, now=BUILT, **options)  # type: ignore[arg-type]
    paths, notes = write_pdfs(doc, out, "out", source, opts)
    return Built(doc, paths, notes)


def pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *args, str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout


def page_texts(pdf: Path) -> list[str]:
    return pdftotext(pdf).split("\f")[:-1]


def normalise(text: str) -> str:
    """Text as a reader would copy it, for comparison with the model's text.

    A hyphen WeasyPrint adds where it breaks a word (U+2010) joins the halves;
    curly quotes and dashes go back to plain (typography.plain). pdftotext
    also joins "oil-" + "producing" at a line end into "oilproducing", so
    hyphens are dropped from both texts; whitespace collapses.
    """
    text = re.sub("\u2010\\s*\n", "", text)
    text = plain(text).replace("-", "")
    return re.sub(r"\s+", " ", text).strip()


def body_text(built: Built) -> str:
    """The PDF's text without running heads and folios (they interrupt sentences)."""
    heads = {"ARTICLE", "COMMENTS", normalise(built.doc.title)}
    out = []
    for number, page in enumerate(page_texts(built.pdf), start=1):
        lines = [ln for ln in page.splitlines() if ln.strip()]
        if number > 2 and lines and normalise(lines[0]) in heads:
            lines = lines[1:]
        if lines and lines[-1].strip() == str(number):
            lines = lines[:-1]
        out.append("\n".join(lines))
    return normalise("\n".join(out))


def pdffonts(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        # name type... encoding emb sub uni object-id gen: the last five are fixed.
        rows.append({"name": cols[0], "emb": cols[-5], "sub": cols[-4], "uni": cols[-3]})
    return rows


def outline_titles(pdf: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    with pikepdf.open(pdf) as doc, doc.open_outline() as outline:
        def walk(items, depth):  # type: ignore[no-untyped-def]
            for item in items:
                found.append((depth, str(item.title)))
                walk(item.children, depth + 1)

        walk(outline.root, 1)
    return found


# ---------- fixtures: each PDF rendered once ----------

@pytest.fixture(scope="module")
def seed_doc() -> Document:
    return read_source(SEED)


@pytest.fixture(scope="module")
def seed_pdf(seed_doc: Document, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(seed_doc, tmp_path_factory.mktemp("seed"), SEED)


@pytest.fixture(scope="module")
def seed_a6_pdf(seed_doc: Document, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(seed_doc, tmp_path_factory.mktemp("seed-a6"), SEED, paper="a6")


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("sample")
    return build(sample_document(), out, out / "sample.txt", booklet=True, print_shop=True)


KAZAKH = "Әділет қоғамы үшін күрес: ғалым, өнер, ұлт, һәм іс-әрекет, таңғы."
RUSSIAN = "Рабочие нефтяных месторождений Жанаозена объявили всеобщую забастовку."


@pytest.fixture(scope="module")
def kazakh_pdf(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("kk")
    doc = Document(
        title="Қазақстандағы ереуіл: жұмысшылар құқығы үшін!",
        subtitle="Забастовка в Казахстане",
        source=str(out / "kk.txt"),
        authors=("Әлия Нұрғалиқызы",),
        language="kk",
        date="2022-01-11",
        body=(
            Paragraph(KAZAKH * 3),
            Heading(2, "Өнеркәсіп және ұлттық қозғалыс"),
            Quote(RUSSIAN),
            Paragraph("Требования рабочих:"),
            ListBlock(True, ("Ұлттық байлық халыққа!", "Свобода профсоюзов!"),
                      demands=True, intro="Требования рабочих:"),
        ),
        comments=(Comment("Ғани", "2022-01-12T10:00", (Paragraph(RUSSIAN),), "Әлия"),),
    )
    return build(doc, out, out / "kk.txt")


# ---------- the seed, A5 ----------

def test_a5_page_size(seed_pdf: Built) -> None:
    with pikepdf.open(seed_pdf.pdf) as pdf:
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            assert abs((x1 - x0) - 148 * MM) < 0.5 and abs((y1 - y0) - 210 * MM) < 0.5


def test_page_count_is_a_multiple_of_four_with_blanks_before_the_back(seed_pdf: Built) -> None:
    pages = page_texts(seed_pdf.pdf)
    assert len(pages) % 4 == 0 and len(pages) >= 4
    blank = [i for i, text in enumerate(pages) if not text.strip()]
    # Blank pages only right before the back page, never among the text.
    assert blank == list(range(len(pages) - 1 - len(blank), len(pages) - 1))
    said = [n for n in seed_pdf.notes if "blank page" in n]
    if blank:
        assert said and str(len(blank)) in said[0]
    else:
        assert not said


def test_every_font_is_embedded_and_is_noto(seed_pdf: Built, kazakh_pdf: Built) -> None:
    for built in (seed_pdf, kazakh_pdf):
        fonts = pdffonts(built.pdf)
        assert fonts, "no fonts listed"
        assert all(f["emb"] == "yes" and f["uni"] == "yes" for f in fonts), fonts
        # Only our @font-face families (Noto Serif / Noto Sans files): no system fallback.
        assert {re.sub(r"^[A-Z]{6}\+", "", f["name"]) for f in fonts} <= {
            "Pamphlet-Serif", "Pamphlet-Serif-Bold", "Pamphlet-Serif-Italic",
            "Pamphlet-Serif-BoldItalic", "Pamphlet-Sans", "Pamphlet-Sans-Bold",
            "Pamphlet-Sans-Italic", "Pamphlet-Sans-BoldItalic",
        }, fonts


def test_pdf_ua_identification_and_metadata(seed_pdf: Built, seed_doc: Document) -> None:
    with pikepdf.open(seed_pdf.pdf) as pdf:
        meta = pdf.open_metadata()
        assert meta.get("pdfuaid:part") == "1"
        assert meta.get("dc:title") == seed_doc.title
        assert pdf.Root.Lang == seed_doc.language
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.docinfo["/Title"]) == seed_doc.title
        assert str(pdf.docinfo["/Author"]) == ", ".join(seed_doc.authors)


def test_every_paragraph_comment_and_demand_is_in_the_text(
    seed_pdf: Built, seed_doc: Document
) -> None:
    text = body_text(seed_pdf)
    expected = seed_doc.texts()
    assert len(expected) > 20
    assert seed_doc.comments and seed_doc.demands
    missing = [t for t in expected if normalise(t) not in text]
    assert missing == []
    for demand in seed_doc.demands:
        for item in demand.items:
            # Once in the comment, once more on the back page.
            assert text.count(normalise(item)) >= 2
    for comment in seed_doc.comments:
        assert comment.author and comment.author in text


def test_removed_boilerplate_is_not_in_the_text(seed_pdf: Built, seed_doc: Document) -> None:
    text = normalise(pdftotext(seed_pdf.pdf))
    # One-word removals ("Comments") are headers we set ourselves, in our words.
    removed = [r.text for r in seed_doc.removed if len(r.text.split()) > 3]
    assert removed, "the seed should have boilerplate removed"
    for line in removed:
        assert normalise(line) not in text


def test_text_layer_has_no_invisible_characters(seed_pdf: Built) -> None:
    text = pdftotext(seed_pdf.pdf)
    assert "\u00ad" not in text and "\u200b" not in text
    # A hyphen WeasyPrint added (U+2010) only ever stands at the end of a line.
    assert re.search("\u2010(?!\n)", text) is None


def test_no_more_than_two_hyphenated_lines_in_a_row(seed_pdf: Built) -> None:
    run = longest = total = 0
    for line in pdftotext(seed_pdf.pdf).splitlines():
        run = run + 1 if line.endswith("\u2010") else 0
        longest, total = max(longest, run), total + (run > 0)
    assert total > 0, "the seed's text should be hyphenated somewhere"
    assert longest <= 2


def test_bookmarks_for_article_demands_and_comments(seed_pdf: Built, seed_doc: Document) -> None:
    titles = outline_titles(seed_pdf.pdf)
    labels = [t for _, t in titles]
    assert (1, seed_doc.title) in titles
    assert (1, "Comments") in titles
    intro = seed_doc.demands[0].intro
    assert intro and labels.count(intro) == 2  # in the comment and on the back page
    assert labels.index(seed_doc.title) < labels.index("Comments") < len(labels) - 1


def test_cover_and_back_have_no_folio_and_text_pages_do(
    seed_pdf: Built, seed_doc: Document
) -> None:
    pages = page_texts(seed_pdf.pdf)
    lines = [[ln.strip() for ln in p.splitlines() if ln.strip()] for p in pages]
    assert not any(ln.isdigit() for ln in lines[0] + lines[-1])
    cover = normalise(" ".join(lines[0]))
    assert normalise(seed_doc.title) in cover and seed_doc.authors[0] in cover
    for number, page in enumerate(lines[1:-1], start=2):
        if page:  # not a blank page
            assert str(number) in page, f"no folio on page {number}"
    # The back page repeats the demands and carries the colophon.
    back = normalise(pages[-1])
    assert normalise(seed_doc.demands[0].items[0]) in back
    assert "Printed and distributed by" in back
    # A local source is named by its file name only (no home folders in print).
    assert normalise(Path(seed_doc.source).name) in back
    assert normalise(str(SEED.parent)) not in back
    assert normalise(BUILT.date().isoformat()) in back


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def words_by_page(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """(top, bottom, word) for every word, page by page (pdftotext -bbox)."""
    pages = []
    for page in pdftotext(pdf, "-bbox").split("<page ")[1:]:
        pages.append([(float(m[2]), float(m[4]), m[5]) for m in _WORD.finditer(page)])
    return pages


@pytest.mark.parametrize("which", ["seed_pdf", "seed_a6_pdf"])
def test_colophon_never_overlaps_the_demands(which: str, request: pytest.FixtureRequest) -> None:
    built: Built = request.getfixturevalue(which)
    pages = words_by_page(built.pdf)
    with_colophon = [p for p in pages if any(w == "Source:" for _, _, w in p)]
    assert len(with_colophon) == 1 and with_colophon[0] is pages[-1]
    page = pages[-1]
    top = min(t for t, _, w in page if w == "Source:")
    above = " ".join(w for t, b, w in page if b <= top - 2 * MM)
    last_demand = built.doc.demands[-1].items[-1]
    demands_page = normalise(above) or normalise(" ".join(w for _, _, w in pages[-2]))
    assert normalise(last_demand) in demands_page
    # Nothing but the colophon from its top down.
    below = normalise(" ".join(w for t, _, w in page if t >= top - 2 * MM))
    assert below.startswith("Source:") and normalise(last_demand) not in below


def test_running_heads_name_the_title_and_the_section(seed_pdf: Built, seed_doc: Document) -> None:
    pages = page_texts(seed_pdf.pdf)
    heads = [p.strip().splitlines()[0] for p in pages[2:-1] if p.strip()]
    assert any(h.strip() == "ARTICLE" for h in heads)
    assert any(h.strip() == "COMMENTS" for h in heads)
    assert any(normalise(h) == normalise(seed_doc.title) for h in heads)


# ---------- the sample: booklet, print shop, QR code ----------

def test_booklet_and_print_shop_outputs(sample_pdf: Built) -> None:
    names = [p.name for p in sample_pdf.paths]
    assert names == ["out.pdf", "out-booklet.pdf", "out-print.pdf"]
    assert all(p.is_file() for p in sample_pdf.paths)
    assert any("Staple" in n for n in sample_pdf.notes)
    with pikepdf.open(sample_pdf.pdf) as main, pikepdf.open(sample_pdf.paths[1]) as booklet:
        assert len(booklet.pages) * 2 == len(main.pages)
        w, h = (float(v) for v in booklet.pages[0].mediabox[2:])
        assert w > h  # landscape sheets


def test_print_shop_pdf_has_bleed_and_trim_box(sample_pdf: Built) -> None:
    bleed = 3 * MM
    with pikepdf.open(sample_pdf.paths[2]) as shop, pikepdf.open(sample_pdf.pdf) as main:
        assert len(shop.pages) == len(main.pages)
        page = shop.pages[0]
        trim = [float(v) for v in page.trimbox]
        media = [float(v) for v in page.mediabox]
        assert abs((trim[2] - trim[0]) - 148 * MM) < 0.5
        # The bleed plus room for the crop marks lies outside the trim box.
        assert media[2] - media[0] >= trim[2] - trim[0] + 2 * bleed - 0.5
        assert [float(v) for v in page.bleedbox] != trim


def test_colophon_has_url_and_qr_code(sample_pdf: Built) -> None:
    doc = sample_pdf.doc
    back = normalise(page_texts(sample_pdf.pdf)[-1])
    assert doc.url and normalise(doc.url) in back
    with pikepdf.open(sample_pdf.pdf) as pdf:
        alts = [str(obj.Alt) for obj in pdf.objects
                if isinstance(obj, pikepdf.Dictionary) and "/Alt" in obj]
    assert any(doc.url in alt and "QR" in alt for alt in alts), alts


def test_qr_only_for_web_urls() -> None:
    uri = qr_data_uri("https://example.org/a?b=c")
    assert uri and uri.startswith("data:image/svg+xml")
    assert qr_data_uri(None) is None and qr_data_uri("file:///etc/passwd") is None


def test_sample_demands_box_and_back_page(sample_pdf: Built) -> None:
    pages = page_texts(sample_pdf.pdf)
    text = normalise("".join(pages[:-1]))
    back = normalise(pages[-1])
    assert normalise(DEMAND_INTRO) in text and normalise(DEMAND_INTRO) in back
    for demand in DEMANDS:
        assert normalise(demand) in text and normalise(demand) in back


def test_cover_carries_the_articles_own_first_demand_only(
    sample_pdf: Built, seed_pdf: Built
) -> None:
    sample_cover = normalise(page_texts(sample_pdf.pdf)[0])
    assert normalise(DEMANDS[0]) in sample_cover and normalise(DEMANDS[1]) not in sample_cover
    # The seed's demands are a commenter's, not the author's: not on the cover.
    seed_cover = normalise(page_texts(seed_pdf.pdf)[0])
    assert normalise(seed_pdf.doc.demands[0].items[0]) not in seed_cover


# ---------- Kazakh and Russian ----------

def test_kazakh_and_russian_letters_come_out_whole(kazakh_pdf: Built) -> None:
    text = pdftotext(kazakh_pdf.pdf)
    for letter in "әғқңөұүһіӘ":
        assert letter in text
    assert normalise(RUSSIAN) in normalise(text)
    assert kazakh_pdf.doc.title in normalise(text)
    with pikepdf.open(kazakh_pdf.pdf) as pdf:
        assert pdf.Root.Lang == "kk"


def test_noto_faces_cover_every_letter_used(kazakh_pdf: Built) -> None:
    text = pdftotext(kazakh_pdf.pdf)
    used = {ch for ch in text if not ch.isspace()}
    for family in ("NotoSerif", "NotoSans"):
        for style in ("Regular", "Bold", "Italic", "BoldItalic"):
            cmap = TTFont(font_path(family, style), lazy=True).getBestCmap()
            missing = sorted(ch for ch in used if ord(ch) not in cmap)
            assert missing == [], (family, style, missing)


def test_font_faces_point_at_the_noto_files() -> None:
    css = font_face_css()
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert font_path("NotoSerif", style).as_uri() in css
        assert font_path("NotoSans", style).as_uri() in css


# ---------- papers and variants ----------

@pytest.mark.parametrize(
    ("paper", "size_mm"),
    [("a4", (210, 297)), ("a6", (105, 148)), ("letter", (215.9, 279.4)),
     ("half-letter", (139.7, 215.9))],
)
def test_paper_sizes(paper: str, size_mm: tuple[float, float], tmp_path: Path) -> None:
    built = build(sample_document(paragraphs=2), tmp_path, tmp_path / "s.txt", paper=paper)
    with pikepdf.open(built.pdf) as pdf:
        assert len(pdf.pages) % 4 == 0
        for page in pdf.pages:
            box = [float(v) for v in page.mediabox]
            assert abs(box[2] - box[0] - size_mm[0] * MM) < 0.5
            assert abs(box[3] - box[1] - size_mm[1] * MM) < 0.5


def test_other_pdf_variant(tmp_path: Path) -> None:
    built = build(sample_document(paragraphs=1), tmp_path, tmp_path / "s.txt",
                  pdf_variant="pdf/a-3b")
    with pikepdf.open(built.pdf) as pdf:
        meta = pdf.open_metadata()
        assert meta.get("pdfaid:part") == "3" and meta.get("pdfaid:conformance") == "B"


def test_unknown_variant_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="variant"):
        build(sample_document(paragraphs=1), tmp_path, tmp_path / "s.txt", pdf_variant="pdf/zz")
    assert not list(tmp_path.glob("*.pdf"))


def test_images_outside_the_source_folder_are_left_out_with_a_note(tmp_path: Path) -> None:
    from PIL import Image

    from pamphlet.model import Figure

    Image.new("RGB", (40, 30), (128, 128, 128)).save(tmp_path / "pic.png")
    doc = replace(
        sample_document(paragraphs=1),
        url=None,
        body=(Figure("here", "pic.png", "grey"), Figure("there", "file:///etc/passwd"),
              Figure("remote", "https://example.org/x.png"), Paragraph("Text.")),
    )
    built = build(doc, tmp_path / "out", tmp_path / "s.html")
    notes = " ".join(built.notes)
    assert "file:///etc/passwd" in notes and "https://example.org/x.png" in notes
    assert "pic.png" not in notes
    with pikepdf.open(built.pdf) as pdf:
        images = [obj for obj in pdf.objects
                  if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]
    assert len(images) == 1 and int(images[0].Width) == 40


def test_same_input_same_bytes(tmp_path: Path) -> None:
    doc = sample_document(paragraphs=1)
    a = build(doc, tmp_path / "a", tmp_path / "s.txt").pdf.read_bytes()
    b = build(doc, tmp_path / "b", tmp_path / "s.txt").pdf.read_bytes()
    assert a == b
