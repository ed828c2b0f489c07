"""How often a suggestion is right, by confidence, when sibling copies are given.

For each witness of each document, ``ocrfix.check`` runs with the document's
other copies as siblings, as the bench's tasks give them; each flag's best
suggestion is applied alone, and it counts as better, worse or the same by
the character distance of the whole text to the ground truth (the bench's
normalisation). Rows: source of the suggestion (sibling, or the document
model's own) and confidence bucket.

    python benchmarks/sibling_reliability.py ../shared/bench/data/bln600-tess --task ref [--limit N]

``ref``: witnesses ocr-medium-0 and ocr-heavy-1, each with the other and
edited.txt as siblings; ``noisy3``: ocr-light-1, ocr-medium-0, ocr-heavy-0,
each with the other two.
"""

from __future__ import annotations

import argparse
import itertools
from collections import defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ocrfix import check
from ocrfix.api import sibling
from ocrfix.evaluate import normalise

TASKS = {
    "ref": (("ocr-medium-0.txt", "ocr-heavy-1.txt"), ("edited.txt",)),
    "noisy3": (("ocr-light-1.txt", "ocr-medium-0.txt", "ocr-heavy-0.txt"), ()),
}
BUCKETS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def bucket(confidence: float) -> str:
    for low, high in itertools.pairwise(BUCKETS):
        if low <= confidence < high:
            return f"{low:.2f}-{min(high, 1.0):.2f}"
    return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--task", choices=sorted(TASKS), default="ref")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    witnesses, references = TASKS[args.task]
    folders = sorted(p for p in args.data.iterdir() if (p / "gt.txt").exists())
    folders = folders[: args.limit] if args.limit else folders
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for folder in folders:
        present = [folder / w for w in witnesses if (folder / w).exists()]
        refs = [folder / r for r in references if (folder / r).exists()]
        truth = normalise((folder / "gt.txt").read_text(encoding="utf-8"))
        for path in present:
            text = path.read_text(encoding="utf-8")
            copies = [sibling(p.read_text(encoding="utf-8"), p.name) for p in [*present, *refs]]
            before = Levenshtein.distance(normalise(text), truth)
            for flag in check(text, siblings=[c for c in copies if c.text != text]):
                best = flag.best
                if best is None:
                    continue
                after = text[: flag.start] + best.text + text[flag.end :]
                gain = before - Levenshtein.distance(normalise(after), truth)
                source = "sibling" if best.source == "sibling" else "document"
                row = table[(source, bucket(best.confidence))]
                row[0 if gain > 0 else 1 if gain < 0 else 2] += 1
    print(f"{'source':9} {'confidence':11} {'better':>7} {'worse':>6} {'same':>5} {'better %':>9}")
    for (source, span), (better, worse, same) in sorted(table.items()):
        share = 100 * better / max(1, better + worse + same)
        print(f"{source:9} {span:11} {better:7} {worse:6} {same:5} {share:8.1f}%")


if __name__ == "__main__":
    main()
