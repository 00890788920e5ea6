"""Extraction benchmark: pamphlet's readers against trafilatura on the shared corpora.

    PYTHONPATH=src python benchmarks/extraction.py                 # everything, 2 processes
    PYTHONPATH=src python benchmarks/extraction.py --limit 50      # a quick run
    PYTHONPATH=src python benchmarks/extraction.py --only wcxb --worst 10

Sections (a Markdown table each, ready to paste into the README):
- WCXB dev, article and forum pages, from the HTML: word F1 / precision / recall as WCXB defines
  them, ``with`` snippets kept and ``without`` snippets leaked, median ms per page;
- the same pages as plain-text dumps (all visible text, made with Resiliparse) read by
  pamphlet.sources.text.parse_text, next to the "keep everything" baseline;
- Mozilla Readability's pages: recall of the expected article's sentences, and exact matches of
  title, byline and published date where the gold has them.
WCXB's gold is a page's main content: an article without the comments under it, or a forum
thread with all its posts. "ours" is scored the same way: the document's main text
(Document.texts(reader_comments=False): readers' comments under an article are left out, a
discussion's replies stay); "ours + reader comments" scores everything the pamphlet prints.
WCXB's gold keeps the page's title apart from its main content (the title is a field of its own),
and trafilatura's text leaves it out too, so our title is not scored as content either. For
Mozilla's pages (recall: nothing lost) our text is everything, title included. The corpus is read
in place, never copied.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import scoring  # noqa: E402

DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus"


# ---- helpers run in the worker processes ---------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    from pamphlet.sources.decode import decode_bytes

    return decode_bytes(data, name, html=True)


def _doc_text(doc, reader_comments: bool = True, title: bool = True) -> str:
    texts = doc.texts(reader_comments=reader_comments)
    if not title:
        texts = texts[1:]  # Document.texts() starts with the title
    return "\n".join(t for t in texts if t)


def _ours(html: str, name: str, base_dir: Path):
    from pamphlet.errors import PamphletError
    from pamphlet.sources.html import parse_html

    start = time.perf_counter()
    try:
        doc = parse_html(html, name, base_dir=base_dir)
    except PamphletError as exc:
        return None, (time.perf_counter() - start) * 1000, exc.__class__.__name__
    return doc, (time.perf_counter() - start) * 1000, None


def _trafilatura(html: str):
    import trafilatura

    start = time.perf_counter()
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=True)
    except Exception:
        result = None
    ms = (time.perf_counter() - start) * 1000
    if result is None:
        return "", None, None, None, ms
    text = "\n".join(t for t in (result.text, result.comments) if t)
    return text, result.title, result.author, result.date, ms


def _plain_dump(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(
        html, main_content=False, list_bullets=True, alt_texts=False, preserve_formatting=True
    )


def wcxb_page(task: tuple[str, str, bool]) -> dict:
    html_path, gold_path, with_text = task
    name = Path(html_path).name
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    truth = gold.get("ground_truth", {})
    gold_text = truth.get("main_content") or ""
    kind = (gold.get("_internal", {}).get("page_type", {}) or {}).get("primary", "?")
    with gzip.open(html_path) as fh:
        html = _decode(fh.read(), name)
    row: dict = {"id": name, "type": kind}
    keep, leak = truth.get("with") or [], truth.get("without") or []
    doc, ms, error = _ours(html, name, Path(html_path).parent)
    ours = _doc_text(doc, reader_comments=False, title=False) if doc else ""
    row["ours"] = _score(ours, gold_text, keep, leak, ms, error)
    everything = _doc_text(doc, title=False) if doc else ""
    row["ours + reader comments"] = _score(everything, gold_text, keep, leak, ms, error)
    traf, *_rest, tms = _trafilatura(html)
    row["trafilatura"] = _score(traf, gold_text, keep, leak, tms, None)
    if with_text:
        row.update(_text_scores(html, name, gold_text, keep, leak))
    return row


def _text_scores(html, name, gold_text, keep, leak) -> dict:
    out: dict = {}
    try:
        dump = _plain_dump(html)
    except ImportError:
        return {"text_skip": "resiliparse is not installed"}
    out["keep everything"] = _score(dump, gold_text, keep, leak, 0.0, None)
    try:
        from pamphlet.sources.text import parse_text
    except ImportError:
        return {**out, "text_skip": "pamphlet.sources.text.parse_text is not there yet"}
    from pamphlet.errors import PamphletError

    start = time.perf_counter()
    try:
        doc = parse_text(dump, name + ".txt")
        text, error = _doc_text(doc, reader_comments=False, title=False), None
    except PamphletError as exc:
        text, error = "", exc.__class__.__name__
    ms = (time.perf_counter() - start) * 1000
    out["ours (text dump)"] = _score(text, gold_text, keep, leak, ms, error)
    return out


def _score(text, gold_text, keep, leak, ms, error) -> dict:
    prf = scoring.word_prf(text, gold_text)
    kept, n_keep, leaked, n_leak = scoring.snippet_rates(text, keep, leak)
    return {
        "p": prf.precision,
        "r": prf.recall,
        "f1": prf.f1,
        "ms": ms,
        "error": error,
        "kept": kept,
        "n_keep": n_keep,
        "leaked": leaked,
        "n_leak": n_leak,
    }


def _block_text(path: Path) -> str:
    """Text of an HTML file with a line break at every block element (for sentences)."""
    import lxml.html

    tree = lxml.html.fromstring(_decode(path.read_bytes(), path.name))
    for el in tree.iter(
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "tr",
        "blockquote",
        "pre",
        "td",
        "dd",
        "dt",
        "figcaption",
        "section",
    ):
        el.tail = "\n" + (el.tail or "")
    return tree.text_content()


def readability_page(case_dir: str) -> dict:
    case = Path(case_dir)
    html = _decode((case / "source.html").read_bytes(), "source.html")
    meta = json.loads((case / "expected-metadata.json").read_text(encoding="utf-8"))
    gold_text = _block_text(case / "expected.html")
    row: dict = {"id": case.name}
    doc, ms, error = _ours(html, str(case / "source.html"), case)
    ours = _doc_text(doc) if doc else ""
    found, total = scoring.sentence_recall(ours, gold_text)
    row["ours"] = {
        "found": found,
        "total": total,
        "ms": ms,
        "error": error,
        **_meta_matches(
            meta,
            doc.title if doc else None,
            ", ".join(doc.authors) if doc else None,
            doc.date if doc else None,
        ),
    }
    traf, title, author, date, tms = _trafilatura(html)
    found, total = scoring.sentence_recall(traf, gold_text)
    row["trafilatura"] = {
        "found": found,
        "total": total,
        "ms": tms,
        "error": None,
        **_meta_matches(meta, title, author, date),
    }
    return row


def _meta_matches(meta: dict, title, byline, date) -> dict:
    out = {}
    if meta.get("title"):
        out["title"] = scoring.same_text(title, meta["title"])
    if meta.get("byline"):
        out["byline"] = scoring.same_byline(byline, meta["byline"])
    if meta.get("publishedTime"):
        out["date"] = scoring.same_date(date, meta["publishedTime"])
    return out


# ---- tables --------------------------------------------------------------------------------


def _pct(num: float, den: float) -> str:
    return f"{num / den:.3f}" if den else "–"


def wcxb_table(rows: list[dict], extractors: list[str], title: str) -> str:
    lines = [
        f"### {title}",
        "",
        "| extractor | pages | type | F1 | precision | recall | `with` kept | `without` leaked "
        "| failed | ms/page (median) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in extractors:
        scored = [r for r in rows if name in r]
        groups: dict[str, list[dict]] = defaultdict(list)
        for r in scored:
            groups[r["type"]].append(r[name])
            groups["all"].append(r[name])
        for kind in sorted(groups, key=lambda k: (k == "all", k)):
            g = groups[kind]
            lines.append(
                f"| {name} | {len(g)} | {kind} "
                f"| {scoring.mean([s['f1'] for s in g]):.3f} "
                f"| {scoring.mean([s['p'] for s in g]):.3f} "
                f"| {scoring.mean([s['r'] for s in g]):.3f} "
                f"| {_pct(sum(s['kept'] for s in g), sum(s['n_keep'] for s in g))} "
                f"| {_pct(sum(s['leaked'] for s in g), sum(s['n_leak'] for s in g))} "
                f"| {sum(1 for s in g if s['error'])} "
                f"| {scoring.median([s['ms'] for s in g]):.1f} |"
            )
    return "\n".join(lines)


def readability_table(rows: list[dict]) -> str:
    lines = [
        "### Mozilla Readability test pages",
        "",
        "| extractor | pages | sentence recall | pages losing nothing | title exact "
        "| byline exact | date exact | failed | ms/page (median) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name in ("ours", "trafilatura"):
        g = [r[name] for r in rows]
        found, total = sum(s["found"] for s in g), sum(s["total"] for s in g)
        whole = sum(1 for s in g if s["found"] == s["total"])
        cells = []
        for key in ("title", "byline", "date"):
            have = [s[key] for s in g if key in s]
            cells.append(f"{_pct(sum(have), len(have))} ({len(have)})")
        lines.append(
            f"| {name} | {len(g)} | {_pct(found, total)} | {_pct(whole, len(g))} "
            f"| {' | '.join(cells)} | {sum(1 for s in g if s['error'])} "
            f"| {scoring.median([s['ms'] for s in g]):.1f} |"
        )
    return "\n".join(lines)


def _worst(rows: list[dict], n: int) -> str:
    ranked = sorted(rows, key=lambda r: r["ours"]["f1"] - r["trafilatura"]["f1"])[:n]
    out = ["", "Worst pages (ours − trafilatura F1):"]
    for r in ranked:
        o, t = r["ours"], r["trafilatura"]
        out.append(
            f"  {r['id']} {r['type']}: ours F1 {o['f1']:.3f} (P {o['p']:.2f} R {o['r']:.2f}) "
            f"trafilatura {t['f1']:.3f} (P {t['p']:.2f} R {t['r']:.2f}) {o['error'] or ''}"
        )
    return "\n".join(out)


def _wcxb_sets(corpus: Path) -> list[Path]:
    """Every folder of the corpus laid out as WCXB's sets are (html/ and ground-truth/)."""
    return sorted(
        d for d in corpus.iterdir() if (d / "html").is_dir() and (d / "ground-truth").is_dir()
    )


