"""Shared fixtures: the case files of tests/cases and the repository paths."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"


def load_cases(name: str) -> list[Any]:
    """The cases of ``tests/cases/<name>.jsonl`` as pytest params, with readable ids."""
    path = TESTS / "cases" / f"{name}.jsonl"
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        pytest.param(case, id=f"{name}:{k}:{case.get('span', case['text'][:20])!r}")
        for k, case in enumerate(cases)
    ]
