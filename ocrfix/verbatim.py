"""Code quoted in a text, and markup around it, which are not prose and are never corrected.

Born-digital notes and Markdown files quote code between backticks
(```clippy::all```) and in fenced blocks, reStructuredText in literal
blocks (a paragraph ending in ``::``, then lines indented deeper); their
marks and names are the code's own, and prose rules would "mend" them
(``::`` is no doubled colon, ``-p`` no hyphen glued to a word). Markdown's
own markup is no prose either: a table's rows (``| ✔ | ✔ |`` reads like
specks), a link's target (``](../guide.md)``), a reference definition, a
word in braces (``{net.Socket}``), an HTML tag or comment, and in a Markdown
document the marks of emphasis. OCR of print has none of these, so on OCR
this changes nothing. A pure function of the text and its flags.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import regex

from ocrfix.spans import merge_spans
from ocrfix.types import Flag

# A fence opens a block of code: three or more backticks or tildes at a
# line's start (after at most three spaces); the block runs to the next
# fence of the same mark at least as long, or to the text's end.
FENCE = regex.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[^\n]*$", regex.MULTILINE)
# Code in a line: a run of backticks, then anything but a line break, then
# the same run again (CommonMark's code span, or a reStructuredText link,
# `text <url>`__, kept to one line), set off from the letters and digits
# around it: a backtick OCR reads for a speck is glued to a word ("ring`Of").
INLINE_CODE = regex.compile(
    r"(?<![`\p{L}\p{N}])(?P<ticks>`+)(?!`)[^\n]+?(?<!`)(?P=ticks)(?![`\p{L}\p{N}])"
)
# A reStructuredText literal block: a line ending in "::", then (after blank
# lines) lines indented deeper than it, up to the first line that is not.
LITERAL_MARKER = regex.compile(r"^(?P<indent>[ \t]*)\S[^\n]*::[ \t]*$", regex.MULTILINE)
LINE = regex.compile(r"^(?P<indent>[ \t]*)(?P<rest>[^\n]*)(?:\n|$)", regex.MULTILINE)
# A Markdown table: its delimiter row (cells of three or more dashes, colons
# for alignment, at least two cells), the header row above it and the rows
# below that carry a bar, up to the first that does not.
TABLE_DELIMITER = regex.compile(
    r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", regex.MULTILINE
)
# A link's or image's target, with its title: "](../guide.md)", "](#usage "Usage")".
LINK_TARGET = regex.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:[ \t]+\"[^\"\n]*\")?\)")
# A link reference definition, the whole line: "[guide]: ../guide.md".
LINK_DEFINITION = regex.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]+\S[^\n]*$", regex.MULTILINE)
# An HTML comment, a tag (opening, closing or empty) or an autolink
# ("<https://example.org>"). Only a tag with an attribute value ("<a
# id="x">"), a closing tag or a bare short lower-case name ("<br>",
# "<details>") counts (HTML_TAG_IS_MARKUP): "<one line to give the program
# name>" is prose in angle brackets.
HTML = regex.compile(
    r"<!--.*?-->"
    r"|</?[A-Za-z][A-Za-z0-9]*(?:[ \t\n]+[A-Za-z_:][-\w:.]*"
    r"(?:[ \t]*=[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\"'=<>`]+))?)*[ \t]*/?>"
    r"|<[a-z][a-z0-9+.-]*://[^\s<>]+>",
    regex.DOTALL,
)
HTML_TAG_IS_MARKUP = regex.compile(r"<!--|</|<[a-z][a-z0-9]{0,9}[ \t]*/?>$|=|://")
# A word in braces, no space inside: a type or a placeholder ("{net.Socket}",
# "{yyyy}"), which print sets in no prose.
BRACED = regex.compile(r"\{[^\s{}]+\}")
MARKUP_SIGNS = ("|", "](", "]:", "<", "{")
# Emphasis ("_Invalid_", "**not**") is markup in a Markdown document only:
# OCR reads specks as low lines and asterisks around words too ("_4 lve_").
# A document is Markdown when it has MARKDOWN_KINDS of these signs or more:
# an ATX heading, a fence, a link's target, a reference definition, a table.
EMPHASIS = regex.compile(
    r"(?<![\w*\\])(?P<mark>\*\*|__|\*|_)(?=[^\s*_])[^\n]*?[^\s*_](?P=mark)(?![\w*])"
)
HEADING = regex.compile(r"^ {0,3}#{1,6}[ \t]+\S", regex.MULTILINE)
# A user's handle ("@pquentin" in a project's list of maintainers) is a name
# of its owner's choosing: in a Markdown document, a word right after an "@"
# (none before it: "user@example.org" is an address). In OCR of print an "@"
# glued to a word is a misread letter ("@bout"), so elsewhere it is read.
MENTION = regex.compile(r"(?<![\w@./+-])@[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?")
MARKDOWN_KINDS = 2


def code_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that quote code or are markup, in text order, not overlapping."""
    spans = _quoted_code(text)
    if any(sign in text for sign in MARKUP_SIGNS):
        spans = merge_spans(spans + markup_spans(text))
    return spans


