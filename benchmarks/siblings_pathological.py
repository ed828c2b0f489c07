"""Time and memory of sibling correction on pathological sibling sets.

usage: python benchmarks/siblings_pathological.py

One bundled story (3,568 characters) lightly damaged (a random confusion
per hundred characters) is corrected against 10 and 100 copies damaged
alike, and against one copy 1,000 times as long as itself; and, where the
machine has Debian's licence texts, the GNU GPL 2 against the LGPL 2.1 and
the GPL 3: editions that share clauses and differ in whole sentences between
them. Prints seconds, fixes and this process's peak memory.
"""

from __future__ import annotations

import random
import resource
import sys
import time
from pathlib import Path

from ocrfix import fix
from ocrfix.api import sibling

STORY = Path(__file__).parent.parent / "samples" / "putin-syria-web-copy.txt"
LICENCES = Path("/usr/share/common-licenses")


def damaged(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(len(chars) // 100):
        chars[rng.randrange(len(chars))] = rng.choice("rnmcle1")
    return "".join(chars)


def main() -> int:
    base = STORY.read_text(encoding="utf-8")
    rng = random.Random(1)
    text = damaged(base, rng)
    for count in (10, 100):
        copies = [sibling(damaged(base, rng), f"copy {k}") for k in range(count)]
        start = time.perf_counter()
        done = fix(text, siblings=copies)
        seconds = time.perf_counter() - start
        print(f"{count} damaged copies: {seconds:.2f} s, {len(done.decisions)} fixes")
    start = time.perf_counter()
    long = sibling(base * 1000, "long copy")
    prepared = time.perf_counter() - start
    start = time.perf_counter()
    done = fix(text, siblings=[long])
    seconds = time.perf_counter() - start
    editions()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"one copy 1,000x as long ({len(base) * 1000:,} characters): prepared in {prepared:.2f} s, "
        f"fix {seconds:.2f} s, {len(done.decisions)} fixes; peak memory {peak:.0f} MiB"
    )
    return 0


def editions() -> None:
    """GPL 2 against two licences that share some of its clauses."""
    paths = [LICENCES / name for name in ("GPL-2", "LGPL-2.1", "GPL-3")]
    if not all(p.exists() for p in paths):
        print(f"editions: skipped ({LICENCES} has no GPL-2, LGPL-2.1, GPL-3)")
        return
    text, *others = (p.read_text(encoding="utf-8") for p in paths)
    copies = [sibling(other, p.name) for other, p in zip(others, paths[1:], strict=True)]
    start = time.perf_counter()
    done = fix(text, siblings=copies)
    seconds = time.perf_counter() - start
    print(f"GPL-2 against LGPL-2.1 and GPL-3: {seconds:.2f} s, {len(done.decisions)} fixes")


if __name__ == "__main__":
    sys.exit(main())
