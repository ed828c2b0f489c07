"""Everything ocrfix knows before it reads a document, and what it learns from one.

:class:`Model` bundles the language resources (lexicon, context model,
candidate index, user words); :class:`DocStats` holds what one document
tells about itself (which word forms recur, how noisy it looks). Both are
passed explicitly to every detector, so detectors stay pure functions.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ocrfix.context import ContextModel
from ocrfix.lexicon import Lexicon, load_lexicon
from ocrfix.scripts import scripts
from ocrfix.shape import ShapeModel, load_shape_model
from ocrfix.speller import Speller, load_ngram_counts, load_prefixes, load_speller
from ocrfix.types import Token, TokenKind

# A word is "known" when the context model's (edited, Google Books) vocabulary
# has it, or when wordfreq gives it at least this Zipf frequency. Below 3,
# wordfreq's lists are full of the web's typos and OCR errors ("tbe" 2.56,
# "ofthe" 3.33); languages without a context model fall back to 2.0.
KNOWN_MIN_ZIPF = 3.0
KNOWN_MIN_ZIPF_WITHOUT_CONTEXT = 2.0
# One-letter words of each language (the rest are specks, initials or labels).
STANDALONE_LETTERS = {
    "en": "aAIO",
    "fr": "aAàÀyY",
    "de": "",
    "es": "aAeEoOuUyY",
    "it": "aAeEiIoO",
    "nl": "",
}
# In a language not listed there, a letter as frequent in wordfreq's list as
# the language's commonest words is a word: Portuguese "a", "e", "o", Polish
# "w", "z", Swedish "i" (6.9-7.5); the other letters of these languages stay
# below 6.5 (initials, list labels), and so do German's and Dutch's.
STANDALONE_MIN_ZIPF = 6.5
# Words elided before a vowel and written joined to it with an apostrophe.
ELISIONS = {
    "fr": frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"}),
    "it": frozenset({"l", "d", "un", "dell", "all", "dall", "nell", "sull", "quest", "c"}),
}
# Known but unseen by the context model, a word this common is no misreading
# by its rarity (a borrowed "en" or "de"): only strong context doubts it.
COMMON_ZIPF = 4.0


@dataclass(frozen=True, slots=True, eq=False)
class Model:
    """Language resources for one language plus the user's own words."""

    lexicon: Lexicon
    context: ContextModel
    user_words: frozenset[str]
    script: str | None  # the language's script: that of its most frequent word

    @property
    def prefixes(self) -> frozenset[str]:
        """Every prefix of every word that may be proposed (case-folded), for pruning searches."""
        return load_prefixes(self.lexicon)

    @property
    def shape(self) -> ShapeModel:
        """How word-like strings look (loaded on first use)."""
        return load_shape_model(self.lexicon)

    @property
    def speller(self) -> Speller:
        """The candidate index, loaded on first use (about a second)."""
        return load_speller(self.lexicon)

    def zipf(self, word: str) -> float:
        """Zipf frequency of ``word``; user words count as common (5.0)."""
        folded = _key(word)
        if folded in self.user_words:
            return 5.0
        return self.lexicon.zipf.get(folded, 0.0)

    def standalone(self, letter: str) -> bool:
        """Is the one-letter ``letter`` a word of its own in this language (``a``,
        ``I``; French ``à``, ``y``), not a speck or an initial?"""
        listed = STANDALONE_LETTERS.get(self.lexicon.lang)
        if listed is not None:
            return letter in listed
        return self.lexicon.zipf.get(letter.casefold(), 0.0) >= STANDALONE_MIN_ZIPF

    def elision(self, word: str) -> int:
        """The length of an elided word and its apostrophe opening ``word``
        (French ``l'église``: 2), or 0."""
        head, mark, _ = word.replace("\u2019", "'").partition("'")
        return (
            len(head) + 1 if mark and head.casefold() in ELISIONS.get(self.lexicon.lang, ()) else 0
        )

    def running_word(self, word: str) -> bool:
        """Is ``word`` a word of running text: known to the context model, or,
        for a language without one, to the lexicon?"""
        return self.in_context(word) or (self.context.counts is None and self.is_known(word))

    def in_context(self, word: str) -> bool:
        """True when the context model knows ``word``, so its fit can be judged."""
        counts = self.context.counts
        return counts is not None and _key(word) in counts.unigrams

    def is_known(self, word: str) -> bool:
        """True when ``word`` (or each part of a hyphenated compound) is a known word."""
        parts = [p for p in word.replace("\u2019", "'").split("-") if p]
        floor = KNOWN_MIN_ZIPF if self.context.counts else KNOWN_MIN_ZIPF_WITHOUT_CONTEXT
        return bool(parts) and all(
            self.zipf(p) >= floor or self.in_context(p) or p.casefold() in self.user_words
            for p in parts
        )


def _key(word: str) -> str:
    """``word`` as the word lists hold it: composed (NFC) and case-folded, so that
    "cafe\u0301" (decomposed, as some OCR and macOS files have it) is "café"."""
    return word.casefold() if word.isascii() else unicodedata.normalize("NFC", word).casefold()


@cache
def _language_model(lang: str) -> tuple[Lexicon, ContextModel, str | None]:
    lexicon = load_lexicon(lang)
    top = max(lexicon.zipf, key=lexicon.zipf.__getitem__)
    return lexicon, ContextModel(load_ngram_counts(lang)), next(iter(scripts(top)), None)


@cache
def load_model(lang: str, user_words: frozenset[str] = frozenset()) -> Model:
    """The :class:`Model` for ``lang`` and the user's words (shared within a process)."""
    lexicon, context, script = _language_model(lang)
    return Model(lexicon, context, user_words, script)


@dataclass(frozen=True, slots=True)
class DocStats:
    """What a document says about itself.

    forms: case-folded word form -> occurrences in the document.
    noise: estimated share of word tokens that are OCR errors, from the share
        of unknown words; it sets how readily ocrfix believes in an error.
    """

    forms: Counter[str]
    noise: float

    def recurs(self, word: str) -> bool:
        """True when ``word`` occurs at least twice (case-insensitively)."""
        return self.forms[word.casefold()] >= 2

    @property
    def recurring(self) -> frozenset[str]:
        """The case-folded word forms that occur at least twice."""
        return frozenset(w for w, n in self.forms.items() if n >= 2)

    @property
    def error_base(self) -> float:
        """-log10 of the estimated per-word error rate: the fixed cost of any OCR error."""
        return -math.log10(self.noise)


# Bounds of the noise estimate. The floor keeps clean text from looking
# perfect (names and rare words are always there); the ceiling stops garbage
# from making every change look likely.
MIN_NOISE = 0.003
MAX_NOISE = 0.3
# A text with no more noise than this shows no OCR errors of its own: a clean
# copy (see copies.CLEAN_NOISE's use for scans), or a clean text to correct.
CLEAN_NOISE = 0.008
# Pseudo-counts: a short text is assumed 1 error in 100 words until it shows more.
PRIOR_WORDS = 100
PRIOR_ERRORS = 1


def document_stats(tokens: Sequence[Token], model: Model) -> DocStats:
    """Word-form counts and the noise estimate of a tokenized document."""
    words = [t.text for t in tokens if t.kind is TokenKind.WORD]
    forms = Counter(w.casefold() for w in words)
    unknown = sum(1 for w in words if not model.is_known(w) and not w[:1].isupper())
    noise = (unknown + PRIOR_ERRORS) / (len(words) + PRIOR_WORDS)
    return DocStats(forms, min(MAX_NOISE, max(MIN_NOISE, noise)))
