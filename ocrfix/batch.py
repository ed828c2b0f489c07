"""Run one function over many inputs on several processes, results in input order.

Workers are forked after the caller has loaded the language model, so they
share its memory (copy-on-write) instead of loading it again. The objects
made before the fork are frozen out of the garbage collector meanwhile: a
worker's collection would otherwise write to every one of them and copy the
model page by page (measured: a two-process batch ran about 10% slower).
Where fork is not available, or for one job, everything runs in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


def default_jobs() -> int:
    """One job per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _as_worker() -> None:
    """Ctrl-C is the parent's to handle: it stops the pool (see :func:`uninterrupted`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back until the block is done: a worker stopped by its
    pool, or a process by the user, mid-write would leave a temporary file behind
    (the atomic write's own clean-up never runs when a process is killed)."""
    held = {signal.SIGINT, signal.SIGTERM}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def map_ordered(fn: Callable[[In], Out], items: Iterable[In], jobs: int) -> Iterator[Out]:
    """``map(fn, items)`` on up to ``jobs`` processes, yielding results in input order."""
    todo = list(items)
    if jobs <= 1 or len(todo) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(fn, todo)
        return
    context = multiprocessing.get_context("fork")
    gc.freeze()
    try:
        with context.Pool(min(jobs, len(todo)), initializer=_as_worker) as pool:
            yield from pool.imap(fn, todo, chunksize=1)
    finally:
        gc.unfreeze()
