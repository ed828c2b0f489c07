"""Parsing XML safely: no external entities, no network, no entity expansion.

OCR files come from anywhere. A document that declares entities (the
"billion laughs" bomb, or an external entity pointing at a local file) is
refused outright rather than parsed with its entities left unexpanded: such a
file is no real OCR output, and refusing it is simpler to trust. Errors name
the file and the line.
"""

from __future__ import annotations

from pathlib import Path

import regex
from lxml import etree

# An entity declaration in a document type declaration, internal or external.
ENTITY_DECLARATION = regex.compile(rb"<!ENTITY", regex.IGNORECASE)
DOCTYPE = regex.compile(rb"<!DOCTYPE", regex.IGNORECASE)


class FormatError(ValueError):
    """A file that cannot be read as the format it claims to be; the message names
    the file and, where there is one, the line."""


def parse(data: bytes, name: str) -> etree._ElementTree:
    """The XML tree of ``data`` (the contents of the file ``name``)."""
    doctype = DOCTYPE.search(data)
    if doctype is not None:
        entity = ENTITY_DECLARATION.search(data, doctype.start())
        if entity is not None:
            line = data.count(b"\n", 0, entity.start()) + 1
            raise FormatError(
                f"{name}:{line}: declares XML entities; refused (OCR files need none, "
                "and entities can expand without bound or read local files)"
            )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=False,
    )
    try:
        return etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        message = exc.msg.split(f" ({name}")[0] if exc.msg else "not well-formed XML"
        raise FormatError(f"{name}:{line}: not well-formed XML: {message}") from None


def read_tree(path: Path) -> etree._ElementTree:
    """The XML tree of the file at ``path``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FormatError(f"{path}: cannot read it: {exc.strerror}") from None
    return parse(data, str(path))
