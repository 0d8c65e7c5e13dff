"""What the writes promise, each in its own words: the umask's mode, a flush to disk when asked,
every failure naming the path and the reason, and the temp files of killed writes found and removed."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scholarcli.errors import ScholarError, WriteFailed
from scholarcli.store import fileio
from scholarcli.store.fileio import (
    output_folder,
    output_target,
    remove_stale_temp_files,
    replaced,
    write_atomic,
    write_new,
    write_output,
)

Write = Callable[[Path, str], None]
WRITES: dict[str, Write] = {"atomic": write_atomic, "new": write_new, "output": write_output}


@pytest.fixture(params=["unnamed", "temp file"])
def new_file_way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """write_new both ways: Linux's unnamed file, and the temp file and rename used elsewhere."""
    way = str(request.param)
    monkeypatch.setattr(fileio, "_unnamed", way == "unnamed")
    return way


@pytest.fixture
def umask() -> Iterator[Callable[[int], int]]:
    before = os.umask(0o022)
    os.umask(before)
    yield os.umask
    os.umask(before)


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
@pytest.mark.parametrize("name", sorted(WRITES))
def test_a_new_file_gets_the_mode_the_umask_allows(
    tmp_path: Path, umask: Callable[[int], int], new_file_way: str, name: str, mask: int
) -> None:
    umask(mask)
    path = tmp_path / "made.toml"
    WRITES[name](path, "x = 1\n")
    assert (path.stat().st_mode & 0o777, path.read_text()) == (0o666 & ~mask, "x = 1\n")


@pytest.mark.parametrize("name", sorted(WRITES))
def test_a_write_that_cannot_be_made_names_the_path_and_why(tmp_path: Path, new_file_way: str, name: str) -> None:
    (tmp_path / "file").write_text("a file where a folder should be")
    path = tmp_path / "file" / "record.toml"
    with pytest.raises((WriteFailed, ScholarError)) as raised:
        WRITES[name](path, "x = 1\n")
    assert str(raised.value) == f"cannot write {path}: Not a directory"
    if isinstance(raised.value, WriteFailed):
        assert raised.value.errno == errno.ENOTDIR


def test_a_new_file_where_one_is_refuses_as_the_system_does(tmp_path: Path, new_file_way: str) -> None:
    path = tmp_path / "taken.toml"
    path.write_text("kept\n")
    with pytest.raises(FileExistsError) as raised:
        write_new(path, "x = 1\n")
    assert (raised.value.errno, raised.value.strerror, raised.value.filename) == (
        errno.EEXIST,
        os.strerror(errno.EEXIST),
        str(path) if new_file_way == "temp file" else raised.value.filename,
    )
    assert path.read_text() == "kept\n"


@pytest.mark.parametrize("durable", [True, False])
@pytest.mark.parametrize("name", ["atomic", "new"])
def test_a_durable_write_reaches_the_disk_before_its_name_and_another_is_left_to_the_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_file_way: str, name: str, durable: bool
) -> None:
    flushed: list[int] = []
    real_fsync = os.fsync

    def fsync(handle: int) -> None:
        flushed.append(handle)
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", fsync)
    path = tmp_path / "sub" / "record.toml"
    path.parent.mkdir()
    write = write_atomic if name == "atomic" else write_new
    write(path, "x = 1\n", durable)
    assert len(flushed) == (1 if durable else 0)
    assert path.read_text() == "x = 1\n"


def test_on_linux_a_new_record_is_written_unnamed_and_linked_under_its_name(tmp_path: Path) -> None:
    """As README says: no temp file and rename for a new record; only a system that refuses unnamed
    files makes write_new fall back to them (for the rest of the process)."""
    assert fileio._unnamed, "this system refused an unnamed file before this test"
    folder = tmp_path / "publications"
    for number in range(3):
        write_new(folder / f"r{number}.toml", "x = 1\n")
    assert fileio._unnamed
    assert sorted(path.name for path in folder.iterdir()) == ["r0.toml", "r1.toml", "r2.toml"]


def test_a_binary_file_is_written_as_its_bytes(tmp_path: Path) -> None:
    data = bytes(range(256))  # a Word document's zip, say
    write_atomic(tmp_path / "cv.docx", data)
    write_output(tmp_path / "out.docx", data)
    assert (tmp_path / "cv.docx").read_bytes() == (tmp_path / "out.docx").read_bytes() == data


def test_a_new_file_in_a_missing_folder_makes_the_folder(tmp_path: Path, new_file_way: str) -> None:
    path = tmp_path / "a" / "b" / "record.toml"
    write_new(path, "é = 1\n")
    assert path.read_bytes() == "é = 1\n".encode()


def test_what_a_write_would_replace_is_said_when_it_cannot(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "x.bib"
    with pytest.raises(ScholarError, match=f"^cannot write {missing}: the directory {missing.parent} does not exist$"):
        replaced(missing)
    link = tmp_path / "link.bib"
    link.symlink_to(missing)
    with pytest.raises(ScholarError) as raised:
        replaced(link)
    assert (
        str(raised.value) == f"cannot write {link}: it links to {missing}, whose folder {missing.parent} does not exist"
    )
    loop = tmp_path / "loop.bib"
    loop.symlink_to(loop)
    with pytest.raises(ScholarError) as raised:
        replaced(loop)
    assert str(raised.value) == f"cannot write {loop}: it is a symbolic link (a loop of links), not a regular file"
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(ScholarError) as raised:
        replaced(folder)
    assert str(raised.value) == f"cannot write {folder}: it is a folder, not a regular file"
    assert replaced(tmp_path / "new.bib") == tmp_path / "new.bib"


def test_an_output_path_through_a_loop_of_links_is_one_line_naming_it(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(ScholarError) as raised:
        output_target(loop)
    assert str(raised.value) == f"cannot write {loop}: Too many levels of symbolic links"
    with pytest.raises(ScholarError) as raised:
        output_folder(loop)
    assert str(raised.value) == f"cannot write into {loop}: Too many levels of symbolic links"
    (tmp_path / "file").write_text("")
    with pytest.raises(ScholarError) as raised:
        output_folder(tmp_path / "file")
    assert str(raised.value) == f"cannot write into {tmp_path / 'file'}: it is a regular file, not a folder"


def test_an_output_folder_named_by_a_link_to_nothing_yet_is_the_folder_it_names(tmp_path: Path) -> None:
    link = tmp_path / "site"
    link.symlink_to(tmp_path / "real" / "site")
    assert output_folder(link) == tmp_path / "real" / "site"
    assert output_folder(tmp_path) == tmp_path
    target = output_target(tmp_path / "x.bib")
    assert (target.path, target.into) == (tmp_path / "x.bib", False)


def test_the_temp_files_of_killed_writes_are_removed_and_named_and_nothing_else(tmp_path: Path) -> None:
    stale = [tmp_path / ".a.toml.abcd1234.tmp", tmp_path / "publications" / ".b.toml.ABCD_123.tmp"]
    kept = [
        tmp_path / "a.toml",
        tmp_path / ".a.toml.short.tmp",  # not what mkstemp names
        tmp_path / ".git" / ".c.toml.abcd1234.tmp",  # a hidden folder is no part of the library
        tmp_path / "publications" / "x.tmp",
    ]
    for path in stale + kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")
    assert sorted(remove_stale_temp_files(tmp_path)) == sorted(stale)
    assert not any(path.exists() for path in stale) and all(path.exists() for path in kept)
    assert remove_stale_temp_files(tmp_path) == []
