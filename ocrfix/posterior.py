"""Which reading of a span is right, given every copy's reading of it.

Each copy of a text (the document itself and each sibling) is a witness: it
reads the true text right with probability ``1 - noise``; otherwise it shows
an OCR misreading, whose chance falls with its channel cost, or, in an edited
copy, an editorial change. The truth itself is scored by the language model.
So a reading wins when the copies that show it are cleaner, more numerous or
more surely independent than those that do not, and when it makes better
text; a rewording loses because an editor, not OCR, explains it.

All scores are log10. This is the model of a noisy channel with several
receivers (as in Lund & Ringger's multiple-OCR alignment): it needs no
threshold on how unlike two readings may be.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz.distance import Levenshtein

from ocrfix.confusions import channel_cost
from ocrfix.model import Model
from ocrfix.units import SPECK_LENGTH, form

# A word the lexicon does not know: a capitalized one is likely a name, about
# as likely as a Zipf-1 word; a lowercase one is rarer still (Zipf 0). One
# that recurs in a witness is more likely a name than a misreading (Zipf 3).
UNKNOWN_NAME_ZIPF = 1.0
UNKNOWN_ZIPF = 0.0
RECURRING_ZIPF = 3.0
# Marks, like words, by how often they occur among the tokens of English
# prose (log10, rounded): stops and commas are as common as "of"; anything
# not listed is a speck or a symbol, rare in print.
MARK_LOG_P = {
    ".": -1.3, ",": -1.3,
    "'": -2.0, '"': -2.0, "-": -2.0, "\u2018": -2.0, "\u2019": -2.0, "\u201c": -2.0,
    "\u201d": -2.0, "\u2013": -2.0, "\u2014": -2.0, "\u2010": -2.0,
    ";": -2.5, ":": -2.5, "(": -2.5, ")": -2.5, "!": -2.5, "?": -2.5,
}  # fmt: skip
ODD_MARK_LOG_P = -3.5
# A mark right after the same mark (". ." at a paragraph's end, ",,"): print
# has it only in an ellipsis.
REPEATED_MARK_LOG_P = -2.0
# A paragraph of prose ends with a stop (or a colon, a closing quote or
# bracket); one that ends without is rare outside headings.
UNSTOPPED_PARAGRAPH_LOG_P = -2.0
# A sentence that starts with no stop before it ("placed the man in The
# chief mate"): a lost line's trace. Words this common in lower case are
# capitalized only where a sentence (or a title) starts.
UNSTOPPED_SENTENCE_LOG_P = -3.0
SENTENCE_STARTER_ZIPF = 6.0
SENTENCE_STOPS = frozenset(".!?:;")
PARAGRAPH_ENDINGS = frozenset(".!?:;\"'\u201d\u2019)]")
# A copy's noise (see model.DocStats) counts its unknown lowercase words;
# OCR also makes real words, misreads names and loses words: several times as
# many errors in all. The token error rates of the bench's Tesseract witnesses
# were 4.6-6.7 times their noise, counting slips of marks that MARK_COST
# prices apart; on its ref task 2 / 3 / 4 gave CER -77.7 / -77.9 / -78.0%.
ERRORS_PER_NON_WORD = 3.0
MAX_ERROR_RATE = 0.5
# OCR's cost for a mark lost, added or confused (its commonest slip).
MARK_COST = 0.5
# OCR drops whole words and lines (a faint or skewed line): a run of lost
# words costs this once, plus a little per word. Differences of up to this
# many words are aligned word by word.
LOST_RUN_COST = 2.0
LOST_WORD_COST = 0.3
MAX_WORDS_ALIGNED = 40
# The word alignment visits only cells within this many words of the
# diagonal, beyond the passages' difference in number of words.
WORD_BAND = 4
# Specks and smudges are read as short words or marks ("at By", "_"): a run
# of them costs ADDED_RUN_COST once, plus ADDED_CHAR_COST for each of a
# word's first units.SPECK_LENGTH characters; a longer added word is as
# unlikely as any string (a thirtieth per character), so a passage is no
# misreading.
ADDED_RUN_COST = 2.0
ADDED_CHAR_COST = 0.5
STRING_CHAR_COST = 1.5
# Given that an editor changed the text here, the chance the edit is this
# reading: editors choose among a few synonyms, so it is not small; but few
# replaced words look like misreadings (spelling variants), so for those the
# chance falls by EDIT_LIKENESS_SLOPE (log10) per unit of channel cost below
# EDITORIAL_COST (about three arbitrary edits: "about"/"around" is 6.9).
# Words added or dropped are an editor's daily work. On the bench's Tesseract
# set (ref task) EDITORIAL_COST 5 / 6 / 7 gave CER -66.0 / -66.5 / -67.2%,
# the same four reworded words taken (all inside garbled runs) and no change
# on clean text.
EDIT_SPECIFICITY = 0.1
EDITORIAL_COST = 7.0
EDIT_LIKENESS_SLOPE = 0.5
# A second scan of the print (see model.CLEAN_NOISE) copies no one's edit,
# and its agreement with another copy is evidence of its own, also where our
# reading is too garbled for a misreading of it to explain theirs (a heavy
# scan's "gcnerorsity" where two copies read "generosity": on the bench's
# Tesseract set, ref CER -80.2% -> -81.0%, noisy3 -84.8% -> -85.4%, clean text
# against a heavy scan unchanged). Nor is it edited at all: where it differs
# from the truth, OCR did it, so its reading is weighed as a misreading only
# (a line only it kept was otherwise explained away as its editor's addition:
# ref -81.1% -> -83.0%, noisy3 -85.6% -> -87.5%, clean text against a heavy
# scan 478 -> 435 characters changed). Clean copies (web text, wire reprints)
# and edited ones may descend from one edited version.

PIECES = regex.compile(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'\u2019]*|[^\s\p{L}\p{M}\p{N}]")
WORD_CHARS = regex.compile(r"[\p{L}\p{M}\p{N}]")


@dataclass(frozen=True, slots=True)
class Witness:
    """One copy's reading of a span.

    noise: the copy's share of OCR errors per word.
    editorial: its rate of editorial changes per word (0 for the document itself).
    scan: it is a second scan of our print (see model.CLEAN_NOISE): no editor.
    """

    reading: str
    noise: float
    editorial: float
    scan: bool = False


def ocr_cost(truth: str, read: str) -> float:
    """-log10 of the chance that OCR of ``truth`` shows ``read``, given an error:
    the channel cost of the letters and spaces, plus MARK_COST per mark changed;
    or, word by word, those costs for words misread and LOST_RUN_COST plus
    LOST_WORD_COST per word for runs of words lost (a line OCR dropped).

    >>> ocr_cost("the end.", "tbe end")
    1.5
    >>> round(ocr_cost("came upon the scene and", "came and"), 1)
    2.9
    """
    if form(truth) == form(read):
        return 0.0
    return _cost(truth, read)


@lru_cache(maxsize=1 << 16)
def _cost(truth: str, read: str) -> float:
    whole = _piece_cost(truth, read) or MARK_COST  # 0: only spacing around marks differs
    ts, rs = truth.split(), read.split()
    if len(ts) == len(rs) or max(len(ts), len(rs)) > MAX_WORDS_ALIGNED:
        return whole
    return min(whole, _word_cost(ts, rs))


@lru_cache(maxsize=1 << 16)
def _piece_cost(truth: str, read: str) -> float:
    """Letters priced by the hand-made confusion table alone (the constants
    that tell a rewording from a misreading were measured on its scale; the
    learned table, taken from heavy Tesseract noise as well, prices rewordings
    such as "said"/"stated" nearly as misreadings), plus MARK_COST a mark."""
    letters_t, marks_t = _split_marks(truth)
    letters_r, marks_r = _split_marks(read)
    letters = channel_cost(letters_t, letters_r, learned=False)
    return letters + MARK_COST * Levenshtein.distance(marks_t, marks_r)


def _word_cost(ts: Sequence[str], rs: Sequence[str]) -> float:
    """Word-level channel cost of reading ``rs`` for ``ts``: words misread,
    runs of words lost (LOST_RUN_COST once, LOST_WORD_COST each) and runs of
    specks read as words (ADDED_RUN_COST once, ADDED_CHAR_COST a character)."""
    inf = float("inf")
    n, m = len(ts), len(rs)
    # kept / lost / added [i][j]: cost of ts[:i] read as rs[:j], the last step
    # a truth word read (misread or not) / a truth word lost / a word added.
    kept = [[inf] * (m + 1) for _ in range(n + 1)]
    lost = [[inf] * (m + 1) for _ in range(n + 1)]
    added = [[inf] * (m + 1) for _ in range(n + 1)]
    kept[0][0] = 0.0
    # Words lost or added put the two out of step by at most their difference
    # in number; misreadings keep them in step. Cells further off the diagonal
    # than that and WORD_BAND more are not visited.
    band = abs(n - m) + WORD_BAND
    for i in range(n + 1):
        centre = i * m // n if n else 0
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            best = min(kept[i][j], lost[i][j], added[i][j])
            if best == inf:
                continue
            if i < n:
                run = min(lost[i][j] + LOST_WORD_COST, best + LOST_RUN_COST + LOST_WORD_COST)
                lost[i + 1][j] = min(lost[i + 1][j], run)
            if j < m:
                speck = _added_cost(rs[j])
                run = min(added[i][j] + speck, best + ADDED_RUN_COST + speck)
                added[i][j + 1] = min(added[i][j + 1], run)
            if i < n and j < m:
                kept[i + 1][j + 1] = min(kept[i + 1][j + 1], best + _piece_cost(ts[i], rs[j]))
    return min(kept[n][m], lost[n][m], added[n][m])


def _added_cost(word: str) -> float:
    """OCR's cost for reading ``word`` where nothing was printed."""
    short = min(len(word), SPECK_LENGTH)
    return ADDED_CHAR_COST * short + STRING_CHAR_COST * (len(word) - short)


