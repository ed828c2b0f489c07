"""Combining the detectors' flags."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocrfix.detect import joins_before_parts, resolve_overlaps, strength
from ocrfix.types import Candidate, Flag, FlagKind


@st.composite
def flags(draw: st.DrawFn) -> list[Flag]:
    out = []
    for _ in range(draw(st.integers(0, 15))):
        start = draw(st.integers(0, 40))
        end = start + draw(st.integers(1, 8))
        confidence = draw(st.floats(0, 1))
        out.append(
            Flag(
                start,
                end,
                "x" * (end - start),
                FlagKind.NON_WORD,
                "test",
                confidence,
                (Candidate("y", confidence, "rule"),) if draw(st.booleans()) else (),
            )
        )
    return out


def reference(found: list[Flag]) -> list[Flag]:
    """The plain quadratic rule the fast version must match."""
    kept: list[Flag] = []
    for flag in sorted(found, key=strength, reverse=True):
        if all(flag.end <= o.start or flag.start >= o.end for o in kept):
            kept.append(flag)
    return sorted(kept, key=lambda f: (f.start, f.end))


@given(flags())
def test_resolve_overlaps_keeps_the_strongest_without_overlap(found: list[Flag]) -> None:
    kept = resolve_overlaps(found)
    assert kept == reference(found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(kept))


# Marks: what fix takes on its own (rules sure enough) and what it leaves.


def test_a_speck_read_as_a_lone_mark_is_deleted() -> None:
    from ocrfix import fix

    assert fix("He left the room. : The door was shut.").text == (
        "He left the room. The door was shut."
    )
    assert fix("He left the room. _ The door ~ was shut.").text == (
        "He left the room. The door was shut."
    )


def test_a_spaced_ellipsis_stays_for_review() -> None:
    from ocrfix import fix

    text = "He waited . . . and then he left."
    assert fix(text).text == text


def test_french_colons_are_spaced_on_purpose() -> None:
    from ocrfix import fix
    from ocrfix.config import Config

    text = "Il a dit « non » : la porte était fermée."
    assert fix(text, Config(lang="fr")).text == text


def test_an_unclosed_single_quote_is_a_speck_where_the_text_quotes_with_double_marks() -> None:
    from ocrfix import fix

    doubles = '"Yes," he said. \'The door was shut. "No," she said, "it was not."'
    assert fix(doubles).text == doubles.replace("'The", "The")
    curly = "\u201cYes,\u201d he said. \u2018The door was shut. \u201cNo,\u201d she said."
    assert fix(curly).text == curly.replace("\u2018The", "The")
    # A text that quotes with single marks runs a quotation over sentences.
    singles = "'Yes,' he said. 'The door was shut. It was late.' 'No,' she said."
    assert fix(singles).text == singles


def test_a_common_word_broken_in_a_line_is_joined_but_not_onto_the() -> None:
    from ocrfix import fix

    assert fix("He looked at the con- tents of the box.").text == (
        "He looked at the contents of the box."
    )
    # Not "ofthe": the hyphen between two words English pairs is a speck.
    assert fix("At the end of- the day he left.").text == "At the end of the day he left."


def test_a_comma_or_stop_set_off_from_its_word_is_joined_to_it() -> None:
    from ocrfix import fix

    assert fix("She said it was over , and left .\nThen").text == (
        "She said it was over, and left.\nThen"
    )
    # Old print and French set colons off: in a text that does so as a rule,
    # for review, not fixed.
    spaced = "She said : it was over ; he said : it was not ; they left."
    assert fix(spaced).text == spaced


def test_a_stop_inside_a_sentence_is_a_speck() -> None:
    from ocrfix import fix

    assert fix("He was taken to the. prison cell and then. he left.").text == (
        "He was taken to the prison cell and then he left."
    )
    for text in (
        "He paid 5s. a week, from seven p.m. to nine.",
        "A rope 6 in. long, tools, etc. and more; a word pro. and con.",
        "He saw Mr. and Mrs. Smith. they left.",
        "It took him 5 mins. more, and 3 hrs. later he left.",
        "He was sent to hard work. a",  # a speck after a stop
    ):
        assert fix(text).text == text


def test_a_colon_after_an_article_or_and_is_a_speck() -> None:
    from ocrfix import fix

    assert fix("He took the: ring and: then left.").text == "He took the ring and then left."
    kept = "It consists of: bread, salt and water; send it to: the office."
    assert fix(kept).text == kept


def test_a_comma_before_a_sentence_opener_is_a_stop_in_a_noisy_text() -> None:
    from ocrfix import fix

    noisy = "Tbe prisoner wns brought up agaiu at tbe court yesterday. "
    ended = "He was remanded, The magistrate said he would hear the case."
    assert fix(noisy + ended).text.endswith(
        "He was remanded. The magistrate said he would hear the case."
    )
    assert fix(ended).text == ended  # clean text keeps its commas
    for kept in (
        "He lives at Mill Lane, New Town, and was remanded.",  # an address
        "If you use the Work, You ought to know that You may copy it.",  # a defined term
    ):
        assert fix(noisy + kept).text.endswith(kept)


def test_a_closing_single_quote_that_nothing_opens_is_a_speck_in_a_double_quote_text() -> None:
    from ocrfix import fix

    text = '"Yes," he said. The door\u2019 was shut. "No," she said.'
    assert fix(text).text == text.replace("door\u2019", "door")
    # A headline's quotation opens before a digit: it is closed, not stray.
    text = '"Yes," he said. The headline \'90% Done at Last\' was read. "No," she said.'
    assert fix(text).text == text


def test_an_unlisted_word_is_less_likely_meant_than_a_rare_listed_one() -> None:
    """An unlisted string's prior is UNKNOWN_ZIPF, below any listed word's."""
    from ocrfix.api import DEFAULT
    from ocrfix.doc import make_doc
    from ocrfix.words import UNKNOWN_ZIPF, keep_score

    doc = make_doc("He went home.", DEFAULT)
    assert keep_score("retnrned", None, doc.model, doc.stats, sentence_start=False) == UNKNOWN_ZIPF


def test_an_unlisted_word_no_typical_misreading_explains_keeps_a_rare_words_prior() -> None:
    """A writer's own spelling one generic edit from a word is no misreading."""
    from ocrfix.candidates import Proposal
    from ocrfix.words import UNEXPLAINED_ZIPF, UNKNOWN_ZIPF, unexplained_prior

    generic = [Proposal("payment", 4.7, 2.3, "dictionary")]
    typical = [Proposal("returned", 4.8, 1.0, "confusion"), *generic]
    assert unexplained_prior(UNKNOWN_ZIPF, generic) == UNEXPLAINED_ZIPF
    assert unexplained_prior(UNKNOWN_ZIPF, typical) == UNKNOWN_ZIPF
    assert unexplained_prior(2.0, generic) == 2.0  # a name's or a listed word's stays


