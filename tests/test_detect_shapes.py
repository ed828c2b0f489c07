"""Chunks shaped as no word is, names spelt otherwise, unlisted compounds and
headline words: flagged for review, and clean text left alone."""

from __future__ import annotations

import pytest

from ocrfix import check, fix
from ocrfix.api import DEFAULT
from ocrfix.detect_names import misread_names
from ocrfix.detect_shapes import broken_at_line_end, odd_shapes
from ocrfix.doc import make_doc

PROSE = "The meeting of the council was held in the town hall on Tuesday evening. "


def shapes(text: str) -> list[tuple[str, str]]:
    doc = make_doc(text, DEFAULT)
    flags = [*odd_shapes(doc), *broken_at_line_end(doc)]
    return [(f.text, f.reason) for f in sorted(flags, key=lambda f: f.start)]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("He said *shall come.", "*"),
        ("the brothers} of the man", "}"),
        ("cost \ufffd20 in all", "\ufffd"),
        ("he said .she left", "."),
        ("the man ;answered at once", ";"),
        ("and -and the man left", "-"),
        ("he was.clearly gone", "."),
        ("the man ovEr and left", "ovEr"),
        ("he went ofthE house", "ofthE"),
        ("the Town-\nHall sat", "-"),
        ("the superin- tendant came", "- "),
    ],
)
def test_a_slip_of_shape_is_flagged(text: str, flagged: str) -> None:
    assert [found for found, _ in shapes(text)] == [flagged]


def test_a_character_lost_before_a_number_is_the_sign_the_document_or_language_uses() -> None:
    """A currency sign the encoding lacked: the one the text prints elsewhere,
    else the language's commonest; never one between digits."""
    assert fix("He was fined \ufffd20 and costs.").text == "He was fined \u00a320 and costs."
    in_euros = "Tickets cost \u20ac5 each. He was fined \ufffd20 and costs."
    assert fix(in_euros).text == in_euros.replace("\ufffd", "\u20ac")
    assert [f.best for f in check("A gap of 4\ufffd5 feet.") if f.text == "\ufffd"] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. McLeod and Mr. DeWitt sold it on eBay with an iPhone and a PhD.",
        "See https://example.org/a_b~c and mail info@example.org today.",
        "A star after a word* is a footnote; *** and ___ are separators.",
        "He wrote -- and then - he left.",
        "The Hartigan case, as Mr. Hartigan said.",
    ],
)
def test_clean_shapes_are_left_alone(text: str) -> None:
    assert shapes(text) == []


def test_a_title_with_a_character_too_many_before_a_name_is_the_title() -> None:
    text = "He saw Mlr. Smith and Mirs. Brown, then NMr. Black. Sit. Down, said Mr. Grey."
    assert fix(text).text == (
        "He saw Mr. Smith and Mrs. Brown, then Mr. Black. Sit. Down, said Mr. Grey."
    )


def test_a_titles_stop_misread_or_lost_before_a_name_is_put_back() -> None:
    text = "Mr. Grey met Mr. Black and Mr White, then Mrs: Brown and Mr, Green."
    assert fix(text).text == (
        "Mr. Grey met Mr. Black and Mr. White, then Mrs. Brown and Mr. Green."
    )
    for kept in (
        "Mr Grey met Mr Black and Mr White.",  # British style
        "Write to 51 Franklin St, Fifth Floor, or to Mr. Grey and Mr. Black.",
    ):
        assert fix(kept).text == kept


def test_a_name_spelt_otherwise_once_is_flagged_with_its_usual_spelling() -> None:
    text = PROSE + "Mr. Hartigan spoke. Mr. Hartigan left. Then Mr. Hartlgan came back."
    flags = list(misread_names(make_doc(text, DEFAULT)))
    assert [(f.text, f.best.text if f.best else None) for f in flags] == [("Hartlgan", "Hartigan")]


