"""``ocrfix eval``: error rates as the bench counts them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocrfix.cli import EXIT_CLEAN, EXIT_ERROR, main
from ocrfix.evaluate import errors

TRUTH = "The cat sat on the mat.\n"
OCR = "Tbe cat sat\non tbe rnat.\n"  # 4 character edits, 3 word edits
FIXED = "The cat sat on the rnat.\n"  # 2 and 1


def test_errors_fold_typography_and_white_space() -> None:
    assert errors("“Yes” — he   said", '"Yes" - he said').chars == 0
    e = errors(OCR, TRUTH)
    assert (e.chars, e.words, e.ref_chars, e.ref_words) == (4, 3, 23, 6)


def write(folder: Path, text: str) -> None:
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")


def test_eval_of_directories_prints_each_file_and_the_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in [("gt", TRUTH), ("ocr", OCR), ("fixed", FIXED)]:
        write(tmp_path / name, text)
    args = ["eval", "--gt", str(tmp_path / "gt"), "--ocr", str(tmp_path / "ocr")]
    assert main([*args, "--fixed", str(tmp_path / "fixed"), "--format", "json"]) == EXIT_CLEAN
    first, overall = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert first["name"] == "a.txt" and first["cer_before"] == round(100 * 4 / 23, 3)
    assert overall["cer_improvement"] == 50.0 and overall["wer_improvement"] == round(200 / 3, 1)
    assert overall["docs_better"] == 1 and overall["docs_worse"] == 0


def test_eval_of_a_missing_counterpart_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "gt", TRUTH)
    (tmp_path / "gt" / "b.txt").write_text(TRUTH, encoding="utf-8")
    write(tmp_path / "ocr", OCR)  # a.txt only
    assert (
        main(["eval", "--gt", str(tmp_path / "gt"), "--ocr", str(tmp_path / "ocr")]) == EXIT_ERROR
    )
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "b.txt: no such file" in captured.err
    assert "a.txt" in captured.out  # the pair that is there is still scored


@pytest.mark.parametrize(
    ("ocr", "message"),
    [
        ("missing", "missing: no such file or directory"),
        ("empty", "holds none of the 1 files"),
        ("ocr.txt", "give a directory, as --gt is"),
    ],
)
def test_an_ocr_path_that_cannot_pair_with_the_truth_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ocr: str, message: str
) -> None:
    write(tmp_path / "gt", TRUTH)
    (tmp_path / "empty").mkdir()
    (tmp_path / "ocr.txt").write_text(OCR, encoding="utf-8")
    assert main(["eval", "--gt", str(tmp_path / "gt"), "--ocr", str(tmp_path / ocr)]) == EXIT_ERROR
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and message in captured.err
    assert captured.out == ""
