"""Booklet imposition: a PDF of equal pages → two-up sheets in saddle-stitch order.

The input is the PDF exporter's output (A5, A6 or half-letter portrait pages, normally already
padded to a multiple of four). Each sheet side is one landscape page twice as wide as a source
page; the two source pages are placed as form XObjects (pikepdf), so their content and
resources are kept as they are, never re-rendered.

Why the back sides are not rotated
----------------------------------
The sheets are landscape. Its short edges are the left and right edges, so "flip on the short
edge" turns the sheet over around a vertical axis, the way one turns the page of a book. Top
stays top: the back side must be drawn upright, in the same orientation as the front (it would
need a 180° turn only for "flip on the long edge"). Turning the sheet that way also swaps left
and right, so the back of the front's right half is the back's left half: that is why sheet 1
of an 8-page booklet is 8 | 1 on the front and 2 | 7 on the back (page 2 is behind page 1,
page 7 behind page 8).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from pamphlet.errors import ExportError, OutputError

PT_PER_MM = 72 / 25.4

# Standard papers, portrait (width, height) in mm. A sheet within SNAP_MM of one of these (and
# not smaller than the two pages side by side) is made exactly that size, pages centred on it:
# two A5 pages (148 mm) are 296 mm wide, but the printer's paper is A4, 297 mm.
PAPERS_MM: dict[str, tuple[float, float]] = {
    "A3": (297.0, 420.0),
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "A6": (105.0, 148.0),
    "B5": (176.0, 250.0),
    "Letter": (215.9, 279.4),
    "Legal": (215.9, 355.6),
    "Tabloid": (279.4, 431.8),
}
SNAP_MM = 3.0
_EPS_MM = 0.2  # rounding slack when comparing sizes


@dataclass(frozen=True)
class BookletResult:
    """What impose_booklet made.

    sheets: paper sheets to print (each printed on both sides).
    pages: pages in the input PDF.
    blanks_added: blank pages added to reach a multiple of four (pages + blanks_added ==
        4 * sheets).
    sheet_size_mm: (width, height) of a landscape sheet in millimetres.
    """

    sheets: int
    pages: int
    blanks_added: int
    sheet_size_mm: tuple[float, float]

    @property
    def paper(self) -> str | None:
        """Name of the standard paper the sheets are (e.g. "A4"), or None."""
        return paper_name(self.sheet_size_mm)


def paper_name(size_mm: tuple[float, float]) -> str | None:
    """The standard paper of this size in either orientation, or None."""
    short, long_ = sorted(size_mm)
    for name, (w, h) in PAPERS_MM.items():
        if abs(short - w) <= _EPS_MM and abs(long_ - h) <= _EPS_MM:
            return name
    return None


def padded_order(n: int) -> list[int | None]:
    """Source page numbers (1-based) of the booklet's pages; None is an added blank.

    Blanks go at the end but before the last page, so the back cover stays the back cover
    (a one-page input keeps its page first).
    """
    if n < 1:
        raise ValueError("a booklet needs at least one page")
    blanks = -n % 4
    if n == 1:
        return [1, *([None] * blanks)]
    return [*range(1, n), *([None] * blanks), n]


def saddle_stitch_sides(n: int) -> list[tuple[int, int]]:
    """Sheet sides as (left, right) booklet page numbers, 1-based; n is a multiple of 4.

    Order: sheet 1 front, sheet 1 back, sheet 2 front, ... For n = 8:
    [(8, 1), (2, 7), (6, 3), (4, 5)].
    """
    if n < 4 or n % 4:
        raise ValueError(f"saddle stitching needs a multiple of 4 pages, not {n}")
    sides: list[tuple[int, int]] = []
    for i in range(1, n // 4 + 1):
        sides.append((n - 2 * i + 2, 2 * i - 1))  # front
        sides.append((2 * i, n - 2 * i + 1))  # back
    return sides


def sheet_size_pt(page_w: float, page_h: float) -> tuple[float, float]:
    """Landscape sheet (width, height) in points for two pages of this size side by side."""
    natural_w, natural_h = 2 * page_w, page_h
    nat_mm = (natural_w / PT_PER_MM, natural_h / PT_PER_MM)
    for w, h in PAPERS_MM.values():
        sheet_mm = (h, w)  # landscape
        fits = all(s + _EPS_MM >= m for s, m in zip(sheet_mm, nat_mm, strict=True))
        close = all(s - m <= SNAP_MM for s, m in zip(sheet_mm, nat_mm, strict=True))
        if fits and close:
            return sheet_mm[0] * PT_PER_MM, sheet_mm[1] * PT_PER_MM
    return natural_w, natural_h


def _page_size(page: pikepdf.Page) -> tuple[float, float]:
    """Visible (trim box) size of a page as seen upright, honouring /Rotate."""
    box = pikepdf.Rectangle(page.trimbox)
    w, h = abs(float(box.width)), abs(float(box.height))
    rotate = int(page.obj.get("/Rotate", 0)) % 360
    return (h, w) if rotate in (90, 270) else (w, h)


def _open(src: Path) -> pikepdf.Pdf:
    try:
        pdf = pikepdf.open(src)
    except pikepdf.PasswordError as exc:
        raise ExportError("PDF is encrypted; cannot impose it", source=str(src)) from exc
    except pikepdf.PdfError as exc:
        raise ExportError("not a readable PDF; cannot impose it", source=str(src)) from exc
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ExportError(f"cannot read PDF: {reason}", source=str(src)) from exc
    if pdf.is_encrypted:
        pdf.close()
        raise ExportError("PDF is encrypted; cannot impose it", source=str(src))
    if len(pdf.pages) == 0:
        pdf.close()
        raise ExportError("PDF has no pages; nothing to impose", source=str(src))
    return pdf


def _copy_metadata(src: pikepdf.Pdf, out: pikepdf.Pdf) -> None:
    """Carry over the document information, the XMP metadata and the language."""
    info = src.trailer.get("/Info")
    if isinstance(info, pikepdf.Dictionary):
        for key, value in info.items():
            out.docinfo[key] = out.copy_foreign(value) if value.is_indirect else value
    for key in ("/Lang", "/Metadata"):
        value = src.Root.get(key)
        if value is not None:
            out.Root[key] = out.copy_foreign(value) if value.is_indirect else value


def _share_resources(
    out: pikepdf.Pdf, formx: pikepdf.Object, shared: dict[bytes, pikepdf.Object]
) -> None:
    """Point equal /Resources of placed pages at one indirect copy.

    WeasyPrint gives every page its own direct (but equal) resource dictionary. In a page
    it sits in a compressed object stream; in a form XObject's (stream) dictionary it would
    not, which made a 192-page booklet 159 kB instead of 121 kB (the input is 85 kB).
    """
    resources = formx.get("/Resources")
    if not isinstance(resources, pikepdf.Dictionary) or resources.is_indirect:
        return
    key = resources.unparse(resolved=False)
    if key not in shared:
        shared[key] = out.make_indirect(resources)
    formx.Resources = shared[key]


def _impose(src: pikepdf.Pdf) -> tuple[pikepdf.Pdf, BookletResult]:
    n = len(src.pages)
    order = padded_order(n)
    page_w, page_h = _page_size(src.pages[0])
    sheet_w, sheet_h = sheet_size_pt(page_w, page_h)
    # The fold is the middle of the sheet; the pair of pages is centred on it.
    x0 = sheet_w / 2 - page_w
    y0 = (sheet_h - page_h) / 2
    slots = (pikepdf.Rectangle(x0, y0, x0 + page_w, y0 + page_h),
             pikepdf.Rectangle(x0 + page_w, y0, x0 + 2 * page_w, y0 + page_h))

    out = pikepdf.new()
    _copy_metadata(src, out)
    shared: dict[bytes, pikepdf.Object] = {}
    for side in saddle_stitch_sides(len(order)):
        sheet = out.add_blank_page(page_size=(sheet_w, sheet_h))
        content = b""
        for slot, booklet_page in zip(slots, side, strict=True):
            number = order[booklet_page - 1]
            if number is None:
                continue  # an added blank page: that half of the sheet stays empty
            formx = out.copy_foreign(src.pages[number - 1].as_form_xobject())
            _share_resources(out, formx, shared)
            name = sheet.add_resource(formx, pikepdf.Name.XObject, prefix="Pg")
            # Pages of another size than the first are shrunk to fit and centred.
            content += b"q\n" + sheet.calc_form_xobject_placement(
                formx, name, slot, allow_shrink=True, allow_expand=False
            ) + b"Q\n"
        sheet.obj.Contents = out.make_stream(content)
    result = BookletResult(
        sheets=len(order) // 4,
        pages=n,
        blanks_added=len(order) - n,
        sheet_size_mm=(round(sheet_w / PT_PER_MM, 1), round(sheet_h / PT_PER_MM, 1)),
    )
    return out, result


def _save_atomic(pdf: pikepdf.Pdf, dest: Path) -> None:
    """Write to a temporary file next to dest, then rename it over dest."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    except OSError as exc:
        raise OutputError(f"cannot write booklet: {exc.strerror or exc}", source=str(dest)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            pdf.save(fh, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        os.chmod(tmp, 0o644)  # mkstemp makes it 0600; a booklet is an ordinary document
        os.replace(tmp, dest)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise OutputError(
                f"cannot write booklet: {exc.strerror or exc}", source=str(dest)
            ) from exc
        if isinstance(exc, pikepdf.PdfError):
            raise ExportError(f"cannot write booklet: {exc}", source=str(dest)) from exc
        raise


def impose_booklet(src: Path, dest: Path) -> BookletResult:
    """Impose src (a PDF of equal pages) as a saddle-stitched booklet and write it to dest.

    Each sheet side is landscape, twice a page wide (A5 → A4, A6 → A5, half-letter → letter),
    with two pages side by side; sides come in order sheet 1 front, sheet 1 back, ... ready
    for duplex printing flipped on the short edge (backs are upright, see the module
    docstring). Pages are padded with blanks before the last page to a multiple of four.
    Title, language and other metadata are kept. dest is replaced atomically.

    Raises ExportError for an unreadable, encrypted or empty src, OutputError when dest
    cannot be written (a previous dest is then left as it was).
    """
    src, dest = Path(src), Path(dest)
    with _open(src) as pdf:
        try:
            out, result = _impose(pdf)
        except (pikepdf.PdfError, ValueError, KeyError) as exc:
            raise ExportError(f"booklet imposition failed: {exc}", source=str(src)) from exc
        with out:
            _save_atomic(out, dest)
    return result


def booklet_instructions(result: BookletResult) -> str:
    """A few plain lines telling a person how to print, fold and staple the booklet."""
    w, h = result.sheet_size_mm
    paper = result.paper or f"{w:g} × {h:g} mm"
    s = "" if result.sheets == 1 else "s"
    lines = [
        f"Print on {result.sheets} sheet{s} of {paper} paper, double-sided, flipping on the "
        "short edge (short-edge binding), at actual size (100 %, not 'fit to page').",
        "Stack the sheets with the one carrying page 1 outermost and fold the stack in half "
        "along the middle, page 1 on the outside.",
        "Staple twice on the fold (saddle stitch), then open it flat to check the page order.",
    ]
    if result.blanks_added:
        b = " was" if result.blanks_added == 1 else "s were"
        lines.append(
            f"{result.blanks_added} blank page{b} added before the back cover "
            f"to make {result.sheets * 4} pages."
        )
    return "\n".join(lines)
