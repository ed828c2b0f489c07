"""The units in which two copies of a text are aligned, and how they are compared.

Units are the tokens that carry text (words, numbers, URLs, marks), with
words split at their hyphens: one copy prints "well-known", another
"well- known". Each unit has a comparison key: NFC, typographic variants of
quotes and dashes folded, case-folded, so that house style is no difference.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from ocrfix.tokens import tokenize
from ocrfix.types import TokenKind

# Units of alignment: everything but white space.
ALIGNED = frozenset(
    {
        TokenKind.WORD,
        TokenKind.NUMBER,
        TokenKind.URL,
        TokenKind.PATH,
        TokenKind.EMAIL,
        TokenKind.PUNCT,
    }
)
HYPHENS = frozenset("-\u2010\u00ad")
# Marks stripped from a word's edges before it is looked up or judged.
EDGE_MARKS = "()[]{}\"'.,;:!?\u201c\u201d\u2018\u2019"
# Specks and smudges are read as marks or as "words" of at most this many
# characters ("a", "oo", "Me"): what OCR makes of no print.
SPECK_LENGTH = 2
WORD_PART = regex.compile(r"[^-\u2010\u00ad]+|[-\u2010\u00ad]")
# Typographic variants folded before comparing: quotes, dashes, spaces.
FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Unit:
    """A token taking part in alignment, with its comparison key."""

    start: int
    end: int
    kind: TokenKind
    key: str


def key(text: str) -> str:
    """Comparison form of a unit: NFC, typographic variants folded, case-folded."""
    return form(text).casefold()


def form(text: str) -> str:
    """A reading as the words it shows: NFC, typographic variants folded, case kept
    (OCR confuses case, so readings differing in it are different readings)."""
    return unicodedata.normalize("NFC", text).translate(FOLD)


def units_of(text: str) -> tuple[Unit, ...]:
    """The alignment units of ``text``: its tokens, words split at their hyphens
    (one copy prints "well-known", another "well- known")."""
    units = []
    for t in tokenize(text):
        if t.kind is TokenKind.WORD and any(h in t.text for h in HYPHENS):
            for part in WORD_PART.finditer(t.text):
                kind = TokenKind.PUNCT if part.group() in HYPHENS else TokenKind.WORD
                units.append(
                    Unit(t.start + part.start(), t.start + part.end(), kind, key(part.group()))
                )
        elif t.kind in ALIGNED:
            units.append(Unit(t.start, t.end, t.kind, key(t.text)))
    return tuple(units)
