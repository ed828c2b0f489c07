"""The seed documents (samples/): what the brief and issue 2 ask of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocrfix import FlagKind, check, fix

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).parent.parent / "samples"
PRINT_OCR = SAMPLES / "putin-syria-print-ocr.txt"
PRINT_CLEAN = SAMPLES / "putin-syria-print-clean-footer-urls.txt"
WEB = SAMPLES / "putin-syria-web-copy.txt"
RFERL = SAMPLES / "putin-syria-rferl-writeup.txt"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def flagged(path: Path) -> dict[str, list[str]]:
    """Flagged text -> its suggestions, for one sample."""
    return {f.text: [c.text for c in f.suggestions] for f in check(read(path))}


def test_print_ocr_errors_are_flagged() -> None:
    flags = flagged(PRINT_OCR)
    assert flags["T"][0] == "I"
    assert flags["‘“"][0] == "“"
    assert flags["11,2017"][0] == "11, 2017"


def test_homoglyph_is_flagged_with_march_first() -> None:
    assert flagged(RFERL)["Marсh"][0] == "March"


@pytest.mark.parametrize("path", [PRINT_CLEAN, WEB], ids=["print-clean", "web"])
def test_clean_prose_is_not_flagged(path: Path) -> None:
    """Only the page artifacts and the web page's own typo may be flagged."""
    text = read(path)
    for flag in check(text):
        assert flag.kind is FlagKind.ARTIFACT or flag.text == "paiment", flag


def test_fix_changes_exactly_the_three_errors() -> None:
    """The mission's example: "T order", the stray quote and the date, nothing else
    (the footer URLs stay for a reader to decide)."""
    text = read(PRINT_OCR)
    changes = [(d.original, d.replacement) for d in fix(text).decisions]
    assert changes == [("11,2017", "11, 2017"), ("T", "I"), ("‘“", "“")]
    fixed = fix(text).text
    assert "“I order the Defense Minister" in fixed and "added, “we will" in fixed


def test_footer_urls_inside_a_sentence_are_an_artifact_not_fixed_by_default() -> None:
    text = read(PRINT_OCR)
    (artifact,) = [f for f in check(text) if f.kind is FlagKind.ARTIFACT]
    assert artifact.text.strip().startswith("https://") and artifact.best is not None
    joined = text[: artifact.start] + artifact.best.text + text[artifact.end :]
    assert "state-run RIA\nNovosti news agency" in joined
    assert "https://" not in fix(text).text.split("RIA", 1)[1][:5]
