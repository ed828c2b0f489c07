"""Render flags and fixes for people (text, diff) and programs (JSON Lines)."""

from __future__ import annotations

import bisect
import difflib
import json
import math
from collections.abc import Sequence
from dataclasses import asdict

from ocrfix.types import Decision, Flag


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` begins (after \\n, \\r\\n or a lone \\r)."""
    starts = [0]
    for i, char in enumerate(text):
        if char == "\n" or (char == "\r" and text[i + 1 : i + 2] != "\n"):
            starts.append(i + 1)
    return starts


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of a code-point offset."""
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def flags_as_text(path: str, text: str, flags: Sequence[Flag]) -> list[str]:
    """``path:line:col: kind 'wrong' -> 'best' (confidence)``, one line per flag.

    >>> from ocrfix.types import Candidate, FlagKind
    >>> f = Flag(4, 13, "embattied", FlagKind.NON_WORD, "not in the lexicon", 0.9,
    ...          (Candidate("embattled", 0.9, "confusion"),))
    >>> flags_as_text("a.txt", "the embattied country", [f])
    ["a.txt:1:5: non-word 'embattied' -> 'embattled' (0.90)"]
    """
    starts = line_starts(text)
    lines = []
    for flag in flags:
        line, col = position(starts, flag.start)
        best = (
            f" -> {flag.best.text!r} ({_two_places(flag.best.confidence)})"
            if flag.best
            else f" ({_two_places(flag.confidence)}, no suggestion)"
        )
        lines.append(f"{path}:{line}:{col}: {flag.kind.value} {_short(flag.text)!r}{best}")
    return lines


def _two_places(confidence: float) -> str:
    """Truncated, not rounded: 0.999 shows as 0.99, never as a certain 1.00."""
    return f"{math.floor(confidence * 100) / 100:.2f}"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def flags_as_json(path: str, flags: Sequence[Flag]) -> str:
    """One JSON object for one file; the schema is in the README.

    The keys are the fields of :class:`Flag` and :class:`Candidate`, in order.
    """
    return json.dumps({"path": path, "flags": [asdict(f) for f in flags]}, ensure_ascii=False)


def decisions_as_json(path: str, decisions: Sequence[Decision]) -> str:
    """What ``fix`` changed in one file, as one JSON object (the fields of :class:`Decision`)."""
    return json.dumps(
        {"path": path, "decisions": [asdict(d) for d in decisions]}, ensure_ascii=False
    )


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of the fix, as ``diff -u`` would print it."""
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )
