"""A progress bar for the commands that fetch: counts, elapsed time and the time left, on a
terminal's stderr; nothing elsewhere (a pipe, a log, a nightly job's output stays clean).

The library layer reports ``(done, total)`` through a callback and never imports rich; this draws it.
The callback may come from the fetch code's threads: rich's Progress is thread-safe.
"""

from __future__ import annotations

from typing import Any

from scholarcli.cli.env import Environment


class Bar:
    """Call it with (done, total); :meth:`clear` when the work is done, before anything else is printed."""

    def __init__(self, env: Environment, what: str) -> None:
        self.env, self.what = env, what
        self._progress: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int | None) -> None:
        if not self.env.stderr_is_terminal:
            return
        if self._progress is None:
            self._start(total)
        self._progress.update(self._task, completed=done, total=total)

    def _start(self, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(file=self.env.stderr, no_color=not self.env.colour)
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        self._progress = Progress(*columns, TextColumn("left"), TimeRemainingColumn(), console=console, transient=True)
        self._task = self._progress.add_task(self.what, total=total)
        self._progress.start()

    def clear(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
