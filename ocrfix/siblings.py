"""Evidence from sibling copies: other versions of the same text.

A web copy, a reprint or a second scan holds the right reading where the OCR
erred, but also its own rewording, boilerplate, dates and URLs. Each sibling
is aligned with the document (:mod:`ocrfix.align`); where they differ, the
sibling's reading is taken as evidence only when the difference is one OCR
makes: a typical confusion or a single edit (by the channel model), or stray
marks. Numbers, URLs and e-mail addresses are never taken from a sibling, and
differences of case or quotation style are not differences.

Votes combine as odds. The prior odds of a sibling's reading come from the
document's own model (the flag's confidence, or the chance of that OCR error
in a document this noisy); each sibling that reads it multiplies them by its
likelihood ratio, higher for a cleaner sibling, and each sibling that agrees
with the document divides them. So two noisy siblings that agree outvote one,
and one clean copy outweighs noisy ones.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from rapidfuzz.distance import Levenshtein

from ocrfix.align import Block, Tag, align
from ocrfix.confusions import channel_cost
from ocrfix.discover import related, shingles
from ocrfix.doc import Doc
from ocrfix.model import Model, document_stats
from ocrfix.tokens import tokenize
from ocrfix.types import Candidate, Evidence, Flag, FlagKind, Token, TokenKind
from ocrfix.units import Unit, key, units_of
from ocrfix.words import MAX_CONFIDENCE

# Never taken from a sibling: they differ between editions on purpose.
NEVER_TAKEN = frozenset({TokenKind.NUMBER, TokenKind.URL, TokenKind.EMAIL})
# A difference (adjacent differing units merged) is considered when each side
# has at most this many units; longer ones are passages one copy lacks. On
# the bench's Tesseract set, 3 / 5 / 8 gave CER -36.7 / -40.3 / -41.4% (ref
# task) with no change on the seeds, clean text or the no-leak tests.
MAX_DIFF_UNITS = 8
# Channel cost above which a difference is editorial, not OCR: about one
# arbitrary edit (2.3) or two typical confusions.
OCR_LIKE_MAX = 2.5
# Cost of a stray or lost mark (quotes, stops): OCR's commonest slip.
MARK_COST = 0.5
# A sibling's likelihood ratio is (1 - noise) / noise, at most this. Edits
# are screened out by OCR_LIKE_MAX before votes count, so a clean copy may
# weigh heavily: at the noise floor (0.003) its ratio is about 330.
MAX_LIKELIHOOD_RATIO = 1000.0
# Where our own model suspects the text, a sibling's reading counts if it is
# at least this similar (normalized edit similarity) to ours: misread, not
# replaced. An unknown word is suspect with three times the document's
# error rate, at most an even chance.
MIN_SIMILARITY = 0.5
UNKNOWN_SUSPICION = 0.5
UNKNOWN_NOISE_SCALE = 3.0
# Marks stripped from a word before it is looked up.
EDGE_MARKS = ".,;:!?'\"()[]\u2018\u2019\u201c\u201d"
# Given that suspect text is wrong, the chance that a particular similar
# reading is the one meant, before any sibling reads it.
SUSPECT_READING_PRIOR = 0.1
# Words that siblings have and we lack count only when this many siblings
# agree on them; their prior then is that of one typical error (AGREED_COST).
# A word swapped for another is never taken on agreement alone: copies of
# one edited version agree on its rewording too.
MIN_WITNESSES = 2
AGREED_COST = 1.0
# One real word swapped for another counts on agreement only if context
# prefers the copies' word by this much (log10): rewording fits as well.
CONTEXT_MARGIN = 1.0
# Sibling readings less likely than this are not reported.
MIN_CONFIDENCE = 0.05


@dataclass(frozen=True, slots=True)
class Sibling:
    """Another copy of the text, ready to align: evidence only, never changed."""

    name: str
    text: str
    units: tuple[Unit, ...]
    noise: float  # its estimated share of OCR errors (see model.DocStats)
    shingles: frozenset[tuple[str, ...]]  # its word trigrams, to tell related texts

    @property
    def likelihood_ratio(self) -> float:
        """How much one reading of this sibling multiplies the odds of that reading."""
        return min(MAX_LIKELIHOOD_RATIO, (1 - self.noise) / self.noise)


def make_sibling(name: str, text: str, model: Model) -> Sibling:
    """Prepare ``text`` (called ``name`` in reports) to serve as a sibling."""
    units = units_of(text)
    noise = document_stats(tokenize(text), model).noise
    return Sibling(name, text, units, noise, shingles(text))


@dataclass(frozen=True, slots=True)
class _Vote:
    """One sibling's reading of one span of ours."""

    span: tuple[int, int]
    reading: str
    cost: float  # channel cost from the reading to our text
    cheap: bool  # a difference OCR makes by itself (cost at most OCR_LIKE_MAX)
    similar: bool  # similar enough to be a misreading rather than a rewording
    lost_words: bool  # the sibling has words here that we lack
    sibling: Sibling
    evidence: Evidence


