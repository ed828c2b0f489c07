"""The OCR error model: how costly it is for OCR to turn one string into another.

``channel_cost(intended, observed)`` is a weighted edit distance in units of
-log10 probability: 0 for identical strings, about 0.7 for one typical OCR
confusion (``m`` read as ``rn``), about 2.3 for an arbitrary edit. Typical
confusions come from ``dictionaries/ocr_confusions.tsv``; they may replace up
to three characters by up to three, which plain edit distance counts as
several edits.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import Levenshtein

from ocrfix.data import rows

# Costs of edits the table does not list, in -log10 P. An arbitrary
# substitution is about 15x rarer than a typical confusion (2.3 vs 0.7 + 0.5);
# these round values put one arbitrary edit at the cost of two common
# confusions, which matches how symspell-style correctors (edit distance 2)
# are usually tuned. A case-only change (``cOsens``) is cheap: OCR often
# confuses the case of c, o, s, v, w, x, z.
GENERIC_SUBSTITUTION = 2.3
GENERIC_INSERTION = 2.3
GENERIC_DELETION = 2.3
CASE_CHANGE = 0.5
# A letter read twice or a double letter read once (``lettter``, ``leter``).
REPEAT_EDIT = 1.5

CONFUSION_FILE = "ocr_confusions.tsv"
LEARNED_FILE = "learned_confusions.tsv"  # built by python -m ocrfix.train


@dataclass(frozen=True, slots=True)
class Rule:
    """One typical confusion: ``intended`` printed, ``observed`` read."""

    intended: str
    observed: str
    cost: float


@cache
def load_rules(learned: bool = True) -> dict[str, tuple[Rule, ...]]:
    """The confusion tables, indexed by the first character of ``intended``:
    the hand-made one and, with ``learned``, the one learned from data (where
    both list a confusion, the cheaper cost)."""
    cheapest: dict[tuple[str, str], float] = {}
    for name in (CONFUSION_FILE, LEARNED_FILE) if learned else (CONFUSION_FILE,):
        for intended, observed, listed, *_ in rows(name):
            variants = {(intended, observed)}
            if intended.islower() and observed.islower():
                variants.add((intended.upper(), observed.upper()))
            for pair in variants:
                cheapest[pair] = min(float(listed), cheapest.get(pair, float("inf")))
    by_first: dict[str, list[Rule]] = defaultdict(list)
    for (a, b), cost in cheapest.items():
        by_first[a[0]].append(Rule(a, b, cost))
    return {first: tuple(rules) for first, rules in by_first.items()}


def channel_cost(intended: str, observed: str, learned: bool = True) -> float:
    """-log10 P(observed | intended) under the OCR error model (``learned``:
    with the learned confusions; else the hand-made table alone).

    >>> channel_cost("modern", "modern")
    0.0
    >>> channel_cost("modern", "rnodern")
    0.7
    >>> channel_cost("the", "tbe") < channel_cost("the", "tqe")
    True
    """
    if min(len(intended), len(observed)) > BAND:
        return _cost(intended, observed, learned)
    trimmed, read = _trim_common(intended, observed)
    return _cost(trimmed, read, learned)


# The longest side of any rule in the tables (checked as they load).
LONGEST_SIDE = 3


def _trim_common(intended: str, observed: str) -> tuple[str, str]:
    """``intended`` and ``observed`` less the start and end they share, but for
    LONGEST_SIDE characters next to where they differ: matched characters cost
    nothing, and a rule that touches the difference, or a repeated letter
    lost or added there, reads no further than that. Most of a word is
    shared with its misreading, so this halves the cells the edit distance
    visits.

    >>> _trim_common("remembrance", "rernembrance")
    ('rememb', 'rernemb')
    """
    limit = min(len(intended), len(observed))
    head = 0
    while head < limit and intended[head] == observed[head]:
        head += 1
    tail = 0
    while tail < limit - head and intended[-1 - tail] == observed[-1 - tail]:
        tail += 1
    head = max(0, head - LONGEST_SIDE)
    tail = max(0, tail - LONGEST_SIDE)
    return intended[head : len(intended) - tail], observed[head : len(observed) - tail]


@cache
def _pair_costs(learned: bool) -> dict[str, dict[str, float]]:
    """The rules as ``intended -> {observed: cost}``: the edit distance below
    looks a rule up by the strings at a cell instead of trying every rule
    that begins with the same character (most of ocrfix's time, before)."""
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for rules in load_rules(learned).values():
        for rule in rules:
            if max(len(rule.intended), len(rule.observed)) > LONGEST_SIDE:
                raise ValueError(f"confusion longer than {LONGEST_SIDE} characters: {rule}")
            table[rule.intended][rule.observed] = rule.cost
    return dict(table)


# Long strings are compared along the diagonal only: cells more than BAND
# characters off the line from the start of both to their end are not
# visited. OCR's slips keep the two strings in step (a slip shifts them by
# a character or two), so a misreading's cost stays exact; strings further
# out of step are no misreading of each other, and their cost, overstated,
# still says so. Without the band, two differing paragraphs of related
# licence texts took minutes to compare.
BAND = 20
# Past this many cells (two strings of some 500 characters) not even the band
# is tried: the generic edit distance prices them, an upper bound.
MAX_CELLS = 250_000


@cache
def _cost(intended: str, observed: str, learned: bool) -> float:
    n, m = len(intended), len(observed)
    if n * m > MAX_CELLS:
        return round(GENERIC_SUBSTITUTION * Levenshtein.distance(intended, observed), 3)
    pairs = _pair_costs(learned)
    inf = float("inf")
    dist = [[inf] * (m + 1) for _ in range(n + 1)]
    dist[0][0] = 0.0
    # The rules whose intended side matches at each i, found once: a cell
    # then only looks up the strings that follow it in ``observed``.
    matching = [
        [
            (length, pairs[intended[i : i + length]])
            for length in range(1, min(LONGEST_SIDE, n - i) + 1)
            if intended[i : i + length] in pairs
        ]
        for i in range(n)
    ]
    banded = min(n, m) > BAND
    for i in range(n + 1):
        # The columns of row i within BAND of the diagonal (all, when short).
        centre = i * m // n if n else 0
        low, high = (max(0, centre - BAND), min(m, centre + BAND)) if banded else (0, m)
        for j in range(low, high + 1):
            here = dist[i][j]
            if here == inf:
                continue
            if i < n and j < m:
                a, b = intended[i], observed[j]
                step = (
                    0.0
                    if a == b
                    else CASE_CHANGE
                    if a.casefold() == b.casefold()
                    else (GENERIC_SUBSTITUTION)
                )
                _relax(dist, i + 1, j + 1, here + step)
            if i < n:  # a printed character lost
                lost = REPEAT_EDIT if i > 0 and intended[i] == intended[i - 1] else GENERIC_DELETION
                _relax(dist, i + 1, j, here + lost)
            if j < m:  # a character read that was not printed
                extra = (
                    REPEAT_EDIT if j > 0 and observed[j] == observed[j - 1] else (GENERIC_INSERTION)
                )
                _relax(dist, i, j + 1, here + extra)
            if (
                i + 1 < n
                and j + 1 < m
                and intended[i] == observed[j + 1]
                and (intended[i + 1] == observed[j])
            ):  # two characters swapped
                _relax(dist, i + 2, j + 2, here + GENERIC_SUBSTITUTION)
            if i < n:
                for length, costs in matching[i]:
                    for read in range(1, min(LONGEST_SIDE, m - j) + 1):
                        rule_cost = costs.get(observed[j : j + read])
                        if rule_cost is not None:
                            _relax(dist, i + length, j + read, here + rule_cost)
    return round(dist[n][m], 3)


def _relax(dist: list[list[float]], i: int, j: int, cost: float) -> None:
    if cost < dist[i][j]:
        dist[i][j] = cost
