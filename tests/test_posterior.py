"""The witness model: how copies' readings of one span are weighed."""

from __future__ import annotations

import math

from ocrfix.model import load_model
from ocrfix.posterior import Witness, ocr_cost, posterior, text_log_prob

EVEN = {"cat": 0.0, "cot": 0.0}  # two readings the language model cannot tell apart


def test_two_noisy_witnesses_that_agree_outvote_one() -> None:
    ours = Witness("cot", 0.05, 0.0)
    noisy = Witness("cot", 0.05, 0.002)
    agree = [Witness("cat", 0.05, 0.002), Witness("cat", 0.06, 0.002)]
    one = posterior(EVEN, [ours, agree[0]])["cat"]
    two = posterior(EVEN, [ours, *agree])["cat"]
    assert two > max(0.9, one)
    # A third copy that reads as we do pulls the other way.
    assert posterior(EVEN, [ours, noisy, *agree])["cat"] < two


def test_a_clean_copy_outweighs_a_noisy_one() -> None:
    ours = Witness("cot", 0.05, 0.0)
    clean, noisy = Witness("cat", 0.003, 0.002), Witness("cut", 0.08, 0.002)
    chance = posterior({**EVEN, "cut": 0.0}, [ours, clean, noisy])
    assert chance["cat"] > max(chance["cot"], chance["cut"])


def test_copies_of_one_edited_version_count_as_one_edit() -> None:
    """Three reprints of a reworded story say "stated": one editor, not three misreadings."""
    prior = {"said": 0.0, "stated": 0.0}
    ours = Witness("said", 0.01, 0.0)
    one = posterior(prior, [ours, Witness("stated", 0.003, 0.01)])["stated"]
    three = posterior(prior, [ours, *[Witness("stated", 0.003, 0.01)] * 3])["stated"]
    assert three < 0.1 and abs(three - one) < 0.05


def test_a_lost_line_is_one_slip_not_one_per_word() -> None:
    lost_line = ocr_cost("he came upon the scene and carried", "he carried")
    lost_word = ocr_cost("he came upon", "he upon")
    assert lost_word < lost_line < 2 * lost_word


def test_a_mark_repeated_across_the_edge_is_rare() -> None:
    model = load_model("en")
    alone = text_log_prob(model, ".", "home", "He", frozenset(), before="e", after="H")
    doubled = text_log_prob(model, ".", "home", "He", frozenset(), before=".", after="H")
    assert doubled < alone


def test_a_paragraph_without_a_stop_is_rare() -> None:
    model = load_model("en")
    stopped = text_log_prob(model, ".\n\n", "death", "The", frozenset(), before="h", after="T")
    bare = text_log_prob(model, "\n\n", "death", "The", frozenset(), before="h", after="T")
    assert stopped > bare


def test_specks_are_a_cheap_slip_an_added_passage_is_none() -> None:
    """OCR reads blots as short words and marks; it does not write sentences."""
    specks = ocr_cost("of blood. A further", "of blood : - at By A further")
    passage = ocr_cost("of blood. A further", "of blood. There was more. A further")
    assert specks < 6 < 12 < passage


def test_a_sentence_a_second_scan_and_an_edited_copy_share_was_lost_by_ours() -> None:
    """Our scan lost a line; a second scan and an edited copy have it. The edited
    copy alone could have added it; the second scan could not."""
    model = load_model("en")
    short, full = "garden.", "garden and pulled up four of the roses."
    misread = full.replace("four", "f0ur")
    readings = (short, full, misread)  # every copy's reading is a hypothesis
    prior = {h: text_log_prob(model, h, "the", "The", frozenset()) for h in readings}
    ours = Witness(short, 0.05, 0.0)
    edited, scan = Witness(full, 0.003, 0.002), Witness(misread, 0.02, 1e-4, scan=True)
    assert posterior(prior, [ours, edited, scan])[full] > 0.9
    assert posterior(prior, [ours, edited])[full] < 0.5


def test_readings_far_beyond_any_misreading_still_score() -> None:
    """Chances below the float range (a long passage one copy adds) are compared in logs."""
    passage = " ".join(["the jury retired and came back with a verdict"] * 30)
    prior = {"end.": 0.0, f"end. {passage}": -400.0}
    chance = posterior(prior, [Witness("end.", 0.01, 0.0), Witness(f"end. {passage}", 0.01, 1e-6)])
    assert chance["end."] > 0.99


def test_a_sentence_begun_with_no_stop_is_rare() -> None:
    """ "placed the man in The chief mate": a lost line's trace; names are no sign."""
    model = load_model("en")
    lost = text_log_prob(model, "in", "man", "The", frozenset(), before="n", after="T")
    stopped = text_log_prob(model, "in.", "man", "The", frozenset(), before="n", after="T")
    name = text_log_prob(model, "in", "man", "London", frozenset(), before="n", after="L")
    plain = text_log_prob(model, "in", "man", "the", frozenset(), before="n", after="t")
    assert lost < stopped
    assert plain - lost > plain - name + 1


def test_a_second_scan_adds_more_than_a_second_reprint() -> None:
    """Two scans of the print (OCR noise of their own, no sign of editing)
    that read a word ours lost are two witnesses; two reprints of an edited
    version (as noisy, but edited elsewhere) may share one editor's word."""
    prior = {"the man": 0.0, "the old man": -2.0}
    ours = Witness("the man", 0.02, 0.0)
    scan = Witness("the old man", 0.03, 4e-4, scan=True)
    reprint = Witness("the old man", 0.03, 6e-4)

    def odds(*copies: Witness) -> float:
        chance = posterior(prior, [ours, *copies])["the old man"]
        return math.log10(chance / (1 - chance))

    assert odds(scan, scan) - odds(scan) > odds(reprint, reprint) - odds(reprint) + 1


def test_a_second_scan_counts_on_its_own_where_ours_is_garbled_beyond_misreading() -> None:
    """A heavy scan's word so garbled that no misreading of it explains the other
    copies' word: a second scan and an edited copy that agree are two witnesses,
    not one edit shared."""
    prior = {"qenarousty": -9.0, "generosity": -6.5}
    ours = Witness("qenarousty", 0.13, 0.0)
    scan = Witness("generosity", 0.0104, 1e-4, scan=True)
    edited = Witness("generosity", 0.0059, 2e-3)
    assert ocr_cost("generosity", "qenarousty") > 7.0  # beyond a misreading
    assert posterior(prior, [ours, scan, edited])["generosity"] > 0.9


def test_what_only_a_second_scan_kept_is_a_line_ours_lost_not_an_editors_addition() -> None:
    """A clause ours lacks, kept by a second scan (OCR noise of its own, no sign of
    editing) though an edited copy cut it: OCR loses lines, scans have no editor.
    The same reading from a reprint that shows editing elsewhere is an addition."""
    prior = {"the house was empty": 0.0, "the house, which stood alone, was empty": -14.0}
    ours = Witness("the house was empty", 0.05, 0.0)
    edited = Witness("the house was empty", 0.005, 2e-3)
    longer = "the house, which stood alone, was empty"
    scan, reprint = Witness(longer, 0.02, 1e-4, scan=True), Witness(longer, 0.02, 6e-4)
    assert posterior(prior, [ours, scan, edited])[longer] > 0.3
    assert posterior(prior, [ours, reprint, edited])[longer] < 0.01
