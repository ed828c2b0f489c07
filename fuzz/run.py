"""Fuzz the tokenizer, the detectors, the aligner and the XML readers with hypothesis.

usage: python fuzz/run.py [--cases 100000] [--only NAME ...] [--seed N]

Each target draws arbitrary Unicode text, OCR-like damage of real sentences
(the bundled samples), or mutated bytes of the bundled layout files, and
checks its invariants; a target stops at its first failure, which hypothesis
shrinks to a minimal example and prints. Prints, per target, the cases run,
seconds, and "ok" or the failure. ``tests/test_fuzz.py`` runs a short smoke
version of every target in CI.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import regex
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ocrfix import apply, check, fix
from ocrfix.api import DEFAULT, sibling
from ocrfix.copies import view_of
from ocrfix.doc import make_doc
from ocrfix.formats import FormatError
from ocrfix.formats import read as read_layout
from ocrfix.tokens import tokenize
from ocrfix.units import units_of

SAMPLES = Path(__file__).parent.parent / "samples"
SENTENCES = [
    line.strip()
    for name in ("putin-syria-print-clean-footer-urls.txt", "layout/alice-gt.txt")
    for line in (SAMPLES / name).read_text(encoding="utf-8").splitlines()
    if len(line.split()) >= 6
]
LAYOUTS = [p for p in (SAMPLES / "layout").iterdir() if p.suffix in (".xml", ".hocr")]
# OCR-like damage: confusions, lost and added spaces, specks, quotes, a lost line end.
DAMAGE = [
    ("m", "rn"), ("h", "b"), ("d", "cl"), ("w", "vv"), ("e", "c"), ("l", "1"), ("I", "T"),
    (" ", ""), ("", " "), ("", "."), ("", "\u2018"), ("\u201c", "\u2018\u201c"), ("\n", ""),
    ("o", "\u043e"), ("", "-\n"), ("a", "\u00e4"), ("", "\u0301"),
]  # fmt: skip


@st.composite
def damaged(draw: st.DrawFn) -> str:
    """One to four sample sentences with up to six OCR-like slips."""
    text = "\n".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4)))
    for _ in range(draw(st.integers(0, 6))):
        old, new = draw(st.sampled_from(DAMAGE))
        spots = [i for i in range(len(text) + 1) if text.startswith(old, i)] if old else []
        at = draw(st.sampled_from(spots)) if spots else draw(st.integers(0, len(text)))
        text = text[:at] + new + text[at + len(old) :]
    return text


TEXTS = st.one_of(st.text(max_size=300), damaged())
GRAPHEME = regex.compile(r"\X")


def check_tokenizer(text: str) -> None:
    tokens = list(tokenize(text))
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start : t.end] == t.text for t in tokens)


def check_detectors(text: str) -> None:
    bounds = {m.start() for m in GRAPHEME.finditer(text)} | {len(text)}
    for flag in check(text):
        assert 0 <= flag.start < flag.end <= len(text), flag
        assert text[flag.start : flag.end] == flag.text
        assert flag.start in bounds and flag.end in bounds, flag
        assert 0.0 <= flag.confidence <= 1.0
    fixed = fix(text)
    assert apply(text, fixed.decisions) == fixed.text


@st.composite
def text_and_copy(draw: st.DrawFn) -> tuple[str, str]:
    return draw(TEXTS), draw(TEXTS)


def check_aligner(pair: tuple[str, str]) -> None:
    ours, theirs = pair
    doc = make_doc(ours, DEFAULT)
    view = view_of(doc, units_of(ours), sibling(theirs, "copy"))
    for vote in view.votes:
        assert 0 <= vote.span[0] <= vote.span[1] <= len(ours)
    fixed = fix(ours, siblings=[theirs])
    assert apply(ours, fixed.decisions) == fixed.text


@st.composite
def mutated_layout(draw: st.DrawFn) -> bytes:
    """A bundled layout file with bytes cut, repeated or replaced."""
    data = draw(st.sampled_from(LAYOUTS)).read_bytes()
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["cut", "insert", "truncate"]))
        if kind == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 40)) :]
        elif kind == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=12)) + data[at:]
        else:
            data = data[:at]
    return data


def check_xml_reader(data: bytes, scratch: Path = Path("/tmp")) -> None:
    path = scratch / f"ocrfix-fuzz-{random.getrandbits(64):x}.xml"
    path.write_bytes(data)
    try:
        document = read_layout(path)
    except FormatError as exc:
        assert str(exc).startswith(str(path)), exc  # names the file
        return
    finally:
        path.unlink(missing_ok=True)
    for word in document.words:
        assert 0 <= word.start <= word.end <= len(document.text)


@dataclass(frozen=True)
class Target:
    name: str
    strategy: st.SearchStrategy[object]
    check: Callable[[object], None]


TARGETS = [
    Target("tokenizer", TEXTS, check_tokenizer),  # type: ignore[arg-type]
    Target("detectors", TEXTS, check_detectors),  # type: ignore[arg-type]
    Target("aligner", text_and_copy(), check_aligner),  # type: ignore[arg-type]
    Target("xml-readers", mutated_layout(), check_xml_reader),  # type: ignore[arg-type]
]


def run(target: Target, cases: int, seed: int | None) -> tuple[int, float, str]:
    """Run ``cases`` cases of ``target``: (cases run, seconds, "ok" or the failure)."""
    count = 0

    def case(value: object) -> None:
        nonlocal count
        count += 1
        target.check(value)

    test = settings(
        max_examples=cases,
        deadline=None,
        database=None,
        derandomize=seed is not None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )(given(target.strategy)(case))
    start = time.perf_counter()
    try:
        test()
        outcome = "ok"
    except Exception:  # the failure, shrunk; reported, not raised
        outcome = "FAILED\n" + traceback.format_exc(limit=-3)
    return count, time.perf_counter() - start, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--only", nargs="*", choices=[t.name for t in TARGETS])
    parser.add_argument("--seed", type=int, help="derandomize (repeatable runs)")
    args = parser.parse_args()
    failed = False
    for target in TARGETS:
        if args.only and target.name not in args.only:
            continue
        count, seconds, outcome = run(target, args.cases, args.seed)
        print(f"{target.name}: {count} cases in {seconds:.0f} s: {outcome}", flush=True)
        failed = failed or outcome != "ok"
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
