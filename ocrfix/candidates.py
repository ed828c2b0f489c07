"""Candidate generation: what an observed word may have been before OCR misread it.

Three generators, each cheap enough to run on every suspect word:

* typical confusions, undone: every string that one or two rules of the
  confusion table would turn into the observed word (``rnodern`` <- ``modern``),
  kept if the lexicon has it; its channel cost is the sum of the rules' costs;
* near words from the symspell index (one edit, or the closest within two),
  their channel cost computed by :func:`ocrfix.confusions.channel_cost`;
* splits into common words, for lost spaces (``ofthe``, ``inthemorning``).

Results are cached per observed form for the whole process.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ocrfix.confusions import LONGEST_SIDE, Rule, channel_cost, load_rules
from ocrfix.model import Model
from ocrfix.speller import CANDIDATE_MIN_ZIPF
from ocrfix.types import Source

# Cost of a lost space between two words ("ofthe"), on top of the error base.
LOST_SPACE_COST = 1.0
# Only words rarer than this are checked against the whole candidate index;
# commoner ones only against their typical OCR confusions.
SEARCH_BELOW_ZIPF = 3.5
# Of the index's near words, only the likeliest few (fewest edits, then most
# frequent) are costed: the weighted edit distance is the costly step, and
# a candidate beyond the eighth has never ranked first in the bench's runs.
MAX_SEARCH_CANDIDATES = 8
# Two edits are searched only in words this long: in shorter ones two edits
# reach dozens of unrelated words.
DEEP_MIN_LENGTH = 5
# Function words ("the", "was", "but") are this common (Zipf scale).
FUNCTION_WORD_ZIPF = 6.0
# Splits must give two common words, one of them a function word: OCR loses
# the space mostly around function words ("ofthe", "theRussian"), while
# closed compounds ("gatekeepers", "shipowners") are genuine. "a" and "I" are
# the only one-letter parts.
SPLIT_MIN_ZIPF = 3.0
# A word the lexicon lists, though the context model lacks it ("runtime",
# "roadmap"), is a closed compound of its own: it is split only into two of
# the commonest words ("ofthe", a slip common enough on the web for the word
# lists to carry it), never into three or more. On the bench's OCR, the
# three listed words split at 0.7 or more were all such slips; in a clean
# text "runtime" was read as "run time".
LISTED_SPLIT_ZIPF = 6.5
# A line set too tight loses all its spaces at once ("inthemorning"): an
# unknown word in lower case that cuts into three or more words of running
# text (the likeliest cut, each word as common as a split's; of one letter,
# a word on its own: "a", "I") is read as them, if the context model has
# seen them follow one another: log10 gain SEGMENT_MIN_FIT or more a pair on
# average ("not to way" is no reading of the place "nottoway"; "hands a of"
# none of "handsaof"). One lost space is priced, not each: they are lost
# together. Words with capitals inside are identifiers ("lastUpdatedAt").
# bln600-real single CER 4.921 -> 4.904, WER -28.0% -> -28.7% (17 words
# mended, none made worse); bln600-tess 2.086 -> 2.085; the bench's clean
# text, 100 licence files and 300 Markdown files unchanged.
MIN_SEGMENTS = 3
SEGMENT_MAX_LETTERS = 20
SEGMENT_MIN_FIT = 0.8
# A word of this many letters, two thirds of them capitals, is in capitals.
MOSTLY_CAPITALS_LENGTH = 4


@dataclass(frozen=True, slots=True)
class Proposal:
    """A possible intended form of an observed word, before context is weighed.

    ``prior`` is the Zipf-scale frequency of the intended text (for two words,
    of the pair); ``cost`` is -log10 P(observed | intended).
    """

    text: str
    prior: float
    cost: float
    source: Source


def match_case(word: str, pattern: str) -> str:
    """``word`` in the case pattern of ``pattern`` (upper, title or lower); a pattern
    without letters leaves ``word`` as it is.

    >>> match_case("march", "MARCH"), match_case("of the", "Ofthe"), match_case("the", "tbe")
    ('MARCH', 'Of the', 'the')
    """
    letters = [c for c in pattern if c.isalpha()]
    if not letters:
        return word
    capitals = sum(c.isupper() for c in letters)
    if len(letters) > 1 and capitals == len(letters):
        return word.upper()
    if len(letters) >= MOSTLY_CAPITALS_LENGTH and capitals * 3 >= len(letters) * 2:
        return word.upper()  # "STATIOn": a word in capitals, one case slip
    if letters[0].isupper():
        return word[:1].upper() + word[1:]
    if all(c.islower() for c in letters):
        return word.lower()  # "5ome" -> "some", though "S" was the confusion undone
    return word


@cache
def real_word_proposals(observed: str, model: Model) -> tuple[Proposal, ...]:
    """For a real word: the words one typical confusion away that the context
    model knows (context is the only evidence against a real word). The
    hand-made confusions count for any word; the learned table's only towards
    a function word ("tie" for "the", "wag" for "was"): changing a real word
    is the riskiest fix, and the learned table's rarer confusions turned
    "pretence" into "presence", while most real-word misreadings of print
    land on a function word (bln600-real single CER -18.0% -> -18.2%,
    clean text unchanged)."""
    hand = confusion_variants(observed, model.prefixes, depth=1, learned=False)
    learned = {
        v: cost
        for v, cost in confusion_variants(observed, model.prefixes, depth=1).items()
        if model.zipf(v) >= FUNCTION_WORD_ZIPF
    }
    return _best_per_text(
        Proposal(match_case(v, observed), model.zipf(v), cost, "confusion")
        for v, cost in [*hand.items(), *learned.items()]
        if model.in_context(v)
    )


@cache
def non_word_proposals(observed: str, model: Model, *, search: bool = True) -> tuple[Proposal, ...]:
    """For an unknown word: typical confusions, near words and splits.

    The index is searched (``search``) only where its candidates can matter,
    and two edits deep only when typical confusions found nothing: that
    search is the costliest step of ocrfix, and its far candidates rarely
    beat a typical confusion.
    """
    proposals = [
        Proposal(match_case(v.casefold(), observed), model.zipf(v), cost, "confusion")
        for v, cost in confusion_variants(observed, model.prefixes).items()
        if model.zipf(v) >= CANDIDATE_MIN_ZIPF
    ]
    letters_only = all(c.isalpha() or c in "'\u2019" for c in observed)
    # Searched even where a typical confusion explains the word: a commoner
    # word an edit away may beat it ("hlve": "have" over "live"; bln600-real
    # single CER -14.6% -> -14.7%, at no measurable cost in time).
    if search and model.zipf(observed) < SEARCH_BELOW_ZIPF and len(observed) > 2:
        near = model.speller.near(observed, deep=not proposals and len(observed) >= DEEP_MIN_LENGTH)
        near.sort(key=lambda wd: (wd[1], -model.zipf(wd[0])))
        for word, _distance in near[:MAX_SEARCH_CANDIDATES]:
            cased = match_case(word, observed)
            proposals.append(
                Proposal(cased, model.zipf(word), channel_cost(cased, observed), "dictionary")
            )
        if letters_only and len(observed) >= 4:
            proposals.extend(_splits(observed, model, listed=model.is_known(observed)))
    return _best_per_text(p for p in proposals if p.text != observed)


def _best_per_text(proposals: Iterator[Proposal] | list[Proposal]) -> tuple[Proposal, ...]:
    """One proposal per text: the cheapest way to reach it."""
    best: dict[str, Proposal] = {}
    for p in proposals:
        if p.text not in best or p.cost < best[p.text].cost:
            best[p.text] = p
    return tuple(best.values())


def _splits(observed: str, model: Model, *, listed: bool) -> Iterator[Proposal]:
    """Common words that ``observed`` is made of, the spaces between them lost:
    two ("ofthe"), or three or more ("inthemorning", see MIN_SEGMENTS); of a
    ``listed`` word, only two of the commonest (see LISTED_SPLIT_ZIPF)."""
    folded = observed.casefold()
    floor = LISTED_SPLIT_ZIPF if listed else SPLIT_MIN_ZIPF
    for i in range(1, len(folded)):
        a, b = folded[:i], folded[i:]
        if (len(a) == 1 and a not in "ai") or (len(b) == 1 and b not in "ai"):
            continue
        low, high = sorted((model.zipf(a), model.zipf(b)))
        if low >= floor and high >= FUNCTION_WORD_ZIPF:
            cased = f"{observed[:i]} {observed[i:]}"  # "theRussian" -> "the Russian"
            prior = model.zipf(a) + model.zipf(b) - 9 + model.context.inner([a, b])
            cost = LOST_SPACE_COST + channel_cost(cased.replace(" ", ""), observed)
            yield Proposal(cased, prior, cost, "dictionary")
    parts = _segmentation(observed, model) if observed[1:].islower() and not listed else []
    words = [part.casefold() for part in parts]
    fit = model.context.inner(words)
    if len(parts) >= MIN_SEGMENTS and fit >= SEGMENT_MIN_FIT * (len(parts) - 1):
        prior = sum(map(model.zipf, words)) - 9 * (len(parts) - 1) + fit
        yield Proposal(" ".join(parts), prior, LOST_SPACE_COST, "dictionary")


def _segmentation(observed: str, model: Model) -> list[str]:
    """The likeliest cut of ``observed`` into words of running text at least
    SPLIT_MIN_ZIPF common (see MIN_SEGMENTS), or [] if there is none."""
    best: list[tuple[float, list[str]] | None] = [(0.0, [])] + [None] * len(observed)
    for end in range(1, len(observed) + 1):
        for start in range(max(0, end - SEGMENT_MAX_LETTERS), end):
            head, part = best[start], observed[start:end]
            if head is None or (len(part) == 1 and not model.standalone(part)):
                continue
            zipf = model.zipf(part)
            if zipf < SPLIT_MIN_ZIPF or not model.in_context(part):
                continue
            score = head[0] + zipf - 9  # log10 of the words' chance, one after another
            known = best[end]
            if known is None or score > known[0]:
                best[end] = (score, [*head[1], part])
    found = best[len(observed)]
    return found[1] if found is not None else []


# Candidates are searched by undoing the typical confusions only (the learned
# table lists hundreds of rarer ones, which the channel still prices): the
# search grows with the rules per character.
VARIANT_RULE_COST = 1.3


@cache
def _rules_by_observed(learned: bool) -> dict[str, tuple[Rule, ...]]:
    """The typical rules indexed by what OCR read: the search looks up the
    strings at each position instead of trying every rule."""
    by_observed: dict[str, list[Rule]] = defaultdict(list)
    for rules in load_rules(learned).values():
        for rule in rules:
            if rule.cost <= VARIANT_RULE_COST:
                by_observed[rule.observed].append(rule)
    return {observed: tuple(rules) for observed, rules in by_observed.items()}


def confusion_variants(
    observed: str, prefixes: frozenset[str], depth: int = 2, learned: bool = True
) -> dict[str, float]:
    """Words that up to ``depth`` typical confusions would have turned into
    ``observed``, each with the summed cost of the cheapest such path.

    The search walks ``observed`` left to right, at each point either keeping
    the character or undoing a confusion that ends there, and abandons a
    path as soon as what it has built (case-folded) begins no word in
    ``prefixes``; so it costs little more than the words it finds.
    ``learned``: with the learned confusions (else the hand-made ones alone).

    >>> confusion_variants("rnodern", frozenset({"m", "mo", "mod", "mode", "moder", "modern"}))
    {'modern': 0.7}
    """
    rules = _rules_by_observed(learned)
    n = len(observed)
    # What each position offers, found once: the character kept (case-folded)
    # and the confusions that may be undone there.
    kept_at = [c.casefold() for c in observed]
    undo_at = [
        [
            (len(rule.observed), rule.intended, rule.intended.casefold(), rule.cost)
            for read in range(1, min(LONGEST_SIDE, n - i) + 1)
            for rule in rules.get(observed[i : i + read], ())
        ]
        for i in range(n)
    ]
    found: dict[str, float] = {}
    # A stack of (position in observed, built so far, its case-folded form, edits, cost).
    stack: list[tuple[int, str, str, int, float]] = [(0, "", "", 0, 0.0)]
    while stack:
        i, built, folded, edits, cost = stack.pop()
        if i == n:
            if edits and cost < found.get(built, float("inf")):
                found[built] = round(cost, 3)
            continue
        kept = folded + kept_at[i]
        if kept in prefixes:
            stack.append((i + 1, built + observed[i], kept, edits, cost))
        if edits < depth:
            for read, intended, intended_folded, rule_cost in undo_at[i]:
                undone = folded + intended_folded
                if undone in prefixes:
                    stack.append((i + read, built + intended, undone, edits + 1, cost + rule_cost))
    return found
