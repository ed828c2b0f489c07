"""A sibling copy, and what it says of a document: where it reads alike, where
otherwise, and how edited it looks.

:func:`view_of` aligns a copy with the document (:mod:`ocrfix.align`) and
turns each difference into a :class:`Vote`, the copy's reading of a span of
ours: misread words and marks, words we lack, units we have and it lacks,
the spacing around marks, the case of an initial. What is house style (a
quote on the other side of a stop, a capital where a sentence may start) is
no difference, and a copy's numbers, URLs and e-mail addresses are never a
reading (only a stray digit or two of ours may be read otherwise). The copy's
editorial rate is estimated on the way, from its known words replaced by
known words OCR would hardly confuse.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex
from rapidfuzz.distance import Levenshtein

from ocrfix.align import Block, Tag, align
from ocrfix.discover import Shingles, shingles
from ocrfix.doc import Doc
from ocrfix.model import CLEAN_NOISE, Model, document_stats
from ocrfix.posterior import EDITORIAL_COST, Witness, ocr_cost
from ocrfix.tokens import tokenize
from ocrfix.types import Evidence, TokenKind
from ocrfix.units import EDGE_MARKS, Unit, units_of

# Never taken from a sibling: they differ between editions on purpose. Only
# where we read a stray digit or two may a sibling's words or marks replace it.
NEVER_TAKEN = frozenset({TokenKind.NUMBER, TokenKind.URL, TokenKind.PATH, TokenKind.EMAIL})
MAX_STRAY_DIGITS = 2
# ... and a digit standing alone for a word only by a reading OCR could have
# made it of: an edit or so ("4" for "a", "10" for "to"; not "2" for "two").
STRAY_DIGIT_COST = 3.5
# A copy's numbers are taken only inside a passage our OCR lost of at least
# this many words (a line), never on their own.
LOST_LINE_WORDS = 4
# A copy that lacks a passage of ours holding this many words the lexicon
# knows dropped prose (an editor's cut, or a paragraph it moved), not our
# specks: no reading of it. As a vote it would also make one span of the
# whole passage, in which another copy's readings went unheard.
DROPPED_PROSE_WORDS = 4
# A difference (adjacent differing units merged) is considered when each side
# has at most this many units (a line OCR lost fits); longer ones are passages
# one copy lacks. On the bench's Tesseract set (ref task), 8 / 14 / 24 gave
# CER -64.8 / -65.1 / -65.2%, with the seeds and the no-leak tests unchanged.
MAX_DIFF_UNITS = 24
# A sibling's editorial rate is estimated from its editorial differences per
# aligned unit, starting from this many in this many units: a copy that shows
# no editing (a second scan) is taken for one, but never for a perfect one. On
# the bench's Tesseract set, 1 / 0.2 / 0.05 / 0.01 in 500 gave CER -67.2 /
# -68.3 / -69.1 / -69.5% (ref) and -71.5 / -72.4 / -73.1 / -73.7% (noisy3),
# with 6 / 5 / 4 / 6 of 267 noisy3 documents worse and the same four reworded
# words taken; the seeds and the no-leak tests hold for all.
EDITORIAL_PRIOR = (0.05, 500)
# A sibling is taken for a second scan of our print (its readings stand on
# their own, and no editor explains them: see posterior) when it has OCR
# errors of its own (noise above CLEAN_NOISE), no text of its own around the
# story (at most SCAN_UNSHARED_UNITS units that align nowhere with ours: a
# speck line, a page header; an edition has its headline, boilerplate or
# paragraphs), and no more differences that look like rewording than garbles
# make by chance: SCAN_EDITS, or SCAN_GARBLE_RATE per aligned unit per unit of
# the two copies' summed noise (a heavy scan read against a medium one shows
# 3 to 10 known words for known words, far apart, in 700 units). Before, a
# copy was a scan only with no such difference at all, and a second scan with
# one garble passed for an edited copy. On the bench's Tesseract set (ref
# task) CER -83.5% -> -86.7%, noisy3 -88.3% -> -89.9%, clean text against a
# heavy scan 439 -> 428 characters changed, words of the edited copies'
# rewording taken 4 -> 2; SCAN_EDITS 0 / 1 / 2 gave ref -86.6 / -86.7 / -86.7%.
SCAN_UNSHARED_UNITS = 10
SCAN_EDITS = 1
SCAN_GARBLE_RATE = 0.05
# Quotation marks (as units.key folds them): on which side of a stop they
# stand is house style.
QUOTES = frozenset("'\"")
QUOTE_REACH = 2
WORD_RUN = regex.compile(r"\S+")
# A known word a copy puts for a known word of ours more than two arbitrary
# edits away may be its rewording: :func:`keep_our_words` offers our word back.
KEPT_WORD_COST = 4.7
LINE_BREAK = regex.compile(r"[^\S\n]*\n\s*")
# Marks whose spacing is house style (keys, as units.key gives them).
DASHES = frozenset("-\u2010")
# Marks after which a capital is no slip.
SENTENCE_OPENERS = frozenset(".!?:;\"'\u201c\u2018(\u2014\u2013-")


@dataclass(frozen=True, slots=True)
class Sibling:
    """Another copy of the text, ready to align: evidence only, never changed."""

    name: str
    text: str
    units: tuple[Unit, ...]
    noise: float  # its estimated share of OCR errors (see model.DocStats)
    shingles: Shingles  # its word trigrams, to tell related texts
    recurring: frozenset[str]  # case-folded words it has more than once


def make_sibling(name: str, text: str, model: Model) -> Sibling:
    """Prepare ``text`` (called ``name`` in reports) to serve as a sibling."""
    units = units_of(text)
    stats = document_stats(tokenize(text), model)
    return Sibling(name, text, units, stats.noise, shingles(text), stats.recurring)


@dataclass(frozen=True, slots=True)
class Vote:
    """One sibling's reading of one span of ours."""

    span: tuple[int, int]
    reading: str
    sibling: Sibling
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class View:
    """What one sibling says of the document: where it reads the same, where
    otherwise (votes in text order, not overlapping), how often it differs as
    an editor would, and whether it is a second scan of our print."""

    sibling: Sibling
    same: frozenset[int]  # indices of our units it reads alike
    votes: tuple[Vote, ...]
    editorial: float
    scan: bool

    def reading(self, doc: Doc, span: tuple[int, int], starts: Sequence[int]) -> Said | None:
        """Its reading of ``span``: our text with its votes inside the span put in,
        if it reads the rest alike (``starts``: our units' offsets); else None."""
        first = bisect.bisect_left(self.votes, span[0], key=lambda v: v.span[0])
        inside = []
        for vote in self.votes[first:]:
            if vote.span[0] >= span[1]:
                break
            if vote.span[1] > span[1]:
                return None  # it reads a longer stretch otherwise
            inside.append(vote)
        if first > 0 and self.votes[first - 1].span[1] > span[0]:
            return None
        pieces, position = [], span[0]
        for next_vote in (*inside, None):
            gap_end = next_vote.span[0] if next_vote is not None else span[1]
            gap = range(bisect.bisect_left(starts, position), bisect.bisect_left(starts, gap_end))
            if not all(k in self.same for k in gap):
                return None
            pieces.append(doc.text[position:gap_end])
            if next_vote is not None:
                pieces.append(next_vote.reading)
                position = next_vote.span[1]
        witness = Witness("".join(pieces), self.sibling.noise, self.editorial, self.scan)
        return Said(witness, tuple(v.evidence for v in inside))


