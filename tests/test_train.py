"""Learning the OCR error model from OCR paired with ground truth."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocrfix.confusions import GENERIC_SUBSTITUTION, LEARNED_FILE
from ocrfix.data import rows
from ocrfix.train import MAX_CHUNK, MIN_COST, MIN_COUNT, learn, main, word_pairs

TRUTH = "The modern house stood on the hill above the harbour, where the boats came in."
OCR = "Tbe rnodern housc stood on tbe hill above the liarbour, where the boats carne in."


def test_misread_words_are_paired_with_what_was_printed() -> None:
    pairs = set(word_pairs(TRUTH, OCR))
    assert {
        ("The", "Tbe"),
        ("modern", "rnodern"),
        ("came", "carne"),
        ("harbour", "liarbour"),
    } <= pairs
    assert ("stood", "stood") not in pairs


def test_confusions_seen_often_enough_are_learned() -> None:
    pairs = [p for _ in range(MIN_COUNT) for p in word_pairs(TRUTH, OCR)]
    confusions, words = learn(pairs)
    found = {(c.intended, c.observed): c.count for c in confusions}
    assert found[("m", "rn")] == 2 * MIN_COUNT  # "modern", "came"
    assert ("h", "li") in found and ("e", "c") in found
    assert words == len(pairs)
    assert learn(word_pairs(TRUTH, OCR))[0] == []  # each seen once: too little evidence


def test_training_writes_a_readable_table(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for k in range(MIN_COUNT):
        folder = data / f"doc{k}"
        folder.mkdir(parents=True)
        (folder / "gt.txt").write_text(TRUTH, encoding="utf-8")
        (folder / "ocr.txt").write_text(OCR, encoding="utf-8")
    out = tmp_path / "learned.tsv"
    assert main([str(data), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# learned_confusions.tsv")
    assert "python -m ocrfix.train" in text
    assert any(line.startswith("m\trn\t") for line in text.splitlines())


def test_training_on_nothing_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing"), "-o", str(tmp_path / "x.tsv")]) == 2
    assert main([str(tmp_path), "-o", str(tmp_path / "x.tsv")]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 2 and all(e.startswith("ocrfix.train: error:") for e in errors)
    assert not (tmp_path / "x.tsv").exists()


def test_the_shipped_table_holds_confusions_not_words() -> None:
    table = list(rows(LEARNED_FILE))
    assert len(table) > 100
    for intended, observed, cost, count in table:
        assert 1 <= len(intended) <= MAX_CHUNK and 1 <= len(observed) <= MAX_CHUNK
        assert MIN_COST <= float(cost) < GENERIC_SUBSTITUTION
        assert int(count) >= MIN_COUNT