def _split_marks(text: str) -> tuple[str, str]:
    """``text``'s letters, digits and single spaces, and its marks, apart."""
    letters = " ".join("".join(c for c in w if WORD_CHARS.match(c)) for w in text.split())
    marks = "".join(c for c in text if not c.isspace() and not WORD_CHARS.match(c))
    return " ".join(letters.split()), marks


def log_likelihood(witnesses: Sequence[Witness], truth: str, written: float = 0.0) -> float:
    """log10 P(the witnesses all show their common reading | the text is ``truth``).

    Each may have misread the truth on its own; but if they show an edit, it
    is more likely one edit they all copy (a reworded version reprinted) than
    an edit each made alike, so the editorial chance counts once, at the
    lowest editorial rate among them (all must descend from the edited copy).
    ``written``: the language model's score of the reading over the truth's.
    An editor who adds a sentence wrote it, and any sentence is unlikely: the
    words a reading adds cost that score, or their share of it where the
    reading also replaces words (a rewording is judged as a rewording).
    """
    reading = witnesses[0].reading
    if form(reading) == form(truth):
        return sum(math.log10(1 - _error_rate(w)) for w in witnesses)
    cost = ocr_cost(truth, reading)
    misread = sum(math.log10(_error_rate(w)) - cost for w in witnesses)
    likeness = math.log10(EDIT_SPECIFICITY)
    if len(reading.split()) == len(truth.split()):  # words replaced, not added or dropped
        likeness -= EDIT_LIKENESS_SLOPE * max(0.0, EDITORIAL_COST - cost)
    elif (extra := len(reading.split()) - len(truth.split())) > 0:
        share = 1.0 if _adds_only(truth, reading) else extra / len(reading.split())
        likeness += min(0.0, written) * share
    editorial = min(w.editorial for w in witnesses)
    edited = math.log10(editorial) + likeness if editorial > 0 else -math.inf
    return _log_sum(misread, edited)


