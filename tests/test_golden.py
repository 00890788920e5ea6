"""Golden JSON of the model for every text fixture and the seed.

Regenerate after an intended change with

    PAMPHLET_ACCEPT=1 python -m pytest tests/test_golden.py

and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pamphlet.errors import PamphletError
from pamphlet.sources.markdown import parse_markdown
from pamphlet.sources.text import parse_text

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
ACCEPT = os.environ.get("PAMPHLET_ACCEPT") == "1"
SOURCES = sorted(
    [
        ROOT / "seeds" / "russian-troops-out-of-kazakhstan.txt",
        *(HERE / "fixtures" / "text").glob("*.txt"),
        *(HERE / "fixtures" / "text").glob("*.md"),
    ]
)


def model_of(path: Path) -> dict:
    name = path.relative_to(ROOT).as_posix()
    text = path.read_text(encoding="utf-8")
    parse = parse_markdown if path.suffix == ".md" else parse_text
    try:
        return parse(text, name).to_dict()
    except PamphletError as exc:
        return {"error": type(exc).__name__, "message": exc.message, "source": exc.source}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_golden(path: Path):
    golden = GOLDEN / (path.name + ".json")
    actual = model_of(path)
    if ACCEPT:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert golden.exists(), f"no golden file; run PAMPHLET_ACCEPT=1 pytest {__file__}"
    assert actual == json.loads(golden.read_text(encoding="utf-8"))
