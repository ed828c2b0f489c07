"""Checking a long text piece by piece, so that the first flags come at once.

``ocrfix review`` shows the first flag of a megabyte of OCR in well under the
time checking all of it takes: the text is cut at paragraph breaks (else at
line breaks) into a small first piece and larger ones after it, and each
piece is checked as a text of its own, its flags moved to the whole text's
offsets. :func:`in_background` does it in a process of its own, so that the
terminal UI never waits for the interpreter while a piece is being checked.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from dataclasses import replace
from multiprocessing.connection import Connection

from ocrfix.api import check
from ocrfix.config import Config
from ocrfix.copies import Sibling
from ocrfix.languages import for_text
from ocrfix.types import Flag

# Characters in the first piece (about a page) and in each later one.
FIRST_PIECE = 4_000
PIECE = 40_000
# How much lower the background checker's priority is than the UI's.
WORKER_NICENESS = 10


def pieces(text: str, first: int = FIRST_PIECE, size: int = PIECE) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text``, each ending at a paragraph
    break (or a line break) near its nominal length.

    >>> list(pieces("a b\\n\\nc d\\n\\ne f", first=3, size=5))
    [(0, 5), (5, 13)]
    """
    start, want = 0, first
    while start < len(text):
        end = _break_after(text, start + want)
        yield start, end
        start, want = end, size


def _break_after(text: str, at: int) -> int:
    """The end of the first paragraph (else line) break at or after ``at``."""
    if at >= len(text):
        return len(text)
    for mark in ("\n\n", "\n"):
        found = text.find(mark, at)
        if found != -1 and found - at < PIECE:
            return found + len(mark)
    return len(text)


def check_in_pieces(
    text: str, config: Config, siblings: Sequence[Sibling] = ()
) -> Iterator[list[Flag]]:
    """The flags of ``text``, piece by piece, in text order, all read in the
    language of the whole."""
    config = for_text(config, text)
    for start, end in pieces(text):
        found = check(text[start:end], config, siblings=siblings)
        yield [replace(f, start=f.start + start, end=f.end + start) for f in found]


def in_background(
    text: str, config: Config, siblings: Sequence[Sibling] = ()
) -> Iterator[list[Flag]]:
    """:func:`check_in_pieces` run in a forked process; its flags arrive here.
    Where processes cannot be forked, the pieces are checked here instead."""
    if "fork" not in multiprocessing.get_all_start_methods():
        yield from check_in_pieces(text, config, siblings)
        return
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    worker = context.Process(target=_produce, args=(sending, text, config, siblings), daemon=True)
    worker.start()
    sending.close()
    try:
        while True:
            try:
                yield receiving.recv()
            except EOFError:  # the worker is done (or died: what it sent stands)
                return
    finally:
        receiving.close()
        if worker.is_alive():
            worker.terminate()
        worker.join()


def _produce(sending: Connection, text: str, config: Config, siblings: Sequence[Sibling]) -> None:
    """In the worker: send each piece's flags, then close. It yields the CPU to
    the terminal UI (a lower priority), so keys never wait for it."""
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    try:
        for found in check_in_pieces(text, config, siblings):
            sending.send(found)
    except (BrokenPipeError, KeyboardInterrupt):
        pass  # the review ended first
    finally:
        sending.close()
