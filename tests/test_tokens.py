"""The tokenizer: exact cover of the input, whole URLs and numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocrfix.tokens import tokenize
from ocrfix.types import TokenKind


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind.value) for t in tokenize(text) if t.kind is not TokenKind.SPACE]


@given(st.text())
def test_tokens_cover_the_text_exactly(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    position = 0
    for token in tokens:
        assert token.start == position and text[token.start : token.end] == token.text
        position = token.end


@pytest.mark.parametrize(
    "text",
    ["1,400", "1,400,000", "3.5", "2017-12-11", "12/11/2017", "10:30", "20171211"],
)
def test_numbers_with_separators_are_one_token(text: str) -> None:
    assert kinds(text) == [(text, "number")]


def test_a_comma_group_needs_three_digits() -> None:
    assert kinds("11,2017") == [("11", "number"), (",", "punct"), ("2017", "number")]


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            "see https://ria.ru/syria/20171211/1510638374.html.",
            "https://ria.ru/syria/20171211/1510638374.html",
        ),
        ("(www.example.org/a?b=c)", "www.example.org/a?b=c"),
    ],
)
def test_urls_are_one_token_without_closing_punctuation(text: str, url: str) -> None:
    assert (url, "url") in kinds(text)


def test_email_addresses_are_one_token() -> None:
    assert kinds("write to info@example.org today")[2] == ("info@example.org", "email")


def test_words_keep_inner_apostrophes_and_hyphens_but_not_a_final_hyphen() -> None:
    assert kinds("Assad's fashionably-attired pro-\nperty") == [
        ("Assad's", "word"),
        ("fashionably-attired", "word"),
        ("pro", "word"),
        ("-", "punct"),
        ("\n", "newline"),
        ("perty", "word"),
    ]


def test_line_breaks_are_tokens_of_their_own_kind() -> None:
    assert [t.text for t in tokenize("a\r\nb\rc\n") if t.kind is TokenKind.NEWLINE] == [
        "\r\n",
        "\r",
        "\n",
    ]


def test_mixed_script_word_is_one_token() -> None:
    assert kinds("Marсh") == [("Marсh", "word")]


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("see /usr/share/doc now.", "/usr/share/doc"),
        ("Files: po/hy.po", "po/hy.po"),
        ("in ~/bin/run, then", "~/bin/run"),
        ("run ./configure first", "./configure"),
        ("under src/lib/core we", "src/lib/core"),
    ],
)
def test_file_paths_are_one_token(text: str, path: str) -> None:
    assert (path, "path") in kinds(text)


def test_two_words_with_a_slash_are_no_path_and_byte_values_are_a_number() -> None:
    assert ("and", "word") in kinds("and/or")
    assert kinds("AC:A7:BE:45") == [("AC:A7:BE:45", "number")]
