"""Find which texts are copies of one another, by content, not by name.

Each text is reduced to its word trigrams (:func:`shingles`).
An inverted index from trigram to texts counts, for every pair that shares
any, how many they share, without comparing all pairs: trigrams found in
more than MAX_POSTING texts are set phrases ("one of the") and are skipped.
Two texts are related when they share enough trigrams
(:func:`enough_shared`), some in a run (:func:`has_run`); a text's siblings are the texts related to
it directly, never through a third one, so different stories that share a
paragraph with a common source do not leak into each other.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

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

Shingles = frozenset[tuple[str, ...]]


def shingles(text: str) -> Shingles:
    """The word trigrams of a text, case-folded, for telling related texts.

    Words are runs of letters and digits found by one regular expression:
    far cheaper than tokenizing, which matters when grouping thousands of
    texts, and the same for every text, which is all that matters here.
    """
    words = SHINGLE_WORD.findall(unicodedata.normalize("NFC", text).casefold())
    return frozenset(tuple(words[k : k + SHINGLE_N]) for k in range(len(words) - SHINGLE_N + 1))


def enough_shared(shared: int, smaller: int) -> bool:
    """Are ``shared`` trigrams enough to relate two texts, the shorter having ``smaller``?"""
    return shared >= MIN_SHARED_SHINGLES and shared >= MIN_SHARED_SHARE * smaller


def related(mine: Shingles, theirs: Shingles) -> bool:
    """Do two texts share enough word trigrams to be copies of one text (in part),
    some of them in a run (a passage, not stock phrases)?"""
    common = mine & theirs
    return enough_shared(len(common), min(len(mine), len(theirs))) and has_run(common)


def has_run(common: Shingles) -> bool:
    """Do ``common`` trigrams chain into a run of MIN_RUN, each the next one's
    first two words shifted ("a b c", "b c d", ...): a shared passage? Stock
    phrases ("gave it as his opinion that") chain only briefly.

    >>> has_run(shingles("he was taken to the station and charged with the theft"))
    True
    >>> has_run(shingles("on the body of") | shingles("it appeared that the child"))
    False
    """
    following: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for gram in common:
        following[gram[:-1]].append(gram)
    known: dict[tuple[tuple[str, ...], int], int] = {}

    def run_from(gram: tuple[str, ...], most: int) -> int:
        """Length of the longest run from ``gram``, counted up to ``most``."""
        if most == 1:
            return 1
        if (gram, most) not in known:
            onward = (run_from(g, most - 1) for g in following[gram[1:]])
            known[(gram, most)] = 1 + max(onward, default=0)
        return known[(gram, most)]

    return any(run_from(gram, MIN_RUN) >= MIN_RUN for gram in common)


@dataclass(frozen=True, slots=True)
class Link:
    """Texts ``a`` and ``b`` (indices) share ``shared`` trigrams, ``similarity`` of the smaller."""

    a: int
    b: int
    shared: int
    similarity: float


def links(shingle_sets: Sequence[Shingles]) -> list[Link]:
    """Every related pair among the texts whose trigram sets are given."""
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for k, shingle_set in enumerate(shingle_sets):
        for gram in shingle_set:
            postings[gram].append(k)
    shared: Counter[tuple[int, int]] = Counter()
    for texts in postings.values():
        if 1 < len(texts) <= MAX_POSTING:
            for x, a in enumerate(texts):
                for b in texts[x + 1 :]:
                    shared[(a, b)] += 1
    out = []
    for (a, b), count in shared.items():
        smaller = min(len(shingle_sets[a]), len(shingle_sets[b]))
        if enough_shared(count, smaller) and has_run(shingle_sets[a] & shingle_sets[b]):
            out.append(Link(a, b, count, round(count / smaller, 3)))
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
