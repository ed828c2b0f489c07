"""Find and read the shipped data files in ``dictionaries/``.

Data files are UTF-8 text: ``#`` starts a comment line, fields are separated
by tabs. Each file's header says where it came from and how to rebuild it.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources


def read_text(name: str) -> str:
    """The text of the shipped data file ``name``."""
    return resources.files("ocrfix.dictionaries").joinpath(name).read_text(encoding="utf-8")


def rows(name: str) -> Iterator[list[str]]:
    """The tab-separated rows of ``name``, skipping comments and blank lines."""
    for line in read_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")
