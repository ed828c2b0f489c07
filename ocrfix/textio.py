"""Reading and writing text files safely: the only module that touches file contents.

Reading decodes strictly (a file that is not text in the given encoding is
refused, never mangled) and keeps line endings as they are. Writing goes to a
temporary file in the target directory and is renamed into place, so a
crash or a full disk never leaves a half-written file.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from functools import cache
from pathlib import Path

# Files with a NUL byte in their first 8 KiB are binary (what git and grep assume).
BINARY_SNIFF = 8192


class InputError(ValueError):
    """A file that cannot be read as text; the message says which and what to do."""


def decode(data: bytes, encoding: str | None, name: str) -> str:
    """Decode ``data``: by its BOM, else as ``encoding`` (default UTF-8), strictly.

    A UTF-8 BOM is kept in the text (offsets count it), so writing the text
    back reproduces the file byte for byte.
    """
    encoding = encoding_of(data, encoding, name)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} at byte {exc.start}; "
            "if it is in a legacy encoding, pass --encoding (e.g. --encoding latin-1)"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def encoding_of(head: bytes, given: str | None, name: str) -> str:
    """The encoding to read a file starting with ``head`` in: ``given``, else its
    BOM's, else UTF-8; a UTF-8 file with a NUL byte in its first BINARY_SNIFF
    bytes is refused as binary."""
    if given is not None:
        return given
    encoding = sniff_encoding(head)
    if encoding == "utf-8" and b"\0" in head[:BINARY_SNIFF]:
        raise InputError(f"{name}: looks like a binary file (it holds NUL bytes), not text")
    return encoding


def sniff_encoding(data: bytes) -> str:
    """The encoding a file's BOM declares, else UTF-8. A UTF-16 BOM is decoded as
    a character of the text (as a UTF-8 BOM is), so that writing the text in the
    same encoding gives the same bytes back."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    return "utf-8"


def file_encoding(path: Path, given: str | None) -> str:
    """The encoding to write ``path``'s corrected text in: ``given``, else its BOM's."""
    if given is not None:
        return given
    try:
        with path.open("rb") as f:
            return sniff_encoding(f.read(2))
    except OSError:
        return "utf-8"


def read_text(path: Path, encoding: str | None = None) -> str:
    """The decoded content of ``path``; see :func:`decode`."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return decode(data, encoding, str(path))


def write_atomic(path: Path, text: str, encoding: str = "utf-8", *, durable: bool = True) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename; never half-written.

    ``durable``: flush it to the disk before the rename, so that it survives a
    power cut too (a killed process never leaves a half-written file either
    way). A review's session, saved after every key, skips that wait.
    """
    write_bytes_atomic(path, text.encode(encoding), durable=durable)


def put_in_place(tmp: str, path: Path) -> None:
    """Rename the finished temporary file ``tmp`` onto ``path``, keeping the mode of
    a file it replaces; a new file gets the mode ``open`` would give it (a
    temporary file is made readable by its owner alone)."""
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
    os.chmod(tmp, mode)
    os.replace(tmp, path)


@cache
def _umask() -> int:
    """This process's umask, read the only portable way: by setting it and back."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` as :func:`write_atomic` writes text."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        put_in_place(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
