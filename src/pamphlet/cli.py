"""The command line: the only module that prints or chooses exit codes."""

from __future__ import annotations

import os
import re
import sys
import traceback
from pathlib import Path
from typing import IO

import click

from . import __version__
from .errors import SOME_FAILED, PamphletError, UsageError
from .pipeline import (
    DEFAULT_MAX_PDF_CHARS,
    FORMATS,
    PAPERS,
    BuildResult,
    InternalError,
    build,
    default_sources,
    load,
    options_from_env,
)
from .sources import DEFAULT_MAX_BYTES

INTERNAL_ERROR = InternalError.exit_code


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_line(text: str) -> str:
    """One printable line: controls, bidi overrides and undecodable bytes are escaped.

    A hostile file name or page title must not move the cursor, recolour the
    terminal, break the one-line message in two or crash the print.
    """
    return _UNPRINTABLE.sub(lambda m: ascii(m.group())[1:-1], text)


def _say(text: str, err: bool = False) -> None:
    click.echo(clean_line(text), err=err)


def _size(text: str, binary: bool = True) -> int:
    """'25M', '500k', '1000000' -> bytes (or, binary=False, 1M = 1,000,000)."""
    base = 1024 if binary else 1000
    units = {"k": base, "m": base**2, "g": base**3}
    text = text.strip().lower().removesuffix("b")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        value = int(float(number) * factor)
    except (ValueError, OverflowError):
        raise click.BadParameter(f"{text!r} is not a size such as 25M") from None
    if value <= 0:
        raise click.BadParameter("must be more than zero")
    return value


def _variant(text: str) -> str | None:
    """'none' -> None; a WeasyPrint PDF variant as it is; anything else is a usage error."""
    value = text.strip().lower()
    if value == "none":
        return None
    from weasyprint.pdf import VARIANTS

    if value not in VARIANTS:
        raise UsageError(f"--pdf-variant {text!r} is not one of: none, {', '.join(VARIANTS)}")
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="pamphlet")
def app() -> None:
    """Turn web articles into pamphlets: an EPUB and a print-ready PDF.

    Sources are plain-text scrapes (.txt), saved web pages (.html, .htm,
    optionally .gz) and Markdown (.md).
    """


@app.command("build")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out-dir", type=click.Path(path_type=Path), default=Path("dist"),
              show_default=True, help="Folder for the outputs.")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(FORMATS),
              help="Only these outputs (repeatable). Default: html, epub and pdf.")
@click.option("--paper", type=click.Choice(PAPERS), default="a5", show_default=True,
              help="Page size of the PDF.")
@click.option("--booklet", is_flag=True,
              help="Also write <stem>-booklet.pdf: pages imposed two-up for folding.")
@click.option("--print-shop", is_flag=True,
              help="Also write <stem>-print.pdf with 3 mm bleed and crop marks.")
@click.option("--pdf-variant", default="pdf/ua-1", show_default=True,
              help="WeasyPrint PDF variant (e.g. pdf/a-3b), or 'none'.")
@click.option("--allow-remote", is_flag=True,
              help="Let the build fetch remote images and styles (off: no network).")
