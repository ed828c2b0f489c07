"""Checking a long text piece by piece, so that the first flags come at once.

``ocrfix review`` shows the first flag of a megabyte of OCR in well under the
time checking all of it takes: the text is cut at paragraph breaks (else at
line breaks) into a small first piece and larger ones after it, and each
piece is checked as a text of its own, its flags moved to the whole text's
offsets.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from ocrfix.api import check
from ocrfix.config import Config
from ocrfix.siblings import Sibling
from ocrfix.types import Flag

# Characters in the first piece (about a page) and in each later one.
FIRST_PIECE = 4_000
PIECE = 40_000


def pieces(text: str, first: int = FIRST_PIECE, size: int = PIECE) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text``, each ending at a paragraph
    break (or a line break) near its nominal length.

    >>> list(pieces("a b\\n\\nc d\\n\\ne f", first=3, size=5))
    [(0, 5), (5, 13)]
    """
    start, want = 0, first
    while start < len(text):
        end = _break_after(text, start + want)
        yield start, end
        start, want = end, size


def _break_after(text: str, at: int) -> int:
    """The end of the first paragraph (else line) break at or after ``at``."""
    if at >= len(text):
        return len(text)
    for mark in ("\n\n", "\n"):
        found = text.find(mark, at)
        if found != -1 and found - at < PIECE:
            return found + len(mark)
    return len(text)


def check_in_pieces(
    text: str, config: Config, siblings: Sequence[Sibling] = ()
) -> Iterator[list[Flag]]:
    """The flags of ``text``, piece by piece, in text order."""
    for start, end in pieces(text):
        found = check(text[start:end], config, siblings=siblings)
        yield [replace(f, start=f.start + start, end=f.end + start) for f in found]
