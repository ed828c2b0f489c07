"""Find which texts are copies of one another, by content, not by name.

Each text is reduced to its word trigrams (:func:`ocrfix.siblings.shingles`).
An inverted index from trigram to texts counts, for every pair that shares
any, how many they share, without comparing all pairs: trigrams found in
more than MAX_POSTING texts are set phrases ("one of the") and are skipped.
Two texts are related when they share enough trigrams (see
:func:`ocrfix.siblings.related`); a text's siblings are the texts related to
it directly, never through a third one, so different stories that share a
paragraph with a common source do not leak into each other.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ocrfix.siblings import MIN_SHARED_SHARE, MIN_SHARED_SHINGLES

# A trigram in more texts than this says nothing about which are copies.
MAX_POSTING = 200


@dataclass(frozen=True, slots=True)
class Link:
    """Texts ``a`` and ``b`` (indices) share ``shared`` trigrams, ``similarity`` of the smaller."""

    a: int
    b: int
    shared: int
    similarity: float


def links(shingle_sets: Sequence[frozenset[tuple[str, ...]]]) -> list[Link]:
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
        if count >= MIN_SHARED_SHINGLES and count >= MIN_SHARED_SHARE * smaller:
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
