"""Character and word error rates against a ground truth, as the project's bench counts them.

``ocrfix eval`` lets users measure ocrfix (or any OCR) on their own data with
the normalisation of ``shared/bench/bench.py``: NFC, typographic quotes and
dashes folded, white space collapsed; then Levenshtein distance over
characters and over words, relative to the ground truth's length.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ocrfix.units import form


@dataclass(frozen=True, slots=True)
class Errors:
    """Edits of one text against its ground truth, and the ground truth's size."""

    chars: int
    words: int
    ref_chars: int
    ref_words: int

    def __add__(self, other: Errors) -> Errors:
        return Errors(
            self.chars + other.chars,
            self.words + other.words,
            self.ref_chars + other.ref_chars,
            self.ref_words + other.ref_words,
        )

    @property
    def cer(self) -> float:
        """Character error rate, in percent."""
        return 100 * self.chars / max(1, self.ref_chars)

    @property
    def wer(self) -> float:
        """Word error rate, in percent."""
        return 100 * self.words / max(1, self.ref_words)


NO_ERRORS = Errors(0, 0, 0, 0)


def normalise(text: str) -> str:
    """The text as it is scored: NFC, quotes and dashes folded, white space collapsed."""
    return " ".join(form(text).split())


def errors(hypothesis: str, truth: str) -> Errors:
    """How far ``hypothesis`` is from ``truth``.

    >>> e = errors("Tbe cat “sat”.", 'The cat "sat".')
    >>> (e.chars, e.words, e.ref_chars, e.ref_words)
    (1, 1, 14, 3)
    """
    h, r = normalise(hypothesis), normalise(truth)
    hw, rw = h.split(), r.split()
    return Errors(Levenshtein.distance(h, r), Levenshtein.distance(hw, rw), len(r), len(rw))


@dataclass(frozen=True, slots=True)
class Score:
    """One document (or a total): the errors of the OCR and, if given, of its correction."""

    name: str
    before: Errors
    after: Errors | None = None

    @property
    def cer_improvement(self) -> float | None:
        """Relative reduction of the character error rate, in percent (None: nothing to compare)."""
        if self.after is None or self.before.chars == 0:
            return None
        return 100 * (self.before.chars - self.after.chars) / self.before.chars

    @property
    def wer_improvement(self) -> float | None:
        if self.after is None or self.before.words == 0:
            return None
        return 100 * (self.before.words - self.after.words) / self.before.words

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "name": self.name,
            "cer_before": round(self.before.cer, 3),
            "wer_before": round(self.before.wer, 3),
            "ref_chars": self.before.ref_chars,
        }
        if self.after is not None:
            out |= {
                "cer_after": round(self.after.cer, 3),
                "wer_after": round(self.after.wer, 3),
                "cer_improvement": _rounded(self.cer_improvement),
                "wer_improvement": _rounded(self.wer_improvement),
                "char_edits_added": self.after.chars - self.before.chars,
            }
        return out

    def as_text(self) -> str:
        line = f"{self.name}: CER {self.before.cer:.3f}%"
        if self.after is None:
            return f"{line}, WER {self.before.wer:.3f}%"
        return (
            f"{line} -> {self.after.cer:.3f}%{_change(self.cer_improvement)}, "
            f"WER {self.before.wer:.3f}% -> {self.after.wer:.3f}%{_change(self.wer_improvement)}"
        )


def total(scores: Iterable[Score]) -> Score:
    """The scores summed over documents (rates over all their characters and words)."""
    before, after, compared = NO_ERRORS, NO_ERRORS, False
    for score in scores:
        before += score.before
        if score.after is not None:
            after += score.after
            compared = True
    return Score("total", before, after if compared else None)


def _change(improvement: float | None) -> str:
    return "" if improvement is None else f" ({-improvement:+.1f}%)"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