@dataclass(frozen=True, slots=True)
class Said:
    """A sibling's reading of a span, and where in the sibling it stands."""

    witness: Witness
    evidence: tuple[Evidence, ...]


def view_of(doc: Doc, mine: Sequence[Unit], sibling: Sibling) -> View:
    """Align ``sibling`` with the document and collect its readings."""
    same: set[int] = set()
    votes: list[Vote] = []
    aligned = editorial = 0
    blocks = align([u.key for u in mine], [u.key for u in sibling.units])
    previous: Block | None = None
    untransposed = _untransposed(blocks, mine, sibling.units)
    for block in _merged(_bridged(list(untransposed), mine, sibling.units)):
        after_replace = previous is not None and previous.tag == "replace"
        previous = block
        aligned += max(block.a_end - block.a_start, block.b_end - block.b_start)
        if block.tag == "equal":
            same.update(range(block.a_start, block.a_end))
            votes.extend(_spacing_votes(doc, mine, sibling, block, after_replace))
            votes.extend(_case_votes(doc, mine, sibling, block))
            continue
        editorial += _editorial_units(doc, mine, sibling, block)
        vote = _vote(doc, mine, sibling, block)
        if vote is not None:
            votes.append(vote)
    kept: list[Vote] = []
    for vote in sorted(votes, key=lambda v: v.span):
        if not kept or vote.span[0] >= kept[-1].span[1]:
            kept.append(vote)
    k, n = EDITORIAL_PRIOR
    unshared = len(sibling.units) - sum(b.b_end - b.b_start for b in blocks)
    scan = _scan(doc, sibling, editorial, aligned, unshared)
    return View(sibling, frozenset(same), tuple(kept), (editorial + k) / (aligned + n), scan)


