"""``ocrfix review``: a full-screen terminal UI for deciding every flag (prompt_toolkit).

The screen shows the flag in its lines (highlighted, and bracketed for
terminals without colour), why it was flagged, the ranked candidates with
their confidence and evidence (for a sibling, its text at the aligned
place), progress and counts, and the keys. Flags arrive from a background
thread that checks the document piece by piece (:mod:`ocrfix.scan`), so the
first one shows at once. Every decision is saved at once through ``save``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from prompt_toolkit.application import Application
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.layout.dimension import Dimension
from prompt_toolkit.styles import Style
from prompt_toolkit.widgets import TextArea

from ocrfix.review_session import Choice, Review
from ocrfix.types import Candidate, Flag

# Lines of context shown above and below the flagged line, and the most
# characters of one line shown on either side of the flag.
CONTEXT_LINES = 3
LINE_REACH = 300
# Characters of a sibling's text shown around its aligned reading.
EVIDENCE_REACH = 30

STYLE = Style.from_dict(
    {
        "header": "reverse",
        "flag": "reverse underline bold",
        "key": "bold",
        "dim": "italic",
        "footer": "reverse",
        "message": "bold",
    }
)

HELP = """\
Keys
  1-9      take that candidate          Enter   take the top candidate
  s, →     skip: keep the text as it is  ←       back to the previous flag
  e        type your own replacement     u       undo the last decision (repeat)
  a        the same decision for every identical case (asks first)
  i        ignore this word from now on (and add it to --lexicon FILE)
  q        save and quit                 Ctrl-C  save the session and stop
  ?        this help (any key closes it)