TRIAL = (
    "The witness was called again. The witness said nothing, and the chairman looked at "
    "the witness for some time before he spoke to the board about the case. "
)


def test_a_word_the_document_uses_is_the_likelier_reading() -> None:
    """ "witnqss" (a generic edit from "witness") is sure only where the document
    itself says "witness"."""
    from ocrfix import fix

    assert fix(TRIAL + "Then the witnqss was removed.").text.endswith("the witness was removed.")
    assert fix("Then the witnqss was removed.").text == "Then the witnqss was removed."


def test_a_real_word_is_not_read_as_a_word_the_document_uses() -> None:
    from ocrfix import check

    text = (
        "The state paid the costs. The state said so in court. The state was poor that "
        "year. They ate a stale loaf of bread."
    )
    assert "stale" not in [f.text for f in check(text)]


def test_a_real_word_the_document_is_about_is_only_flagged_where_context_doubts_it() -> None:
    """ "hook" three times and "book" never: the document's subject, not the
    same misreading over and over; the flag stays, for review."""
    from ocrfix import check, fix

    text = "Register a hook first. This hook can receive data. Each hook must call next."
    assert fix(text).text == text
    doubted = [f for f in check(text) if f.text == "hook"]
    assert doubted and all(f.confidence <= 0.5 for f in doubted)


