"""How word-like a string looks: a character trigram model of the lexicon.

Capitalised unknown words are mostly names, and ocrfix leaves them alone,
unless their letters run in a way no word's do: ``Tbcmpsqn``,
``KNGHTQ``, ``Lxndon``. The model counts letter trigrams over the
lexicon's words (types, not tokens, so that names and common words weigh
alike) and scores a word by its least likely transition,
log10 P(c3 | c1 c2) with add-k smoothing.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version

from ocrfix.cache import cached
from ocrfix.lexicon import Lexicon

# Words from this frequency on train the model: below it wordfreq's lists
# hold the web's misspellings, which would teach it OCR-like shapes.
TRAINING_MIN_ZIPF = 2.5
# Add-k smoothing over an alphabet of about 27 symbols.
SMOOTHING = 0.1
ALPHABET = 27
# Below this a word "looks like no word". Measured on the bench's real OCR
# and ground truth (capitalised words not in the lexicon): -3.5 flags about
# 13% of OCR-garbled ones and 3% of genuine names; every name in the seeds
# and foreign names such as Nguyen (-2.2), Tbilisi (-2.3) and Dvorak (-2.6)
# stay above it; Ngozi and Szczecin (-3.7) fall below and get a review
# flag without a suggestion, the price of the rule.
IMPLAUSIBLE = -3.5


@dataclass(frozen=True, slots=True, eq=False)
class ShapeModel:
    """Letter trigram and bigram counts, ``^^`` marking the start and ``$`` the end."""

    trigrams: Counter[str]
    bigrams: Counter[str]

    def score(self, word: str) -> float:
        """log10 probability of the least likely letter transition in ``word``."""
        padded = f"^^{word.casefold()}$"
        return min(
            math.log10(
                (self.trigrams[padded[i : i + 3]] + SMOOTHING)
                / (self.bigrams[padded[i : i + 2]] + SMOOTHING * ALPHABET)
            )
            for i in range(len(padded) - 2)
        )

    def implausible(self, word: str) -> bool:
        """True when ``word``'s letters run as no word's do."""
        return self.score(word) < IMPLAUSIBLE


@cache
def load_shape_model(lexicon: Lexicon) -> ShapeModel:
    """The shape model of ``lexicon`` (cached on disk)."""
    key = f"shape:{lexicon.lang}:{TRAINING_MIN_ZIPF}:wordfreq={version('wordfreq')}"
    return cached(f"shape-{lexicon.lang}", key, lambda: _train(lexicon))


def _train(lexicon: Lexicon) -> ShapeModel:
    trigrams: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for word, zipf in lexicon.zipf.items():
        if zipf >= TRAINING_MIN_ZIPF and word.isalpha():
            padded = f"^^{word}$"
            for i in range(len(padded) - 2):
                trigrams[padded[i : i + 3]] += 1
                bigrams[padded[i : i + 2]] += 1
    return ShapeModel(trigrams, bigrams)