def _scan(doc: Doc, sibling: Sibling, edits: int, aligned: int, unshared: int) -> bool:
    """Is ``sibling`` a second scan of our print (see CLEAN_NOISE), given its
    units that look edited, the units aligned and its units that align nowhere?"""
    garbles = SCAN_GARBLE_RATE * (sibling.noise + doc.stats.noise) * aligned
    return (
        sibling.noise > CLEAN_NOISE
        and unshared <= SCAN_UNSHARED_UNITS
        and edits <= max(SCAN_EDITS, garbles)
    )


def _spacing_votes(
    doc: Doc, mine: Sequence[Unit], sibling: Sibling, block: Block, after_replace: bool
) -> Iterator[Vote]:
    """Where equal units meet a mark, a space we have and the sibling lacks, or
    the other way ("station ." for "station.", "end.The" for "end. The").
    Line breaks and dashes are layout and house style, not readings."""
    first = block.a_start + (0 if after_replace else 1)
    for k in range(first, block.a_end):  # from where a misread run meets the block
        j = block.b_start + (k - block.a_start)
        before, after = mine[k - 1], mine[k]
        if TokenKind.PUNCT not in (before.kind, after.kind):
            continue
        ours = doc.text[before.end : after.start]
        theirs = sibling.text[sibling.units[j - 1].end : sibling.units[j].start]
        if (before.key in DASHES or after.key in DASHES) and not _lopsided_hyphen(
            doc.text, mine, k, sibling, j
        ):
            continue
        if bool(ours) == bool(theirs) or "\n" in ours + theirs or (ours + theirs).strip():
            continue
        gap = " " if theirs else ""
        where = Evidence(sibling.name, sibling.units[j - 1].start, sibling.units[j].end)
        # The vote spans the gap and the mark, not the word, which a vote of
        # its own may correct ("count ." for "court.").
        if after.kind is TokenKind.PUNCT:
            yield Vote(
                (before.end, after.end), gap + doc.text[after.start : after.end], sibling, where
            )
        else:
            yield Vote(
                (before.start, after.start),
                doc.text[before.start : before.end] + gap,
                sibling,
                where,
            )


def _lopsided_hyphen(text: str, mine: Sequence[Unit], k: int, sibling: Sibling, j: int) -> bool:
    """Is the dash beside the gap before unit ``k`` of ours spaced on one side only
    ("x- y", "x -y": no house style spaces a dash so) where the copy's, unit
    ``j``'s neighbour, is spaced on neither side ("x-y")?"""
    dash = k - 1 if mine[k - 1].key in DASHES else k
    theirs = j - 1 if dash == k - 1 else j
    if not (0 < dash < len(mine) - 1 and 0 < theirs < len(sibling.units) - 1):
        return False
    our_gaps = (
        text[mine[dash - 1].end : mine[dash].start],
        text[mine[dash].end : mine[dash + 1].start],
    )
    their_gaps = (
        sibling.text[sibling.units[theirs - 1].end : sibling.units[theirs].start],
        sibling.text[sibling.units[theirs].end : sibling.units[theirs + 1].start],
    )
    return their_gaps == ("", "") and sorted(our_gaps) == ["", " "]


