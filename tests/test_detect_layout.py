"""Detectors for marks and layout, on small texts."""

from __future__ import annotations

import pytest

from ocrfix import FlagKind, check

pytestmark = pytest.mark.slow


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind.value, f.text) for f in check(text)]


def test_garbage_run_of_specks() -> None:
    text = "SERVANTS.\n. A I I . 1 _ I I _ - -__s _ -__ On Saturday the court sat."
    (flag,) = [f for f in check(text) if f.kind is FlagKind.GARBAGE]
    assert flag.text.startswith(". A I I") and flag.best is not None and flag.best.text == ""


def test_a_page_number_inside_a_sentence_is_an_artifact() -> None:
    text = "He said that the\n\n12\n\nprisoner was drunk."
    assert ("artifact", "\n\n12\n\n") in kinds(text)


def test_a_url_line_after_a_finished_sentence_is_not_an_artifact() -> None:
    text = "Read more on our site.\n\nhttps://example.org/story\n\nThe next story."
    assert all(kind != "artifact" for kind, _ in kinds(text))


def test_unclosed_opening_quote_is_flagged() -> None:
    assert ("quote", "'") in kinds("he was charged on 'remand with stealing.")


def test_closed_single_quotes_are_fine() -> None:
    assert kinds("he said 'never' and left.") == []


def test_bracket_inside_a_word() -> None:
    assert ("punctuation", "(") in kinds("the h(ouse was empty.")


def test_lone_mark_between_spaces() -> None:
    assert ("punctuation", " _") in kinds("the house _ was empty.")


def test_abbreviation_period_before_comma_is_fine() -> None:
    assert kinds("Messrs. Smith and Co., of London.") == []


def test_greek_letter_in_latin_word() -> None:
    (flag,) = check("the οrder was given.")  # Greek omicron
    assert flag.kind is FlagKind.HOMOGLYPH and flag.best is not None
    assert flag.best.text == "order"


def test_running_header_inside_a_sentence_is_an_artifact() -> None:
    text = "He said that the\nTHE DAILY NEWS, MAY 3, 1881\nprisoner was drunk."
    (flag,) = [f for f in check(text) if f.kind is FlagKind.ARTIFACT]
    assert flag.text == "\nTHE DAILY NEWS, MAY 3, 1881\n" and "header" in flag.reason


def test_a_capitalised_line_before_a_new_sentence_is_no_header() -> None:
    assert kinds("He said that the\nCHAPTER TWO\nThe prisoner was drunk.") == []


def test_a_single_chunk_of_specks_is_garbage() -> None:
    assert ("garbage", "-__s ") in kinds("the court -__s sat today")


def test_separators_and_enumerations_are_not_garbage() -> None:
    assert kinds("see (a) and (b) --- *** ... 1/2 and &c. 3-4") == []


def test_a_chunk_of_speck_marks_is_removed_but_dashes_and_code_stay() -> None:
    from ocrfix import fix

    assert fix("He went |~ home and ^~ slept.").text == "He went home and slept."
    kept = "He went -- as said -- home. Set x => y, then /* note */ and a ** b."
    assert fix(kept).text == kept


def test_a_speck_after_a_lines_last_sentence_is_removed() -> None:
    from ocrfix import fix

    text = "The shop was closed. 7\nThey went home. *\nIt rained."
    assert fix(text).text == "The shop was closed.\nThey went home.\nIt rained."
    kept = "Files: *\nCopyright: 2020\nSee chapter 7\nThe end."
    assert fix(kept).text == kept


def test_a_lone_hyphen_at_a_line_end_is_a_speck_for_review() -> None:
    """ "waddled -": deletion suggested with the space before it, at the
    review level; a hyphen that breaks a word, or a dash inside a line, is not."""
    found = [f for f in check("The duck waddled -\naway at noon.") if "-" in f.text]
    assert [(f.kind, f.text, f.best and f.best.text, f.confidence) for f in found] == [
        (FlagKind.GARBAGE, " -", "", 0.5)
    ]
    others = check("The man was threat-\nened at noon - then left.")
    assert [f.kind for f in others] == [FlagKind.HYPHENATION]


def test_a_lone_star_at_a_line_end_after_a_word_is_a_speck_but_not_a_pattern() -> None:
    found = check("The duck waddled *\naway at noon.\nFiles: *\nLicense: MIT\n")
    assert [(f.text, f.best and f.best.text) for f in found] == [(" *", "")]


def test_clashing_marks_keep_the_first_the_rest_are_specks() -> None:
    found = check("It was the rain,. and the wind;: that did it.")
    assert [(f.text, f.best and f.best.text) for f in found] == [(",.", ","), (";:", ";")]
