"""Writing files so that a reader never sees half of one: temp file, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from scholarcli.errors import ScholarError


def check_directory(path: Path) -> None:
    """Fail early, before any work, when ``path`` cannot be created where it is."""
    if not path.parent.is_dir():
        raise ScholarError(f"cannot write {path}: the directory {path.parent} does not exist")


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block is done, so no write is left half-way (no temp file)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # a held signal is delivered here


def write_atomic(path: Path, text: str, durable: bool = True) -> None:
    """Replace ``path`` with ``text`` in one step; on failure the old file is left as it was.

    ``durable`` flushes the file to disk before the rename; a caller writing many files may leave
    that out and flush once at the end (the rename alone already keeps every file whole).
    """
    check_directory(path)
    with interrupts_deferred():
        _write_atomic(path, text, durable)


def _write_atomic(path: Path, text: str, durable: bool) -> None:
    directory = path.parent
    try:
        handle, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ScholarError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        Path(temp_name).replace(path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        if isinstance(error, OSError):
            raise ScholarError(f"cannot write {path}: {error.strerror or error}") from None
        raise
