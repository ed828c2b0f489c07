"""Peak memory and throughput of `ocrfix fix BIG -o OUT` (or `ocrfix check BIG`)
on one large plain-text file.

usage: python benchmarks/large_file.py [--mb 200] [--check]

The file is the bundled samples (an OCR'd news story and the degraded Alice
page's text) repeated to the size asked, as paragraphs. Files above 16 MB
are streamed piece by piece (ocrfix/stream.py). Prints the size, seconds,
megabytes per minute and the ocrfix process's peak resident memory; with
--check, how many lines of flags it printed (to a file).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).parent.parent / "samples"


def make(path: Path, megabytes: float) -> int:
    """Write about ``megabytes`` MB of sample text to ``path``; its size in bytes."""
    texts = [
        (SAMPLES / "putin-syria-print-ocr.txt").read_text(encoding="utf-8"),
        (SAMPLES / "layout" / "alice-gt.txt").read_text(encoding="utf-8"),
    ]
    block = "\n\n".join(t.strip() for t in texts).encode("utf-8") + b"\n\n"
    want = int(megabytes * 2**20)
    with path.open("wb") as f:
        written = 0
        while written < want:
            f.write(block)
            written += len(block)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200.0)
    parser.add_argument("--check", action="store_true", help="time `check`, not `fix -o`")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big, out = Path(tmp, "big.txt"), Path(tmp, "out.txt")
        size = make(big, args.mb)
        command = ["check", str(big)] if args.check else ["fix", str(big), "-o", str(out)]
        start = time.perf_counter()
        with out.open("wb") if args.check else open(os.devnull, "wb") as printed:
            done = subprocess.run(
                [sys.executable, "-m", "ocrfix", *command, "--jobs", "1"],
                stdout=printed, stderr=subprocess.PIPE, text=True, check=False,
            )  # fmt: skip
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB -> MiB
        if args.check:
            with out.open("rb") as f:
                outcome = f"{sum(1 for _ in f)} lines of flags"
        else:
            same_size = out.exists() and abs(out.stat().st_size - size) < size * 0.01
            outcome = f"output written: {same_size}"
        print(
            f"{size / 2**20:.1f} MB in {seconds:.1f} s ({size / 2**20 / seconds * 60:.1f} MB/min), "
            f"peak RSS {peak:.0f} MiB, exit {done.returncode}, {outcome}"
        )
        if done.returncode not in (0, 1):
            print(done.stderr[-2000:], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