def test_an_unlisted_word_the_document_uses_often_is_its_own_unless_a_typical_misreading() -> None:
    """ "semver" three times, "server" never, and m is no typical misreading
    of r: the document's term. An "intemal" used as often is "internal", rn
    read as m every time."""
    from ocrfix import fix

    own = "Use semver ranges. A semver range is parsed by semver. The wcrk is donc."
    assert fix(own).text == own.replace("wcrk", "work").replace("donc", "done")
    misread = "The intemal rules hold. The intemal board met, and intemal mail came."
    assert fix(misread).text == misread.replace("intemal", "internal")


def test_a_common_word_the_context_model_lacks_is_doubted_only_on_strong_context() -> None:
    """ "ho" is common in web text but absent from the bigram model: where the
    neighbours call for "he" it is read so; "en masse" has no such evidence."""
    from ocrfix import check, fix

    assert fix("It was late, and ho went to bed.").text == "It was late, and he went to bed."
    assert check("The crowd left en masse after the vote.") == []


def test_one_unmatched_single_quote_among_matched_ones_is_removed() -> None:
    """A text that quotes with double marks and has matched single quotes
    inside them: one more, matched by nothing, is a speck (less sure)."""
    from ocrfix import fix

    text = '"He said \'stop\' and left," she said. The \'door was shut. "No," he said.'
    assert fix(text).text == text.replace("'door", "door")


@pytest.mark.parametrize(
    "text",
    [
        "To see it, type `show w'. Then type `show c' for details.",  # plain-text quoting
        "TWO DAYS' LEAVE FOR THE CREW.",  # a plural's possessive, in capitals
        "The terms are: i. notices; ii. publicity and\niii. other rights of the author.",
        "Documents in PostScript or WordPerfect are accepted.",  # capitalized words run together
        "Copyright \u00a9 1998 Jane Roe, \u00a9 2004 Ann Poe.",  # the sign before its year
        "The Licence.\n .\n Terms of use.\n .\n Warranty.\n .\n The End.",  # separator lines
        "Provided ``AS IS'' and without warranty.",  # TeX-style double quotes
        ".. note::\n\n   Take steps 1..10 as shown::\n\n   code",  # reStructuredText, a range
        "Copyright 1998,1999 Jane Roe.",  # a list of years
        "Set in TeX. We read TeX files.",  # a name's casing, used again
        "It runs on macOS and calls toJSON once.",  # a name with an abbreviation
        "The default is \"\" and unshift('') does nothing.",  # empty strings
        ";; This file is part of Emacs.\n;; It is free.\n;; See the licence.",  # comment leaders
        "Run it with -v/--verbose or -mtune=native for more.",  # command-line options
        "This software is provided 'as-is', without any warranty.",  # quoted, closed after an s
    ],
)
def test_clean_marks_and_capitals_of_other_conventions_are_not_changed(text: str) -> None:
    from ocrfix import fix

    assert fix(text).text == text


def test_the_ocr_slips_those_conventions_resemble_are_still_mended() -> None:
    """A speck-sign not before a year, a lone stop on one line, a doubled stop,
    a day and a year run together, a case slip used once."""
    from ocrfix import fix

    text = "He came \u00a9 home.\n .\n On.. Monday, March 5,1999, he waS there."
    assert fix(text).text == "He came home.\n\n On. Monday, March 5, 1999, he was there."


def test_a_text_quoting_with_double_marks_is_not_taken_for_british_style() -> None:
    """Two single quotes after a stop or comma, read from specks, do not make a
    text that quotes with double marks a British one; a British text that
    nests a double quote inside its singles still is one."""
    from ocrfix import fix

    specks = (
        '"Yes," he said. "The door was shut," she said. "No," he said, "it was not." '
        "The coal,' he added, was sold. The shop.' It was late. The 'door was open."
    )
    assert "'door" not in fix(specks).text
    british = "'Yes,' he said. 'The door was \"shut\". It was late.' 'No,' she said."
    assert fix(british).text == british


