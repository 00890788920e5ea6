"""Where the HTML reader spends its time, on the WCXB dev pages (read in place, never copied).

    PYTHONPATH=src python benchmarks/html_profile.py                    # ms/page, 120 pages
    PYTHONPATH=src python benchmarks/html_profile.py --pages 300 --runs 3
    PYTHONPATH=src python benchmarks/html_profile.py --profile 30       # + cProfile, top 30
    PYTHONPATH=src python benchmarks/html_profile.py --profile 30 --sort cumulative

Each page is parsed ``--runs`` times in one process and its fastest time is kept: on a busy
machine the minimum is the time the code takes, the rest is waiting. The median and mean of those
minimums are printed, then (with ``--profile N``) the N costliest functions of one more pass.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gzip
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_PAGES = ROOT / ".." / "shared" / "corpus" / "wcxb-dev" / "html"


def _pages(folder: Path, count: int) -> list[tuple[str, str]]:
    from pamphlet.sources.decode import decode_bytes

    paths = sorted(folder.glob("*.html.gz"))[:count]
    return [(p.name, decode_bytes(gzip.open(p).read(), p.name, html=True)) for p in paths]


def _parse_all(pages: list[tuple[str, str]], folder: Path) -> list[float]:
    from pamphlet.errors import PamphletError
    from pamphlet.sources.html import parse_html

    times = []
    for name, html in pages:
        start = time.perf_counter()
        with contextlib.suppress(PamphletError):  # a page without text still took its time
            parse_html(html, name, base_dir=folder)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120, help="the first N pages (sorted)")
    parser.add_argument("--runs", type=int, default=2, help="parse each page this many times")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    parser.add_argument("--folder", type=Path, default=DEFAULT_PAGES)
    args = parser.parse_args(argv)
    folder = args.folder.resolve()
    pages = _pages(folder, args.pages)
    if not pages:
        print(f"no pages in {folder}", file=sys.stderr)
        return 1
    _parse_all(pages[:1], folder)  # imports and first-use setup are not a page's time
    best = [float("inf")] * len(pages)
    for _ in range(max(args.runs, 1)):
        best = [min(b, t) for b, t in zip(best, _parse_all(pages, folder), strict=True)]
    print(
        f"{len(pages)} pages, fastest of {args.runs} runs each: "
        f"median {statistics.median(best):.1f} ms/page, mean {statistics.fmean(best):.1f} ms/page"
    )
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        _parse_all(pages, folder)
        profile.disable()
        pstats.Stats(profile, stream=sys.stdout).sort_stats(args.sort).print_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
