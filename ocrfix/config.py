"""The one immutable set of options every stage of ocrfix reads."""

from __future__ import annotations

from dataclasses import dataclass, field

# The language setting that asks for each text's own (ocrfix.languages).
AUTO = "auto"


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Options for :func:`ocrfix.check` and :func:`ocrfix.fix`.

    lang:
        Language code for the lexicon and context statistics, or ``"auto"``
        (the default): each text's own, told by its commonest words, English
        unless they clearly say otherwise (:mod:`ocrfix.languages`). Only
        ``"en"`` has context statistics today; other languages use word
        frequencies alone.
    min_confidence:
        ``fix`` applies a suggestion only when its confidence reaches this.
        The default, 0.7, was read off the reliability table of
        ``benchmarks/calibrate.py`` on the bench's real OCR (README,
        "Choosing the threshold"): from 0.7 up, about nine suggestions in ten
        are right, and clean text gets 3 edits in 248,735 characters; at 0.5
        the gain is larger but one suggestion in three is wrong, and page
        artifacts (0.6) would be removed without a reader's look.
    misread_min_confidence:
        The threshold for word readings in a text that OCR evidently misread
        (see :mod:`ocrfix.threshold`); None keeps ``min_confidence`` everywhere.
    max_suggestions:
        How many ranked candidates a flag carries at most.
    lexicon:
        Extra words the user declares correct (names, period spellings),
        compared case-insensitively. They are never flagged nor proposed
        away, and they may be proposed as corrections.
    """

    lang: str = AUTO
    min_confidence: float = 0.7
    misread_min_confidence: float | None = 0.55
    max_suggestions: int = 5
    lexicon: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError(f"min_confidence must lie in [0, 1], got {self.min_confidence}")
        low = self.misread_min_confidence
        if low is not None and not 0.0 <= low <= 1.0:
            raise ValueError(f"misread_min_confidence must lie in [0, 1], got {low}")
        if self.max_suggestions < 1:
            raise ValueError(f"max_suggestions must be at least 1, got {self.max_suggestions}")
        object.__setattr__(self, "lexicon", frozenset(w.casefold() for w in self.lexicon))
