"""Candidate generation and n-gram counts: the one module that imports symspellpy.

symspellpy finds every dictionary word within a small edit distance of a
string in microseconds (symmetric delete algorithm). ocrfix uses it only to
*generate* candidates; ranking them is the job of :mod:`ocrfix.correct`,
which knows how OCR errs. symspellpy also ships English unigram and bigram
counts (Google Books n-grams, 82,765 words and 243,342 pairs), which
:mod:`ocrfix.context` uses as its language model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.metadata import version

from symspellpy import SymSpell, Verbosity
from symspellpy.editdistance import DistanceAlgorithm, EditDistance

from ocrfix.cache import cached
from ocrfix.lexicon import Lexicon

# Words rarer than this (Zipf) are known but never proposed as corrections:
# below it wordfreq's "large" lists hold many typos and OCR errors of the web
# themselves ("tbe" is 2.56). 2.3 keeps "vestibule" (2.73) and most period
# vocabulary while leaving out the long tail; chosen on the seeds and bench.
CANDIDATE_MIN_ZIPF = 2.3
MAX_EDIT_DISTANCE = 2
# symspellpy indexes the deletes of each word's first PREFIX_LENGTH letters.
# Its default, 7, makes an index that takes 0.65 s to unpickle; 5 takes
# 0.08 s, costs about 2 ms more per lookup, and found the same best
# candidates on the seeds and bench words we tried (benchmarks/README.md).
PREFIX_LENGTH = 5


@dataclass(frozen=True, slots=True)
class Speller:
    """Finds lexicon words near a string."""

    index: SymSpell

    def near(self, word: str, *, deep: bool = True) -> list[tuple[str, int]]:
        """Words one edit from ``word`` (case-folded), else (if ``deep``) the closest within two.

        Asking for every word within two edits returns some 130 words for a
        typical OCR error and takes ten times as long; the multi-character
        confusions that make most OCR errors two edits away (``rn`` for
        ``m``) are generated from the confusion table instead.
        """
        folded = word.casefold()
        found = self.index.lookup(folded, Verbosity.ALL, max_edit_distance=1)
        if not found and deep:
            found = self.index.lookup(
                folded, Verbosity.CLOSEST, max_edit_distance=MAX_EDIT_DISTANCE
            )
        return [(item.term, item.distance) for item in found]


@cache
def load_speller(lexicon: Lexicon) -> Speller:
    """The candidate index over ``lexicon``'s common words (cached on disk)."""
    key = (
        f"speller:{lexicon.lang}:{len(lexicon.zipf)}:{CANDIDATE_MIN_ZIPF}:{MAX_EDIT_DISTANCE}:osa-fast:"
        f"{PREFIX_LENGTH}:wordfreq={version('wordfreq')}:symspellpy={version('symspellpy')}"
    )
    return Speller(cached(f"speller-{lexicon.lang}", key, lambda: _build_index(lexicon)))


def _candidate_words(lexicon: Lexicon) -> dict[str, float]:
    """The words that may be proposed as corrections, with their Zipf frequencies."""
    return {
        word: zipf
        for word, zipf in lexicon.zipf.items()
        if zipf >= CANDIDATE_MIN_ZIPF and all(c.isalpha() or c in "'-" for c in word)
    }


def _build_index(lexicon: Lexicon) -> SymSpell:
    index = SymSpell(
        max_dictionary_edit_distance=MAX_EDIT_DISTANCE,
        prefix_length=PREFIX_LENGTH,
        # The same distance as symspellpy's default, computed by editdistpy's
        # C++ code instead of Python: lookups take a fraction of the time.
        distance_comparer=EditDistance(DistanceAlgorithm.DAMERAU_OSA_FAST),
    )
    for word, zipf in _candidate_words(lexicon).items():
        # symspellpy wants integer counts; Zipf 3.0 is one per million words.
        index.create_dictionary_entry(word, round(10 ** (zipf - 1)))
    return index


@cache
def load_prefixes(lexicon: Lexicon) -> frozenset[str]:
    """Every prefix of every candidate word and every word of the context model."""
    key = (
        f"prefixes:{lexicon.lang}:{len(lexicon.zipf)}:{CANDIDATE_MIN_ZIPF}:"
        f"symspellpy={version('symspellpy')}"
    )
    return cached(f"prefixes-{lexicon.lang}", key, lambda: _build_prefixes(lexicon))


def _build_prefixes(lexicon: Lexicon) -> frozenset[str]:
    words = set(_candidate_words(lexicon))
    counts = load_ngram_counts(lexicon.lang)
    if counts is not None:
        words |= counts.unigrams.keys()
    return frozenset(word[:k] for word in words for k in range(1, len(word) + 1))


@dataclass(frozen=True, slots=True)
class NgramCounts:
    """Lower-case unigram and bigram counts from one corpus (bigram keys: "a b")."""

    unigrams: dict[str, int]
    bigrams: dict[str, int]
    total: int


@cache
def load_ngram_counts(lang: str) -> NgramCounts | None:
    """symspellpy's n-gram counts for ``lang``; None where it ships none (only English)."""
    if lang != "en":
        return None
    key = f"ngrams:en:symspellpy={version('symspellpy')}"
    return cached("ngrams-en", key, _read_english_counts)


def _read_english_counts() -> NgramCounts:
    package = resources.files("symspellpy")
    unigrams: dict[str, int] = {}
    for line in package.joinpath("frequency_dictionary_en_82_765.txt").open(encoding="utf-8"):
        word, count = line.split()
        unigrams[word] = int(count)
    bigrams: dict[str, int] = {}
    for line in package.joinpath("frequency_bigramdictionary_en_243_342.txt").open(
        encoding="utf-8"
    ):
        first, second, count = line.split()
        bigrams[f"{first} {second}"] = int(count)
    return NgramCounts(unigrams, bigrams, sum(unigrams.values()))
