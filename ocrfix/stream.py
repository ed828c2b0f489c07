"""Fixing a text too large to hold whole: piece by piece, in bounded memory.

A plain-text file above STREAM_BYTES is read as a stream of pieces of about
PIECE_CHARS characters, cut at a blank line where one comes (else at a line
end, else at a space), each fixed on its own and written as it is done to a
temporary file beside the target, renamed into place at the end. Each piece
is judged with its own statistics (a million characters is plenty), and
siblings are not used: aligning copies needs them whole, and a copy of such
a text is as large. Reports that need the whole text (``check``, ``--format
json``, ``--diff``) are refused for such a file with a one-line error.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ocrfix.api import fix
from ocrfix.config import Config
from ocrfix.textio import BINARY_SNIFF, InputError, encoding_of

STREAM_BYTES = 16 * 2**20
PIECE_CHARS = 2**20


@dataclass(frozen=True, slots=True)
class Streamed:
    """What fixing a large file did."""

    flags: int
    fixes: int
    chars: int


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


def fix_large(source: Path, target: Path, config: Config, encoding: str | None) -> Streamed:
    """Fix the file at ``source`` into ``target`` piece by piece (see the module's
    docstring); ``target`` appears whole or not at all."""
    with source.open("rb") as raw:
        encoding = encoding_of(raw.read(BINARY_SNIFF), encoding, str(source))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    flags = fixes = chars = 0
    try:
        with (
            source.open(encoding=encoding, newline="") as text,
            os.fdopen(fd, "w", encoding=encoding, newline="") as out,
        ):
            fragments = iter(lambda: text.readline(PIECE_CHARS), "")
            for piece in pieces(fragments):
                result = fix(piece, config)
                out.write(result.text)
                flags, fixes = flags + len(result.flags), fixes + len(result.decisions)
                chars += len(piece)
            out.flush()
            os.fsync(out.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except UnicodeDecodeError:
        raise InputError(
            f"{source}: not valid {encoding} after {chars} characters; "
            "if it is in a legacy encoding, pass --encoding (e.g. --encoding latin-1)"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return Streamed(flags, fixes, chars)
