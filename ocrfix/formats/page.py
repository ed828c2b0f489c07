"""PAGE XML (2013 to 2019): text is in ``TextEquiv/Unicode`` of words, lines or regions.

The leaves are the ``Word`` elements; a line without words, or a region
without lines, is a leaf itself. Confidence is ``TextEquiv/@conf`` (0-1). The
main reading of an element is its ``TextEquiv`` with the lowest ``index``.
A correction becomes a new ``TextEquiv index="1"`` before the others, whose
indices move up by one (the original, unindexed, becomes ``index="2"``); the
line and region texts are rebuilt from their words where they were their
words joined; a ``MetadataItem`` (2018 and later; else a line in
``Comments``) records the run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lxml import etree

from ocrfix.formats.common import Break, Leaf, child, children, local, to_confidence

REGIONS = frozenset({"TextRegion"})
METADATA_ITEMS = ("2018-07-15", "2019-07-15")


def leaves(root: etree._Element) -> Iterator[Leaf]:
    """Every word (or line without words, or region without lines) in document order."""
    first = True
    for region in (e for e in root.iter() if local(e) in REGIONS):
        new_region = True
        lines = [line for line in children(region, "TextLine") if _has_text(line)]
        units = lines or ([region] if main_text(region) is not None else [])
        for line in units:
            words = [w for w in children(line, "Word") if main_text(w) is not None]
            new_line = True
            for element in words or [line]:
                text = main_text(element)
                if text is None:
                    continue
                before: Break = "" if first else "\n\n" if new_region else "\n" if new_line else " "
                first = new_region = new_line = False
                yield Leaf(element, text, _confidence(element), before)


def _has_text(line: etree._Element) -> bool:
    return main_text(line) is not None or any(
        main_text(w) is not None for w in children(line, "Word")
    )


def _main(element: etree._Element) -> etree._Element | None:
    """The element's TextEquiv with the lowest index (the first, where none has one)."""
    found = children(element, "TextEquiv")
    if not found:
        return None
    return min(enumerate(found), key=lambda pair: _index(pair[1], pair[0]))[1]


def _index(equiv: etree._Element, position: int) -> tuple[int, int]:
    raw = equiv.get("index")
    return (int(raw), position) if raw is not None and raw.lstrip("-").isdigit() else (1, position)


def main_text(element: etree._Element) -> str | None:
    """The element's main reading, or None if it has none."""
    equiv = _main(element)
    if equiv is None:
        return None
    unicode = next(iter(children(equiv, "Unicode")), None)
    return None if unicode is None else unicode.text or ""


def _confidence(element: etree._Element) -> float | None:
    equiv = _main(element)
    return None if equiv is None else to_confidence(equiv.get("conf"), 1.0)


def rewrite(element: etree._Element, old: str, new: str, confidence: float) -> None:
    """A new main TextEquiv holding ``new``; the others, ``old`` among them, follow."""
    existing = children(element, "TextEquiv")
    indices = [_index(e, k)[0] + 1 for k, e in enumerate(existing)]
    for equiv, index in zip(existing, indices, strict=True):
        equiv.set("index", str(index))
    corrected = child(element, "TextEquiv")
    corrected.set("index", str(max(0, min(indices) - 1)))
    corrected.set("conf", f"{confidence:.3f}")
    unicode = child(corrected, "Unicode")
    unicode.text = new
    corrected.append(unicode)
    first = existing[0]
    corrected.tail = first.tail
    first.addprevious(corrected)


def finish(root: etree._Element, changed: Mapping[etree._Element, tuple[str, str]]) -> None:
    """Rebuild the text of each line holding a corrected word, and of its region,
    where it was the words (the lines) joined: they stay consistent."""
    lines = {w.getparent(): None for w in changed if local(w) == "Word"}
    old_lines: dict[etree._Element, str] = {}
    for line in lines:
        if line is None:
            continue
        words = children(line, "Word")
        before = " ".join(changed[w][0] if w in changed else main_text(w) or "" for w in words)
        if _rejoined(line, before, " ".join(main_text(w) or "" for w in words)):
            old_lines[line] = before
    for region in {line.getparent(): None for line in old_lines}:
        if region is None:
            continue
        rows = children(region, "TextLine")
        before = "\n".join(old_lines.get(r, main_text(r) or "") for r in rows)
        _rejoined(region, before, "\n".join(main_text(r) or "" for r in rows))


def _rejoined(element: etree._Element, before: str, after: str) -> bool:
    """Give ``element`` the text ``after`` if its text is ``before``; did it?"""
    if main_text(element) != before or before == after:
        return False
    rewrite(element, before, after, 1.0)
    return True


def record(root: etree._Element, note: str, when: str, version: str) -> None:
    """A ``MetadataItem`` (PAGE 2018 and later) or a line in ``Comments``."""
    metadata = next((e for e in root if local(e) == "Metadata"), None)
    if metadata is None:
        return
    namespace = etree.QName(root).namespace or ""
    if any(year in namespace for year in METADATA_ITEMS):
        item = child(metadata, "MetadataItem")
        item.set("type", "processingStep")
        item.set("name", "ocrfix")
        item.set("value", f"ocrfix {version}: {note}")
        item.set("date", when)
        if len(metadata):
            item.tail = metadata[-1].tail
            metadata[-1].tail = metadata.text
        metadata.append(item)
        return
    comments = next(iter(children(metadata, "Comments")), None)
    line = f"{when} ocrfix {version}: {note}"
    if comments is None:
        comments = child(metadata, "Comments")
        at = sum(1 for c in metadata if local(c) in ("Creator", "Created", "LastChange"))
        comments.tail = metadata[at - 1].tail if at else None
        metadata.insert(at, comments)
        comments.text = line
    else:
        comments.text = f"{comments.text}\n{line}" if comments.text else line