def test_a_word_broken_by_a_hyphen_and_misread_is_joined_and_mended() -> None:
    from ocrfix import fix

    text = "He said that the aecom-\nmodation was let to them on the day."
    assert fix(text).text == "He said that the accommodation was let to them on the day."
    # Two parts that make no word and nothing like one stay as they are.
    garble = "The man was seen at the qzx- vbnm near the door of the house."
    assert fix(garble).text == garble


def test_a_lone_letter_glued_to_marks_is_a_fragment_not_a_speck() -> None:
    """ "m~ll": the letter is a piece of a word, flagged with nothing to delete;
    alone between spaces it is a speck, and its deletion takes a space along."""
    from ocrfix import check

    glued = [f for f in check("The old m~ll stood near the door of the house.") if f.text == "m"]
    assert [(f.kind, f.suggestions) for f in glued] == [(FlagKind.NON_WORD, ())]
    alone = [f for f in check("The man said so.\nk The door was shut.") if "k" in f.text]
    assert [(f.text, f.kind, f.best and f.best.text) for f in alone] == [
        ("k ", FlagKind.GARBAGE, "")
    ]


def test_a_join_of_a_broken_word_decides_its_parts() -> None:
    """ "agri- culturc": alone, "culturc" is surely "culture", a surer reading
    than the join's, but it would leave the break; the join wins."""
    from ocrfix import fix

    text = "Tbe man said tbat he read tbe lit- crature of agri- culturc at home."
    fixed = fix(text).text
    assert "literature" in fixed
    assert "agriculture" in fixed


def test_joins_before_parts_drops_only_word_readings_inside_a_join() -> None:
    join = Flag(
        4,
        14,
        "agri- culturc",
        FlagKind.HYPHENATION,
        "joined",
        0.8,
        (Candidate("agriculture", 0.8, "dictionary"),),
    )
    part = Flag(
        10,
        14,
        "culturc",
        FlagKind.NON_WORD,
        "unknown",
        0.99,
        (Candidate("culture", 0.99, "dictionary"),),
    )
    hyphen = Flag(8, 9, "-", FlagKind.HYPHENATION, "broken", 0.5)
    outside = Flag(
        20, 24, "tbe", FlagKind.NON_WORD, "unknown", 0.9, (Candidate("the", 0.9, "dictionary"),)
    )
    assert joins_before_parts([join, part, hyphen, outside]) == [join, hyphen, outside]
    compound = replace(join, suggestions=(Candidate("agri-culture", 0.8, "rule"),))
    assert joins_before_parts([compound, part]) == [compound, part]


def test_a_word_broken_by_a_hyphen_with_a_speck_between_its_parts_is_joined() -> None:
    from ocrfix import fix

    text = "The com- sl pany was sold, and he was stand- ing by the door of the house."
    fixed = "The company was sold, and he was standing by the door of the house."
    assert fix(text).text == fixed
    # Too short a word to join over a word between: "to- ... by" is no join
    # (the hyphen, between two words English pairs, is a speck).
    short = "He went to- him by the door of the house."
    assert fix(short).text == short.replace("to-", "to")


def test_a_rare_word_broken_in_a_line_is_joined_and_a_capital_speck_is_skipped() -> None:
    from ocrfix import fix

    assert fix("The wheel- wright came at noon to mend the cart.").text == (
        "The wheelwright came at noon to mend the cart."
    )
    assert fix("He said that some- Er thing was wrong with the door.").text == (
        "He said that something was wrong with the door."
    )
    phrase = "It was a piece of- the old wall at the end."  # not "ofthe": a phrase's word
    assert fix(phrase).text == phrase.replace("of-", "of")


