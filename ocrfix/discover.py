"""Find which texts are copies of one another, by content, not by name.

Each text is reduced to its word trigrams, each a stable 32-bit hash, in text
order (:func:`shingles`): small enough for tens of thousands of texts. An
inverted index from a sample of the trigrams (one hash in SAMPLE, the same
trigrams in every text, as in MinHash sketches) to texts finds the pairs
that share any, without comparing all pairs; trigrams found in more than
MAX_POSTING texts are set phrases ("one of the") and are skipped. A pair
whose count in the sample a related pair would rarely show is dropped
(:func:`worth_comparing`: texts of one vocabulary, pages of one book, share
a stray trigram by the hundred thousand). Each other pair is compared in
full: two texts are related when they share enough trigrams
(:func:`enough_shared`), some in a run (:func:`has_run`). A text's siblings
are the texts related to it directly, never through a third one, so
different stories that share a paragraph with a common source do not leak
into each other.
"""

from __future__ import annotations

import math
import unicodedata
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeAlias

import regex

# Two texts are related (copies, in whole or part, of one text) when they
# share at least this many word trigrams, and this share of the shorter
# one's: unrelated English texts share a few common trigrams ("one of the").
SHINGLE_N = 3
SHINGLE_WORD = regex.compile(r"\w+")
MIN_SHARED_SHINGLES = 5
MIN_SHARED_SHARE = 0.05
# ... and some of those trigrams run on for this many (a 7-word passage).
MIN_RUN = 5
# A trigram in more texts than this says nothing about which are copies.
MAX_POSTING = 200
# One trigram hash in this many is indexed to find candidate pairs. A run of
# MIN_RUN shared trigrams escapes the sample with chance (3/4)^5 = 0.24, a
# shared passage of 25 words with (3/4)^23 < 0.002.
SAMPLE = 4
# A pair is compared in full unless a related pair would show as few sampled
# trigrams as it does with less than this chance.
MISS_RATE = 0.01
# Trigram sets kept at once while pairs are compared (pairs come sorted, so a
# text's pairs mostly follow one another).
SETS_KEPT = 1024

Shingles: TypeAlias = "array[int]"  # 32-bit trigram hashes, in text order (typecode "I")


def shingles(text: str) -> Shingles:
    """The word trigrams of a text, case-folded and hashed (CRC-32), in order.

    Words are runs of letters and digits found by one regular expression:
    far cheaper than tokenizing, which matters when grouping thousands of
    texts, and the same for every text, which is all that matters here. The
    hash is stable across runs and processes (unlike Python's ``hash``).
    """
    words = SHINGLE_WORD.findall(unicodedata.normalize("NFC", text).casefold())
    grams = (" ".join(words[k : k + SHINGLE_N]) for k in range(len(words) - SHINGLE_N + 1))
    return array("I", (zlib.crc32(gram.encode("utf-8")) for gram in grams))


def enough_shared(shared: int, smaller: int) -> bool:
    """Are ``shared`` trigrams enough to relate two texts, the shorter having ``smaller``?"""
    return shared >= MIN_SHARED_SHINGLES and shared >= MIN_SHARED_SHARE * smaller


def worth_comparing(sampled: int, smaller: int) -> bool:
    """Could two texts that share ``sampled`` of the indexed trigrams be related, the
    smaller having ``smaller`` distinct trigrams?

    Related texts share at least ``need`` trigrams (:func:`enough_shared`), of
    which the index holds each with chance 1/SAMPLE: a binomial count. A
    count it would reach at most MISS_RATE of the time is not followed up.

    >>> worth_comparing(1, 60), worth_comparing(1, 600), worth_comparing(2, 600)
    (True, False, True)
    """
    if sampled >= 2:
        return True
    need = max(MIN_SHARED_SHINGLES, math.ceil(MIN_SHARED_SHARE * smaller))
    p = 1 / SAMPLE
    at_most_one = (1 - p) ** need + need * p * (1 - p) ** (need - 1)
    return at_most_one > MISS_RATE


