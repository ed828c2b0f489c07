"""Which writing system a letter or word belongs to (Latin, Cyrillic, Greek, ...)."""

from __future__ import annotations

import unicodedata
from functools import cache

import regex

SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
PRIVATE_USE = regex.compile(r"\p{Co}")


@cache
def script(char: str) -> str | None:
    """The script of ``char``: one of SCRIPTS, "OTHER" for other letters, None for non-letters."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return next((s for s in SCRIPTS if name.startswith(s)), "OTHER")


def scripts(word: str) -> set[str]:
    """The scripts of the letters of ``word``."""
    return {s for s in map(script, word) if s is not None}


def mixed_script(word: str) -> bool:
    """True when ``word`` has letters of two or more scripts ("Lоndon", with a Cyrillic o).

    >>> mixed_script("Lоndon"), mixed_script("London"), mixed_script("Москва")
    (True, False, False)
    """
    return len(scripts(word)) > 1


def private_glyph(text: str) -> bool:
    """Does ``text`` hold a private-use character: a letter Unicode lacks, as a
    font or the Medieval Unicode Font Initiative encodes it ("uͤ" as U+E72B in
    transcriptions of Fraktur)? It is part of a word whose letters ocrfix
    cannot read, never a speck.

    >>> private_glyph("\ue72bberliefern"), private_glyph("überliefern")
    (True, False)
    """
    return PRIVATE_USE.search(text) is not None