def test_a_mark_set_off_is_joined_unless_the_text_sets_its_marks_off() -> None:
    """A colon set off is a slip, in a text that joins its colons and
    semicolons as a rule or has too few to say; in a text that sets them off
    as a rule (old print) it is the style."""
    from ocrfix import fix

    joined = "He said: no. She said: yes; he left. They said: maybe. He asked : why?"
    assert fix(joined).text == joined.replace("asked :", "asked:")
    assert fix("He said : the door was shut.").text == "He said: the door was shut."
    spaced = "He said : no. She said : yes ; he left. They said : maybe. He asked: why?"
    assert fix(spaced).text == spaced


def test_a_bracket_inside_a_word_with_no_partner_on_its_line_is_a_speck() -> None:
    from ocrfix import fix

    assert fix("The men wal)ked home.").text == "The men walked home."
    kept = "4) The author(s) and the call f(x) stay;\nso does printf(fmt, x) here."
    assert fix(kept).text == kept


def test_a_word_broken_at_a_line_end_with_its_hyphen_read_as_a_stop_is_joined() -> None:
    """ "remem. bered": the second part is no word, the two make a common one;
    a stop before a word, or before a fragment that joins into no word, stays."""
    from ocrfix import fix

    assert fix("I remem. bered it, and he was exam.\nined by the surgeon.").text == (
        "I remembered it, and he was examined by the surgeon."
    )
    kept = "He came home. Then, ined, he left."
    assert fix(kept).text == kept


def test_a_word_broken_by_a_hyphen_a_reflow_kept_is_joined() -> None:
    """ "gar-dener": a part is no word and the two make a common one; compounds
    of two words ("re-entry", "well-known") keep their hyphens."""
    from ocrfix import fix

    assert fix("A gar-dener was ex-amined there.").text == "A gardener was examined there."
    kept = "A well-known re-entry and co-operation."
    assert fix(kept).text == kept


def test_paths_and_byte_values_are_not_corrected() -> None:
    from ocrfix import fix

    text = "Files: po/hy.po and doc/coreutils.texi, /etc/passwd; key 8A:F3:10:6B:DE:D0."
    assert fix(text).text == text


def test_single_quotes_that_do_not_pair_up_are_no_british_quoting() -> None:
    """Specks read as single quotes, some after a stop or comma: most pair with
    nothing, so the text does not quote with them, and they go."""
    from ocrfix import fix

    text = (
        "The man came.' He went 'home at noon. The door,' was shut and the light' "
        "was out. She 'left the room. The dog' barked and the cart' was sold."
    )
    assert fix(text).text == (
        "The man came.' He went home at noon. The door,' was shut and the light "
        "was out. She left the room. The dog barked and the cart was sold."
    )


def test_an_opening_double_quote_spaced_from_its_word_is_joined_to_it() -> None:
    """Opening by the count of double quotes before it in its paragraph; a
    closing one spaced off stays for review."""
    from ocrfix import fix

    assert fix('She said " we shall go," and left.').text == 'She said "we shall go," and left.'
    closing = 'He said "I will go " and left.'
    assert fix(closing).text == closing


def test_a_stop_after_a_short_function_word_inside_a_sentence_is_a_speck() -> None:
    from ocrfix import fix

    fixed = fix("We came so. far and it. seemed late.").text
    assert fixed == "We came so far and it seemed late."
    kept = "a. the first item\nb. the second, at 5 a. m. daily."
    assert fix(kept).text == kept


def test_a_near_word_the_index_finds_is_taken_at_its_calibrated_confidence() -> None:
    """A reading the index search finds, one edit from an unknown word with no
    rival, is right more often than its raw share says (the reliability table):
    its confidence is recalibrated, and it is taken."""
    from ocrfix import check, fix

    assert fix("The beautifl was there yesterday.").text == "The beautiful was there yesterday."
    (flag,) = check("The beautifl was there yesterday.")
    assert flag.best is not None and flag.best.source == "dictionary"


def test_a_split_word_is_joined_over_a_suffix_but_not_over_a_word() -> None:
    """ "bark ing": a part that is no word of running text is a piece of one,
    though the word lists list "ing"; "post mortem", "to day's": each part
    is a word, and the two are written apart on purpose."""
    from ocrfix import fix

    assert fix("The dogs were bark ing all night.").text == "The dogs were barking all night."
    kept = "The surgeon made a post mortem examination. At to day's sitting the house rose."
    assert fix(kept).text == kept


