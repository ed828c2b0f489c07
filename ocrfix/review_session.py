"""The state of one review: which flag is shown, what was decided, how to undo it.

Pure data and rules, no terminal: :mod:`ocrfix.review_ui` draws it and turns
keys into calls here, and the state is saved after every decision (as JSON,
atomically), so a review killed at any moment resumes where it stopped.
Decisions are keyed by the flag's span and text, so they survive the flags
being found again on resume.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Literal

from ocrfix.replay import apply
from ocrfix.types import Decision, Flag, Source

Verdict = Literal["accepted", "edited", "kept"]
By = Literal["you", "auto", "series"]  # who decided: the reviewer, --auto-accept-above, or `a`
SESSION_VERSION = 1


@dataclass(frozen=True, slots=True)
class Choice:
    """What was decided for one flag; ``replacement`` equals the flagged text when kept."""

    verdict: Verdict
    replacement: str
    by: By = "you"


@dataclass(frozen=True, slots=True)
class Step:
    """One undoable action: the position before it and each flag's choice before it."""

    position: int
    before: tuple[tuple[int, Choice | None], ...]


@dataclass(slots=True)
class Review:
    """A review of ``text``: its flags in document order (more arrive while the
    document is being scanned), the choices made, and the flag shown."""

    text: str
    flags: list[Flag] = field(default_factory=list)
    choices: dict[int, Choice] = field(default_factory=dict)
    position: int = 0
    history: list[Step] = field(default_factory=list)
    ignored: set[str] = field(default_factory=set)
    # Choices loaded from a session file, by (start, end, text), for flags not found yet.
    pending: dict[tuple[int, int, str], Choice] = field(default_factory=dict)
    resume_at: int | None = None  # offset of the flag shown when the session was saved
    _digest: str | None = None

    @property
    def digest(self) -> str:
        """The input's SHA-256, computed once: it ties a saved session to its input."""
        if self._digest is None:
            self._digest = digest(self.text)
        return self._digest

    @property
    def current(self) -> Flag | None:
        return self.flags[self.position] if self.position < len(self.flags) else None

    def add_flags(self, flags: list[Flag], auto_accept_above: float | None = None) -> None:
        """Append newly found flags; restore their saved choices, or pre-accept sure ones."""
        for flag in flags:
            index = len(self.flags)
            self.flags.append(flag)
            saved = self.pending.pop((flag.start, flag.end, flag.text), None)
            best = flag.best
            if saved is not None:
                self.choices[index] = saved
            elif flag.text.casefold() in self.ignored:
                self.choices[index] = Choice("kept", flag.text, "series")
            elif auto_accept_above is not None and best and best.confidence >= auto_accept_above:
                self.choices[index] = Choice("accepted", best.text, "auto")
            if self.resume_at is not None and flag.start <= self.resume_at:
                self.position = index

    def decide(self, choice: Choice, indices: list[int] | None = None) -> None:
        """Record ``choice`` for the current flag (or for ``indices``), then move on."""
        targets = indices if indices is not None else [self.position]
        self.history.append(Step(self.position, tuple((k, self.choices.get(k)) for k in targets)))
        for k in targets:
            self.choices[k] = choice if k == self.position else _as_series(choice)
        self.position = self._next_undecided(self.position + 1)

    def skip(self) -> None:
        """Keep the current flag's text as it is."""
        flag = self.current
        if flag is not None:
            self.decide(Choice("kept", flag.text))

    def back(self) -> None:
        self.position = max(0, self.position - 1)

    def undo(self) -> bool:
        """Take back the last decision (repeatable); False when there is none."""
        if not self.history:
            return False
        step = self.history.pop()
        for k, choice in step.before:
            if choice is None:
                self.choices.pop(k, None)
            else:
                self.choices[k] = choice
        self.position = step.position
        return True

    def series(self, text: str) -> list[int]:
        """Undecided flags (the current one included) whose flagged text is ``text``."""
        return [
            k
            for k, f in enumerate(self.flags)
            if f.text == text and (k == self.position or k not in self.choices)
        ]

    def counts(self) -> dict[str, int]:
        """How many flags were accepted, edited, kept, pre-accepted, and remain."""
        out = {"accepted": 0, "edited": 0, "kept": 0, "auto": 0}
        for choice in self.choices.values():
            out["auto" if choice.by == "auto" else choice.verdict] += 1
        out["open"] = len(self.flags) - len(self.choices)
        return out

    def decisions(self) -> list[Decision]:
        """The changes to make: every accepted or edited flag whose text changes."""
        return [
            Decision(
                f.start,
                f.end,
                f.text,
                c.replacement,
                f.best.confidence if f.best else 1.0,
                _source(f, c.replacement),
                f.kind,
                f.reason,
            )
            for k, f in enumerate(self.flags)
            if (c := self.choices.get(k)) is not None and c.replacement != f.text
        ]

    def corrected(self) -> str:
        return apply(self.text, self.decisions())

    def audit(self) -> list[dict[str, object]]:
        """Every decided flag, for the decisions file: where, what, to what, why, by whom."""
        return [
            {
                "start": f.start,
                "end": f.end,
                "original": f.text,
                "replacement": c.replacement,
                "verdict": c.verdict,
                "by": c.by,
                "kind": f.kind.value,
                "reason": f.reason,
                "suggested": f.best.text if f.best else None,
                "confidence": f.best.confidence if f.best else None,
                "source": _source(f, c.replacement),
            }
            for k, f in enumerate(self.flags)
            if (c := self.choices.get(k)) is not None
        ]

    def _next_undecided(self, start: int) -> int:
        for k in range(start, len(self.flags)):
            if k not in self.choices:
                return k
        return min(start, len(self.flags))

    def to_json(self) -> str:
        """The session as saved: the input's digest, every choice, the flag shown."""
        current = self.current
        saved = {
            "version": SESSION_VERSION,
            "sha256": self.digest,
            "position": current.start if current is not None else len(self.text),
            "ignored": sorted(self.ignored),
            "choices": [
                {"start": f.start, "end": f.end, "text": f.text, **asdict(c)}
                for k, c in sorted(self.choices.items())
                if (f := self.flags[k]) is not None
            ]
            + [
                {"start": s, "end": e, "text": t, **asdict(c)}
                for (s, e, t), c in self.pending.items()
            ],
        }
        return json.dumps(saved, ensure_ascii=False, indent=1) + "\n"


