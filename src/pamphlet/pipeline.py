"""build(sources, options): read -> clean -> parse -> render -> export.

Effects live here and in cli.py: the clock and SOURCE_DATE_EPOCH are read by
the caller and passed in as values; files are written atomically.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from .errors import ExportError, OutputError, PamphletError, UsageError
from .fsutil import atomic_write, safe_stem
from .model import Document
from .pdf_worker import PdfJob, PdfWorker
from .render import RenderOptions, read_style, render_html
from .sources import DEFAULT_MAX_BYTES, read_source

T = TypeVar("T")
FORMATS = ("html", "epub", "pdf")
DEFAULT_MAX_PDF_CHARS = 1_000_000
"""Longer documents are not laid out as PDF (about 500 A5 pages and minutes of layout)."""
PAPERS = ("a4", "a5", "a6", "letter", "half-letter")


@dataclass(frozen=True)
class BuildOptions:
    out_dir: Path = Path("dist")
    formats: tuple[str, ...] = FORMATS
    paper: str = "a5"
    booklet: bool = False
    print_shop: bool = False
    pdf_variant: str | None = "pdf/ua-1"
    allow_remote: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    max_pdf_chars: int = DEFAULT_MAX_PDF_CHARS
    source_date_epoch: int | None = None
    now: datetime = field(default_factory=lambda: datetime(1970, 1, 1, tzinfo=UTC))

    @property
    def built(self) -> datetime:
        """The build time printed in outputs: SOURCE_DATE_EPOCH when set."""
        if self.source_date_epoch is not None:
            return datetime.fromtimestamp(self.source_date_epoch, UTC)
        return self.now


@dataclass
class BuildResult:
    source: Path
    outputs: list[Path] = field(default_factory=list)
    error: PamphletError | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def options_from_env(**kwargs: object) -> BuildOptions:
    """BuildOptions with the clock and SOURCE_DATE_EPOCH read from the environment."""
    sde = os.environ.get("SOURCE_DATE_EPOCH")
    epoch: int | None = None
    if sde:
        try:
            epoch = int(sde)
        except ValueError:
            raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number, not {sde!r}") from None
    return BuildOptions(source_date_epoch=epoch, now=datetime.now(UTC), **kwargs)  # type: ignore[arg-type]


def default_sources(root: Path = Path(".")) -> list[Path]:
    seeds = root / "seeds"
    if not seeds.is_dir():
        raise UsageError("no sources given and there is no seeds/ folder here")
    found = sorted(p for p in seeds.iterdir() if p.is_file() and not p.name.startswith("."))
    if not found:
        raise UsageError("seeds/ is empty: put an article there or name sources to build")
    return found


def output_stems(sources: list[Path]) -> dict[Path, str]:
    """A distinct, safe output stem for every source."""
    stems: dict[Path, str] = {}
    taken: set[str] = set()
    for source in sources:
        stem = safe_stem(source.name)
        candidate, n = stem, 2
        while candidate.lower() in taken:
            candidate, n = f"{stem}-{n}", n + 1
        taken.add(candidate.lower())
        stems[source] = candidate
    return stems


def load(source: Path, options: BuildOptions) -> Document:
    return read_source(source, max_bytes=options.max_bytes, allow_remote=options.allow_remote)


class InternalError(PamphletError):
    """A bug: something raised that is not one of our errors. The cause is kept."""

    exit_code = 70


def prepare_out_dir(out: Path) -> None:
    """Create the output folder, or raise OutputError saying why it cannot be."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError("is a file, not a folder", str(out)) from None
    except NotADirectoryError:
        raise OutputError("cannot be created: part of the path is a file", str(out)) from None
    except OSError as exc:
        raise OutputError(f"cannot be created ({exc.strerror or exc})", str(out)) from None
    if not out.is_dir():
        raise OutputError("is not a folder", str(out))
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError("is not writable", str(out))


def build(
    sources: list[Path],
    options: BuildOptions,
    progress: Callable[[BuildResult], None] | None = None,
) -> list[BuildResult]:
    """Build every source; one failure never stops the others.

    The output folder is made first: if it cannot be, OutputError is raised
    before any source is read. Every output is written to a staging folder
    inside it and moved into place only when complete, so a failure never
    leaves a partial file nor replaces an earlier good one.
    """
    prepare_out_dir(options.out_dir)
    results = []
    stems = output_stems(sources)
    worker = PdfWorker(options) if "pdf" in options.formats else None
    try:
        for source in sources:
            results.append(_build_one(source, stems[source], options, worker))
            if progress:
                progress(results[-1])
    finally:
        if worker:
            worker.close()
    return results


