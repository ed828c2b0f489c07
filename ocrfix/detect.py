"""The detector registry, and how their flags are combined.

Every detector is a pure function ``Doc -> Iterator[Flag]`` registered by
name in :data:`DETECTORS`. Detectors may flag overlapping spans (a split
word's halves are also non-words); :func:`detect` keeps, for each stretch of
text, the flag whose best suggestion is surest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ocrfix import detect_breaks, detect_layout, detect_marks, detect_words
from ocrfix.doc import Doc
from ocrfix.types import Flag

Detector = Callable[[Doc], Iterator[Flag]]

DETECTORS: dict[str, Detector] = {
    "words": detect_words.words,
    "split-words": detect_breaks.split_words,
    "hyphenation": detect_breaks.hyphenation,
    "homoglyphs": detect_marks.homoglyphs,
    "quotes": detect_marks.quotes,
    "spacing": detect_marks.spacing,
    "punctuation": detect_marks.punctuation,
    "stray-marks": detect_marks.stray_marks,
    "garbage": detect_layout.garbage,
    "junk": detect_layout.junk,
    "artifacts": detect_layout.artifacts,
}


def detect(doc: Doc) -> list[Flag]:
    """All flags of all detectors on ``doc``, without overlaps, in text order."""
    return resolve_overlaps(flag for detector in DETECTORS.values() for flag in detector(doc))


def strength(flag: Flag) -> float:
    """How much a flag is worth keeping over one it overlaps: its best suggestion's confidence,
    or half its own confidence when it has none; wider flags win ties."""
    best = flag.best.confidence if flag.best else flag.confidence / 2
    return best + (flag.end - flag.start) * 1e-6


def resolve_overlaps(flags: Iterable[Flag]) -> list[Flag]:
    """Keep the strongest of overlapping flags (see :func:`strength`), in text order."""
    kept: list[Flag] = []
    for flag in sorted(flags, key=strength, reverse=True):
        if all(flag.end <= other.start or flag.start >= other.end for other in kept):
            kept.append(flag)
    return sorted(kept, key=lambda f: (f.start, f.end))
