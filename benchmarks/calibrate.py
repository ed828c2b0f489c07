#!/usr/bin/env python3
"""Reliability of ocrfix's suggestions on documents with ground truth.

For every flag that ``ocrfix.check`` raises on an OCR file, the script maps
the flagged span onto the ground truth (character alignment) and asks
whether the best suggestion reproduces the ground truth there. It prints, per
confidence bucket and per flag kind, how many suggestions were right: the
reliability table in the README comes from here, and so does the default
``min_confidence``.

    python benchmarks/calibrate.py ../shared/bench/data/bln600-real [--limit N]

A data folder holds one folder per document with ``gt.txt`` and ``ocr.txt``
(or ``ocr-medium-0.txt``), the layout of ``../shared/bench``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ocrfix import check
from ocrfix.evaluate import normalise

BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def char_map(ocr: str, gt: str) -> list[int]:
    """For each offset of ``ocr`` (and its end), the aligned offset in ``gt``."""
    mapping = [0] * (len(ocr) + 1)
    for op in Levenshtein.opcodes(ocr, gt):
        for k in range(op.src_start, op.src_end + 1):
            if op.tag == "equal" or op.tag == "replace":
                offset = min(op.dest_start + (k - op.src_start), op.dest_end)
            else:
                offset = op.dest_start if k == op.src_start else op.dest_end
            if k <= len(ocr):
                mapping[k] = offset
    return mapping


def judge(ocr: str, gt: str) -> list[tuple[str, float, bool]]:
    """(kind, confidence, right?) for the best suggestion of every flag.

    A suggestion is right when it brings the span, with two characters of
    context either side, closer to the aligned ground truth.
    """
    mapping = char_map(ocr, gt)
    out = []
    for flag in check(ocr):
        if flag.best is None:
            continue
        a, b = mapping[flag.start], mapping[flag.end]
        # Compare with a little context so that a deletion is judged too.
        pad = 2
        before = ocr[max(0, flag.start - pad) : flag.start]
        after = ocr[flag.end : flag.end + pad]
        target = normalise(gt[max(0, a - pad) : b + pad])
        fixed = Levenshtein.distance(normalise(before + flag.best.text + after), target)
        kept = Levenshtein.distance(normalise(before + flag.text + after), target)
        right = fixed < kept
        out.append((flag.kind.value, flag.best.confidence, right))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    docs = sorted(d for d in args.data.iterdir() if (d / "gt.txt").exists())
    docs = docs[: args.limit] if args.limit else docs
    by_bucket: dict[float, list[bool]] = defaultdict(list)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for d in docs:
        ocr_path = d / "ocr.txt" if (d / "ocr.txt").exists() else d / "ocr-medium-0.txt"
        ocr = ocr_path.read_text(encoding="utf-8")
        gt = (d / "gt.txt").read_text(encoding="utf-8")
        for kind, conf, right in judge(ocr, gt):
            low = max(b for b in BUCKETS if b <= conf)
            by_bucket[low].append(right)
            if conf >= 0.8:
                by_kind[kind].append(right)
    print("confidence   suggestions  right  share")
    for low in BUCKETS[:-1]:
        r = by_bucket.get(low, [])
        share = f"{sum(r) / len(r):.2f}" if r else "-"
        print(f"[{low:.2f}, ...)  {len(r):11d}  {sum(r):5d}  {share}")
    print("\nat confidence >= 0.8, by kind:")
    for kind, r in sorted(by_kind.items()):
        print(f"  {kind:14s} {len(r):5d} suggestions, {sum(r) / len(r):.2f} right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
