from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "russian-troops-out-of-kazakhstan.txt"
CORPUS = ROOT.parent / "shared" / "corpus"

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def seed() -> Path:
    return SEED


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: renders PDFs or runs external validators")
