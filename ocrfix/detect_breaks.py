"""Detectors for broken words: line-end hyphenation and words split by a space.

Each detector is a pure function ``Doc -> Iterator[Flag]``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ocrfix.candidates import match_case
from ocrfix.detect_words import unknown_word_reading
from ocrfix.doc import Doc
from ocrfix.types import Candidate, Flag, FlagKind, Token, TokenKind
from ocrfix.words import (
    FREQUENCY_WEIGHT,
    SHORT_UNKNOWN_ZIPF,
    UNKNOWN_ZIPF,
    keep_score,
    rank,
)

# Cost of a space lost inside a word ("embat tled") on top of the error base.
SPLIT_COST = 1.0
# A hyphen at a line end is typesetting, not an error: joining costs little.
LINE_END_JOIN = 0.95
MID_LINE_JOIN = 0.85
COMPOUND_JOIN = 0.5
# "com- pany" in a line: two known words that join into a common one (this
# Zipf frequency or more) are a line-end break the OCR (or a re-flow) kept; on
# the bench's real OCR 99 of 114 such joins were right. Rarer joins
# ("wheel- wright") are less sure (0.75: on the same OCR they brought the text
# closer to the truth 14 times in 19, never further; CER -15.6% -> -15.8%, the
# clean text and licence texts unchanged); joins onto a word as common as "the"
# (which begins a phrase: "in- the" would make one word of two) stay for review.
COMMON_JOIN_ZIPF = 3.0
PHRASE_WORD_ZIPF = 6.5
COMMON_JOIN = 0.8
RARE_JOIN = 0.75
# A word broken by a hyphen with a speck or a stray short word (of at most
# SPECK_BETWEEN_PARTS characters) between its parts is joined over it when
# the parts make a common word of SPECK_JOIN_MIN_LENGTH letters or more (and
# the first part and the speck make none): on the bench's real OCR 24 of 25
# such joins were right; its clean text and Tesseract OCR have none right
# (one wrong, "to- ... by": too short a word).
SPECK_BETWEEN_PARTS = 3
SPECK_JOIN_MIN_LENGTH = 6
JOIN_OVER_SPECK = 0.8
# A break's hyphen read as a stop or comma ("remem. bered", "exam. ined"):
# a lower-case part after it that is no word (of FRAGMENT_MIN letters or
# more), or any after a part that is no word of running text ("un. able"),
# joined to the word before into a common word of SPECK_JOIN_MIN_LENGTH
# letters or more. The second case: bln600-real single CER 4.929 -> 4.926,
# 6 joins more, all right; bln600-tess, clean, licence and Markdown texts
# unchanged.
MISREAD_HYPHEN = 0.8
MISREAD_HYPHEN_MARKS = frozenset(".,")
FRAGMENT_MIN = 3
# Parts that join into no word ("aecom- modation"), one part or both not known:
# the join is ranked as an unknown word, and its best reading suggested when
# at least this likely (times the join's own confidence), its chance
# calibrated as an unknown word's reading is (detect_words, a long word's
# LONG_WORD_CALIBRATION): bln600-real single CER 4.939 -> 4.929, 8 joins
# more, all right; bln600-tess and the clean text unchanged.
MENDED_JOIN_MIN = 0.7
# A split word's part this short that is no word of running text is a piece
# of a word ("walk ing", "certain ly"), whatever its frequency in the lists.
FRAGMENT_LETTERS = 3


def split_words(doc: Doc) -> Iterator[Flag]:
    """One word broken in two by a space ("embat tled"), where a part is not a word."""
    tokens = doc.tokens
    for i in range(len(tokens) - 2):
        a, space, b = tokens[i], tokens[i + 1], tokens[i + 2]
        if not (
            a.kind is TokenKind.WORD
            and space.kind is TokenKind.SPACE
            and space.text == " "
            and b.kind is TokenKind.WORD
            and b.text[:1].islower()
        ):
            continue
        model = doc.model
        if all(model.is_known(part) and not _fragment(doc, part) for part in (a.text, b.text)):
            continue
        joined = a.text + b.text
        if not model.is_known(joined) or "-" in joined:
            continue
        # Both readings on the scale of words.rank: log10 P(a) P(b) against
        # log10 P(ab) less the cost of a space inserted by the OCR.
        apart = (
            _part_score(doc, a.text, b.text) + _part_score(doc, b.text, None) - FREQUENCY_WEIGHT * 9
        )
        together = FREQUENCY_WEIGHT * model.zipf(joined) - doc.stats.error_base - SPLIT_COST
        p_join = 1.0 / (1.0 + 10 ** (apart - together))
        if p_join < 0.5:
            continue
        text = doc.text[a.start : b.end]
        yield Flag(
            a.start,
            b.end,
            text,
            FlagKind.SPLIT_WORD,
            "one word broken by a space",
            round(p_join, 3),
            (Candidate(match_case(joined.casefold(), a.text), round(p_join, 3), "dictionary"),),
        )


def _part_score(doc: Doc, part: str, right: str | None) -> float:
    """The prior of a part of a split word as a word of its own (a fragment
    counts as an unknown word, however often the word lists list it)."""
    score = keep_score(part, right, doc.model, doc.stats, sentence_start=False)
    if _fragment(doc, part):
        return min(score, SHORT_UNKNOWN_ZIPF.get(len(part), UNKNOWN_ZIPF))
    return score


def _fragment(doc: Doc, part: str) -> bool:
    """Is ``part`` a word's piece, listed only as debris of the word lists'
    tokenizing ("ing", "ly", "ed"): short, and no word of running text?"""
    return len(part) <= FRAGMENT_LETTERS and not doc.model.running_word(part)


def hyphenation(doc: Doc) -> Iterator[Flag]:
    """Words broken by a hyphen at a line end (``pro-\\nperty``) or before a space."""
    tokens = doc.tokens
    for i in range(len(tokens) - 3):
        a, hyphen = tokens[i], tokens[i + 1]
        if a.kind is not TokenKind.WORD or hyphen.text not in "-\u00ad\u2010" or not hyphen.text:
            continue
        j = i + 2
        while j < len(tokens) and tokens[j].kind in (TokenKind.SPACE, TokenKind.NEWLINE):
            j += 1
        if j == i + 2 or j >= len(tokens) or tokens[j].kind is not TokenKind.WORD:
            continue
        gap = doc.text[hyphen.end : tokens[j].start]
        b = tokens[j]
        if gap.count("\n") > 1:
            continue
        if not b.text[:1].islower():
            yield from _join_over_speck(doc, i, j)  # "any- It thing": a capital speck
            continue
        joins = list(_join_hyphenated(doc, a.start, b.end, a.text, b.text, line_end="\n" in gap))
        yield from joins or _join_over_speck(doc, i, j)


def misread_hyphens(doc: Doc) -> Iterator[Flag]:
    """``remem. bered``: a word broken at a line end whose hyphen OCR read as a
    stop or comma (see MISREAD_HYPHEN)."""
    tokens, model = doc.tokens, doc.model
    for i in range(len(tokens) - 3):
        first, mark, gap, second = tokens[i : i + 4]
        if not (
            first.kind is TokenKind.WORD
            and mark.text in MISREAD_HYPHEN_MARKS
            and gap.kind in (TokenKind.SPACE, TokenKind.NEWLINE)
            and second.kind is TokenKind.WORD
            and second.text.islower()
            and len(second.text) >= FRAGMENT_MIN
            and (not model.is_known(second.text) or not model.running_word(first.text))
        ):
            continue
        if _common_join(doc, first.text + second.text):
            reason = "a word broken at a line end, its hyphen read as a mark"
            yield _joined(doc, first, second, reason, MISREAD_HYPHEN)


def _join_over_speck(doc: Doc, i: int, j: int) -> Iterator[Flag]:
    """``com- sl pany``: the parts of a word broken by a hyphen with a speck or
    a stray short word read between them (a column's bleed), where the first
    part and the speck make no word and the two parts make a common one."""
    tokens, model = doc.tokens, doc.model
    first, speck = tokens[i], tokens[j]
    k = j + 1
    if not (
        len(speck.text) <= SPECK_BETWEEN_PARTS
        and k + 1 < len(tokens)
        and tokens[k].text == " "
        and tokens[k + 1].kind is TokenKind.WORD
        and tokens[k + 1].text[:1].islower()
    ):
        return
    second = tokens[k + 1]
    if _common_join(doc, first.text + second.text) and not model.is_known(first.text + speck.text):
        reason = "a word broken by a hyphen, a speck between its parts"
        yield _joined(doc, first, second, reason, JOIN_OVER_SPECK)


def _common_join(doc: Doc, joined: str) -> bool:
    """Is ``joined`` a common word of SPECK_JOIN_MIN_LENGTH letters or more?"""
    return len(joined) >= SPECK_JOIN_MIN_LENGTH and doc.model.zipf(joined) >= COMMON_JOIN_ZIPF


def _joined(doc: Doc, first: Token, second: Token, reason: str, confidence: float) -> Flag:
    """The flag that joins the word ``first`` to ``second`` over what stands
    between them, in ``first``'s case."""
    joined = match_case((first.text + second.text).casefold(), first.text)
    return Flag(
        first.start,
        second.end,
        doc.text[first.start : second.end],
        FlagKind.HYPHENATION,
        reason,
        confidence,
        (Candidate(joined, confidence, "rule"),),
    )


def _join_hyphenated(
    doc: Doc, start: int, end: int, first: str, second: str, *, line_end: bool
) -> Iterator[Flag]:
    model = doc.model
    joined = first + second
    both_known = model.is_known(first) and model.is_known(second)
    text = doc.text[start:end]
    if model.is_known(joined) or doc.stats.recurs(joined):
        confidence = LINE_END_JOIN if line_end else MID_LINE_JOIN
        if both_known and not line_end:
            if model.zipf(second) >= PHRASE_WORD_ZIPF:
                confidence = COMPOUND_JOIN
            elif model.zipf(joined) >= COMMON_JOIN_ZIPF:
                confidence = COMMON_JOIN
            else:
                confidence = RARE_JOIN
        reason = "a word broken by a hyphen" + (" at a line end" if line_end else "")
        yield Flag(
            start,
            end,
            text,
            FlagKind.HYPHENATION,
            reason,
            confidence,
            (Candidate(joined, confidence, "rule"),),
        )
    elif not both_known and (mended := _mended_join(doc, joined)) is not None:
        word, chance = mended
        confidence = round(chance * (LINE_END_JOIN if line_end else MID_LINE_JOIN), 3)
        yield Flag(
            start,
            end,
            text,
            FlagKind.HYPHENATION,
            "a word broken by a hyphen, misread",
            confidence,
            (Candidate(match_case(word, first), confidence, "dictionary"),),
        )
    elif both_known and line_end:
        compound = f"{first}-{second}"
        yield Flag(
            start,
            end,
            text,
            FlagKind.HYPHENATION,
            "a hyphenated compound broken at a line end",
            COMPOUND_JOIN,
            (Candidate(compound, COMPOUND_JOIN, "rule"),),
        )


def _mended_join(doc: Doc, joined: str) -> tuple[str, float] | None:
    """The word a misread join ("aecom- modation") most likely is, and its chance,
    if ranking it as an unknown word finds one word (no split) at least
    MENDED_JOIN_MIN likely, calibrated as an unknown word's reading is (a long
    one's best reading is right more often than its share says)."""
    ranking = rank(joined, None, None, doc.model, doc.stats)
    if not ranking.readings:
        return None
    best, share = ranking.readings[0]
    chance = unknown_word_reading(doc, joined, best, share)
    if chance < MENDED_JOIN_MIN or " " in best.text:
        return None
    return best.text, chance
