"""Code quoted in a text is left as it is."""

from __future__ import annotations

from ocrfix import check, fix
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


MARKUP = (
    "Options are listed in tbe table.\n"
    "\n"
    "| Option | Linux | macOS |\n"
    "|:-------|:-----:|------:|\n"
    "| `-r`   | ✔     |       |\n"
    "| -f     |       | ✔     |\n"
    "\n"
    "See [the guide](../../onboarding.md) and [notes][n].\n"
    "\n"
    "[n]: ../notes_v2..md\n"
    '<a id="0.10.15"></a>\n'
    "<!-- YAML\nadded: v1.0.0\n-->\n"
)


def test_markdown_tables_links_and_html_are_markup_not_prose() -> None:
    spans = [MARKUP[start:end] for start, end in code_spans(MARKUP)]
    assert spans == [
        "| Option | Linux | macOS |\n|:-------|:-----:|------:|\n| `-r`   | ✔     |       |\n"
        "| -f     |       | ✔     |",
        "](../../onboarding.md)",
        "[n]: ../notes_v2..md",
        '<a id="0.10.15"></a>',
        "<!-- YAML\nadded: v1.0.0\n-->",
    ]
    assert fix(MARKUP).text == MARKUP.replace("tbe", "the")


def test_a_word_in_braces_is_a_type_or_a_placeholder() -> None:
    text = "Returns: {net.Socket} for the file {yyyy}.log, tbe end."
    assert [text[start:end] for start, end in code_spans(text)] == ["{net.Socket}", "{yyyy}"]
    assert fix(text).text == text.replace("tbe", "the")


def test_bars_and_angle_brackets_of_prose_are_no_markup() -> None:
    """A bar OCR read for a column rule is no table without a delimiter row;
    words in angle brackets are no tag."""
    text = "He went | home and | slept.\nPut <one line to give the program name> here."
    assert code_spans(text) == []


def test_emphasis_is_markup_in_a_markdown_document_only() -> None:
    """A heading and a link make a text Markdown, and its "_..._" emphasis;
    in a text without Markdown's signs, low lines around words are specks."""
    markdown = (
        "# Errors\n\nThe _Invalid Module Specifier_ error is **not** thrown; [see](../g.md).\n"
    )
    assert [markdown[start:end] for start, end in code_spans(markdown)] == [
        "_",
        "_",
        "**",
        "**",
        "](../g.md)",
    ]
    assert fix(markdown).text == markdown
    assert fix("The _Invalid Module Specifier_ error is thrown.").text == (
        "The Invalid Module Specifier error is thrown."
    )


def test_a_handle_is_its_owners_name_in_a_markdown_document_only() -> None:
    """After an "@", a user's handle; an address keeps its own reading, and in
    a text without Markdown's signs an "@" glued to a word is a misread letter."""
    markdown = "# Maintainers\n\n- [@pquentin](https://github.com/pquentin), mail a@b.org\n"
    spans = [markdown[start:end] for start, end in code_spans(markdown)]
    assert spans == ["@pquentin](https://github.com/pquentin)"]
    assert check(markdown) == []
    assert [f.text for f in check("Thanks to @pquentin for the fix.")] == ["pquentin"]
