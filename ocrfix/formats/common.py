"""What the format modules share: the leaves they read and helpers for XML names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lxml import etree

# What stands between a leaf's text and the one before it in the document's
# text: nothing (a hyphen mark of its word), a space, a line break, or a
# blank line (a new paragraph or block).
Break = Literal["", " ", "\n", "\n\n"]


@dataclass(frozen=True, slots=True)
class Leaf:
    """One element holding text: a word, or a line or region where the file has no words.

    confidence: the OCR engine's, from 0 (unsure) to 1 (sure); None if it gave none.
    editable: False for a line-end hyphen mark (ALTO ``HYP``), which ocrfix never rewrites.
    """

    element: etree._Element
    text: str
    confidence: float | None
    before: Break
    editable: bool = True


def local(element: etree._Element) -> str:
    """The element's name without its namespace ("" for comments and PIs)."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def child(parent: etree._Element, name: str) -> etree._Element:
    """A new element named ``name`` in ``parent``'s namespace (not yet attached)."""
    namespace = etree.QName(parent).namespace
    return etree.Element(f"{{{namespace}}}{name}" if namespace else name, nsmap=None)


def children(parent: etree._Element, name: str) -> list[etree._Element]:
    """``parent``'s child elements named ``name`` (any namespace)."""
    return [c for c in parent if local(c) == name]


def to_confidence(raw: str | None, scale: float) -> float | None:
    """``raw`` (a number from 0 to ``scale``) as 0..1; None if missing or not a number."""
    if raw is None:
        return None
    try:
        value = float(raw) / scale
    except ValueError:
        return None
    return min(1.0, max(0.0, value))