def _log_sum(x: float, y: float) -> float:
    """log10(10**x + 10**y), without underflow."""
    high, low = max(x, y), min(x, y)
    return high + math.log10(1 + 10 ** (low - high)) if low > -math.inf else high


def _error_rate(witness: Witness) -> float:
    """The witness's chance of any OCR error in a span: its noise counts only
    the errors that make non-words, a fraction of all."""
    return min(MAX_ERROR_RATE, witness.noise * ERRORS_PER_NON_WORD)


def _adds_only(truth: str, reading: str) -> bool:
    """Does ``reading`` keep all of ``truth``'s words, in order?"""
    ops = Levenshtein.opcodes(form(truth).split(), form(reading).split())
    return all(op.tag in ("equal", "insert") for op in ops)


def text_log_prob(
    model: Model,
    text: str,
    left: str | None,
    right: str | None,
    recurring: frozenset[str],
    before: str = "",
    after: str = "",
    paragraph_after: bool = False,
) -> float:
    """log10 language-model score of ``text`` between the words ``left`` and ``right``:
    word frequencies, their bigram fit with each other and the neighbours, and
    the frequencies of its marks, a mark repeated (``before`` and ``after``: the
    marks or letters around the text) being rarer still, and a paragraph that ends
    without a stop (``paragraph_after``: one ends right after the text). ``recurring``: case-folded
    words that recur in a witness (names, mostly)."""
    score = 0.0
    words = []
    previous = before
    pieces = PIECES.findall(text)
    for piece in pieces:
        if WORD_CHARS.match(piece):
            words.append(piece)
            score += _zipf(model, piece, recurring) - 9.0
        else:
            score += MARK_LOG_P.get(piece, ODD_MARK_LOG_P)
            score += REPEATED_MARK_LOG_P if piece == previous else 0.0
        previous = piece
    if after and not WORD_CHARS.match(after) and after == previous != before:
        score += REPEATED_MARK_LOG_P
    if _paragraph_ends_unstopped(text, before, paragraph_after):
        score += UNSTOPPED_PARAGRAPH_LOG_P
    head = [left] if left is not None and WORD_CHARS.match(before or " ") else []
    tail = [right] if right is not None and WORD_CHARS.match(after or " ") else []
    score += UNSTOPPED_SENTENCE_LOG_P * _unstopped_sentences(model, [*head, *pieces, *tail])
    if words:
        score += model.context.inner(words) + model.context.fit(left, " ".join(words), right)
    else:
        score += model.context.join(left, right)
    return score


