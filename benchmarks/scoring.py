"""Scorers for the extraction benchmark (importable, no side effects).

- word tokens and bag-of-words precision / recall / F1 exactly as WCXB defines them:
  tokens = re.findall(r"\\w+", text.lower()), compared as multisets;
- snippet checks for WCXB's ``with`` (must be kept) and ``without`` (must not leak) lists;
- sentence recall for Mozilla Readability's expected article bodies;
- exact-match helpers for titles, bylines and dates.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
_WS = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…。])\s+|\n+")
_BY = re.compile(r"^\s*(by|von|par|por)\s+", re.I)


def tokens(text: str) -> list[str]:
    """WCXB's word tokens: runs of word characters, lower-cased."""
    return _TOKEN.findall(text.lower())


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def word_prf(predicted: str, gold: str) -> PRF:
    """Bag-of-words precision, recall and F1 (multiset intersection of tokens).

    Edge cases follow the benchmark: both empty is a perfect score; one empty scores 0.
    """
    pred, ref = Counter(tokens(predicted)), Counter(tokens(gold))
    n_pred, n_ref = sum(pred.values()), sum(ref.values())
    if n_pred == 0 and n_ref == 0:
        return PRF(1.0, 1.0, 1.0)
    if n_pred == 0 or n_ref == 0:
        return PRF(0.0, 0.0, 0.0)
    overlap = sum((pred & ref).values())
    precision, recall = overlap / n_pred, overlap / n_ref
    f1 = 0.0 if overlap == 0 else 2 * precision * recall / (precision + recall)
    return PRF(precision, recall, f1)


def normalize_ws(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _token_text(text: str) -> str:
    return " ".join(tokens(text))


def snippet_found(snippet: str, text_tokens: str) -> bool:
    """Is the snippet in the text (compared as token sequences, so spacing does not matter)?

    ``text_tokens`` is ``" ".join(tokens(text))`` computed once per page.
    """
    needle = _token_text(snippet)
    if not needle:
        return False
    return f" {needle} " in f" {text_tokens} "


def snippet_rates(text: str, kept: list[str], leaked: list[str]) -> tuple[int, int, int, int]:
    """(with snippets found, with total, without snippets found, without total)."""
    joined = _token_text(text)
    kept = [s for s in kept if tokens(s)]
    leaked = [s for s in leaked if tokens(s)]
    return (
        sum(snippet_found(s, joined) for s in kept),
        len(kept),
        sum(snippet_found(s, joined) for s in leaked),
        len(leaked),
    )


def sentences(text: str, min_words: int = 3) -> list[str]:
    """Sentences of a text (split at end punctuation and line breaks), as token strings."""
    out = []
    for part in _SENTENCE_END.split(text):
        toks = tokens(part)
        if len(toks) >= min_words:
            out.append(" ".join(toks))
    return out


def sentence_recall(predicted: str, gold: str) -> tuple[int, int]:
    """(gold sentences found in the prediction, gold sentences): nothing lost means equal."""
    haystack = f" {_token_text(predicted)} "
    gold_sentences = sentences(gold)
    found = sum(f" {s} " in haystack for s in gold_sentences)
    return found, len(gold_sentences)


def same_text(a: str | None, b: str | None) -> bool:
    """Exact match after whitespace normalisation (case kept)."""
    return normalize_ws(a) == normalize_ws(b)


def same_byline(predicted: str | None, gold: str | None) -> bool:
    """Exact match of bylines, ignoring spacing, case and a leading "By"."""
    a = _BY.sub("", normalize_ws(predicted)).casefold()
    b = _BY.sub("", normalize_ws(gold)).casefold()
    return a == b


def same_date(predicted: str | None, gold: str | None) -> bool:
    """Dates compared on their date part (YYYY-MM-DD) as written."""
    a, b = _date_part(predicted), _date_part(gold)
    return a is not None and a == b


def _date_part(value: str | None) -> str | None:
    if not value:
        return None
    match = re.search(r"\d{4}-\d{2}-\d{2}", value)
    return match.group(0) if match else None


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def median(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