def with_siblings(doc: Doc, flags: Sequence[Flag], siblings: Iterable[Sibling]) -> list[Flag]:
    """``flags`` with the evidence of ``siblings`` added: sure readings confirmed or
    overruled, and new flags where siblings read the text otherwise (OCR-like only)."""
    mine = units_of(doc.text)
    own_shingles = shingles(doc.text)
    votes: dict[tuple[int, int], list[_Vote]] = defaultdict(list)
    agreeing: dict[tuple[int, int], list[Sibling]] = defaultdict(list)
    suspicion: dict[tuple[int, int], float] = {}
    # The flags do not overlap (detect resolved them): sorted by start, their
    # ends are sorted too, so the flags over a span are found by bisection.
    ordered = sorted(flags, key=lambda f: f.start)
    bounds = ([f.start for f in ordered], [f.end for f in ordered])
    equal_units: list[tuple[Sibling, set[int]]] = []
    for sibling in siblings:
        if sibling.text == doc.text or not related(own_shingles, sibling.shingles):
            continue  # the document itself (given as its own sibling), or another text
        same: set[int] = set()
        for block in _merged(align([u.key for u in mine], [u.key for u in sibling.units])):
            if block.tag == "equal":
                same.update(range(block.a_start, block.a_end))
                continue
            vote = _vote(doc, mine, sibling, block)
            if vote is not None:
                votes[vote.span].append(vote)
        equal_units.append((sibling, same))
    by_span = {(f.start, f.end): f for f in flags}
    starts = [u.start for u in mine]
    for span in votes:
        first, last = bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])
        for sibling, same in equal_units:
            if all(k in same for k in range(first, last)):
                agreeing[span].append(sibling)
        suspicion[span] = _suspicion(doc, ordered, bounds, mine[first:last])
    out = dict(by_span)
    words = [t for t in doc.tokens if t.kind is TokenKind.WORD]
    for span, span_votes in votes.items():
        flag = _decide(
            doc, span, span_votes, agreeing[span], by_span.get(span), suspicion[span], words
        )
        if flag is not None:
            out[span] = flag
    return list(out.values())


def _suspicion(
    doc: Doc,
    ordered: Sequence[Flag],
    bounds: tuple[list[int], list[int]],
    ours: Sequence[Unit],
) -> float:
    """How likely the document's own model thinks ``ours`` is misread: the surest flag
    over it (``bounds``: the starts and ends of ``ordered``), or for an unknown
    word a doubt that grows with the document's noise, else 0."""
    start, end = ours[0].start, ours[-1].end
    starts, ends = bounds
    lo = bisect.bisect_right(ends, start)
    hi = bisect.bisect_left(starts, end)
    flagged = max((f.confidence for f in ordered[lo:hi]), default=0.0)
    unknown = _unknown_words(doc, [doc.text[u.start : u.end] for u in ours])
    # An unknown word the model let stand is mostly a name: it is suspect in
    # proportion to how noisy the document is.
    doubt = min(UNKNOWN_SUSPICION, UNKNOWN_NOISE_SCALE * doc.stats.noise) if unknown else 0.0
    return max(flagged, doubt)


def _unknown_words(doc: Doc, texts: Sequence[str]) -> int:
    """How many words of ``texts`` the document's model does not know."""
    return sum(
        1
        for text in texts
        for word in text.split()
        if any(c.isalpha() for c in word) and not doc.model.is_known(word.strip(EDGE_MARKS))
    )


