"""The library API: check a text, fix it, or replay decisions on it.

>>> from ocrfix import check, fix, apply
>>> [(f.text, f.best.text) for f in check("They sat at tbe table.")]
[('tbe', 'the')]
>>> fixed = fix("They sat at tbe table.")
>>> fixed.text
'They sat at the table.'
>>> apply("They sat at tbe table.", fixed.decisions) == fixed.text
True"""

from __future__ import annotations

from collections.abc import Iterable

from ocrfix.config import Config
from ocrfix.detect import detect
from ocrfix.doc import make_doc
from ocrfix.types import Decision, Fixed, Flag

DEFAULT = Config()


def warm_up(config: Config = DEFAULT) -> None:
    """Load every resource ``check`` may need now, not on first use (before forking workers)."""
    model = make_doc("warm up", config).model
    _ = model.speller, model.prefixes, model.shape


def check(text: str, config: Config = DEFAULT) -> list[Flag]:
    """Flag suspect spans of ``text``, each with ranked suggestions, in text order."""
    if not text.strip():
        return []
    return detect(make_doc(text, config))


def decide(flags: Iterable[Flag], config: Config = DEFAULT) -> list[Decision]:
    """The fixes to make: each flag's best suggestion, if it reaches ``config.min_confidence``."""
    return [
        Decision(f.start, f.end, f.text, best.text, best.confidence, best.source, f.kind, f.reason)
        for f in flags
        if (best := f.best) is not None and best.confidence >= config.min_confidence
    ]


def fix(text: str, config: Config = DEFAULT) -> Fixed:
    """Correct what the evidence makes sure; keep every flag for review."""
    flags = check(text, config)
    decisions = decide(flags, config)
    return Fixed(apply(text, decisions), tuple(decisions), tuple(flags))


def apply(text: str, decisions: Iterable[Decision]) -> str:
    """Replay ``decisions`` on ``text``: each replaces ``text[start:end]`` by its replacement.

    Raises ValueError if a decision does not match the text (it was made for
    another text) or two decisions overlap.
    """
    out: list[str] = []
    position = 0
    for d in sorted(decisions, key=lambda d: (d.start, d.end)):
        if d.start < position:
            raise ValueError(f"decisions overlap at offset {d.start}; keep only one of them")
        if text[d.start : d.end] != d.original:
            raise ValueError(
                f"decision at {d.start}:{d.end} expects {d.original!r} but the text has "
                f"{text[d.start : d.end]!r}; was it made for another text?"
            )
        out.append(text[position : d.start])
        out.append(d.replacement)
        position = d.end
    out.append(text[position:])
    return "".join(out)
