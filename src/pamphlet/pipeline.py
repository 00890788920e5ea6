"""build(sources, options): read -> clean -> parse -> render -> export.

Effects live here and in cli.py: the clock and SOURCE_DATE_EPOCH are read by
the caller and passed in as values; files are written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .errors import ExportError, PamphletError, UsageError
from .fsutil import atomic_write, safe_stem
from .model import Document
from .render import RenderOptions, read_style, render_html
from .sources import DEFAULT_MAX_BYTES, read_source

FORMATS = ("html", "epub", "pdf")
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


def build(
    sources: list[Path],
    options: BuildOptions,
    progress: Callable[[BuildResult], None] | None = None,
) -> list[BuildResult]:
    """Build every source; one failure never stops the others."""
    results = []
    stems = output_stems(sources)
    for source in sources:
        result = BuildResult(source)
        try:
            doc = load(source, options)
            build_document(doc, source, stems[source], options, result)
        except PamphletError as exc:
            if exc.source is None:
                exc.source = str(source)
            result.error = exc
        results.append(result)
        if progress:
            progress(result)
    return results


def build_document(
    doc: Document, source: Path, stem: str, options: BuildOptions, result: BuildResult
) -> None:
    out = options.out_dir
    if "html" in options.formats:
        html = render_html(doc, RenderOptions(target="screen", css=read_style("screen.css")))
        dest = out / f"{stem}.html"
        atomic_write(dest, html)
        result.outputs.append(dest)
    if "epub" in options.formats:
        from .export.epub import write_epub

        dest = out / f"{stem}.epub"
        _export(lambda: write_epub(doc, dest, options), dest)
        result.outputs.append(dest)
    if "pdf" in options.formats:
        from .export.pdf import write_pdfs

        written, notes = _export(lambda: write_pdfs(doc, out, stem, source, options), out)
        result.outputs.extend(written)
        result.notes.extend(notes)


def _export(action: Callable[[], object], dest: Path):  # type: ignore[no-untyped-def]
    """Run an exporter; anything it raises that is not ours becomes ExportError."""
    try:
        return action()
    except PamphletError:
        raise
    except (OSError, MemoryError, RecursionError, ValueError) as exc:
        raise ExportError(f"could not write {dest.name}: {exc}") from exc
