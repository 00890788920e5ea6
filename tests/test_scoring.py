"""The benchmark's scorer on hand-made cases, and a floor on a small fixed corpus sample."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import scoring  # noqa: E402

CORPUS = ROOT / ".." / "shared" / "corpus"


def test_tokens_are_lowercased_word_runs():
    assert scoring.tokens("Hello, World! It's 2024_x ünïcode") == [
        "hello",
        "world",
        "it",
        "s",
        "2024_x",
        "ünïcode",
    ]
    assert scoring.tokens("  ... ") == []


def test_word_prf_counts_repeated_words_as_a_bag():
    # predicted: a a b c (4 tokens); gold: a b b d (4 tokens); overlap: a, b = 2
    prf = scoring.word_prf("a a b c", "a b b d")
    assert prf.precision == pytest.approx(0.5)
    assert prf.recall == pytest.approx(0.5)
    assert prf.f1 == pytest.approx(0.5)
    prf = scoring.word_prf("the cat sat", "the cat sat on the mat")
    assert prf.precision == pytest.approx(1.0)
    assert prf.recall == pytest.approx(0.5)
    assert prf.f1 == pytest.approx(2 / 3)


def test_word_prf_edge_cases():
    assert scoring.word_prf("", "") == scoring.PRF(1.0, 1.0, 1.0)
    assert scoring.word_prf("", "gold text").f1 == 0.0
    assert scoring.word_prf("some text", "").f1 == 0.0
    assert scoring.word_prf("x y", "a b").f1 == 0.0
    assert scoring.word_prf("Order, Words!", "words order").f1 == pytest.approx(1.0)


def test_snippets_match_on_token_sequences():
    text = "Breaking:  the council\nvoted to close the library. Share on Facebook"
    kept, n_keep, leaked, n_leak = scoring.snippet_rates(
        text,
        ["the council voted", "close the library", "never said"],
        ["Share on Facebook", "Subscribe now", "..."],
    )
    assert (kept, n_keep, leaked, n_leak) == (2, 3, 1, 2)
    # a snippet must match whole words, not parts of them
    assert not scoring.snippet_found("cil vot", "the council voted")


def test_sentence_recall():
    gold = "First sentence is here. Second one follows! Tiny. Third line here\nends the text"
    assert scoring.sentences(gold) == [
        "first sentence is here",
        "second one follows",
        "third line here",
        "ends the text",
    ]
    found, total = scoring.sentence_recall("first sentence is here and second one follows", gold)
    assert (found, total) == (2, 4)


def test_exact_match_helpers():
    assert scoring.same_text("  A  title\n", "A title")
    assert not scoring.same_text("A title", "a title")
    assert scoring.same_byline("Jane Doe", "By  Jane Doe")
    assert not scoring.same_byline("Jane Doe", "Jane Doe, Reuters")
    assert scoring.same_date("2019-04-30T13:39", "2019-04-30T13:39:00-04:00")
    assert not scoring.same_date("2019-04-29", "2019-04-30")
    assert not scoring.same_date(None, "2019-04-30")
    assert scoring.median([3, 1, 2]) == 2 and scoring.median([4, 1, 2, 3]) == 2.5


@pytest.mark.skipif(not (CORPUS / "wcxb-dev").is_dir(), reason="../shared/corpus is absent")
def test_floor_on_first_wcxb_pages():
    from pamphlet.sources.decode import decode_bytes
    from pamphlet.sources.html import parse_html

    wanted = {"article": 12, "forum": 6}  # the first pages of each type
    scores: dict[str, list[float]] = {"article": [], "forum": []}
    for page in sorted((CORPUS / "wcxb-dev" / "html").glob("*.html.gz")):
        truth = CORPUS / "wcxb-dev" / "ground-truth" / (page.name.split(".")[0] + ".json")
        gold = json.loads(truth.read_text(encoding="utf-8"))
        kind = (gold.get("_internal", {}).get("page_type") or {}).get("primary")
        if kind not in wanted or len(scores[kind]) >= wanted[kind]:
            continue
        with gzip.open(page) as fh:
            html = decode_bytes(fh.read(), page.name, html=True)
        doc = parse_html(html, page.name, base_dir=page.parent)
        text = "\n".join(doc.texts(reader_comments=False))  # main content, as WCXB's gold
        scores[kind].append(scoring.word_prf(text, gold["ground_truth"]["main_content"]).f1)
    assert [len(scores[k]) for k in wanted] == list(wanted.values())
    assert scoring.mean(scores["article"]) >= 0.8
    assert scoring.mean(scores["forum"]) >= 0.7
    assert min(scores["article"] + scores["forum"]) >= 0.2  # 0503's gold cuts a long log short


@pytest.mark.skipif(not (CORPUS / "readability").is_dir(), reason="../shared/corpus is absent")
def test_floor_on_first_readability_pages():
    import lxml.html

    from pamphlet.sources.decode import decode_bytes
    from pamphlet.sources.html import parse_html

    cases = sorted(p for p in (CORPUS / "readability").iterdir() if (p / "source.html").is_file())
    found = total = titles = 0
    for case in cases[:12]:
        html = decode_bytes((case / "source.html").read_bytes(), "source.html", html=True)
        meta = json.loads((case / "expected-metadata.json").read_text(encoding="utf-8"))
        try:
            doc = parse_html(html, str(case), base_dir=case)
        except Exception:
            continue
        expected = lxml.html.fromstring(
            decode_bytes((case / "expected.html").read_bytes(), "expected.html", html=True)
        )
        for el in expected.iter("p", "li", "div", "h1", "h2", "h3", "br"):
            el.tail = "\n" + (el.tail or "")
        f, t = scoring.sentence_recall("\n".join(doc.texts()), expected.text_content())
        found, total = found + f, total + t
        titles += scoring.same_text(doc.title, meta.get("title"))
    assert total > 0 and found / total >= 0.85
    assert titles >= 9
