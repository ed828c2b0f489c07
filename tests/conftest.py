"""Shared fixtures: the case files of tests/cases and the repository paths."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

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


# CI runs the property tests with a fixed seed, so that a run is repeatable;
# locally hypothesis keeps exploring new examples.
settings.register_profile("ci", derandomize=True)
# A long search for counter-examples: pytest --hypothesis-profile=thorough
settings.register_profile("thorough", max_examples=2000)
if os.environ.get("CI"):
    settings.load_profile("ci")
