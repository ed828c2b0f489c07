"""Old spelling systems are not misreadings."""

from __future__ import annotations

import pytest

from ocrfix import check, fix
from ocrfix.spelling import OLD_SPELLING_CONFIDENCE

pytestmark = pytest.mark.slow

# Composed in the manner of early modern print (u/v, i/j, final e, long s).
OLD = (
    "Then hee ſent vnto his ſeruants, ſaying, Goe ye vpon the hilles and ſeeke "
    "the ſheepe that are loſt, for they haue no ſhepheard to keepe them from the "
    "wolues, and bring them home againe before the night commeth vpon the land."
)


def test_a_document_spelt_the_old_way_is_not_modernised() -> None:
    assert fix(OLD).text == OLD
    flagged = {f.text: f for f in check(OLD)}
    assert {"vpon", "haue", "vnto"} <= set(flagged)
    assert all(
        f.best is None or f.best.confidence <= OLD_SPELLING_CONFIDENCE
        for word, f in flagged.items()
        if word in {"vpon", "haue", "vnto", "hee"}
    )
    assert "old way" in flagged["haue"].reason


def test_a_misreading_in_old_spelling_is_still_corrected() -> None:
    ocr = OLD.replace("the night", "tbe night")
    assert fix(ocr).text == OLD


def test_a_modern_text_with_one_old_form_is_corrected_as_ever() -> None:
    text = "They haue seen the house on the hill, and the garden behind it."
    assert "have seen" in fix(text).text
