"""ALTO (v1.4 to v4): words are ``String`` elements, their text ``@CONTENT``.

Confidence is ``@WC`` (0-1, 1 = sure) or else ``@CC`` (a digit per character,
0-9, 0 = sure). A line-end hyphen is a ``HYP`` element: its mark is part of
the text but never rewritten. A corrected word keeps its element, geometry
and every attribute but ``CONTENT``; the original reading is kept as an
``<ALTERNATIVE>`` child (the first one ocrfix adds), and a
``postProcessingStep`` in the ``OCRProcessing`` description records the run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lxml import etree

from ocrfix.formats.common import Break, Leaf, child, children, local, to_confidence

VERSION_3_OR_LATER = ("ns-v3#", "ns-v4#")


def leaves(root: etree._Element) -> Iterator[Leaf]:
    """Every ``String`` (and line-end ``HYP``) in document order."""
    first = True
    for block in (e for e in root.iter() if local(e) == "TextBlock"):
        new_block = True
        for line in children(block, "TextLine"):
            new_line = True
            for element in line:
                name = local(element)
                if name not in ("String", "HYP"):
                    continue
                before: Break = (
                    ""
                    if first or name == "HYP"
                    else "\n\n"
                    if new_block
                    else "\n"
                    if new_line
                    else " "
                )
                first = new_block = new_line = False
                if name == "HYP":
                    yield Leaf(element, element.get("CONTENT", "-"), None, before, editable=False)
                else:
                    yield Leaf(element, element.get("CONTENT", ""), _confidence(element), before)


def _confidence(element: etree._Element) -> float | None:
    word = to_confidence(element.get("WC"), 1.0)
    if word is not None:
        return word
    digits = [int(c) for c in element.get("CC", "") if c.isdigit()]
    return 1 - sum(digits) / (9 * len(digits)) if digits else None


def rewrite(element: etree._Element, old: str, new: str, confidence: float) -> None:
    """``CONTENT`` becomes ``new``; ``old`` is kept as an ALTERNATIVE (after any
    Shape and earlier alternatives, before any Glyph, as the schema orders them)."""
    element.set("CONTENT", new)
    alternative = child(element, "ALTERNATIVE")
    alternative.text = old
    at = sum(1 for c in element if local(c) in ("Shape", "ALTERNATIVE"))
    if len(element) and at == len(element) and element[-1].tail:
        alternative.tail = element[-1].tail
    element.insert(at, alternative)


def join(first: etree._Element, second: etree._Element, word: str) -> None:
    """Mark two Strings as the parts of ``word``, broken at a line end: their
    text stays where it was printed (SUBS_TYPE HypPart1 / HypPart2)."""
    for element, part in ((first, "HypPart1"), (second, "HypPart2")):
        element.set("SUBS_TYPE", part)
        element.set("SUBS_CONTENT", word)


def record(root: etree._Element, note: str, when: str, version: str) -> None:
    """A ``postProcessingStep`` in the first ``OCRProcessing`` (one is made if
    the description has none). A file without a ``Description`` gets none: one
    would need the file's ``MeasurementUnit``, which ocrfix cannot know."""
    description = next((e for e in root if local(e) == "Description"), None)
    if description is None:
        return
    processing = next(iter(children(description, "OCRProcessing")), None)
    if processing is None:
        processing = child(description, "OCRProcessing")
        processing.set("ID", "OCRFIX_PROCESSING")
        processing.append(child(processing, "ocrProcessingStep"))
        at = sum(
            1
            for c in description
            if local(c) in ("MeasurementUnit", "sourceImageInformation", "OCRProcessing")
        )
        description.insert(at, processing)
    step = child(processing, "postProcessingStep")
    namespace = etree.QName(root).namespace or ""
    if any(version_tag in namespace for version_tag in VERSION_3_OR_LATER):
        _add(step, "processingCategory", "contentModification")
    _add(step, "processingDateTime", when)
    _add(step, "processingStepDescription", note)
    software = _add(step, "processingSoftware", None)
    _add(software, "softwareName", "ocrfix")
    _add(software, "softwareVersion", version)
    processing.append(step)


def _add(parent: etree._Element, name: str, text: str | None) -> etree._Element:
    element = child(parent, name)
    element.text = text
    parent.append(element)
    return element


def finish(root: etree._Element, changed: Mapping[etree._Element, tuple[str, str]]) -> None:
    """Nothing to keep consistent beyond the words themselves."""