Every decision is saved at once: run the same command again to resume."""

FOOTER = " 1-9/⏎ take  s/→ skip  ← back  e edit  a all  i ignore  u undo  q quit  ? help"


@dataclass(frozen=True, slots=True)
class Outcome:
    """How the review ended: ``quit`` (write the output) or ``interrupted`` (Ctrl-C)."""

    how: str


class ReviewApp:
    """The terminal UI over a :class:`Review`; ``run`` returns how it ended."""

    def __init__(
        self,
        review: Review,
        title: str,
        flags: Iterator[list[Flag]],
        save: Callable[[Review], None],
        learn: Callable[[str], str],
        sibling_texts: Mapping[str, str],
        auto_accept_above: float | None = None,
    ) -> None:
        self.review = review
        self.title = title
        self.save = save
        self.learn = learn  # adds a word to the user lexicon; returns a message
        self.sibling_texts = sibling_texts
        self.auto_accept_above = auto_accept_above
        self.message = ""
        self.help = False
        self.asking: Callable[[], None] | None = None  # what `y` does, while a question is shown
        self.scanning = True
        self._arrived: queue.Queue[list[Flag] | None] = queue.Queue()
        self._flags = flags
        self.editor = TextArea(multiline=False, prompt="replacement: ")
        self.main = Window(FormattedTextControl(self._context, focusable=True), wrap_lines=True)
        self.app: Application[Outcome] = Application(
            layout=Layout(self._layout(), focused_element=self.main),
            key_bindings=self._keys(),
            style=STYLE,
            full_screen=True,
            before_render=lambda _: self._take_arrived(),
        )

    def run(self) -> Outcome:
        threading.Thread(target=self._scan, daemon=True).start()
        return self.app.run()

    # Scanning ------------------------------------------------------------

    def _scan(self) -> None:
        """Background: put each piece's flags on the queue, then None."""
        try:
            for found in self._flags:
                self._arrived.put(found)
                self.app.invalidate()
        finally:
            self._arrived.put(None)
            self.app.invalidate()

    def _take_arrived(self) -> None:
        while True:
            try:
                found = self._arrived.get_nowait()
            except queue.Empty:
                return
            if found is None:
                self.scanning = False
            else:
                self.review.add_flags(found, self.auto_accept_above)

    # Layout --------------------------------------------------------------

    def _layout(self) -> HSplit:
        editing = Condition(lambda: self.app.layout.has_focus(self.editor))
        return HSplit(
            [
                Window(FormattedTextControl(self._header), height=1, style="class:header"),
                self.main,
                Window(height=1, char="─"),
                Window(
                    FormattedTextControl(self._details),
                    wrap_lines=True,
                    height=Dimension(min=4, preferred=12),
                ),
                ConditionalContainer(self.editor, filter=editing),
                Window(FormattedTextControl(self._message), height=1, style="class:message"),
                Window(FormattedTextControl(lambda: FOOTER), height=1, style="class:footer"),
            ]
        )

    def _header(self) -> StyleAndTextTuples:
        review = self.review
        total = f"{len(review.flags)}{'+' if self.scanning else ''}"
        shown = min(review.position + 1, len(review.flags))
        c = review.counts()
        counts = (
            f"accepted {c['accepted']} · edited {c['edited']} · kept {c['kept']}"
            + (f" · auto {c['auto']}" if c["auto"] else "")
            + f" · open {c['open']}"
        )
        return [("", f" {self.title}   {shown} / {total}   {counts}")]

    def _context(self) -> StyleAndTextTuples:
        flag = self.review.current
        if flag is None:
            return [("", self._end_text())]
        return context_fragments(self.review.text, flag)

    def _details(self) -> StyleAndTextTuples:
        if self.help:
            return [("", HELP)]
        flag = self.review.current
        if flag is None:
            return []
        return detail_fragments(
            flag, self.review.choices.get(self.review.position), self.sibling_texts
        )

    def _message(self) -> StyleAndTextTuples:
        return [("", self.message)]

    def _end_text(self) -> str:
        if self.scanning:
            return "Scanning the rest of the text for more flags…"
        if not self.review.flags:
            return "Nothing flagged in this text. Press q to quit."
        return f"All {len(self.review.flags)} flags seen. Press q to save and quit, ← to go back."

    # Keys ----------------------------------------------------------------

    def _keys(self) -> KeyBindings:
        kb = KeyBindings()
        editing = Condition(lambda: self.app.layout.has_focus(self.editor))
        asking = Condition(lambda: self.asking is not None)
        helping = Condition(lambda: self.help)
        normal = ~editing & ~asking & ~helping

        @kb.add("c-c", eager=True)
        def _(event: KeyPressEvent) -> None:
            self.save(self.review)
            event.app.exit(result=Outcome("interrupted"))

        @kb.add("<any>", filter=helping)
        def _(event: KeyPressEvent) -> None:
            self.help = False

        @kb.add("y", filter=asking)
        def _(event: KeyPressEvent) -> None:
            action, self.asking = self.asking, None
            if action is not None:
                action()

        @kb.add("<any>", filter=asking)
        def _(event: KeyPressEvent) -> None:
            self.asking = None
            self.message = "Not applied."

        @kb.add("enter", filter=editing)
        def _(event: KeyPressEvent) -> None:
            typed = self.editor.text
            event.app.layout.focus(self.main)
            self._decide(Choice("edited", typed), f"edited to {typed!r}")

        @kb.add("escape", filter=editing, eager=True)
        def _(event: KeyPressEvent) -> None:
            event.app.layout.focus(self.main)
            self.message = "Edit cancelled."

        for n in range(1, 10):
            kb.add(str(n), filter=normal)(self._take(n - 1))

        @kb.add("enter", filter=normal)
        def _(event: KeyPressEvent) -> None:
            self._take(0)(event)

        @kb.add("s", filter=normal)
        @kb.add("right", filter=normal)
        def _(event: KeyPressEvent) -> None:
            flag = self.review.current
            if flag is not None:
                self._decide(Choice("kept", flag.text), f"kept {flag.text!r}")

        @kb.add("left", filter=normal)
        def _(event: KeyPressEvent) -> None:
            self.review.back()
            self.message = ""

        @kb.add("u", filter=normal)
        def _(event: KeyPressEvent) -> None:
            self.message = "Undone." if self.review.undo() else "Nothing to undo."
            self.save(self.review)

        @kb.add("e", filter=normal)
        def _(event: KeyPressEvent) -> None:
            flag = self.review.current
            if flag is not None:
                shown = flag.best.text if flag.best else flag.text
                self.editor.text = shown if "\n" not in shown else ""  # a one-line field
                self.editor.buffer.cursor_position = len(self.editor.text)
                event.app.layout.focus(self.editor)
                self.message = "Type the replacement; Enter to take it, Esc to cancel."

        @kb.add("a", filter=normal)
        def _(event: KeyPressEvent) -> None:
            self._ask_series()

        @kb.add("i", filter=normal)
        def _(event: KeyPressEvent) -> None:
            flag = self.review.current
            if flag is not None:
                self.review.ignored.add(flag.text.casefold())
                same = self.review.series(flag.text)
                self.review.decide(Choice("kept", flag.text), same)
                self.message = self.learn(flag.text)
                self.save(self.review)

        @kb.add("?", filter=normal)
        def _(event: KeyPressEvent) -> None:
            self.help = True

        @kb.add("q", filter=normal)
        def _(event: KeyPressEvent) -> None:
            self.save(self.review)
            event.app.exit(result=Outcome("quit"))

        return kb

    def _take(self, k: int) -> Callable[[KeyPressEvent], None]:
        def take(event: KeyPressEvent) -> None:
            flag = self.review.current
            if flag is None:
                return
            if k >= len(flag.suggestions):
                self.message = f"No candidate {k + 1}."
                return
            chosen = flag.suggestions[k].text
            self._decide(Choice("accepted", chosen), f"{flag.text!r} → {chosen!r}")

        return take

    def _decide(self, choice: Choice, said: str) -> None:
        self.review.decide(choice)
        self.message = said
        self.save(self.review)

    def _ask_series(self) -> None:
        """Offer the current decision (or the top candidate) for every identical case."""
        review = self.review
        flag = review.current
        if flag is None:
            return
        choice = review.choices.get(review.position)
        if choice is None and flag.best is not None:
            choice = Choice("accepted", flag.best.text)
        if choice is None:
            self.message = "No candidate to apply; choose or type one first."
            return
        same = review.series(flag.text)
        decided = choice

        def apply_all() -> None:
            review.decide(decided, same)
            self.message = f"{len(same)} × {flag.text!r} → {decided.replacement!r}"
            self.save(review)

        self.asking = apply_all
        self.message = (
            f"Make {flag.text!r} → {choice.replacement!r} in all {len(same)} places "
            "not yet decided? y / n"
        )


