"""Detectors for chunks shaped as no printed word is: marks glued to or inside a
word, capitals inside lower case, a word broken at a line end that nothing
joins.

Each detector is a pure function ``Doc -> Iterator[Flag]``. These shapes say
that something is wrong, seldom what was meant: most flags are for review
(confidence below the default threshold), with the reading that removes the
slip as a suggestion where one is plain; a speck glued to a word is removed.
A chunk is a run of text between white space, as a reader sees a word with
its marks.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Iterator

import regex

from ocrfix.detect_words import NAME_PREFIXES, NAMED_BY_LETTER, in_letter_list
from ocrfix.doc import Doc
from ocrfix.model import Model
from ocrfix.types import Candidate, Flag, FlagKind, TokenKind

CHUNK = regex.compile(r"\S+")
ADDRESSES = frozenset({TokenKind.URL, TokenKind.PATH, TokenKind.EMAIL})
# Marks no word carries inside or at its edge: specks, lost characters (a
# run of them alone is a separator, "***", or garbage: see detect_layout).
ODD_MARK = regex.compile(r"[{}|~\ufffd^_\\<>*]")
HAS_LETTER = regex.compile(r"\p{L}")
LOST = "\ufffd"  # a character lost in decoding: never text
# A tilde between two letters of prose ("win~dow", "ga~rden") is a
# speck, or a letter OCR could not read: removed (GLUED_SPECK) even where the
# word without it is unknown, as a misread letter read as nothing is no
# further from the truth than a tilde, and the word is judged again without
# it. Not in technical text ("lt~obsolete.m4", "y~x"). bln600-real single:
# 30 characters closer to the truth, none further; bln600-tess and clean text
# unchanged.
SPECKS = frozenset("~")
SPECK_WORD_LETTERS = 3  # "y~x" is a formula
# A character lost in decoding right before a digit was a sign the encoding
# lacked, a currency's ("$" and "#" are ASCII and survive): the non-ASCII
# sign the document itself sets before numbers most often, else the
# language's commonest (LOST_SIGNS), suggested at LOST_SIGN. One character
# for one, the reading cannot be further from the truth than the lost
# character was; a sign the document prints is surer (DOCUMENTS_SIGN).
# bln600-real: 44 lost characters before digits, 39 of them "£", 3 nothing,
# 1 a digit; single CER -21.1% -> -21.3%, 41 characters closer to the truth,
# none further (the Tesseract set and the clean texts have no lost ones).
LOST_SIGNS = {"en": "\u00a3", "de": "\u20ac", "fr": "\u20ac", "es": "\u20ac", "it": "\u20ac"}
LOST_SIGN = 0.75
DOCUMENTS_SIGN = 0.85
SIGN_BEFORE_NUMBER = regex.compile(r"[^\x00-\x7f\ufffd](?=\d)")
# A stop, comma, colon or semicolon glued to the start of a lower-case word
# (".she", ";answered"): a speck, or the mark of the word before, its space lost.
LEADING_MARK = regex.compile(r"^[.,;:](?=\p{Ll})")
# A hyphen glued to the start of a lower-case word ("-and"): a dash opens a
# paragraph or a speech before a capital; before lower case it is a speck.
LEADING_HYPHEN = regex.compile(r"^-(?=\p{Ll})")
# ... but not a command-line option's, which carries a value or an alternative
# ("-mtune=native", "-v/--verbose", "-l|--list"): 8 Markdown changes, none
# in the bench's OCR.
OPTION_SIGNS = regex.compile(r"[=/|]")
# A stop or comma between two lower-case letters ("was.clearly"): its space
# lost, or a speck.
INNER_MARK = regex.compile(r"(?<=\p{Ll})[.,;:](?=\p{Ll}{2})")
# ... where it stands between two words that English runs together (a pair
# the context model's corpus has), a space lost and a speck read, it is read
# as a space (bln600-tess / -real single: 103 / 8 characters closer to the
# truth, none further; the bench's clean text has none). Not in a chunk that
# looks like a path, an address or a dotted name: 100 plain-text files of a
# Debian system, full of file and host names, gained no fix from it.
RUN_TOGETHER = 0.8
# ... and between two listed words of running text the pair of which the
# corpus lacks ("tailor.went", "vicar.sat"), it is a space too (0.75), where the
# chunk is only the two words and the mark (and a sentence's mark after) and
# the text is no technical one: no address or path, no call ("obj.key)"), no
# command-line option ("--domain example.com"), where "obj.restore" and
# "source.bash" are dotted names. bln600-tess / -real single: 36 / 2
# characters closer to the truth, none further (CER -39.3% -> -39.8%); clean
# text, 300 Markdown and 101 licence files unchanged (without the technical
# test, 11 Markdown files changed).
WORDS_RUN_TOGETHER = 0.75
PROSE_PAIR = regex.compile(r"\p{L}+[.,;:]\p{L}+[.,;:!?]?")
TECHNICAL = regex.compile(r"\w\(|\s--\w|\p{L}_\p{L}")
# The commonest endings of host and file names ("gnu.org", "notes.txt").
DOTTED_ENDINGS = frozenset(
    "com org net edu gov io uk txt md py sh bash js json xml html pdf doc exe".split()  # noqa: SIM905
)
WORD_BEFORE = regex.compile(r"\p{L}+$")
WORD_AFTER = regex.compile(r"\p{L}+")
SPACED_WORD = regex.compile(r"\s*(\p{L}+)")
NOT_PROSE = regex.compile(r"[/@_\\=]")
# How far back a word before a mark is looked for: searching the whole text
# before it would make a long text quadratic.
WORD_REACH = 100
# Where a capital follows a lower-case letter ("ofthE"); a name or brand
# capitalises a part of this many letters or more ("McLeod", "eBay"), and a
# word this short may be an abbreviation ("PhD").
INNER_CAPITAL = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
CAPITALISED_PART = 3
SHORT_CAPITALISED = 3
# A word ending in a hyphen at a line end, or before a space and a word (a
# line end the OCR or a re-flow made a space), not joined by the hyphenation
# rule (the next part starts otherwise, or the join is no word). A suspended
# compound ("pre- and post-war") reads so too: these are for review.
BROKEN_AT_LINE_END = regex.compile(r"\p{L}-(?:[^\S\n]*\n| (?=\p{L}))")
# But a hyphen between two lower-case words that English pairs ("so- far",
# a pair of the context model's corpus) is a speck, removed; not before the
# conjunctions of a suspended compound ("pre- and post-war"). bln600-real /
# -tess single: 16 / 12 characters closer to the truth, none further; the
# bench's clean text and 100 Debian plain-text files have none.
SPECK_HYPHEN = 0.8
SUSPENDING = frozenset({"and", "or", "nor", "to"})
BROKEN_WORD = "a word broken at a line end"
# These are for review: a reader decides.
ODD_SHAPE = 0.5
# But a speck glued to a word is removed: a mark no word carries (not a
# bracket, which may pair with another: "<name>"), or a stop, comma, colon or
# semicolon at a lower-case word's start; a hyphen there is less sure (a
# dash, spaced otherwise). Measured by removing each alone (bln600-real /
# bln600-tess single): 58 / 23 characters closer to the truth and none
# further for the first, 51 / 18 and none for the second, 40 / 25 closer and
# 1 / 5 further for the hyphen; none of them fires on the bench's clean text,
# the bracket fires 24 times in 190,000 characters of licence texts.
GLUED_SPECK = 0.85
GLUED_HYPHEN = 0.75
BRACKETS = frozenset("<>{}")
# A lower-case letter alone between two lower-case words (after a comma or
# semicolon too): on the bench's real OCR (bln600-real) deleting it brought
# the text closer to the truth 150 times in 199 (32 were a contraction's
# last letter, its apostrophe lost, or part of a garble; 17 a split word's
# piece); the Tesseract set has 2, both short words misread (a letter for
# "in"); the bench's clean text none, 190,000 characters of licence texts
# one (a subsection named by its letter). Next to capitalised words and
# after a stop too ("the Council w agreed", "quickly. e Nobody"): real
# OCR single CER 4.974 -> 4.948, the clean text one (a speck its transcription
# kept), licence texts none, once letters English lacks ("Sveinn í Felli") and
# a particle between names ("Ortega y Gasset") are left alone.
LONE_LETTER = regex.compile(
    r"(?<![\p{L}\p{N}])(?P<before>\p{L}+)[,;.]? (?P<letter>[a-z])"
    r"(?= (?P<after>\p{L}[\p{L}'\u2019]*))"
)
LONE_LETTER_SPECK = 0.75
# Letters that are words, per language; languages not listed are not checked.
LONE_LETTER_WORDS = {"en": frozenset("ao")}
# A letter that is a pronoun in informal writing, in lower case ("then i
# said"); print has it in capitals, so OCR's lone "i" is mostly a speck
# ("the i window"): it is one unless the word after it follows the pronoun.
# The bench's clean text has no lone "i"; its OCR: single CER 4.948 -> 4.939
# (bln600-real), 2.091 -> 2.090 (bln600-tess); licence and Markdown files
# unchanged.
LOWER_PRONOUNS = {"en": "i"}
# The pronoun in capitals standing between two words in lower case that it
# fits with neither (the context model lists no pair, or a disfavoured one,
# either side: "of I her", "the I window"), where the two fit each other by
# STRAY_PRONOUN_JOIN (log10) at least: a column rule or speck read as "I",
# deleted with its space. Print never sets the pronoun after an article or a
# preposition; a genuine one with no listed pair either side ("must I
# thank") leaves neighbours that do not pair. bln600-real single: 12
# characters closer to the truth, none further; bln600-tess and clean text
# unchanged.
STRAY_PRONOUN = regex.compile(
    r"(?<![\p{L}\p{N},;.:'-])(?P<before>\p{Ll}+) (?P<letter>\p{Lu})(?= (?P<after>\p{Ll}+)\b)"
)
CAPITAL_PRONOUNS = {"en": "I"}
STRAY_PRONOUN_JOIN = 1.0
STRAY_PRONOUN_SURE = 0.75
# A sum in pounds written the British way, "2,000l." (l. for librae): OCR
# reads the l as a 1, which leaves a last group of four digits in a number
# grouped in thousands ("2,0001."), a grouping no number has. The 1 is read
# back as l (0.8). bln600-real / bln600-tess single: 12 / 11 characters
# closer to the truth, none further; the bench's clean text, licence and
# Markdown files have no such number.
MISREAD_POUNDS = regex.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})*,\d{3}(?P<one>1)(?=\.)")
POUNDS_LETTER = {"en": "l"}
MISREAD_POUND = 0.8
# The same slip in a sum of prose, "fined 51., and", "worth 91. 3s.": a
# number of two to four digits ending in 1 whose stop is followed by a comma,
# a word in lower case or shillings and pence, after a word in lower case
# (so no sentence or list item ends or starts there). Ages, counted things
# and years ("aged 81. and", "page 21., line") are no sums (NOT_SUMS). Read
# back as l (0.75). bln600-real / bln600-tess single: 14 / 16 characters
# closer to the truth, none further.
SUM_IN_PROSE = regex.compile(
    r"(?<=\p{Ll}[^\S\n]?[^\S\n])\d{1,3}(?P<one>1)\.(?=,|\s+\p{Ll}|\s+\d{1,2}[sd]\.)"
)
SUM_IN_PROSE_SURE = 0.75
PRINT_YEARS = range(1500, 2100)  # "in 1881. the": a year, not 188l.
NOT_SUMS = frozenset(
    """aged age ages at page pages p pp line lines no number chapter section verse
    vol volume figure fig step year years""".split()  # noqa: SIM905 (a word list)
)


# A bar alone between words of prose where the language's one-letter capital
# word fits ("and | said", "| do not know"): OCR's misreading of "I" in
# typefaces whose capital I has no serifs. The word after it follows the
# letter at least BAR_FOLLOWER_GAIN (log10) likelier than it follows words
# at large (a verb: "said", "have"; not "and", "are": prose about the bar
# itself, "group them with a | and ..."); a word or a sentence's mark stands
# before it, one space away, or the line's start; a table's row (a bar
# opening or ending the line), a column (two spaces) and code ("set(a) |
# set(b)") are left alone. On the bench's Tesseract OCR 177 of 354 bars
# before a lower-case word pass; its clean texts have no bar; on 2,500
# plain-text, Markdown and Python files of this machine none does.
LONE_BAR = regex.compile(
    r"(?:^|(?<=[^\S\n]))\|(?= (?P<right>\p{Ll}[\p{Ll}'\u2019]+)(?![\w(]))", regex.MULTILINE
)
BAR_LETTERS = {"en": "I"}
BAR_AS_LETTER = 0.8
BAR_FOLLOWER_GAIN = 1.0
BAR_LINE_REACH = 500
SENTENCE_MARKS = frozenset(".,;:!?\"'\u201d\u2019")


def odd_shapes(doc: Doc) -> Iterator[Flag]:
    """Chunks of the shapes above, one flag per slip."""
    text, model = doc.text, doc.model
    addresses = [(t.start, t.end) for t in doc.tokens if t.kind in ADDRESSES]
    lost_sign = _lost_sign(doc) if LOST in text else None
    technical = bool(addresses) or TECHNICAL.search(text) is not None
    for chunk in CHUNK.finditer(text):
        word, at = chunk.group(), chunk.start()
        k = bisect.bisect_left(addresses, (chunk.end(), chunk.end()))
        if k > 0 and addresses[k - 1][1] > at:
            continue  # a URL or an e-mail address: its marks are its own
        for mark in ODD_MARK.finditer(word):
            if mark.group() != LOST and not HAS_LETTER.search(word):
                continue  # a separator ("***"), or garbage: see detect_layout
            if mark.group() == "*" and not word[mark.end() :].strip(".,;:!?\"')"):
                continue  # a footnote's star
            if lost_sign is not None and _lost_before_number(word, mark.start()):
                sign, sure = lost_sign
                yield _flag(at + mark.start(), LOST, "a sign lost in decoding", sign, sure)
                continue
            rest = word[: mark.start()] + word[mark.end() :]
            known = model.is_known(rest.strip(".,;:!?\"'")) or (
                not technical and _speck_inside(word, mark)
            )
            sure = ODD_SHAPE if mark.group() in BRACKETS else GLUED_SPECK
            yield _flag(
                at + mark.start(),
                mark.group(),
                "a mark no word carries",
                "" if known else None,
                sure,
            )
        for pattern, reason, sure in (
            (LEADING_MARK, "a mark glued to the start of a word", GLUED_SPECK),
            (LEADING_HYPHEN, "a hyphen glued to a lower-case word", GLUED_HYPHEN),
        ):
            found = pattern.search(word)
            if found and not (pattern is LEADING_HYPHEN and OPTION_SIGNS.search(word)):
                yield _flag(at, found.group(), reason, "", sure)
        for found in INNER_MARK.finditer(word):
            sure = _between_words(word, found, model, technical=technical)
            yield _flag(at + found.start(), found.group(), "a mark between letters", " ", sure)
        if _odd_capitals(word, model):
            known = model.is_known(_core(word).casefold())
            yield Flag(
                at,
                chunk.end(),
                word,
                FlagKind.NON_WORD,
                "a capital inside a word",
                ODD_SHAPE,
                (Candidate(word[0] + word[1:].casefold(), ODD_SHAPE, "rule"),) if known else (),
            )


def _speck_inside(chunk: str, mark: regex.Match[str]) -> bool:
    """Is ``mark`` a SPECKS mark (or in a run of them) between letters of
    ``chunk``, SPECK_WORD_LETTERS of them at least?"""
    run = mark.group()
    if run not in SPECKS:
        return False
    before = WORD_BEFORE.search(chunk[: mark.start()].rstrip(run))
    after = WORD_AFTER.match(chunk[mark.end() :].lstrip(run))
    return (
        before is not None
        and after is not None
        and len(before.group()) + len(after.group()) >= SPECK_WORD_LETTERS
    )


def _between_words(chunk: str, mark: regex.Match[str], model: Model, *, technical: bool) -> float:
    """How sure that the mark inside ``chunk`` is a lost space: between two
    words of prose run together ("was.clearly"), the chunk no path, address or
    dotted name (one inner mark, no slash or @); surer of a pair the corpus
    has (RUN_TOGETHER) than of two words of running text (WORDS_RUN_TOGETHER,
    never in a ``technical`` text)."""
    left = WORD_BEFORE.search(chunk, 0, mark.start())
    right = WORD_AFTER.match(chunk, mark.end())
    if left is None or right is None or NOT_PROSE.search(chunk):
        return ODD_SHAPE
    if len(INNER_MARK.findall(chunk)) > 1:
        return ODD_SHAPE
    if model.context.attested(left.group(), right.group()):
        return RUN_TOGETHER
    if (
        not technical
        and PROSE_PAIR.fullmatch(chunk)
        and right.group().casefold() not in DOTTED_ENDINGS
        and all(model.running_word(w.group()) and model.is_known(w.group()) for w in (left, right))
    ):
        return WORDS_RUN_TOGETHER
    return ODD_SHAPE


def lone_letters(doc: Doc) -> Iterator[Flag]:
    """A letter standing alone between two words in lower case that is no word
    of the language ("had e been"): a speck read as a letter, deleted with
    its space; not after a word that names things by letter ("plan b")."""
    words = LONE_LETTER_WORDS.get(doc.config.lang)
    if words is None:
        return
    for found in LONE_LETTER.finditer(doc.text):
        letter = found.group("letter")
        before, after = found.group("before"), found.group("after")
        if letter in words or before.casefold() in NAMED_BY_LETTER:
            continue
        if before[:1].isupper() and after[:1].isupper():
            continue  # between names, a particle ("Ortega y Gasset")
        if in_letter_list(doc.text, found.start("before"), before):
            continue  # "options a, b and c"
        pronoun = letter in LOWER_PRONOUNS.get(doc.config.lang, "")
        if pronoun and _follows(doc, letter.upper(), after):
            continue  # "then i said": informal writing's pronoun
        yield _deleted_letter(doc, found, "a lone letter between words", LONE_LETTER_SPECK)


def stray_pronouns(doc: Doc) -> Iterator[Flag]:
    """The capital pronoun between two words in lower case that fit each
    other but neither of them it ("the I window"): a speck read as a letter,
    deleted with its space (see STRAY_PRONOUN)."""
    pronoun = CAPITAL_PRONOUNS.get(doc.config.lang)
    if pronoun is None:
        return
    context = doc.model.context
    for found in STRAY_PRONOUN.finditer(doc.text):
        before, letter, after = found.group("before", "letter", "after")
        if letter != pronoun or context.join(before, after) < STRAY_PRONOUN_JOIN:
            continue
        if context.join(before, letter) >= 0 or context.join(letter, after) >= 0:
            continue
        reason = "a lone capital pronoun that fits neither neighbour, which fit each other"
        yield _deleted_letter(doc, found, reason, STRAY_PRONOUN_SURE)


def _deleted_letter(doc: Doc, found: regex.Match[str], reason: str, sure: float) -> Flag:
    """A flag deleting the letter ``found`` matched (group "letter") with the space before it."""
    start = found.start("letter") - 1
    return _flag(start, doc.text[start : found.end("letter")], reason, "", sure, FlagKind.GARBAGE)


def misread_pounds(doc: Doc) -> Iterator[Flag]:
    """``2,0001.``: a sum in pounds whose ``l.`` OCR read as ``1.`` (see MISREAD_POUNDS)."""
    letter = POUNDS_LETTER.get(doc.config.lang)
    if letter is None:
        return
    for found in MISREAD_POUNDS.finditer(doc.text):
        yield _flag(
            found.start("one"),
            "1",
            "a number grouped in thousands whose last group has four digits: "
            f"a sum in pounds, its {letter!r} read as '1'",
            letter,
            MISREAD_POUND,
            FlagKind.NON_WORD,
        )
    for found in SUM_IN_PROSE.finditer(doc.text):
        if not _a_sum(doc.text, found):
            continue
        yield _flag(
            found.start("one"),
            "1",
            "a number ending in '1.' inside a sentence: "
            f"a sum in pounds, its {letter!r} read as '1'",
            letter,
            SUM_IN_PROSE_SURE,
            FlagKind.NON_WORD,
        )


def _a_sum(text: str, number: regex.Match[str]) -> bool:
    """Is ``number`` (a SUM_IN_PROSE) no year and after no word of NOT_SUMS?"""
    if int(number.group().rstrip(".")) in PRINT_YEARS:
        return False
    before = WORD_BEFORE.search(text[max(0, number.start() - WORD_REACH) : number.start()].rstrip())
    return before is not None and before.group().casefold() not in NOT_SUMS


def _follows(doc: Doc, letter: str, word: str) -> bool:
    """Does ``word`` follow the one-letter word ``letter`` (the pronoun "I") at
    least BAR_FOLLOWER_GAIN likelier than it follows words at large?"""
    return doc.model.context.join(letter, word) >= BAR_FOLLOWER_GAIN


def bars_for_letters(doc: Doc) -> Iterator[Flag]:
    """A vertical bar standing alone as a word of prose ("so | said"): the
    language's one-letter capital word, read as a bar (see BAR_AS_LETTER)."""
    letter = BAR_LETTERS.get(doc.config.lang)
    if letter is None:
        return
    text = doc.text
    for found in LONE_BAR.finditer(text):
        right = found.group("right")
        if not doc.model.running_word(right) or not _follows(doc, letter, right):
            continue
        line_start = text.rfind("\n", max(0, found.start() - BAR_LINE_REACH), found.start()) + 1
        line_end = text.find("\n", found.end(), found.end() + BAR_LINE_REACH)
        line = text[line_start : line_end if line_end >= 0 else found.end() + BAR_LINE_REACH]
        if line.lstrip().startswith("|") or line.rstrip().endswith("|"):
            continue  # a table's row
        if _prose_before(text[line_start : found.start()]):
            yield Flag(
                found.start(),
                found.end(),
                "|",
                FlagKind.NON_WORD,
                f"a bar where the word {letter!r} fits",
                BAR_AS_LETTER,
                (Candidate(letter, BAR_AS_LETTER, "rule"),),
            )


