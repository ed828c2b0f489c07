"""Detectors for page layout: garbage from specks and margins, artifacts inside sentences.

Each detector is a pure function ``Doc -> Iterator[Flag]``. Their suggestions
delete text, so their confidences stay below the default threshold unless
the evidence is overwhelming: a person should see most of them.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ocrfix.doc import Doc
from ocrfix.types import Candidate, Flag, FlagKind

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
ARTIFACT = 0.6

CHUNK = regex.compile(r"\S+")
URL_LINE = regex.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+", regex.IGNORECASE)
PAGE_NUMBER_LINE = regex.compile(
    r"(?:page\s*)?[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?", regex.IGNORECASE
)
SENTENCE_CLOSE = frozenset(".!?:;\"'\u201d\u2019)]")


def _is_junk(chunk: str) -> bool:
    if len(chunk) == 1:
        return chunk not in LONE_WORDS
    alnum = sum(c.isalnum() for c in chunk)
    return alnum / len(chunk) < JUNK_ALNUM_SHARE


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


def artifacts(doc: Doc) -> Iterator[Flag]:
    """Lines of URLs or a page number dropped between the two halves of a sentence.

    The block is flagged from the end of the interrupted line to the start of
    the line that continues it; the suggestion removes it, rejoining the
    sentence with one line break.
    """
    lines = _lines(doc.text)
    k = 0
    while k < len(lines):
        start, end = lines[k]
        body = doc.text[start:end].strip()
        if not body or not _is_artifact_line(body):
            k += 1
            continue
        first = k
        while k < len(lines) and (
            not doc.text[lines[k][0] : lines[k][1]].strip()
            or _is_artifact_line(doc.text[lines[k][0] : lines[k][1]].strip())
        ):
            k += 1
        before = _previous_text_line(doc.text, lines, first)
        if before is None or k >= len(lines):
            continue
        prev_end = lines[before][1]
        prev_text = doc.text[lines[before][0] : prev_end].rstrip()
        if not prev_text or prev_text[-1] in SENTENCE_CLOSE:
            continue
        span_start = lines[before][0] + len(prev_text)
        span_end = lines[k][0]
        yield Flag(
            span_start,
            span_end,
            doc.text[span_start:span_end],
            FlagKind.ARTIFACT,
            "URLs or a page number inside a sentence",
            ARTIFACT,
            (Candidate("\n", ARTIFACT, "rule"),),
        )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans = []
    start = 0
    for match in regex.finditer(r"\r\n|\r|\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _is_artifact_line(body: str) -> bool:
    parts = body.split()
    return all(URL_LINE.fullmatch(p) for p in parts) or bool(PAGE_NUMBER_LINE.fullmatch(body))


def _previous_text_line(text: str, lines: list[tuple[int, int]], k: int) -> int | None:
    j = k - 1
    while j >= 0 and not text[lines[j][0] : lines[j][1]].strip():
        j -= 1
    return j if j >= 0 else None