def related(mine: Shingles, theirs: Shingles) -> bool:
    """Do two texts share enough word trigrams to be copies of one text (in part),
    some of them in a run (a passage, not stock phrases)?"""
    return _similarity(mine, theirs, set(mine), set(theirs)) is not None


def _similarity(
    mine: Shingles, theirs: Shingles, mine_set: Set[int], theirs_set: Set[int]
) -> tuple[int, float] | None:
    """(shared trigrams, their share of the smaller text's) if the texts are related."""
    shared = len(mine_set & theirs_set)
    smaller = min(len(mine_set), len(theirs_set))
    if not enough_shared(shared, smaller):
        return None
    shorter, other = (mine, theirs_set) if len(mine) <= len(theirs) else (theirs, mine_set)
    if not has_run(shorter, other):
        return None
    return shared, round(shared / smaller, 3)


def has_run(sequence: Sequence[int], other: Collection[int]) -> bool:
    """Do MIN_RUN consecutive trigrams of ``sequence`` all occur in ``other``: a
    shared passage? Stock phrases ("it is understood that") run briefly.

    >>> passage = "he was taken to the station and charged with the theft"
    >>> has_run(shingles(passage), set(shingles("later " + passage + " of a coat")))
    True
    >>> phrases = "on the body of a man, it appeared that the child"
    >>> has_run(shingles(phrases), set(shingles("on the body of it appeared that")))
    False
    """
    run = 0
    for gram in sequence:
        run = run + 1 if gram in other else 0
        if run >= MIN_RUN:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Link:
    """Texts ``a`` and ``b`` (indices) share ``shared`` trigrams, ``similarity`` of the smaller."""

    a: int
    b: int
    shared: int
    similarity: float


def links(shingle_seqs: Sequence[Shingles]) -> list[Link]:
    """Every related pair among the texts whose trigrams are given."""
    postings: dict[int, list[int]] = defaultdict(list)
    for k, seq in enumerate(shingle_seqs):
        for gram in {gram for gram in seq if gram % SAMPLE == 0}:
            postings[gram].append(k)
    distinct = [len(set(seq)) for seq in shingle_seqs]

    # A text's trigram set is built when a pair needs it, a few kept: ten
    # thousand sets at once took 600 MB.
    @lru_cache(maxsize=SETS_KEPT)
    def trigram_set(k: int) -> frozenset[int]:
        return frozenset(shingle_seqs[k])

    candidates: Counter[tuple[int, int]] = Counter()
    for texts in postings.values():
        if 1 < len(texts) <= MAX_POSTING:
            for x, a in enumerate(texts):
                for b in texts[x + 1 :]:
                    candidates[(a, b)] += 1
    out = []
    for (a, b), sampled in sorted(candidates.items()):
        if not worth_comparing(sampled, min(distinct[a], distinct[b])):
            continue
        found = _similarity(shingle_seqs[a], shingle_seqs[b], trigram_set(a), trigram_set(b))
        if found is not None:
            out.append(Link(a, b, *found))
    return sorted(out, key=lambda link: (link.a, link.b))


def neighbours(count: int, found: Sequence[Link]) -> list[list[int]]:
    """For each of ``count`` texts, the indices of the texts related to it."""
    near: list[list[int]] = [[] for _ in range(count)]
    for link in found:
        near[link.a].append(link.b)
        near[link.b].append(link.a)
    return near


def groups(count: int, found: Sequence[Link]) -> list[list[int]]:
    """Texts joined by links, as groups of indices (connected components), for display."""
    parent = list(range(count))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for link in found:
        parent[root(link.a)] = root(link.b)
    members: dict[int, list[int]] = defaultdict(list)
    for k in range(count):
        members[root(k)].append(k)
    return sorted((m for m in members.values() if len(m) > 1), key=lambda m: m[0])
