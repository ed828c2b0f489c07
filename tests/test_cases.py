"""The data-driven cases of tests/cases (schema in tests/cases/README.md)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import load_cases

from ocrfix import check, fix

pytestmark = pytest.mark.slow


def assert_flag_case(case: dict[str, Any]) -> None:
    text, span = case["text"], case["span"]
    start = text.index(span)
    flags = [f for f in check(text) if f.start == start and f.end == start + len(span)]
    assert flags, f"{span!r} not flagged; flags: {check(text)}"
    flag = flags[0]
    assert flag.kind.value == case["kind"]
    if "suggestion" in case:
        assert flag.best is not None and flag.best.text == case["suggestion"], flag
    if "fixed" in case:
        assert fix(text).text == case["fixed"]


@pytest.mark.parametrize("case", load_cases("in-the-wild") + load_cases("synthetic"))
def test_flag_case(case: dict[str, Any]) -> None:
    assert_flag_case(case)


@pytest.mark.parametrize("case", load_cases("negative"))
def test_clean_text_is_left_alone(case: dict[str, Any]) -> None:
    text = case["text"]
    assert check(text) == []
    assert fix(text).text == text


@pytest.mark.parametrize("case", load_cases("known-failures"))
@pytest.mark.xfail(strict=True, reason="known failure; move the case once it passes")
def test_known_failure(case: dict[str, Any]) -> None:
    assert_flag_case(case)
