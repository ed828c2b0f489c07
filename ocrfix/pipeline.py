"""Many inputs, start to end: read them, find which are copies of which, fix
each against its copies, and write each result where it goes.

Reading and fixing run on ``jobs`` processes; so do writing the file and
formatting its report, inside the job that fixed it, so that the parent only
prints what comes back, in input order (a parent that serializes every page,
or unpickles every flag, holds a two-process run well under twice the speed
of one).

Sibling discovery needs every text before any fix starts, so a layout file
is read twice in a parallel run: once for its text, then by the job that
writes it back (a parsed tree does not travel between processes). The
second time it is only parsed: the words found the first time come with
the job (:mod:`ocrfix.formats.outline`). In one process the first reading
is kept and used again.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ocrfix import __version__
from ocrfix.api import fix, sibling, warm_up
from ocrfix.batch import map_ordered, uninterrupted
from ocrfix.config import Config
from ocrfix.copies import Sibling
from ocrfix.discover import Shingles, links, neighbours, shingles
from ocrfix.formats import Document, Format, FormatError, looks_like_layout
from ocrfix.formats import read as read_layout
from ocrfix.formats import render as render_layout
from ocrfix.formats.outline import Outline, outline, reopen, stamp
from ocrfix.report import Style, render
from ocrfix.stream import STREAM_BYTES, fix_large, is_large
from ocrfix.textio import (
    InputError,
    decode,
    file_encoding,
    read_text,
    write_atomic,
    write_bytes_atomic,
)
from ocrfix.types import Fixed, OcrConfidence


@dataclass(frozen=True, slots=True)
class Source:
    """One input: what to call it, where it is (None for stdin), its name below a directory."""

    name: str
    path: Path | None
    relative: Path


@dataclass(frozen=True, slots=True)
class Options:
    """What every input shares: the correction settings, how files are read, on how many
    processes."""

    config: Config
    encoding: str | None = None
    format_in: str = "auto"  # "auto", "text" or a layout format
    jobs: int = 1


@dataclass(frozen=True, slots=True)
class Reading:
    """An input's text (None when it could not be read, with the reason in ``error``)."""

    text: str | None
    error: str | None = None
    layout: Outline | None = None  # hOCR, ALTO or PAGE: written back in its own format
    large: bool = False  # a plain-text file streamed, not read whole (text None): see stream
    shingles: Shingles = field(default_factory=lambda: array("I"))  # for sibling discovery


@dataclass(frozen=True, slots=True)
class Outcome:
    """What processing one input gave, or why it failed (``error``)."""

    source: Source
    error: str | None = None
    flags: int = 0
    fixes: int = 0
    printed: str = ""  # the job's report
    data: bytes | None = None  # the layout file's bytes, when it goes to standard output
    unwritten: int = 0  # corrections the layout file could not take (see formats.Written)
    spool: str | None = None  # a file holding the report (a file streamed): print, remove


@dataclass(frozen=True, slots=True)
class Job:
    """One input to fix, with everything a worker process needs to fix and deliver it."""

    source: Source
    reading: Reading
    options: Options
    target: Path | None  # where the result goes; None: nowhere (or standard output)
    report: Style | None = None  # what to print for it
    # A layout file without a target comes back as bytes for standard output
    # (printed instead of its report).
    to_stdout: bool = False
    siblings: tuple[int, ...] = ()  # keys of _shared_pool


# The texts that may serve as siblings (the inputs themselves and the
# --sibling files), prepared once by the parent before it forks workers,
# which inherit them: passing them in every Job would pickle them each time.
_shared_pool: dict[int, Sibling] = {}

# Layout files parsed in this process, by source name (see the module's docstring).
_layouts: dict[str, Document] = {}

# Standard input, read once by the parent (a worker's stdin is closed).
_stdin: dict[str, Reading] = {}


