"""A read layout file without its tree, to send to another process.

A parsed tree does not travel between processes, and walking it for its
words costs several times the parse. A batch run reads each file once to
find its siblings, then fixes it in another process: the outline carries
the words found the first time, so the second read only parses the file
(the words as arrays pickle in a fraction of the time the Word objects do).
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from pathlib import Path

from ocrfix.formats import Document, Format, Word, read
from ocrfix.formats.safe import read_tree


@dataclass(frozen=True, slots=True)
class Outline:
    """What reading a layout file found, but its tree and text: its format,
    its words' offsets, confidences (NaN: none) and editability, and the
    file's size and time of change when read (a file changed since is read
    again in full)."""

    format: Format
    starts: array[int]
    ends: array[int]
    confidences: array[float]
    editable: bytes
    stamp: tuple[int, int]


def outline(document: Document, before: tuple[int, int]) -> Outline:
    """The outline of ``document``, its file's :func:`stamp` taken ``before`` it was read
    (so that a change while it was read counts as a change)."""
    words = document.words
    return Outline(
        document.format,
        array("l", (w.start for w in words)),
        array("l", (w.end for w in words)),
        array("d", (math.nan if w.confidence is None else w.confidence for w in words)),
        bytes(w.editable for w in words),
        before,
    )


def reopen(path: Path, text: str, known: Outline) -> Document:
    """The document at ``path`` again, its text and words taken from ``known``;
    read in full if the file has changed since."""
    if stamp(path) != known.stamp:
        return read(path, known.format)
    words = tuple(
        Word(start, end, None if math.isnan(conf) else conf, bool(editable))
        for start, end, conf, editable in zip(
            known.starts, known.ends, known.confidences, known.editable, strict=True
        )
    )
    return Document(str(path), known.format, read_tree(path), text, words)


def stamp(path: Path) -> tuple[int, int]:
    """The file's size and time of last change."""
    status = path.stat()
    return status.st_size, status.st_mtime_ns
