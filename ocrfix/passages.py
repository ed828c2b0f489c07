"""Passages in another language than the document's, whose words are no OCR errors.

An English licence carries its Italian translation, a report quotes a French
letter: read as English, every word of such a passage is "misspelt", and the
corrector would turn "indicare" into "indicate" and delete Italian's "e" and
"i" as specks. A passage is another language's when its words are mostly
unknown to the document's lexicon and that language's commonest words make
up a large share of them, far larger than the document language's. Its flags
are kept for review, never applied. A pure function of the text and its flags.

Which language a run of words is in is told by :mod:`ocrfix.languages`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import regex

from ocrfix.languages import other_language, words_of
from ocrfix.model import Model
from ocrfix.types import Flag

LINE = regex.compile(r"[^\n]*(?:\n|$)")
# Each line is judged by its own words, and a short one with its neighbours
# until this many words are read (a few words say little).
WINDOW_WORDS = 12
# Lines between two such passages with fewer words than this belong to them
# (a name, a heading in capitals: "CREATIVE COMMONS").
GAP_WORDS = 15
# Another language's passage: fewer than this share of its words known to the
# document's lexicon (which lists many a borrowed word: "opera", "presente"),
# and another language's commonest words a large share of them
# (ocrfix.languages.other_language).
MAX_KNOWN_SHARE = 0.8
# The flags of such a passage are kept for review at this confidence at most.
FOREIGN_CONFIDENCE = 0.5


def foreign_spans(text: str, lang: str, model: Model) -> list[tuple[int, int]]:
    """The spans of ``text``, whole lines, in a language other than ``lang``."""
    lines = [(m.start(), m.end(), words_of(m.group())) for m in LINE.finditer(text) if m.group()]
    spans: list[tuple[int, int]] = []
    for i, (start, end, _) in enumerate(lines):
        window = _window(lines, i)
        if len(window) >= WINDOW_WORDS and _other_language(window, lang, model) is not None:
            if spans and len(words_of(text[spans[-1][1] : start])) < GAP_WORDS:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def _window(lines: Sequence[tuple[int, int, list[str]]], i: int) -> list[str]:
    """The words of line ``i`` and its nearest neighbours, WINDOW_WORDS of them or all."""
    words = list(lines[i][2])
    before, after = i - 1, i + 1
    while len(words) < WINDOW_WORDS and (before >= 0 or after < len(lines)):
        if before >= 0:
            words = lines[before][2] + words
            before -= 1
        if after < len(lines):
            words = words + lines[after][2]
            after += 1
    return words


def _other_language(words: list[str], lang: str, model: Model) -> str | None:
    """The language ``words`` are written in, if it is surely not ``lang``; else None."""
    known = sum(1 for w in words if model.is_known(w)) / len(words)
    if known >= MAX_KNOWN_SHARE:
        return None
    return other_language(words, lang)


def in_other_languages(text: str, flags: Iterable[Flag], lang: str, model: Model) -> list[Flag]:
    """``flags``, those inside a passage of another language made tentative."""
    flags = list(flags)
    if not flags:
        return flags
    spans = foreign_spans(text, lang, model)
    if not spans:
        return flags
    starts = [start for start, _ in spans]
    why = "in a passage of another language: kept"
    return [f.tentative(FOREIGN_CONFIDENCE, why) if _inside(f, spans, starts) else f for f in flags]


def _inside(flag: Flag, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, flag.start) - 1
    return k >= 0 and flag.end <= spans[k][1]