def test_a_long_unknown_words_best_reading_is_taken_at_its_calibrated_confidence() -> None:
    """A long unknown word has few neighbours: its best reading is right more
    often than its share of the ranking says (the reliability table), so in
    noisy text it is taken, though rival readings share the rest."""
    from ocrfix import check, fix

    assert fix("He was an engimeeer there.").text == "He was an engineer there."
    (flag,) = check("He was an engimeeer there.")
    assert flag.best is not None and flag.best.confidence >= 0.7
    # A rare word the word lists know is genuine, not a misreading.
    kept = "The crew were weary and desponding after the storm, and silent."
    assert fix(kept).text == kept


def test_a_stop_ending_a_line_after_a_word_that_ends_no_sentence_is_a_speck() -> None:
    from ocrfix import fix

    assert fix("They searched the house and the.\ngarden.").text == (
        "They searched the house and the\ngarden."
    )
    kept = "The guests had all arrived.\nsoon after, it rained."
    assert fix(kept).text == kept


def test_a_comma_after_an_article_is_a_speck() -> None:
    from ocrfix import fix

    assert fix("He took the, money from a, drawer.").text == "He took the money from a drawer."


def test_a_capitalised_word_near_a_listed_one_is_mended_in_a_noisy_text_only() -> None:
    """Inside a sentence a capitalised unknown word may be a name; in a text
    with OCR noise it is searched for near words, and one a typical slip
    away is taken ("Thuxsday"). A clean text keeps its names, though one is
    a letter from a listed word ("Marden")."""
    from ocrfix import fix

    assert fix("The meeting was held on Thuxsday at the hall.").text == (
        "The meeting was held on Thursday at the hall."
    )
    kept = (
        "The meeting of the parish council was held on Monday evening at the hall, "
        "when Mr. Marden took the chair and the accounts of the year were read "
        "and passed without a word of dissent from the members present."
    )
    assert fix(kept).text == kept


def test_a_misread_join_is_calibrated_as_a_long_unknown_words_reading() -> None:
    """Parts that join into no word are ranked as one unknown word; a long
    one's best reading is right more often than its share says, so the join
    is mended at its calibrated confidence."""
    from ocrfix import fix

    assert fix("It was a remark- ablc thing.").text == "It was a remarkable thing."


def test_a_break_whose_hyphen_was_read_as_a_stop_after_a_fragment_is_joined() -> None:
    """ "un. able": the part before the stop is no word of running text, so
    the two make one word though the part after it is a word."""
    from ocrfix import fix

    assert fix("He was un. able to come.").text == "He was unable to come."
    assert fix("The ex. change was made.").text == "The exchange was made."


def test_a_listed_compound_is_split_only_into_two_of_the_commonest_words() -> None:
    """ "runtime" is a word of its own, though the context model lacks it, even
    in a text with OCR errors; "ofthe", which the word lists carry too, is a
    lost space."""
    from ocrfix import fix

    assert fix("The wcrk is donc; errors at runtime are thrown.").text == (
        "The work is done; errors at runtime are thrown."
    )
    assert fix("He was the master ofthe ship.").text == "He was the master of the ship."


def test_several_words_run_together_are_cut_where_the_context_model_reads_a_phrase() -> None:
    """A line set too tight loses all its spaces at once: "inthemorning" is
    cut into the likeliest run of common words when the context model has
    seen them follow one another. A cut whose words do not follow one
    another ("not to way") or that leaves a stray letter ("hands a of") is
    no reading, even in a noisy text, where readings are taken readily."""
    from ocrfix import fix

    assert fix("He was inthemorning at the mill.").text == "He was in the morning at the mill."
    assert fix("She was a girl, asitwasverylate, at home.").text == (
        "She was a girl, as it was very late, at home."
    )
    noisy = "He took tbe road to nottoway at lust, and wcnt. Tbe men took handsaof tbe rope."
    assert "to nottoway" in fix(noisy).text
    assert "handsaof" in fix(noisy).text
