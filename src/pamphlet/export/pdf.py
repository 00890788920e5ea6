"""The print-ready PDF: the one HTML rendering plus styles/print.css, laid out by WeasyPrint.

write_pdfs(doc, out_dir, stem, source, options) writes
  <stem>.pdf          the pamphlet (tagged PDF/UA-1 by default)
  <stem>-booklet.pdf  with options.booklet: pages imposed two-up for folding
  <stem>-print.pdf    with options.print_shop: 3 mm bleed and crop marks
and returns the paths written and notes for the user.

Padding to a multiple of four: the template lays out MAX_BLANKS blank pages
before the back page; after layout we keep as many as the count needs and
drop the others (Document.copy), so the text is laid out once and blank pages
never land in the middle of it. The back and blank pages have even margins
and no folios, so dropping pages before the back page changes nothing else.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExportError
from ..fonts import font_faces
from ..fsutil import atomic_target
from ..model import Document
from ..render import RenderOptions, render_html, styles_dir
from .fetcher import make_fetcher

if TYPE_CHECKING:
    import weasyprint
    import weasyprint.document

    from ..pipeline import BuildOptions

MAX_BLANKS = 3
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")
BLEED = "3mm"
BLEED_TEXT = "3 mm"
FAMILIES = {"NotoSerif": "Pamphlet Serif", "NotoSans": "Pamphlet Sans"}
_FACE = {
    "Regular": ("normal", "normal"),
    "Bold": ("bold", "normal"),
    "Italic": ("normal", "italic"),
    "BoldItalic": ("bold", "italic"),
}
ARTICLE_LABELS = {"ru": "Статья", "kk": "Мақала", "uk": "Стаття", "en": "Article"}


@dataclass
class Rendered:
    """A laid-out pamphlet, ready to write."""

    document: weasyprint.document.Document
    blanks_added: int
    problems: list[str] = field(default_factory=list)  # resources left out, and why

    @property
    def pages(self) -> int:
        return len(self.document.pages)


def css_string(text: str) -> str:
    """A CSS string literal for a label we chose (never for source text)."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,-" else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'


def font_face_css() -> str:
    """@font-face rules for the exact Noto files, so those faces are used and embedded."""
    rules = []
    for (family, style), path in font_faces().items():
        weight, slant = _FACE[style]
        rules.append(
            f'@font-face {{ font-family: "{FAMILIES[family]}"; src: url("{path.as_uri()}"); '
            f"font-weight: {weight}; font-style: {slant}; }}"
        )
    return "\n".join(rules)


# The CSS page size of each --paper, and the stylesheet that sets it (print.css
# alone is made for A5; half-letter is set like A5, which it nearly is).
PAGE_SIZES = {
    "a4": "A4 portrait",
    "a5": "A5 portrait",
    "a6": "A6 portrait",
    "letter": "letter portrait",
    "half-letter": "5.5in 8.5in",
}
PAPER_STYLE = {"a4": "wide", "letter": "wide"}


def print_css(paper: str, language: str, *, print_shop: bool = False) -> str:
    """The whole print stylesheet for one paper size and language."""
    folder = styles_dir()
    parts = [font_face_css(), (folder / "print.css").read_text(encoding="utf-8")]
    per_paper = folder / f"print-{PAPER_STYLE.get(paper, paper)}.css"
    if per_paper.is_file():
        parts.append(per_paper.read_text(encoding="utf-8"))
    parts.append(f"@page {{ size: {PAGE_SIZES[paper]}; }}")
    label = ARTICLE_LABELS.get(language.split("-")[0].lower(), ARTICLE_LABELS["en"])
    parts.append(f".article {{ string-set: section {css_string(label)}; }}")
    if print_shop:
        parts.append(
            f"@page {{ bleed: {BLEED}; marks: crop; }}\n"
            + "".join(f"@page {name} {{ bleed: {BLEED}; marks: crop; }}\n"
                      for name in ("cover", "blank", "back"))
        )
    return "\n".join(parts)


def qr_data_uri(url: str | None) -> str | None:
    """A QR code of the article's URL as an SVG data: URL, or None without a web URL."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    import segno

    try:
        return str(segno.make(url, error="m", micro=False).svg_data_uri(border=0, dark="#000"))
    except segno.DataOverflowError:
        return None


def print_html(doc: Document, options: BuildOptions) -> str:
    """The document as the one HTML page WeasyPrint lays out.

    The print CSS is not inlined (document.html would autoescape its quotes
    inside <style>); it is given to WeasyPrint as a user stylesheet.
    """
    extra = {"blank_pages": str(MAX_BLANKS)}
    qr = qr_data_uri(doc.url)
    if qr:
        extra["qr_src"] = qr
    return render_html(doc, RenderOptions(target="print", built=options.built, extra=extra))


def allowed_dirs(source: Path) -> list[Path]:
    """What WeasyPrint may read: our styles, the font folders, the source's folder."""
    dirs = [styles_dir(), source.resolve().parent]
    dirs.extend({path.parent for path in font_faces().values()})
    return dirs