def _prose_before(before: str) -> bool:
    """Is what stands before a bar on its line prose's: nothing, or a word or
    a sentence's mark one space away (columns and code put more spaces, or
    brackets and operators)?"""
    if not before:
        return True
    if not before.endswith(" ") or before.endswith("  ") or not before.strip():
        return False
    word = before.split()[-1]
    return word[-1] in SENTENCE_MARKS or word.isalpha()


def _odd_capitals(word: str, model: Model) -> bool:
    """Does ``word`` have a capital inside lower case that no name or brand has?
    "McLeod", "DeWitt", "YouTube", "eBay" capitalise a part of three letters or
    more after a name's prefix, a word or a lower-case letter; "ovEr", "ofthE",
    "QrTon" do not."""
    core = _core(word)
    if not core.isalpha() or core.isupper():
        return False
    parts = INNER_CAPITAL.split(core)
    if len(parts) < 2:
        return False
    if any(len(part) < CAPITALISED_PART for part in parts[1:]):
        return not (core[:1].isupper() and len(core) <= SHORT_CAPITALISED)  # "PhD"
    head = parts[0]
    return head[:1].isupper() and head not in NAME_PREFIXES and not model.is_known(head)


def _core(word: str) -> str:
    """``word`` without the stops, quotes and brackets at its edges."""
    return word.strip(".,;:!?\"'()")


