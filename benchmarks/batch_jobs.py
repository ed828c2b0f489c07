"""Time `ocrfix fix DIR -o OUT --jobs N` over a corpus of generated layout pages.

usage: python benchmarks/batch_jobs.py [--pages 2000] [--jobs 1,2]

The pages are the bundled degraded ALTO and hOCR pages with their words
shuffled (a fresh order per page, so that no two pages are copies of one
another and the run measures correction, not sibling alignment). Prints
seconds and pages per second for each --jobs, and the speed-up.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

SAMPLES = Path(__file__).parent.parent / "samples" / "layout"
SOURCES = ["alice-degraded.alto.xml", "alice-degraded.hocr"]


def make_pages(out: Path, pages: int, seed: int = 1) -> None:
    """``pages`` files in ``out``, alternately ALTO and hOCR, words shuffled."""
    rng = random.Random(seed)
    trees = [etree.parse(str(SAMPLES / name)) for name in SOURCES]
    for k in range(pages):
        tree = trees[k % len(trees)]
        alto = k % len(trees) == 0
        if alto:
            words = [e for e in tree.iter() if isinstance(e.tag, str) and e.tag.endswith("String")]
            texts = [e.get("CONTENT") for e in words]
        else:
            words = [e for e in tree.iter() if "ocrx_word" in (e.get("class") or "")]
            texts = ["".join(e.itertext()) for e in words]
        rng.shuffle(texts)
        for element, text in zip(words, texts, strict=True):
            if alto:
                element.set("CONTENT", text or "")
            else:
                for inner in list(element):
                    element.remove(inner)
                element.text = text
        suffix = ".alto.xml" if alto else ".hocr"
        tree.write(str(out / f"page{k:05d}{suffix}"), xml_declaration=True, encoding="UTF-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp, "pages")
        pages.mkdir()
        make_pages(pages, args.pages)
        seconds = {}
        for jobs in (int(j) for j in args.jobs.split(",")):
            out = Path(tmp, f"out{jobs}")
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "ocrfix", "fix", str(pages), "-o", str(out), "-q",
                 "--jobs", str(jobs)],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            seconds[jobs] = time.perf_counter() - start
            written = sum(1 for _ in out.iterdir()) if out.exists() else 0
            rate = args.pages / seconds[jobs]
            print(
                f"--jobs {jobs}: {args.pages} pages in {seconds[jobs]:.1f} s ({rate:.1f} pages/s), "
                f"{written} written, exit {done.returncode}"
            )
        if 1 in seconds and len(seconds) > 1:
            for jobs, s in seconds.items():
                if jobs != 1:
                    print(f"speed-up of --jobs {jobs} over --jobs 1: {seconds[1] / s:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
