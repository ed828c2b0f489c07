"""Build ``dictionaries/function_words.tsv``: the commonest words of languages
written in the Latin alphabet, from the installed wordfreq.

    python -m ocrfix.function_words > dictionaries/function_words.tsv

``ocrfix.languages`` reads the table to tell a text's language, and
``ocrfix.passages`` a passage in another language from OCR errors.
"""

from __future__ import annotations

import sys
from importlib.metadata import version

import wordfreq

# Those of wordfreq's languages written in the Latin alphabet (another script
# is judged by ocrfix.scripts instead).
LANGUAGES = "ca cs da de en es fi fr hu id it lt lv ms nb nl pl pt ro sk sl sv tr".split()  # noqa: SIM905
FUNCTION_WORDS = 100  # per language: the commonest words, by wordfreq's ranking


def build_table() -> str:
    """The text of ``dictionaries/function_words.tsv``, from the installed wordfreq."""
    head = [
        "# function_words.tsv — the commonest words of languages written in the Latin alphabet.",
        "#",
        "# Columns: language code <TAB> its words, separated by spaces",
        "#",
        f"# Where it came from: wordfreq {version('wordfreq')},"
        f" top_n_list(lang, {FUNCTION_WORDS}) for each",
        "# language, words of letters only. ocrfix.languages uses them to tell a",
        "# text's language, and a passage in another from OCR errors.",
        "# To rebuild: python -m ocrfix.function_words > dictionaries/function_words.tsv",
        "#",
    ]
    body = [
        f"{lang}\t{' '.join(w for w in wordfreq.top_n_list(lang, FUNCTION_WORDS) if w.isalpha())}"
        for lang in LANGUAGES
    ]
    return "\n".join(head + body) + "\n"


if __name__ == "__main__":
    sys.stdout.write(build_table())
