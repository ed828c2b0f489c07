"""The OCR error model and its data file."""

from __future__ import annotations

import pytest

from ocrfix.candidates import confusion_variants, match_case
from ocrfix.confusions import (
    CONFUSION_FILE,
    GENERIC_SUBSTITUTION,
    channel_cost,
    load_rules,
)
from ocrfix.data import read_text, rows


def test_identical_strings_cost_nothing() -> None:
    assert channel_cost("modern", "modern") == 0.0


@pytest.mark.parametrize(
    ("intended", "typical", "odd"),
    [
        ("modern", "rnodern", "xodern"),
        ("the", "tbe", "tqe"),
        ("was", "wvas", "wzas"),
        ("did", "clid", "xzid"),
        ("Illinois", "1llinois", "Xllinois"),
    ],
)
def test_typical_confusions_cost_less_than_arbitrary_edits(
    intended: str, typical: str, odd: str
) -> None:
    assert channel_cost(intended, typical) < channel_cost(intended, odd)


def test_an_arbitrary_substitution_costs_the_generic_price() -> None:
    assert channel_cost("cat", "cqt") == GENERIC_SUBSTITUTION


def test_lower_case_rules_apply_to_upper_case() -> None:
    assert channel_cost("MODERN", "RNODERN") == channel_cost("modern", "rnodern")


def test_every_row_of_the_table_is_well_formed() -> None:
    for row in rows(CONFUSION_FILE):
        assert len(row) == 3, row
        intended, observed, cost = row
        assert intended and observed and intended != observed, row
        assert 0.0 < float(cost) < GENERIC_SUBSTITUTION, row


def test_the_table_says_where_it_came_from() -> None:
    header = read_text(CONFUSION_FILE).split("\n\n")[0]
    assert "Where it came from" in read_text(CONFUSION_FILE)
    assert header.startswith("#")


def test_rules_are_indexed_by_first_intended_character() -> None:
    for first, rules in load_rules().items():
        assert all(rule.intended.startswith(first) for rule in rules)


def test_variants_undo_confusions_within_known_prefixes() -> None:
    words = ["the", "whole"]
    prefixes = frozenset(w[:k] for w in words for k in range(1, len(w) + 1))
    assert confusion_variants("tbe", prefixes) == {"the": 1.0}
    assert "whole" in confusion_variants("vvhole", prefixes)
    assert confusion_variants("xyz", prefixes) == {}


@pytest.mark.parametrize(
    ("word", "pattern", "expected"),
    [
        ("march", "MARCH", "MARCH"),
        ("march", "Marсh", "March"),
        ("i", "1", "i"),
        ("of the", "Ofthe", "Of the"),
        ("station", "STATIOn", "STATION"),  # a word in capitals, one case slip
        ("ring", "RIng", "Ring"),
    ],
)
def test_match_case(word: str, pattern: str, expected: str) -> None:
    assert match_case(word, pattern) == expected


def test_a_commoner_word_an_edit_away_beats_a_typical_confusion() -> None:
    """ "hlve" is one typical confusion from "live" (i read as l) and one edit
    from "have": the index is searched too, and the commoner word ranks first."""
    from ocrfix import check

    (flag,) = check("They hlve gone home and sat down by the fire.")
    assert flag.best is not None and flag.best.text == "have"


def test_a_typical_confusion_undone_takes_the_words_case_not_the_slips() -> None:
    """ "Ari2ona": the confusion (2 for z) is undone in the word's own case."""
    from ocrfix import check

    (flag,) = check("She said that Ari2ona had been dry before the rain.")
    assert flag.best is not None and flag.best.text == "Arizona"


def test_a_capital_the_correction_replaces_inside_a_sentence_was_a_misread_small_letter() -> None:
    """ "came home very Iate": "I" was "l" misread, so the word is "late", not
    "Late"; at a sentence's start it stays a capital, and a name mended
    without touching its capital keeps it."""
    from ocrfix import check

    def best(text: str, word: str) -> str:
        (flag,) = [f for f in check(text) if f.text == word]
        return flag.suggestions[0].text

    assert best("She came home very Iate that night.", "Iate") == "late"
    assert best("She came home. Iate that night she left.", "Iate") == "Late"
    assert best("He took the train to Lonclon on a wet morning.", "Lonclon") == "London"


def test_a_long_word_two_typical_confusions_from_a_word_is_corrected() -> None:
    """ "kiteheu": c read as e and n as u; a long word has few
    neighbours, so the reading is surer than its frequency alone says."""
    from ocrfix import fix

    assert (
        fix("The man went to the kiteheu at noon.").text == "The man went to the kitchen at noon."
    )


def test_long_strings_keep_a_misreadings_exact_cost_along_the_diagonal() -> None:
    """Past BAND characters the distance is computed near the diagonal only: a
    misreading keeps the strings in step, so its cost is what it is for short
    strings; strings too long even for that are priced by the generic distance."""
    from ocrfix.confusions import BAND, MAX_CELLS

    line = "the modern reader of this long line " * 4
    assert len(line) > BAND
    assert channel_cost(line, line.replace("modern", "rnodern", 1)) == 0.7
    assert channel_cost(line, line.replace("reader", "rcader", 2)) == pytest.approx(
        2 * channel_cost("reader", "rcader")
    )
    huge = "abcdefghij" * 60
    assert len(huge) ** 2 > MAX_CELLS
    assert channel_cost(huge, huge[::-1]) > 100 * GENERIC_SUBSTITUTION


@pytest.mark.parametrize(
    ("intended", "observed"),
    [
        ("their", "thei"),
        ("claim", "caim"),
        ("twenty", "twventy"),
        ("residents", "rsidentb"),
        ("hike", "his'e"),
        ("remembrance", "rernembrance"),
        ("occasionally", "occasionaly"),
        ("morning", "rnorning"),
    ],
)
def test_the_shared_start_and_end_are_left_out_without_changing_the_cost(
    intended: str, observed: str
) -> None:
    """channel_cost compares only the part of two strings around where they
    differ; a rule, or a letter doubled or lost, at the edge of that part
    reads characters beyond it, which must still be there."""
    from ocrfix.confusions import _cost

    for learned in (True, False):
        assert channel_cost(intended, observed, learned) == _cost(intended, observed, learned)
