"""init, add, edit, rm, check: validated, atomic, canonical writes that never clobber or lose a record."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import Run
from scholarcli import index
from scholarcli.errors import WriteFailed
from scholarcli.store import fileio, locate, records

Scholar = Callable[..., Run]
BIN = Path(sys.executable).parent


@pytest.fixture
def empty(scholar: Scholar, tmp_path: Path) -> Path:
    root = tmp_path / "mine"
    run = scholar("init", root, "--person", "Ada Lovelace")
    assert run.exit_code == 0, run.stderr
    return root


def add(scholar: Scholar, root: Path, *args: str) -> Run:
    return scholar("-L", root, "add", *args)


ENGINE = (
    "--type",
    "article",
    "--title",
    "Notes on the Analytical Engine",
    "--author",
    "Ada Lovelace",
    "--year",
    "1843",
)


def test_init_makes_an_empty_library_and_refuses_to_overwrite_one(scholar: Scholar, empty: Path) -> None:
    settings = tomllib.loads((empty / "library.toml").read_text())
    assert settings["schema"] == 1
    assert settings["people"] == [{"name": "Ada Lovelace"}]
    before = (empty / "library.toml").read_bytes()
    run = scholar("init", empty)
    assert run.exit_code == 1
    assert "already holds a library" in run.stderr
    assert (empty / "library.toml").read_bytes() == before
    listed = scholar("-L", empty, "list")
    assert (listed.exit_code, listed.stdout) == (0, "")


def test_init_without_a_directory_makes_the_default_library(scholar: Scholar, tmp_path: Path) -> None:
    assert scholar("init").exit_code == 0
    assert (tmp_path / "home" / "data" / "scholar" / "library.toml").is_file()
    assert scholar("add", *ENGINE).exit_code == 0  # no -L: the user's library is now the default
    assert scholar("list", "--format", "keys").lines == ["lovelace1843notes"]


def test_add_prints_the_key_and_writes_a_canonical_record(scholar: Scholar, empty: Path) -> None:
    run = add(scholar, empty, *ENGINE, "--equal", "Ada Lovelace", "--tag", "history", "--doi", "10.1/x")
    assert run.exit_code == 0, run.stderr
    assert run.stdout == "lovelace1843notes\n"
    assert run.stderr == "added publications/lovelace1843notes.toml\n"
    path = empty / "publications" / "lovelace1843notes.toml"
    library = index.load(empty)
    assert path.read_text() == records.record_text(library.get("lovelace1843notes"))
    assert library.get("lovelace1843notes").equal_contribution == ("Ada Lovelace",)


def test_add_puts_patents_in_their_folder_keyed_by_number(scholar: Scholar, empty: Path) -> None:
    run = add(scholar, empty, "--type", "patent", "--title", "Loom", "--number", "US1234567", "--status", "granted")
    assert run.stdout == "us1234567\n"
    assert (empty / "patents" / "us1234567.toml").is_file()


def test_add_refuses_an_invalid_record_and_writes_nothing(scholar: Scholar, empty: Path) -> None:
    run = add(scholar, empty, *ENGINE, "--equal", "Charles Babbage")
    assert run.exit_code == 1
    assert 'equal_contribution: "Charles Babbage" is not one of the authors' in run.stderr
    assert not (empty / "publications").exists()


def test_add_refuses_a_duplicate_naming_the_existing_key(scholar: Scholar, empty: Path) -> None:
    assert add(scholar, empty, *ENGINE, "--doi", "10.1/X").exit_code == 0
    run = add(scholar, empty, "--type", "misc", "--title", "Other title", "--doi", "10.1/x")
    assert run.exit_code == 1
    assert (
        run.stderr == "error: this work is already in the library as lovelace1843notes (same DOI); nothing was added\n"
    )
    same_title = add(scholar, empty, *ENGINE)
    assert "already in the library as lovelace1843notes (same title, year and first author)" in same_title.stderr


def test_a_key_clash_of_different_works_gets_a_suffix(scholar: Scholar, empty: Path) -> None:
    add(scholar, empty, *ENGINE)
    run = add(scholar, empty, "--type", "article", "--title", "Notes, second series", "--author", "Ada Lovelace",
              "--year", "1843")  # fmt: skip
    assert run.stdout == "lovelace1843notesa\n"


def test_add_without_title_outside_a_terminal_says_what_is_missing(scholar: Scholar, empty: Path) -> None:
    run = add(scholar, empty, "--type", "misc")
    assert run.exit_code == 1
    assert run.stderr == "error: add needs --title (or run it in a terminal to be asked)\n"
    assert add(scholar, empty, "--type", "poster", "--title", "x").exit_code == 2


def test_writing_to_the_bundled_sample_is_refused_with_how_to_choose_a_library(
    scholar: Scholar, tmp_path: Path
) -> None:
    assert scholar("init", tmp_path / "mine").exit_code == 0  # made, but not where scholar looks
    for args in (["add", *ENGINE], ["rm", "us12112132", "--yes"], ["edit", "us12112132"]):
        run = scholar(*args)
        assert run.exit_code == 1
        assert len(run.stderr.splitlines()) == 1 and run.stderr.startswith("error: no library was found (")
        assert "so scholar reads its bundled sample library, which is read-only" in run.stderr
        assert "choose yours with -L DIR or `export SCHOLAR_LIBRARY=DIR`, or make one with `scholar init`" in run.stderr
    assert (locate.bundled_library_dir() / "patents" / "us12112132.toml").is_file()


def test_rm_asks_unless_yes(scholar: Scholar, empty: Path) -> None:
    add(scholar, empty, *ENGINE)
    run = scholar("-L", empty, "rm", "lovelace1843notes")
    assert run.exit_code == 1
    assert "pass --yes" in run.stderr
    assert (empty / "publications" / "lovelace1843notes.toml").exists()
    run = scholar("-L", empty, "rm", "lovelace1843notes", "--yes")
    assert run.exit_code == 0
    assert run.stderr == "removed publications/lovelace1843notes.toml\n"
    assert not (empty / "publications" / "lovelace1843notes.toml").exists()
    missing = scholar("-L", empty, "rm", "lovelace1843notes", "--yes")
    assert missing.exit_code == 1 and 'no work with key "lovelace1843notes"' in missing.stderr


def _editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(f"import sys, pathlib\npath = pathlib.Path(sys.argv[1])\ntext = path.read_text()\n{body}\n")
    return f"{sys.executable} {script}"


def test_edit_saves_a_valid_edit_in_canonical_form(
    scholar: Scholar, empty: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(scholar, empty, *ENGINE)
    editor = _editor(tmp_path, "path.write_text('year   =   1844\\n' + text.replace('year = 1843\\n', ''))")
    monkeypatch.setenv("EDITOR", editor)
    monkeypatch.delenv("VISUAL", raising=False)
    run = scholar("-L", empty, "edit", "lovelace1843notes")
    assert run.exit_code == 0, run.stderr
    library = index.load(empty)
    work = library.get("lovelace1843notes")
    assert work.year == 1844
    assert (empty / library.paths[work.key]).read_text() == records.record_text(work)


def test_an_invalid_edit_is_explained_and_abandoned_leaving_the_file_as_it_was(
    scholar: Scholar, empty: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(scholar, empty, *ENGINE)
    path = empty / "publications" / "lovelace1843notes.toml"
    before = path.read_bytes()
    monkeypatch.setenv("VISUAL", _editor(tmp_path, "path.write_text(text + 'colour = \"red\"\\n')"))
    run = scholar("-L", empty, "edit", "lovelace1843notes")
    assert run.exit_code == 1
    assert "colour: unknown field" in run.stderr
    assert "the edit was abandoned; lovelace1843notes was not changed" in run.stderr
    assert path.read_bytes() == before


def test_edit_without_changes_and_with_a_failing_editor(
    scholar: Scholar, empty: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(scholar, empty, *ENGINE)
    monkeypatch.setenv("VISUAL", _editor(tmp_path, "pass"))
    assert scholar("-L", empty, "edit", "lovelace1843notes").stderr == "no changes to lovelace1843notes\n"
    monkeypatch.setenv("VISUAL", _editor(tmp_path, "sys.exit(3)"))
    run = scholar("-L", empty, "edit", "lovelace1843notes")
    assert (run.exit_code, run.stderr) == (
        1,
        "error: the editor exited with status 3; lovelace1843notes was not changed\n",
    )


def test_resaving_every_sample_record_changes_no_byte() -> None:
    library = index.load(locate.bundled_library_dir())
    for work in library.works:
        assert records.record_text(work) == (library.root / library.paths[work.key]).read_text(), work.key


def test_check_reports_duplicates_and_warnings(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    root = make_library(
        {
            "a": 'type = "misc"\ntitle = "Same Thing"\nauthors = ["A B"]\nyear = 2020\ndoi = "10.1/a"\n',
            "b": 'type = "misc"\ntitle = "Other"\nauthors = ["C D"]\nyear = 2021\ndoi = "10.1/A"\nvenue = "Nowhere"\n',
        }
    )
    run = scholar("-L", root, "check")
    assert run.exit_code == 0  # a likely duplicate is the user's to merge or keep
    assert run.stderr.splitlines() == [
        'warning: b.toml: duplicate: "b" is likely the same work as "a" (same DOI); scholar merge a b makes them one',
        'warning: b.toml: venue: "Nowhere" is not in the venue registry (the bundled one or library.toml\'s [venues])',
        "2 works, 0 errors, 2 warnings",
    ]
    assert scholar("-L", root, "check", "--strict").exit_code == 1


def test_check_passes_the_sample_and_strict_counts_warnings(scholar: Scholar) -> None:
    run = scholar("check")
    assert run.exit_code == 0, run.stderr
    assert run.stderr.splitlines()[-1].startswith("49 works, 0 errors, ")
    assert scholar("check", "--strict").exit_code == 1  # undated works and patents without inventors


def test_two_processes_adding_at_once_lose_nothing(empty: Path) -> None:
    processes = [
        subprocess.Popen(
            [
                BIN / "scholar",
                "-L",
                empty,
                "add",
                "--type",
                "misc",
                "--title",
                f"Parallel work {n}",
                "--author",
                "Ada Lovelace",
                "--year",
                "2020",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(8)
    ]
    results = [process.communicate(timeout=120) for process in processes]
    assert all(process.returncode == 0 for process in processes), results
    keys = sorted(out.strip() for out, _ in results)
    assert len(set(keys)) == 8
    library = index.load(empty)
    assert sorted(work.key for work in library.works) == keys
    assert library.problems == []
    assert not list(empty.rglob("*.tmp"))


@pytest.mark.parametrize("unnamed", [True, False])
def test_a_new_file_is_written_whole_and_never_replaces_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unnamed: bool
) -> None:
    # both ways of writing a new file: unnamed and linked in (Linux), and a temp file renamed (elsewhere)
    monkeypatch.setattr(fileio, "_unnamed", unnamed and fileio._unnamed)
    path = tmp_path / "folder" / "made" / "new.toml"
    fileio.write_new(path, 'title = "Ünïcode"\n')
    assert path.read_bytes() == 'title = "Ünïcode"\n'.encode()
    with pytest.raises(FileExistsError):
        fileio.write_new(path, "other")
    assert path.read_text(encoding="utf-8") == 'title = "Ünïcode"\n'
    link = path.with_name("link.toml")  # a dangling link is no place for a new file: its target could be anywhere
    link.symlink_to(tmp_path / "elsewhere.toml")
    with pytest.raises(FileExistsError):
        fileio.write_new(link, "other")
    assert not (tmp_path / "elsewhere.toml").exists()
    assert sorted(p.name for p in path.parent.iterdir()) == ["link.toml", "new.toml"]


def test_a_filesystem_without_unnamed_files_falls_back_to_a_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = os.open

    def refusing(path: str, flags: int, *args: Any, **options: Any) -> int:
        if flags & getattr(os, "O_TMPFILE", 0) == getattr(os, "O_TMPFILE", -1):
            raise OSError(errno.EOPNOTSUPP, "Operation not supported")
        return opened(path, flags, *args, **options)

    monkeypatch.setattr(os, "open", refusing)
    monkeypatch.setattr(fileio, "_unnamed", True)
    fileio.write_new(tmp_path / "new" / "a.toml", "a = 1\n")
    assert (tmp_path / "new" / "a.toml").read_text() == "a = 1\n" and fileio._unnamed is False
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["a.toml"]


def test_a_replacing_write_goes_through_a_temp_file_beside_its_target_and_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename that makes a replacement atomic works only within one folder (a temp file in
    /tmp would cross filesystems); the temp file has the name `check` knows, and durable writes reach
    the disk before the rename."""
    target = tmp_path / "lib" / "w.toml"
    target.parent.mkdir()
    target.write_text("old\n")
    renamed: list[tuple[Path, Path]] = []
    synced: list[int] = []
    real_replace, real_fsync = Path.replace, os.fsync

    def replace(self: Path, other: Any) -> Path:
        renamed.append((self, Path(other)))
        return real_replace(self, other)

    monkeypatch.setattr(Path, "replace", replace)

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    fileio.write_atomic(target, "tëxt\n")
    ((temp, to),) = renamed
    assert to == target and temp.parent == target.parent and fileio.TEMP_NAME.fullmatch(temp.name), temp
    assert target.read_bytes() == "tëxt\n".encode() and synced
    synced.clear()
    fileio.write_atomic(target, "again\n", durable=False)
    assert synced == [] and target.read_text() == "again\n" and len(renamed) == 2


def test_a_replacing_write_that_fails_names_the_file_and_leaves_the_old_one_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "lib" / "w.toml"
    target.parent.mkdir()
    target.write_text("old\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteFailed) as failed:
        fileio.write_atomic(target, "new\n")
    assert str(failed.value) == f"cannot write {target}: No space left on device"
    assert failed.value.errno == errno.ENOSPC
    assert target.read_text() == "old\n" and sorted(path.name for path in target.parent.iterdir()) == ["w.toml"]