def test_a_plural_or_possessive_of_a_name_is_no_misreading() -> None:
    text = PROSE + "Mr. Hartigan spoke. Mr. Hartigan left. The Hartigans and Hartigan's son came."
    assert list(misread_names(make_doc(text, DEFAULT))) == []


def test_a_variant_the_word_lists_carry_is_a_name_of_its_own() -> None:
    """ "Michal" beside "Michael": both are names people have."""
    text = PROSE + "Michael Roe wrote it. Michael Roe and Michal Poe kept it."
    assert list(misread_names(make_doc(text, DEFAULT))) == []


def test_two_names_far_apart_are_two_people() -> None:
    text = PROSE + "Mr. Smith spoke. Mr. Smith left. Then Mr. Brown came in."
    assert list(misread_names(make_doc(text, DEFAULT))) == []


@pytest.mark.parametrize("word", ["roadahead", "thatsilence", "cogdent"])
def test_words_run_together_or_fragments_are_no_compounds(word: str) -> None:
    assert word in [f.text for f in check(PROSE + f"He stood there {word} in the dark.")]


def test_an_unlisted_compound_of_rarer_words_is_left_alone() -> None:
    assert check(PROSE + "The gatekeepers and shipowners met.") == []


@pytest.mark.parametrize("word", ["COMMITTEF", "GOVERNMFNT", "PARLIAMEMT"])
def test_a_headline_word_in_capitals_near_a_word_is_no_name(word: str) -> None:
    """Inside a headline too, where a capitalised word is otherwise taken for a name."""
    headline = PROSE + f"\n\nTHE {word} OF THE CHILD.\n"
    assert word in [f.text for f in check(headline)]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The cat sat on the m~at all day.", "The cat sat on the mat all day."),
        ("He said .she left at once.", "He said she left at once."),
        ("The man -answered at once.", "The man answered at once."),
    ],
)
def test_a_speck_glued_to_a_word_is_removed(text: str, fixed: str) -> None:
    assert fix(text).text == fixed


def test_a_tilde_inside_a_word_is_removed_even_where_the_rest_is_unknown() -> None:
    """ "reeeiv~ed": no word carries a tilde; without it the word is judged
    again (and mended). A formula's "y~x" stays."""
    assert fix("The letter was reeeiv~ed on Monday.").text == "The letter was received on Monday."
    kept = "Fit the model y~x to the data."
    assert fix(kept).text == kept


def test_a_bracket_that_may_pair_with_another_is_left_for_review() -> None:
    text = "Put <one line to give the program's name> here, and the Contribution(s) too."
    assert fix(text).text == text
    assert all(f.confidence < 0.7 for f in check(text))


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The man had e been seen at the house.", "The man had been seen at the house."),
        ("He said, r that the door was shut.", "He said, that the door was shut."),
        ("The Council w agreed to act.", "The Council agreed to act."),
        ("He spoke quickly. e Nobody answered.", "He spoke quickly. Nobody answered."),
        ("He told the i police all of it.", "He told the police all of it."),
    ],
)
def test_a_lone_letter_between_words_is_a_speck(text: str, fixed: str) -> None:
    assert fix(text).text == fixed


@pytest.mark.parametrize(
    "text",
    [
        "He said a word and I left, o the shame of it.",  # letters that are words
        "Under plan b the letter e of section c was kept.",  # things named by a letter
        "The man had E. Smith and J. Brown with him.",  # initials
        "Il y a une porte.",  # another language
        "He quoted Ortega y Gasset and Sveinn í Felli.",  # a name's particle
        "and then i said no to him.",  # informal writing's pronoun
    ],
)
def test_letters_that_are_words_or_names_stay(text: str) -> None:
    from ocrfix.config import Config

    config = Config(lang="fr") if text.startswith("Il") else Config()
    assert fix(text, config).text == text


