"""A tokenized document with the resources to judge it: what detectors receive."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ocrfix.config import Config
from ocrfix.languages import for_text
from ocrfix.model import DocStats, Model, document_stats, load_model
from ocrfix.tokens import tokenize
from ocrfix.types import OcrConfidence, Token, TokenKind

# Characters after which a new sentence (or quotation) starts.
SENTENCE_END = frozenset(".!?")
OPENING = frozenset("\"'\u201c\u2018\u00ab([")
# Where only the flags near some spans are wanted (fix's second reading, at
# its corrections), words further than this many tokens from them are not
# ranked: a word's flag depends on its neighbours' readings, two tokens away
# across a space, and theirs on their neighbours'.
FOCUS_REACH = 6


@dataclass(frozen=True, slots=True)
class Doc:
    """One text with its tokens, the language model and the document's own statistics."""

    text: str
    tokens: tuple[Token, ...]
    model: Model
    stats: DocStats
    config: Config
    # Token index -> its corrected reading, where one is sure: context is
    # read from these rather than from the OCR's errors.
    readings: Mapping[int, str] = field(default_factory=dict)
    # Token index -> the OCR engine's confidence in it (0..1), where the
    # input said (a layout file's words); the lowest of the words it touches.
    engine: Mapping[int, float] = field(default_factory=dict)
    # The token indices whose words are ranked; None: all (see FOCUS_REACH).
    focus: frozenset[int] | None = None

    def word_at(self, j: int) -> str:
        """Token ``j``'s text, or its sure reading."""
        return self.readings.get(j, self.tokens[j].text)

    def left_word(self, i: int) -> str | None:
        """The word before token ``i`` on the same line, if only spaces separate them."""
        j = i - 1
        if j >= 0 and self.tokens[j].kind is TokenKind.SPACE:
            j -= 1
        if j >= 0 and self.tokens[j].kind is TokenKind.WORD:
            return self.word_at(j).split()[-1]  # a reading may be two words: "the female"
        return None

    def right_word(self, i: int) -> str | None:
        """The word after token ``i``, if only spaces (or one line break) separate them."""
        j = i + 1
        while j < len(self.tokens) and self.tokens[j].kind in (TokenKind.SPACE, TokenKind.NEWLINE):
            if self.tokens[j].kind is TokenKind.NEWLINE and j > i + 2:
                return None
            j += 1
        if j < len(self.tokens) and self.tokens[j].kind is TokenKind.WORD:
            return self.word_at(j).split()[0]
        return None

    def next_text(self, i: int) -> str | None:
        """The text of the token right after ``i``, if any."""
        return self.tokens[i + 1].text if i + 1 < len(self.tokens) else None

    def starts_sentence(self, i: int) -> bool:
        """True when token ``i`` opens the text, a paragraph, a sentence or a quotation."""
        j = i - 1
        newlines = 0
        while (j >= 0 and self.tokens[j].kind in (TokenKind.SPACE, TokenKind.NEWLINE)) or (
            j >= 0 and self.tokens[j].text in OPENING
        ):
            if self.tokens[j].text in OPENING:
                return True
            newlines += self.tokens[j].kind is TokenKind.NEWLINE
            j -= 1
        return j < 0 or newlines >= 2 or self.tokens[j].text in SENTENCE_END


def make_doc(
    text: str,
    config: Config,
    confidences: Iterable[OcrConfidence] = (),
    near: Sequence[tuple[int, int]] | None = None,
) -> Doc:
    """Tokenize ``text`` and gather what the detectors need; ``confidences``: the
    OCR engine's, for spans of the text; ``near``: the spans whose words alone
    are to be ranked (see FOCUS_REACH), None for all. A ``config`` that leaves
    the language to detection reads ``text`` in its own."""
    config = for_text(config, text)
    tokens = tuple(tokenize(text))
    model = load_model(config.lang, config.lexicon)
    stats = document_stats(tokens, model)
    engine = token_confidences(tokens, confidences)
    focus = None if near is None else focus_tokens(tokens, near)
    return Doc(text, tokens, model, stats, config, engine=engine, focus=focus)


def focus_tokens(tokens: Sequence[Token], spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """The indices of the tokens within FOCUS_REACH tokens of one touching ``spans``."""
    starts = [t.start for t in tokens]
    near: set[int] = set()
    for start, end in spans:
        first = max(0, bisect.bisect_right(starts, start - 1) - 1)
        last = bisect.bisect_left(starts, end + 1)
        near.update(range(max(0, first - FOCUS_REACH), min(len(tokens), last + FOCUS_REACH)))
    return frozenset(near)


def token_confidences(
    tokens: Sequence[Token], confidences: Iterable[OcrConfidence]
) -> dict[int, float]:
    """Token index -> the lowest engine confidence of the spans it overlaps."""
    starts = [t.start for t in tokens]
    out: dict[int, float] = {}
    for start, end, confidence in confidences:
        k = max(0, bisect.bisect_right(starts, start) - 1)
        while k < len(tokens) and tokens[k].start < end:
            if tokens[k].end > start:
                out[k] = min(out.get(k, 1.0), confidence)
            k += 1
    return out
