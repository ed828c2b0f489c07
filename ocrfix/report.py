"""Render flags and fixes for people (text, diff) and programs (JSON Lines).

A report is built piece by piece (:class:`Rendering`): a text is one piece,
a file too large to hold whole is many (see :mod:`ocrfix.stream`), and the
pieces' reports joined are the report of the whole.
"""

from __future__ import annotations

import bisect
import difflib
import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import TypeVar

import regex

from ocrfix.types import Decision, Fixed, Flag

_Spanned = TypeVar("_Spanned", Flag, Decision)


class Style(StrEnum):
    """What is printed for one input."""

    FLAGS = "flags"  # check: one line per flag
    FLAGS_JSON = "flags-json"  # check --format json
    DECISIONS_JSON = "decisions-json"  # fix --format json
    DIFF = "diff"  # fix --format diff
    FIXED = "fixed"  # fix to standard output: the corrected text


@dataclass(frozen=True, slots=True)
class At:
    """Where a piece begins in the whole text: code points, line breaks and the
    column (code points since the last break) before it."""

    offset: int = 0
    line: int = 0
    column: int = 0

    def after(self, piece: str) -> At:
        """Where the piece that follows ``piece`` (which begins here) begins."""
        starts = line_starts(piece)
        column = len(piece) - starts[-1] + (self.column if len(starts) == 1 else 0)
        return At(self.offset + len(piece), self.line + len(starts) - 1, column)


START = At()


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` begins (after \\n, \\r\\n or a lone \\r)."""
    starts = [0]
    for i, char in enumerate(text):
        if char == "\n" or (char == "\r" and text[i + 1 : i + 2] != "\n"):
            starts.append(i + 1)
    return starts


def position(starts: list[int], offset: int, at: At = START) -> tuple[int, int]:
    """1-based (line, column) of a code-point offset in a piece beginning ``at``."""
    line = bisect.bisect_right(starts, offset) - 1
    column = offset - starts[line] + 1 + (at.column if line == 0 else 0)
    return at.line + line + 1, column


def flags_as_text(path: str, text: str, flags: Sequence[Flag], at: At = START) -> list[str]:
    """``path:line:col: kind 'wrong' -> 'best' (confidence)``, one line per flag
    (``text``: a piece beginning ``at``; its flags' offsets are in the piece).

    >>> from ocrfix.types import Candidate, FlagKind
    >>> f = Flag(4, 13, "embattied", FlagKind.NON_WORD, "not in the lexicon", 0.9,
    ...          (Candidate("embattled", 0.9, "confusion"),))
    >>> flags_as_text("a.txt", "the embattied country", [f])
    ["a.txt:1:5: non-word 'embattied' -> 'embattled' (0.90)"]
    """
    starts = line_starts(text)
    lines = []
    for flag in flags:
        line, col = position(starts, flag.start, at)
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


def unified_diff(
    path: str, before: str, after: str, old: At = START, new: At = START, first: bool = True
) -> str:
    """A unified diff of the fix, as ``diff -u`` would print it; of a piece
    (``before`` beginning ``old`` in the input, ``after`` beginning ``new`` in the
    output), with the file's header if ``first``."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    if not first:
        lines = (line for line in lines if not line.startswith(("--- a/", "+++ b/")))
    return "".join(_shift_hunk(line, old.line, new.line) for line in lines)


_HUNK = regex.compile(r"@@ -(\d+)((?:,\d+)?) \+(\d+)((?:,\d+)?) @@")


def _shift_hunk(line: str, old: int, new: int) -> str:
    """A hunk header with its line numbers moved down by ``old`` and ``new``."""
    if not (old or new) or not line.startswith("@@"):
        return line
    return _HUNK.sub(
        lambda m: f"@@ -{int(m[1]) + old}{m[2]} +{int(m[3]) + new}{m[4]} @@", line, count=1
    )


class Rendering:
    """The report of one input in one style, fed its pieces in order (see the
    module's docstring)."""

    def __init__(self, style: Style, path: str) -> None:
        self.style, self.path = style, path
        self.before = self.after = START  # where the next piece begins, in and out
        self.started = False  # the report's head written
        self.items = 0  # JSON items written

    def piece(self, text: str, result: Fixed) -> str:
        """The report of the next piece, ``text``, fixed into ``result``."""
        before, after, first = self.before, self.after, not self.started
        self.before, self.after = before.after(text), after.after(result.text)
        self.started = True
        match self.style:
            case Style.FLAGS:
                lines = flags_as_text(self.path, text, result.flags, before)
                return "".join(line + "\n" for line in lines)
            case Style.FLAGS_JSON:
                return self._json("flags", _moved(result.flags, before.offset), first, result.lang)
            case Style.DECISIONS_JSON:
                moved = _moved(result.decisions, before.offset)
                return self._json("decisions", moved, first, result.lang)
            case Style.DIFF:
                return unified_diff(self.path, text, result.text, before, after, first)
            case Style.FIXED:
                return result.text

    def end(self) -> str:
        """What closes the report, once every piece is in."""
        if self.style not in (Style.FLAGS_JSON, Style.DECISIONS_JSON):
            return ""
        key = "flags" if self.style is Style.FLAGS_JSON else "decisions"
        return self._json(key, [], not self.started) + "]}\n"

    def _json(
        self, key: str, items: Sequence[Flag | Decision], first: bool, lang: str | None = None
    ) -> str:
        """The items as members of the object's list, after its head if ``first``
        (the language the input was read in, where it was read)."""
        path = json.dumps(self.path, ensure_ascii=False)
        named = f', "lang": {json.dumps(lang)}' if lang is not None else ""
        parts = [f'{{"path": {path}{named}, "{key}": ['] if first else []
        for item in items:
            parts.append(
                (", " if self.items else "") + json.dumps(asdict(item), ensure_ascii=False)
            )
            self.items += 1
        self.started = True
        return "".join(parts)


def _moved(items: Sequence[_Spanned], by: int) -> list[_Spanned]:
    """``items`` with their offsets moved on by ``by`` (from a piece's to the whole text's)."""
    return (
        [replace(item, start=item.start + by, end=item.end + by) for item in items]
        if by
        else list(items)
    )


def render(style: Style, path: str, text: str, result: Fixed) -> str:
    """The report of a whole input, ``text``, fixed into ``result``."""
    rendering = Rendering(style, path)
    return rendering.piece(text, result) + rendering.end()
