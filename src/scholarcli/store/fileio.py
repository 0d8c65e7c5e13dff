"""Writing files so that a reader never sees half of one: temp file, fsync, rename."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from scholarcli.errors import ScholarError, WriteFailed


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


# A temp file of write_atomic: ".NAME.XXXXXXXX.tmp" beside NAME (mkstemp's eight characters).
TEMP_NAME = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.tmp")


def _failed(path: Path, error: OSError) -> WriteFailed:
    return WriteFailed(f"cannot write {path}: {error.strerror or error}", error.errno)


def mode_for(path: Path) -> int:
    """The mode a written file gets: that of the file it replaces, else what the umask allows.

    mkstemp makes its file 0600 whatever the umask; a regenerated publications.html in a web root,
    or a record of a shared library, must stay readable by those who could read it before.
    """
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_atomic(path: Path, text: str, durable: bool) -> None:
    directory = path.parent
    try:
        handle, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _failed(path, error) from None
    try:
        os.fchmod(handle, mode_for(path))
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
            raise _failed(path, error) from None
        raise


# Whether this system writes unnamed files (Linux's O_TMPFILE, linked in through /proc); false
# once a filesystem or the kernel refuses them.
_unnamed = hasattr(os, "O_TMPFILE")


def write_new(path: Path, text: str, durable: bool = True) -> None:
    """Create ``path`` holding ``text`` (and its folder if missing); FileExistsError if it exists.

    The file appears whole or not at all. On Linux it is written unnamed and then linked under its
    name, which refuses an existing name and never leaves a temp file: a third of the time of a
    temp file and a rename, and an import creates thousands. Elsewhere, as write_atomic.
    """
    global _unnamed
    if _unnamed:
        try:
            _link_unnamed(path, text.encode("utf-8"), durable)
            return
        except FileExistsError:
            raise
        except _Unsupported:
            _unnamed = False
        except OSError as error:
            raise _failed(path, error) from None
    if path.exists():
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text, durable)


class _Unsupported(Exception):
    """No unnamed files here: the filesystem, the kernel or a missing /proc."""


def _link_unnamed(path: Path, data: bytes, durable: bool) -> None:
    try:
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        try:  # the kernel applies the umask to 0o666, as to any new file
            handle = os.open(".", os.O_WRONLY | os.O_TMPFILE | os.O_CLOEXEC, 0o666, dir_fd=folder)
        except OSError as error:
            if error.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                raise _Unsupported from None
            raise
        try:
            written = 0
            while written < len(data):
                written += os.write(handle, data[written:])
            if durable:
                os.fsync(handle)
            try:  # linkat with AT_SYMLINK_FOLLOW: the only way to name an unnamed file without privileges
                os.link(f"/proc/self/fd/{handle}", path.name, dst_dir_fd=folder, follow_symlinks=True)
            except OSError as error:
                if error.errno in (errno.ENOENT, errno.EXDEV, errno.EPERM):  # no /proc, or a sandbox's refusal
                    raise _Unsupported from None
                raise
        finally:
            os.close(handle)
    finally:
        os.close(folder)


def remove_stale_temp_files(root: Path) -> list[Path]:
    """Remove what write_atomic left where a process was killed mid-write (kill -9); those removed.

    Called with the library's lock held, so no other scholar process is writing one right now.
    """
    removed: list[Path] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            if TEMP_NAME.fullmatch(name):
                stale = Path(folder) / name
                with contextlib.suppress(OSError):
                    stale.unlink()
                    removed.append(stale)
    return removed