def broken_at_line_end(doc: Doc) -> Iterator[Flag]:
    """A word broken by a hyphen at a line end (or a space) that no rule joins
    ("Town-" before a capital, "com-" before a fragment no join makes a word of)."""
    for found in BROKEN_AT_LINE_END.finditer(doc.text):
        hyphen = found.start() + 1
        if _speck_hyphen(doc, hyphen):
            yield _flag(hyphen, "-", "a hyphen between two words", "", SPECK_HYPHEN)
            continue
        yield _broken_word(doc, hyphen)


def _broken_word(doc: Doc, hyphen: int) -> Flag:
    """The flag on a break no rule joins, for review (ODD_SHAPE).

    Inside a line, before a space and a lower-case part, it suggests joining
    the parts as printed ("misun- clerstood"): a word broken and misread,
    whose letters read better together, where the next reading can mend
    them, than apart. ``fix`` applies the join in a text OCR evidently
    misread (see threshold). There, on bln600-real, such joins brought the
    text closer to the truth 71 times and further 5 (single CER 11,427 ->
    11,295 character edits); on bln600-tess further twice, where its
    transcription keeps the space after a compound's hyphen. A capital after
    the break opens a name or a sentence, a break at a line end is ordinary
    typesetting, and a suspended compound ("pre- and post-war") is meant.
    """
    text = doc.text
    before = WORD_BEFORE.search(text, max(0, hyphen - WORD_REACH), hyphen)
    after = SPACED_WORD.match(text, hyphen + 1)
    if (
        before is None
        or after is None
        or text[hyphen + 1 : after.start(1)] != " "
        or not after.group(1)[:1].islower()
        or after.group(1) in SUSPENDING
    ):
        return Flag(hyphen, hyphen + 1, "-", FlagKind.HYPHENATION, BROKEN_WORD, ODD_SHAPE)
    return _flag(hyphen, "- ", f"{BROKEN_WORD}, misread", "", ODD_SHAPE, FlagKind.HYPHENATION)


