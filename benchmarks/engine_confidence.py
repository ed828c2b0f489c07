"""What the OCR engine's word confidences add to detection, on pages with a ground truth.

usage: python benchmarks/engine_confidence.py PAGES_DIR

PAGES_DIR holds one folder per text with ``page.hocr`` (or an ALTO or PAGE
file named ``page.*``) and ``gt.txt``, as ``render_pages.py`` makes them.
A token (whitespace-delimited) of the OCR is an error when it is not matched
unchanged in the ground truth (as the bench's detect task counts). Prints,
by the engine's confidence, how often tokens are misread and how often
ocrfix flags them without and with the confidences, then precision, recall
and F1 of the flags both ways.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ocrfix import check
from ocrfix.formats import Document, read

BUCKETS = [0.0, 0.3, 0.5, 0.7, 0.9, 0.95, 1.01]


def tokens(text: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for k, c in enumerate(text + " "):
        if c.isspace() and start is not None:
            spans.append((start, k))
            start = None
        elif not c.isspace() and start is None:
            start = k
    return spans


def misread(text: str, spans: list[tuple[int, int]], truth: str) -> list[bool]:
    ours = [unicodedata.normalize("NFC", text[a:b]) for a, b in spans]
    theirs = unicodedata.normalize("NFC", truth).split()
    wrong = [True] * len(spans)
    for op in Levenshtein.opcodes(ours, theirs):
        if op.tag == "equal":
            for i in range(op.src_start, op.src_end):
                wrong[i] = False
    return wrong


def bucket(document: Document, a: int, b: int) -> int:
    found = [w.confidence for w in document.words if w.start < b and w.end > a]
    low = min((c for c in found if c is not None), default=1.0)
    return next(k for k in range(len(BUCKETS) - 1) if low < BUCKETS[k + 1])


def main() -> int:
    counts: Counter[tuple[int, str]] = Counter()
    for folder in sorted(p for p in Path(sys.argv[1]).iterdir() if p.is_dir()):
        page = next(folder.glob("page.*"), None)
        if page is None:
            continue
        document = read(page)
        spans = tokens(document.text)
        wrong = misread(document.text, spans, (folder / "gt.txt").read_text(encoding="utf-8"))
        plain = check(document.text)
        informed = check(document.text, confidences=document.confidences())
        for (a, b), bad in zip(spans, wrong, strict=True):
            k = bucket(document, a, b)
            counts[k, "tokens"] += 1
            counts[k, "errors"] += bad
            for name, flags in (("plain", plain), ("informed", informed)):
                hit = any(f.start < b and f.end > a for f in flags)
                counts[k, f"{name} flagged"] += hit
                counts[k, f"{name} right"] += hit and bad
    print("engine confidence  tokens  misread   flagged (right): without / with confidences")
    for k in range(len(BUCKETS) - 1):
        t, e = counts[k, "tokens"], counts[k, "errors"]
        if t:
            print(
                f"[{BUCKETS[k]:.2f}, {min(BUCKETS[k + 1], 1.0):.2f})  {t:6d}  {100 * e / t:5.1f}%"
                f"   {counts[k, 'plain flagged']:5d} ({counts[k, 'plain right']:5d})"
                f" / {counts[k, 'informed flagged']:5d} ({counts[k, 'informed right']:5d})"
            )
    errors = sum(counts[k, "errors"] for k in range(len(BUCKETS)))
    for name in ("plain", "informed"):
        flagged = sum(counts[k, f"{name} flagged"] for k in range(len(BUCKETS)))
        right = sum(counts[k, f"{name} right"] for k in range(len(BUCKETS)))
        p, r = right / max(flagged, 1), right / max(errors, 1)
        label = "without confidences" if name == "plain" else "with confidences   "
        print(f"{label}: precision {p:.3f}, recall {r:.3f}, F1 {2 * p * r / max(p + r, 1e-9):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
