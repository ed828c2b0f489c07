"""The detector registry, and how their flags are combined.

Every detector is a pure function ``Doc -> Iterator[Flag]`` registered by
name in :data:`DETECTORS`. Detectors may flag overlapping spans (a split
word's halves are also non-words); :func:`detect` keeps, for each stretch of
text, the flag whose best suggestion is surest.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

import regex

from ocrfix import (
    detect_breaks,
    detect_layout,
    detect_marks,
    detect_names,
    detect_shapes,
    detect_words,
)
from ocrfix.doc import Doc
from ocrfix.spelling import old_spelling
from ocrfix.types import Flag, FlagKind

Detector = Callable[[Doc], Iterator[Flag]]
GRAPHEME = regex.compile(r"\X")
# Readings of one word, which a join of the broken word it is part of overrules.
PART_READINGS = frozenset({FlagKind.NON_WORD, FlagKind.REAL_WORD, FlagKind.RUN_TOGETHER})

DETECTORS: dict[str, Detector] = {
    "words": detect_words.words,
    "engine-doubts": detect_words.engine_doubts,
    "split-words": detect_breaks.split_words,
    "hyphenation": detect_breaks.hyphenation,
    "misread-hyphens": detect_breaks.misread_hyphens,
    "homoglyphs": detect_marks.homoglyphs,
    "quotes": detect_marks.quotes,
    "spacing": detect_marks.spacing,
    "punctuation": detect_marks.punctuation,
    "stray-marks": detect_marks.stray_marks,
    "stray-stops": detect_marks.stray_stops,
    "comma-stops": detect_marks.comma_stops,
    "misread-names": detect_names.misread_names,
    "misread-titles": detect_names.misread_titles,
    "title-stops": detect_names.title_stops,
    "odd-shapes": detect_shapes.odd_shapes,
    "broken-at-line-end": detect_shapes.broken_at_line_end,
    "lone-letters": detect_shapes.lone_letters,
    "stray-pronouns": detect_shapes.stray_pronouns,
    "bars-for-letters": detect_shapes.bars_for_letters,
    "misread-pounds": detect_shapes.misread_pounds,
    "garbage": detect_layout.garbage,
    "junk": detect_layout.junk,
    "line-end-specks": detect_layout.line_end_specks,
    "artifacts": detect_layout.artifacts,
}


def detect(doc: Doc) -> list[Flag]:
    """All flags of all detectors on ``doc``, without overlaps, in text order;
    respelt words made tentative where the document spells the old way."""
    found = [flag for detector in DETECTORS.values() for flag in detector(doc)]
    flags = resolve_overlaps(joins_before_parts(found))
    return old_spelling(flags, doc.model)


def joins_before_parts(flags: list[Flag]) -> list[Flag]:
    """``flags`` less the word readings inside a word broken by a hyphen that a
    flag joins into one word.

    "agri- culturc" is "agriculture" broken at a line end; "culturc" read as
    "culture" leaves the break in place and is wrong whenever the join is
    right, yet alone it is the surer reading and would win the overlap. A
    join decides its parts. bln600-real single: 27 characters closer (7
    words, none further); bln600-tess and the clean text unchanged.
    """
    joins = sorted((f.start, f.end) for f in flags if _joins_a_word(f))
    if not joins:
        return flags
    starts = [start for start, _ in joins]
    reach = list(itertools.accumulate((end for _, end in joins), max))

    def in_a_join(flag: Flag) -> bool:
        k = bisect.bisect_right(starts, flag.start) - 1
        return k >= 0 and flag.end <= reach[k]

    return [f for f in flags if f.kind not in PART_READINGS or not in_a_join(f)]


def _joins_a_word(flag: Flag) -> bool:
    """Does ``flag`` read a word broken by a hyphen as one word?"""
    best = flag.best
    return flag.kind is FlagKind.HYPHENATION and best is not None and best.text.isalpha()


def on_graphemes(text: str, flags: Iterable[Flag]) -> list[Flag]:
    """``flags`` with each span widened to whole graphemes (a combining mark, a
    joiner or a selector stays with the letter or mark it belongs to), and its
    suggestions widened alike, overlaps then resolved. A flag inside a grapheme
    would cut "e" from its accent, or one emoji in two."""
    flags = list(flags)
    if all(_plainly_between(text, f.start) and _plainly_between(text, f.end) for f in flags):
        return flags
    bounds = [m.start() for m in GRAPHEME.finditer(text)] + [len(text)]
    out = []
    for flag in flags:
        start = bounds[bisect.bisect_right(bounds, flag.start) - 1]
        end = bounds[bisect.bisect_left(bounds, flag.end)]
        if (start, end) == (flag.start, flag.end):
            out.append(flag)
            continue
        before, after = text[start : flag.start], text[flag.end : end]
        suggestions = tuple(replace(c, text=before + c.text + after) for c in flag.suggestions)
        out.append(
            replace(flag, start=start, end=end, text=text[start:end], suggestions=suggestions)
        )
    return resolve_overlaps(out)


def _plainly_between(text: str, at: int) -> bool:
    """Is ``at`` surely a grapheme boundary: between two ASCII characters other
    than CR and LF, or at an end of the text?"""
    if at <= 0 or at >= len(text):
        return True
    pair = text[at - 1 : at + 1]
    return pair.isascii() and pair != "\r\n"


def strength(flag: Flag) -> float:
    """How much a flag is worth keeping over one it overlaps: its best suggestion's confidence,
    or half its own confidence when it has none; wider flags win ties."""
    best = flag.best.confidence if flag.best else flag.confidence / 2
    return best + (flag.end - flag.start) * 1e-6


def resolve_overlaps(flags: Iterable[Flag]) -> list[Flag]:
    """Keep the strongest of overlapping flags (see :func:`strength`), in text order.

    The kept flags never overlap, so sorted by start they are sorted by end
    too; a new flag can only clash with its two neighbours in that order,
    found by bisection: O(n log n) even for a text with a million flags.
    """
    starts: list[int] = []
    kept: list[Flag] = []
    for flag in sorted(flags, key=strength, reverse=True):
        k = bisect.bisect_left(starts, flag.start)
        clash = (k > 0 and kept[k - 1].end > flag.start) or (
            k < len(kept) and kept[k].start < flag.end
        )
        if not clash:
            starts.insert(k, flag.start)
            kept.insert(k, flag)
    return kept
