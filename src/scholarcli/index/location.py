"""Where the index lives, and reading and writing its files safely.

The index is in the user's cache directory, never in the library (often a git repository). Its
files are pickles, which can run code when loaded, so a file is read only when it is a regular
file that this user owns and nobody else could have written, in a folder nobody else can write
to (as ssh and pip treat their own files). scholar makes the folder 0700. Anything else, and any
failure to read or write, only means the index is rebuilt: a cache is never worth an error.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO

# Written by others: group or world write permission.
_FOREIGN_WRITE = stat.S_IWGRP | stat.S_IWOTH


def cache_dir() -> Path:
    if os.environ.get("SCHOLAR_CACHE_DIR"):
        return Path(os.environ["SCHOLAR_CACHE_DIR"])
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "scholar"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "scholar" / "Cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "scholar"


def path_for(resolved: Path) -> Path:
    """The index file of the library at ``resolved`` (other files of it add suffixes)."""
    # Readable, and unique enough: two libraries that meet here only rebuild each other's cache.
    return cache_dir() / f"{resolved.name}-{zlib.crc32(str(resolved).encode()):08x}.pickle"


def _trusted(info: os.stat_result, regular: bool) -> bool:
    if not hasattr(os, "geteuid"):  # Windows: the user's profile folder is private already
        return True
    kind_ok = stat.S_ISREG(info.st_mode) if regular else stat.S_ISDIR(info.st_mode)
    return kind_ok and info.st_uid == os.geteuid() and not info.st_mode & _FOREIGN_WRITE


@contextmanager
def opened(path: Path) -> Iterator[BinaryIO]:
    """``path`` open for reading; OSError when it is not a file scholar could trust to unpickle.

    Opened without blocking, so a FIFO planted here cannot hang a command, and checked on the
    open descriptor, so nothing can be swapped in between the check and the read.
    """
    if not _trusted(path.parent.stat(), regular=False):
        raise PermissionError(f"{path.parent} can be written by others")
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    try:
        if not _trusted(os.fstat(handle), regular=True):
            raise PermissionError(f"{path} is not a file only this user could have written")
        stream = os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise
    with stream:
        yield stream


def dump(path: Path, *values: object) -> bool:
    """Write ``values`` as consecutive pickles (pickle.load reads them back one at a time), atomically.

    False when it could not be written (which is not worth an error: the cache is only a cache).
    """
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with temp.open("wb") as handle:
            for value in values:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(path)
    except (OSError, ValueError):  # ValueError: a path the system cannot even name (a NUL in it)
        with suppress(OSError, ValueError):
            temp.unlink(missing_ok=True)
        return False
    return True


def remove(path: Path) -> bool:
    """Remove ``path``; False when it was not there (or cannot be removed)."""
    try:
        path.unlink()
    except (OSError, ValueError):
        return False
    return True