def _speck_hyphen(doc: Doc, hyphen: int) -> bool:
    """Does the hyphen at ``hyphen`` stand between two lower-case words that
    English pairs ("so- far", "the- garden"), not before a conjunction ("pre- and
    post-war")? Then it is a speck, no break (see SPECK_HYPHEN)."""
    before = WORD_BEFORE.search(doc.text, max(0, hyphen - WORD_REACH), hyphen)
    after = SPACED_WORD.match(doc.text, hyphen + 1)
    if before is None or after is None:
        return False
    first, second = before.group(), after.group(1)
    return (
        first.islower()
        and second.islower()
        and second not in SUSPENDING
        and doc.model.context.attested(first, second)
    )


def _lost_sign(doc: Doc) -> tuple[str, float] | None:
    """The sign a character lost before a number stood for, and how sure (see
    LOST_SIGNS); None where neither the document nor its language says."""
    printed = Counter(
        m.group()
        for m in SIGN_BEFORE_NUMBER.finditer(doc.text)
        if unicodedata.category(m.group()) == "Sc"
    )
    if printed:
        return printed.most_common(1)[0][0], DOCUMENTS_SIGN
    sign = LOST_SIGNS.get(doc.model.lexicon.lang)
    return (sign, LOST_SIGN) if sign is not None else None


def _lost_before_number(word: str, at: int) -> bool:
    """Is ``word[at]`` a lost character opening a number ("\ufffd20", not "4\ufffd5")?"""
    return word[at] == LOST and word[at + 1 : at + 2].isdigit() and not word[at - 1 : at].isdigit()


def _flag(
    start: int,
    mark: str,
    reason: str,
    replacement: str | None,
    sure: float = ODD_SHAPE,
    kind: FlagKind = FlagKind.PUNCTUATION,
) -> Flag:
    """A flag on ``mark`` at ``start``, ``sure`` of it; ``replacement`` (None: none
    plain) suggested."""
    suggestions = (Candidate(replacement, sure, "rule"),) if replacement is not None else ()
    return Flag(start, start + len(mark), mark, kind, reason, sure, suggestions)
