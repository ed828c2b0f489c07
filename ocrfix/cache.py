"""Build expensive objects once and keep them in the user's cache directory.

The lexicon and the candidate index are built from installed packages on
first use (several seconds) and pickled, so later runs start in well under a
second. A cache entry's file name carries a hash of everything it was built
from (package versions, data files), so a stale entry is never read: it is
simply rebuilt beside it.

The directory is ``$OCRFIX_CACHE_DIR``, else ``$XDG_CACHE_HOME/ocrfix``, else
``~/.cache/ocrfix``. If it cannot be written, objects are built in memory each
run and a warning is logged.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

# Bump when the layout of a cached object changes.
CACHE_FORMAT = 1


def cache_dir() -> Path:
    """Where cached objects live; see the module docstring."""
    if env := os.environ.get("OCRFIX_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ocrfix"


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """Return the object cached under ``name`` for ``key``, building it if needed."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{key}".encode()).hexdigest()[:16]
    path = cache_dir() / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as f:
            # Unpickling builds millions of small objects; the cyclic garbage
            # collector would scan them again and again for nothing (0.9 s
            # instead of 1.3 s for the candidate index).
            gc.disable()
            try:
                return pickle.load(f)  # type: ignore[no-any-return]
            finally:
                gc.enable()
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
        log.warning("ignoring unreadable cache file %s: %s", path, exc)
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path`` atomically; a failure only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.warning("cannot write cache file %s (%s); it will be rebuilt next run", path, exc)
