"""How confident a suggestion must be for ``fix`` to apply it.

A wrong fix costs most where the printed word was right, and that is
likeliest in clean text. In a text that OCR evidently misread, a flagged
word is wrong as printed far more often, so a wrong reading mostly replaces
a word that was wrong already, and fixing from a lower confidence gains more
than it loses. Measured on the bench's OCR, each flag's best reading against
the ground truth: of the word readings at 0.55-0.7 in such texts, 59% brought
the text closer and 21% took it further on the real OCR (394 readings), 61%
and 24% on the Tesseract OCR (100); in clean text the same band holds mostly
names and the writer's own spellings.

So ``fix`` lowers its threshold to ``Config.misread_min_confidence`` for
word readings (unknown and real words, lost and added spaces, broken
hyphenation) in a text where the sure corrections of lower-case unknown
words and sure deletions of specks (runs of fragments, a lone letter
between words, a speck at a line's end: a scan's, as much as its misread
words) are MISREAD_MIN_CORRECTIONS or more and at least one word in
MISREAD_WORDS_PER_CORRECTION. Stray marks (a lone bracket, a stop or
semicolon inside a word), lone letters between spaces and runs of fragments
(``~~ ~``, ``_._;__``) are flagged at a review level, 0.5, for clean text's
sake, where a mark is mostly meant; in such a text they are mostly specks,
and their deletions apply from MISREAD_MARK_CONFIDENCE (of the marks at 0.5,
35 brought bln600-real closer and 5 further, 44 and 10 on bln600-tess;
deleting the runs brought 7 documents of bln600-real closer and 2 further),
except signs that stand for words (WORD_SIGNS); and so do joins of a broken
word's parts as printed ("- " deleted: the letters are kept, and read again
joined). Nothing else is lowered: the rules whose confidence is a fixed
review level (a document's own word, a passage in another language, a page
artifact) stay below the threshold.

The evidence separates well: on the bench's transcriptions, 298 Markdown
files and 101 licence files of a Debian system, no text met it; of 90 real
OCR texts, 84 did, and 62 of 90 Tesseract ones. Counting the specks as well
as the words added 3 and 10 of those (bln600-tess single 4,656 -> 4,607
character edits, 7 documents closer, none further; bln600-real 11,295 ->
11,285).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from ocrfix.config import Config
from ocrfix.types import Flag, FlagKind

MISREAD_MIN_CORRECTIONS = 3
MISREAD_WORDS_PER_CORRECTION = 200
MISREAD_MARK_CONFIDENCE = 0.5
SPECKS = frozenset({FlagKind.PUNCTUATION, FlagKind.GARBAGE})
# Signs that stand for words ("10 @ 5s.", "$ 5", "< 3") are no specks, even there.
WORD_SIGNS = frozenset("@$\u00a3\u20ac\u00a2<>%&#+=")
# What breaks a word in print: a hyphen (or a soft one) and white space.
BREAK = regex.compile(r"[-\u00ad\u2010\s]+")
WORD_READINGS = frozenset(
    {
        FlagKind.NON_WORD,
        FlagKind.REAL_WORD,
        FlagKind.RUN_TOGETHER,
        FlagKind.SPLIT_WORD,
        FlagKind.HYPHENATION,
    }
)


def evidently_misread(flags: Sequence[Flag], text: str, config: Config) -> bool:
    """Did OCR evidently misread ``text``: does ``flags`` (its first reading)
    hold enough sure corrections of lower-case unknown words and deletions of
    specks for its length?"""
    sure = sum(
        1
        for f in flags
        if ((f.kind is FlagKind.NON_WORD and f.text[:1].islower()) or f.kind is FlagKind.GARBAGE)
        and (best := f.best) is not None
        and best.confidence >= config.min_confidence
    )
    words = len(text.split())
    return sure >= MISREAD_MIN_CORRECTIONS and sure * MISREAD_WORDS_PER_CORRECTION >= words


def to_apply(flags: Iterable[Flag], config: Config, *, misread: bool = False) -> list[Flag]:
    """The flags whose best suggestion ``fix`` applies: from ``config.min_confidence``;
    in a ``misread`` text, word readings from ``config.misread_min_confidence``
    and stray marks and fragments from MISREAD_MARK_CONFIDENCE."""
    return [
        f
        for f in flags
        if (best := f.best) is not None and best.confidence >= _threshold(f, config, misread)
    ]


def _threshold(flag: Flag, config: Config, misread: bool) -> float:
    low = config.misread_min_confidence
    if not misread or low is None:
        return config.min_confidence
    if (flag.kind in SPECKS and not WORD_SIGNS & set(flag.text)) or _joins_as_printed(flag):
        return min(low, MISREAD_MARK_CONFIDENCE, config.min_confidence)
    if flag.kind in WORD_READINGS:
        return min(low, config.min_confidence)
    return config.min_confidence


def _joins_as_printed(flag: Flag) -> bool:
    """Does ``flag`` join the parts of a broken word as they were printed: is its
    best suggestion its text less the hyphen and the space ("- " -> "")?"""
    best = flag.best
    return (
        flag.kind is FlagKind.HYPHENATION
        and best is not None
        and best.text == BREAK.sub("", flag.text)
    )