def _case_votes(doc: Doc, mine: Sequence[Unit], sibling: Sibling, block: Block) -> Iterator[Vote]:
    """Equal words whose first letter alone differs in case ("In" for "in" inside a
    sentence, "john" for "John"): OCR's slip, or the copy's. Whole words in
    capitals, and a capital where a sentence may start (in either copy), are
    house style or wording."""
    for k in range(block.a_start, block.a_end):
        unit = mine[k]
        if unit.kind is not TokenKind.WORD:
            continue
        theirs = sibling.units[block.b_start + (k - block.a_start)]
        ours_text = doc.text[unit.start : unit.end]
        their_text = sibling.text[theirs.start : theirs.end]
        if (
            ours_text == their_text
            or ours_text[1:] != their_text[1:]
            or not ours_text[1:].islower()
        ):
            continue
        if ours_text[0].isupper() and _may_start_sentence(doc.text, unit.start):
            continue
        if their_text[0].isupper() and _may_start_sentence(sibling.text, theirs.start):
            continue  # the copy starts a sentence there (its own wording)
        where = Evidence(sibling.name, theirs.start, theirs.end)
        yield Vote((unit.start, unit.end), their_text, sibling, where)


def _may_start_sentence(text: str, start: int) -> bool:
    """Could a sentence (or a heading, or a quotation) start at ``start``?"""
    before = text[:start].rstrip(" ")
    return not before or before[-1] in SENTENCE_OPENERS or before.endswith("\n\n")


def _editorial_units(doc: Doc, mine: Sequence[Unit], sibling: Sibling, block: Block) -> int:
    """How many units of ``block`` look edited rather than misread: known words
    replaced by known words that OCR would hardly confuse ("said" -> "stated")."""
    ours = [doc.text[u.start : u.end] for u in mine[block.a_start : block.a_end]]
    theirs = [sibling.text[u.start : u.end] for u in sibling.units[block.b_start : block.b_end]]
    if not (_all_known_words(doc, ours) and _all_known_words(doc, theirs)):
        return 0
    if ocr_cost(" ".join(theirs), " ".join(ours)) <= EDITORIAL_COST:
        return 0
    return max(len(ours), len(theirs))


def _all_known_words(doc: Doc, texts: Sequence[str]) -> bool:
    """Are ``texts`` words (at least one, no marks), all of them known?"""
    return bool(texts) and all(any(c.isalnum() for c in t) and doc.model.is_known(t) for t in texts)


def _untransposed(
    blocks: Sequence[Block], mine: Sequence[Unit], theirs: Sequence[Unit]
) -> Iterator[Block]:
    """``blocks``, with a quote put on the other side of a stop or comma read as
    equal: that is house style (`Nations".` for `Nations.”`), not a reading."""
    for block in blocks:
        if block.tag != "equal" and _quote_moved(block, mine, theirs):
            yield Block("equal", block.a_start, block.a_end, block.b_start, block.b_end)
        else:
            yield block


def _quote_moved(block: Block, mine: Sequence[Unit], theirs: Sequence[Unit]) -> bool:
    """Does ``block`` differ only by quotes that the other side has within QUOTE_REACH units?"""
    ours = mine[block.a_start : block.a_end]
    other = theirs[block.b_start : block.b_end]
    if not all(u.kind is TokenKind.PUNCT for u in (*ours, *other)):
        return False
    lost = Counter(u.key for u in ours) - Counter(u.key for u in other)
    found = Counter(u.key for u in other) - Counter(u.key for u in ours)
    if not (lost or found) or any(k not in QUOTES for k in (*lost, *found)):
        return False
    near_theirs = {
        u.key for u in theirs[max(0, block.b_start - QUOTE_REACH) : block.b_end + QUOTE_REACH]
    }
    near_mine = {
        u.key for u in mine[max(0, block.a_start - QUOTE_REACH) : block.a_end + QUOTE_REACH]
    }
    return all(k in near_theirs for k in lost) and all(k in near_mine for k in found)


