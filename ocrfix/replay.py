"""Replaying decisions: splicing them into a text, and composing two rounds of them.

:func:`apply` replays decisions on the text they were made for. ``fix``
re-reads its own output: mending one slip can bare another (a stop
left after "arid" once it reads "and"; a comma after "the" once "the ," is
joined). The second round's decisions index the first round's output, but
:class:`ocrfix.types.Fixed` promises decisions on the original text, which
``apply`` replays. :func:`compose` maps them back: a second-round decision
clear of the first round's replacements moves by the length they changed;
one that overlaps or touches a replacement is merged with it into one
decision over the original span they cover together.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ocrfix.types import Decision


@dataclass(frozen=True, slots=True)
class _Placed:
    """A decision and the span ``[start, end)`` it covers in the middle text
    (the first round's output): its replacement for a first-round decision,
    its own span for a second-round one."""

    decision: Decision
    start: int
    end: int
    first: bool

    @property
    def growth(self) -> int:
        """How many characters the decision adds to the text it applies to."""
        return len(self.decision.replacement) - len(self.decision.original)


def apply(text: str, decisions: Iterable[Decision]) -> str:
    """Replay ``decisions`` on ``text``: each replaces ``text[start:end]`` by its replacement.

    Raises ValueError if a decision does not match the text (it was made for
    another text) or two decisions overlap.
    """
    out: list[str] = []
    position = 0
    for d in sorted(decisions, key=_order):
        if d.start < position:
            raise ValueError(f"decisions overlap at offset {d.start}; keep only one of them")
        if text[d.start : d.end] != d.original:
            raise ValueError(
                f"decision at {d.start}:{d.end} expects {d.original!r} but the text has "
                f"{text[d.start : d.end]!r}; was it made for another text?"
            )
        out.append(text[position : d.start])
        out.append(d.replacement)
        position = d.end
    out.append(text[position:])
    return "".join(out)


def compose(text: str, first: Sequence[Decision], second: Sequence[Decision]) -> list[Decision]:
    """Decisions on ``text`` that make ``apply(apply(text, first), second)``.

    ``first`` are decisions on ``text``; ``second`` on ``apply(text, first)``.
    Each in its round must not overlap (as ``apply`` demands).
    """
    middle = _place_first(first)
    later = [_Placed(d, d.start, d.end, first=False) for d in sorted(second, key=_order)]
    output = apply(apply(text, first), second)
    out = [
        _merged(text, output, group, middle, later) if len(group) > 1 else _moved(group[0], middle)
        for group in _groups(middle, later)
    ]
    return sorted(out, key=_order)


def replaced(decisions: Sequence[Decision]) -> list[tuple[int, int]]:
    """Where each decision's replacement lies in ``apply(text, decisions)``, in text order."""
    return [(p.start, p.end) for p in _place_first(decisions)]


def _order(d: Decision) -> tuple[int, int]:
    return d.start, d.end


def _place_first(first: Sequence[Decision]) -> list[_Placed]:
    """The first round's decisions, with the spans of their replacements in the middle text."""
    placed, shift = [], 0
    for d in sorted(first, key=_order):
        start = d.start + shift
        placed.append(_Placed(d, start, start + len(d.replacement), first=True))
        shift += len(d.replacement) - len(d.original)
    return placed


def _touch(a: _Placed, b: _Placed) -> bool:
    """Do two spans of the middle text overlap or meet?"""
    return a.start <= b.end and b.start <= a.end


def _groups(middle: list[_Placed], later: list[_Placed]) -> list[list[_Placed]]:
    """The decisions of both rounds, grouped: a second-round decision with the
    first-round ones it touches, and so on transitively; alone otherwise."""
    parent = list(range(len(middle) + len(later)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for j, b in enumerate(later):
        for i, a in enumerate(middle):
            if _touch(a, b):
                parent[root(len(middle) + j)] = root(i)
    members: dict[int, list[_Placed]] = {}
    for k, placed in enumerate(itertools.chain(middle, later)):
        members.setdefault(root(k), []).append(placed)
    return list(members.values())


def _moved(placed: _Placed, middle: list[_Placed]) -> Decision:
    """A decision alone in its group, on the original text: a first-round one
    as it was; a second-round one moved back over the first round's growth."""
    if placed.first:
        return placed.decision
    back = sum(m.growth for m in middle if m.end <= placed.start)
    return replace(placed.decision, start=placed.start - back, end=placed.end - back)


def _merged(
    text: str, output: str, group: list[_Placed], middle: list[_Placed], later: list[_Placed]
) -> Decision:
    """One decision on ``text`` for a group of touching decisions of both rounds
    (``output``: the text after both)."""
    start = min(p.start for p in group)
    end = max(p.end for p in group)
    inside = {id(p) for p in group}
    origin = start - sum(m.growth for m in middle if id(m) not in inside and m.end <= start)
    length = end - start - sum(p.growth for p in group if p.first)
    # Where the group starts in the second round's output, and how long it is there.
    at = start + sum(p.growth for p in later if id(p) not in inside and p.end <= start)
    span = end - start + sum(p.growth for p in group if not p.first)
    decisions = [p.decision for p in sorted(group, key=lambda p: (not p.first, p.start))]
    reasons = list(dict.fromkeys(d.reason for d in decisions))
    last = decisions[-1]
    return Decision(
        origin,
        origin + length,
        text[origin : origin + length],
        output[at : at + span],
        min(d.confidence for d in decisions),
        last.source,
        last.kind,
        "; then ".join(reasons),
    )