def _merged(blocks: Iterable[Block]) -> Iterator[Block]:
    """Adjacent differences as one ("fashionably attred" against "fashionably-attired"
    is a lost hyphen and a misread word, one misreading)."""
    pending: Block | None = None
    for block in blocks:
        if block.tag == "equal":
            if pending is not None:
                yield pending
                pending = None
            yield block
        elif pending is None:
            pending = block
        else:
            a0, b0 = pending.a_start, pending.b_start
            a1, b1 = block.a_end, block.b_end
            tag: Tag = "insert" if a0 == a1 else "delete" if b0 == b1 else "replace"
            pending = Block(tag, a0, a1, b0, b1)
    if pending is not None:
        yield pending


def _vote(doc: Doc, mine: Sequence[Unit], sibling: Sibling, block: Block) -> _Vote | None:
    """The sibling's reading of our units in ``block``, if it may be a misreading of ours.

    A word the sibling has and we lack is read as our preceding word plus it
    ("in the" where we have "in"). Numbers, URLs and e-mail addresses never
    count, nor does a reading that brings in a word we do not know.
    """
    a0, a1, b0, b1 = block.a_start, block.a_end, block.b_start, block.b_end
    inserted = a0 == a1
    if inserted:
        if a0 == 0:
            return None
        a0 -= 1  # attach the sibling's extra words (or marks) to our unit before them
    if a1 - a0 > MAX_DIFF_UNITS or b1 - b0 > MAX_DIFF_UNITS:
        return None
    ours, theirs = mine[a0:a1], sibling.units[b0:b1]
    if any(u.kind in NEVER_TAKEN for u in (*ours, *theirs)):
        return None
    start, end = ours[0].start, ours[-1].end
    if not inserted and theirs and a0 > 0 and b0 > 0:
        # The copy joins what we space ("x-y" where we read "x y"): our space
        # is part of the misreading.
        their_gap = sibling.text[sibling.units[b0 - 1].end : theirs[0].start]
        our_gap = doc.text[mine[a0 - 1].end : start]
        if not their_gap and our_gap and not our_gap.strip():
            start = mine[a0 - 1].end
    observed = doc.text[start:end]
    extra = " ".join(sibling.text[theirs[0].start : theirs[-1].end].split()) if theirs else ""
    if not theirs and _spaced_in_copy(sibling, b0) and not _spaced_around(doc.text, start, end):
        extra = " "  # a mark we have where the copy has a space ("x-y" for "x y")
    lost_marks = inserted and all(u.kind is TokenKind.PUNCT for u in theirs)
    # A lost mark joins our unit ("St" -> "St."); lost words follow it after a space.
    reading = observed + extra if lost_marks else f"{observed} {extra}" if inserted else extra
    if not inserted and "".join(u.key for u in ours) == "".join(u.key for u in theirs):
        return None  # case, quotation style or spacing only
    if _unknown_words(doc, [reading]) > _unknown_words(doc, [observed]):
        return None  # it would bring in a word we do not know: not a correction
    marks_only = lost_marks or (
        not inserted and all(u.kind is TokenKind.PUNCT for u in (*ours, *theirs))
    )
    cost = MARK_COST if marks_only else channel_cost(reading, observed)
    similar = Levenshtein.normalized_similarity(key(observed), key(reading)) >= MIN_SIMILARITY
    cheap = marks_only or (not inserted and cost <= OCR_LIKE_MAX)
    if not (cheap or similar or (inserted and not lost_marks)):
        return None  # rewording, not misreading (lost words are judged by agreement)
    if (theirs and not inserted) or theirs:
        where = Evidence(sibling.name, theirs[0].start, theirs[-1].end)
    else:  # the sibling lacks our marks: point between its neighbouring units
        at = sibling.units[b0 - 1].end if b0 else 0
        where = Evidence(sibling.name, at, at)
    span = (start, end)
    lost_words = inserted and not lost_marks
    return _Vote(span, reading, cost, cheap, similar, lost_words, sibling, where)


