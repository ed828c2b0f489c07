#!/usr/bin/env python3
"""The baseline ocrfix must beat: a plain symspellpy per-word ``lookup`` loop.

It speaks the same command-line contract as ``ocrfix fix`` so that
``../shared/bench/bench.py`` can score and time it the same way:

    python ../shared/bench/bench.py ../shared/bench/data/bln600-real \\
        --cmd "python benchmarks/symspell_baseline.py" --tasks single

Every word is looked up in symspellpy's bundled English dictionary
(82,765 words, max edit distance 2, Verbosity.CLOSEST as in symspellpy's
README) and replaced by the
top suggestion, keeping its case; everything else is copied. This is what
"off-the-shelf symspellpy" means in the README's speed comparison.
"""

from __future__ import annotations

import argparse
import re
from importlib import resources
from pathlib import Path

from symspellpy import SymSpell, Verbosity

WORD = re.compile(r"[A-Za-z]+")


def load() -> SymSpell:
    speller = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    path = resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    speller.load_dictionary(str(path), term_index=0, count_index=1)
    return speller


def correct(speller: SymSpell, text: str) -> str:
    def one(match: re.Match[str]) -> str:
        word = match.group()
        found = speller.lookup(word.lower(), Verbosity.CLOSEST, max_edit_distance=2)
        if not found:
            return word
        best = found[0].term
        if word.isupper() and len(word) > 1:
            return best.upper()
        return best.capitalize() if word[0].isupper() else best

    return WORD.sub(one, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["fix"])
    parser.add_argument("input", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    speller = load()
    args.output.mkdir(parents=True, exist_ok=True)
    for path in sorted(args.input.iterdir()):
        text = path.read_text(encoding="utf-8")
        (args.output / path.name).write_text(correct(speller, text), encoding="utf-8")


if __name__ == "__main__":
    main()