@click.option("--max-size", default=str(DEFAULT_MAX_BYTES // 1024**2) + "M", show_default=True,
              help="Refuse sources larger than this.")
@click.option("--max-pdf-chars", default=str(DEFAULT_MAX_PDF_CHARS), show_default=True,
              help="Do not lay out a PDF of a document longer than this many characters.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def build_command(
    sources: tuple[Path, ...],
    out_dir: Path,
    formats: tuple[str, ...],
    paper: str,
    booklet: bool,
    print_shop: bool,
    pdf_variant: str,
    allow_remote: bool,
    max_size: str,
    max_pdf_chars: str,
    quiet: bool,
) -> None:
    """Build SOURCES (default: every file in seeds/) into the output folder."""
    chosen = tuple(f for f in FORMATS if f in formats) if formats else FORMATS
    if (booklet or print_shop) and "pdf" not in chosen:
        raise UsageError("--booklet and --print-shop need the pdf format")
    options = options_from_env(
        out_dir=out_dir,
        formats=chosen,
        paper=paper,
        booklet=booklet,
        print_shop=print_shop,
        pdf_variant=_variant(pdf_variant),
        allow_remote=allow_remote,
        max_bytes=_size(max_size),
        max_pdf_chars=_size(max_pdf_chars, binary=False),
    )
    paths = list(sources) or default_sources()

    def report(result: BuildResult) -> None:
        if result.error:
            _debug(result.error)
            _say(f"error: {result.error.line()}", err=True)
        elif not quiet:
            names = ", ".join(str(p) for p in result.outputs)
            _say(f"built {result.source} -> {names}")
            for note in result.notes:
                for line in note.splitlines():
                    _say(f"  {line}")

    results = build(paths, options, progress=report)
    failed = [r for r in results if not r.ok]
    if failed and len(results) > 1:
        names = ", ".join(str(r.source) for r in failed)
        _say(f"{len(failed)} of {len(results)} sources failed: {names}", err=True)
    if failed:
        codes = {r.error.exit_code for r in failed if r.error}
        raise click.exceptions.Exit(codes.pop() if len(results) == 1 else SOME_FAILED)


@app.command("inspect")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="The document model as JSON (JSON Lines for several).")
@click.option("--indent", type=int, default=None, help="Indent the JSON (one source only).")
@click.option("--allow-remote", is_flag=True, help="Keep remote image addresses.")
@click.option("--max-size", default=str(DEFAULT_MAX_BYTES // 1024**2) + "M", show_default=True,
              help="Refuse sources larger than this.")
def inspect_command(
    sources: tuple[Path, ...], as_json: bool, indent: int | None, allow_remote: bool, max_size: str
) -> None:
    """Show the document model read from SOURCES, and what the cleaner removed."""
    options = options_from_env(allow_remote=allow_remote, max_bytes=_size(max_size))
    failures: list[PamphletError] = []
    for source in sources:
        try:
            doc = load(source, options)
        except PamphletError as exc:
            exc.source = exc.source or str(source)
            _say(f"error: {exc.line()}", err=True)
            failures.append(exc)
            continue
        if as_json:
            click.echo(doc.to_json(indent=indent if len(sources) == 1 else None))
        else:
            _summary(doc)
    if failures:
        raise click.exceptions.Exit(failures[0].exit_code if len(sources) == 1 else SOME_FAILED)


def _summary(doc) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    def t(text: object) -> str:  # source text is never rich markup
        return escape(clean_line(str(text)))

    console = Console()
    console.print(f"[bold]{t(doc.title)}[/bold]")
    if doc.subtitle:
        console.print(t(doc.subtitle))
    console.print(
        t(
            f"authors: {', '.join(doc.authors) or '-'}   publisher: {doc.publisher or '-'}   "
            f"date: {doc.date or '-'}   language: {doc.language}   url: {doc.url or '-'}"
        )
    )
    kinds: dict[str, int] = {}
    for block in doc.body:
        kinds[block.type] = kinds.get(block.type, 0) + 1
    console.print("body: " + ", ".join(f"{n} {k}" for k, n in kinds.items()))
    console.print(f"comments: {len(doc.comments)}   demands lists: {len(doc.demands)}")
    if doc.removed:
        table = Table("line", "code", "reason", "text", title="removed")
        for r in doc.removed:
            table.add_row(str(r.line), t(r.code), t(r.reason), t(r.text[:60]))
        console.print(table)


def _debug(exc: BaseException) -> None:
    """The traceback of a bug, when PAMPHLET_DEBUG is set."""
    if not os.environ.get("PAMPHLET_DEBUG"):
        return
    if isinstance(exc, InternalError) and exc.__cause__ is not None:
        exc = exc.__cause__
    elif isinstance(exc, PamphletError):
        return
    traceback.print_exception(exc, file=sys.stderr)


def main(argv: list[str] | None = None, stdout: IO[str] | None = None,
         stderr: IO[str] | None = None) -> int:
    """Run the CLI; returns the exit code (tests call this in-process)."""
    old = sys.stdout, sys.stderr
    if stdout is not None:
        sys.stdout = stdout
    if stderr is not None:
        sys.stderr = stderr
    try:
        code = app.main(args=argv, prog_name="pamphlet", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("error: interrupted", err=True)
        return 130
    except click.ClickException as exc:
        _say(f"error: {' '.join(exc.format_message().split())}", err=True)
        return 2
    except PamphletError as exc:
        _say(f"error: {exc.line()}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("error: interrupted", err=True)
        return 130
    except Exception as exc:  # a bug: one line, not a traceback, unless asked for
        _debug(exc)
        _say(
            f"error: internal error ({type(exc).__name__}: {exc}); "
            "set PAMPHLET_DEBUG=1 for the traceback and please report it",
            err=True,
        )
        return INTERNAL_ERROR
    finally:
        sys.stdout, sys.stderr = old