def _bridged(blocks: list[Block], mine: Sequence[Unit], theirs: Sequence[Unit]) -> list[Block]:
    """``blocks`` with a single mark both read alike between two differences
    made part of them where a word moved across it ("trom - delirium" against
    "from fever-"): one difference, judged whole, not a word added on one
    side of the mark and dropped on the other."""
    out = list(blocks)
    for k in range(1, len(out) - 1):
        block = out[k]
        if (
            block.tag == "equal"
            and block.a_end - block.a_start == 1
            and mine[block.a_start].kind is TokenKind.PUNCT
            and out[k - 1].tag != "equal"
            and out[k + 1].tag != "equal"
            and _moved_word(_run(out, k, -1), _run(out, k, 1), mine, theirs)
        ):
            out[k] = Block("replace", block.a_start, block.a_end, block.b_start, block.b_end)
    return out


def _run(blocks: Sequence[Block], k: int, step: int) -> Block:
    """The differences next to ``blocks[k]`` (before it for ``step`` -1), as one block."""
    j = k + step
    while 0 <= j + step < len(blocks) and blocks[j + step].tag != "equal":
        j += step
    first, last = (blocks[j], blocks[k - 1]) if step < 0 else (blocks[k + 1], blocks[j])
    return Block("replace", first.a_start, last.a_end, first.b_start, last.b_end)


def _moved_word(before: Block, after: Block, mine: Sequence[Unit], theirs: Sequence[Unit]) -> bool:
    """Does a word that one side has in ``before`` stand in the other's ``after``, or back?"""

    def words(units: Sequence[Unit]) -> set[str]:
        return {u.key for u in units if u.kind is TokenKind.WORD}

    ours_before = words(mine[before.a_start : before.a_end])
    ours_after = words(mine[after.a_start : after.a_end])
    theirs_before = words(theirs[before.b_start : before.b_end])
    theirs_after = words(theirs[after.b_start : after.b_end])
    return bool(ours_before & theirs_after or ours_after & theirs_before)


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
        elif pending is None or (pending.a_end, pending.b_end) != (block.a_start, block.b_start):
            if pending is not None:
                yield pending  # not contiguous in the sibling: another passage
            pending = block
        else:
            a0, b0 = pending.a_start, pending.b_start
            a1, b1 = block.a_end, block.b_end
            tag: Tag = "insert" if a0 == a1 else "delete" if b0 == b1 else "replace"
            pending = Block(tag, a0, a1, b0, b1)
    if pending is not None:
        yield pending


