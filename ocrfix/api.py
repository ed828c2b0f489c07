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

from collections.abc import Iterable, Sequence

from ocrfix.config import Config
from ocrfix.copies import Sibling, make_sibling
from ocrfix.detect import detect, on_graphemes, resolve_overlaps
from ocrfix.doc import make_doc
from ocrfix.model import load_model
from ocrfix.siblings import with_siblings
from ocrfix.types import Decision, Fixed, Flag, OcrConfidence
from ocrfix.verbatim import outside_code

DEFAULT = Config()


def warm_up(config: Config = DEFAULT) -> None:
    """Load every resource ``check`` may need now, not on first use (before forking workers)."""
    model = make_doc("warm up", config).model
    _ = model.speller, model.prefixes, model.shape


def check(
    text: str,
    config: Config = DEFAULT,
    *,
    siblings: Sequence[str | Sibling] = (),
    confidences: Iterable[OcrConfidence] = (),
) -> list[Flag]:
    """Flag suspect spans of ``text``, each with ranked suggestions, in text order.

    ``siblings``: other copies of the same text (plain strings, or from
    :func:`sibling`); they are evidence only, and only their OCR-like
    differences are taken. ``confidences``: the OCR engine's, as
    ``(start, end, confidence)`` spans of the text from 0 (unsure) to 1
    (:meth:`ocrfix.formats.Document.confidences` gives a layout file's).
    """
    if not text.strip():
        return []
    doc = make_doc(text, config, confidences)
    flags = detect(doc)
    if siblings:
        prepared = [
            s if isinstance(s, Sibling) else sibling(s, f"sibling {k + 1}", config)
            for k, s in enumerate(siblings)
        ]
        flags = resolve_overlaps(with_siblings(doc, flags, prepared))
    return on_graphemes(text, outside_code(text, flags))


def sibling(text: str, name: str, config: Config = DEFAULT) -> Sibling:
    """Prepare another copy of a text (called ``name`` in reports) as sibling evidence.

    Preparing once and passing the result to many ``check``/``fix`` calls
    saves tokenizing the sibling each time.
    """
    return make_sibling(name, text, load_model(config.lang, config.lexicon))


def decide(flags: Iterable[Flag], config: Config = DEFAULT) -> list[Decision]:
    """The fixes to make: each flag's best suggestion, if it reaches ``config.min_confidence``."""
    return [
        Decision(f.start, f.end, f.text, best.text, best.confidence, best.source, f.kind, f.reason)
        for f in flags
        if (best := f.best) is not None and best.confidence >= config.min_confidence
    ]


def fix(
    text: str,
    config: Config = DEFAULT,
    *,
    siblings: Sequence[str | Sibling] = (),
    confidences: Iterable[OcrConfidence] = (),
) -> Fixed:
    """Correct what the evidence makes sure; keep every flag for review.

    ``siblings`` and ``confidences`` as for :func:`check`.
    """
    flags = check(text, config, siblings=siblings, confidences=confidences)
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
