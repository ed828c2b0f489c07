"""Where fix's threshold is lowered: word readings in text that OCR evidently misread."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocrfix import Candidate, Config, Flag, FlagKind, check, fix
from ocrfix.cli import main
from ocrfix.threshold import evidently_misread, to_apply

# A paragraph OCR misread throughout (typical confusions of b for h, rn for m),
# and in it "bottels", whose best reading "bottles" is below the default threshold.
MISREAD = (
    "Tbe rnan who kept tbe shop in tbe village was charged yesterday witb stealing "
    "a coat frorn a cart. Tbe constable said that he found tbe coat in tbe "
    "prisoner's house, and tbat tbe prisoner had sold part of it. Tbe magistrate "
    "remanded him for a week, and said tbat bail would be taken. The men were "
    "paid on Saturday, and the bottels were carried to the station by the porters."
)


def flag(text: str, confidence: float, kind: FlagKind = FlagKind.NON_WORD) -> Flag:
    return Flag(0, len(text), text, kind, "test", 0.9, (Candidate("x", confidence, "confusion"),))


def test_three_sure_corrections_in_two_hundred_words_are_evidence_of_misreading() -> None:
    sure = [flag("tbe", 0.9)] * 3
    assert evidently_misread(sure, "word " * 600, Config())
    assert not evidently_misread(sure, "word " * 601, Config())
    assert not evidently_misread(sure[:2], "word " * 10, Config())


def test_capitals_unsure_readings_and_marks_do_not_count() -> None:
    text = "word " * 10
    assert not evidently_misread([flag("Tbe", 0.9)] * 3, text, Config())
    assert not evidently_misread([flag("tbe", 0.6)] * 3, text, Config())
    assert not evidently_misread([flag("tbe", 0.9, FlagKind.PUNCTUATION)] * 3, text, Config())


def test_sure_deletions_of_specks_count_as_evidence_too() -> None:
    text = "word " * 10
    specks = [flag("~~ ~", 0.85, FlagKind.GARBAGE), flag("bottels", 0.9)]
    assert evidently_misread(specks * 2, text, Config())
    assert not evidently_misread([flag("~~ ~", 0.6, FlagKind.GARBAGE)] * 3, text, Config())


def test_the_lower_threshold_takes_word_readings_and_specks_only() -> None:
    word, speck = flag("bottels", 0.6), flag("~~ ~", 0.5, FlagKind.GARBAGE)
    mark, own = flag(" }", 0.5, FlagKind.PUNCTUATION), flag("bottels", 0.5)
    sign, url = flag(" @", 0.5, FlagKind.PUNCTUATION), flag("x.org", 0.6, FlagKind.ARTIFACT)
    flags = [word, speck, mark, own, sign, url]
    assert to_apply(flags, Config(), misread=True) == [word, speck, mark]
    assert to_apply(flags, Config(), misread=False) == []
    assert to_apply(flags, Config(misread_min_confidence=None), misread=True) == []


@pytest.mark.slow
def test_fix_takes_a_less_sure_reading_in_misread_text_only() -> None:
    assert "the bottles were" in fix(MISREAD).text
    assert "by the porters" in fix(MISREAD.replace("by the", "by the }")).text
    assert "the bottels were" in fix(MISREAD, Config(misread_min_confidence=None)).text
    # "shcaves" -> "sheaves" is as sure in clean text (0.55-0.7), and kept there.
    clean = "The men were paid on Saturday, and the shcaves were carried to the } station."
    assert fix(clean).text == clean


@pytest.mark.slow
def test_a_lone_letter_is_deleted_as_a_speck_in_misread_text_only() -> None:
    """A lone letter at a line's start before a capital: a speck, deleted with
    its space where OCR evidently misread the text, kept for review elsewhere."""
    speck = MISREAD.replace("taken. The men", "taken.\nk The men")
    assert "taken.\nThe men" in fix(speck).text
    named = MISREAD.replace("taken. The men", "taken under plan b by the court. The men")
    assert "plan b by" in fix(named).text
    listed = MISREAD.replace("taken. The men", "taken on days a, b and c of the week. The men")
    assert "a, b and c of" in fix(listed).text
    clean = "The bail would be taken.\nk The men were paid on Saturday."
    assert fix(clean).text == clean
    assert [f.text for f in check(clean)] == ["k "]


@pytest.mark.slow
def test_a_broken_word_no_rule_mends_is_joined_in_misread_text_only() -> None:
    """ "vrost- blenk": a word broken inside a line, its parts misread; in
    a misread text its parts are joined as printed, elsewhere kept for review."""
    broken = MISREAD.replace("said tbat bail", "said the vrost- blenk tbat bail")
    joined = fix(broken).text
    assert "blenk tbat" in joined
    assert "- blenk" not in joined
    clean = "The clerk said the vrost- blenk was shut on the day of the sale."
    assert fix(clean).text == clean
    assert [(f.text, f.best and f.best.text) for f in check(clean) if "-" in f.text] == [("- ", "")]


def test_only_joins_as_printed_take_the_mark_threshold() -> None:
    join = Flag(0, 2, "- ", FlagKind.HYPHENATION, "test", 0.5, (Candidate("", 0.5, "rule"),))
    mended = Flag(
        0, 9, "ab- cdefg", FlagKind.HYPHENATION, "t", 0.5, (Candidate("abcdeff", 0.5, "rule"),)
    )
    assert to_apply([join, mended], Config(), misread=True) == [join]
    assert to_apply([join, mended], Config(), misread=False) == []


@pytest.mark.slow
def test_a_lone_hyphen_at_a_line_end_is_deleted_in_misread_text_only() -> None:
    speck = MISREAD.replace("taken. The men", "taken -\nThe men")
    assert "taken\nThe men" in fix(speck).text
    clean = "The bail would be taken -\nthe men were paid on Saturday."
    assert fix(clean).text == clean


@pytest.mark.slow
def test_a_threshold_given_on_the_command_line_holds_everywhere(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text(MISREAD, encoding="utf-8")
    main(["fix", str(source), "-o", str(tmp_path / "default.txt")])
    main(["fix", str(source), "-o", str(tmp_path / "given.txt"), "--min-confidence", "0.7"])
    assert "bottles" in (tmp_path / "default.txt").read_text(encoding="utf-8")
    assert "bottels" in (tmp_path / "given.txt").read_text(encoding="utf-8")
