"""Detectors for words: non-words, real-word confusions, and words broken or run together.

Each detector is a pure function ``Doc -> Iterator[Flag]``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

import regex

from ocrfix.candidates import real_word_proposals
from ocrfix.confusions import channel_cost
from ocrfix.doc import Doc
from ocrfix.model import CLEAN_NOISE, COMMON_ZIPF, Model
from ocrfix.scripts import private_glyph, scripts
from ocrfix.types import Candidate, Flag, FlagKind, Token, TokenKind
from ocrfix.words import Ranking, Reading, rank

# A real word is doubted only when the alternative fits its neighbours at
# least this much better (log10, i.e. 100x): without context evidence "arid"
# must stay "arid". And only for one typical confusion (channel cost at most
# REAL_WORD_MAX_COST), and never when capitalised (names, sentence starts).
# Both from benchmarks/calibrate.py: looser, real-word fixes were right
# about half the time on the bench's real OCR.
REAL_WORD_MARGIN = 2.0
REAL_WORD_MAX_COST = 1.3
# A common word the context model has never seen ("ho", a borrowed "en") is
# doubted as a real word is, by one typical confusion, but only where the
# alternative fits its neighbours this much (log10) in itself: there is no
# fit of the word's own to beat, only the backoff penalty of an unseen one.
# "and ho went" -> "he" (5.3); a bigram "en" is part of ("en masse") is no
# such fit. bln600-real single: 7 words closer to the truth, 1 further ("et"
# -> "it"); at 3.0 a slip of the bench's own clean transcription was changed
# too, to a word that fit by 3.47 but was not the one meant.
UNJUDGED_MARGIN = 3.5
# A hyphen inside a word where a part is no word and the two make a common
# word ("gar-dener", "ex-amined"): a line-end break kept when the text was
# re-flowed; read as the word.
BROKEN_WORD = 0.8
BROKEN_WORD_LETTERS = 6
BROKEN_WORD_ZIPF = 3.0
# A lone letter other than "a", "I", "O" is read only as "I" ("T think so"): as
# anything else it is more often a speck than a word.
LONE_LETTER_READINGS = frozenset({"I"})
# A lone digit standing where a word should be ("1 order") is checked as a word.
LONE_DIGITS = frozenset("105")
# Numbers with a unit, ordinal or plural ending are not OCR errors: 1st, 10s,
# 1980s, 5km, 16x9, 3D.
NUMBER_WITH_ENDING = regex.compile(
    r"\d+(?:st|nd|rd|th|d|s|'s|x\d+|[kmc]?m|kg|g|lb|ft|in|am|pm|D)", regex.IGNORECASE
)
ROMAN_NUMERAL = regex.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Rounds of re-reading words next to sure corrections; chains of errors
# longer than this in a row are rare.
MAX_PASSES = 4
# Suggestions below this probability are noise, not worth showing.
MIN_SUGGESTION = 0.01
# In a text with OCR noise (more than model.CLEAN_NOISE), readings the index
# search found (source "dictionary") are right more often than their share of
# the ranking says: on the bench's real OCR, those at 0.5-0.6 were right 62%
# of the time, at 0.6-0.7 86%, at 0.7-0.8 84%, where the confusion table's
# were right 44%, 47% and 61% (benchmarks/calibrate.py, by source). Their
# confidence is recalibrated as p ** SEARCH_CALIBRATION (0.5 -> 0.66, 0.6 ->
# 0.74, 0.7 -> 0.81). Not in a clean text: there an unknown word is more
# often its writer's own spelling (a web page's "adres").
SEARCH_CALIBRATION = 0.6
# The longer an unknown word, the fewer words lie near it, and the likelier
# its best reading is the one meant, however little of the ranking it holds:
# in noisy text, unknown words of LONG_WORD_LETTERS or more whose best reading
# held 0.3-0.4 of the ranking were right 89% of the time on the bench's real
# OCR and 50-100% on its Tesseract OCR (0.4-0.5: 69-100%), against 40-45% for
# words of 3-6 letters. Their one-word readings are recalibrated as
# p ** LONG_WORD_CALIBRATION (0.3 -> 0.66, 0.4 -> 0.73, 0.5 -> 0.78); a split
# ("at inject") is not: a long unknown word in a clean text is often an
# identifier; nor a word the word lists list, however rarely ("disconsolate":
# such words were all genuine, 4 of 4, on both sets). bln600-real single CER
# -18.2% -> -18.9%, bln600-tess -35.8% -> -36.4%, the bench's clean text
# unchanged; 100 licence and copyright files (3.7 MB): 499 -> 500 changes.
# Seven letters: one more clean edit; an exponent of 0.25: two more.
LONG_WORD_CALIBRATION = 0.35
LONG_WORD_LETTERS = 8
# An unknown lower-case word is suspect even with no good candidate; a word
# with digits among its letters more so.
UNKNOWN_WORD_CONFIDENCE = 0.5
MIXED_DIGITS_CONFIDENCE = 0.6
FRAGMENT_MAX_LENGTH = 3
# The costliest single rule of the confusion table: one typical confusion.
TYPICAL_CONFUSION = 1.3
VOWELS = frozenset("aeiouy")
SPACING_KINDS = frozenset({TokenKind.SPACE, TokenKind.NEWLINE})
# A capital after these is a name's ("McLeod", "DeWitt", "O'Neill").
NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O'", "D'")
# A letter after these words names a thing ("plan b", "type c"); one after a
# list's conjunction that follows a lone letter is an item ("a, b and c").
NAMED_BY_LETTER = frozenset(
    """letter letters section subsection part plan item type grade class vitamin
    column row paragraph clause option size model exhibit schedule appendix figure
    table step point group unit variable""".split()  # noqa: SIM905 (a word list)
)
LIST_CONJUNCTIONS = frozenset({"and", "or"})
LETTER_LIST_REACH = 8
WORD_BEFORE_LETTER = regex.compile(r"(\p{L}+)[,;.]? $")
WORD_REACH_FOR_LETTER = 40
# A known word whose inner letters are in the wrong case is surely misread;
# which case it had is less sure.
CASE_SLIP_CONFIDENCE = 0.9
CAMEL_PART = 3
# Small letters, then two capitals or more to the end ("macOS", "toJSON"): a
# name with an abbreviation, not a case slip, which OCR makes a letter at a
# time ("waS", "STATIOn").
ABBREVIATION_SUFFIX = regex.compile(r"\p{Ll}{2,}\p{Lu}{2,}")
# An unlisted closed compound ("gatekeepers") is of two words of this many
# letters or more ("cog" + "dent" is a fragment), not of two common words (a
# genuine compound of such would be listed: "roadahead" is two words run
# together) nor with a function word as a part ("thatsilence").
COMPOUND_PART_MIN = 4
COMPOUND_COMMON_PARTS_ZIPF = 4.5
COMPOUND_FUNCTION_WORD_ZIPF = 6.0
# A word the document uses this often is its own, not the same misreading
# over and over: a real word where the word context favours appears nowhere
# in the document ("This hook can receive" in a text about hooks, none about
# books), an unlisted one used more often than its best reading, which no
# typical confusion explains ("semver", not "server"; an "intemal" used thrice
# is "internal", rn read as m). Flagged for review (TOPIC_WORD_CONFIDENCE),
# not changed. On the bench's OCR none of some 2,000 suggestions at 0.7 or
# more to words was of such a word; in 299 Markdown files "semver" became
# "server" 53 times and "hook" "book".
TOPIC_WORD_USES = 3
TOPIC_WORD_CONFIDENCE = 0.5
# A word in capitals this long, unlisted but near a listed word, is a
# headline's word misread, not a name ("COMMITTEF"); shorter ones are
# often initials or abbreviations.
HEADLINE_WORD_LETTERS = 5
# The OCR engine's own doubt, where a layout file gives its word confidences
# (0..1): a word it read with less than LOW_ENGINE_CONFIDENCE is flagged for
# review, and a real word there needs less context (REAL_WORD_MARGIN_UNSURE)
# to be proposed as a confusion. On 90 bench texts rendered and read again by
# Tesseract 5 as hOCR (README, "OCR confidences"), the words below 0.3 / from
# 0.3 to 0.5 that ocrfix did not flag otherwise were misread 68% / 52% of
# the time; from 0.5 to 0.6, 43%; above 0.95, 0.3%.
LOW_ENGINE_CONFIDENCE = 0.5
REAL_WORD_MARGIN_UNSURE = 1.0


def words(doc: Doc) -> Iterator[Flag]:
    """Non-words, real-word confusions and run-together words, one flag per suspect word.

    Words next to a sure correction are read again with the corrected word
    as context ("chargecl witb" -> "charged with": "witb" is only sure once
    "charged" is read), until nothing changes or MAX_PASSES is reached.
    """
    ranked = range(len(doc.tokens)) if doc.focus is None else sorted(doc.focus)
    flags = {i: list(_check_token(doc, i)) for i in ranked}
    readings = _sure_readings(doc, flags)
    changed = set(readings)
    for _ in range(MAX_PASSES - 1):
        if not changed:
            break
        again = replace(doc, readings=readings)
        for i in _neighbours(doc, changed):
            flags[i] = list(_check_token(again, i))
        new = _sure_readings(doc, flags)
        changed = {i for i in new.keys() | readings.keys() if new.get(i) != readings.get(i)}
        readings = new
    for found in flags.values():
        yield from found


def engine_doubts(doc: Doc) -> Iterator[Flag]:
    """The words the OCR engine itself was unsure of (see LOW_ENGINE_CONFIDENCE),
    for review: the flag is as sure as the engine was not."""
    for i, confidence in sorted(doc.engine.items()):
        token = doc.tokens[i]
        if confidence < LOW_ENGINE_CONFIDENCE and token.kind not in SPACING_KINDS:
            yield Flag(
                token.start,
                token.end,
                token.text,
                FlagKind.LOW_CONFIDENCE,
                f"the OCR engine was unsure of it (confidence {confidence:.2f})",
                round(1 - confidence, 3),
            )


def _sure_readings(doc: Doc, flags: Mapping[int, list[Flag]]) -> dict[int, str]:
    """Token index -> the reading ``fix`` would put there, for one-token flags."""
    return {
        i: found[0].best.text
        for i, found in flags.items()
        if len(found) == 1
        and found[0].best is not None
        and found[0].best.confidence >= doc.config.min_confidence
        and (found[0].start, found[0].end) == (doc.tokens[i].start, doc.tokens[i].end)
    }


def _neighbours(doc: Doc, changed: set[int]) -> set[int]:
    """Word tokens next to a changed one (across spaces and line breaks)."""
    near = set()
    for i in changed:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(doc.tokens) and doc.tokens[j].kind in (
                TokenKind.SPACE,
                TokenKind.NEWLINE,
            ):
                j += step
            if 0 <= j < len(doc.tokens):
                near.add(j)
    return near


def _check_token(doc: Doc, i: int) -> Iterator[Flag]:
    token = doc.tokens[i]
    if (
        token.kind is TokenKind.WORD
        and not _beyond_doubt(token.text, doc.model)
        and not _beside_private_glyph(doc.tokens, i)
    ):
        yield from _check_word(doc, i)
    elif token.kind is TokenKind.NUMBER and token.text in LONE_DIGITS and _stands_for_word(doc, i):
        yield from _check_part(doc, i, token.start, token.text, None, doc.right_word(i))


def _beside_private_glyph(tokens: Sequence[Token], i: int) -> bool:
    """Is token ``i`` glued to a private-use glyph (see scripts.private_glyph)?
    Then it is a piece of a word with a letter ocrfix cannot read (the
    "berliefern" of U+E72B + "berliefern", "überliefern"), not a word to mend."""
    return any(0 <= j < len(tokens) and private_glyph(tokens[j].text) for j in (i - 1, i + 1))


@lru_cache(maxsize=1 << 16)
def _beyond_doubt(word: str, model: Model) -> bool:
    """A word no context can make suspect: the context model knows it, it has
    more than one letter, all of the language's script, and no typical
    confusion turns it into another word the context model knows.

    Most tokens of any text are such words; deciding it once per form keeps
    them cheap.
    """
    return (
        len(word) > 1
        and word.isalpha()
        and not _inner_capital(word)
        and model.in_context(word)
        and scripts(word) == {model.script}
        and not real_word_proposals(word, model)
    )


def _stands_for_word(doc: Doc, i: int) -> bool:
    """A lone digit opening a sentence before a lower-case word ("1 order the ...")."""
    right = doc.right_word(i)
    return right is not None and right[:1].islower() and doc.starts_sentence(i)


def _check_word(doc: Doc, i: int) -> Iterator[Flag]:
    token = doc.tokens[i]
    text = token.text
    if (doc.model.is_known(text) and "-" in text) or scripts(text) - {doc.model.script}:
        # A known compound; a homoglyph, which detect_marks reports; or a word
        # in another script, which this language's lexicon cannot judge.
        return
    if (joined := _broken_word(text, doc.model)) is not None:
        yield Flag(
            token.start,
            token.end,
            text,
            FlagKind.HYPHENATION,
            "a word broken by a hyphen",
            BROKEN_WORD,
            (Candidate(joined, BROKEN_WORD, "rule"),),
        )
        return
    elided = doc.model.elision(text)  # French "l'église": judge "église"
    stem = _strip_possessive(text[elided:])
    parts = stem.split("-")
    offset = token.start + elided
    for k, part in enumerate(parts):
        if part and not _designation(part, parts[k + 1] if k + 1 < len(parts) else ""):
            left = parts[k - 1] if k > 0 else doc.left_word(i)
            right = parts[k + 1] if k + 1 < len(parts) else doc.right_word(i)
            if right is None and k + 1 == len(parts) and stem == text[elided:]:
                right = doc.next_text(i) if doc.next_text(i) == "." else None
            yield from _check_part(doc, i, offset, part, left, right, first=k == 0)
        offset += len(part) + 1


def _broken_word(word: str, model: Model) -> str | None:
    """``word`` joined, if it is one word broken by a hyphen that a re-flow kept
    ("gar-dener", "ex-amined"): a part is no word and the join a common word of
    BROKEN_WORD_LETTERS or more (see BROKEN_WORD); None otherwise."""
    first, hyphen, second = word.partition("-")
    if not hyphen or "-" in second or not second.islower():
        return None
    joined = first + second
    if model.is_known(first) and model.is_known(second):
        return None
    if len(joined) < BROKEN_WORD_LETTERS or model.zipf(joined) < BROKEN_WORD_ZIPF:
        return None
    return joined


def _case_slip(word: str, model: Model) -> str | None:
    """``word`` in the case it should have, if OCR misread the case of letters
    inside it ("waS", "discoVer", "BoY"): a known word with a capital after a
    small letter, past a name's prefix ("McLeod", "DeWitt") and a first small
    letter ("eBay"); it takes the case most of its letters have. None if it
    is no such slip, or the letters are as many small as capital."""
    letters = [c for c in word if c.isalpha()]
    if not _inner_capital(word) or not model.is_known(word) or word.startswith(NAME_PREFIXES):
        return None
    if _camel_case(word) or ABBREVIATION_SUFFIX.fullmatch(word):
        return None  # "PostScript", "macOS": a brand, a name
    upper = sum(c.isupper() for c in letters)
    lower = len(letters) - upper
    if upper == lower:
        return None
    return word.upper() if upper > lower else word[:1] + word[1:].lower()


def _camel_case(word: str) -> bool:
    """Is ``word`` capitalized words run together, each of CAMEL_PART letters or
    more ("PostScript", "WordPerfect"), not a case slip ("BoY", "SoMe")?"""
    parts = regex.findall(r"\p{Lu}\p{Ll}*", word)
    return "".join(parts) == word and all(len(p) >= CAMEL_PART for p in parts)


def _inner_capital(word: str) -> bool:
    """Has ``word`` a capital right after a small letter, past its second letter?"""
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word[1:]))


def _designation(part: str, following: str) -> bool:
    """Is ``part`` the letters of a designation ("Su" of "Su-24", "MiG" of
    "MiG-29"): capitalized, hyphened to a number? Types, not words."""
    return part[:1].isupper() and following[:1].isdigit()


def _fragment(word: str, model: Model) -> bool:
    """A short string that is no word: a piece of one, in print.

    Lower case without a vowel and unknown to the context model ("rn", "tb",
    "ng": web text lists such strings, print has no such words); or
    capitalised, not an acronym, and unlisted ("Xq", "Tnw").
    """
    if len(word) > FRAGMENT_MAX_LENGTH:
        return False
    if word.islower():
        return not model.in_context(word) and not any(c in VOWELS for c in word)
    return word[:1].isupper() and not word.isupper() and not model.is_known(word)


def _compound(word: str, model: Model) -> bool:
    """A closed compound of two words that the context model knows ("gatekeepers"),
    shaped as COMPOUND_PART_MIN says; web-listed fragments ("wil") do not count."""
    return len(word) >= 2 * COMPOUND_PART_MIN and any(
        model.in_context(word[:k])
        and model.in_context(word[k:])
        and _compound_parts(word[:k], word[k:], model)
        for k in range(COMPOUND_PART_MIN, len(word) - COMPOUND_PART_MIN + 1)
    )


def _compound_parts(first: str, second: str, model: Model) -> bool:
    """May ``first`` and ``second`` make a closed compound that no list has (see
    COMPOUND_COMMON_PARTS_ZIPF)?"""
    low, high = sorted((model.zipf(first), model.zipf(second)))
    return low < COMPOUND_COMMON_PARTS_ZIPF and high < COMPOUND_FUNCTION_WORD_ZIPF


def _strip_possessive(word: str) -> str:
    """``Jones's`` -> ``Jones``: the possessive ending is not part of the spelling."""
    for ending in ("'s", "\u2019s"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word


def _check_part(
    doc: Doc,
    i: int,
    start: int,
    observed: str,
    left: str | None,
    right: str | None,
    *,
    first: bool = True,
) -> Iterator[Flag]:
    model = doc.model
    if observed.casefold() in model.user_words or NUMBER_WITH_ENDING.fullmatch(observed):
        return
    if observed.isupper() and ROMAN_NUMERAL.fullmatch(observed):
        return  # "XLVII"
    if (cased := _case_slip(observed, model)) is not None:
        if cased.isupper() and observed[:1].isupper() and doc.text.count(observed) >= 2:
            return  # "TeX" again and again: a name's casing, not capitals misread
        yield Flag(
            start,
            start + len(observed),
            observed,
            FlagKind.NON_WORD,
            "letters in the wrong case",
            CASE_SLIP_CONFIDENCE,
            (Candidate(cased, CASE_SLIP_CONFIDENCE, "rule"),),
        )
        return
    if observed[:1].isdigit() and not observed.isdigit():
        # "5ome", "l0rd", "19l2": letters read as digits, or a number with
        # specks. Only typical confusions are proposed ("5ome" -> "some").
        ranking = rank(observed, left, right, model, doc.stats, confusions_only=True)
        suggestions = _suggestions(ranking, doc.config.max_suggestions, noisy=_noisy(doc))
        yield Flag(
            start,
            start + len(observed),
            observed,
            FlagKind.NON_WORD,
            "digits mixed with letters",
            round(max(1 - ranking.keep, MIXED_DIGITS_CONFIDENCE), 3),
            suggestions,
        )
        return
    if observed.islower() and len(observed) == 1 and not model.standalone(observed):
        # "d." and "l." are abbreviations (pence, pounds); "(b)" enumerates.
        if doc.next_text(i) not in (".", ")"):
            yield _lone_letter(doc, start, observed)
        return
    lone_letter = len(observed) == 1 and not model.standalone(observed)
    known = not lone_letter and (model.running_word(observed) or observed.isdigit())
    if not known and not observed.isascii() and model.is_known(observed):
        return  # a listed word with accents ("café", "naïve") the context model lacks
    # Common, yet the context model cannot judge it ("ho", a borrowed "en"):
    # a real word all the same, doubted only as one (see UNJUDGED_MARGIN).
    unjudged = not known and not lone_letter and model.zipf(observed) >= COMMON_ZIPF
    known = known or unjudged
    if known and observed[:1].isupper() and not observed.isdigit():
        return
    if known and not observed.isdigit() and not real_word_proposals(observed, model):
        return  # nothing it could be confused with
    sentence_start = first and doc.starts_sentence(i)
    ranking = rank(
        observed,
        left,
        right,
        model,
        doc.stats,
        sentence_start=sentence_start,
        margin=(
            UNJUDGED_MARGIN - model.context.fit(left, observed, right)
            if unjudged
            else _real_word_margin(doc, i)
            if known
            else float("-inf")
        ),
        confusions_only=known,
        max_cost=REAL_WORD_MAX_COST if known else float("inf"),
        restrict_to=LONE_LETTER_READINGS if lone_letter or observed.isdigit() else None,
        # A capitalised word inside a sentence is taken for a name unless a
        # typical confusion explains it; in a clean text near words found by
        # generic edits cannot change that, so the costly index search is
        # skipped. In a noisy one, they are searched: there a capitalised
        # "Thuxsday" is more often a misread word than a name, unless it has
        # letters English lacks ("Surý").
        # Words in capitals (headlines) are searched: they are mostly common words.
        search=observed.isupper()
        or (_noisy(doc) and observed.isascii())
        or not (observed[:1].isupper() and not sentence_start),
    )
    p_error = 1.0 - ranking.keep
    suggestions = _suggestions(
        ranking,
        doc.config.max_suggestions,
        noisy=_noisy(doc),
        long_unknown=not known and _long_unknown(observed, model),
    )
    if not sentence_start:
        suggestions = tuple(_capital_misread(c, observed) for c in suggestions)
    end = start + len(observed)
    if known:
        if p_error < 0.5 or not suggestions:
            return
        kind = FlagKind.REAL_WORD
        reason = f"a real word, but context favours {suggestions[0].text!r}"
    else:
        mixed = any(c.isdigit() for c in observed)
        if p_error < 0.5 and not mixed and _looks_genuine(observed, ranking, doc, lone_letter):
            return
        p_error = max(p_error, MIXED_DIGITS_CONFIDENCE if mixed else UNKNOWN_WORD_CONFIDENCE)
        kind = FlagKind.NON_WORD
        reason = "not in the lexicon"
    best = suggestions[0].text if suggestions else ""
    if " " in best and best.replace(" ", "").casefold() == observed.casefold():
        kind = FlagKind.RUN_TOGETHER
        reason = "two words with the space between them lost"
    flag = Flag(start, end, observed, kind, reason, round(p_error, 3), suggestions)
    if best and _documents_own_word(observed, best, doc, known=known):
        why = f"the document uses {observed!r} more often than {best!r}"
        flag = flag.tentative(TOPIC_WORD_CONFIDENCE, why)
    yield flag


def _lone_letter(doc: Doc, start: int, letter: str) -> Flag:
    """A lone lower-case letter that is no word: a speck or a fragment.

    One standing alone between spaces (or a line's edge and a space) is
    mostly a speck read as a letter: its deletion, with a space beside it, is
    suggested at the review level (UNKNOWN_WORD_CONFIDENCE), which ``fix``
    applies only in a text OCR evidently misread (see threshold). There, on
    the bench's OCR, deleting such letters brought the text closer to the
    truth 71 times and further 11 (bln600-real), 31 and 2 (bln600-tess).
    Glued to marks ("m~ll", "d;.g") it is a piece of a word, left for review.
    """
    text = doc.text
    end = start + len(letter)
    before = text[start - 1 : start]
    after = text[end : end + 1]
    if (
        before not in ("", " ", "\n")
        or after not in ("", " ", "\n")
        or before == after == "\n"
        or _named_or_listed(text, start)
    ):
        return Flag(
            start,
            end,
            letter,
            FlagKind.NON_WORD,
            "a lone letter: a speck or a fragment",
            UNKNOWN_WORD_CONFIDENCE,
        )
    if after == " ":
        end += 1
    elif before == " ":
        start -= 1
    reason = "a lone letter: a speck"
    return Flag.deletion(start, text[start:end], FlagKind.GARBAGE, reason, UNKNOWN_WORD_CONFIDENCE)


def in_letter_list(text: str, at: int, before: str) -> bool:
    """Is ``before``, the word at ``at`` before a lone letter, itself a lone
    letter, or a conjunction after one: the letter is a list's item?"""
    if len(before) == 1:
        return True
    chunks = text[max(0, at - LETTER_LIST_REACH) : at].split()
    return before in LIST_CONJUNCTIONS and bool(chunks) and len(chunks[-1].rstrip(",;")) == 1


def _named_or_listed(text: str, start: int) -> bool:
    """Does the lone letter at ``start`` name a thing ("plan b") or stand in a
    list of letters ("a, b and c"), a letter meant, not a speck? Lone letters
    in a row without commas are specks in a row."""
    reach = max(0, start - WORD_REACH_FOR_LETTER)
    word = WORD_BEFORE_LETTER.search(text, reach, start)
    if word is None:
        return False
    before = word.group(1)
    if len(before) == 1:  # "a, b": a list; "s r": specks in a row
        return word.group().rstrip()[-1] in ",;"
    return before.casefold() in NAMED_BY_LETTER or in_letter_list(text, word.start(1), before)


def _documents_own_word(observed: str, alternative: str, doc: Doc, *, known: bool) -> bool:
    """Is ``observed`` a word the document uses TOPIC_WORD_USES times or more:
    a real word where ``alternative`` appears nowhere, an unlisted one used
    more often than ``alternative`` and no typical confusion of it?"""
    forms = doc.stats.forms
    uses, rival = forms[observed.casefold()], forms[alternative.casefold()]
    if uses < TOPIC_WORD_USES:
        return False
    if known:
        return not rival
    return uses > rival and channel_cost(alternative, observed) > TYPICAL_CONFUSION


def _capital_misread(candidate: Candidate, observed: str) -> Candidate:
    """``candidate`` in lower case where it mends a word inside a sentence by
    replacing or dropping its capital: that capital was a misread lower-case
    letter or a speck ("the Clarge" -> "charge", "said Ithe word" -> "the").
    A correction that keeps the capital ("Lonclon" -> "London") keeps its case."""
    text = candidate.text
    if (
        observed[:1].isupper()
        and not observed.isupper()
        and " " not in text
        and text[:1].isupper()
        and text[1:].islower()
        and text[0] != observed[0]
    ):
        return replace(candidate, text=text.lower())
    return candidate


def _real_word_margin(doc: Doc, i: int) -> float:
    """How much better an alternative to a real word must fit its context."""
    unsure = doc.engine.get(i, 1.0) < LOW_ENGINE_CONFIDENCE
    return REAL_WORD_MARGIN_UNSURE if unsure else REAL_WORD_MARGIN


def _looks_genuine(observed: str, ranking: Ranking, doc: Doc, lone_letter: bool) -> bool:
    """Should an unknown word the ranking does not doubt stay unflagged?

    Yes for what is likely genuine though unlisted: a name (capitalised, shaped
    like a word), a lone capital letter, a form that recurs, a listed but
    uncommon word, a closed compound. No for a short fragment, and no when a
    word is one typical confusion away ("Lincolnsbire"): a reader should look.
    """
    model = doc.model
    misread = not lone_letter and any(
        reading.cost <= TYPICAL_CONFUSION and p >= MIN_SUGGESTION
        for reading, p in ranking.readings[:1]
    )
    if misread or _fragment(observed, model):
        return False
    return (
        (
            observed[:1].isupper()
            and not model.shape.implausible(observed)
            and not _headline_slip(observed, ranking)
        )
        or lone_letter
        or doc.stats.recurs(observed)
        or model.is_known(observed)  # listed, if uncommon ("judgement")
        or _compound(observed, model)  # "gatekeepers", "shipowners"
    )


def _headline_slip(observed: str, ranking: Ranking) -> bool:
    """Is ``observed`` a word in capitals (a headline's, mostly common words) near a
    listed word? Such a word is not taken for a name."""
    return (
        observed.isupper()
        and len(observed) >= HEADLINE_WORD_LETTERS
        and any(p >= MIN_SUGGESTION for _, p in ranking.readings[:1])
    )


def _suggestions(
    ranking: Ranking, limit: int, *, noisy: bool, long_unknown: bool = False
) -> tuple[Candidate, ...]:
    return tuple(
        Candidate(
            reading.text, round(_calibrated(p, reading, noisy, long_unknown), 3), reading.source
        )
        for reading, p in ranking.readings[:limit]
        if p >= MIN_SUGGESTION
    )


def unknown_word_reading(doc: Doc, observed: str, reading: Reading, p: float) -> float:
    """How sure ``reading``, with ``p`` its share of the ranking, is to be right
    for the unknown word ``observed`` (as _calibrated says, for this document)."""
    return _calibrated(p, reading, _noisy(doc), _long_unknown(observed, doc.model))


def _long_unknown(word: str, model: Model) -> bool:
    """Is ``word`` long (see LONG_WORD_CALIBRATION) and unknown to the word lists?"""
    return len(word) >= LONG_WORD_LETTERS and not model.zipf(word)


def _noisy(doc: Doc) -> bool:
    return doc.stats.noise > CLEAN_NOISE


def _calibrated(p: float, reading: Reading, noisy: bool, long_unknown: bool) -> float:
    """``reading``'s share of the ranking as the chance that it is right, in a
    ``noisy`` text or not, for a long unknown word or not (see
    SEARCH_CALIBRATION and LONG_WORD_CALIBRATION)."""
    if not noisy:
        return p
    if reading.source == "dictionary":
        p = p**SEARCH_CALIBRATION
    return p**LONG_WORD_CALIBRATION if long_unknown and " " not in reading.text else p