def run(
    sources: Sequence[Source],
    options: Options,
    *,
    targets: Sequence[Path | None] | None = None,
    report: Style | None = None,
    extra_siblings: Sequence[Path] = (),
    skip: frozenset[str] | set[str] = frozenset(),
    to_stdout: bool = False,
) -> Iterator[Outcome]:
    """Fix every input on ``options.jobs`` processes; outcomes in input order.

    ``targets``: where each result is written (None, or no ``targets``: not
    written). ``report``: what each outcome brings back to print.
    ``to_stdout``: layout results without a target come back as bytes.
    Where there are several inputs or ``extra_siblings``, every input is
    corrected with the texts related to it (found by content) as siblings.
    Inputs named in ``skip`` are not fixed but still serve as siblings.
    """
    global _shared_pool
    readings = read_all(sources, options)
    near: list[list[int]] = [[] for _ in sources]
    if len(sources) > 1 or extra_siblings:
        names = [source.name for source in sources] + [str(path) for path in extra_siblings]
        texts = [reading.text or "" for reading in readings]
        extra = [text_of(path, options) for path in extra_siblings]
        found = links([r.shingles for r in readings] + [shingles(text) for text in extra])
        texts += extra
        # Only texts that have copies are prepared as siblings (tokenized, weighed).
        linked = {k for link in found for k in (link.a, link.b)}
        _shared_pool = {k: sibling(texts[k], names[k], options.config) for k in sorted(linked)}
        near = neighbours(len(texts), found)[: len(sources)]
    where = list(targets) if targets is not None else [None] * len(sources)
    jobs = [
        Job(source, reading, options, where[k], report, to_stdout, tuple(near[k]))
        for k, (source, reading) in enumerate(zip(sources, readings, strict=True))
        if source.name not in skip
    ]
    if len(jobs) > 1 and options.jobs > 1:
        warm_up(options.config)  # load the model once, before forking
    return map_ordered(_process, jobs, options.jobs)


def read_all(sources: Sequence[Source], options: Options) -> list[Reading]:
    """Every input's text, read on ``options.jobs`` processes (standard input by this one)."""
    for source in sources:
        if source.path is None and source.name not in _stdin:
            try:
                text = decode(sys.stdin.buffer.read(), options.encoding, "<stdin>")
                _stdin[source.name] = Reading(text, shingles=shingles(text))
            except InputError as exc:
                _stdin[source.name] = Reading(None, str(exc))
    keep = options.jobs == 1  # a worker's parsed files would die with it
    todo = [(source, options, keep) for source in sources]
    return list(map_ordered(_read_one, todo, options.jobs))


def _read_one(todo: tuple[Source, Options, bool]) -> Reading:
    """One input's text; a layout file's parse kept in ``_layouts`` if ``keep``."""
    source, options, keep = todo
    if source.path is None:
        return _stdin[source.name]
    try:
        before = stamp(source.path)
        if _streamed(source.path, options.format_in):
            return Reading(None, large=True)
        document = layout_of(source.path, options.format_in)
        if document is None:
            text = read_text(source.path, options.encoding)
            return Reading(text, shingles=shingles(text))
        if keep:
            _layouts[source.name] = document
        found = outline(document, before)
        return Reading(document.text, layout=found, shingles=shingles(document.text))
    except (InputError, FormatError) as exc:
        return Reading(None, str(exc))
    except FileNotFoundError:
        return Reading(None, f"{source.path}: no such file")
    except OSError as exc:
        return Reading(None, f"{source.path}: cannot read ({exc.strerror})")


def _streamed(path: Path, format_in: str) -> bool:
    """Is the file at ``path`` plain text too large to read whole (see :mod:`ocrfix.stream`)?
    Layout files are always read whole."""
    if not is_large(path) or format_in not in ("auto", "text"):
        return False
    with path.open("rb") as f:
        return format_in == "text" or not looks_like_layout(f.read(512))


def layout_of(path: Path, format_in: str) -> Document | None:
    """The layout file at ``path`` (None: it is plain text, or ``format_in`` says to read it
    as text)."""
    if format_in == "text":
        return None
    if format_in == "auto":
        try:
            with path.open("rb") as f:
                if not looks_like_layout(f.read(512)):
                    return None
        except OSError:
            return None  # read_text says why
        return read_layout(path)
    return read_layout(path, cast(Format, format_in))


