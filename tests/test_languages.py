"""German and French from wordfreq's lists: their words are words, OCR's slips are not."""

from __future__ import annotations

import pytest

from ocrfix import Config, check, fix

pytestmark = pytest.mark.slow

GERMAN, FRENCH = Config(lang="de"), Config(lang="fr")


@pytest.mark.parametrize(
    ("text", "config"),
    [
        ("Die Kinder spielten im Garten, und der Bürgermeister lachte.", GERMAN),
        ("Der Zug fährt um sieben Uhr ab, sagte die Schaffnerin.", GERMAN),
        ("Le maire a visité la ville à midi, et il y est resté.", FRENCH),
        ("Les enfants jouaient dans le jardin près de l'église.", FRENCH),
        # English's rule of no comma after an article: German's "an" ends clauses.
        ("Er bot allen eine Tasse Tee an, bevor er die Tür schloss.", GERMAN),
        # A language with no table of its one-letter words: wordfreq's commonest.
        ("O comboio chegou e a neve caiu sem parar desde o meio-dia.", Config(lang="pt")),
        ("W poczekalni i na peronie było zimno, a pociąg stał z boku.", Config(lang="pl")),
    ],
)
def test_clean_text_in_other_languages_is_left_alone(text: str, config: Config) -> None:
    assert check(text, config) == []
    assert fix(text, config).text == text


@pytest.mark.parametrize(
    ("ocr", "truth", "config"),
    [
        ("Wir rnüssen morgen früh aufstehen.", "Wir müssen morgen früh aufstehen.", GERMAN),
        ("La rnaison est très belle.", "La maison est très belle.", FRENCH),
    ],
)
def test_ocr_slips_in_other_languages_are_fixed(ocr: str, truth: str, config: Config) -> None:
    assert fix(ocr, config).text == truth
