"""Old spelling systems: print before about 1700 spelt otherwise.

Early modern English print writes ``vpon``, ``haue``, ``hee``, ``wordes``,
``ſonnes``: u and v, i and j stand for one another, a final ``e`` comes and
goes, consonants double, and the long s ``ſ`` stands for s. None of that is
OCR's doing, and modernising it is rewriting the source. So when many of a
document's unknown words are such respellings of known words, its spelling
system differs from the lexicon's: those words are still flagged (a reader
may want to know), but with a confidence below any sensible threshold, so
that ``fix`` leaves them. Misreadings that are no respelling (``tbe``) are
corrected as ever.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ocrfix.model import Model
from ocrfix.types import Flag, FlagKind

# A document spells the old way when at least this many distinct lowercase
# words of three letters or more among its non-word flags, and this share of
# those flags, are respellings of known words. Modern OCR makes such forms
# only by chance: of the 180 bench OCR texts, two had 5 respelt flags of
# 16-20, all names, capitals or scraps but two or fewer.
MIN_RESPELLINGS = 3
MIN_SHARE = 0.25
# What a respelt word's flag and suggestions may claim at most: below the
# default threshold (0.7), so fix keeps the word and review shows it.
OLD_SPELLING_CONFIDENCE = 0.3
LONG_S = "\u017f"


def modern_forms(word: str) -> set[str]:
    """``word`` as today's spelling might have it, by the rules of early modern
    print (each applied or not): ſ as s; u/v and i/j exchanged; a doubled
    letter single; a final ``e`` dropped (also before a final ``s``).

    >>> sorted(modern_forms("vpon"))[:2]
    ['upon', 'vpon']
    >>> "sons" in modern_forms("ſonnes")
    True
    """
    forms = {word.replace(LONG_S, "s")}
    for rule in (_uv, _ij, _single, _no_final_e):
        forms |= {new for form in forms for new in rule(form)}
    return forms


def respelling(word: str, model: Model) -> bool:
    """Is ``word`` (unknown) an old spelling of a word of running text? (The
    context model's words: the lexicon also lists scraps such as ``tb``.)"""
    return any(form != word and model.in_context(form) for form in modern_forms(word))


def old_spelling(flags: Sequence[Flag], model: Model) -> list[Flag]:
    """``flags``, with those of respelt words made tentative if the document
    spells the old way (see the module docstring)."""
    words = [f for f in flags if f.kind is FlagKind.NON_WORD]
    respelt = {id(f) for f in words if respelling(f.text, model)}
    # Evidence: distinct lowercase respellings of some length (names, capitals
    # and two-letter scraps fit the rules by chance).
    forms = {f.text for f in words if id(f) in respelt and f.text.islower() and len(f.text) > 2}
    if len(forms) < MIN_RESPELLINGS or len(respelt) < MIN_SHARE * len(words):
        return list(flags)
    why = "the document spells the old way (vpon, haue): kept"
    return [f.tentative(OLD_SPELLING_CONFIDENCE, why) if id(f) in respelt else f for f in flags]


def _uv(word: str) -> Iterator[str]:
    swapped = word.translate(str.maketrans("uvUV", "vuVU"))
    for k, (a, b) in enumerate(zip(word, swapped, strict=True)):
        if a != b:
            yield word[:k] + b + word[k + 1 :]


def _ij(word: str) -> Iterator[str]:
    for k, c in enumerate(word):
        if c in "ijIJ":
            yield word[:k] + {"i": "j", "j": "i", "I": "J", "J": "I"}[c] + word[k + 1 :]


def _single(word: str) -> Iterator[str]:
    for k in range(1, len(word)):
        if word[k] == word[k - 1] and word[k].isalpha():
            yield word[:k] + word[k + 1 :]


def _no_final_e(word: str) -> Iterator[str]:
    if len(word) > 2 and word.endswith("e"):
        yield word[:-1]
    if len(word) > 3 and word.endswith("es"):
        yield word[:-2] + "s"
