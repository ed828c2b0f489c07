"""A short run of every fuzz target (``fuzz/run.py`` runs them at scale), and the
cases fuzzing found, kept as regression tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
import regex

from ocrfix import check
from ocrfix.tokens import tokenize

pytestmark = pytest.mark.slow


def load_fuzz() -> ModuleType:
    path = Path(__file__).parent.parent / "fuzz" / "run.py"
    spec = importlib.util.spec_from_file_location("ocrfix_fuzz", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ocrfix_fuzz"] = module
    spec.loader.exec_module(module)
    return module


FUZZ = load_fuzz()


@pytest.mark.parametrize("target", FUZZ.TARGETS, ids=lambda t: t.name)
def test_fuzz_smoke(target: object) -> None:
    count, _, outcome = FUZZ.run(target, cases=150, seed=1)
    assert outcome == "ok" and count >= 150


@pytest.mark.parametrize("text", ['"\u03000', "a \u0301b", "\u201c\u0301word"])
def test_a_combining_mark_stays_with_the_mark_or_space_before_it(text: str) -> None:
    """Found by fuzzing: a combining mark after a quote began a word token, so a
    flag started inside a grapheme."""
    starts = {m.start() for m in regex.finditer(r"\X", text)}
    assert all(t.start in starts for t in tokenize(text))
    assert all(f.start in starts for f in check(text))


def test_a_flag_is_widened_to_whole_graphemes() -> None:
    """Found by fuzzing: specks after a space that carries a combining mark were
    flagged from the mark on, cutting the grapheme; the flag (and its
    suggestion) now takes the whole grapheme."""
    text = "of Islamic State (IS) \u0301-\nmilitants, two years after"
    starts = {m.start() for m in regex.finditer(r"\X", text)} | {len(text)}
    flags = check(text)
    assert flags
    for flag in flags:
        assert flag.start in starts and flag.end in starts
        assert text[flag.start : flag.end] == flag.text