def context_fragments(text: str, flag: Flag) -> StyleAndTextTuples:
    """The lines around ``flag``, the flagged span bracketed and highlighted."""
    line_start = text.rfind("\n", 0, flag.start) + 1
    for _ in range(CONTEXT_LINES):
        if line_start <= 1:
            break
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    line_end = flag.end
    for _ in range(CONTEXT_LINES + 1):
        found = text.find("\n", line_end)
        if found == -1:
            line_end = len(text)
            break
        line_end = found + 1
    before = text[max(line_start, flag.start - LINE_REACH * CONTEXT_LINES) : flag.start]
    after = text[flag.end : min(line_end, flag.end + LINE_REACH * CONTEXT_LINES)]
    return [
        ("", before),
        ("class:flag", f"[[{flag.text}]]"),
        ("", after.rstrip("\n")),
    ]


def detail_fragments(
    flag: Flag, choice: Choice | None, sibling_texts: Mapping[str, str]
) -> StyleAndTextTuples:
    """Why ``flag`` was raised, its candidates with evidence, and any decision on it."""
    out: StyleAndTextTuples = [
        ("class:key", f"{flag.kind.value}"),
        ("", f": {flag.reason} (confidence {flag.confidence:.2f})\n"),
    ]
    if choice is not None:
        out.append(
            ("class:dim", f"decided ({choice.by}): {choice.verdict} {choice.replacement!r}\n")
        )
    if not flag.suggestions:
        out.append(("class:dim", "no candidates: s keeps the text, e types a replacement\n"))
    for n, candidate in enumerate(flag.suggestions[:9], start=1):
        out.append(("class:key", f" {n} "))
        out.append(("", f"{candidate.text!r}  {candidate.confidence:.2f}  {candidate.source}\n"))
        out.extend(("class:dim", f"     {line}\n") for line in _evidence(candidate, sibling_texts))
    return out


def _evidence(candidate: Candidate, sibling_texts: Mapping[str, str]) -> Iterator[str]:
    """For a sibling's candidate: each sibling's text around its aligned reading."""
    for e in candidate.evidence[:3]:
        text = sibling_texts.get(e.sibling)
        if text is None:
            yield f"{e.sibling} at {e.start}"
            continue
        before = text[max(0, e.start - EVIDENCE_REACH) : e.start]
        after = text[e.end : e.end + EVIDENCE_REACH]
        shown = f"…{before}[{text[e.start : e.end]}]{after}…"
        yield f"{e.sibling}: {' '.join(shown.split())}"
