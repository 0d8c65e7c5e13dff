"""Writing files so that a reader never sees half of one: temp file, fsync, rename.

Only a regular file is ever replaced. A symbolic link is followed and its target replaced, so the
link is kept; anything else at a path (a folder, a FIFO, a device, a socket) is refused, except
where the user names the output (``write_output``): a FIFO, a character device (``/dev/null``, a
terminal) and an open descriptor (``/dev/stdout``) are written into, never replaced.
"""

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
from scholarcli.model.named_tuple import NamedTuple

_KINDS = {stat.S_ISREG: "a regular file", stat.S_ISDIR: "a folder", stat.S_ISFIFO: "a FIFO",
          stat.S_ISCHR: "a character device", stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket",
          stat.S_ISLNK: "a symbolic link"}  # fmt: skip


def kind_of(mode: int) -> str:
    """What a file is, in a message's words: "a FIFO", "a folder", "a socket", ..."""
    return next((name for test, name in _KINDS.items() if test(mode)), "a special file")


class Target(NamedTuple):
    """Where a write goes: the file to replace (a link's target), or one to write into (``into``)."""

    path: Path
    into: bool  # a FIFO, a character device or an open descriptor: written into, never replaced


# Open descriptors by name: written into, as a shell's `>` does. A rename there would replace the
# file a shell opened for the command (`-o /dev/stdout >> all.bib` would lose what all.bib held).
_DESCRIPTORS = ("/proc/", "/dev/fd/")
_MAX_LINKS = 40  # Linux's limit on the links one path may pass through


def _names_descriptor(path: Path) -> bool:
    """Whether ``path`` or a link it leads through is a descriptor's name (/dev/stdout -> /proc/self/fd/1)."""
    current = Path(os.path.normpath(path.absolute()))
    for _ in range(_MAX_LINKS):
        if str(current).startswith(_DESCRIPTORS):
            return True
        try:
            link = current.readlink()
        except OSError:
            return False
        current = Path(os.path.normpath(current.parent / link))
    return False


def replaced(path: Path) -> Path:
    """The file a write of ``path`` replaces: ``path``, or the target of the link it is (which may
    not exist yet). A folder, a FIFO, a device, a socket, a link loop, or a missing folder: ScholarError."""
    target = path
    try:
        if stat.S_ISLNK(path.lstat().st_mode):
            target = Path(os.path.realpath(path))
        info = target.lstat()
    except FileNotFoundError:
        if not target.parent.is_dir():
            where = f"it links to {target}, whose folder" if target != path else "the directory"
            raise ScholarError(f"cannot write {path}: {where} {target.parent} does not exist") from None
        return target
    except OSError as error:  # a file where a folder should be, no permission
        raise ScholarError(f"cannot write {path}: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        loop = " (a loop of links)" if stat.S_ISLNK(info.st_mode) else ""
        raise ScholarError(f"cannot write {path}: it is {kind_of(info.st_mode)}{loop}, not a regular file")
    return target


def output_target(path: Path) -> Target:
    """Where writing the user's ``-o PATH`` goes; checked before any work, and again when written.

    A regular file (or nothing) is replaced, a link's target too (the link kept); a FIFO, a
    character device (``/dev/null``, a terminal) or an open descriptor (``/dev/stdout``) is written
    into. A folder, a socket, a block device, or a path in a missing folder is a one-line error.
    """
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):  # nothing there yet, or a dangling link
        return Target(replaced(path), into=False)
    except OSError as error:  # a link loop, no permission
        raise ScholarError(f"cannot write {path}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ScholarError(f"cannot write {path}: it is a folder (-o names the file to write)")
    if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
        return Target(path, into=True)
    if stat.S_ISREG(info.st_mode):
        return Target(path, into=True) if _names_descriptor(path) else Target(replaced(path), into=False)
    raise ScholarError(f"cannot write {path}: it is {kind_of(info.st_mode)}; -o writes a file, a FIFO or a device")


def output_folder(path: Path) -> Path:
    """The folder a tree export writes into (``-o DIR``): ``path``, or the folder its link names;
    made when first written into if missing. Anything but a folder there is a one-line error."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return Path(os.path.realpath(path))  # a link to no folder yet: the folder it names
    except OSError as error:  # a link loop, no permission
        raise ScholarError(f"cannot write into {path}: {error.strerror or error}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise ScholarError(f"cannot write into {path}: it is {kind_of(info.st_mode)}, not a folder")
    return path


def write_output(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or a binary format's bytes) to the file the user named, as output_target says:
    replaced atomically, or written into."""
    target = output_target(path)
    if not target.into:
        write_atomic(target.path, text)
        return
    # Appending: the same as writing from the start for a FIFO, a device or a file a shell emptied (`>`).
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(target.path, flags)
    except OSError as error:
        raise _failed(path, error) from None
    try:
        data = memoryview(text.encode("utf-8") if isinstance(text, str) else text)
        while data:
            data = data[os.write(handle, data) :]
    except OSError as error:  # a reader that went away (EPIPE), a full device (/dev/full)
        raise _failed(path, error) from None
    finally:
        os.close(handle)


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


def write_atomic(path: Path, text: str | bytes, durable: bool = True) -> None:
    """Replace ``path`` with ``text`` (UTF-8) or bytes in one step; on failure the old file is left as it was.

    ``durable`` flushes the file to disk before the rename; a caller writing many files may leave
    that out and flush once at the end (the rename alone already keeps every file whole). A link
    is kept and its target replaced; a path that is no regular file is refused (``replaced``).
    """
    path = replaced(path)
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


def _write_atomic(path: Path, text: str | bytes, durable: bool) -> None:
    directory = path.parent
    try:
        handle, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _failed(path, error) from None
    try:
        os.fchmod(handle, mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
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
    if path.is_symlink() or path.exists():  # a dangling link too: its target is no new file
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where the folder should be, which is no record of that name
        raise _failed(path, NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))) from None
    except OSError as error:
        raise _failed(path, error) from None
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
