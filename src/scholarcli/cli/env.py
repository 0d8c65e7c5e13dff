"""The command line's environment: its streams, whether each is a terminal, and one way to speak.

Made once at the entry point (cli.main) and passed down, so that a command reads no stream from
``sys`` itself and tests can hand one in. Exit statuses are an enum. No click or typer here: the
quick path uses it too.
"""

from __future__ import annotations

import os
import re
import sys
from enum import IntEnum

from scholarcli.errors import Problem, ScholarError
from scholarcli.model.named_tuple import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import TextIO


# Characters a terminal acts on instead of showing: C0 and C1 controls and DEL (ESC starts the
# sequences that clear a screen or write the clipboard, BEL rings, CR overwrites a line), the
# bidirectional marks and overrides that reorder what follows them, and the line and paragraph
# separators, which some terminals take as a line break.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# The same in data written to a terminal, whose lines and columns are its tabs and line feeds.
_UNSHOWABLE_IN_DATA = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def visible(text: str) -> str:
    """``text`` as a terminal may show it: every control character written out (``\\x1b``), never acted on."""
    if text.isprintable():  # in C, and true of almost every text
        return text
    return _UNSHOWABLE.sub(_written_out, text)


def visible_data(text: str) -> str:
    """Data (lines of TSV, CSV, JSON, BibTeX) as a terminal may show it: tabs and line feeds kept,
    every other control character written out as ``visible`` writes it."""
    return _UNSHOWABLE_IN_DATA.sub(_written_out, text)  # one pass in C: a few ms for 10,000 lines


def _written_out(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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
        """Data, on stdout: exact into a pipe or a file; on a terminal, with what the records hold
        that a terminal would act on written out (``\\x1b``), as ``ls`` and ``git`` show it."""
        self.stdout.write(visible_data(text) if self.stdout_is_terminal else text)
        self.stdout.flush()

    def refuse_binary_on_terminal(self) -> None:
        """A binary file (a Word CV) is never written to a terminal: said before any work."""
        if self.stdout_is_terminal:
            raise ScholarError("a Word file is not for a terminal: write it with -o FILE (or redirect it)")

    def out_bytes(self, data: bytes) -> None:
        """A binary file (a Word CV) on stdout, into a pipe or a file: never to a terminal."""
        self.refuse_binary_on_terminal()
        self.stdout.flush()
        self.stdout.buffer.write(data)
        self.stdout.buffer.flush()

    def say(self, message: str) -> None:
        """A message for the person (a note, a warning, an error), on stderr, one line.

        Messages quote the library's data (keys, titles, paths), so its control characters are
        written out, never sent to the terminal.
        """
        self.stderr.write(f"{visible(message)}\n")
        self.stderr.flush()

    def say_raw(self, text: str) -> None:
        """scholar's own terminal output on stderr (a progress line), as it is."""
        self.stderr.write(text)
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
            self.env.say_raw(f"\r{self.what}: {done}/{total}")
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.env.say_raw("\r\033[K")


def report_problems(env: Environment, problems: list[Problem], root: object) -> None:
    """Broken records, after the output: each on a line, and any makes the command fail."""
    for problem in problems:
        env.error(problem)
    if problems:
        count = len(problems)
        raise ScholarError(f"{count} problem{'s' if count != 1 else ''} in the library at {root}")


def note_sample(env: Environment, root: Path, always: bool = False) -> None:
    """Say so when the library read is the bundled sample (scholar found no other): on a terminal, or
    ``always`` for the commands that judge a library (check, stats), whose words are about it."""
    if always or env.stderr_is_terminal:
        from scholarcli.store.locate import bundled_library_dir, sample_explained

        if root == bundled_library_dir():
            env.note(sample_explained())
