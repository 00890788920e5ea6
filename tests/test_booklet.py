"""Booklet imposition: page order per sheet half, sheet size, padding, errors, atomic write."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pamphlet.errors import ExportError, OutputError
from pamphlet.export import booklet
from pamphlet.export.booklet import (
    BookletResult,
    booklet_instructions,
    impose_booklet,
    padded_order,
    saddle_stitch_sides,
)

A4_LANDSCAPE_PT = (841.89, 595.28)
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"
)


def _html(pages: int) -> str:
    body = "".join(
        f'<section style="break-after: page"><p class="folio">PAGE {i}</p></section>'
        for i in range(1, pages + 1)
    )
    return (
        '<html lang="de"><head><title>Booklet Test</title><style>'
        "@page { size: A5; margin: 20mm }"
        ".folio { font: bold 40pt sans-serif; text-align: center }"
        f"</style></head><body>{body}</body></html>"
    )


def _subset(src: Path, dest: Path, count: int) -> Path:
    """The first `count` pages of src, as a new PDF."""
    with pikepdf.open(src) as pdf:
        del pdf.pages[count:]
        pdf.save(dest)
    return dest


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """WeasyPrint-made A5 PDFs of 12, 8 and 6 pages, one folio 'PAGE n' per page."""
    weasyprint = pytest.importorskip("weasyprint")
    folder = tmp_path_factory.mktemp("booklet-src")
    twelve = folder / "twelve.pdf"
    weasyprint.HTML(string=_html(12)).write_pdf(twelve)
    return {
        12: twelve,
        8: _subset(twelve, folder / "eight.pdf", 8),
        6: _subset(twelve, folder / "six.pdf", 6),
    }


def _half_text(pdf: Path, page: int, half: str) -> str:
    """Text of the left or right half of one output page (1-based), via pdftotext cropping."""
    with pikepdf.open(pdf) as doc:
        box = doc.pages[page - 1].mediabox
        width, height = float(box[2]), float(box[3])
    half_w = width / 2
    x = 0 if half == "left" else int(half_w) + 1
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-x", str(x), "-y", "0",
         "-W", str(int(half_w) - 1), "-H", str(int(height)), str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout
    return out


def _folios(pdf: Path, page: int, half: str) -> list[int]:
    return [int(n) for n in re.findall(r"PAGE (\d+)", _half_text(pdf, page, half))]


def _expected_sides(n: int) -> list[tuple[int, int]]:
    """Spelled out by hand from a folded paper dummy, not computed by the module."""
    return {
        8: [(8, 1), (2, 7), (6, 3), (4, 5)],
        12: [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)],
    }[n]


@needs_pdftotext
@pytest.mark.parametrize("n", [8, 12])
def test_sheets_carry_the_right_pages_in_the_right_halves(
    pdfs: dict[int, Path], tmp_path: Path, n: int
) -> None:
    dest = tmp_path / "booklet.pdf"
    result = impose_booklet(pdfs[n], dest)
    assert result == BookletResult(
        sheets=n // 4, pages=n, blanks_added=0, sheet_size_mm=(297.0, 210.0)
    )
    expected = _expected_sides(n)
    with pikepdf.open(dest) as out:
        assert len(out.pages) == len(expected)
        for page in out.pages:
            box = page.mediabox
            assert float(box[2]) == pytest.approx(A4_LANDSCAPE_PT[0], abs=1)
            assert float(box[3]) == pytest.approx(A4_LANDSCAPE_PT[1], abs=1)
    for side, (left, right) in enumerate(expected, start=1):
        assert _folios(dest, side, "left") == [left], f"side {side} left"
        assert _folios(dest, side, "right") == [right], f"side {side} right"


@needs_pdftotext
def test_six_pages_padded_with_blanks_before_back_cover(
    pdfs: dict[int, Path], tmp_path: Path
) -> None:
    dest = tmp_path / "six-booklet.pdf"
    result = impose_booklet(pdfs[6], dest)
    assert (result.sheets, result.pages, result.blanks_added) == (2, 6, 2)
    # Booklet pages 1-5, blank, blank, then source page 6 as page 8 (the back cover).
    expected = [([6], [1]), ([2], []), ([], [3]), ([4], [5])]
    for side, (left, right) in enumerate(expected, start=1):
        assert _folios(dest, side, "left") == left, f"side {side} left"
        assert _folios(dest, side, "right") == right, f"side {side} right"
    assert _half_text(dest, 2, "right").strip() == ""
    assert _half_text(dest, 3, "left").strip() == ""


def test_metadata_title_and_language_kept(pdfs: dict[int, Path], tmp_path: Path) -> None:
    dest = tmp_path / "meta.pdf"
    impose_booklet(pdfs[8], dest)
    with pikepdf.open(dest) as out:
        assert str(out.docinfo["/Title"]) == "Booklet Test"
        assert str(out.Root.Lang) == "de"


def _blank_pdf(path: Path, pages: int, size_pt: tuple[float, float]) -> Path:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=size_pt)
    pdf.save(path)
    return path


MM = 72 / 25.4


@pytest.mark.parametrize(
    ("page_mm", "sheet_mm", "paper"),
    [
        ((105, 148), (210.0, 148.0), "A5"),  # A6 pages
        ((139.7, 215.9), (279.4, 215.9), "Letter"),  # half-letter pages
        ((100, 100), (200.0, 100.0), None),  # no standard paper: exactly two pages wide
    ],
)
def test_sheet_size_for_other_page_sizes(
    tmp_path: Path, page_mm: tuple[float, float], sheet_mm: tuple[float, float], paper: str | None
) -> None:
    src = _blank_pdf(tmp_path / "in.pdf", 4, (page_mm[0] * MM, page_mm[1] * MM))
    result = impose_booklet(src, tmp_path / "out.pdf")
    assert result.sheet_size_mm == sheet_mm
    assert result.paper == paper
    with pikepdf.open(tmp_path / "out.pdf") as out:
        box = out.pages[0].mediabox
        assert float(box[2]) == pytest.approx(sheet_mm[0] * MM, abs=0.5)
        assert float(box[3]) == pytest.approx(sheet_mm[1] * MM, abs=0.5)


def test_order_helpers() -> None:
    assert saddle_stitch_sides(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert padded_order(6) == [1, 2, 3, 4, 5, None, None, 6]
    assert padded_order(1) == [1, None, None, None]
    assert padded_order(8) == list(range(1, 9))
    with pytest.raises(ValueError):
        saddle_stitch_sides(6)


@given(st.integers(min_value=1, max_value=200))
def test_every_page_once_and_facing_halves_sum_to_n_plus_one(count: int) -> None:
    order = padded_order(count)
    n = len(order)
    assert n % 4 == 0 and n - count < 4
    assert order[0] == 1  # the front cover stays first
    if count > 1:
        assert order[-1] == count  # the back cover stays last
    sides = saddle_stitch_sides(n)
    assert sorted(p for side in sides for p in side) == list(range(1, n + 1))
    assert all(left + right == n + 1 for left, right in sides)
    # On each sheet the back of the front's right page is the next page (same leaf).
    for front, back in zip(sides[::2], sides[1::2], strict=True):
        assert back[0] == front[1] + 1 and back[1] == front[0] - 1


def test_instructions_name_sheets_paper_and_folding() -> None:
    text = booklet_instructions(
        BookletResult(sheets=3, pages=10, blanks_added=2, sheet_size_mm=(297.0, 210.0))
    )
    assert "3 sheets of A4" in text
    assert "short edge" in text
    assert "fold" in text.lower() and "staple" in text.lower()
    assert "2 blank pages" in text
    odd = booklet_instructions(
        BookletResult(sheets=1, pages=4, blanks_added=0, sheet_size_mm=(200.0, 100.0))
    )
    assert "1 sheet of 200 × 100 mm" in odd and "blank" not in odd


def test_not_a_pdf_raises_export_error(tmp_path: Path) -> None:
    src = tmp_path / "notes.pdf"
    src.write_text("this is not a PDF\n")
    with pytest.raises(ExportError, match="not a readable PDF"):
        impose_booklet(src, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_missing_file_raises_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot read"):
        impose_booklet(tmp_path / "missing.pdf", tmp_path / "out.pdf")


def test_zero_pages_raises_export_error(tmp_path: Path) -> None:
    src = tmp_path / "empty.pdf"
    pikepdf.new().save(src)
    with pytest.raises(ExportError, match="no pages"):
        impose_booklet(src, tmp_path / "out.pdf")


def test_encrypted_raises_export_error(tmp_path: Path) -> None:
    src = tmp_path / "locked.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(src, encryption=pikepdf.Encryption(owner="o", user="secret"))
    with pytest.raises(ExportError, match="encrypted"):
        impose_booklet(src, tmp_path / "out.pdf")
    open_pw = tmp_path / "owner-only.pdf"
    pdf.save(open_pw, encryption=pikepdf.Encryption(owner="o", user=""))
    with pytest.raises(ExportError, match="encrypted"):
        impose_booklet(open_pw, tmp_path / "out.pdf")


def _leftovers(folder: Path) -> list[str]:
    """Temporary files the writer left behind (hidden files next to the output)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_failed_rename_keeps_old_dest_and_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _blank_pdf(tmp_path / "in.pdf", 4, (148 * MM, 210 * MM))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dest = out_dir / "booklet.pdf"
    dest.write_bytes(b"previous booklet")

    def failing_replace(a: object, b: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(booklet.os, "replace", failing_replace)
    with pytest.raises(OutputError, match="No space left"):
        impose_booklet(src, dest)
    assert dest.read_bytes() == b"previous booklet"
    assert _leftovers(out_dir) == []
    assert sorted(p.name for p in out_dir.iterdir()) == ["booklet.pdf"]


def test_failed_save_midway_keeps_old_dest_and_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _blank_pdf(tmp_path / "in.pdf", 4, (148 * MM, 210 * MM))
    dest = tmp_path / "booklet.pdf"
    dest.write_bytes(b"previous booklet")

    def half_save(self: pikepdf.Pdf, fh: object, *args: object, **kwargs: object) -> None:
        fh.write(b"%PDF-1.7\npartial")  # type: ignore[attr-defined]
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(pikepdf.Pdf, "save", half_save)
    with pytest.raises(OutputError):
        impose_booklet(src, dest)
    assert dest.read_bytes() == b"previous booklet"
    assert _leftovers(tmp_path) == []


def test_missing_output_folder_raises_output_error(tmp_path: Path) -> None:
    src = _blank_pdf(tmp_path / "in.pdf", 4, (148 * MM, 210 * MM))
    with pytest.raises(OutputError):
        impose_booklet(src, tmp_path / "no-such-dir" / "booklet.pdf")


def test_overwrites_existing_dest_and_can_impose_in_place(tmp_path: Path) -> None:
    src = _blank_pdf(tmp_path / "in.pdf", 8, (148 * MM, 210 * MM))
    result = impose_booklet(src, src)
    assert result.sheets == 2
    with pikepdf.open(src) as out:
        assert len(out.pages) == 4
        assert float(out.pages[0].mediabox[2]) == pytest.approx(A4_LANDSCAPE_PT[0], abs=1)
    assert _leftovers(tmp_path) == []