def text_of(path: Path, options: Options) -> str:
    """The text of a sibling file, plain or layout; one too large to read whole
    (see :mod:`ocrfix.stream`) is refused."""
    if _streamed(path, options.format_in):
        raise InputError(_too_large(path, " as a sibling", "give the part that matches the text"))
    document = layout_of(path, options.format_in)
    return read_text(path, options.encoding) if document is None else document.text


def _process(job: Job) -> Outcome:
    """Fix one input, deliver it and format its report; errors are returned, not raised."""
    source, reading = job.source, job.reading
    if reading.large:
        return _stream(job)
    if reading.text is None:
        return Outcome(source, error=reading.error)
    siblings = [_shared_pool[k] for k in job.siblings]
    confidences = _confidences(job)
    result = fix(reading.text, job.options.config, siblings=siblings, confidences=confidences)
    try:
        data, unwritten = _deliver(job, result)
    except (InputError, FormatError) as exc:
        return Outcome(source, error=str(exc))
    except OSError as exc:
        return Outcome(source, error=f"{job.target}: cannot write ({exc.strerror})")
    printed = (
        render(job.report, source.name, reading.text, result) if job.report and data is None else ""
    )
    return Outcome(source, None, len(result.flags), len(result.decisions), printed, data, unwritten)


def _stream(job: Job) -> Outcome:
    """Fix a large plain-text file piece by piece into its target, its report spooled
    (see :mod:`ocrfix.stream`)."""
    source, target = job.source, job.target
    assert source.path is not None
    try:
        done = fix_large(
            source.path,
            job.options.config,
            job.options.encoding,
            target=target,
            report=job.report,
            name=source.name,
        )
    except InputError as exc:
        return Outcome(source, error=str(exc))
    except OSError as exc:
        return Outcome(source, error=f"{exc.filename or target}: cannot write ({exc.strerror})")
    return Outcome(source, None, done.flags, done.fixes, spool=done.spool)


def _too_large(path: Path, used_as: str, hint: str) -> str:
    """Why a file too large to read whole is refused (``used_as``: " as a sibling"
    or ""), and what to do instead."""
    megabytes = path.stat().st_size / 2**20
    limit = STREAM_BYTES // 2**20
    return (
        f"{path}: {megabytes:.0f} MB is more than ocrfix reads whole{used_as} ({limit} MB); {hint}"
    )


def _confidences(job: Job) -> list[OcrConfidence]:
    """The OCR engine's word confidences in a layout file (none for plain text)."""
    known = job.reading.layout
    if job.source.name in _layouts:
        return _layouts[job.source.name].confidences()
    if known is None:
        return []
    return [
        (start, end, confidence)
        for start, end, confidence in zip(known.starts, known.ends, known.confidences, strict=True)
        if not math.isnan(confidence)
    ]


def _deliver(job: Job, result: Fixed) -> tuple[bytes | None, int]:
    """Write ``result`` to the job's target (a layout file in its own format), or keep a
    layout file's bytes for standard output; the bytes kept, and how many corrections the
    layout file could not take."""
    target, source = job.target, job.source
    known = job.reading.layout
    if known is not None and (target is not None or job.to_stdout):
        assert source.path is not None and job.reading.text is not None
        document = _layouts.get(source.name) or reopen(source.path, job.reading.text, known)
        data, written = render_layout(document, result.decisions, version=__version__)
        if target is None:
            return data, len(written.skipped)
        target.parent.mkdir(parents=True, exist_ok=True)
        with uninterrupted():
            write_bytes_atomic(target, data)
        return None, len(written.skipped)
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        encoding = file_encoding(source.path, job.options.encoding) if source.path else None
        with uninterrupted():
            write_atomic(target, result.text, encoding or job.options.encoding or "utf-8")
    return None, 0
