"""How long `pamphlet build` takes, and how much memory, next to WeasyPrint alone.

For the seed and for a 50-article document (the seed's article repeated 50
times, its comments once), it runs

  pamphlet build SRC -f html -f epub -f pdf        (the whole build)
  weasyprint -s print.css --pdf-variant pdf/ua-1 SRC.html OUT  (the same print HTML, alone)

RUNS times each, in fresh processes, and prints the median wall time and the
median peak memory (max RSS) of each, and their ratios. Targets: seed build
≤ 1.2× WeasyPrint's time and ≤ 1.3× its memory; 50 articles ≤ 1.1× its time.

    PYTHONPATH=src python benchmarks/build_bench.py            # 5 runs
    PYTHONPATH=src python benchmarks/build_bench.py --runs 1   # a quick look
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "russian-troops-out-of-kazakhstan.txt"
sys.path.insert(0, str(ROOT / "src"))

from pamphlet.export.pdf import print_css, print_html  # noqa: E402
from pamphlet.pipeline import BuildOptions, load  # noqa: E402

# Runs a command in a child and reports its wall time and peak RSS (KiB);
# the timer starts after this small wrapper's own start-up.
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
if done.returncode:
    sys.exit(done.stderr.decode(errors="replace")[-2000:])
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@dataclass(frozen=True)
class Sample:
    seconds: float
    max_rss_kib: int


def measure(command: list[str], env: dict[str, str]) -> Sample:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        check=True, capture_output=True, text=True, env=env,
    ).stdout.split()
    return Sample(float(out[0]), int(out[1]))


def fifty_articles(folder: Path) -> Path:
    """The seed with its article repeated 50 times (title and comments once)."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("The price of Liquid"))
    end = lines.index("Comments")
    body = "\n".join(lines[start:end]).strip()
    text = "\n".join(lines[:start]) + "\n" + "\n\n".join([body] * 50) + "\n\n"
    text += "\n".join(lines[end:]) + "\n"
    dest = folder / "fifty-articles.txt"
    dest.write_text(text, encoding="utf-8")
    return dest


def weasyprint_inputs(source: Path, folder: Path) -> tuple[Path, Path]:
    """The exact print HTML and CSS the build gives WeasyPrint, as files."""
    options = BuildOptions(now=datetime(2026, 1, 1, tzinfo=UTC))
    doc = load(source, options)
    html = source.parent / f"{source.stem}.print.html"  # beside the source: same base URL
    html.write_text(print_html(doc, options), encoding="utf-8")
    css = folder / "print.css"
    css.write_text(print_css(options.paper, doc.language), encoding="utf-8")
    return html, css


def bench(name: str, source: Path, runs: int, work: Path, env: dict[str, str]) -> dict[str, float]:
    out = work / f"out-{source.stem}"
    pamphlet = [sys.executable, "-m", "pamphlet", "build", str(source), "-o", str(out), "-q",
                "-f", "html", "-f", "epub", "-f", "pdf"]
    html, css = weasyprint_inputs(source, work)
    weasy = shutil.which("weasyprint")
    weasy_cmd = [weasy] if weasy else [sys.executable, "-m", "weasyprint"]
    weasy_cmd += ["-s", str(css), "--pdf-variant", "pdf/ua-1",
                  str(html), str(work / "weasyprint.pdf")]
    ours, theirs = [], []
    for _ in range(runs):  # interleaved, so drift in machine load hits both alike
        ours.append(measure(pamphlet, env))
        theirs.append(measure(weasy_cmd, env))
    t_ours = statistics.median(s.seconds for s in ours)
    t_weasy = statistics.median(s.seconds for s in theirs)
    m_ours = statistics.median(s.max_rss_kib for s in ours) / 1024
    m_weasy = statistics.median(s.max_rss_kib for s in theirs) / 1024
    print(f"{name:<12} pamphlet build  {t_ours:6.2f} s  {m_ours:6.0f} MiB")
    print(f"{'':<12} weasyprint CLI  {t_weasy:6.2f} s  {m_weasy:6.0f} MiB")
    print(f"{'':<12} ratio           {t_ours / t_weasy:6.2f}×   {m_ours / m_weasy:6.2f}×")
    return {"time_ratio": t_ours / t_weasy, "memory_ratio": m_ours / m_weasy}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (median)")
    parser.add_argument("--only", choices=("seed", "fifty"), help="one document only")
    args = parser.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SOURCE_DATE_EPOCH": "1767225600"}
    with tempfile.TemporaryDirectory(prefix="pamphlet-bench-") as tmp:
        work = Path(tmp)
        print(f"median of {args.runs} run(s); time is wall clock, memory is peak RSS")
        results = {}
        if args.only in (None, "seed"):
            seed = work / SEED.name  # a copy: the print HTML is written beside it
            shutil.copyfile(SEED, seed)
            results["seed"] = bench("seed", seed, args.runs, work, env)
        if args.only in (None, "fifty"):
            results["fifty"] = bench("50 articles", fifty_articles(work), args.runs, work, env)
    targets = {("seed", "time_ratio"): 1.2, ("seed", "memory_ratio"): 1.3,
               ("fifty", "time_ratio"): 1.1}
    for (doc, key), limit in targets.items():
        if doc in results:
            value = results[doc][key]
            verdict = "ok" if value <= limit else "OVER"
            print(f"target {doc} {key.replace('_', ' ')} ≤ {limit}: {value:.2f} {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
