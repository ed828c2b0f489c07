"""ocrfix: find and fix OCR errors, with the evidence for every change.

The pipeline, one pure stage after another (modules in brackets)::

    text -> tokens           (tokens: exact code-point offsets, URLs and numbers whole)
         -> flags            (detect: registry of detectors in detect_words,
                              detect_breaks, detect_marks, detect_layout; each
                              flag says what looks wrong, why, and how sure)
         -> candidates       (candidates: typical confusions undone, near words
                              from the index, splits; words: noisy-channel
                              ranking with the OCR confusion table, word
                              frequencies and bigram context)
         -> decisions        (api.decide: the best candidate above the threshold)
         -> text             (replay.apply: splice the decisions in)

Sibling copies of a text add evidence between flags and decisions:
:mod:`discover` finds which texts are copies, :mod:`units` and :mod:`align`
align them word by word, :mod:`copies` collects each copy's readings where
they differ, :mod:`siblings` gathers them span by span, and :mod:`posterior`
weighs all copies as witnesses of a noisy channel.

OCR layout files (hOCR, ALTO, PAGE XML) enter and leave by :mod:`formats`:
``read(path)`` gives a :class:`Document` whose ``text`` the pipeline corrects,
``write(document, decisions, path)`` puts the decisions back into the file's
own format.

The nouns are in :mod:`ocrfix.types`, the options in :class:`Config`.
Resources (:mod:`lexicon` from wordfreq, :mod:`speller` from symspellpy) are
built once and cached on disk (:mod:`cache`).
"""

from ocrfix.api import check, decide, fix
from ocrfix.config import Config
from ocrfix.formats import Document, read, write
from ocrfix.replay import apply
from ocrfix.types import Candidate, Decision, Fixed, Flag, FlagKind, Token, TokenKind

__all__ = [
    "Candidate",
    "Config",
    "Decision",
    "Document",
    "Fixed",
    "Flag",
    "FlagKind",
    "Token",
    "TokenKind",
    "apply",
    "check",
    "decide",
    "fix",
    "read",
    "write",
]
__version__ = "0.1.0"
