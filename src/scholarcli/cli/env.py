"""The command line's environment: its streams, whether each is a terminal, and one way to speak.

Made once at the entry point (cli.main) and passed down, so that a command reads no stream from
``sys`` itself and tests can hand one in. Exit statuses are an enum. No click or typer here: the
quick path uses it too.
"""

from __future__ import annotations

import os
import sys
from enum import IntEnum

from scholarcli.errors import Problem, ScholarError
from scholarcli.model.named_tuple import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import TextIO


class ExitStatus(IntEnum):
    SUCCESS = 0
    ERROR = 1  # a user or data error
    USAGE = 2  # a bad option or command (click says it)
    INTERRUPTED = 130


class Environment(NamedTuple):
    """Where a command reads and writes, and what kind of place each stream is."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    stdin_is_terminal: bool
    stdout_is_terminal: bool
    stderr_is_terminal: bool

    @classmethod
    def of_process(cls) -> Environment:
        """The process's own streams, as they are now (a test runner may have replaced them)."""
        return cls(
            sys.stdin,
            sys.stdout,
            sys.stderr,
            _is_terminal(sys.stdin),
            _is_terminal(sys.stdout),
            _is_terminal(sys.stderr),
        )

    @property
    def colour(self) -> bool:
        """Colour only on a terminal, and never when NO_COLOR is set (as --no-color sets it)."""
        return self.stdout_is_terminal and not os.environ.get("NO_COLOR")

    def out(self, text: str) -> None:
        """Data, on stdout."""
        self.stdout.write(text)
        self.stdout.flush()

    def say(self, message: str, end: str = "\n") -> None:
        """A message for the person (progress, a note, a warning, an error), on stderr."""
        self.stderr.write(f"{message}{end}")
        self.stderr.flush()

    def error(self, message: object) -> None:
        self.say(f"error: {message}")

    def warn(self, message: object) -> None:
        self.say(f"warning: {message}")

    def note(self, message: object) -> None:
        self.say(f"note: {message}")

    def progress(self, what: str) -> Progress:
        return Progress(self, what)


class State(NamedTuple):
    """What the typer app's callback hands every command: the chosen library and the environment."""

    library: Path | None
    env: Environment


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # a closed or odd stream is no terminal
        return False


class Progress:
    """A progress line on a terminal's stderr (nothing elsewhere), cleared when done."""

    def __init__(self, env: Environment, what: str) -> None:
        self.env, self.what, self.shown = env, what, False

    def __call__(self, done: int, total: int) -> None:
        if self.env.stderr_is_terminal:
            self.env.say(f"\r{self.what}: {done}/{total}", end="")
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.env.say("\r\033[K", end="")


def report_problems(env: Environment, problems: list[Problem], root: object) -> None:
    """Broken records, after the output: each on a line, and any makes the command fail."""
    for problem in problems:
        env.error(problem)
    if problems:
        count = len(problems)
        raise ScholarError(f"{count} problem{'s' if count != 1 else ''} in the library at {root}")
