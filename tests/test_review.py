"""``ocrfix review``: the session rules, and the real program in a pseudo-terminal."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from terminal import Terminal

from ocrfix.review_session import Choice, Review, SessionError, resume
from ocrfix.types import Candidate, Flag, FlagKind

SAMPLES = Path(__file__).parent.parent / "samples"
PRINT_OCR = "putin-syria-print-ocr.txt"
SIBLINGS = ["putin-syria-print-clean-footer-urls.txt", "putin-syria-web-copy.txt"]
OCRFIX = str(Path(sys.executable).with_name("ocrfix"))


def flag(start: int, text: str, best: str) -> Flag:
    end = start + len(text)
    return Flag(
        start, end, text, FlagKind.NON_WORD, "test", 0.9, (Candidate(best, 0.9, "dictionary"),)
    )


TEXT = "tbe cat and tbe dog saw tbe owl"
FLAGS = [flag(0, "tbe", "the"), flag(12, "tbe", "the"), flag(24, "tbe", "the")]


def test_decide_moves_on_and_undo_restores() -> None:
    review = Review(TEXT)
    review.add_flags(FLAGS)
    review.decide(Choice("accepted", "the"))
    review.skip()
    assert review.position == 2 and review.counts()["open"] == 1
    assert review.undo() and review.position == 1 and 1 not in review.choices
    assert review.undo() and review.position == 0 and not review.choices
    assert not review.undo()


def test_a_series_decides_every_identical_open_case() -> None:
    review = Review(TEXT)
    review.add_flags(FLAGS)
    review.skip()  # the first "tbe" is kept: the series leaves it alone
    review.decide(Choice("accepted", "the"), review.series("tbe"))
    assert review.corrected() == "tbe cat and the dog saw the owl"
    review.undo()
    assert review.corrected() == TEXT


def test_a_saved_session_resumes_its_choices_and_place() -> None:
    review = Review(TEXT)
    review.add_flags(FLAGS)
    review.decide(Choice("edited", "thy"))
    again = resume(TEXT, review.to_json(), "session")
    again.add_flags(FLAGS)
    assert again.choices == {0: Choice("edited", "thy")} and again.position == 1
    with pytest.raises(SessionError, match="another version of the input"):
        resume(TEXT + " and a hen", review.to_json(), "session")
    with pytest.raises(SessionError, match="not an ocrfix review session"):
        resume(TEXT, "{}", "session")


def test_review_without_a_terminal_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tbe cat.\n", encoding="utf-8")
    done = subprocess.run(
        [OCRFIX, "review", str(tmp_path / "a.txt")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "ocrfix check" in done.stderr


def start(folder: Path, columns: int = 80, lines: int = 24) -> Terminal:
    """``ocrfix review`` of the seed OCR with its two clean copies, in a pty."""
    args = [OCRFIX, "review", PRINT_OCR]
    for name in SIBLINGS:
        args += ["--sibling", name]
    return Terminal(args, columns, lines, cwd=str(folder))


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    for name in [PRINT_OCR, *SIBLINGS]:
        shutil.copy(SAMPLES / name, tmp_path / name)
    return tmp_path


@pytest.mark.slow
def test_review_in_a_terminal_accept_skip_undo_edit_quit(seeds: Path) -> None:
    term = start(seeds)
    screen = term.wait_for("1 / 4")
    assert "[[11,2017]]" in screen and "'11, 2017'" in screen
    term.send("s")  # keep the date as printed
    screen = term.wait_for("2 / 4")
    assert "“[[T]] order" in screen and "sibling" in screen  # the copies' evidence
    term.send("\r")  # take the top candidate: "I"
    term.wait_for("3 / 4")
    term.send("s")
    term.wait_for("4 / 4")
    term.send("u")  # undo the skip: back to the URL lines
    term.wait_for("3 / 4")
    term.send("e")
    term.wait_for("replacement:")
    term.send("\x15 \r")  # clear the field, type one space, take it
    term.wait_for("4 / 4")
    term.send("q")
    assert term.wait_exit() == 0

    original = (SAMPLES / PRINT_OCR).read_text(encoding="utf-8")
    assert (seeds / PRINT_OCR).read_text(encoding="utf-8") == original  # input untouched
    fixed = (seeds / "putin-syria-print-ocr.fixed.txt").read_text(encoding="utf-8")
    assert "“I order" in fixed and "December 11,2017" in fixed
    assert "state-run RIA Novosti news agency" in fixed and "https://" not in fixed
    audit = json.loads((seeds / "putin-syria-print-ocr.fixed.txt.decisions.json").read_text())
    assert [(d["original"][:7], d["verdict"]) for d in audit] == [
        ("11,2017", "kept"),
        ("T", "accepted"),
        ("\n\n\nhttp", "edited"),
    ]


@pytest.mark.slow
def test_review_killed_midway_resumes(seeds: Path) -> None:
    term = start(seeds)
    term.wait_for("1 / 4")
    term.send("\r")
    term.wait_for("2 / 4")
    term.send("\r")
    term.wait_for("3 / 4")
    session = seeds / "putin-syria-print-ocr.fixed.txt.review.json"
    deadline = time.monotonic() + 10
    while len(json.loads(session.read_text())["choices"]) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(term.child.pid, signal.SIGKILL)
    term.wait_exit()

    again = start(seeds, columns=160, lines=50)  # a large terminal this time
    screen = again.wait_for("3 / 4")
    assert "accepted 2" in screen
    again.send("\x03")  # Ctrl-C: saves and stops
    assert again.wait_exit() == 130
    assert len(json.loads(session.read_text())["choices"]) == 2
    assert not (seeds / "putin-syria-print-ocr.fixed.txt").exists()


@pytest.mark.slow
def test_review_series_and_ignore_with_a_lexicon(tmp_path: Path) -> None:
    text = "The cat sat on tbe mat and tbe dog sat on tbe rug.\nThen the blorptine came to tea.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    lexicon = tmp_path / "words.txt"
    term = Terminal([OCRFIX, "review", "a.txt", "--lexicon", str(lexicon)], cwd=str(tmp_path))
    term.wait_for("1 / 4")
    term.send("a")
    term.wait_for("in all 3 places")
    term.send("y")
    screen = term.wait_for("4 / 4")
    assert "[[blorptine]]" in screen
    term.send("i")
    term.wait_for("Ignoring 'blorptine'; added to")
    term.send("q")
    assert term.wait_exit() == 0
    assert lexicon.read_text(encoding="utf-8") == "blorptine\n"
    fixed = (tmp_path / "a.fixed.txt").read_text(encoding="utf-8")
    assert fixed == text.replace("tbe", "the")


@pytest.mark.slow
def test_review_redraws_when_the_terminal_is_resized(seeds: Path) -> None:
    term = start(seeds)
    term.wait_for("1 / 4")
    term.resize(120, 40)
    screen = term.wait_for("December [[11,2017]]")
    assert max(len(line.rstrip()) for line in screen.splitlines()) > 80  # uses the width
    term.resize(60, 20)
    screen = term.wait_for("1 / 4")
    assert "[[11,2017]]" in screen and "'11, 2017'" in screen
    term.send("q")
    assert term.wait_exit() == 0


@pytest.mark.slow
def test_sure_fixes_are_pre_accepted_and_can_be_taken_back(seeds: Path) -> None:
    args = [OCRFIX, "review", PRINT_OCR, "--auto-accept-above", "0.95"]
    for name in SIBLINGS:
        args += ["--sibling", name]
    term = Terminal(args, cwd=str(seeds))
    screen = term.wait_for("1 / 4")
    assert "auto 2" in screen  # "T" -> "I" and the stray quote, both from the copies
    term.send("\r")  # the date, by hand: the next flag shown is the next open one
    term.wait_for("3 / 4")
    term.send("\x1b[D")  # ←: back to "T", shown as decided
    screen = term.wait_for("2 / 4")
    assert "decided (auto): accepted 'I'" in screen
    term.send("s")  # keep "T" after all
    term.wait_for("auto 1")
    term.send("q")
    assert term.wait_exit() == 0
    fixed = (seeds / "putin-syria-print-ocr.fixed.txt").read_text(encoding="utf-8")
    assert "“T order" in fixed and "December 11, 2017" in fixed and "added, “we" in fixed


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(4))
def test_a_session_killed_at_a_random_moment_is_whole(seeds: Path, seed: int) -> None:
    """Keys pressed as fast as a person can, the program killed (SIGKILL) at a
    random moment: the session file is absent or whole, and resumes."""
    import random

    rng = random.Random(seed)
    term = start(seeds)
    term.wait_for("1 / 4")
    deadline = time.monotonic() + rng.uniform(0.05, 1.5)
    while time.monotonic() < deadline:
        term.send(rng.choice("ssu\r"))
        time.sleep(rng.uniform(0.0, 0.03))
    os.kill(term.child.pid, signal.SIGKILL)
    term.wait_exit()
    session = seeds / "putin-syria-print-ocr.fixed.txt.review.json"
    if session.exists():
        text = (seeds / PRINT_OCR).read_text(encoding="utf-8")
        resumed = resume(text, session.read_text(encoding="utf-8"), str(session))
        assert all(choice.verdict for choice in resumed.choices.values())
    assert (seeds / PRINT_OCR).read_text(encoding="utf-8") == (SAMPLES / PRINT_OCR).read_text(
        encoding="utf-8"
    )
