"""Detectors for names: spelt otherwise elsewhere in the document, or a title misread.

A name no lexicon lists ("Hartigan") is judged by the document itself: where
it recurs in one spelling, a single unlisted variant a letter or two away
("Hartlgan") is most likely that name misread, not a second person. A pure
function ``Doc -> Iterator[Flag]``, like every detector.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from ocrfix.doc import Doc
from ocrfix.types import Candidate, Flag, FlagKind, TokenKind

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
        if counts[word] > 1 or doc.stats.recurs(word) or model.is_known(word):
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
            and name.kind is TokenKind.WORD
            and name.text[:1].isupper()
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


def _title_within(word: str) -> str | None:
    """The title that ``word`` is with one character taken out, if any."""
    for k in range(len(word)):
        if (title := word[:k] + word[k + 1 :]) in TITLES:
            return title
    return None