def _context_prefers(
    doc: Doc, words: Sequence[Token], span: tuple[int, int], reading: str, margin: float
) -> bool:
    """Do the words around ``span`` fit ``reading`` better than our text, by ``margin``
    (log10)? Context is what tells a misread word from a reworded one. ``words``
    are the document's word tokens."""
    k = bisect.bisect_left(words, span[0], key=lambda t: t.start)
    j = bisect.bisect_left(words, span[1], key=lambda t: t.start)
    left = words[k - 1].text if k > 0 else None
    right = words[j].text if j < len(words) else None
    ours = doc.text[span[0] : span[1]]
    if len(ours.split()) != 1 or len(reading.split()) != 1:
        return False
    context = doc.model.context
    return context.fit(left, reading, right) >= context.fit(left, ours, right) + margin


def _spaced_in_copy(sibling: Sibling, b0: int) -> bool:
    """Is there white space in the copy where its units ``b0 - 1`` and ``b0`` meet?"""
    if b0 == 0 or b0 >= len(sibling.units):
        return False
    gap = sibling.text[sibling.units[b0 - 1].end : sibling.units[b0].start]
    return bool(gap) and not gap.strip()


def _spaced_around(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` next to white space on either side?"""
    return (start > 0 and text[start - 1].isspace()) or (end < len(text) and text[end].isspace())


def _decide(
    doc: Doc,
    span: tuple[int, int],
    votes: list[_Vote],
    agreeing: list[Sibling],
    flag: Flag | None,
    suspect: float,
    words: Sequence[Token],
) -> Flag | None:
    """The flag for ``span`` once its sibling votes are counted (None: nothing to say)."""
    by_reading: dict[str, list[_Vote]] = defaultdict(list)
    for vote in votes:
        by_reading[vote.reading].append(vote)
    ranked = []
    for reading, reading_votes in by_reading.items():
        cheap = any(v.cheap for v in reading_votes)
        similar = all(v.similar for v in reading_votes)
        witnesses = len({id(v.sibling) for v in reading_votes})
        lost_words = all(v.lost_words for v in reading_votes)
        if not (
            cheap
            or (suspect > 0 and similar and not lost_words)
            or (lost_words and witnesses >= MIN_WITNESSES)
            or (
                witnesses >= MIN_WITNESSES
                and similar
                and _context_prefers(doc, words, span, reading, CONTEXT_MARGIN)
            )
        ):
            continue  # sound text is not rewritten on a dear difference
        cost = min(v.cost for v in reading_votes) if cheap else AGREED_COST
        log_odds = _prior_log_odds(doc, reading, cost, flag, suspect)
        log_odds += sum(math.log10(v.sibling.likelihood_ratio) for v in reading_votes)
        log_odds -= sum(math.log10(s.likelihood_ratio) for s in agreeing)
        p = min(MAX_CONFIDENCE, 1 / (1 + 10**-log_odds))
        evidence = tuple(v.evidence for v in reading_votes)
        ranked.append(Candidate(reading, round(p, 3), "sibling", evidence))
    if not ranked:
        return None
    ranked.sort(key=lambda c: -c.confidence)
    best = ranked[0]
    if best.confidence < MIN_CONFIDENCE:
        return None
    start, end = span
    if flag is not None:
        others = tuple(c for c in flag.suggestions if c.text not in by_reading)
        return replace(
            flag,
            confidence=max(flag.confidence, best.confidence),
            suggestions=(*ranked, *others)[: doc.config.max_suggestions],
        )
    names = ", ".join(sorted({e.sibling for e in best.evidence}))
    return Flag(
        start,
        end,
        doc.text[start:end],
        FlagKind.SIBLING,
        f"sibling copies read {best.text!r} ({names})",
        best.confidence,
        tuple(ranked),
    )


def _prior_log_odds(
    doc: Doc, reading: str, cost: float, flag: Flag | None, suspect: float
) -> float:
    """log10 odds of ``reading`` before the siblings speak: the document model's own
    suggestion if it made it; if it suspects the text, the odds of an error times the
    chance that this reading is the one meant; else the chance of such an OCR error."""
    if flag is not None:
        for candidate in flag.suggestions:
            if candidate.text == reading:
                return _log_odds(candidate.confidence)
    if suspect > 0:
        return _log_odds(suspect) + math.log10(SUSPECT_READING_PRIOR)
    return -(doc.stats.error_base + cost)


def _log_odds(p: float) -> float:
    p = min(max(p, 1 - MAX_CONFIDENCE), MAX_CONFIDENCE)
    return math.log10(p / (1 - p))