def _unstopped_sentences(model: Model, pieces: Sequence[str]) -> int:
    """How often in ``pieces`` (words and marks) a sentence seems to start with
    no stop before it: a word in lower case, then (past quotes or dashes, but
    no stop) a capitalized word that is otherwise a common lowercase one
    ("in The chief mate")."""
    found = 0
    last_word: str | None = None
    for piece in pieces:
        if not WORD_CHARS.match(piece):
            if piece in SENTENCE_STOPS:
                last_word = None
            continue
        if last_word is not None and last_word[:1].islower() and _starts_sentence(model, piece):
            found += 1
        last_word = piece
    return found


def _starts_sentence(model: Model, word: str) -> bool:
    """Is ``word`` capitalized though common in lower case (``The``, ``She``;
    not ``I``, nor names)?"""
    return (
        len(word) > 1
        and word[0].isupper()
        and word[1:].islower()
        and model.zipf(word.lower()) >= SENTENCE_STARTER_ZIPF
    )


def _paragraph_ends_unstopped(text: str, before: str, paragraph_after: bool) -> bool:
    """Does a paragraph end in ``text`` (after ``before``, the character preceding
    it), or right after it (``paragraph_after``), with no stop, colon or closing
    quote before the break?"""
    end = text.find("\n\n")
    if end == -1:
        if not paragraph_after:
            return False
        end = len(text)
    last = (before + text[:end]).rstrip()[-1:]
    return bool(last) and last not in PARAGRAPH_ENDINGS


def _zipf(model: Model, word: str, recurring: frozenset[str]) -> float:
    unknown = UNKNOWN_NAME_ZIPF if word[:1].isupper() else UNKNOWN_ZIPF
    if model.is_known(word):
        return max(model.zipf(word), unknown)
    return RECURRING_ZIPF if word.casefold() in recurring else unknown


def posterior(prior: Mapping[str, float], witnesses: Iterable[Witness]) -> dict[str, float]:
    """P(truth = h) for each hypothesis ``h`` of ``prior`` (its log10 language-model
    score), given the witnesses' readings. Copies that may copy one another's
    edit are weighed together by the reading they show; a second scan stands
    alone, and as a scan, with no editor.
    The document itself is the witness with no editorial rate."""
    witnesses = list(witnesses)
    groups: dict[str, list[Witness]] = defaultdict(list)
    alone = []
    for w in witnesses:
        if w.scan:  # where it differs, OCR did it, no editor
            alone.append([Witness(w.reading, w.noise, 0.0)])
        elif w.editorial > 0:
            groups[form(w.reading)].append(w)
        else:
            alone.append([w])
    together = [*alone, *groups.values()]
    by_form = {form(h): p for h, p in prior.items()}

    def written(group: Sequence[Witness], truth: str) -> float:
        reading = by_form.get(form(group[0].reading))
        return 0.0 if reading is None else reading - prior[truth]

    scores = {
        h: p + sum(log_likelihood(g, h, written(g, h)) for g in together) for h, p in prior.items()
    }
    top = max(scores.values())
    weights = {h: 10 ** (s - top) for h, s in scores.items()}
    total = sum(weights.values())
    return {h: w / total for h, w in weights.items()}
