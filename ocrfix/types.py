"""The nouns of ocrfix: what flows from one pipeline stage to the next.

    text -> Token (tokenize) -> Flag with Candidates (detect, suggest)
         -> Decision (decide) -> text (apply)

Offsets are code-point indices into the decoded input text, end exclusive, so
``text[flag.start:flag.end] == flag.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Literal


class TokenKind(StrEnum):
    """What a stretch of text is, as far as the tokenizer can tell."""

    WORD = "word"  # letters, possibly with digits, apostrophes or inner hyphens
    NUMBER = "number"  # digits with optional separators: 1,400  3.5  2017-12-11
    URL = "url"
    PATH = "path"  # a file path: /usr/share/doc, doc/notes.txt
    EMAIL = "email"
    PUNCT = "punct"  # one punctuation or symbol character
    SPACE = "space"  # horizontal white space
    NEWLINE = "newline"  # one line break: \n, \r\n or \r


@dataclass(frozen=True, slots=True)
class Token:
    """One token with its exact place in the text."""

    start: int
    end: int
    text: str
    kind: TokenKind


class FlagKind(StrEnum):
    """Why a span looks wrong. Each detector emits one or a few of these."""

    NON_WORD = "non-word"  # not in the lexicon, not a name, number or abbreviation
    REAL_WORD = "real-word"  # a real word that context says is an OCR confusion
    HOMOGLYPH = "homoglyph"  # letters of another script inside a word
    QUOTE = "quote"  # stray, doubled or unbalanced quotation marks
    SPACING = "spacing"  # missing or extra space around punctuation
    PUNCTUATION = "punctuation"  # doubled or stray punctuation
    HYPHENATION = "hyphenation"  # a word broken by a hyphen at a line end
    SPLIT_WORD = "split-word"  # one word broken in two by a space
    RUN_TOGETHER = "run-together"  # two words with the space lost
    GARBAGE = "garbage"  # specks and margin noise read as characters
    ARTIFACT = "artifact"  # URLs, page numbers or headers inside a sentence
    SIBLING = "sibling-disagreement"  # sibling copies read the span otherwise
    LOW_CONFIDENCE = "low-confidence"  # the OCR engine itself was unsure of the word


# The OCR engine's confidence (0 unsure .. 1 sure) in ``text[start:end]``, as
# a layout file (hOCR, ALTO, PAGE) gives it for each word.
OcrConfidence = tuple[int, int, float]

Source = Literal["dictionary", "confusion", "context", "rule", "sibling", "reviewer"]
"""Where a candidate's evidence comes from (the ``source`` field of the report)."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a sibling copy has a reading: ``sibling`` (its name or path), ``[start, end)``."""

    sibling: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """One proposed replacement for a flagged span.

    ``confidence`` estimates the probability that the replacement is the right
    reading of the span, in [0, 1]; candidates of one flag sum to at most 1,
    the rest being the chance that the span is right as it stands.
    ``evidence`` lists the sibling copies that read it so (source "sibling").
    """

    text: str
    confidence: float
    source: Source
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Flag:
    """A suspect span, why it is suspect, and what it might have been.

    ``confidence`` estimates the probability that the span is an error at all;
    ``suggestions`` are ranked best first and may be empty (suspect, but no
    good replacement known).
    """

    start: int
    end: int
    text: str
    kind: FlagKind
    reason: str
    confidence: float
    suggestions: tuple[Candidate, ...] = ()

    @property
    def best(self) -> Candidate | None:
        """The top suggestion, if any."""
        return self.suggestions[0] if self.suggestions else None

    @classmethod
    def deletion(cls, start: int, text: str, kind: FlagKind, reason: str, sure: float) -> Flag:
        """A flag on ``text`` at ``start`` whose one suggestion, a rule's, deletes it."""
        deleted = Candidate("", sure, "rule")
        return cls(start, start + len(text), text, kind, reason, sure, (deleted,))

    def tentative(self, cap: float, why: str) -> Flag:
        """This flag kept for review: its confidence and its suggestions' at
        ``cap`` at most, ``why`` added to its reason."""
        return replace(
            self,
            reason=f"{self.reason}; {why}",
            confidence=min(self.confidence, cap),
            suggestions=tuple(
                replace(c, confidence=min(c.confidence, cap)) for c in self.suggestions
            ),
        )


@dataclass(frozen=True, slots=True)
class Decision:
    """A replacement to make: ``text[start:end]`` (== ``original``) becomes ``replacement``."""

    start: int
    end: int
    original: str
    replacement: str
    confidence: float
    source: Source
    kind: FlagKind
    reason: str


@dataclass(frozen=True, slots=True)
class Fixed:
    """The result of :func:`ocrfix.fix`: the corrected text, what was changed, what was left.

    ``apply(original, fixed.decisions) == fixed.text``; ``flags`` holds every
    flag, applied or not, so the unapplied ones can go to a reviewer; ``lang``
    is the language the text was read in (its own, where it was left to detection).
    """

    text: str
    decisions: tuple[Decision, ...]
    flags: tuple[Flag, ...]
    lang: str
