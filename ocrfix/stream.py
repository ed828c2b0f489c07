"""Fixing a text too large to hold whole: piece by piece, in bounded memory.

A plain-text file above STREAM_BYTES is read as a stream of pieces of about
PIECE_CHARS characters, cut at a blank line where one comes (else at a line
end, else at a space), each fixed on its own and written as it is done to a
temporary file beside the target, renamed into place at the end. Its report
(flags, JSON, a diff, or the fixed text for standard output) is written
piece by piece to a temporary file, with offsets and line numbers counted
in the whole text, for the caller to print: so ``check`` of such a file
holds one piece at a time too. Each piece is judged with its own statistics
(a million characters is plenty), and siblings are not used: aligning
copies needs them whole, and a copy of such a text is as large.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ocrfix.api import fix
from ocrfix.config import Config
from ocrfix.languages import for_text
from ocrfix.report import Rendering, Style
from ocrfix.textio import BINARY_SNIFF, InputError, encoding_of, put_in_place

STREAM_BYTES = 16 * 2**20
PIECE_CHARS = 2**20


@dataclass(frozen=True, slots=True)
class Streamed:
    """What fixing a large file did; its report (if one was asked for) is in the
    file ``spool``, which the caller prints and removes."""

    flags: int
    fixes: int
    chars: int
    spool: str | None = None


def is_large(path: Path) -> bool:
    """Is the file at ``path`` streamed rather than read whole?"""
    try:
        return path.stat().st_size > STREAM_BYTES
    except OSError:
        return False


def pieces(fragments: Iterable[str], size: int | None = None) -> Iterator[str]:
    """The text of ``fragments`` (lines, or pieces of a line no longer than
    ``size``) as consecutive pieces of at least ``size`` characters, each ending
    at a blank line where one comes within twice that, else at a line end or a
    space: inside a word only where twice ``size`` characters hold no space.
    Joined, they are the text. ``size``: PIECE_CHARS unless given."""
    size = size or PIECE_CHARS
    held: list[str] = []
    count = 0
    for fragment in fragments:
        held.append(fragment)
        count += len(fragment)
        if count >= size and (not fragment.strip() or count >= 2 * size):
            text = "".join(held)
            cut = _cut(text)
            yield text[:cut]
            held, count = [text[cut:]], len(text) - cut
    if count:
        yield "".join(held)


def _cut(text: str) -> int:
    """Where to end a piece of ``text``: after its last line break, else after its
    last space, else at its end."""
    for mark in ("\n", "\r", " ", "\t"):
        at = text.rfind(mark)
        if at >= 0:
            return at + 1
    return len(text)


def fix_large(
    source: Path,
    config: Config,
    encoding: str | None,
    *,
    target: Path | None = None,
    report: Style | None = None,
    name: str = "",
) -> Streamed:
    """Fix the file at ``source`` piece by piece (see the module's docstring) into
    ``target``, which appears whole or not at all, and report on it in ``report``'s
    style (``name``: what to call it there) into a temporary file."""
    with source.open("rb") as raw:
        encoding = encoding_of(raw.read(BINARY_SNIFF), encoding, str(source))
    tally = _Tally()
    made: list[str] = []  # temporary files, all removed if the run fails
    try:
        _fix_pieces(
            source,
            encoding,
            config,
            target,
            Rendering(report, name) if report else None,
            tally,
            made,
        )
    except BaseException as exc:
        for path in made:
            Path(path).unlink(missing_ok=True)
        if isinstance(exc, UnicodeDecodeError):
            raise InputError(
                f"{source}: not valid {encoding} after {tally.chars} characters; "
                "if it is in a legacy encoding, pass --encoding (e.g. --encoding latin-1)"
            ) from None
        if isinstance(exc, LookupError):
            raise InputError(f"unknown encoding {encoding!r}") from None
        raise
    return Streamed(tally.flags, tally.fixes, tally.chars, made[0] if report else None)


@dataclass(slots=True)
class _Tally:
    """How far a run has come."""

    flags: int = 0
    fixes: int = 0
    chars: int = 0


def _fix_pieces(
    source: Path,
    encoding: str,
    config: Config,
    target: Path | None,
    rendering: Rendering | None,
    tally: _Tally,
    made: list[str],
) -> None:
    """The work of :func:`fix_large`; the temporary files it makes are named in ``made``
    (on success, only the report's is left)."""
    with ExitStack() as files:
        text = files.enter_context(source.open(encoding=encoding, newline=""))
        out = spool = None
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            out = files.enter_context(_temporary(made, target.parent, f".{target.name}.", encoding))
        if rendering is not None:
            spool = files.enter_context(_temporary(made, None, "ocrfix-report-", "utf-8"))
        for piece in pieces(iter(lambda: text.readline(PIECE_CHARS), "")):
            config = for_text(config, piece)  # the first piece's language holds for all
            result = fix(piece, config)
            if out is not None:
                out.write(result.text)
            if spool is not None and rendering is not None:
                spool.write(rendering.piece(piece, result))
            tally.flags += len(result.flags)
            tally.fixes += len(result.decisions)
            tally.chars += len(piece)
        if spool is not None and rendering is not None:
            spool.write(rendering.end())
        if out is not None:
            out.flush()
            os.fsync(out.fileno())
    if target is not None:
        put_in_place(made.pop(0), target)


def _temporary(made: list[str], folder: Path | None, prefix: str, encoding: str) -> TextIO:
    """A new temporary file in ``folder`` (None: the system's), open for writing text;
    its path is added to ``made``."""
    fd, path = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    made.append(path)
    return os.fdopen(fd, "w", encoding=encoding, newline="")
