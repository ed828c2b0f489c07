"""Combining the detectors' flags."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from ocrfix.detect import resolve_overlaps, strength
from ocrfix.types import Candidate, Flag, FlagKind


@st.composite
def flags(draw: st.DrawFn) -> list[Flag]:
    out = []
    for _ in range(draw(st.integers(0, 15))):
        start = draw(st.integers(0, 40))
        end = start + draw(st.integers(1, 8))
        confidence = draw(st.floats(0, 1))
        out.append(
            Flag(
                start,
                end,
                "x" * (end - start),
                FlagKind.NON_WORD,
                "test",
                confidence,
                (Candidate("y", confidence, "rule"),) if draw(st.booleans()) else (),
            )
        )
    return out


def reference(found: list[Flag]) -> list[Flag]:
    """The plain quadratic rule the fast version must match."""
    kept: list[Flag] = []
    for flag in sorted(found, key=strength, reverse=True):
        if all(flag.end <= o.start or flag.start >= o.end for o in kept):
            kept.append(flag)
    return sorted(kept, key=lambda f: (f.start, f.end))


@given(flags())
def test_resolve_overlaps_keeps_the_strongest_without_overlap(found: list[Flag]) -> None:
    kept = resolve_overlaps(found)
    assert kept == reference(found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(kept))