class SessionError(ValueError):
    """A session file that does not belong to this input, or cannot be read."""


def resume(text: str, saved: str, name: str) -> Review:
    """A review of ``text`` with the choices of the session file content ``saved``."""
    try:
        data = json.loads(saved)
        if not isinstance(data, dict) or "sha256" not in data:
            raise SessionError(f"{name}: not an ocrfix review session")
        if data.get("version") != SESSION_VERSION:
            raise SessionError(f"{name}: a session file of another ocrfix version")
        if data["sha256"] != digest(text):
            raise SessionError(
                f"{name}: this session was made for another version of the input; "
                "remove it to start afresh, or pass --session for a new one"
            )
        pending = {
            (c["start"], c["end"], c["text"]): Choice(c["verdict"], c["replacement"], c["by"])
            for c in data["choices"]
        }
        return Review(
            text, pending=pending, resume_at=int(data["position"]), ignored=set(data["ignored"])
        )
    except (KeyError, TypeError, json.JSONDecodeError) as exc:
        raise SessionError(f"{name}: not an ocrfix review session ({exc})") from None


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _as_series(choice: Choice) -> Choice:
    return Choice(choice.verdict, choice.replacement, "series")


def _source(flag: Flag, replacement: str) -> Source:
    for candidate in flag.suggestions:
        if candidate.text == replacement:
            return candidate.source
    return "reviewer"
