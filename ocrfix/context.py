"""Context evidence: how well a word fits between its neighbours.

A small bigram model over symspellpy's English counts, with stupid backoff
(Brants et al. 2007): P(w | v) = count(v w) / count(v) when the pair was
seen, else ALPHA * P(w). The score of a word in context is how much more
likely its neighbours make it than its frequency alone (pointwise mutual
information, log10), so it can be added to a frequency-based score.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from ocrfix.speller import NgramCounts

# Stupid backoff's factor, the value Brants et al. recommend.
ALPHA = 0.4
LOG_ALPHA = math.log10(ALPHA)


@dataclass(frozen=True, slots=True, eq=False)
class ContextModel:
    """Bigram evidence for one language; a model without counts gives no evidence."""

    counts: NgramCounts | None

    def fit(self, left: str | None, word: str, right: str | None) -> float:
        """log10 of how much ``left`` and ``right`` raise the probability of ``word``.

        0.0 means no evidence (a neighbour missing or unknown to the model);
        positive values mean the neighbours favour ``word``. A candidate may
        be several words ("of the"); only its outer words meet the neighbours.
        """
        if self.counts is None:
            return 0.0
        parts = word.casefold().split()
        if not parts:
            return 0.0
        score = 0.0
        unigrams = self.counts.unigrams
        if left is not None and left.casefold() in unigrams:
            score += self._gain(left.casefold(), parts[0])
        if right is not None and right.casefold() in unigrams:
            score += self._gain(parts[-1], right.casefold())
        return score

    def join(self, left: str | None, right: str | None) -> float:
        """log10 of how much ``left`` raises the probability of ``right`` right after
        it: the fit of a reading that has no words between them (0.0: no evidence)."""
        if self.counts is None or left is None or right is None:
            return 0.0
        if left.casefold() not in self.counts.unigrams:
            return 0.0
        return self._gain(left.casefold(), right.casefold())

    def attested(self, left: str, right: str) -> bool:
        """Has the model's corpus the pair "``left`` ``right``" (case-folded)?"""
        if self.counts is None:
            return False
        return f"{left.casefold()} {right.casefold()}" in self.counts.bigrams

    def inner(self, words: list[str]) -> float:
        """log10 P(w2 | w1) + ... for a multi-word reading, relative to unigram frequencies.

        Used to score "of the" as one reading: 0.0 for a single word.
        """
        if self.counts is None:
            return 0.0
        folded = [w.casefold() for w in words]
        return sum(self._gain(a, b) for a, b in itertools.pairwise(folded))

    def _gain(self, first: str, second: str) -> float:
        """log10 P(second | first) / P(second), with backoff.

        A word the model has never seen gets the backoff penalty, as if the
        pair were unseen: it must not look better than a known word.
        """
        assert self.counts is not None
        c_first = self.counts.unigrams.get(first)
        c_second = self.counts.unigrams.get(second)
        pair = self.counts.bigrams.get(f"{first} {second}")
        if pair is None or not c_first or not c_second:
            return LOG_ALPHA
        return math.log10(pair / c_first) - math.log10(c_second / self.counts.total)
