"""The library's lock file (.scholar.lock): a regular file, or the write is refused in one line.

A lock that is a FIFO would make `add` wait for a reader forever; one that is a link would make
`add` create or write its target, anywhere. Each kind is refused, and nothing is written.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import RECORDS, library_files, write_library

SCHOLAR = Path(sys.executable).parent / "scholar"


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


KINDS: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "fifo": (lambda lock, outside: os.mkfifo(lock), "a FIFO"),
    "link-to-nothing": (lambda lock, outside: lock.symlink_to(outside / "made.lock"), "a symbolic link"),
    "link-to-a-file": (lambda lock, outside: lock.symlink_to(outside / "theirs"), "a symbolic link"),
    "link-to-dev-null": (lambda lock, outside: lock.symlink_to("/dev/null"), "a symbolic link"),
    "folder": (lambda lock, outside: lock.mkdir(), "a folder"),
    "socket": (lambda lock, outside: _socket(lock), "a socket"),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_lock_that_is_no_regular_file_is_refused_in_one_line(tmp_path: Path, kind: str) -> None:
    root = write_library(tmp_path / "lib", RECORDS)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "theirs").write_text("theirs\n")
    make, named = KINDS[kind]
    make(root / ".scholar.lock", outside)
    before = {name: data for name, data in library_files(root).items() if name != ".scholar.lock"}
    done = subprocess.run(  # a process of its own, with a timeout: a lock that hangs fails the test
        [SCHOLAR, "-L", root, "add", "--type", "misc", "--title", "New"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    lock = root / ".scholar.lock"
    assert done.stderr == f"error: cannot lock the library: {lock} is {named}, not a regular file; remove it\n"
    assert {name: data for name, data in library_files(root).items() if name != ".scholar.lock"} == before
    assert sorted(path.name for path in outside.iterdir()) == ["theirs"]
    assert (outside / "theirs").read_text() == "theirs\n"


def test_a_regular_lock_file_is_used_and_kept(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", RECORDS)
    (root / ".scholar.lock").write_text("")
    done = subprocess.run(
        [SCHOLAR, "-L", root, "add", "--type", "misc", "--title", "New"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (root / ".scholar.lock").is_file() and (root / "publications" / "anon-new.toml").is_file()