def _quoted_code(text: str) -> list[tuple[int, int]]:
    """Code between backticks, in fenced blocks and in literal blocks."""
    if "`" not in text and "~~~" not in text and "::" not in text:
        return []
    blocks = merge_spans(_fenced_blocks(text) + _literal_blocks(text))
    spans = list(blocks)
    starts = [start for start, _ in blocks]
    for found in INLINE_CODE.finditer(text):
        k = bisect.bisect_right(starts, found.start()) - 1
        if k < 0 or blocks[k][1] <= found.start():
            spans.append(found.span())
    return sorted(spans)


def markup_spans(text: str) -> list[tuple[int, int]]:
    """Markdown tables, link targets and definitions, words in braces, HTML
    tags and comments (see TABLE_DELIMITER, LINK_TARGET, LINK_DEFINITION,
    BRACED, HTML); in a Markdown document, emphasis marks and handles too (see
    EMPHASIS, MENTION)."""
    patterns = (LINK_TARGET, LINK_DEFINITION, BRACED)
    found = [m.span() for pattern in patterns for m in pattern.finditer(text)]
    found += [m.span() for m in HTML.finditer(text) if HTML_TAG_IS_MARKUP.search(m.group())]
    tables = _tables(text)
    if _markdown(text, bool(tables)):
        for m in EMPHASIS.finditer(text):
            width = len(m.group("mark"))
            found += [(m.start(), m.start() + width), (m.end() - width, m.end())]
        found += [m.span() for m in MENTION.finditer(text)]
    return merge_spans(found + tables)


def _markdown(text: str, has_table: bool) -> bool:
    """Does ``text`` carry MARKDOWN_KINDS kinds of Markdown's signs or more?"""
    kinds = [has_table] + [
        pattern.search(text) is not None
        for pattern in (HEADING, FENCE, LINK_TARGET, LINK_DEFINITION)
    ]
    return sum(kinds) >= MARKDOWN_KINDS


def _tables(text: str) -> list[tuple[int, int]]:
    """Markdown tables, from the header row to the last row with a bar."""
    tables = []
    for delimiter in TABLE_DELIMITER.finditer(text):
        header = text.rfind("\n", 0, max(0, delimiter.start() - 1)) + 1
        end = delimiter.end()
        for line in LINE.finditer(text, end + 1):
            if "|" not in line.group("rest"):
                break
            end = line.start() + len(line.group().rstrip("\n"))
        tables.append((header, end))
    return tables


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks, fences included (see FENCE)."""
    blocks = []
    opening = None
    for found in FENCE.finditer(text):
        fence = found.group("fence")
        if opening is None:
            opening = found
        elif fence[0] == opening.group("fence")[0] and len(fence) >= len(opening.group("fence")):
            blocks.append((opening.start(), found.end()))
            opening = None
    if opening is not None:
        blocks.append((opening.start(), len(text)))
    return blocks


def _literal_blocks(text: str) -> list[tuple[int, int]]:
    """reStructuredText literal blocks, the indented lines only (see LITERAL_MARKER)."""
    blocks = []
    for marker in LITERAL_MARKER.finditer(text):
        depth = len(marker.group("indent").expandtabs())
        start = end = None
        for line in LINE.finditer(text, marker.end() + 1):
            if not line.group("rest").strip():
                if line.end() == line.start():
                    break  # the text's end
                continue
            if len(line.group("indent").expandtabs()) <= depth:
                break
            start = line.start() if start is None else start
            end = line.end()
        if start is not None and end is not None:
            blocks.append((start, end))
    return blocks


def outside_code(text: str, flags: Iterable[Flag]) -> list[Flag]:
    """``flags`` less those that touch code quoted in ``text``."""
    flags = list(flags)
    spans = code_spans(text)
    if not spans:
        return flags
    starts = [start for start, _ in spans]
    return [flag for flag in flags if not _touches(flag, spans, starts)]


def _touches(flag: Flag, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Does ``flag`` overlap one of ``spans`` (sorted; ``starts`` their starts)?"""
    k = bisect.bisect_left(starts, flag.end) - 1
    return k >= 0 and spans[k][1] > flag.start
