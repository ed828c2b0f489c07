"""The command line, through ``main(argv)`` and as a real process."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ocrfix.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FLAGS, main

pytestmark = pytest.mark.slow

NOISY = "They sat at tbe table and ate.\n"
CLEAN = "They sat at the table and ate.\n"


@pytest.fixture
def noisy(tmp_path: Path) -> Path:
    path = tmp_path / "noisy.txt"
    path.write_text(NOISY, encoding="utf-8")
    return path


def test_check_prints_one_line_per_flag_and_exits_1(
    noisy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(noisy)]) == EXIT_FLAGS
    out = capsys.readouterr().out
    expected = rf"{re.escape(str(noisy))}:1:13: non-word 'tbe' -> 'the' \(0\.\d\d\)\n"
    assert re.fullmatch(expected, out), out


def test_check_exits_0_on_clean_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    assert main(["check", str(path)]) == EXIT_CLEAN
    assert capsys.readouterr().out == ""


def test_check_json_follows_the_documented_schema(
    noisy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(noisy), "--format", "json"])
    obj = json.loads(capsys.readouterr().out)
    assert obj["path"] == str(noisy)
    (flag,) = obj["flags"]
    assert set(flag) == {"start", "end", "text", "kind", "reason", "confidence", "suggestions"}
    assert NOISY[flag["start"] : flag["end"]] == flag["text"] == "tbe"
    best = flag["suggestions"][0]
    assert (best["text"], best["source"]) == ("the", "confusion")
    assert 0.8 <= best["confidence"] <= 1.0


def test_fix_writes_corrected_text_to_stdout(
    noisy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix", str(noisy)]) == EXIT_FLAGS
    assert capsys.readouterr().out == CLEAN
    assert noisy.read_text(encoding="utf-8") == NOISY  # the input is kept


def test_fix_diff(noisy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["fix", str(noisy), "--diff"])
    out = capsys.readouterr().out
    assert f"-{NOISY}" in out and f"+{CLEAN}" in out


def test_fix_json_lists_the_decisions(noisy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["fix", str(noisy), "--format", "json"])
    (decision,) = json.loads(capsys.readouterr().out)["decisions"]
    assert (decision["original"], decision["replacement"]) == ("tbe", "the")


def test_fix_directory_to_output_directory(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(NOISY, encoding="utf-8")
    (src / "sub" / "b.txt").write_text(CLEAN, encoding="utf-8")
    assert main(["fix", str(src), "-o", str(out), "--jobs", "2"]) == EXIT_FLAGS
    assert (out / "a.txt").read_text(encoding="utf-8") == CLEAN
    assert (out / "sub" / "b.txt").read_text(encoding="utf-8") == CLEAN


def test_a_batch_ends_with_a_summary_and_resumes_where_it_stopped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An interrupted run is taken up again with --resume: outputs already
    written (newer than their input) are kept, the rest are done."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (src / name).write_text(NOISY, encoding="utf-8")
    (src / "bad.txt").write_bytes(b"not \xc3\x28 text")
    assert main(["fix", str(src), "-o", str(out)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "ocrfix: 4 files: 3 changed, 3 flags, 3 fixes, 1 errors" in err
    (out / "b.txt").unlink()  # as if the run had stopped before it
    (out / "a.txt").write_text("kept as it was\n", encoding="utf-8")
    assert main(["fix", str(src), "-o", str(out), "--resume", "--jobs", "1"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "ocrfix: 2 files: 1 changed" in err and "2 done before (skipped)" in err
    assert (out / "a.txt").read_text(encoding="utf-8") == "kept as it was\n"
    assert (out / "b.txt").read_text(encoding="utf-8") == CLEAN
    assert main(["fix", str(src), "-o", str(out), "-q"]) == EXIT_ERROR
    assert "files:" not in capsys.readouterr().err


def test_a_batch_on_a_terminal_shows_a_progress_bar(tmp_path: Path) -> None:
    """In a real pseudo-terminal the bar (rate, time left) is drawn on stderr."""
    import pexpect

    src = tmp_path / "in"
    src.mkdir()
    for k in range(3):
        (src / f"{k}.txt").write_text(NOISY, encoding="utf-8")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "ocrfix", "fix", str(src), "-o", str(tmp_path / "out"), "--jobs", "1"],
        encoding="utf-8",
        timeout=120,
    )
    child.expect(r"ocrfix: \d/3 files, [\d.]+ files/s")
    child.expect(r"ocrfix: 3 files: 3 changed")
    child.expect(pexpect.EOF)


def test_fix_in_place_rewrites_the_input(noisy: Path) -> None:
    main(["fix", str(noisy), "--in-place"])
    assert noisy.read_text(encoding="utf-8") == CLEAN
    assert [p.name for p in noisy.parent.iterdir()] == ["noisy.txt"]  # no temporary file left


def test_a_new_output_file_gets_the_mode_a_new_file_gets(noisy: Path, tmp_path: Path) -> None:
    """Not the owner-only mode of the temporary file it was written as."""
    before = os.umask(0o022)
    try:
        main(["fix", str(noisy), "-o", str(tmp_path / "fixed.txt")])
    finally:
        os.umask(before)
    assert (tmp_path / "fixed.txt").stat().st_mode & 0o777 == 0o644


def test_an_output_ending_in_a_slash_is_a_directory_even_for_one_input(
    noisy: Path, tmp_path: Path
) -> None:
    main(["fix", str(noisy), "-o", f"{tmp_path / 'out'}/"])
    assert (tmp_path / "out" / "noisy.txt").read_text(encoding="utf-8") == CLEAN


def test_fix_in_place_through_a_link_rewrites_the_file_and_keeps_the_link(
    noisy: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(noisy.name)
    main(["fix", str(link), "--in-place"])
    assert link.is_symlink()
    assert noisy.read_text(encoding="utf-8") == CLEAN


def test_resume_never_takes_a_file_to_be_rewritten_in_place_as_done(noisy: Path) -> None:
    main(["fix", f"{noisy.parent}/./{noisy.name}", "--in-place", "--resume"])
    assert noisy.read_text(encoding="utf-8") == CLEAN


def test_an_output_directory_inside_the_input_directory_is_not_read_back(
    noisy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fixed"
    for _ in range(2):  # the second run must not take the first one's output as input
        assert main(["fix", str(tmp_path), "-o", str(out)]) == EXIT_FLAGS
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.txt")) == [
        "fixed/noisy.txt",
        "noisy.txt",
    ]
    assert "error" not in capsys.readouterr().err


def test_fix_refuses_to_overwrite_its_input(
    noisy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix", str(noisy), "-o", str(noisy)]) == EXIT_ERROR
    assert "would overwrite an input; use --in-place" in capsys.readouterr().err
    assert noisy.read_text(encoding="utf-8") == NOISY


def test_several_inputs_need_an_output_directory(
    noisy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix", str(noisy), str(noisy)]) == EXIT_ERROR
    assert "-o OUT_DIR" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02binary", "binary"),
        (b"caf\xe9 au lait", "--encoding"),
    ],
)
def test_unreadable_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["check", str(path)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("ocrfix: error: ") and message in err and err.count("\n") == 1


def test_legacy_encoding_with_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("They sat at tbe caf\xe9.\n".encode("latin-1"))
    assert main(["fix", str(path), "--encoding", "latin-1"]) == EXIT_FLAGS
    assert capsys.readouterr().out == "They sat at the caf\xe9.\n"


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "no/such/file.txt"]) == EXIT_ERROR
    assert "no such file" in capsys.readouterr().err


def test_one_bad_file_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00binary")
    (tmp_path / "b.txt").write_text(NOISY, encoding="utf-8")
    assert main(["check", str(tmp_path)]) == EXIT_ERROR
    captured = capsys.readouterr()
    assert "b.txt:1:13" in captured.out and "a.txt" in captured.err


def test_crlf_line_endings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"They sat at tbe table.\r\nThen they left.\r\n")
    main(["fix", str(path), "--in-place"])
    assert path.read_bytes() == b"They sat at the table.\r\nThen they left.\r\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_written_back_as_it_came(tmp_path: Path, encoding: str) -> None:
    source, out = tmp_path / "a.txt", tmp_path / "b.txt"
    source.write_bytes("\ufeffThey sat at tbe table.\r\nAnd left.\r\n".encode(encoding))
    main(["fix", str(source), "-o", str(out)])
    assert out.read_bytes() == "\ufeffThey sat at the table.\r\nAnd left.\r\n".encode(encoding)


def test_user_lexicon_file(noisy: Path, tmp_path: Path) -> None:
    lexicon = tmp_path / "words.txt"
    lexicon.write_text("# my words\ntbe\n", encoding="utf-8")
    assert main(["check", str(noisy), "--lexicon", str(lexicon)]) == EXIT_CLEAN


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ocrfix", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


def test_python_m_ocrfix_reads_stdin() -> None:
    done = run("fix", "-", stdin=NOISY)
    assert (done.returncode, done.stdout) == (EXIT_FLAGS, CLEAN)


def test_usage_error_exits_2_without_traceback() -> None:
    done = run("fix", "--min-confidence", "2", "-", stdin=NOISY)
    assert done.returncode == EXIT_ERROR
    assert "Traceback" not in done.stderr and "min_confidence" in done.stderr


def test_interrupt_exits_130() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "ocrfix", "fix", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # stdin is left open: ocrfix waits for input, and Ctrl-C (SIGINT) stops it.
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "Traceback" not in err


def test_siblings_command_groups_copies_by_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = (
        "The council voted on Tuesday to expand the harbour after a long debate about the "
        "cost of dredging and the fate of the old fish market near the river mouth."
    )
    other = (
        "Heavy rain closed the mountain pass for a third day while engineers inspected the "
        "bridge that carries the only road between the two valleys in winter."
    )
    (tmp_path / "a.txt").write_text(story, encoding="utf-8")
    (tmp_path / "b.txt").write_text(story.replace("harbour", "harhour"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(other, encoding="utf-8")
    assert main(["siblings", str(tmp_path), "--format", "json"]) == EXIT_FLAGS
    (group,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(m).name for m in group["members"]] == ["a.txt", "b.txt"]
    assert group["links"][0]["similarity"] > 0.8


def test_a_batch_interrupted_by_ctrl_c_resumes_without_redoing_finished_files(
    tmp_path: Path,
) -> None:
    """Ctrl-C in the middle of a two-process run: exit 130, every output written
    so far whole and no temporary file left; ``--resume`` then does only the rest,
    leaving the finished outputs untouched."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    words = ["tbe", "table", "witb", "chair", "arid", "door", "ofthe", "house"]
    for k in range(300):
        line = " ".join(words[(k + j) % len(words)] for j in range(40))
        (src / f"{k:03d}.txt").write_text(f"They sat at {line}.\n", encoding="utf-8")
    command = [sys.executable, "-m", "ocrfix", "fix", str(src), "-o", str(out), "-q"]
    run = subprocess.Popen([*command, "--jobs", "2"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("*.txt"))) < 20:
        time.sleep(0.05)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130, err
    assert "Traceback" not in err
    finished = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert 20 <= len(finished) < 300
    assert all(not name.startswith(".") for name in finished)  # no temporary file left
    assert all((out / name).read_text(encoding="utf-8").endswith(".\n") for name in finished)
    done = subprocess.run([*command, "--resume"], capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert len(list(out.iterdir())) == 300
    assert all((out / n).stat().st_mtime_ns == t for n, t in finished.items())
