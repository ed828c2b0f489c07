"""Detectors for names: spelt otherwise elsewhere in the document, or a title misread.

A name no lexicon lists ("Hartigan") is judged by the document itself: where
it recurs in one spelling, a single unlisted variant a letter or two away
("Hartlgan") is most likely that name misread, not a second person. A pure
function ``Doc -> Iterator[Flag]``, like every detector.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Sequence

from rapidfuzz.distance import Levenshtein

from ocrfix.doc import Doc
from ocrfix.types import Candidate, Flag, FlagKind, Token, TokenKind

# Names are capitalised words of this many letters or more: shorter ones
# ("Mr", "Dr", initials) differ by a letter from too many others.
MIN_NAME_LETTERS = 4
# A variant differs from the name by at most one edit in this many letters
# (and by one at least): "Pemberton" / "Pembcrton", not "Smith" / "Smyth" alone.
LETTERS_PER_EDIT = 4
INFLECTIONS = frozenset({"s", "es", "'s", "\u2019s", "'", "\u2019"})
# How sure: a variant of a name seen twice is less sure than of one seen often.
MISREAD_NAME = 0.6
OFTEN = 3
MISREAD_OFTEN_NAME = 0.8
# A variant the word lists carry this often (Zipf) is a name of its own
# ("Michal" beside "Michael", "Andrey" beside "Andrew"), not a misreading. On
# the bench's OCR the variants above it were all genuine (4 of 4), those
# below it misread 55 times in 61; in 101 licence and copyright files, all
# 19 above it were genuine names or words of another language.
LISTED_NAME_ZIPF = 2.0


def misread_names(doc: Doc) -> Iterator[Flag]:
    """Unlisted capitalised words that recur nowhere, a few edits from a name that
    recurs: flagged with the recurring spelling."""
    words = [t for t in doc.tokens if t.kind is TokenKind.WORD and _name_shaped(t.text)]
    counts = Counter(t.text for t in words)
    names = {name: n for name, n in counts.items() if n >= 2}
    if not names:
        return
    model = doc.model
    for token in words:
        word = token.text
        if counts[word] > 1 or doc.stats.recurs(word) or model.zipf(word) >= LISTED_NAME_ZIPF:
            continue
        found = _nearest(word, names)
        if found is None:
            continue
        sure = MISREAD_OFTEN_NAME if names[found] >= OFTEN else MISREAD_NAME
        yield Flag(
            token.start,
            token.end,
            word,
            FlagKind.NON_WORD,
            f"a name the document spells {found!r} {names[found]} times",
            sure,
            (Candidate(found, sure, "context"),),
        )


def _name_shaped(word: str) -> bool:
    """A capitalised word of letters, not all capitals (a headline's words are not names)."""
    return (
        len(word) >= MIN_NAME_LETTERS
        and word[:1].isupper()
        and not word.isupper()
        and word.isalpha()
    )


def _inflected(word: str, name: str) -> bool:
    """Is one of ``word`` and ``name`` the other with an ending ("the Hartigans",
    "Joneses", "Jones's")?"""
    short, long = sorted((word, name), key=len)
    return long.startswith(short) and long[len(short) :] in INFLECTIONS


def _nearest(word: str, names: dict[str, int]) -> str | None:
    """The name within reach of ``word`` (see LETTERS_PER_EDIT), the most frequent of
    the nearest; None if none is."""
    reach = max(1, len(word) // LETTERS_PER_EDIT)
    near = [
        (distance, -n, name)
        for name, n in names.items()
        if name != word
        and not _inflected(word, name)
        and (distance := Levenshtein.distance(word, name, score_cutoff=reach)) <= reach
    ]
    return min(near)[2] if near else None


# Titles abbreviated before a name ("Mr. Smith"). A word one character longer
# than one of them before a stop and a capitalised word ("Mir.", "MIr.",
# "NMr." before "Smith") is the title with a speck or a misread stroke in it:
# OCR garbles these short words often, and no name is spelt so. Not a word of
# its own as common as TITLE_WORD_ZIPF ("Sit. Down": "Sit" is a word; "Sir").
# bln600-real single: 17 characters closer to the truth, none further (CER
# -21.5% -> -21.6%); the clean texts, Markdown and licence files have none.
TITLES = frozenset(
    "Mr Mrs Messrs Dr St Rev Hon Capt Col Gen Lieut Sgt Prof".split()  # noqa: SIM905 (a word list)
)
MISREAD_TITLE = 0.8
TITLE_WORD_ZIPF = 4.0


def misread_titles(doc: Doc) -> Iterator[Flag]:
    """Titles before a name with one character too many (see TITLES)."""
    tokens = doc.tokens
    for i in range(len(tokens) - 3):
        word, stop, space, name = tokens[i : i + 4]
        if not (
            stop.text == "."
            and space.text == " "
            and _capitalised(name)
            and word.text not in TITLES
            and doc.model.zipf(word.text) < TITLE_WORD_ZIPF
        ):
            continue
        title = _title_within(word.text)
        if title is not None:
            yield Flag(
                word.start,
                word.end,
                word.text,
                FlagKind.NON_WORD,
                "a title with a character too many",
                MISREAD_TITLE,
                (Candidate(title, MISREAD_TITLE, "rule"),),
            )


# A title's stop read as a colon or comma before the name ("Mr: Smith",
# "Mrs, Green"): no title is followed by either. And a title without its stop
# in a text that writes it with one TITLE_STYLE_EVIDENCE times or more: the
# stop was lost ("Mr Smith" stays in a text that writes "Mr" so, British style).
# Not after a capitalised word: "Franklin St," is a street. bln600-tess /
# -real single: 14 / 2 characters closer to the truth, none further; clean
# text, 300 Markdown and 101 licence files unchanged (24 GPL addresses before
# the street test).
TITLE_STOP = 0.8
TITLE_STYLE_EVIDENCE = 2


def title_stops(doc: Doc) -> Iterator[Flag]:
    """A title's stop misread or lost before a name (see TITLE_STOP)."""
    tokens = doc.tokens
    stopped = Counter(
        a.text for a, b in itertools.pairwise(tokens) if a.text in TITLES and b.text == "."
    )
    for i in range(len(tokens) - 3):
        title, mark, space, name = tokens[i : i + 4]
        if title.text not in TITLES or _after_name(tokens, i):
            continue  # "Franklin St, Fifth Floor": a street's, a drive's
        if mark.text in (":", ",") and space.text == " " and _capitalised(name):
            yield Flag(
                mark.start,
                mark.end,
                mark.text,
                FlagKind.PUNCTUATION,
                "a title's stop misread",
                TITLE_STOP,
                (Candidate(".", TITLE_STOP, "rule"),),
            )
        elif (
            mark.text == " " and _capitalised(space) and stopped[title.text] >= TITLE_STYLE_EVIDENCE
        ):
            yield Flag(
                title.start,
                title.end,
                title.text,
                FlagKind.PUNCTUATION,
                f"a title the text writes {title.text + '.'!r}, its stop lost",
                TITLE_STOP,
                (Candidate(title.text + ".", TITLE_STOP, "rule"),),
            )


def _after_name(tokens: Sequence[Token], i: int) -> bool:
    """Does a capitalised word stand one space before ``tokens[i]``?"""
    return i >= 2 and tokens[i - 1].text == " " and _capitalised(tokens[i - 2])


def _capitalised(token: Token) -> bool:
    return token.kind is TokenKind.WORD and token.text[:1].isupper()


def _title_within(word: str) -> str | None:
    """The title that ``word`` is with one character taken out, if any."""
    for k in range(len(word)):
        if (title := word[:k] + word[k + 1 :]) in TITLES:
            return title
    return None
