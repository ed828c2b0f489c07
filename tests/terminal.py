"""A real pseudo-terminal for testing ``ocrfix review``: pexpect runs the
program, pyte keeps the screen it draws, so tests read what a person sees."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pexpect
import pyte


class Terminal:
    """``argv`` running in a ``columns`` x ``lines`` pseudo-terminal."""

    def __init__(
        self, argv: Sequence[str], columns: int = 80, lines: int = 24, cwd: str | None = None
    ) -> None:
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(
            argv[0], list(argv[1:]), dimensions=(lines, columns), cwd=cwd, env=None, timeout=30
        )
        self.child.delaybeforesend = None  # pexpect sleeps 50 ms before each send by default

    def pump(self, seconds: float = 0.05) -> None:
        """Read what the program wrote in the next ``seconds``."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                data = self.child.read_nonblocking(
                    65536, timeout=max(0.0, deadline - time.monotonic())
                )
                self.stream.feed(data)
            except pexpect.TIMEOUT:
                return
            except pexpect.EOF:
                return
            if time.monotonic() >= deadline:
                return

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 30.0) -> str:
        """The screen, once it shows ``needle``; AssertionError with the screen if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump(0.1)
            if needle in self.text():
                return self.text()
            if not self.child.isalive():
                self.pump(0.1)
                break
        raise AssertionError(f"{needle!r} never appeared; the screen:\n{self.text()}")

    def resize(self, columns: int, lines: int) -> None:
        """Resize the terminal, as a person dragging its window does."""
        self.screen.resize(lines, columns)
        self.child.setwinsize(lines, columns)
        self.pump(0.3)

    def send(self, keys: str) -> None:
        self.child.send(keys)
        self.pump(0.2)

    def wait_exit(self, timeout: float = 30.0) -> int:
        self.child.expect(pexpect.EOF, timeout=timeout)
        self.child.close()
        return int(
            self.child.exitstatus
            if self.child.exitstatus is not None
            else 128 + (self.child.signalstatus or 0)
        )
