"""The library API: check, fix, apply, and their invariants."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocrfix import Config, Decision, FlagKind, apply, check, fix

pytestmark = pytest.mark.slow

SENTENCES = [
    "The Defense Ministry said last week that the country had been liberated.",
    "He was charged with receiving the property well knowing it to have been stolen.",
    "In September last she engaged the female prisoner as a confidential servant.",
]
# OCR-like damage: typical confusions, a lost space, a stray mark.
DAMAGE = [("m", "rn"), ("h", "b"), ("d", "cl"), ("w", "vv"), (" ", ""), ("e", "c"), ("l", "1")]


@st.composite
def damaged(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SENTENCES))
    for _ in range(draw(st.integers(0, 3))):
        old, new = draw(st.sampled_from(DAMAGE))
        positions = [i for i in range(len(text)) if text.startswith(old, i)]
        if positions:
            i = draw(st.sampled_from(positions))
            text = text[:i] + new + text[i + len(old) :]
    return text


TEXTS = st.one_of(st.text(max_size=200), damaged())
# How many examples: hypothesis's profile (conftest.py; "thorough" for a long run).
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(TEXTS)
def test_flags_lie_inside_the_text_and_match_it(text: str) -> None:
    for flag in check(text):
        assert 0 <= flag.start < flag.end <= len(text)
        assert text[flag.start : flag.end] == flag.text
        assert 0.0 <= flag.confidence <= 1.0
        assert all(0.0 <= c.confidence <= 1.0 for c in flag.suggestions)


@SLOW
@given(TEXTS)
def test_applying_the_decisions_replays_the_fix(text: str) -> None:
    fixed = fix(text)
    assert apply(text, fixed.decisions) == fixed.text
    assert apply(text, []) == text


@SLOW
@given(damaged())
def test_fix_is_idempotent(text: str) -> None:
    once = fix(text).text
    assert fix(once).text == once


def test_fix_reads_its_output_again_for_what_its_corrections_bared() -> None:
    """Joining "the ," bares a comma after an article, a slip only the
    corrected text shows; the two rounds make one decision on the original."""
    text = "The clerk locked the , door of the hall."
    fixed = fix(text)
    assert fixed.text == "The clerk locked the door of the hall."
    (decision,) = fixed.decisions
    assert (decision.original, decision.replacement) == ("the ,", "the")
    assert apply(text, fixed.decisions) == fixed.text


def test_the_second_reading_takes_only_what_lies_next_to_a_correction() -> None:
    """A copy vouches for "TeX" in the first reading, which sees all the
    evidence; the second, reading the corrected text alone, must not undo
    that where no correction bared anything."""
    text = "When this file is read by TeX at night, the clerk locked the , door of the hall."
    copy = text.replace("the , door", "the door")
    assert fix(text, siblings=[copy]).text == copy


def test_the_second_reading_ranks_only_the_words_near_the_corrections() -> None:
    """Flags far from the corrections would be dropped anyway: their words are
    not ranked at all, and those near them are as in a full reading."""
    from ocrfix.detect_words import words
    from ocrfix.doc import FOCUS_REACH, focus_tokens, make_doc

    text = "He saw tbe man. " + "The day was fine. " * FOCUS_REACH + "Then tbe clerk left."
    at = text.rindex("clerk")
    doc = make_doc(text, Config(), near=[(at, at + 5)])
    assert doc.focus == focus_tokens(doc.tokens, [(at, at + 5)])
    assert 0 not in doc.focus and len(doc.tokens) - 1 in doc.focus
    full = make_doc(text, Config())
    assert [f.start for f in words(full)] == [text.index("tbe"), text.rindex("tbe")]
    assert [f.start for f in words(doc)] == [text.rindex("tbe")]


@pytest.mark.parametrize("text", SENTENCES)
def test_clean_sentences_are_untouched(text: str) -> None:
    assert fix(text).decisions == ()


def test_min_confidence_controls_what_fix_applies() -> None:
    text = "They sat at tbe table."
    assert fix(text, Config(min_confidence=0.5)).text == "They sat at the table."
    assert fix(text, Config(min_confidence=1.0)).text == text


def test_user_lexicon_protects_a_word() -> None:
    text = "They sat at tbe table."
    assert check(text, Config(lexicon=frozenset({"Tbe"}))) == []


def test_a_recurring_unknown_name_is_kept() -> None:
    text = "Khmeimim is a base. The Khmeimim base is in Syria."
    assert fix(text).text == text


def test_apply_refuses_a_decision_made_for_another_text() -> None:
    decision = Decision(0, 3, "tbe", "the", 0.9, "confusion", FlagKind.NON_WORD, "test")
    with pytest.raises(ValueError, match="another text"):
        apply("abc def", [decision])


def test_apply_refuses_overlapping_decisions() -> None:
    a = Decision(0, 3, "tbe", "the", 0.9, "confusion", FlagKind.NON_WORD, "test")
    b = Decision(2, 5, "e c", "ec", 0.9, "rule", FlagKind.SPLIT_WORD, "test")
    with pytest.raises(ValueError, match="overlap"):
        apply("tbe cat", [a, b])


def test_config_rejects_a_threshold_outside_zero_one() -> None:
    with pytest.raises(ValueError, match="min_confidence"):
        Config(min_confidence=1.5)


def test_empty_and_blank_text_have_no_flags() -> None:
    assert check("") == [] and check(" \n\t") == []


def test_token_confidences_take_the_lowest_of_the_spans_a_token_touches() -> None:
    from ocrfix.doc import token_confidences
    from ocrfix.tokens import tokenize

    tokens = tuple(tokenize("ab cd, ef"))
    found = token_confidences(tokens, [(0, 2, 0.9), (3, 6, 0.4), (3, 5, 0.7)])
    texts = {tokens[k].text: c for k, c in found.items()}
    assert texts == {"ab": 0.9, "cd": 0.4, ",": 0.4}
