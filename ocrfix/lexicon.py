"""Word frequencies: the one module that imports wordfreq.

A :class:`Lexicon` maps case-folded words to their Zipf frequency (log10 of
occurrences per billion words: 7 for "the", 2.7 for "vestibule", 0 for unseen).
It is built from wordfreq's "large" list for the language on first use and
cached (see :mod:`ocrfix.cache`), so wordfreq is imported only then.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version

from ocrfix.cache import cached


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Case-folded word -> Zipf frequency, for one language.

    Compared and hashed by identity: there is one per language per process.
    """

    lang: str
    zipf: dict[str, float]

    def frequency(self, word: str) -> float:
        """Zipf frequency of ``word`` (any case); 0.0 when unseen."""
        return self.zipf.get(word.casefold(), 0.0)


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang``, from the cache or built from wordfreq.

    Raises ``ValueError`` naming the supported languages if wordfreq has no
    list for ``lang``.
    """
    key = f"lexicon:{lang}:wordfreq={version('wordfreq')}"
    return Lexicon(lang, cached(f"lexicon-{lang}", key, lambda: _build(lang)))


def _build(lang: str) -> dict[str, float]:
    import wordfreq  # deferred: importing it costs most of a second

    if lang not in wordfreq.available_languages(wordlist="best"):
        known = ", ".join(sorted(wordfreq.available_languages(wordlist="best")))
        raise ValueError(
            f"no word list for language {lang!r}; choose auto (each text's own) or one of: {known}"
        )
    freqs = wordfreq.get_frequency_dict(lang, wordlist="best")
    return {
        word: round(math.log10(freq) + 9, 2)
        for word, freq in freqs.items()
        if any(c.isalpha() for c in word)
    }
