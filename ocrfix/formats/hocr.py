"""hOCR (XHTML, as Tesseract writes it): words are ``ocrx_word`` elements.

Confidence is ``x_wconf`` (0-100) in the ``title``. A corrected word keeps its
element, box and attributes; its text becomes an ``alternatives`` span (hOCR
1.2): ``<ins class="alt">`` the correction, ``<del class="alt">`` the original.
Provenance is a ``<meta name="ocrfix-corrections">`` in the head.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping

import regex
from lxml import etree

from ocrfix.formats.common import Break, Leaf, child, local, to_confidence

WORD = "ocrx_word"
LINES = frozenset({"ocr_line", "ocrx_line", "ocr_caption", "ocr_header", "ocr_textfloat"})
BLOCKS = frozenset({"ocr_par", "ocr_carea", "ocrx_block", "ocr_page"})
WCONF = regex.compile(r"(?:^|;)\s*x_wconf\s+(-?[\d.]+)")


def leaves(root: etree._Element) -> Iterator[Leaf]:
    """Every word (or line without words) in document order.

    One walk over the tree, keeping the innermost open line and block, so
    that no word looks up its ancestors.
    """
    lines: list[etree._Element | None] = [None]
    blocks: list[etree._Element | None] = [None]
    last_line: etree._Element | None = None
    last_block: etree._Element | None = None
    first = True
    for event, element in etree.iterwalk(root, events=("start", "end")):
        classes = _classes(element)
        if not classes:
            continue
        is_line, is_block = bool(classes & LINES), bool(classes & BLOCKS)
        if event == "end":
            if is_line:
                lines.pop()
            if is_block:
                blocks.pop()
            continue
        bare_line = is_line and not any(WORD in _classes(e) for e in element.iterdescendants())
        if WORD in classes or bare_line:
            line, block = (element if bare_line else lines[-1]), blocks[-1]
            before: Break = (
                ""
                if first
                else "\n\n"
                if block is not last_block
                else "\n"
                if line is not last_line or line is None
                else " "
            )
            first = False
            last_line, last_block = line, block
            found = WCONF.search(element.get("title", ""))
            confidence = to_confidence(found and found.group(1), 100.0)
            yield Leaf(element, _text(element), confidence, before)
        if is_line:
            lines.append(element)
        if is_block:
            blocks.append(element)


def _classes(element: etree._Element) -> set[str]:
    return set(element.get("class", "").split()) if isinstance(element.tag, str) else set()


def _text(element: etree._Element) -> str:
    """The word's reading: the first ``ins`` of its alternatives, if it has any."""
    for e in element.iter():
        if "alternatives" in _classes(e):
            ins = next((c for c in e if local(c) == "ins"), None)
            return _joined(ins) if ins is not None else ""
    return _joined(element)


def _joined(element: etree._Element) -> str:
    return "".join(str(piece) for piece in element.itertext())


def rewrite(element: etree._Element, old: str, new: str, confidence: float) -> None:
    """Put ``new`` as the word's reading, ``old`` kept as its alternative."""
    holder = element
    while len(holder) == 1 and not (holder.text or "").strip() + (holder[0].tail or "").strip():
        holder = holder[0]  # <strong>, <em>: the formatting stays around the reading
    for inner in list(holder):
        holder.remove(inner)
    holder.text = None
    span = child(holder, "span")
    span.set("class", "alternatives")
    ins, deleted = child(holder, "ins"), child(holder, "del")
    ins.set("class", "alt")
    deleted.set("class", "alt")
    ins.set("title", f"nlp {-math.log(max(confidence, 1e-6)):.3f}")
    deleted.set("title", f"nlp {-math.log(max(1 - confidence, 1e-6)):.3f}")
    ins.text, deleted.text = new, old
    span.extend([ins, deleted])
    holder.append(span)


def record(root: etree._Element, note: str, when: str, version: str) -> None:
    """Say in the head what ocrfix changed."""
    head = next((e for e in root.iter() if local(e) == "head"), None)
    if head is None:
        return
    meta = child(head, "meta")
    meta.set("name", "ocrfix-corrections")
    meta.set("content", f"{when} ocrfix {version}: {note}")
    if len(head):
        meta.tail = head[-1].tail
        head[-1].tail = head.text
    head.append(meta)


def finish(root: etree._Element, changed: Mapping[etree._Element, tuple[str, str]]) -> None:
    """Nothing to keep consistent beyond the words themselves."""
