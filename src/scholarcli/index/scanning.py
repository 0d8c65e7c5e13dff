"""Finding a library's record files and the stat signature that tells the index one changed."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from scholarcli.errors import Problem
from scholarcli.store.records import NOT_RECORDS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NewType

    # One record file as a scan found it: its path relative to the library root, then its stat
    # signature (mtime in ns, size, inode), NUL-separated. A string rather than a tuple: 10,000
    # of them are made and compared on every command, and a string is the cheapest object to
    # make, store and compare. NUL sorts before any character of a name, so sorted lines are in
    # the order of their paths.
    ScannedFile = NewType("ScannedFile", str)
else:
    ScannedFile = str

PARALLEL_SCAN = 2000  # record files from which a second process stats half of them

# An open folder, the folder's path from the root, and a file name in it.
_Found = tuple[int, str, str]


def path_of(line: ScannedFile) -> str:
    """The record's path relative to the library root."""
    return line.split("\0", 1)[0]


def modified_ns(line: ScannedFile) -> int:
    return int(line.split("\0", 2)[1])


def file_key(relative: str) -> str:
    """The key a record's file name gives: its name without .toml."""
    return relative.rsplit("/", 1)[-1][: -len(".toml")]


def _line(relative: str, signed: os.stat_result) -> ScannedFile:
    return ScannedFile(f"{relative}\0{signed.st_mtime_ns}\0{signed.st_size}\0{signed.st_ino}")


def _is_skipped(entry: os.DirEntry[str]) -> bool:
    """Hidden names, and folders starting with _ (a site generator's, say)."""
    name = entry.name
    return name[0] == "." or (name[0] == "_" and entry.is_dir())


class _Walk:
    """What a walk of the library found: files by open folder, or by path where folders cannot be opened.

    A path that cannot be read (an unreadable folder, a dangling link, a link loop) is a problem
    of its own: it never hides the rest of the library.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # Where it can (not on Windows), the scan names each file relative to its open folder: the
        # kernel then resolves one name, not the whole path, which saves a tenth of a scan.
        self.by_descriptor = os.stat in os.supports_dir_fd and os.scandir in os.supports_fd
        self.found: list[_Found] = []
        self.signed_by_path: list[ScannedFile] = []
        self.opened: list[int] = []

    def folder(self, directory: str, prefix: str, parent: int | None) -> None:
        handle: int | str = directory
        try:
            if self.by_descriptor:
                handle = os.open(directory, os.O_RDONLY | os.O_DIRECTORY, dir_fd=parent)
                self.opened.append(handle)
            with os.scandir(handle) as entries:
                names = [(entry.name, entry) for entry in entries]
        except OSError as error:
            if not prefix:
                raise  # the library's own folder: nothing to list
            self.problems.append(Problem(prefix.rstrip("/"), "", f"cannot read this folder: {error.strerror}"))
            return
        # The usual entry, a record file in a folder opened by descriptor, costs one test and an
        # append here: a function call for each of 10,000 files would cost milliseconds.
        descriptor = handle if isinstance(handle, int) and prefix else None  # not the root: no library.toml
        for name, entry in names:
            if descriptor is not None and name.endswith(".toml") and name[0] != ".":
                self.found.append((descriptor, prefix, name))
            elif not _is_skipped(entry):
                self.entry(entry, handle, prefix)

    def entry(self, entry: os.DirEntry[str], handle: int | str, prefix: str) -> None:
        name = entry.name
        if name.endswith(".toml"):
            if prefix or name not in NOT_RECORDS:  # library.toml and citations.toml at the root are no records
                if isinstance(handle, int):
                    self.found.append((handle, prefix, name))
                else:
                    try:
                        self.signed_by_path.append(_line(f"{prefix}{name}", entry.stat()))
                    except OSError as error:
                        self.problems.append(Problem(f"{prefix}{name}", "", f"cannot read: {error.strerror}"))
        elif entry.is_dir(follow_symlinks=False):
            if isinstance(handle, int):
                self.folder(name, f"{prefix}{name}/", handle)
            else:
                self.folder(entry.path, f"{prefix}{name}/", None)

    def close(self) -> None:
        for handle in self.opened:
            os.close(handle)


_FAILED = "\0!"  # in place of a stat signature: the stat failed, and why follows


def _signed(found: Sequence[_Found]) -> list[str]:
    """The scanned lines of ``found`` (plain strings: the forked child hands them over with marshal)."""
    stat = os.stat
    try:
        return [
            f"{prefix}{name}\0{(signed := stat(name, dir_fd=folder)).st_mtime_ns}\0{signed.st_size}\0{signed.st_ino}"
            for folder, prefix, name in found
        ]
    except OSError:  # rare (a dangling link, a link loop): go again one by one
        return [_signed_one(folder, prefix, name) for folder, prefix, name in found]


def _signed_one(folder: int, prefix: str, name: str) -> str:
    try:
        signed = os.stat(name, dir_fd=folder)
    except OSError as error:
        return f"{prefix}{name}{_FAILED}{error.strerror}"
    return f"{prefix}{name}\0{signed.st_mtime_ns}\0{signed.st_size}\0{signed.st_ino}"


def scan(root: Path, problems: list[Problem] | None = None) -> list[ScannedFile]:
    """Every record file under ``root``, sorted by path, with its stat signature.

    The paths that cannot be read are left out, and added to ``problems`` when it is given.
    """
    from scholarcli.processes import in_two_processes

    walk = _Walk()
    try:
        walk.folder(str(root), "", None)
        found = walk.found
        lines = in_two_processes(_signed, found) if len(found) >= PARALLEL_SCAN else _signed(found)
    finally:
        walk.close()
    scanned: list[ScannedFile] = lines  # type: ignore[assignment]  # the lines _line would make
    failed = [line for line in scanned if _FAILED in line]
    if failed:
        scanned = [line for line in scanned if _FAILED not in line]
        walk.problems += [Problem(path, "", f"cannot read: {why}") for path, why in (f.split(_FAILED) for f in failed)]
    scanned += walk.signed_by_path
    scanned.sort()
    if problems is not None:
        problems += sorted(walk.problems)
    return scanned