def render(
    doc: Document, source: Path, options: BuildOptions, *, print_shop: bool = False
) -> Rendered:
    """Lay out the pamphlet and pad it to a multiple of four pages."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = make_fetcher(allowed_dirs(source), options.allow_remote)
    fonts = FontConfiguration()
    with _weasyprint_errors() as errors:
        html = HTML(
            string=print_html(doc, options),
            base_url=source.resolve().parent.as_uri() + "/",
            url_fetcher=fetcher,
        )
        css = CSS(
            string=print_css(options.paper, doc.language, print_shop=print_shop),
            base_url=styles_dir().as_uri() + "/",
            url_fetcher=fetcher,
            font_config=fonts,
        )
        document = html.render(font_config=fonts, stylesheets=[css], **_pdf_options(options))
    if doc.date and _ISO_DAY.match(doc.date):
        # The page's dcterms.created has a time without a zone, which PDF dates
        # cannot hold; the day alone is what we know for sure.
        document.metadata.created = doc.date[:10]
    problems = [f"left out {what}" for what in fetcher.refused] + errors.messages
    return _pad(document, problems)


def _pad(document: weasyprint.document.Document, problems: list[str]) -> Rendered:
    blank_ids = {f"pamphlet-blank-{n}" for n in range(1, MAX_BLANKS + 1)}
    blanks = [i for i, page in enumerate(document.pages) if blank_ids & set(page.anchors)]
    if len(blanks) != MAX_BLANKS:
        raise ExportError(f"layout lost its blank pages (found {len(blanks)} of {MAX_BLANKS})")
    content = len(document.pages) - MAX_BLANKS
    needed = -content % 4
    drop = set(blanks[needed:])
    pages = [page for i, page in enumerate(document.pages) if i not in drop]
    return Rendered(document.copy(pages), needed, problems)


def _pdf_options(options: BuildOptions) -> dict[str, object]:
    opts: dict[str, object] = {"pdf_tags": True}
    if options.pdf_variant:
        opts["pdf_variant"] = options.pdf_variant.lower()
    return opts


def write_rendered(rendered: Rendered, dest: Path, options: BuildOptions) -> Path:
    with atomic_target(dest) as tmp:
        rendered.document.write_pdf(tmp, **_pdf_options(options))
    return dest


def write_pdfs(
    doc: Document, out_dir: Path, stem: str, source: Path, options: BuildOptions
) -> tuple[list[Path], list[str]]:
    """Write <stem>.pdf (and the booklet and print-shop PDFs when asked)."""
    _check_variant(options.pdf_variant)
    rendered = render(doc, source, options)
    main = write_rendered(rendered, out_dir / f"{stem}.pdf", options)
    written = [main]
    notes = [f"{main.name}: {rendered.pages} pages, {options.paper.upper()}"]
    if rendered.blanks_added:
        n = rendered.blanks_added
        notes.append(
            f"added {n} blank page{'s' if n > 1 else ''} before the back page to make "
            f"{rendered.pages} (a multiple of 4)"
        )
    notes.extend(rendered.problems)
    if options.booklet:
        from .booklet import booklet_instructions, impose_booklet

        dest = out_dir / f"{stem}-booklet.pdf"
        result = impose_booklet(main, dest)
        written.append(dest)
        notes.append(f"{dest.name}: " + booklet_instructions(result).replace("\n", "\n  "))
    if options.print_shop:
        shop = render(doc, source, options, print_shop=True)
        dest = write_rendered(shop, out_dir / f"{stem}-print.pdf", options)
        written.append(dest)
        notes.append(f"{dest.name}: {BLEED_TEXT} bleed and crop marks, for a print shop")
    return written, notes


def _check_variant(variant: str | None) -> None:
    if not variant:
        return
    from weasyprint.pdf import VARIANTS

    if variant.lower() not in VARIANTS:
        known = ", ".join(sorted(VARIANTS))
        raise ExportError(f"unknown PDF variant {variant!r}", hint=f"use one of: {known}")


class _weasyprint_errors(logging.Handler):
    """Collects what WeasyPrint reports as errors (unusable images, stylesheets).

    WeasyPrint logs to a NullHandler by default; we turn its errors into notes
    (refusals by our fetcher are reported from the fetcher, not twice).
    """

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "FetchRefused" not in message and message not in self.messages:
            self.messages.append(message)

    def __enter__(self) -> _weasyprint_errors:
        logging.getLogger("weasyprint").addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("weasyprint").removeHandler(self)
