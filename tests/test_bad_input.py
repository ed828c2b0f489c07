"""The bad-input matrix: every odd input gets a decided answer.

Either it is processed correctly (its bytes kept wherever ocrfix changes
nothing), or it is refused with one line on stderr and exit 2, the input
untouched and nothing half-written. Cases tested elsewhere: invalid UTF-8,
binary and NUL bytes (refused: test_cli ``test_unreadable_input_...``),
Latin-1 with ``--encoding``, UTF-16 with a BOM, CRLF, one bad file among
good ones, an output onto its input, Ctrl-C during a batch and a review
(test_cli, test_review), malformed and malicious XML (test_formats).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
import regex

from ocrfix import check
from ocrfix.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FLAGS, main

pytestmark = pytest.mark.slow

NOISY = "They sat at tbe table.\n"


def fix_file(tmp_path: Path, content: bytes, *args: str) -> tuple[int, bytes]:
    source, out = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(content)
    code = main(["fix", str(source), "-o", str(out), *args])
    assert source.read_bytes() == content  # the input is never changed
    return code, out.read_bytes()


@pytest.mark.parametrize(
    ("content", "code", "expected"),
    [
        (b"", EXIT_CLEAN, b""),  # empty: nothing to do, an empty output
        (b"  \n\t\n \r\n", EXIT_CLEAN, b"  \n\t\n \r\n"),  # white space only: kept as it is
        (b"\xef\xbb\xbf" + NOISY.encode(), EXIT_FLAGS, b"\xef\xbb\xbfThey sat at the table.\n"),
        # Line endings of every kind, mixed, kept where they are.
        (
            b"They sat at tbe table.\r\nThen\rthey left\nthe house.\r\n",
            EXIT_FLAGS,
            b"They sat at the table.\r\nThen\rthey left\nthe house.\r\n",
        ),
    ],
    ids=["empty", "white-space-only", "utf8-bom", "mixed-line-endings"],
)
def test_processed_as_it_came(tmp_path: Path, content: bytes, code: int, expected: bytes) -> None:
    assert fix_file(tmp_path, content) == (code, expected)


def test_a_line_of_a_million_characters_is_processed(tmp_path: Path) -> None:
    line = ("They sat at tbe table and ate. " * 40_000)[:1_000_000]
    code, out = fix_file(tmp_path, line.encode() + b"\n", "--jobs", "1")
    assert code == EXIT_FLAGS
    assert out.decode() == line.replace("tbe", "the") + "\n"


SCRIPTS = (
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd. "  # Hebrew, right to left
    "\u4f60\u597d\u4e16\u754c\u3002 "  # Chinese
    "They sat \U0001f600 at tbe table, "  # an emoji before the error
    "the cafe\u0301 and the na\u0131\u0308ve "  # combining marks (NFD)
    "\U0001f469\u200d\U0001f469\u200d\U0001f467 family.\n"  # one grapheme of five code points
)


def test_offsets_stay_right_in_any_script() -> None:
    """Every flag's span is its text, on grapheme boundaries; the error after
    the emoji is found at its code-point offset."""
    flags = check(SCRIPTS)
    assert [f.text for f in flags if f.best and f.best.text == "the"] == ["tbe"]
    starts = {m.start() for m in regex.finditer(r"\X", SCRIPTS)} | {len(SCRIPTS)}
    for flag in flags:
        assert SCRIPTS[flag.start : flag.end] == flag.text
        assert flag.start in starts and flag.end in starts


def test_nfc_and_nfd_are_the_same_text() -> None:
    """The same words composed or decomposed: neither is an error, and the
    decomposed text is not recomposed by fix."""
    text = "The caf\u00e9 served a na\u00efve old man.\n"
    decomposed = unicodedata.normalize("NFD", text)
    assert check(text) == [] and check(decomposed) == []


def test_a_link_to_nowhere_is_reported_and_a_link_loop_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(NOISY, encoding="utf-8")
    (src / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (src / "sub" / "loop").symlink_to(src, target_is_directory=True)
    assert main(["fix", str(src), "-o", str(out), "--jobs", "1"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "gone.txt: no such file" in err and "Traceback" not in err
    assert sorted(p.name for p in out.rglob("*")) == ["a.txt"]


def test_an_output_that_cannot_be_written_leaves_nothing_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The output directory cannot be made (a file stands where it would be):
    one line, exit 2, the input intact, no partial or temporary file."""
    source = tmp_path / "a.txt"
    source.write_text(NOISY, encoding="utf-8")
    (tmp_path / "blocked").write_text("a file, not a directory", encoding="utf-8")
    target = tmp_path / "blocked" / "out" / "a.txt"
    assert main(["fix", str(source), "-o", str(target)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("ocrfix: error: ") and err.count("\n") == 1, err
    assert "cannot write" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "blocked"]
    assert source.read_text(encoding="utf-8") == NOISY


def test_json_of_a_bad_input_still_names_it(tmp_path: Path) -> None:
    """A batch's JSON report keeps one object per good file; the bad one is on stderr."""
    (tmp_path / "a.txt").write_text(NOISY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"caf\xc3\x28\n")
    out = tmp_path / "out"
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "ocrfix", "check", str(tmp_path / "a.txt"),
         str(tmp_path / "b.txt"), "--format", "json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == EXIT_ERROR
    assert [json.loads(line)["path"] for line in done.stdout.splitlines()] == [
        str(tmp_path / "a.txt")
    ]
    assert "b.txt: not valid utf-8" in done.stderr and not out.exists()


@pytest.mark.parametrize(
    "text",
    [
        "one two three\n\nfour five\n\n\nsix\n",
        "a single line with no break at all and many words " * 20,
        "\r\n".join(f"line {k} of a page" for k in range(100)),
        "x" * 700,  # no place to cut: one piece
    ],
)
def test_pieces_of_a_stream_join_to_the_text_and_never_cut_a_word(text: str) -> None:
    from ocrfix.stream import pieces

    fragments = [text[k : k + 40] for k in range(0, len(text), 40)]
    found = list(pieces(fragments, size=100))
    assert "".join(found) == text
    if " " in text:
        assert all(piece[-1] in " \t\r\n" for piece in found[:-1])


@pytest.fixture
def small_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stream files above 2,000 bytes in pieces of 500 characters."""
    import ocrfix.stream

    monkeypatch.setattr(ocrfix.stream, "STREAM_BYTES", 2000)
    monkeypatch.setattr(ocrfix.stream, "PIECE_CHARS", 500)


@pytest.mark.usefixtures("small_stream")
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le"])
def test_a_large_file_is_fixed_piece_by_piece_as_a_whole_would_be(
    tmp_path: Path, encoding: str
) -> None:
    """Paragraphs streamed through ``fix -o`` give what fixing the whole text
    gives, line endings and BOM kept."""
    from ocrfix import fix

    paragraphs = [f"Paragraph {k}: they sat at tbe table.\r\nThey left.\r\n" for k in range(80)]
    text = "\ufeff" + "\r\n".join(paragraphs)
    source, out = tmp_path / "big.txt", tmp_path / "out" / "big.txt"
    source.write_bytes(text.encode(encoding))
    assert main(["fix", str(source), "-o", str(out), "--jobs", "1"]) == EXIT_FLAGS
    assert out.read_bytes() == fix(text).text.encode(encoding)
    assert "tbe" not in fix(text).text
    assert sorted(p.name for p in out.parent.iterdir()) == ["big.txt"]  # no temporary file


def patched(before: list[str], diff: str) -> list[str]:
    """``before`` with the unified ``diff`` applied, each context and removed line checked."""
    after, at = [], 0
    for line in diff.splitlines(keepends=True)[2:]:
        hunk = regex.match(r"@@ -(\d+)(?:,(\d+))?", line)
        if hunk:
            upto = int(hunk[1]) - (hunk[2] != "0")
            after, at = after + before[at:upto], upto
        elif line[0] in " -":
            assert before[at] == line[1:]
            after, at = after + [line[1:]] * (line[0] == " "), at + 1
        else:
            after.append(line[1:])
    return after + before[at:]


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "--format", "json"],
        ["fix"],
        ["fix", "--diff"],
        ["fix", "--format", "json"],
    ],
    ids=["check", "check-json", "fix-stdout", "fix-diff", "fix-json"],
)
def test_a_large_file_is_reported_piece_by_piece_as_a_whole_would_be(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    """Every report of a streamed file, line numbers and offsets included, is the
    report of the file read whole (but for confidences: a piece has its own
    statistics); the spooled report is removed once printed."""
    import tempfile

    import ocrfix.stream

    paragraphs = [f"Paragraph {k}: they sat at tbe table.\r\nThey left.\r\n" for k in range(80)]
    source = tmp_path / "big.txt"
    source.write_bytes("\r\n".join(paragraphs).encode())
    whole_code = main([*argv, str(source), "--jobs", "1"])
    whole = capsys.readouterr()
    monkeypatch.setattr(ocrfix.stream, "STREAM_BYTES", 2000)
    monkeypatch.setattr(ocrfix.stream, "PIECE_CHARS", 500)
    spools = tmp_path / "spools"
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    assert main([*argv, str(source), "--jobs", "1"]) == whole_code == EXIT_FLAGS
    streamed = capsys.readouterr()

    def confidences_out(report: str) -> str:
        return regex.sub(r"\b[01]\.\d+", "#", report)

    if "--diff" in argv:  # hunks split where pieces end: the same patch
        before = source.read_bytes().decode().splitlines(keepends=True)
        assert patched(before, streamed.out) == patched(before, whole.out)
    else:
        assert confidences_out(streamed.out) == confidences_out(whole.out)
    assert whole.out.count("the") >= 80  # a report of 80 fixes
    assert streamed.err == whole.err
    assert list(spools.iterdir()) == []


@pytest.mark.usefixtures("small_stream")
def test_a_large_file_that_turns_out_not_to_be_utf8_leaves_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "big.txt", tmp_path / "out.txt"
    source.write_bytes(NOISY.encode() * 200 + b"caf\xe9\n")
    assert main(["fix", str(source), "-o", str(out), "--jobs", "1"]) == EXIT_ERROR
    assert "not valid utf-8 after" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]


@pytest.mark.parametrize("command", ["check", "fix", "siblings"])
def test_an_empty_directory_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    (tmp_path / "in").mkdir()
    argv = [command, str(tmp_path / "in")] + (["-o", str(tmp_path / "out")] * (command == "fix"))
    assert main(argv) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err == f"ocrfix: error: no files to read in {tmp_path / 'in'}\n"


def test_review_of_a_layout_file_says_what_to_use(capsys: pytest.CaptureFixture[str]) -> None:
    page = Path(__file__).parent.parent / "samples" / "layout" / "alice-degraded.hocr"
    assert main(["review", str(page)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "review takes plain text" in err and err.count("\n") == 1


@pytest.mark.usefixtures("small_stream")
def test_a_sibling_too_large_to_read_whole_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, copy = tmp_path / "a.txt", tmp_path / "copy.txt"
    source.write_text(NOISY, encoding="utf-8")
    copy.write_text(NOISY.replace("tbe", "the") * 200, encoding="utf-8")
    assert main(["fix", str(source), "--sibling", str(copy), "--jobs", "1"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "more than ocrfix reads whole as a sibling" in err and err.count("\n") == 1


@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
@pytest.mark.parametrize("where", ["-o", "--in-place"])
def test_a_full_disk_leaves_the_input_and_the_earlier_output_whole(
    tmp_path: Path, streamed: bool, where: str
) -> None:
    """A write that fails for want of space (here: a file-size limit, which fails a
    write as a full disk does) is one line, exit 2; the input and any earlier output
    are as they were and no temporary file is left."""
    import resource
    import subprocess
    import sys

    source, out = tmp_path / "a.txt", tmp_path / "out.txt"
    content = NOISY.encode() * 2000  # 46 KB; the limit below is 16 KB
    source.write_bytes(content)
    out.write_text("an earlier output\n", encoding="utf-8")
    stream = "import ocrfix.stream as s; s.STREAM_BYTES = 2000; s.PIECE_CHARS = 500; "
    script = (
        f"import sys; {stream if streamed else ''}"
        "from ocrfix.cli import main; sys.exit(main(sys.argv[1:]))"
    )

    def small_files() -> None:
        hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
        resource.setrlimit(resource.RLIMIT_FSIZE, (16384, hard))

    argv = ["fix", str(source), "--jobs", "1"] + (["-o", str(out)] if where == "-o" else [where])
    done = subprocess.run(
        [sys.executable, "-c", script, *argv],
        preexec_fn=small_files, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == EXIT_ERROR, done.stderr
    assert done.stderr.startswith("ocrfix: error: ") and done.stderr.count("\n") == 1
    assert "cannot write (File too large)" in done.stderr
    assert source.read_bytes() == content
    assert out.read_text(encoding="utf-8") == "an earlier output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.txt"]


def test_an_unknown_language_is_one_line_naming_the_choices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.txt"
    source.write_text(NOISY, encoding="utf-8")
    assert main(["fix", str(source), "--lang", "xx"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "'xx'" in err and "auto" in err and " de, " in err
