"""Code quoted in a text, which is not prose and is never corrected.

Born-digital notes and Markdown files quote code between backticks
(```clippy::all```) and in fenced blocks, reStructuredText in literal
blocks (a paragraph ending in ``::``, then lines indented deeper); their
marks and names are the code's own, and prose rules would "mend" them
(``::`` is no doubled colon, ``-p`` no hyphen glued to a word). OCR of
print has no backticks and no such blocks, so on OCR this changes nothing.
A pure function of the text and its flags.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import regex

from ocrfix.spans import merge_spans
from ocrfix.types import Flag

# A fence opens a block of code: three or more backticks or tildes at a
# line's start (after at most three spaces); the block runs to the next
# fence of the same mark at least as long, or to the text's end.
FENCE = regex.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[^\n]*$", regex.MULTILINE)
# Code in a line: a run of backticks, then anything but a line break, then
# the same run again (CommonMark's code span, or a reStructuredText link,
# `text <url>`__, kept to one line), set off from the letters and digits
# around it: a backtick OCR reads for a speck is glued to a word ("ring`Of").
INLINE_CODE = regex.compile(
    r"(?<![`\p{L}\p{N}])(?P<ticks>`+)(?!`)[^\n]+?(?<!`)(?P=ticks)(?![`\p{L}\p{N}])"
)
# A reStructuredText literal block: a line ending in "::", then (after blank
# lines) lines indented deeper than it, up to the first line that is not.
LITERAL_MARKER = regex.compile(r"^(?P<indent>[ \t]*)\S[^\n]*::[ \t]*$", regex.MULTILINE)
LINE = regex.compile(r"^(?P<indent>[ \t]*)(?P<rest>[^\n]*)(?:\n|$)", regex.MULTILINE)


def code_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that quote code, in text order, not overlapping."""
    if "`" not in text and "~~~" not in text and "::" not in text:
        return []
    blocks = merge_spans(_fenced_blocks(text) + _literal_blocks(text))
    spans = list(blocks)
    starts = [start for start, _ in blocks]
    for found in INLINE_CODE.finditer(text):
        k = bisect.bisect_right(starts, found.start()) - 1
        if k < 0 or blocks[k][1] <= found.start():
            spans.append(found.span())
    return sorted(spans)


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks, fences included (see FENCE)."""
    blocks = []
    opening = None
    for found in FENCE.finditer(text):
        fence = found.group("fence")
        if opening is None:
            opening = found
        elif fence[0] == opening.group("fence")[0] and len(fence) >= len(opening.group("fence")):
            blocks.append((opening.start(), found.end()))
            opening = None
    if opening is not None:
        blocks.append((opening.start(), len(text)))
    return blocks


def _literal_blocks(text: str) -> list[tuple[int, int]]:
    """reStructuredText literal blocks, the indented lines only (see LITERAL_MARKER)."""
    blocks = []
    for marker in LITERAL_MARKER.finditer(text):
        depth = len(marker.group("indent").expandtabs())
        start = end = None
        for line in LINE.finditer(text, marker.end() + 1):
            if not line.group("rest").strip():
                if line.end() == line.start():
                    break  # the text's end
                continue
            if len(line.group("indent").expandtabs()) <= depth:
                break
            start = line.start() if start is None else start
            end = line.end()
        if start is not None and end is not None:
            blocks.append((start, end))
    return blocks


def outside_code(text: str, flags: Iterable[Flag]) -> list[Flag]:
    """``flags`` less those that touch code quoted in ``text``."""
    flags = list(flags)
    spans = code_spans(text)
    if not spans:
        return flags
    starts = [start for start, _ in spans]
    return [flag for flag in flags if not _touches(flag, spans, starts)]


def _touches(flag: Flag, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Does ``flag`` overlap one of ``spans`` (sorted; ``starts`` their starts)?"""
    k = bisect.bisect_left(starts, flag.end) - 1
    return k >= 0 and spans[k][1] > flag.start
