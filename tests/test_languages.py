"""German and French from wordfreq's lists: their words are words, OCR's slips are
not; and a text left to detection is read in its own language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocrfix import Config, check, fix
from ocrfix.cli import main
from ocrfix.evaluate import errors
from ocrfix.languages import document_language

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


# Invented paragraphs, one story told in each language.
PROSE = {
    "de": (
        "Als der Zug endlich in den kleinen Bahnhof einfuhr, war es schon dunkel. Die "
        "Reisenden stiegen müde aus und suchten ihre Koffer zusammen. Niemand hatte mit dem "
        "Schnee gerechnet, der seit dem Mittag ohne Pause fiel. Im Wartesaal brannte noch "
        "ein Ofen, und der alte Vorsteher bot allen eine Tasse Tee an."
    ),
    "fr": (
        "Quand le train entra enfin dans la petite gare, il faisait déjà nuit. Les "
        "voyageurs descendirent fatigués et cherchèrent leurs valises. Personne ne "
        "s'attendait à la neige qui tombait sans arrêt depuis midi. Dans la salle "
        "d'attente, un poêle brûlait encore, et le vieux chef de gare offrit du thé."
    ),
    "es": (
        "Cuando el tren por fin entró en la pequeña estación, ya era de noche. Los "
        "viajeros bajaron cansados y buscaron sus maletas. Nadie esperaba la nieve que "
        "caía sin parar desde el mediodía. En la sala de espera todavía ardía una estufa, "
        "y el viejo jefe de estación ofreció a todos una taza de té."
    ),
    "pl": (
        "Kiedy pociąg wreszcie wjechał na małą stację, było już ciemno. Podróżni wysiedli "
        "zmęczeni i szukali swoich walizek. Nikt nie spodziewał się śniegu, który padał "
        "bez przerwy od południa. W poczekalni wciąż palił się piec, a stary zawiadowca "
        "poczęstował wszystkich herbatą, zanim zamknął drzwi na noc."
    ),
    "en": (
        "When the train finally pulled into the little station, it was already dark. The "
        "travellers got off tired and gathered their cases. Nobody had reckoned with the "
        "snow, which had been falling without a pause since noon. In the waiting room a "
        "stove was still burning, and the old stationmaster offered everyone tea."
    ),
}
# Danish, whose commonest words Norwegian shares: which of the two it is, the
# little words do not say surely enough.
DANISH = (
    "Da toget endelig kørte ind på den lille station, var det allerede mørkt. De rejsende "
    "steg trætte ud og ledte efter deres kufferter. Ingen havde regnet med sneen, som var "
    "faldet uden pause siden middag. I ventesalen brændte der stadig en kakkelovn, og den "
    "gamle stationsforstander bød alle på en kop te, før han låste dørene for natten."
)


@pytest.mark.parametrize("lang", sorted(PROSE))
def test_a_text_says_its_language(lang: str) -> None:
    assert document_language(PROSE[lang]) == lang


def test_english_ocr_stays_english() -> None:
    noisy = (
        "Tbe man wns seen ia tbe street at a late bour, and tbe constable saw bim go in at "
        "tbe door of tbe house. Ho was takeu to tbe station, wbere he gavo no account of "
        "himself, aud was remanded by tbe magistrate until tbe following Monday."
    )
    assert document_language(noisy) == "en"


def test_a_few_words_or_close_kin_leave_the_fallback() -> None:
    assert document_language("Die Kinder spielten im Garten, und der Hund bellte.") == "en"
    assert document_language(DANISH) == "en"


def test_a_german_text_left_to_detection_is_read_as_german() -> None:
    text = PROSE["de"].replace("mit dem", "rnit dem")
    flags = check(text)
    assert [(f.text, f.best.text if f.best else None) for f in flags] == [("rnit", "mit")]
    assert fix(text).lang == "de"
    assert check(text, Config(lang="en")) != flags  # read as English, German is "misspelt"


def test_the_json_report_names_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PROSE["fr"], encoding="utf-8")
    main(["check", str(path), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["lang"] == "fr"
    main(["check", str(path), "--format", "json", "--lang", "en"])
    assert json.loads(capsys.readouterr().out)["lang"] == "en"


def test_letters_unicode_lacks_are_read_as_letters_not_specks() -> None:
    """Fraktur transcriptions encode "uͤ" and other letters in the private-use
    area (U+E72B): the rest of such a word is no word of its own to mend,
    and the glyphs are no specks."""
    text = (
        "Was die Alten \ue72bberliefert haben, das ſoll man \ue72bberall in Ehren "
        "halten, ſagte er \ueba2\uf502 leiſe."
    )
    assert check(text, GERMAN) == []
    assert fix(text, GERMAN).text == text


def test_german_ocr_read_by_an_english_model_is_mended_as_german() -> None:
    """Real Tesseract OCR of an invented German story (samples/README.md)."""
    samples = Path(__file__).parent.parent / "samples"
    ocr = (samples / "train-in-snow-de-ocr.txt").read_text(encoding="utf-8")
    truth = (samples / "train-in-snow-de-gt.txt").read_text(encoding="utf-8")
    fixed = fix(ocr)
    assert fixed.lang == "de"
    before, after = errors(ocr, truth).chars, errors(fixed.text, truth).chars
    assert after <= 0.8 * before, (before, after)  # 63 -> 44 at this writing
