"""Noisy-channel ranking of the readings of one word.

For an observed word ``w`` and each candidate intended reading ``c``, ocrfix
scores, in log10 units,

    score(c) = FREQUENCY_WEIGHT * zipf(c) - error_base - channel_cost(c -> w)
               + CONTEXT_WEIGHT * fit(c | neighbours)

and the reading "``w`` is right as printed" gets

    score(w) = prior(w) + CONTEXT_WEIGHT * fit(w | neighbours)

where ``prior`` is the weighted Zipf frequency for known words and a low
value for unknown ones, raised for capitalised words (names) and for forms
that recur in the document. ``error_base`` is -log10 of the document's
estimated error rate. Normalising ``10 ** (score / TEMPERATURE)`` over all
readings gives each one's probability: the confidence of a suggestion, and
1 - P(keep) the confidence that ``w`` is an error at all.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from ocrfix.candidates import Proposal, non_word_proposals, real_word_proposals
from ocrfix.model import DocStats, Model
from ocrfix.types import Source

# Prior (Zipf scale) of an unknown lower-case string being a genuine word:
# a specific unseen string is far rarer than any listed word. Short strings
# are the exception: one or two letters are as often fragments, abbreviations
# or specks as misread words, and no reading of them is sure.
UNKNOWN_ZIPF = -1.0
SHORT_UNKNOWN_ZIPF = {1: 3.0, 2: 2.5, 3: 0.5}
# ... but one that no typical OCR confusion explains (no reading within this
# channel cost) may be its writer's own spelling ("adres" on a clean web
# page, one generic edit from "address"): its prior is a rare listed word's.
EXPLAINED_COST = 1.3
UNEXPLAINED_ZIPF = 0.0
# Word frequency counts for less than its full log-probability: with full
# weight a frequent word two generic edits away beats the rare intended word
# (a frequent word reached by two arbitrary edits beat the rarer word meant,
# reached by one typical confusion). Read off the reliability
# table of benchmarks/calibrate.py on the bench's real OCR.
FREQUENCY_WEIGHT = 0.6
# Softens the posterior so that confidences match how often suggestions are
# right (benchmarks/calibrate.py): probabilities are 10 ** (score / T). With
# unknown words at their documented prior, 1.5 made the 0.7-0.8 bucket right
# 65% of the time on the bench's real OCR, 1.7 makes it 76% (0.8-0.9: 84% ->
# 87%), at CER -12.5% -> -12.2% there and 16 -> 14 edits on clean text.
TEMPERATURE = 1.7
# Context counts for half its log-probability: the bigram list is short
# (243,342 pairs), so one pair's presence or absence ("be engaged" listed,
# "she engaged" not) would otherwise outweigh everything else.
CONTEXT_WEIGHT = 0.5
# No reading of a word is ever certain, nor is an error: reported
# confidences stop here (so a rounded 0.9996 never claims 1.0).
MAX_CONFIDENCE = 0.999
# Raised for what is likely genuine though unlisted: capitalised words are
# mostly names; a form that recurs is unlikely to be the same OCR error twice.
NAME_BONUS = 2.5
# A reading of an unknown word that the document itself uses twice or more is
# likelier than its frequency says ("managr" in a report where "manager"
# recurs): the document's own vocabulary, a cache of its words.
# Not for real words: "lone" is no misreading of a "long" used elsewhere.
IN_DOCUMENT_BONUS = 1.0
# A reading of an unknown word of LONG_WORD_LETTERS letters or more that
# typical OCR confusions of one glyph for another explain (channel cost within
# TYPICAL_READING_COST, about two of them; not a generic edit, which a
# writer's own spelling may be, nor a letter doubled or single) gains
# NEAR_LONG_WORD_BONUS: long words have few neighbours, so a near one is
# seldom there by chance. On the bench's OCR such readings held at 0.5-0.8
# were right about four times in five (bln600-real); with the bonus, single
# CER -15.8% -> -16.3% there and -32.0% -> -32.5% on bln600-tess, clean text
# 14 -> 15 edits (mending a slip of the transcription itself), licence texts
# unchanged; clean text read against a heavy scan 428 -> 442 characters
# changed. Readings the index search found count alike when the channel prices
# them as typical confusions (single CER -16.8% -> -16.9% / -34.9% -> -35.1%,
# clean text 15 -> 16 edits: another misspelling of the transcription mended).
LONG_WORD_LETTERS = 6
TYPICAL_READING_COST = 2.0
NEAR_LONG_WORD_BONUS = 1.0
RECUR_BONUS = 2.0
# Lowered for shapes that genuine words rarely have: digits among letters
# ("19l2", "5ome"), a capital after lower case ("theRussian").
MIXED_DIGITS_PENALTY = 2.0
ODD_CASE_PENALTY = 1.0
# Single letters other than "a", "I", "O" stand alone as initials, letters
# named in the text or labels ("Company B", "the letter T"); but one opening a
# sentence before a lower-case word ("T think so") is most likely a misread "I".
# (On the scale of FREQUENCY_WEIGHT * Zipf, like every prior here.)
LONE_LETTER_ZIPF = 0.0
INITIAL_ZIPF = 3.0
LONE_DIGIT_ZIPF = 1.0


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read an observed word, with its unnormalised log10 score."""

    text: str
    score: float
    source: Source
    cost: float  # channel cost: how unlike an OCR error the change would be


@dataclass(frozen=True, slots=True)
class Ranking:
    """The readings of one observed word, as probabilities."""

    keep: float  # probability that the word is right as printed
    readings: tuple[tuple[Reading, float], ...]  # alternatives, best first


