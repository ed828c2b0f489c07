"""The command line: ``ocrfix check`` and ``ocrfix fix``.

A thin layer over the library: it parses arguments, reads and writes files
(through :mod:`ocrfix.textio`), and maps outcomes to exit codes:
0 nothing flagged, 1 flags found, 2 usage or input error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from ocrfix import __version__
from ocrfix.api import sibling
from ocrfix.batch import default_jobs
from ocrfix.config import AUTO, Config
from ocrfix.discover import groups, links
from ocrfix.evaluate import Score, errors, total
from ocrfix.formats import FORMATS
from ocrfix.languages import for_text
from ocrfix.pipeline import Options, Outcome, Source, layout_of, read_all, run, text_of
from ocrfix.progress import Progress
from ocrfix.report import Style
from ocrfix.review_session import Review, SessionError, resume
from ocrfix.textio import (
    InputError,
    file_encoding,
    read_text,
    write_atomic,
)
from ocrfix.threshold import MISREAD_MARK_CONFIDENCE

EXIT_CLEAN, EXIT_FLAGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """Arguments that cannot work together; the message says what to change."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ocrfix", description="Find and fix OCR errors in plain text."
    )
    parser.add_argument("--version", action="version", version=f"ocrfix {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    reading = argparse.ArgumentParser(add_help=False)  # every command that reads inputs
    reading.add_argument("--encoding", help="encoding of the input (default: UTF-8, or its BOM)")
    reading.add_argument(
        "--format-in",
        choices=["auto", "text", *FORMATS],
        default="auto",
        help="what the inputs are: plain text, or hOCR, ALTO or PAGE XML (default: auto, "
        "from the content)",
    )
    common = argparse.ArgumentParser(add_help=False, parents=[reading])
    common.add_argument(
        "--lang",
        default=AUTO,
        help="language of the text, a code such as en, de, fr (default: auto, each "
        "text's own, English unless its commonest words clearly say otherwise)",
    )
    common.add_argument(
        "--lexicon", type=Path, help="file of extra correct words, one per line (names, spellings)"
    )
    common.add_argument(
        "--sibling",
        action="append",
        default=[],
        metavar="PATH",
        help="another copy of the same text (file or directory; repeatable): evidence only, "
        "never changed",
    )
    batch = argparse.ArgumentParser(add_help=False)  # check and fix
    batch.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        metavar="N",
        help="process up to N files at once (default: one per CPU)",
    )
    batch.add_argument(
        "--min-confidence",
        type=float,
        metavar="X",
        help="apply or show as sure only suggestions at least this confident (default: "
        f"{Config().min_confidence}; in text that OCR evidently misread, "
        f"{Config().misread_min_confidence} for words and {MISREAD_MARK_CONFIDENCE} for specks)",
    )

    p_check = sub.add_parser("check", parents=[common, batch], help="report suspect spans")
    p_check.add_argument("inputs", nargs="+", metavar="FILE", help="files, directories or -")
    p_check.add_argument("--format", choices=["text", "json"], default="text")

    p_siblings = sub.add_parser(
        "siblings",
        parents=[reading],
        help="show which inputs are copies of the same text, by content",
    )
    p_siblings.add_argument("inputs", nargs="+", metavar="PATH", help="files or directories")
    p_siblings.add_argument("--format", choices=["text", "json"], default="text")

    p_fix = sub.add_parser("fix", parents=[common, batch], help="write corrected text")
    p_fix.add_argument("inputs", nargs="+", metavar="FILE", help="files, directories or -")
    p_fix.add_argument(
        "-o",
        "--output",
        help="output file, or directory (for several inputs, or when it ends in /)",
    )
    p_fix.add_argument("--in-place", action="store_true", help="overwrite the inputs (atomically)")
    p_fix.add_argument(
        "--format",
        choices=["text", "json", "diff"],
        default="text",
        help="to stdout: corrected text, the decisions as JSON Lines, or a diff",
    )
    p_fix.add_argument(
        "--diff", action="store_const", const="diff", dest="format", help="same as --format diff"
    )
    p_fix.add_argument(
        "--resume",
        action="store_true",
        help="with -o: skip inputs whose output is already there and newer (an interrupted run)",
    )
    p_fix.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr"
    )
    p_eval = sub.add_parser(
        "eval", help="character and word error rates against a ground truth (as the bench counts)"
    )
    p_eval.add_argument(
        "--gt", type=Path, required=True, help="ground truth: a file or a directory"
    )
    p_eval.add_argument("--ocr", type=Path, required=True, help="the OCR: same layout as --gt")
    p_eval.add_argument("--fixed", type=Path, help="the corrected OCR: same layout as --gt")
    p_eval.add_argument("--format", choices=["text", "json"], default="text")
    p_eval.add_argument("--encoding", help="encoding of the files (default: UTF-8, or BOM)")

    p_review = sub.add_parser(
        "review", parents=[common], help="decide every flag in a full-screen terminal UI"
    )
    p_review.add_argument("input", metavar="FILE", help="the text to review")
    p_review.add_argument(
        "-o", "--output", type=Path, help="corrected text (default: FILE.fixed.txt beside it)"
    )
    p_review.add_argument("--in-place", action="store_true", help="write the input (atomically)")
    p_review.add_argument(
        "--session", type=Path, help="where decisions are saved (default: beside the output)"
    )
    p_review.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="show only flags at least this suspect (default: 0, all of them)",
    )
    p_review.add_argument(
        "--auto-accept-above",
        type=float,
        metavar="X",
        help="pre-accept suggestions at least this confident (still undoable)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ocrfix with ``argv``; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "jobs", 1) < 1:
        parser.error("--jobs must be at least 1")
    try:
        if args.command == "review":
            return _review(args, _config(args))
        if args.command == "eval":
            return _evaluate(args)
        written = getattr(args, "output", None)  # fix's -o: not read back as input
        sources = list(_expand(args.inputs, Path(written) if written else None))
        if not sources:
            raise InputError(f"no files to read in {', '.join(args.inputs)}")
        if args.command == "siblings":
            return _show_siblings(sources, args)
        config = _config(args)
        if args.command == "check":
            return _check(sources, args, config)
        return _fix(sources, args, config)
    except (InputError, UsageError, SessionError, ValueError) as exc:
        print(f"ocrfix: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def entry_point() -> None:
    """Console-script entry: exit codes, Ctrl-C and closed pipes handled."""
    try:
        code = main()
    except KeyboardInterrupt:
        print("ocrfix: interrupted", file=sys.stderr)
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        code = EXIT_ERROR
    sys.exit(code)


def _config(args: argparse.Namespace) -> Config:
    words: frozenset[str] = frozenset()
    # `review` starts the lexicon file when a word is first ignored.
    if args.lexicon is not None and (args.command != "review" or args.lexicon.exists()):
        text = read_text(args.lexicon)
        words = frozenset(
            line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
        )
    if args.min_confidence is None:
        return Config(lang=args.lang, lexicon=words)
    # A threshold the user sets holds everywhere.
    return Config(
        lang=args.lang,
        min_confidence=args.min_confidence,
        misread_min_confidence=None,
        lexicon=words,
    )


def _expand(inputs: Sequence[str], output: Path | None = None) -> Iterator[Source]:
    """Files as given; directories walked in sorted order, hidden entries skipped.
    A link to nowhere is an input (whose reading fails, and is reported); links
    to directories are not followed (no loops). Inside a directory, what lies
    under ``output`` is left out: "fix book -o book/fixed", run again, would
    otherwise read its own earlier output."""
    written = output.resolve() if output is not None else None
    for raw in inputs:
        if raw == "-":
            yield Source("-", None, Path("stdin.txt"))
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                dangling = child.is_symlink() and not child.exists()
                hidden = any(part.startswith(".") for part in rel.parts)
                ours = written is not None and child.resolve().is_relative_to(written)
                if (child.is_file() or dangling) and not hidden and not ours:
                    yield Source(str(child), child, rel)
        elif path.exists():
            yield Source(raw, path, Path(path.name))
        else:
            raise InputError(f"{raw}: no such file or directory")


def _show_siblings(sources: list[Source], args: argparse.Namespace) -> int:
    """Print the groups of related inputs: exit 1 if any input has a sibling, else 0."""
    readings = read_all(sources, Options(Config(), args.encoding, args.format_in, default_jobs()))
    found = links([reading.shingles for reading in readings])
    names = [s.name for s in sources]
    found_groups = groups(len(sources), found)
    if args.format == "json":
        for members in found_groups:
            inside = [x for x in found if x.a in members and x.b in members]
            print(
                json.dumps(
                    {
                        "members": [names[k] for k in members],
                        "links": [
                            {
                                "a": names[x.a],
                                "b": names[x.b],
                                "similarity": x.similarity,
                                "shared_trigrams": x.shared,
                            }
                            for x in inside
                        ],
                    },
                    ensure_ascii=False,
                )
            )
    else:
        for n, members in enumerate(found_groups, 1):
            print(f"group {n}: {len(members)} texts")
            for x in found:
                if x.a in members and x.b in members:
                    print(f"  {names[x.a]} ~ {names[x.b]}  similarity {x.similarity:.2f}")
    return EXIT_FLAGS if found_groups else EXIT_CLEAN


def _options(args: argparse.Namespace, config: Config) -> Options:
    return Options(config, args.encoding, args.format_in, args.jobs)


def _extra_siblings(args: argparse.Namespace) -> list[Path]:
    return [s.path for s in _expand(args.sibling) if s.path is not None]


def _check(sources: list[Source], args: argparse.Namespace, config: Config) -> int:
    found = failed = False
    report = Style.FLAGS_JSON if args.format == "json" else Style.FLAGS
    outcomes = run(
        sources, _options(args, config), report=report, extra_siblings=_extra_siblings(args)
    )
    for outcome in outcomes:
        if outcome.error is not None:
            print(f"ocrfix: error: {outcome.error}", file=sys.stderr)
            failed = True
            continue
        found = found or bool(outcome.flags)
        _print(outcome)
    return EXIT_ERROR if failed else EXIT_FLAGS if found else EXIT_CLEAN


def _fix(sources: list[Source], args: argparse.Namespace, config: Config) -> int:
    targets = _targets(sources, args)
    done = {
        s.name
        for s, target in zip(sources, targets, strict=True)
        if args.resume and _done_before(s, target)
    }
    progress = Progress(
        len(sources) - len(done), sys.stderr, live=sys.stderr.isatty() and not args.quiet
    )
    progress.done_before = len(done)
    found = failed = False
    report = {"json": Style.DECISIONS_JSON, "diff": Style.DIFF}.get(args.format)
    if report is None and targets[0] is None:
        report = Style.FIXED  # one input, to standard output
    outcomes = run(
        sources,
        _options(args, config),
        targets=targets,
        report=report,
        extra_siblings=_extra_siblings(args),
        skip=done,
        to_stdout=args.format == "text",
    )
    for outcome in outcomes:
        if outcome.error is not None:
            progress.step(error=True)
            lead = "\n" if progress.live else ""  # below the bar
            print(f"{lead}ocrfix: error: {outcome.error}", file=sys.stderr)
            failed = True
            continue
        progress.step(outcome.flags, outcome.fixes)
        found = found or bool(outcome.flags)
        if outcome.unwritten:
            print(
                f"ocrfix: {outcome.source.name}: {outcome.unwritten} corrections span several "
                "word elements and were not written (see --format json)",
                file=sys.stderr,
            )
        _print(outcome)
    if len(sources) > 1 and not args.quiet:
        print(progress.summary(), file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_FLAGS if found else EXIT_CLEAN


def _print(outcome: Outcome) -> None:
    """Print what the job for one input brought back: a layout file's bytes, its report,
    or its report spooled to a file (a file too large to hold whole), which is removed."""
    if outcome.data is not None:
        sys.stdout.buffer.write(outcome.data)
    sys.stdout.write(outcome.printed)
    if outcome.spool is not None:
        try:
            with open(outcome.spool, encoding="utf-8", newline="") as spool:
                shutil.copyfileobj(spool, sys.stdout)
        finally:
            os.unlink(outcome.spool)
    sys.stdout.flush()


def _done_before(source: Source, target: Path | None) -> bool:
    """Is ``target`` there already, written after ``source`` last changed?"""
    if source.path is None or target is None or not target.exists():
        return False
    if target.resolve() == source.path.resolve():  # --in-place
        return False
    return target.stat().st_mtime >= source.path.stat().st_mtime


def _targets(sources: list[Source], args: argparse.Namespace) -> list[Path | None]:
    """Where each fixed text goes (None: stdout). Refuses to overwrite an input by accident."""
    if args.in_place:
        if args.output is not None:
            raise UsageError("--in-place and -o exclude each other; choose one")
        paths = [s.path for s in sources if s.path is not None]
        if len(paths) < len(sources):
            raise UsageError("--in-place cannot rewrite stdin; use -o FILE")
        # Through a link, the file it names is rewritten, and the link kept.
        return [path.resolve() for path in paths]
    if args.output is None:
        if len(sources) > 1 and args.format == "text":
            raise UsageError("several inputs need -o OUT_DIR (or --in-place, or --diff)")
        return [None] * len(sources)
    several = len(sources) > 1 or any(Path(raw).is_dir() for raw in args.inputs if raw != "-")
    out = Path(args.output)
    # "-o out/" names a directory, there or not: Path would drop the slash.
    folder = several or out.is_dir() or args.output.endswith(("/", os.sep))
    targets: list[Path | None] = [out / s.relative if folder else out for s in sources]
    inputs = {s.path.resolve() for s in sources if s.path is not None}
    for target in targets:
        if target is not None and target.resolve() in inputs:
            raise UsageError(f"{target}: output would overwrite an input; use --in-place for that")
    return targets


def _review(args: argparse.Namespace, config: Config) -> int:
    """``ocrfix review``: decide every flag of one file in the terminal."""
    from ocrfix.review_ui import ReviewApp  # the terminal UI: loaded only when used
    from ocrfix.scan import in_background

    path = Path(args.input)
    if args.format_in != "text" and path.is_file() and layout_of(path, args.format_in):
        raise UsageError(
            f"{path}: review takes plain text; an hOCR, ALTO or PAGE file is corrected with "
            "`ocrfix fix` (its flags listed by `ocrfix check`)"
        )
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "review needs a terminal; use `ocrfix check` to list the flags "
            "or `ocrfix fix` to apply the sure fixes"
        )
    text = read_text(path, args.encoding)
    config = for_text(config, text)  # its siblings are read in its language
    out = _review_output(path, args)
    session = args.session or out.with_name(out.name + ".review.json")
    review = resume(text, read_text(session), str(session)) if session.exists() else Review(text)
    siblings = [
        sibling(text_of(path, Options(config, args.encoding)), str(path), config)
        for path in _extra_siblings(args)
    ]

    def learn(word: str) -> str:
        if args.lexicon is None:
            return f"Ignoring {word!r} in this session (pass --lexicon FILE to keep it)."
        known = read_text(args.lexicon) if args.lexicon.exists() else ""
        if word not in known.splitlines():
            write_atomic(
                args.lexicon,
                known + ("" if known.endswith("\n") or not known else "\n") + word + "\n",
            )
        return f"Ignoring {word!r}; added to {args.lexicon}."

    app = ReviewApp(
        review,
        path.name,
        (
            [f for f in found if f.confidence >= config.min_confidence]
            for found in in_background(text, config, siblings)
        ),
        lambda r: write_atomic(session, r.to_json(), durable=False),
        learn,
        {s.name: s.text for s in siblings},
        args.auto_accept_above,
    )
    outcome = app.run()
    if outcome.how != "quit":
        print(f"ocrfix: review saved in {session}; run the same command to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    write_atomic(out, review.corrected(), file_encoding(path, args.encoding))
    audit = out.with_name(out.name + ".decisions.json")
    write_atomic(audit, json.dumps(review.audit(), ensure_ascii=False, indent=1) + "\n")
    print(f"ocrfix: wrote {out} and {audit}", file=sys.stderr)
    return EXIT_CLEAN


def _review_output(path: Path, args: argparse.Namespace) -> Path:
    """Where the reviewed text goes: -o, the input with --in-place, else FILE.fixed.txt."""
    if args.in_place:
        if args.output is not None:
            raise UsageError("give either -o or --in-place, not both")
        return path
    out: Path = args.output or path.with_name(f"{path.stem}.fixed{path.suffix or '.txt'}")
    if out.resolve() == path.resolve():
        raise UsageError(f"{out} is the input; pass --in-place to overwrite it")
    return out


def _evaluate(args: argparse.Namespace) -> int:
    """``ocrfix eval``: CER/WER of --ocr (and --fixed) against --gt, per file and in total."""
    if args.gt.is_dir():
        names = [p.relative_to(args.gt) for p in sorted(args.gt.rglob("*")) if p.is_file()]
        names = [n for n in names if not any(part.startswith(".") for part in n.parts)]
    elif args.gt.exists():
        names = [Path()]
    else:
        raise InputError(f"{args.gt}: no such file or directory")
    _check_pairing(args, names)
    scores, failed = [], False
    for name in names:
        try:
            truth = read_text(args.gt / name, args.encoding)
            before = errors(read_text(args.ocr / name, args.encoding), truth)
            after = None
            if args.fixed is not None:
                after = errors(read_text(args.fixed / name, args.encoding), truth)
        except InputError as exc:
            print(f"ocrfix: error: {exc}", file=sys.stderr)
            failed = True
            continue
        score = Score(str(name) if name != Path() else str(args.ocr), before, after)
        scores.append(score)
        _print_score(score, args.format)
    overall = total(scores)
    if args.fixed is not None:
        worse = sum(1 for s in scores if s.after is not None and s.after.chars > s.before.chars)
        better = sum(1 for s in scores if s.after is not None and s.after.chars < s.before.chars)
        counts = {"docs": len(scores), "docs_worse": worse, "docs_better": better}
    else:
        counts = {"docs": len(scores)}
    if args.format == "json":
        print(json.dumps(overall.as_dict() | counts))
    else:
        extra = (
            f", {counts['docs_worse']} worse, {counts['docs_better']} better" if args.fixed else ""
        )
        print(f"{overall.as_text()} ({len(scores)} documents{extra})")
    return EXIT_ERROR if failed else EXIT_CLEAN


def _check_pairing(args: argparse.Namespace, names: list[Path]) -> None:
    """Refuse, in one line, an --ocr or --fixed that cannot pair with --gt: not
    there, a file where --gt is a directory (or the other way round), or a
    directory that holds none of --gt's names."""
    kind = "directory" if args.gt.is_dir() else "file"
    for option, path in (("--ocr", args.ocr), ("--fixed", args.fixed)):
        if path is None:
            continue
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir() != args.gt.is_dir():
            raise UsageError(f"{option} {path}: give a {kind}, as --gt is")
        if kind == "directory" and names and not any((path / n).is_file() for n in names):
            raise InputError(
                f"{path}: holds none of the {len(names)} files of {args.gt} "
                "(files are paired by their path under each directory)"
            )


def _print_score(score: Score, fmt: str) -> None:
    print(json.dumps(score.as_dict()) if fmt == "json" else score.as_text(), flush=True)
