"""How fast ``ocrfix review`` answers: time to the first flag of a 1 MB OCR text,
and the time from a key to the next flag on screen, in a real pseudo-terminal.

usage: python benchmarks/review_speed.py [--keys N]

The text is the bundled seed OCR repeated to 1 MB (with each copy's date
changed, so that no two copies are the same text). Needs the test extras
(pexpect, pyte).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect
import pyte

SAMPLE = Path(__file__).parent.parent / "samples" / "putin-syria-print-ocr.txt"
OCRFIX = str(Path(sys.executable).with_name("ocrfix"))
SIZE = 1_000_000
SLOW = 0.050  # the bar for one key


def one_megabyte() -> str:
    base = SAMPLE.read_text(encoding="utf-8")
    parts, total, k = [], 0, 0
    while total < SIZE:
        part = base.replace("December", f"Day {k} of December")
        parts.append(part)
        total += len(part)
        k += 1
    return "\n\n".join(parts)


class Screen:
    def __init__(self, child: pexpect.spawn) -> None:
        self.child = child
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def until(self, needle: str, timeout: float = 120.0) -> float:
        """Seconds until the screen shows ``needle``."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            with contextlib.suppress(pexpect.TIMEOUT):
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.002))
            if needle in "\n".join(self.screen.display):
                return time.perf_counter() - start
        raise SystemExit(f"{needle!r} never appeared:\n" + "\n".join(self.screen.display))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=100, help="keys to time (default 100)")
    parser.add_argument(
        "--after-scan", action="store_true", help="time the keys once the whole text is checked"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "big.txt")
        path.write_text(one_megabyte(), encoding="utf-8")
        start = time.perf_counter()
        child = pexpect.spawn(OCRFIX, ["review", str(path)], dimensions=(24, 80), cwd=tmp)
        child.delaybeforesend = None  # pexpect waits 50 ms before each send by default
        screen = Screen(child)
        screen.until(" 1 / ")
        first = time.perf_counter() - start
        if args.after_scan:
            screen.until(" / ", timeout=600)
            while "+ " in screen.screen.display[0]:
                screen.until(" / ")
            print(f"whole text checked: {time.perf_counter() - start:.1f} s after start")
        latencies = []
        for k in range(2, args.keys + 2):
            sent = time.perf_counter()
            child.send("s")
            screen.until(f" {k} / ")
            latencies.append(time.perf_counter() - sent)
        child.send("\x03")
        child.expect(pexpect.EOF, timeout=30)
    print(f"text: about {SIZE:,} characters")
    print(f"first flag on screen: {first:.2f} s after start")
    slow = sum(1 for t in latencies if t > SLOW)
    print(
        f"next flag after a key ({len(latencies)} keys): median "
        f"{1000 * statistics.median(latencies):.1f} ms, max {1000 * max(latencies):.1f} ms, "
        f"{slow} over {1000 * SLOW:.0f} ms"
    )


if __name__ == "__main__":
    main()