def _build_one(
    source: Path, stem: str, options: BuildOptions, worker: PdfWorker | None
) -> BuildResult:
    """One source, with its failure kept in the result."""
    result = BuildResult(source)
    try:
        doc = load(source, options)
        build_document(doc, source, stem, options, result, worker)
    except PamphletError as exc:
        if exc.source is None:
            exc.source = str(source)
        result.error = exc
    except Exception as exc:  # a bug in a reader or writer: this source fails alone
        error = InternalError(
            f"internal error ({type(exc).__name__}: {exc})",
            str(source),
            "set PAMPHLET_DEBUG=1 for the traceback and please report it",
        )
        error.__cause__ = exc
        result.error = error
    return result


def build_document(
    doc: Document,
    source: Path,
    stem: str,
    options: BuildOptions,
    result: BuildResult,
    worker: PdfWorker | None = None,
) -> None:
    """Write every requested output of one document.

    The PDF (the slow part: WeasyPrint's layout) is laid out by `worker`, a
    forked child, while this process writes the HTML and the EPUB.
    """
    out = options.out_dir
    pdf_job: PdfJob | None = None
    pdf_refused: ExportError | None = None
    if "pdf" in options.formats:
        length = sum(len(t) for t in doc.texts())
        if length > options.max_pdf_chars:  # reported once the other outputs are written
            pdf_refused = ExportError(
                f"too long for a PDF ({length} characters; "
                f"the limit is {options.max_pdf_chars})",
                hint="raise it with --max-pdf-chars, or build only -f html -f epub",
            )
        else:
            pdf_job = (worker or PdfWorker(options, start=False)).submit(doc, source, stem)
    try:
        if "html" in options.formats:
            html = render_html(doc, RenderOptions(target="screen", css=read_style("screen.css")))
            dest = out / f"{stem}.html"
            atomic_write(dest, html)
            result.outputs.append(dest)
        if "epub" in options.formats:
            from .export.epub import write_epub

            with staging(out, stem) as stage:
                _export(lambda: write_epub(doc, stage / f"{stem}.epub", options), f"{stem}.epub")
                result.outputs.extend(publish(stage, [stage / f"{stem}.epub"], out))
    finally:
        pdf_done = pdf_job.result() if pdf_job else None
    if pdf_refused:
        raise pdf_refused
    if pdf_done is not None:
        written, notes = pdf_done
        result.outputs.extend(written)
        result.notes.extend(notes)


def export_pdf(
    doc: Document, source: Path, stem: str, options: BuildOptions
) -> tuple[list[Path], list[str]]:
    """Write <stem>.pdf (and booklet, print-shop) through a staging folder."""
    from .export.pdf import write_pdfs

    out = options.out_dir
    with staging(out, stem) as stage:
        written, notes = _export(
            lambda: write_pdfs(doc, stage, stem, source, options), f"{stem}.pdf"
        )
        return publish(stage, written, out), notes


@contextlib.contextmanager
def staging(out: Path, stem: str) -> Iterator[Path]:
    """A private folder inside `out` for one exporter's files; removed afterwards."""
    try:
        stage = Path(tempfile.mkdtemp(prefix=f".{stem}.", suffix=".part", dir=out))
    except OSError as exc:
        raise OutputError(f"cannot write to {out} ({exc.strerror or exc})", str(out)) from None
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def publish(stage: Path, written: list[Path], out: Path) -> list[Path]:
    """Move finished files from the staging folder into `out` (each move is atomic)."""
    placed = []
    for path in written:
        path = Path(path)
        if not path.is_file():
            raise ExportError(f"the exporter did not write {path.name}")
        dest = out / path.name
        try:
            os.chmod(path, 0o644)
            os.replace(path, dest)
        except OSError as exc:
            raise OutputError(f"cannot write ({exc.strerror or exc})", str(dest)) from None
        placed.append(dest)
    return placed


def _export(action: Callable[[], T], what: str) -> T:
    """Run an exporter; OS and resource errors it raises become ExportError."""
    try:
        return action()
    except PamphletError:
        raise
    except RecursionError:
        raise ExportError(f"could not write {what}: the document is nested too deeply") from None
    except MemoryError:
        raise ExportError(f"could not write {what}: out of memory") from None
    except (OSError, ValueError) as exc:
        raise ExportError(f"could not write {what}: {exc}") from exc
