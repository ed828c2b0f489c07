"""Evidence from sibling copies: other versions of the same text.

A web copy, a reprint or a second scan holds the right reading where the OCR
erred, but also its own rewording, boilerplate, dates and URLs. Each sibling
says where it reads the document otherwise (:mod:`ocrfix.copies`).
Overlapping votes of several siblings are judged as one span, each sibling's
reading of it stitched from its votes and the text it reads alike; the
document model's own suggestions inside the span join in.
:mod:`ocrfix.posterior` then weighs every copy as a witness: how clean it is,
how often it differs as an editor would, and how likely each reading is as
text.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

import regex

from ocrfix.copies import SCAN_GARBLE_RATE, Said, Sibling, View, keep_our_words, view_of
from ocrfix.discover import related, shingles
from ocrfix.doc import Doc
from ocrfix.model import CLEAN_NOISE
from ocrfix.posterior import EDITORIAL_COST, Witness, ocr_cost, posterior, text_log_prob
from ocrfix.spans import merge_spans
from ocrfix.types import Candidate, Evidence, Flag, FlagKind, Source, Token, TokenKind
from ocrfix.units import Unit, form, units_of
from ocrfix.words import MAX_CONFIDENCE

# The flags whose reading siblings can confirm or overrule by agreeing with
# the document: a word's spelling, not its layout.
CONFIRMABLE = frozenset({FlagKind.NON_WORD, FlagKind.REAL_WORD, FlagKind.SPACING})
# The rules' flags on marks (not weighed as spans: see CONFIRMABLE) that
# copies veto by all printing the marks as we read them; such a flag stays
# for review at AGREED_CAP.
VETOED_BY_AGREEMENT = frozenset({FlagKind.PUNCTUATION, FlagKind.QUOTE})
AGREED_CAP = 0.5
# A text that shows no OCR noise (see model.CLEAN_NOISE), where the document
# model suspects nothing and no second scan reads otherwise: what an edition
# reads otherwise there, if no misreading explains it (words added, words
# dropped, marks changed), is more likely its own wording than a slip of ours.
# The GNU GPL 2 read against the LGPL 2.1 and the GPL 3 took 11 of their
# phrasings (none with this rule and REWRITTEN). Such readings are offered for
# review at UNSUSPECTED_CAP, not applied.
UNSUSPECTED_CAP = 0.5
# A copy that rewords one unit in a hundred or more of what it shares with us
# (its editorial rate, see copies.EDITORIAL_PRIOR) is another write-up or
# another edition, not a copy of our text: a web copy or a reprint of the
# same story rewords next to nothing (1 in 10,000 for the seeds' web copies;
# the seeds' other write-ups, 4 and 9 in 100; the GNU licences read as copies
# of one another, 5 to 9 in 100). Where the document model suspects nothing,
# even a word it reads otherwise is its own wording ("You" for "you",
# "version" for "versions"), in any text (bln600-tess ref CER -86.7% -> -86.8%).
REWRITTEN = 0.01
# UNCONFIRMED: where the document model suspects something (a lone "2" in
# "GPL-2+", a " ." line), a reading only rewritten copies give is applied
# only if the document model suggests it too; else it is offered for review
# at UNSUSPECTED_CAP. A copy counts as rewritten here by its editorial rate
# less what garbles of the two copies make by chance (copies.SCAN_GARBLE_RATE):
# from a heavy scan, a light one looks reworded. 101 Debian copyright files
# fixed as one folder (related, to discovery, through the licences they
# quote): 955 word changes before; 711 with the rule in clean texts only
# ("GPL-3+" -> "GPL-2", "3)" -> ""), then 599 in any text (with UNBACKED
# below; "GPL-2" -> "Expat", "Apache-2.0" -> "Apache-2"), then 476 with a
# copy's reading with our words kept (copies.keep_our_words) counted as that
# copy's ("SUCH DAMAGE. License:" -> "SUCH) DAMAGE License UNDER"); the
# bench's noisy3 and ref outputs unchanged by each.
# UNBACKED: a reading the document model suggests, which no copy backs (none
# prints its new words, none reads like a misreading of it), is no surer for
# the copies than the document model made it: a copy that reads another name
# there ("Klee Dienes" for our "Ivo Timmermans") raises doubt in our words
# alike for every reading, and must not hand the choice to the copies'
# language model, which prices unknown names and identifiers low ("Ivo" ->
# "two", "util-linux" -> "until-linux"). The same folder: 711 -> 664 word
# changes, all 45 dropped of that kind but two typos of the original; the
# bench's Tesseract ref task 4 characters closer and 7 further, noisy3
# unchanged. Both rules together: 300 Markdown/reST files fixed as one folder,
# 1,707 -> 1,656 word changes ("aws" -> "as", "subnet" -> "subset" gone).
# White space holding a blank line: a paragraph ends before it.
PARAGRAPH_BREAK = regex.compile(r"[^\S\n]*\n[^\S\n]*\n")
# At most this many readings of one span are weighed (the most attested).
MAX_HYPOTHESES = 6
# At most this many copies are weighed, the least noisy: beyond a dozen
# witnesses a reading is settled, while the spans where some copy differs
# run together until every span is a paragraph (100 noisy copies of a
# 3,500-character story took 38 s; 10 took 0.5 s).
MAX_COPIES = 12
# Sibling readings less likely than this are not reported.
MIN_CONFIDENCE = 0.05
WORDS = regex.compile(r"[\p{L}\p{N}]+")
# A reading shown by one copy alone, noisier than the document, and not
# among the document model's own suggestions, is at most this sure: flagged
# for review, not applied. The posterior's language model scores words and
# marks one by one, so it favours fewer and commoner tokens; on its word a
# heavy scan's lost comma or merged words (a hyphened street name read as one
# word) would overrule a clean text. Measured on the bench's Tesseract set, clean text
# corrected against one heavy scan of it: 357 characters changed in 62 of 89
# texts without this rule.
LONE_NOISIER_CAP = 0.5
# Noisier, as estimated from unknown words: this many times the document's
# noise. The same clean texts with NOISIER 2 / 3 / 5: 18 / 42 / 100
# characters changed; the ref task (a medium scan against a heavy one and an
# edited copy) CER -78.5 / -78.7 / -78.8% (-79.4% without the rule).
NOISIER = 3.0


def with_siblings(doc: Doc, flags: Sequence[Flag], siblings: Iterable[Sibling]) -> list[Flag]:
    """``flags`` with the evidence of ``siblings`` weighed in: each span where a
    sibling reads otherwise, or where the document's model suspects a word,
    is judged on every copy's reading of it (:mod:`ocrfix.posterior`).
    Overlapping differences of several siblings are judged as one span."""
    mine = units_of(doc.text)
    own_shingles = shingles(doc.text)
    copies = [s for s in distinct(siblings, doc.text) if related(own_shingles, s.shingles)]
    views = [view_of(doc, mine, s) for s in sorted(copies, key=lambda s: s.noise)[:MAX_COPIES]]
    if not views:
        return list(flags)
    judged = sorted((f for f in flags if f.kind in CONFIRMABLE), key=lambda f: f.start)
    spans = _clusters(
        [v.span for view in views for v in view.votes] + [(f.start, f.end) for f in judged]
    )
    recurring = frozenset().union(doc.stats.recurring, *(v.sibling.recurring for v in views))
    starts = [u.start for u in mine]
    words = [t for t in doc.tokens if t.kind is TokenKind.WORD]
    flag_starts = [f.start for f in judged]
    suspected = _suspected_spans(flags)
    out = {(f.start, f.end): _unless_read_alike(f, views, mine, starts) for f in flags}
    for span in spans:
        said = [r for v in views if (r := v.reading(doc, span, starts)) is not None]
        if not said:
            continue
        lo = bisect.bisect_left(flag_starts, span[0])
        hi = bisect.bisect_left(flag_starts, span[1])
        inner = judged[lo:hi]
        flag = _judge(doc, span, said, inner, words, recurring)
        if flag is not None and (
            _unsuspected(doc, span, said, flag)
            if not suspected(span)
            else _unconfirmed(doc, span, said, flag, inner)
        ):
            flag = _capped(flag, UNSUSPECTED_CAP)
        if flag is not None:
            for f in inner:
                del out[(f.start, f.end)]
            out[span] = flag
    return list(out.values())


def _unless_read_alike(
    flag: Flag, views: Sequence[View], mine: Sequence[Unit], starts: Sequence[int]
) -> Flag:
    """``flag`` (a rule's, on marks) with its suggestions capped at AGREED_CAP where
    every copy reads its marks as we do: a stop that looks stray but that each
    copy prints there is the printer's."""
    if flag.kind not in VETOED_BY_AGREEMENT or flag.best is None:
        return flag
    lo = bisect.bisect_left(starts, flag.start)
    hi = bisect.bisect_left(starts, flag.end)
    marks = [k for k in range(lo, hi) if mine[k].kind is TokenKind.PUNCT]
    if not marks or not all(all(k in view.same for k in marks) for view in views):
        return flag
    return _capped(flag, AGREED_CAP)


def _suspected_spans(flags: Sequence[Flag]) -> Callable[[tuple[int, int]], bool]:
    """A test of whether a span overlaps any of ``flags`` (any kind: a rule's
    stray quote too), answered by bisection."""
    ordered = sorted((f.start, f.end) for f in flags)
    starts = [start for start, _ in ordered]
    reach = list(itertools.accumulate((end for _, end in ordered), max))

    def overlaps(span: tuple[int, int]) -> bool:
        k = bisect.bisect_left(starts, span[1])
        return k > 0 and reach[k - 1] > span[0]

    return overlaps


def _unsuspected(doc: Doc, span: tuple[int, int], said: Sequence[Said], flag: Flag) -> bool:
    """Is ``flag`` a reading only editions give, in a text that shows no OCR
    noise, where the document model suspects nothing, and one no misreading
    explains (see UNSUSPECTED_CAP)? A second scan's reading is OCR's evidence,
    and stands; so does a word read otherwise ("yeast" for "years") and a lone
    character of ours dropped (a speck read as "7"), unless only rewritten
    copies read so (see REWRITTEN)."""
    best = flag.best
    if best is None or any(r.witness.scan for r in said):
        return False
    support = _support(said, best)
    if support and all(w.editorial >= REWRITTEN for w in support):
        return True
    if doc.stats.noise > CLEAN_NOISE:
        return False
    ours = WORDS.findall(doc.text[span[0] : span[1]])
    theirs = WORDS.findall(best.text)
    if len(ours) == len(theirs):
        return ours == theirs  # only marks differ: an edition's punctuation
    dropped = Counter(ours) - Counter(theirs)
    return len(theirs) > len(ours) or any(len(word) > 1 for word in dropped)


def _unconfirmed(
    doc: Doc, span: tuple[int, int], said: Sequence[Said], flag: Flag, inner: Sequence[Flag]
) -> bool:
    """Is ``flag``, where the document model suspects something, a reading
    only rewritten copies give (see REWRITTEN; their garbles discounted) and
    not one the document model suggests itself? A rewritten copy confirms our
    own suspicions; its other readings there are its wording (see UNCONFIRMED)."""
    best = flag.best
    if best is None or any(r.witness.scan for r in said):
        return False
    suggested = {form(text) for text, _ in _spliced(doc, span, inner)}
    support = _support(said, best)
    return (
        form(best.text) not in suggested
        and bool(support)
        and all(
            w.editorial - SCAN_GARBLE_RATE * (w.noise + doc.stats.noise) >= REWRITTEN
            for w in support
        )
    )


def _spliced(
    doc: Doc, span: tuple[int, int], flags: Sequence[Flag]
) -> Iterator[tuple[str, Candidate]]:
    """Each suggestion of ``flags`` (inside ``span``) with the text of ``span`` it makes."""
    start, end = span
    for flag in flags:
        for candidate in flag.suggestions:
            yield (
                doc.text[start : flag.start] + candidate.text + doc.text[flag.end : end],
                candidate,
            )


def _support(said: Sequence[Said], best: Candidate) -> list[Witness]:
    """The copies that read ``best``, or whose reading it is with our words
    kept (see copies.keep_our_words): the same evidence backs both."""
    return [
        r.witness
        for r in said
        if form(r.witness.reading) == form(best.text) or set(r.evidence) & set(best.evidence)
    ]


def _capped(flag: Flag, cap: float) -> Flag:
    """``flag`` with its suggestions no surer than ``cap``: for review."""
    capped = tuple(replace(c, confidence=min(c.confidence, cap)) for c in flag.suggestions)
    return replace(flag, suggestions=capped)


def distinct(siblings: Iterable[Sibling], own: str) -> list[Sibling]:
    """The siblings that read otherwise than ``own`` text and than one another,
    white space aside (the first of each kind kept): two copies that read alike
    word for word (one OCR saved as ALTO and as hOCR, a file copied twice) are
    one witness, not two who agree."""
    seen = {_words_only(own)}
    out = []
    for sibling in siblings:
        key = _words_only(sibling.text)
        if key not in seen:
            seen.add(key)
            out.append(sibling)
    return out


def _words_only(text: str) -> str:
    return " ".join(text.split())


def _clusters(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans merged, in text order: copies that set a
    mark on either side of a break between two units read one place."""
    return merge_spans(spans)


def _judge(
    doc: Doc,
    span: tuple[int, int],
    said: Sequence[Said],
    flags: Sequence[Flag],
    words: Sequence[Token],
    recurring: frozenset[str],
) -> Flag | None:
    """The flag for ``span`` once every copy's reading of it is weighed (None:
    nothing to say). The hypotheses are our text, the siblings' readings and
    the suggestions of the document model's ``flags`` inside the span."""
    start, end = span
    ours = doc.text[start:end]
    # Each reading as the cleanest copy that shows it spells it (quotes, dashes).
    spelled: dict[str, str] = {}
    for r in sorted(said, key=lambda r: r.witness.noise):
        spelled.setdefault(form(r.witness.reading), r.witness.reading)
    readings = Counter(form(r.witness.reading) for r in said)
    hypotheses = {form(ours): ours}
    for reading, _ in readings.most_common(MAX_HYPOTHESES):
        hypotheses.setdefault(reading, spelled[reading])
    # A copy's reading with our own known words kept where it has other known
    # words OCR would hardly have misread (a garbled line in a reworded copy):
    # its OCR-like readings without its rewording, a hypothesis of its own.
    kept: dict[str, tuple[Evidence, ...]] = {}
    for r in said:
        variant = keep_our_words(doc.model, ours, r.witness.reading)
        if variant != r.witness.reading and form(variant) not in hypotheses:
            hypotheses[form(variant)] = variant
            kept[form(variant)] = r.evidence
    sources: dict[str, Source] = {}
    own: dict[str, float] = {}
    for text, candidate in _spliced(doc, span, flags):
        hypotheses.setdefault(form(text), text)
        sources.setdefault(text, candidate.source)
        own[text] = max(own.get(text, 0.0), candidate.confidence)
    if len(hypotheses) == 1:
        return None
    left, right = _neighbours(words, span)
    before, after = doc.text[:start].rstrip()[-1:], doc.text[end:].lstrip()[:1]
    paragraph_after = PARAGRAPH_BREAK.match(doc.text, end) is not None or not after
    prior = {
        h: text_log_prob(doc.model, h, left, right, recurring, before, after, paragraph_after)
        for h in hypotheses.values()
    }
    witnesses = [Witness(ours, doc.stats.noise, 0.0), *(r.witness for r in said)]
    chance = _words_pooled(posterior(prior, witnesses), ours)
    ranked = []
    for h in hypotheses.values():
        if h == ours:
            continue
        evidence = tuple(e for r in said if form(r.witness.reading) == form(h) for e in r.evidence)
        evidence = evidence or kept.get(form(h), ())
        p = round(min(MAX_CONFIDENCE, chance[h]), 3)
        if not evidence and h in own and not _backed(h, ours, said):
            p = min(p, own[h])  # see UNBACKED
        ranked.append(
            Candidate(h, p, "sibling" if evidence else sources.get(h, "sibling"), evidence)
        )
    ranked.sort(key=lambda c: -c.confidence)
    suggested = {form(text) for text in sources}
    if form(ranked[0].text) not in suggested and _alone_and_noisier(doc, said, ranked[0].text):
        ranked = [replace(c, confidence=min(c.confidence, LONE_NOISIER_CAP)) for c in ranked]
    best = ranked[0]
    wrong = round(min(MAX_CONFIDENCE, 1 - chance[ours]), 3)
    suggestions = tuple(ranked[: doc.config.max_suggestions])
    if len(flags) == 1 and (flags[0].start, flags[0].end) == span:
        return replace(flags[0], confidence=wrong, suggestions=suggestions)
    if best.confidence < MIN_CONFIDENCE or not best.evidence:
        return (
            None
            if not flags
            else replace(
                flags[0], start=start, end=end, text=ours, confidence=wrong, suggestions=suggestions
            )
        )
    names = ", ".join(sorted({e.sibling for e in best.evidence}))
    return Flag(
        start,
        end,
        ours,
        FlagKind.SIBLING,
        f"sibling copies read {best.text!r} ({names})",
        wrong,
        suggestions,
    )


def _backed(reading: str, ours: str, said: Sequence[Said]) -> bool:
    """Does any copy back ``reading``, one of the document model's own: as
    something OCR could have made of it, or by printing the words it puts for
    ours (see UNBACKED)?"""
    new = set(_words_of(reading)) - set(_words_of(ours))
    return any(
        ocr_cost(reading, r.witness.reading) < EDITORIAL_COST
        or bool(new and new <= set(_words_of(r.witness.reading)))
        for r in said
    )


def _alone_and_noisier(doc: Doc, said: Sequence[Said], reading: str) -> bool:
    """Do the words of ``reading`` come from one copy alone, NOISIER times as noisy
    as the document or more? (Our words kept in a copy's reading come from no
    copy as they stand: see :func:`keep_our_words`.)"""
    words = _words_of(reading)
    backers = [r for r in said if _words_of(r.witness.reading) == words]
    noisier = NOISIER * doc.stats.noise
    return len(backers) == 1 and backers[0].witness.noise > noisier


def _words_of(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in WORDS.findall(text))


def _words_pooled(chance: dict[str, float], ours: str) -> dict[str, float]:
    """``chance`` with each group of readings that agree on their words (not
    ours) pooled into its likeliest member: copies that agree on the words
    but not on a speck or a quote beside them should not split the vote."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for h in chance:
        if h != ours:
            groups.setdefault(_words_of(h), []).append(h)
    pooled = dict(chance)
    for members in groups.values():
        top = max(members, key=chance.__getitem__)
        pooled[top] = sum(chance[h] for h in members)
    return pooled


def _neighbours(words: Sequence[Token], span: tuple[int, int]) -> tuple[str | None, str | None]:
    """The document's words just before and after ``span``."""
    k = bisect.bisect_left(words, span[0], key=lambda t: t.start)
    j = bisect.bisect_left(words, span[1], key=lambda t: t.start)
    left = words[k - 1].text if k > 0 else None
    right = words[j].text if j < len(words) else None
    return left, right
