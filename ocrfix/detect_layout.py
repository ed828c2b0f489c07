"""Detectors for page layout: garbage from specks and margins, artifacts inside sentences.

Each detector is a pure function ``Doc -> Iterator[Flag]``. Their suggestions
delete text, so their confidences stay below the default threshold unless
the evidence is overwhelming: a person should see most of them.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ocrfix.doc import Doc
from ocrfix.scripts import private_glyph
from ocrfix.types import Candidate, Flag, FlagKind
from ocrfix.units import EDGE_MARKS

# A chunk (text between white space) is junk when under this share of its
# characters are letters or digits ("-__s", "_", ".,'"), or when it is a lone
# character that is not a word ("I", "a", "&" and digits are words).
JUNK_ALNUM_SHARE = 0.5
LONE_WORDS = frozenset("aAI&0123456789")
# A run of junk chunks this long is garbage; longer runs are surer.
MIN_GARBAGE_RUN = 4
SURE_GARBAGE_RUN = 7
GARBAGE = 0.6
SURE_GARBAGE = 0.85
GARBAGE_CHUNK = 0.5
# ... but one of marks alone, among them a speck's (a tilde, a low line, a bar,
# a degree sign, a star) and none of code's, is removed (bln600-tess / -real
# single: 61 / 8 characters closer to the truth, none further; the bench's
# clean text and 100 Debian plain-text files have none).
SPECK_CHUNK = 0.8
SPECK = regex.compile(r"[~_|\u00b0*^\u00ac\ufffd]")
CODE = regex.compile(r"[=/<>()\[\]{}\u2500-\u257f]")  # operators, brackets, box drawing
# "---", "***", "...": a run of one mark this long is a separator, not specks.
SEPARATOR_MIN = 3
ARTIFACT = 0.6
# (Marks that may stand at the edges of a genuine chunk, "(a)", "'tis", "end.":
# units.EDGE_MARKS.)

# One character standing after a sentence's end at the end of its line, the
# next line opening a sentence ("the house. 7\nThe"): a speck read as a digit
# or mark (the bench's Tesseract OCR: 160 in its 534 files, 7 the commonest;
# its real OCR, its clean text and 489 plain-text, Markdown and copyright
# files of this machine have none; a footnote's number is glued to its word).
LINE_END_SPECK = regex.compile(
    r"(?<=[.!?]) [0-9%*=#+|~][^\S\n]*(?=\n[^\S\n]*[\p{Lu}\"'\u201c\u2018])"
)
LINE_END_SPECK_SURE = 0.8
# A hyphen standing alone at a line's end after a word ("waddled -\naway"),
# or a star after a word or a stop (not after a colon or bracket: "Files: *"
# is a pattern): a speck at the margin, or a dash; removed with the space
# before it at the review level (GARBAGE_CHUNK), which ``fix`` applies in a
# text OCR evidently misread (see threshold). The bench's Tesseract OCR has
# 98 such hyphens (its transcription and its real OCR none; 399 Markdown and
# licence files one, a dash in a comment): bln600-tess single 4,796 -> 4,677
# character edits, 34 documents closer to the truth, none further; the
# stars: 4,677 -> 4,656, 7 closer, none further.
LINE_END_MARK = regex.compile(r"(?:(?<=\S) -|(?<=[\p{L}.,;!?]) \*)[^\S\n]*(?=\n)")

CHUNK = regex.compile(r"\S+")
URL_LINE = regex.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+", regex.IGNORECASE)
PAGE_NUMBER_LINE = regex.compile(
    r"(?:page\s*)?[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?", regex.IGNORECASE
)
# A running header: a short line, mostly in capitals ("THE DAILY NEWS, MAY 3").
HEADER_MAX_WORDS = 8
HEADER_MIN_LETTERS = 4
HEADER_CAPITALS = 0.7
SENTENCE_CLOSE = frozenset(".!?:;\"'\u201d\u2019)]")


def _is_junk(chunk: str) -> bool:
    """A chunk of specks: a lone character that is no word, or mostly marks that
    are neither a separator (``---``, ``...``) nor a letter in brackets (``(b)``)."""
    if private_glyph(chunk):
        return False  # a letter Unicode lacks, as a font encodes it
    if len(chunk) == 1:
        return chunk not in LONE_WORDS
    core = chunk.strip(EDGE_MARKS)
    if not core:
        return True  # only quotes and stops: '".
    if len(core) >= SEPARATOR_MIN and len(set(core)) == 1 and not core.isalnum():
        return False  # a separator
    return sum(c.isalnum() for c in core) < JUNK_ALNUM_SHARE * len(core)


def garbage(doc: Doc) -> Iterator[Flag]:
    """Runs of junk chunks such as ``. A I I . 1 _ I I _ - -__s``: specks read as characters."""
    chunks = list(CHUNK.finditer(doc.text))
    run: list[regex.Match[str]] = []
    for chunk in [*chunks, None]:
        if chunk is not None and (_is_junk(chunk.group()) or (run and chunk.group() in "IA1")):
            run.append(chunk)
            continue
        while run and not _is_junk(run[-1].group()):
            run.pop()
        if len(run) >= MIN_GARBAGE_RUN:
            start, end = run[0].start(), run[-1].end()
            if end < len(doc.text) and doc.text[end] == " ":
                end += 1
            confidence = SURE_GARBAGE if len(run) >= SURE_GARBAGE_RUN else GARBAGE
            yield Flag(
                start,
                end,
                doc.text[start:end],
                FlagKind.GARBAGE,
                f"{len(run)} fragments that read like specks, not text",
                confidence,
                (Candidate("", confidence, "rule"),),
            )
        run = []


def junk(doc: Doc) -> Iterator[Flag]:
    """A single chunk of specks such as ``-__s`` or ``|~,``: mostly marks, not a
    separator (``---``, ``***``) and not a word in brackets or quotes."""
    for chunk in CHUNK.finditer(doc.text):
        if len(chunk.group().strip(EDGE_MARKS)) >= 2 and _is_junk(chunk.group()):
            start, end = chunk.start(), chunk.end()
            if end < len(doc.text) and doc.text[end] == " ":
                end += 1
            sure = SPECK_CHUNK if _specks_only(chunk.group()) else GARBAGE_CHUNK
            yield Flag(
                start,
                end,
                doc.text[start:end],
                FlagKind.GARBAGE,
                "marks that read like specks, not text",
                sure,
                (Candidate("", sure, "rule"),),
            )


def line_end_specks(doc: Doc) -> Iterator[Flag]:
    """A speck read as one character after the last sentence of a line (see
    LINE_END_SPECK), or a lone hyphen or star at a line's end (LINE_END_MARK),
    removed with the space before it."""
    for found in LINE_END_SPECK.finditer(doc.text):
        yield _speck(found, "a speck after a sentence's end", LINE_END_SPECK_SURE)
    for found in LINE_END_MARK.finditer(doc.text):
        yield _speck(found, "a lone mark at a line's end", GARBAGE_CHUNK)


def _speck(found: regex.Match[str], reason: str, sure: float) -> Flag:
    """The flag deleting what ``found`` matched, ``sure`` of it."""
    return Flag.deletion(found.start(), found.group(), FlagKind.GARBAGE, reason, sure)


def _specks_only(chunk: str) -> bool:
    """Has ``chunk`` no letter or digit and a mark no text is made of (``|~``,
    ``^~``), not only dashes or quotes (``--`` is a dash), and nothing of code
    (``*/``, ``=>``, ``~/``)?"""
    return (
        not any(c.isalnum() for c in chunk)
        and SPECK.search(chunk) is not None
        and CODE.search(chunk) is None
        and set(chunk) != {"*"}
    )


def artifacts(doc: Doc) -> Iterator[Flag]:
    """Lines of URLs, a page number or a running header dropped between the two
    halves of a sentence.

    The block is flagged from the end of the interrupted line to the start of
    the line that continues it; the suggestion removes it, rejoining the
    sentence with one line break. A running header (a short line in capitals)
    is weaker evidence than a URL, so a block holding one also needs the next
    line to start in lower case, visibly continuing the sentence.
    """
    text = doc.text
    lines = _lines(text)
    k = 0
    while k < len(lines):
        if _line_kind(_body(text, lines[k])) is None:
            k += 1
            continue
        first = k
        kinds: set[str] = set()
        while k < len(lines) and (
            not _body(text, lines[k]) or _line_kind(_body(text, lines[k])) is not None
        ):
            kinds.add(_line_kind(_body(text, lines[k])) or "")
            k += 1
        before = _previous_text_line(text, lines, first)
        if before is None or k >= len(lines):
            continue
        prev_text = text[lines[before][0] : lines[before][1]].rstrip()
        if not prev_text or prev_text[-1] in SENTENCE_CLOSE:
            continue
        if "header" in kinds and not _body(text, lines[k])[:1].islower():
            continue
        span_start = lines[before][0] + len(prev_text)
        span_end = lines[k][0]
        what = " and ".join(sorted(kinds - {""}))
        yield Flag(
            span_start,
            span_end,
            text[span_start:span_end],
            FlagKind.ARTIFACT,
            f"{what} lines inside a sentence",
            ARTIFACT,
            (Candidate("\n", ARTIFACT, "rule"),),
        )


def _body(text: str, line: tuple[int, int]) -> str:
    return text[line[0] : line[1]].strip()


def _line_kind(body: str) -> str | None:
    """ "url", "page-number" or "header" for a line that is a page artifact, else None."""
    if not body:
        return None
    if all(URL_LINE.fullmatch(p) for p in body.split()):
        return "url"
    if PAGE_NUMBER_LINE.fullmatch(body):
        return "page-number"
    letters = [c for c in body if c.isalpha()]
    if (
        len(body.split()) <= HEADER_MAX_WORDS
        and len(letters) >= HEADER_MIN_LETTERS
        and sum(c.isupper() for c in letters) >= HEADER_CAPITALS * len(letters)
    ):
        return "header"
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans = []
    start = 0
    for match in regex.finditer(r"\r\n|\r|\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _previous_text_line(text: str, lines: list[tuple[int, int]], k: int) -> int | None:
    j = k - 1
    while j >= 0 and not text[lines[j][0] : lines[j][1]].strip():
        j -= 1
    return j if j >= 0 else None
