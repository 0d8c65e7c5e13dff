"""What every command does around the core: find and load the library, print, report problems.

No click or typer here: the quick path (quick.py) uses these too.
"""

from __future__ import annotations

import sys
from collections.abc import Collection
from pathlib import Path

from scholarcli import store
from scholarcli.errors import ScholarError


def _progress(parsed: int, total: int) -> None:
    warn_raw(f"\rreading records: {parsed}/{total}")


def load_library(explicit: Path | None, fields: Collection[str] | None = None) -> store.Library:
    """The library the user chose (--library, or the look-up order); a long first read reports progress.

    A command that reads only some fields of the works names them and reads faster (store.load).
    """
    root, read_only = store.locate(explicit)
    progress = _progress if sys.stderr.isatty() else None
    library = store.load(root, read_only=read_only, progress=progress, fields=fields)
    if progress and len(library.paths) >= store.PROGRESS_EVERY:
        warn_raw("\r\033[K")  # clear the progress line
    return library


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def warn_raw(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()


def warn(message: str) -> None:
    """One line on stderr (the caller says whether it is a warning, a note or an error)."""
    warn_raw(f"{message}\n")


def finish(library: store.Library) -> None:
    """Report broken records after the output; any makes the command fail."""
    for problem in library.problems:
        warn(f"error: {problem}")
    if library.problems:
        count = len(library.problems)
        raise ScholarError(f"{count} problem{'s' if count != 1 else ''} in the library at {library.root}")
