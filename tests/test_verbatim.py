"""Code quoted in a text is left as it is."""

from __future__ import annotations

from ocrfix import fix
from ocrfix.verbatim import code_spans

MARKDOWN = (
    "Use `clippy::all` in your code. Run:\n"
    "\n"
    "```\n"
    "cargo clippy -p example -- -W clippy::pedantic\n"
    "```\n"
    "The tbe end.\n"
)


def test_code_between_backticks_and_in_fenced_blocks_is_not_corrected() -> None:
    assert fix(MARKDOWN).text == MARKDOWN.replace("tbe", "the")


def test_code_spans_are_the_quoted_code_with_its_marks() -> None:
    spans = [MARKDOWN[start:end] for start, end in code_spans(MARKDOWN)]
    assert spans == [
        "`clippy::all`",
        "```\ncargo clippy -p example -- -W clippy::pedantic\n```",
    ]


def test_an_unclosed_fence_runs_to_the_end_and_a_longer_one_closes_it() -> None:
    text = "Intro.\n~~~~\ncode ~~~\n~~~\nstill code\n~~~~~\nprose\n```\nlast"
    spans = [text[start:end] for start, end in code_spans(text)]
    assert spans == ["~~~~\ncode ~~~\n~~~\nstill code\n~~~~~", "```\nlast"]


def test_backticks_glued_to_words_are_ocr_specks_not_code() -> None:
    text = "The leader of a ring`Of young men who` was caught."
    assert code_spans(text) == []


def test_a_restructuredtext_link_is_code_too() -> None:
    text = "See `Working with Tables <https://example.org/tables.html>`__ in the guide."
    assert [text[start:end] for start, end in code_spans(text)] == [
        "`Working with Tables <https://example.org/tables.html>`"
    ]


RESTRUCTURED = (
    "The following command lists the tags::\n"
    "\n"
    "    aws ec2 describe-tags --filters Name=key,Values=cost-center\n"
    "\n"
    "      --query Tags::EC2::Gateway\n"
    "\n"
    "Output tbe tags.\n"
)


def test_a_restructured_text_literal_block_is_code_up_to_the_first_line_not_indented() -> None:
    spans = [RESTRUCTURED[start:end] for start, end in code_spans(RESTRUCTURED)]
    assert spans == [
        "    aws ec2 describe-tags --filters Name=key,Values=cost-center\n"
        "\n"
        "      --query Tags::EC2::Gateway\n"
    ]
    assert fix(RESTRUCTURED).text == RESTRUCTURED.replace("tbe", "the")
    indented = "He said so:\n\n    an indented paragraph, tbe next."
    assert code_spans(indented) == []
