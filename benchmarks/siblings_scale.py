#!/usr/bin/env python3
"""Scale of sibling discovery and alignment, on synthetic text.

    python benchmarks/siblings_scale.py [--docs 10000] [--megabytes 1]

Discovery: DOCS documents of about 3,000 characters, half of them stories
and half noisy copies of those stories (a few words changed), are grouped by
content with ocrfix.discover.links. Alignment: a text of MEGABYTES MB and a
copy with one word in fifty changed are aligned with ocrfix.align.align.
Prints seconds and the process's peak memory; the issue's targets are
seconds, not minutes, for 10,000 documents and at most 2 s for 1 MB pairs.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from ocrfix.align import align
from ocrfix.discover import links, shingles
from ocrfix.lexicon import load_lexicon
from ocrfix.units import units_of


def vocabulary(size: int = 20000) -> list[str]:
    zipf = load_lexicon("en").zipf
    return sorted((w for w in zipf if w.isalpha()), key=lambda w: -zipf[w])[:size]


def story(rng: random.Random, words: list[str], chars: int) -> str:
    out: list[str] = []
    length = 0
    while length < chars:
        word = rng.choice(words)
        out.append(word)
        length += len(word) + 1
    return " ".join(out)


def noisy_copy(rng: random.Random, text: str, every: int) -> str:
    words = text.split()
    for k in range(0, len(words), every):
        words[k] = words[k][::-1]
    return " ".join(words)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    rng = random.Random(0)
    words = vocabulary()

    stories = [story(rng, words, 3000) for _ in range(args.docs // 2)]
    texts = stories + [noisy_copy(rng, s, 20) for s in stories]
    start = time.perf_counter()
    found = links([shingles(t) for t in texts])
    seconds = time.perf_counter() - start
    right = sum(1 for x in found if x.b - x.a == len(stories))
    print(
        f"discovery: {len(texts)} documents, {len(found)} links ({right} between a story "
        f"and its copy, {len(found) - right} others) in {seconds:.2f} s; "
        f"peak memory {peak_mb():.0f} MB"
    )

    big = story(rng, words, int(args.megabytes * 1_000_000))
    copy = noisy_copy(rng, big, 50)
    start = time.perf_counter()
    a, b = units_of(big), units_of(copy)
    prepared = time.perf_counter() - start
    start = time.perf_counter()
    blocks = align([u.key for u in a], [u.key for u in b])
    seconds = time.perf_counter() - start
    aligned = sum(x.a_end - x.a_start for x in blocks)
    print(
        f"alignment: {len(big) / 1e6:.1f} MB against {len(copy) / 1e6:.1f} MB, "
        f"{aligned} of {len(a)} units aligned, in {seconds:.2f} s "
        f"(tokenizing both: {prepared:.2f} s); peak memory {peak_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
