"""Learn the OCR error model from OCR output paired with its ground truth.

    python -m ocrfix.train DATA_DIR... -o dictionaries/learned_confusions.tsv

Each DATA_DIR holds one folder per document with ``gt.txt`` (what was
printed) and one or more ``ocr*.txt`` (OCR output of it), the layout of the
bench data. Words are aligned, and in each word OCR misread, the characters
it changed are cut into short confusions (up to MAX_CHUNK characters a side:
``m`` read ``rn``, ``h`` read ``li``, a lost ``e``). A confusion's cost is
-log10 of its share of the misread words, shifted onto the scale of the
hand-made table (:mod:`ocrfix.confusions`) so that the two can be mixed.
Confusions seen fewer than MIN_COUNT times are left out: the table holds how
OCR errs, never whole words of the data it was learned from.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex
from rapidfuzz.distance import Levenshtein

from ocrfix.confusions import CONFUSION_FILE, GENERIC_SUBSTITUTION
from ocrfix.data import rows
from ocrfix.textio import write_atomic

# Longest side of a confusion, in characters.
MAX_CHUNK = 3
# A confusion must be seen this often to be kept.
MIN_COUNT = 3
# Word pairs further apart than this share of the word's length are not one
# word misread (a lost word, a misalignment) and teach nothing.
MAX_EDIT_SHARE = 0.5
# Learned costs are kept in this range: cheaper than any generic edit (else
# the rule is useless) and no cheaper than the commonest hand-made rule.
MIN_COST = 1.0
SHARED_SCALE = True
WORD = regex.compile(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'\u2019-]*")


@dataclass(frozen=True, slots=True)
class Confusion:
    """Printed ``intended``, OCR read ``observed``, in ``count`` misread words."""

    intended: str
    observed: str
    count: int


def word_pairs(truth: str, ocr: str) -> Iterator[tuple[str, str]]:
    """(printed word, word OCR read for it) for each word OCR misread, where the
    alignment pairs them one to one."""
    ts, os_ = WORD.findall(truth), WORD.findall(ocr)
    for op in Levenshtein.opcodes(ts, os_):
        if op.tag != "replace" or op.src_end - op.src_start != op.dest_end - op.dest_start:
            continue
        for t, o in zip(
            ts[op.src_start : op.src_end], os_[op.dest_start : op.dest_end], strict=True
        ):
            if Levenshtein.distance(t, o) <= MAX_EDIT_SHARE * len(t):
                yield t, o


def confusions_in(intended: str, observed: str) -> Iterator[tuple[str, str]]:
    """The confusions that turn ``intended`` into ``observed``: runs of adjacent
    edits, a lost or added character taking a neighbour along (so neither
    side is ever empty).

    >>> list(confusions_in("modern", "rnodern"))
    [('m', 'rn')]
    >>> list(confusions_in("the", "th"))
    [('he', 'h')]
    >>> list(confusions_in("out", "ut"))
    [('ou', 'u')]
    """
    runs: list[list[int]] = []
    for op in Levenshtein.opcodes(intended, observed):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1][1], runs[-1][3] = op.src_end, op.dest_end
        else:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    for a0, a1, b0, b1 in runs:
        if a0 == a1 or b0 == b1:  # a character added or lost: take a neighbour along
            if a0 > 0 and b0 > 0:
                a0, b0 = a0 - 1, b0 - 1
            elif a1 < len(intended) and b1 < len(observed):
                a1, b1 = a1 + 1, b1 + 1
            else:
                continue
        printed, read = intended[a0:a1], observed[b0:b1]
        if len(printed) <= MAX_CHUNK and len(read) <= MAX_CHUNK:
            yield printed, read


def learn(pairs: Iterable[tuple[str, str]]) -> tuple[list[Confusion], int]:
    """The confusions seen at least MIN_COUNT times in misread words, and how
    many misread words there were. Case-only changes are left to the model's
    case rule."""
    counts: Counter[tuple[str, str]] = Counter()
    words = 0
    for intended, observed in pairs:
        words += 1
        for found in set(confusions_in(intended, observed)):
            if found[0].casefold() != found[1].casefold():
                counts[found] += 1
    kept = [Confusion(i, o, n) for (i, o), n in counts.most_common() if n >= MIN_COUNT]
    return kept, words


def costs(
    confusions: Sequence[Confusion], words: int, hand: dict[tuple[str, str], float]
) -> dict[Confusion, float]:
    """Each confusion's cost: -log10 of its share of misread words, shifted so
    that the confusions the hand-made table also lists cost, in the median,
    what it says (one scale for both tables); kept between MIN_COST and the
    generic substitution."""
    raw = {c: -math.log10(c.count / words) for c in confusions}
    shared = [
        hand[(c.intended, c.observed)] - raw[c]
        for c in confusions
        if (c.intended, c.observed) in hand
    ]
    shift = statistics.median(shared) if shared and SHARED_SCALE else 0.0
    out = {}
    for c, cost in raw.items():
        scaled = round(cost + shift, 2)
        if scaled < GENERIC_SUBSTITUTION:
            out[c] = max(MIN_COST, scaled)
    return out


def document_pairs(data_dirs: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """(ground truth, OCR) of every document folder under ``data_dirs``."""
    for data in data_dirs:
        for folder in sorted(p for p in data.iterdir() if (p / "gt.txt").is_file()):
            truth = (folder / "gt.txt").read_text(encoding="utf-8")
            for ocr in sorted(folder.glob("ocr*.txt")):
                yield truth, ocr.read_text(encoding="utf-8")


def table(costed: dict[Confusion, float], words: int, sources: Sequence[str]) -> str:
    """The learned table as a readable TSV with its provenance."""
    header = [
        "# learned_confusions.tsv — OCR confusions learned from OCR paired with ground truth.",
        "#",
        "# Columns: intended <TAB> observed <TAB> cost <TAB> count",
        "#   cost: -log10 of the confusion's share of misread words, shifted onto the",
        "#   scale of ocr_confusions.tsv (see ocrfix/train.py); count: misread words",
        f"#   showing it. Learned from {words} misread words in: {', '.join(sources)}.",
        "# Only confusions of at most three characters a side, seen at least three",
        "# times, are kept: how OCR errs, not words of the data.",
        "# Rebuild: python -m ocrfix.train DATA_DIR... -o dictionaries/learned_confusions.tsv",
        "#",
        "# intended\tobserved\tcost\tcount",
    ]
    body = [
        f"{c.intended}\t{c.observed}\t{cost}\t{c.count}"
        for c, cost in sorted(costed.items(), key=lambda kv: (kv[1], kv[0].intended))
    ]
    return "\n".join(header + body) + "\n"


def hand_table() -> dict[tuple[str, str], float]:
    """The hand-made confusions and their costs, whose scale the learned ones take."""
    return {(i, o): float(c) for i, o, c in rows(CONFUSION_FILE)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ocrfix.train", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "data", nargs="+", type=Path, help="folders of document folders (gt.txt, ocr*.txt)"
    )
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    missing = [str(d) for d in args.data if not d.is_dir()]
    if missing:
        print(f"ocrfix.train: error: not a folder: {missing[0]}", file=sys.stderr)
        return 2
    pairs = (p for truth, ocr in document_pairs(args.data) for p in word_pairs(truth, ocr))
    confusions, words = learn(pairs)
    if not words:
        print(
            "ocrfix.train: error: no misread words found (need gt.txt and ocr*.txt)",
            file=sys.stderr,
        )
        return 2
    costed = costs(confusions, words, hand_table())
    write_atomic(args.output, table(costed, words, [d.name for d in args.data]))
    print(f"{len(costed)} confusions from {words} misread words -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