def _vote(doc: Doc, mine: Sequence[Unit], sibling: Sibling, block: Block) -> Vote | None:
    """The sibling's reading of our units in ``block``, if it may be a misreading of ours.

    A word the sibling has and we lack is read as our preceding word plus it
    ("in the" where we have "in"). Numbers, URLs and e-mail addresses never
    count, nor does a reading that brings in a word we do not know.
    """
    a0, a1, b0, b1 = block.a_start, block.a_end, block.b_start, block.b_end
    inserted = a0 == a1
    if inserted and not _sentence_completed(doc, mine, sibling, block):
        return None
    if inserted and a0 == 0:
        return _lost_opening(doc, mine[0], sibling, sibling.units[b0:b1])
    if inserted:
        a0 -= 1  # attach the sibling's extra words (or marks) to our unit before them
    if a1 - a0 > MAX_DIFF_UNITS or b1 - b0 > MAX_DIFF_UNITS:
        return None
    ours, theirs = mine[a0:a1], _without_stray_edges(sibling.text, sibling.units[b0:b1])
    lost_line = _lost_line(ours, theirs, inserted)
    if any(
        u.kind in NEVER_TAKEN and not (lost_line and u.kind is TokenKind.NUMBER) for u in theirs
    ) or any(u.kind in NEVER_TAKEN and not _stray_digits(u) for u in ours):
        return None
    start, end = ours[0].start, ours[-1].end
    lead = ""
    if not inserted and theirs and a0 > 0 and b0 > 0:
        # The copy joins what we space ("x-y" where we read "x y"): our space
        # is part of the misreading; or it spaces what we join ("the-garclens"
        # for "the gardens"): its space is part of the reading.
        their_gap = sibling.text[sibling.units[b0 - 1].end : theirs[0].start]
        our_gap = doc.text[mine[a0 - 1].end : start]
        if not their_gap and our_gap and not our_gap.strip():
            start = mine[a0 - 1].end
        elif their_gap and not our_gap:
            lead = " "
    if not theirs and _prose(doc, ours):
        return None
    if not inserted and not theirs and a0 > 0 and a1 < len(mine) and 0 < b0 < len(sibling.units):
        # Units the copy lacks: what it has between their neighbours stands
        # for all we have there (but a line break of ours stays).
        start, end = mine[a0 - 1].end, mine[a1].start
        their_gap = sibling.text[sibling.units[b0 - 1].end : sibling.units[b0].start]
        reading = _gap_reading(doc.text[start:end]) if their_gap else ""
    else:
        extra = " ".join(sibling.text[theirs[0].start : theirs[-1].end].split()) if theirs else ""
        lost_marks = inserted and all(u.kind is TokenKind.PUNCT for u in theirs)
        # A lost mark joins our unit ("St" -> "St."); lost words follow it after a space.
        observed = doc.text[start:end]
        reading = (
            observed + extra if lost_marks else f"{observed} {extra}" if inserted else lead + extra
        )
        # The copy spaces what follows its reading; we read it joined.
        spaced = bool(theirs) and _spaced_after(sibling.text, theirs[-1].end)
        if not inserted and spaced and end < len(doc.text) and not _spaced_after(doc.text, end):
            reading += " "
        elif _joins_next(sibling, theirs, b1) and a1 < len(mine):
            # The copy's mark holds on to what follows ("x-y" where we read
            # "x y", "x: y" or "x:" at a line's end): our space or line break
            # is part of the misreading, as a line-end hyphen's is.
            gap = doc.text[end : mine[a1].start]
            if gap and not gap.strip() and "\n\n" not in gap:
                end = mine[a1].start
    if not inserted and "".join(u.key for u in ours) == "".join(u.key for u in theirs):
        return None  # case, quotation style or spacing only
    observed = doc.text[start:end]
    if len(ours) == 1 and _stray_digits(ours[0]) and ocr_cost(reading, observed) > STRAY_DIGIT_COST:
        return None  # "2" for "two" is a style, not a misreading
    if theirs:
        where = Evidence(sibling.name, theirs[0].start, theirs[-1].end)
    else:  # the sibling lacks our marks: point between its neighbouring units
        at = sibling.units[b0 - 1].end if b0 else 0
        where = Evidence(sibling.name, at, at)
    return Vote((start, end), reading, sibling, where)


def _sentence_completed(doc: Doc, mine: Sequence[Unit], sibling: Sibling, block: Block) -> bool:
    """Is an insert at an end of our text (see align._sentence_finished and
    _sentence_begun) the rest of a sentence we hold in part, not the copy's
    boilerplate? At our end its first word is in lower case; at our start,
    ours is and its first is capitalized. Any other insert: True."""
    if 0 < block.a_start < len(mine):
        return True

    def first_letter(text: str, unit: Unit) -> str:
        return text[unit.start : unit.start + 1]

    theirs = first_letter(sibling.text, sibling.units[block.b_start])
    if block.a_start == len(mine):
        return theirs.islower()
    return theirs.isupper() and first_letter(doc.text, mine[0]).islower()


def _lost_opening(doc: Doc, first: Unit, sibling: Sibling, theirs: Sequence[Unit]) -> Vote | None:
    """The copy's words before our first (a line our OCR lost), put before it."""
    if len(theirs) > MAX_DIFF_UNITS or any(u.kind in NEVER_TAKEN for u in theirs):
        return None
    extra = " ".join(sibling.text[theirs[0].start : theirs[-1].end].split())
    reading = f"{extra} {doc.text[first.start : first.end]}"
    where = Evidence(sibling.name, theirs[0].start, theirs[-1].end)
    return Vote((first.start, first.end), reading, sibling, where)


def _prose(doc: Doc, units: Sequence[Unit]) -> bool:
    """Do ``units`` hold at least DROPPED_PROSE_WORDS words the lexicon knows?"""
    texts = (doc.text[u.start : u.end] for u in units if u.kind is TokenKind.WORD)
    return sum(len(t) > 1 and doc.model.is_known(t) for t in texts) >= DROPPED_PROSE_WORDS