def rank(
    observed: str,
    left: str | None,
    right: str | None,
    model: Model,
    stats: DocStats,
    *,
    sentence_start: bool = False,
    margin: float = float("-inf"),
    confusions_only: bool = False,
    max_cost: float = float("inf"),
    restrict_to: frozenset[str] | None = None,
    search: bool = True,
) -> Ranking:
    """Rank ``observed`` against its alternatives, given its neighbouring words.

    ``margin``: keep only alternatives whose context fit beats the observed
    word's by at least this much (used for real words, which need context
    evidence to be doubted at all). ``confusions_only``: consider only typical
    OCR confusions, not any near word (also for real words). ``max_cost``:
    drop alternatives whose channel cost exceeds it. ``restrict_to``: the only
    readings allowed. ``search``: also look for near words in the index, not
    only typical confusions.
    """
    keep = keep_score(observed, right, model, stats, sentence_start=sentence_start)
    keep_fit = model.context.fit(left, observed, right)
    error_base = stats.error_base
    proposals = (
        real_word_proposals(observed, model)
        if confusions_only
        else non_word_proposals(observed, model, search=search)
    )
    if not confusions_only:
        keep = unexplained_prior(keep, proposals)
    long_unknown = not confusions_only and len(observed) >= LONG_WORD_LETTERS
    alternatives = [
        Reading(
            p.text,
            FREQUENCY_WEIGHT * p.prior
            - error_base
            - p.cost
            + CONTEXT_WEIGHT * fit
            + (IN_DOCUMENT_BONUS if not confusions_only and stats.recurs(p.text) else 0.0)
            + (NEAR_LONG_WORD_BONUS if long_unknown and _typical(p, observed) else 0.0),
            p.source,
            p.cost,
        )
        for p in proposals
        if p.cost <= max_cost
        and (restrict_to is None or p.text in restrict_to)
        and (fit := model.context.fit(left, p.text, right)) >= keep_fit + margin
    ]
    return normalise(keep + CONTEXT_WEIGHT * keep_fit, alternatives)


def _typical(proposal: Proposal, observed: str) -> bool:
    """Do typical OCR confusions of one glyph for another (rules of the tables;
    not a generic edit, nor a letter doubled or single: "labeling" for
    "labelling" is a spelling) explain ``proposal``, one word, however found?"""
    return (
        " " not in proposal.text
        and proposal.cost <= TYPICAL_READING_COST
        and _undoubled(proposal.text) != _undoubled(observed)
    )


def _undoubled(word: str) -> str:
    """``word`` case-folded, each run of a repeated letter made one."""
    return "".join(k for k, _ in itertools.groupby(word.casefold()))


def unexplained_prior(keep: float, proposals: Iterable[Proposal]) -> float:
    """The prior ``keep`` of an unknown word, raised to UNEXPLAINED_ZIPF when no
    typical misreading (none of ``proposals`` within EXPLAINED_COST) explains it."""
    if keep >= UNEXPLAINED_ZIPF or any(p.cost <= EXPLAINED_COST for p in proposals):
        return keep
    return UNEXPLAINED_ZIPF


def normalise(keep: float, alternatives: list[Reading]) -> Ranking:
    """Turn log10 scores into probabilities (softmax in base 10)."""
    top = max([keep, *(r.score for r in alternatives)])
    weights = [10 ** ((r.score - top) / TEMPERATURE) for r in alternatives]
    keep_weight = 10 ** ((keep - top) / TEMPERATURE)
    total = keep_weight + sum(weights)
    ranked = sorted(
        ((r, min(w / total, MAX_CONFIDENCE)) for r, w in zip(alternatives, weights, strict=True)),
        key=lambda rw: -rw[1],
    )
    return Ranking(max(keep_weight / total, 1 - MAX_CONFIDENCE), tuple(ranked))


def keep_score(
    observed: str, right: str | None, model: Model, stats: DocStats, *, sentence_start: bool
) -> float:
    """Prior (Zipf scale) that ``observed`` is right as printed; see the module docstring."""
    if observed.casefold() in model.user_words:
        return float("inf")
    if len(observed) == 1 and observed.isalpha():
        if model.standalone(observed):
            return FREQUENCY_WEIGHT * model.zipf(observed)
        opens = sentence_start and right is not None and right[:1].islower()
        return LONE_LETTER_ZIPF if opens else INITIAL_ZIPF
    if observed.isdigit():
        return LONE_DIGIT_ZIPF
    zipf = FREQUENCY_WEIGHT * model.zipf(observed)
    if model.is_known(observed):
        return zipf
    floor = SHORT_UNKNOWN_ZIPF.get(len(observed), UNKNOWN_ZIPF)
    score = max(zipf, floor) if zipf > 0 else floor  # unlisted: zipf is 0.0, not its prior
    letters = [c for c in observed if c.isalpha()]
    if any(c.isdigit() for c in observed):
        score -= MIXED_DIGITS_PENALTY
    elif observed[:1].isupper():
        score += NAME_BONUS if not sentence_start else NAME_BONUS / 2
    if _odd_case(observed):
        score -= ODD_CASE_PENALTY
    if stats.recurs(observed) and letters:
        score += RECUR_BONUS
    return score


def _odd_case(word: str) -> bool:
    """True for a capital after a lower-case letter, or mixed case in a short all-caps word."""
    letters = [c for c in word if c.isalpha()]
    inner = letters[1:]
    return any(a.islower() and b.isupper() for a, b in zip(letters, inner, strict=False)) or (
        len(letters) > 2
        and letters[0].isupper()
        and letters[1].isupper()
        and any(c.islower() for c in inner)
    )
