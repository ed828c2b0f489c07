"""Replaying decisions, and composing two rounds of them into one on the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ocrfix.replay import apply, compose
from ocrfix.types import Decision, FlagKind


def _decision(text: str, start: int, end: int, replacement: str, reason: str) -> Decision:
    return Decision(
        start, end, text[start:end], replacement, 0.8, "rule", FlagKind.PUNCTUATION, reason
    )


@st.composite
def decisions_on(draw: st.DrawFn, text: str, reason: str) -> list[Decision]:
    """Non-overlapping decisions on ``text``: spans (some empty) and replacements."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    out = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        out.append(_decision(text, start, end, draw(st.text("xyz ,", max_size=3)), reason))
    return out


@st.composite
def two_rounds(draw: st.DrawFn) -> tuple[str, list[Decision], list[Decision]]:
    text = draw(st.text("abc .", max_size=20))
    first = draw(decisions_on(text, "first"))
    second = draw(decisions_on(apply(text, first), "second"))
    return text, first, second


@given(two_rounds())
def test_composed_decisions_replay_both_rounds_on_the_original(
    rounds: tuple[str, list[Decision], list[Decision]],
) -> None:
    text, first, second = rounds
    composed = compose(text, first, second)
    assert apply(text, composed) == apply(apply(text, first), second)
    assert all(text[d.start : d.end] == d.original for d in composed)


def test_a_second_decision_clear_of_the_first_moves_back_over_its_growth() -> None:
    text = "arid went and. sent"
    first = [_decision(text, 0, 4, "and so", "a word")]
    middle = apply(text, first)  # "and so went and. sent"
    second = [_decision(middle, 15, 16, "", "a stop")]
    kept, moved = compose(text, first, second)
    assert kept == first[0]
    assert (moved.start, moved.end, moved.original, moved.replacement) == (13, 14, ".", "")


def test_a_second_decision_touching_a_first_is_merged_with_it() -> None:
    text = "the , door"
    first = [_decision(text, 0, 5, "the,", "a space before punctuation")]
    second = [_decision("the, door", 3, 4, "", "a mark after an article")]
    (merged,) = compose(text, first, second)
    assert (merged.start, merged.end, merged.original, merged.replacement) == (
        0,
        5,
        "the ,",
        "the",
    )
    assert merged.reason == "a space before punctuation; then a mark after an article"