def test_a_stop_between_two_words_that_go_together_is_a_lost_space() -> None:
    """ "was.clearly" is two words of prose, a speck for their space; file and
    host names, dotted names and code keep their stops."""
    from ocrfix import fix

    assert fix("He was.clearly there when the.man left.").text == (
        "He was clearly there when the man left."
    )
    names = "See notes.txt and gnu.org, then sys.path and foo_bar.baz in config.guess."
    assert fix(names).text == names
    assert fix("The tailor.went out, and the vicar.sat down.").text == (
        "The tailor went out, and the vicar sat down."
    )
    for technical in (
        "Visit gnu.org for the notes.",
        "Call print(obj.key) and then obj.restore again.",
        "Run it with --domain example.com to set it.",
    ):
        assert fix(technical).text == technical


def test_a_hyphen_between_two_words_english_pairs_is_a_speck() -> None:
    from ocrfix import fix

    assert fix("He said so- far off the- garden was.").text == (
        "He said so far off the garden was."
    )
    kept = "Both pre- and post-war, a hook- nosed man."
    assert fix(kept).text == kept


@pytest.mark.parametrize(
    "text",
    [
        "| name | value |\n| a | have |",  # a table's rows
        "x = set(a) | set(b)",  # code
        "Join the patterns with a | and make them optional.",  # prose about the bar
        "left   | have the column",  # a column
    ],
)
def test_a_bar_that_is_no_misread_letter_is_left_alone(text: str) -> None:
    from ocrfix import fix

    assert fix(text).text == text


def test_lone_letters_that_are_a_lists_items_are_kept() -> None:
    from ocrfix import fix

    text = "Pick options a, b and c from the list."
    assert fix(text).text == text


def test_a_sum_in_pounds_whose_l_was_read_as_one_is_mended() -> None:
    """ "2,0001.": a last group of four digits is no number's grouping; the
    1 is the l of "2,000l." (pounds). Numbers grouped rightly stay."""
    assert fix("He was fined 2,0001. and costs.").text == "He was fined 2,000l. and costs."
    kept = "There were 10,001 votes, and 1,001. Then 20001. came."
    assert fix(kept).text == kept


def test_a_sum_in_prose_whose_l_was_read_as_one_is_mended() -> None:
    """ "fined 31., with": a number ending in "1." inside a sentence, after a
    word in lower case and before a comma, a lower-case word or shillings, is
    a sum in pounds. Ages, pages, years and sentence ends stay."""
    assert fix("The man was fined 31., with costs.").text == "The man was fined 3l., with costs."
    assert fix("a hat, value 41. 6s., was taken").text == "a hat, value 4l. 6s., was taken"
    kept = "Ellen Rowe, aged 61. and her son. They met at 11. The year was 1901. then 5."
    assert fix(kept).text == kept


def test_a_capital_pronoun_that_fits_neither_neighbour_is_a_speck() -> None:
    """ "the I window": no text sets the pronoun after an article, and "the
    window" pairs; "must I thank" keeps it, as "must thank" is no listed pair,
    and so does "said that I was"."""
    assert fix("She went to the I window and looked out.").text == (
        "She went to the window and looked out."
    )
    assert fix("It was the mark of I her hand.").text == "It was the mark of her hand."
    kept = "Why must I thank him? He said that I was late, and so I am."
    assert fix(kept).text == kept


def test_a_break_inside_a_line_before_a_lower_case_part_is_joined_for_review() -> None:
    """ "vrost- blenk": join suggested (review level); before a capital, at a
    line end and before a suspended compound's conjunction, nothing is."""
    from ocrfix import check

    def breaks(text: str) -> list[tuple[str, str | None]]:
        return [(f.text, f.best and f.best.text) for f in check(text) if "-" in f.text]

    assert breaks("The vrost- blenk was shut.") == [("- ", "")]
    assert breaks("The pre- and post-war years at the Town- Hall.") == [("-", None), ("-", None)]
