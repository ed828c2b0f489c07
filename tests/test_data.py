"""The shipped data files and the on-disk cache."""

from __future__ import annotations

import pickle
import unicodedata
from pathlib import Path

import pytest

from ocrfix.cache import cached
from ocrfix.data import read_text, rows


def test_every_data_file_has_a_provenance_header() -> None:
    for name in ("ocr_confusions.tsv", "homoglyphs.tsv", "function_words.tsv"):
        text = read_text(name)
        assert text.startswith("#") and "Where it came from" in text, name


def test_the_function_word_table_holds_each_languages_commonest_words() -> None:
    """Every row is a language's commonest words as the installed wordfreq
    ranks them (within its first few hundred, should a release reorder them)."""
    import wordfreq

    table = dict(rows("function_words.tsv"))
    assert {"en", "de", "fr", "it", "es"} <= table.keys()
    for lang, words in table.items():
        listed = words.split()
        assert len(listed) >= 80, lang
        assert set(listed) <= set(wordfreq.top_n_list(lang, 300)), lang


def test_homoglyph_rows_map_a_foreign_letter_to_one_latin_letter() -> None:
    for char, latin, name in rows("homoglyphs.tsv"):
        assert unicodedata.name(char).startswith(("CYRILLIC", "GREEK")), char
        assert name.startswith(unicodedata.name(char)), (char, name)
        assert len(latin) == 1 and unicodedata.name(latin).startswith("LATIN"), latin


def test_cache_builds_once_then_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCRFIX_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"a": 1}

    assert cached("thing", "key-1", build) == {"a": 1}
    assert cached("thing", "key-1", build) == {"a": 1}
    assert len(calls) == 1
    cached("thing", "key-2", build)  # another key: rebuilt, never the stale entry
    assert len(calls) == 2


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCRFIX_CACHE_DIR", str(tmp_path))
    cached("thing", "k", lambda: [1])
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(b"not a pickle")
    assert cached("thing", "k", lambda: [2]) == [2]
    assert pickle.loads(entry.read_bytes()) == [2]


def test_an_unwritable_cache_only_costs_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("OCRFIX_CACHE_DIR", str(blocker / "sub"))
    assert cached("thing", "k", lambda: 42) == 42
