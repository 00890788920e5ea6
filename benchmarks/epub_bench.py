"""Time the EPUB export against pandoc on the same machine and the same text.

    PYTHONPATH=src python benchmarks/epub_bench.py [--repeat 5]

Two documents: the seed, and an anthology of 50 copies of the seed's article
and comments in one Document. pandoc is given the same HTML rendering
(render_html) and writes an EPUB 3 from it. Times are the median of --repeat
runs, after imports (the first, cold export is printed separately).
Targets: the seed in <= 0.1 s; the anthology no slower than pandoc.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pamphlet.export.epub import write_epub
from pamphlet.model import Document, Heading
from pamphlet.pipeline import BuildOptions
from pamphlet.render import RenderOptions, render_html
from pamphlet.sources import read_source

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "russian-troops-out-of-kazakhstan.txt"


def anthology(doc: Document, copies: int = 50) -> Document:
    body = []
    for n in range(1, copies + 1):
        body.append(Heading(1, f"{n}. {doc.title}"))
        body.extend(doc.body)
    return dataclasses.replace(
        doc, title=f"{doc.title} (anthology)", body=tuple(body), comments=doc.comments * copies
    )


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ours(doc: Document, dest: Path) -> Callable[[], None]:
    options = BuildOptions(source_date_epoch=1_700_000_000)
    return lambda: write_epub(doc, dest, options)


def pandoc(doc: Document, folder: Path, name: str) -> Callable[[], None] | None:
    exe = shutil.which("pandoc")
    if exe is None:
        return None
    html = folder / f"{name}.html"
    html.write_text(render_html(doc, RenderOptions(target="screen")), encoding="utf-8")
    dest = folder / f"{name}-pandoc.epub"
    cmd = [
        exe,
        "-f",
        "html",
        "-t",
        "epub3",
        "-o",
        str(dest),
        str(html),
        "--metadata",
        f"title={doc.title}",
        "--metadata",
        f"lang={doc.language}",
    ]
    return lambda: subprocess.run(cmd, check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    seed = read_source(SEED)
    docs = {"seed": seed, "anthology x50": anthology(seed)}
    print(f"{'document':<15} {'pamphlet':>10} {'pandoc':>10} {'ratio':>7}  size (ours / pandoc)")
    with tempfile.TemporaryDirectory(prefix="epub-bench-") as tmp:
        folder = Path(tmp)
        cold = folder / "cold.epub"
        start = time.perf_counter()
        write_epub(seed, cold, BuildOptions())
        print(f"(first, cold export of the seed after import: {time.perf_counter() - start:.3f} s)")
        for name, doc in docs.items():
            slug = name.split()[0]
            dest = folder / f"{slug}.epub"
            ours_s = median_time(ours(doc, dest), args.repeat)
            run_pandoc = pandoc(doc, folder, slug)
            if run_pandoc is None:
                print(f"{name:<15} {ours_s:>9.3f}s {'n/a':>10}")
                continue
            theirs = median_time(run_pandoc, args.repeat)
            sizes = f"{dest.stat().st_size // 1024} KiB / "
            sizes += f"{(folder / f'{slug}-pandoc.epub').stat().st_size // 1024} KiB"
            print(f"{name:<15} {ours_s:>9.3f}s {theirs:>9.3f}s {ours_s / theirs:>7.2f}  {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
