"""OCR layout files (hOCR, ALTO, PAGE XML) in and out.

``read(path)`` gives a :class:`Document`: its text as ocrfix corrects it
(words joined by spaces, lines by line breaks, blocks by blank lines) and a
map from every word of that text back to its element. ``write(document,
decisions, path)`` puts corrections back into the same format, changing only
the text of corrected words, keeping each original reading as the format's
alternative, and recording the run; with no decisions the output is the
input (equal after C14N canonicalisation).

A decision is written where it lies inside one word element. One that spans
several elements (a merge of two words, a join across a line-end hyphen) is
reported and not written: moving text between elements would need new
geometry, which ocrfix cannot measure. A correction that splits a word
("ofthe" -> "of the") stays in its element, whose box covers both parts.
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Literal

import regex
from lxml import etree

from ocrfix.formats import alto, hocr, page
from ocrfix.formats.common import Break, Leaf, local
from ocrfix.formats.safe import FormatError, parse, read_tree
from ocrfix.textio import write_bytes_atomic
from ocrfix.types import Decision, OcrConfidence

Format = Literal["hocr", "alto", "page"]
# A hyphen at a line end, with the break: what a join across lines removes.
HYPHEN_BREAK = regex.compile(r"[-\u2010\u00ac=]\s*\n\s*")
FORMATS: tuple[Format, ...] = ("hocr", "alto", "page")
MODULES: dict[Format, ModuleType] = {"hocr": hocr, "alto": alto, "page": page}

__all__ = [
    "FORMATS",
    "Document",
    "Format",
    "FormatError",
    "Word",
    "Written",
    "detect_format",
    "looks_like_layout",
    "parse",
    "read",
    "render",
    "write",
]


@dataclass(frozen=True, slots=True)
class Word:
    """Where one element's text stands in the document's text."""

    start: int
    end: int
    confidence: float | None  # the OCR engine's, 0 (unsure) to 1 (sure)
    editable: bool


@dataclass(frozen=True, slots=True)
class Document:
    """An OCR file read for correction. ``words[k]`` is the k-th leaf element
    of ``tree`` in document order (see the format modules)."""

    name: str
    format: Format
    tree: etree._ElementTree
    text: str
    words: tuple[Word, ...]

    def confidences(self) -> list[OcrConfidence]:
        """The OCR engine's confidence in each word that has one, as spans of the
        text (what :func:`ocrfix.check` takes)."""
        return [(w.start, w.end, w.confidence) for w in self.words if w.confidence is not None]

    def word_at(self, offset: int) -> int | None:
        """The index of the word holding ``offset`` of the text, if any."""
        k = bisect.bisect_right(self.words, offset, key=lambda w: w.start) - 1
        return k if k >= 0 and offset < self.words[k].end else None


@dataclass(frozen=True, slots=True)
class Written:
    """What :func:`write` did: how many words it corrected, and the decisions it
    could not put back (they span several elements, or a hyphen mark)."""

    corrected: int
    joined: int  # words broken across lines, marked whole (ALTO's HypPart1/2)
    skipped: tuple[Decision, ...]


def detect_format(root: etree._Element) -> Format | None:
    """The format of a parsed file, from its content (None: not one of ours)."""
    name = local(root)
    if name == "alto":
        return "alto"
    if name == "PcGts":
        return "page"
    if name == "html" and any(
        "ocr_page" in (e.get("class") or "").split() or "ocrx_word" in (e.get("class") or "")
        for e in root.iter()
        if isinstance(e.tag, str)
    ):
        return "hocr"
    return None


def looks_like_layout(data: bytes) -> bool:
    """Does ``data`` start like an XML or XHTML file (so it is read as a layout
    format, not as plain text)?"""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<?xml", b"<alto", b"<PcGts", b"<!DOCTYPE html", b"<html"))


def read(path: Path, format: Format | None = None) -> Document:
    """The OCR file at ``path`` (its format detected, unless given)."""
    return _document(str(path), read_tree(path), format)


def _document(name: str, tree: etree._ElementTree, format: Format | None) -> Document:
    found = format or detect_format(tree.getroot())
    if found is None:
        raise FormatError(
            f"{name}: not hOCR, ALTO or PAGE XML (its root is <{local(tree.getroot())}>); "
            "pass --format-in to say which it is"
        )
    pieces: list[str] = []
    words: list[Word] = []
    position = 0
    for leaf in _leaves(tree, found):
        pieces.append(leaf.before)
        position += len(leaf.before)
        words.append(Word(position, position + len(leaf.text), leaf.confidence, leaf.editable))
        pieces.append(leaf.text)
        position += len(leaf.text)
    return Document(name, found, tree, "".join(pieces), tuple(words))


def _leaves(tree: etree._ElementTree, format: Format) -> Iterator[Leaf]:
    """The format's leaves that hold text; an empty one's break carries to the next."""
    pending: Break | None = None
    first = True
    leaf: Leaf
    for leaf in MODULES[format].leaves(tree.getroot()):
        if not leaf.text:
            if pending is None or len(leaf.before) > len(pending):
                pending = leaf.before
            continue
        if first:
            leaf = replace(leaf, before="")
        elif pending is not None and len(pending) > len(leaf.before) and leaf.before:
            leaf = replace(leaf, before=pending)
        first, pending = False, None
        yield leaf


def write(
    document: Document,
    decisions: Iterable[Decision],
    path: Path,
    *,
    version: str = "",
    now: datetime | None = None,
) -> Written:
    """Write ``document`` with ``decisions`` (offsets into its text) to ``path``,
    atomically, in its own format. The document itself is not changed."""
    data, written = render(document, decisions, version=version, now=now)
    write_bytes_atomic(path, data)
    return written


def render(
    document: Document,
    decisions: Iterable[Decision],
    *,
    version: str = "",
    now: datetime | None = None,
) -> tuple[bytes, Written]:
    """The bytes :func:`write` writes, and what it did."""
    tree = copy.deepcopy(document.tree)
    leaves = list(_leaves(tree, document.format))
    edits: dict[int, list[Decision]] = {}
    skipped: list[Decision] = []
    module = MODULES[document.format]
    joins: list[tuple[int, int, str]] = []
    for decision in decisions:
        k = _inside(document, decision)
        if k is not None:
            edits.setdefault(k, []).append(decision)
        elif spread := _word_by_word(document, decision):
            for w, piece in spread:
                edits.setdefault(w, []).append(piece)
        elif document.format == "alto" and (parts := _hyphen_parts(document, decision)):
            joins.append((*parts, decision.replacement))
        else:
            skipped.append(decision)
    for first, second, whole in joins:
        alto.join(leaves[first].element, leaves[second].element, whole)
    changed: dict[etree._Element, tuple[str, str]] = {}
    for k, inside in edits.items():
        word, leaf = document.words[k], leaves[k]
        new = leaf.text
        for d in sorted(inside, key=lambda d: d.start, reverse=True):
            new = new[: d.start - word.start] + d.replacement + new[d.end - word.start :]
        if new != leaf.text:
            confidence = min(d.confidence for d in inside)
            module.rewrite(leaf.element, leaf.text, new, confidence)
            changed[leaf.element] = (leaf.text, new)
    if changed or joins:
        module.finish(tree.getroot(), changed)
        when = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
        note = (
            f"{len(changed)} words corrected, the original readings kept as alternatives; "
            f"{len(joins)} words broken across lines marked whole"
        )
        module.record(tree.getroot(), note, when.replace("+00:00", "Z"), version)
    return serialize(tree), Written(len(changed), len(joins), tuple(skipped))


def _inside(document: Document, decision: Decision) -> int | None:
    """The word whose element holds all of ``decision``, if one does and may be rewritten."""
    k = document.word_at(decision.start)
    if k is None or decision.end > document.words[k].end or not document.words[k].editable:
        return None
    return k


def _word_by_word(document: Document, decision: Decision) -> list[tuple[int, Decision]]:
    """``decision`` as one decision per word element, where it spans several and
    puts as many words for them ("ber motber" -> "her mother"): each element keeps
    its box and takes its word. Empty if it cannot be so divided."""
    first = document.word_at(decision.start)
    last = document.word_at(decision.end - 1)
    if first is None or last is None or first == last:
        return []
    covered = list(range(first, last + 1))
    parts = decision.replacement.split()
    if len(parts) != len(covered) or not all(document.words[w].editable for w in covered):
        return []
    out = []
    for w, part in zip(covered, parts, strict=True):
        word = document.words[w]
        start, end = max(decision.start, word.start), min(decision.end, word.end)
        piece = replace(
            decision, start=start, end=end, original=document.text[start:end], replacement=part
        )
        out.append((w, piece))
    return out


def _hyphen_parts(document: Document, decision: Decision) -> tuple[int, int] | None:
    """The two word elements of a word broken at a line end that ``decision``
    joins ("consecte-" "tur" -> "consectetur"), if it is such a join."""
    first = document.word_at(decision.start)
    last = document.word_at(decision.end - 1)
    if first is None or last is None or not document.words[last].editable:
        return None
    between = [w for w in range(first + 1, last) if document.words[w].editable]
    joined = HYPHEN_BREAK.sub("", decision.original)
    if last == first or between or joined != decision.replacement:
        return None
    return first, last


def serialize(tree: etree._ElementTree) -> bytes:
    """The file's bytes: its declaration, document type, encoding and the comments
    and processing instructions around the root kept. The root is serialized
    apart from its document type, which would make libxml2 write XHTML its own
    way (adding ``xml:lang`` beside every ``lang``)."""
    info = tree.docinfo
    encoding = info.encoding or "UTF-8"
    root = tree.getroot()
    declaration = f"<?xml version='{info.xml_version or '1.0'}' encoding='{encoding}'"
    if info.standalone is not None:
        declaration += f" standalone='{'yes' if info.standalone else 'no'}'"
    doctype: str = getattr(info, "doctype", "")  # lxml-stubs lack it
    head = [declaration + "?>", *([doctype] if doctype else [])]
    before = [_node(n) for n in reversed(list(root.itersiblings(preceding=True)))]
    after = [_node(n) for n in root.itersiblings()]
    body = etree.tostring(copy.deepcopy(root), encoding="unicode")
    text = "\n".join([*head, *before, body, *after]) + "\n"
    return text.encode(encoding, errors="xmlcharrefreplace")


def _node(node: etree._Element) -> str:
    """A comment or processing instruction beside the root, as written."""
    text: str = etree.tostring(node, encoding="unicode", with_tail=False)
    return text
