"""Errors are types with exit codes; the CLI maps them to one line on stderr.

Exit codes (documented in the README):
  0  everything built
  1  some sources failed, others built (a build of several sources)
  2  usage error (bad option or argument)
  3  source not found, is a directory, or cannot be read
  4  source is empty, binary, undecodable or too large
  5  source has no usable content (only boilerplate, unparseable)
  6  output cannot be written
  7  an exporter failed (EPUB or PDF could not be made)
"""

from __future__ import annotations


class PamphletError(Exception):
    """Base of every error pamphlet reports to a user."""

    exit_code = 1

    def __init__(self, message: str, source: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.hint = hint

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # keep source and hint when an error crosses a process boundary
        return (type(self), (self.message, self.source, self.hint))

    def line(self) -> str:
        """The one line a user sees."""
        where = f"{self.source}: " if self.source else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


class UsageError(PamphletError):
    exit_code = 2


class SourceNotReadable(PamphletError):
    exit_code = 3


class BadSource(PamphletError):
    exit_code = 4


class NoContent(PamphletError):
    exit_code = 5


class OutputError(PamphletError):
    exit_code = 6


class ExportError(PamphletError):
    exit_code = 7


SOME_FAILED = 1