def _label(name: str) -> str:
    """'wcxb-dev' -> 'WCXB dev'; other set names are kept as they are."""
    head, _, tail = name.partition("-")
    return f"{head.upper()} {tail}".strip() if head.lower() == "wcxb" else name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="corpus folder (default: ../shared/corpus from the project root)",
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages of each set")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument(
        "--only",
        choices=("wcxb", "text", "readability"),
        action="append",
        help="run only these sections (repeatable)",
    )
    parser.add_argument("--worst", type=int, default=0, help="list the N worst WCXB pages")
    parser.add_argument("--save", type=Path, help="write the per-page WCXB rows to this JSON file")
    # Any folder of the corpus with html/ and ground-truth/ is scored as a WCXB set, so a
    # held-out split laid out the same way (e.g. wcxb-test/) gets its own tables.
    args = parser.parse_args(argv)
    sections = set(args.only or ("wcxb", "text", "readability"))
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    out: list[str] = []
    sets = _wcxb_sets(corpus) if sections & {"wcxb", "text"} else []
    readability = corpus / "readability"
    if not sets and not (readability.is_dir() and "readability" in sections):
        print(f"no WCXB-style set or readability folder in {corpus}", file=sys.stderr)
        return 2
    saved: list[dict] = []
    with Pool(args.jobs) as pool:
        for wcxb in sets:
            label = _label(wcxb.name)
            pages = sorted((wcxb / "html").glob("*.html.gz"))
            if args.limit:
                pages = pages[: args.limit]
            tasks = [
                (
                    str(p),
                    str(wcxb / "ground-truth" / (p.name.split(".")[0] + ".json")),
                    "text" in sections,
                )
                for p in pages
            ]
            rows = list(pool.imap(wcxb_page, tasks, chunksize=4))
            saved.extend({"set": wcxb.name, **r} for r in rows)
            if "wcxb" in sections:
                out.append(
                    wcxb_table(
                        rows,
                        ["ours", "ours + reader comments", "trafilatura"],
                        f"{label}, article and forum pages (HTML)",
                    )
                )
                if args.worst:
                    out.append(_worst(rows, args.worst))
            if "text" in sections:
                skip = next((r["text_skip"] for r in rows if "text_skip" in r), None)
                names = ["ours (text dump)", "keep everything"]
                table = wcxb_table(rows, names, f"{label} as plain-text dumps (Resiliparse)")
                out.append(table + (f"\n\n(text reader skipped: {skip})" if skip else ""))
        if args.save:
            args.save.write_text(json.dumps(saved, indent=1), encoding="utf-8")
        if "readability" in sections and readability.is_dir():
            cases = sorted(p for p in readability.iterdir() if (p / "source.html").is_file())
            if args.limit:
                cases = cases[: args.limit]
            rows = list(pool.imap(readability_page, [str(c) for c in cases], chunksize=2))
            out.append(readability_table(rows))
    print("\n\n".join(out))
    print(f"\n(run took {time.perf_counter() - started:.0f} s with {args.jobs} processes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
