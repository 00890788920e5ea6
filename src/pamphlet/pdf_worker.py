"""PDFs laid out in a forked child, overlapping with the rest of the build.

WeasyPrint's import (about a second) and layout are the slow part of a build.
The worker is forked when a build starts: while it imports WeasyPrint, this
process reads the first source; while it lays out one PDF, this process writes
that document's HTML and EPUB (and reads the next source). Documents go to the
child pickled through a pipe; its answer, or its PamphletError, comes back
the same way. Where fork is not available, or the child has died, the PDF is
made in this process instead.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import multiprocessing.process
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ExportError, PamphletError
from .model import Document

if TYPE_CHECKING:
    from .pipeline import BuildOptions

Answer = tuple[list[Path], list[str]]


def _serve(conn: multiprocessing.connection.Connection, options: BuildOptions) -> None:
    from . import pipeline

    with contextlib.suppress(Exception):  # a broken import is reported by the job itself
        from .export import pdf  # noqa: F401  (warm the import while the parent reads)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        if job is None:
            break
        doc, source, stem = job
        try:
            answer: object = ("ok", pipeline.export_pdf(doc, source, stem, options))
        except PamphletError as exc:
            answer = ("error", exc)
        except BaseException as exc:  # a bug: reported as one line by the parent
            answer = ("bug", f"{type(exc).__name__}: {exc}")
        conn.send(answer)
    conn.close()


class PdfJob:
    """One document's PDF, being made; `result()` waits for it."""

    def __init__(self, worker: PdfWorker, local: tuple[Document, Path, str] | None):
        self._worker = worker
        self._local = local

    def result(self) -> Answer:
        if self._local is not None:
            from .pipeline import export_pdf

            return export_pdf(*self._local, self._worker.options)
        return self._worker.receive()


class PdfWorker:
    def __init__(self, options: BuildOptions, *, start: bool = True):
        self.options = options
        self._process: multiprocessing.process.BaseProcess | None = None
        if start and "fork" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("fork")
            self._conn, child = ctx.Pipe()
            self._process = ctx.Process(target=_serve, args=(child, options), daemon=True)
            self._process.start()
            child.close()

    def submit(self, doc: Document, source: Path, stem: str) -> PdfJob:
        if self._process is not None:
            try:
                self._conn.send((doc, source, stem))
                return PdfJob(self, None)
            except (OSError, ValueError):
                self._stop()
        return PdfJob(self, (doc, source, stem))

    def receive(self) -> Answer:
        try:
            kind, value = self._conn.recv()
        except (EOFError, OSError):
            self._stop()
            raise ExportError("the PDF exporter died (out of memory?)") from None
        if kind == "error":
            raise value
        if kind == "bug":
            raise ExportError(f"could not write the PDF: internal error ({value})")
        return value  # type: ignore[no-any-return]

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._conn.close()
            self._process = None

    def close(self) -> None:
        if self._process is None:
            return
        with contextlib.suppress(OSError, ValueError):
            self._conn.send(None)
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._conn.close()
        self._process = None
