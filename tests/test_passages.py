"""A passage in another language is no OCR error: its flags are kept for review."""

from __future__ import annotations

from ocrfix import check, fix
from ocrfix.model import load_model
from ocrfix.passages import FOREIGN_CONFIDENCE, foreign_spans

ENGLISH = (
    "The licence below is given in Italian as well. Tbe translation is provided for\n"
    "convenience only, and the English text governs if the two disagree in any way.\n"
)
ITALIAN = (
    "La presente Licenza si applica a qualsiasi opera che contenga una nota del titolare\n"
    "del diritto d'autore, e indica che la stessa può essere distribuita secondo i termini\n"
    "della presente Licenza. Il licenziante concede a te i diritti qui di seguito elencati,\n"
    "a condizione che tu accetti di rispettare i termini e le condizioni della Licenza.\n"
)


def test_an_italian_passage_in_an_english_text_is_found() -> None:
    text = ENGLISH + ITALIAN
    spans = foreign_spans(text, "en", load_model("en"))
    assert [text[start:end] for start, end in spans] == [ITALIAN]


def test_its_words_are_flagged_for_review_only_and_the_english_is_still_mended() -> None:
    text = ENGLISH + ITALIAN
    assert fix(text).text == text.replace("Tbe", "The")
    inside = [f for f in check(text) if f.start >= len(ENGLISH)]
    assert inside  # "indica", "licenziante": flagged, for a reader to judge
    assert all(f.confidence <= FOREIGN_CONFIDENCE for f in inside)


def test_noisy_ocr_of_english_is_no_other_language() -> None:
    noisy = (
        "Tbe man wns seen ia tbe street at a late bour, and tbe constable saw bim go in\n"
        "at tbe door of tbe house. Ho was takeu to tbe station, wbere he gavo no account\n"
        "of himself, aud was remanded by tbe magistrate until tbe following Monday.\n"
    )
    assert foreign_spans(noisy, "en", load_model("en")) == []