def _joins_next(sibling: Sibling, theirs: Sequence[Unit], b1: int) -> bool:
    """Does the sibling's reading end in a mark with its next unit right after it?"""
    return (
        bool(theirs)
        and theirs[-1].kind is TokenKind.PUNCT
        and b1 < len(sibling.units)
        and sibling.units[b1].start == theirs[-1].end
    )


def _spaced_after(text: str, at: int) -> bool:
    """Is there white space at ``at`` in ``text``?"""
    return text[at : at + 1].isspace()


def _gap_reading(gap: str) -> str:
    """White space to leave where units are dropped from ``gap``: its line break
    (with the blank lines around it) if it has one, else a space."""
    found = LINE_BREAK.search(gap)
    return found.group() if found else " "


def _lost_line(ours: Sequence[Unit], theirs: Sequence[Unit], inserted: bool) -> bool:
    """Do the copy's units stand for a passage our OCR lost (we have nothing but
    marks or specks there, and it has at least LOST_LINE_WORDS words)? Its
    numbers there are taken with the passage, not as facts of their own."""
    lost = inserted or all(u.kind is TokenKind.PUNCT or _stray_digits(u) for u in ours)
    return lost and sum(u.kind is TokenKind.WORD for u in theirs) >= LOST_LINE_WORDS


def _without_stray_edges(text: str, units: Sequence[Unit]) -> Sequence[Unit]:
    """``units`` (of ``text``) without the specks at their ends: stray digits
    (a blot read "7" after a line) and, last, a mark standing alone before a
    line break ("Morton to :"); unless nothing else is left: a copy's noise
    is no reading."""
    lo, hi = 0, len(units)
    while lo < hi and _stray_digits(units[lo]):
        lo += 1
    while hi > lo and (_stray_digits(units[hi - 1]) or _lone_mark(text, units[hi - 1])):
        hi -= 1
    return units[lo:hi] if lo < hi else units


def _lone_mark(text: str, unit: Unit) -> bool:
    """Is ``unit`` a mark spaced from the word before it, ending its line?"""
    return (
        unit.kind is TokenKind.PUNCT
        and text[unit.start - 1 : unit.start] in (" ", "\t")
        and text[unit.end : unit.end + 1] in ("", "\n")
    )


def _stray_digits(unit: Unit) -> bool:
    """Is ``unit`` a digit or two, which OCR makes of specks and of letters
    ("7" for a blot, "4" for "a")? A copy may show what stood there."""
    return (
        unit.kind is TokenKind.NUMBER and len(unit.key) <= MAX_STRAY_DIGITS and unit.key.isdigit()
    )


def keep_our_words(model: Model, ours: str, reading: str) -> str:
    """``reading`` with each word that replaces a known word of ``ours`` by another
    known word OCR would hardly confuse with it ("around" for "about") put back
    as ours; its spacing and line breaks kept.

    >>> from ocrfix.model import load_model
    >>> keep_our_words(load_model("en"), "at about halfpast nlne", "at around half-past nine")
    'at about half-past nine'
    """
    mine = ours.split()
    theirs = list(WORD_RUN.finditer(reading))
    pieces: list[str] = []
    position = 0
    ops = Levenshtein.opcodes([w.casefold() for w in mine], [m.group().casefold() for m in theirs])
    for op in ops:
        if op.tag != "replace" or op.src_end - op.src_start != op.dest_end - op.dest_start:
            continue
        for i, j in zip(
            range(op.src_start, op.src_end), range(op.dest_start, op.dest_end), strict=True
        ):
            word, other = mine[i].strip(EDGE_MARKS), theirs[j].group().strip(EDGE_MARKS)
            if (
                word
                and other
                and model.is_known(word)
                and model.is_known(other)
                and ocr_cost(other, word) > KEPT_WORD_COST
            ):
                found = theirs[j]
                pieces.append(reading[position : found.start()])
                pieces.append(found.group().replace(other, word))
                position = found.end()
    pieces.append(reading[position:])
    return "".join(pieces)
