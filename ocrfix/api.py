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

import bisect
from collections.abc import Iterable, Sequence

from ocrfix.config import Config
from ocrfix.copies import Sibling, make_sibling
from ocrfix.detect import detect, on_graphemes, resolve_overlaps
from ocrfix.doc import make_doc
from ocrfix.languages import for_text
from ocrfix.model import load_model
from ocrfix.passages import in_other_languages
from ocrfix.replay import apply, compose, replaced
from ocrfix.siblings import with_siblings
from ocrfix.threshold import evidently_misread, to_apply
from ocrfix.types import Decision, Fixed, Flag, OcrConfidence
from ocrfix.verbatim import outside_code

DEFAULT = Config()
# Mending one slip can bare another: a stop left after "arid" once it reads
# "and", a comma after "the" once "the ," is joined. fix reads its own
# output again and takes what it finds at a correction or next to it
# (BARED_REACH characters away: the word after a space). bln600-real single
# CER -20.3% -> -21.0%, WER -28.9% -> -30.0%; bln600-tess -38.4% -> -39.2%;
# the bench's clean text unchanged. A third round added 0.002 points. What
# lies farther from a correction was judged in the first round, with all the
# evidence: taken from anywhere, the second round's findings changed 10 of
# 100 licence files (read as one folder, copies of one another), half of the
# changes for the worse ("TeX" to "TEX"), against 6 changed near corrections.
# Sibling copies speak in the first round only: read against the corrected
# text, they had 33 of those files changed. With sibling copies,
# bln600-tess noisy3 CER -89.9% -> -90.8%, ref -86.9% -> -87.7%. 300
# Markdown and reST files: 1,597 -> 1,611 changes, in code outside quotes
# next to the first round's changes there.
FIX_ROUNDS = 2
BARED_REACH = 1


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
    ``config.lang`` "auto" reads ``text`` in its own language.
    """
    return _read(text, config, siblings, confidences)


def _read(
    text: str,
    config: Config,
    siblings: Sequence[str | Sibling] = (),
    confidences: Iterable[OcrConfidence] = (),
    near: Sequence[tuple[int, int]] | None = None,
) -> list[Flag]:
    """``check``'s work; ``near``: rank only the words near these spans (the
    corrections ``fix`` reads its own output again for), None for all."""
    if not text.strip():
        return []
    doc = make_doc(text, config, confidences, near)
    flags = in_other_languages(text, detect(doc), doc.config.lang, doc.model)
    if siblings:
        prepared = [
            s if isinstance(s, Sibling) else sibling(s, f"sibling {k + 1}", doc.config)
            for k, s in enumerate(siblings)
        ]
        flags = resolve_overlaps(with_siblings(doc, flags, prepared))
    return on_graphemes(text, outside_code(text, flags))


def sibling(text: str, name: str, config: Config = DEFAULT) -> Sibling:
    """Prepare another copy of a text (called ``name`` in reports) as sibling evidence.

    Preparing once and passing the result to many ``check``/``fix`` calls
    saves tokenizing the sibling each time.
    """
    config = for_text(config, text)
    return make_sibling(name, text, load_model(config.lang, config.lexicon))


def decide(
    flags: Iterable[Flag], config: Config = DEFAULT, *, misread: bool = False
) -> list[Decision]:
    """The fixes to make: each flag's best suggestion, if it reaches ``config.min_confidence``
    (in a ``misread`` text, lower for word readings and specks: see
    :mod:`ocrfix.threshold`)."""
    return [
        Decision(f.start, f.end, f.text, best.text, best.confidence, best.source, f.kind, f.reason)
        for f in to_apply(flags, config, misread=misread)
        if (best := f.best) is not None
    ]


def fix(
    text: str,
    config: Config = DEFAULT,
    *,
    siblings: Sequence[str | Sibling] = (),
    confidences: Iterable[OcrConfidence] = (),
) -> Fixed:
    """Correct what the evidence makes sure; keep every flag for review.

    The corrected text is read again, up to FIX_ROUNDS times in all, for
    what the corrections bared next to them (see FIX_ROUNDS); its decisions
    are composed with the first round's (:func:`ocrfix.replay.compose`), so
    ``decisions`` replay on ``text``, and ``flags`` are the first reading's.
    ``siblings`` and ``confidences`` as for :func:`check`; both count in the
    first round only (the engine's confidences index the original text).
    ``config.lang`` "auto" reads ``text`` in its own language, the language
    the result names.
    """
    config = for_text(config, text)  # once: each round reads in the same language
    flags = check(text, config, siblings=siblings, confidences=confidences)
    misread = evidently_misread(flags, text, config)
    decisions = decide(flags, config, misread=misread)
    fixed, latest = apply(text, decisions), decisions
    for _ in range(FIX_ROUNDS - 1):
        spans = replaced(latest)
        found = decide(_read(fixed, config, near=spans), config, misread=misread)
        latest = [d for d in found if _near(d, spans)]
        if not latest:
            break
        decisions = compose(text, decisions, latest)
        fixed = apply(fixed, latest)
    return Fixed(fixed, tuple(decisions), tuple(flags), config.lang)


def _near(decision: Decision, spans: list[tuple[int, int]]) -> bool:
    """Does ``decision`` lie within BARED_REACH characters of one of ``spans``
    (sorted, apart)?"""
    k = bisect.bisect_left(spans, decision.start - BARED_REACH, key=lambda span: span[1])
    return k < len(spans) and spans[k][0] - BARED_REACH <= decision.end
