"""Which language a text is written in, told by its commonest words.

OCR garbles the rare words of a text but mostly leaves its short, frequent
ones ("die", "und", "les", "que") readable, and those alone say the language:
a German page read as English is all "misspelt", so ocrfix must know before it
reads. A language is named only on clear evidence; otherwise the fallback,
English, stands. Pure functions of the text.

The commonest words of each language come from ``dictionaries/function_words.tsv``
(``python -m ocrfix.function_words > dictionaries/function_words.tsv``
rebuilds it from wordfreq); only languages written in the Latin alphabet are
listed, so a text in another script is read as the fallback's, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

import regex

from ocrfix.config import AUTO, Config
from ocrfix.data import rows

FALLBACK = "en"
WORD = regex.compile(r"\p{L}+")
# Another language: its commonest words at least this share of the words, and
# FUNCTION_WORD_RATIO times the share of the language they are compared with.
MIN_FUNCTION_SHARE = 0.3
FUNCTION_WORD_RATIO = 2.0
# A whole text's language must also lead the next likeliest by this factor: a
# text read with its neighbour's lexicon would be "corrected" into it.
RUNNER_UP_RATIO = 1.25
# A whole text's leading language needs a smaller share than a line's: its
# many words make a chance share unlikely, and inflected languages (Finnish,
# Polish) use fewer little words (a quarter of their words in prose).
DOCUMENT_MIN_SHARE = 0.2
# A text's language is read from its opening (a long book's first pages say
# it) and needs this many words: "Die Brücke" alone says little.
SAMPLE_CHARS = 20_000
MIN_WORDS = 20


@cache
def function_words() -> dict[str, frozenset[str]]:
    """Each listed language's commonest words (built by ocrfix.function_words)."""
    return {lang: frozenset(words.split()) for lang, words in rows("function_words.tsv")}


def words_of(text: str) -> list[str]:
    """The case-folded words of ``text`` of two letters or more (a lone letter
    is as often an OCR speck as a word)."""
    return [w.casefold() for w in WORD.findall(text) if len(w) > 1]


def other_language(words: Sequence[str], lang: str) -> str | None:
    """The language ``words`` are written in, if the commonest words of one
    listed language make up MIN_FUNCTION_SHARE of them and FUNCTION_WORD_RATIO
    times the share of ``lang``'s; None if there is none but ``lang``."""
    return _leader(function_shares(words), lang)


def function_shares(words: Sequence[str]) -> dict[str, float]:
    """Each listed language -> the share of ``words`` that are among its commonest."""
    if not words:
        return {}
    return {
        lang: sum(1 for w in words if w in listed) / len(words)
        for lang, listed in function_words().items()
    }


def _leader(
    shares: dict[str, float], lang: str, min_share: float = MIN_FUNCTION_SHARE
) -> str | None:
    """:func:`other_language`'s answer from the ``shares`` of the listed
    languages (the leader's share at least ``min_share``)."""
    others = {other: share for other, share in shares.items() if other != lang}
    best = max(others, key=others.__getitem__, default=None)
    if best is None or others[best] < min_share:
        return None
    return best if others[best] >= FUNCTION_WORD_RATIO * shares.get(lang, 0.0) else None


def document_language(text: str) -> str:
    """The language of ``text``: another than FALLBACK only when its opening
    (SAMPLE_CHARS, at least MIN_WORDS words) clearly says so, and says which:
    close kin that share their commonest words (Danish and Norwegian, Spanish
    and Catalan) must stand RUNNER_UP_RATIO apart, or FALLBACK stands."""
    words = words_of(text[:SAMPLE_CHARS])
    if len(words) < MIN_WORDS:
        return FALLBACK
    shares = function_shares(words)
    found = _leader(shares, FALLBACK, DOCUMENT_MIN_SHARE)
    if found is None:
        return FALLBACK
    runner_up = max(share for lang, share in shares.items() if lang != found)
    return found if shares[found] >= RUNNER_UP_RATIO * runner_up else FALLBACK


def for_text(config: Config, text: str) -> Config:
    """``config`` for reading ``text``: a language left to detection (AUTO)
    becomes ``text``'s own; a language given stays."""
    if config.lang != AUTO:
        return config
    return replace(config, lang=document_language(text))
