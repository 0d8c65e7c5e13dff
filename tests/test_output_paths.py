"""What `-o PATH` (and every other file a user names) does with what is already at the path.

A regular file, or nothing, is replaced atomically; a link keeps being a link and its target is
replaced; a FIFO, a character device and an open descriptor are written into; a folder, a socket,
a block device, a link loop or a missing folder is a one-line error that writes nothing.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import Run

Scholar = Callable[..., Run]
HARD = Path(__file__).parent / "fixtures" / "hard"
SCHOLAR = Path(sys.executable).parent / "scholar"


@pytest.fixture(scope="module")
def exported() -> str:
    """What `export bibtex` of the hard-case library prints on stdout: what every -o must receive."""
    done = subprocess.run([SCHOLAR, "-L", HARD, "export", "bibtex"], capture_output=True, text=True, check=True)
    return done.stdout


def export_to(scholar: Scholar, path: Path) -> Run:
    return scholar("-L", HARD, "export", "bibtex", "-o", path)


def one_line_error(run: Run, *words: str) -> None:
    assert run.exit_code == 1, run.stderr
    errors = [line for line in run.stderr.splitlines() if not line.startswith("warning: ")]
    assert len(errors) == 1 and errors[0].startswith("error: cannot write "), run.stderr
    assert all(word in errors[0] for word in words), errors[0]


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_a_regular_file_is_replaced_whole_keeping_its_mode(scholar: Scholar, tmp_path: Path, exported: str) -> None:
    target = tmp_path / "refs.bib"
    target.write_text("old")
    target.chmod(0o640)
    before = target.stat().st_ino
    assert export_to(scholar, target).exit_code == 0
    assert target.read_text() == exported
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.stat().st_ino != before and leftovers(tmp_path) == []  # a new file renamed into place


@pytest.mark.parametrize("hops", [1, 2])
def test_a_link_stays_a_link_and_its_target_is_replaced_atomically(
    scholar: Scholar, tmp_path: Path, exported: str, hops: int
) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "refs.bib"
    target.write_text("old")
    target.chmod(0o604)
    link = tmp_path / "refs.bib"
    link.symlink_to(target)
    for hop in range(1, hops):  # a link to a link
        (tmp_path / f"hop{hop}").symlink_to(link)
        link = tmp_path / f"hop{hop}"
    before = target.stat().st_ino
    run = export_to(scholar, link)
    assert run.exit_code == 0, run.stderr
    assert link.is_symlink() and link.read_text() == target.read_text() == exported
    assert target.stat().st_ino != before and stat.S_IMODE(target.stat().st_mode) == 0o604
    assert leftovers(tmp_path) == leftovers(tmp_path / "real") == []


def test_a_dangling_link_gets_its_target_made(scholar: Scholar, tmp_path: Path, exported: str) -> None:
    link = tmp_path / "refs.bib"
    link.symlink_to("made.bib")
    assert export_to(scholar, link).exit_code == 0
    assert link.is_symlink() and (tmp_path / "made.bib").read_text() == exported


def test_a_link_into_a_missing_folder_is_a_one_line_error_before_any_work(scholar: Scholar, tmp_path: Path) -> None:
    link = tmp_path / "refs.bib"
    link.symlink_to(tmp_path / "gone" / "refs.bib")
    one_line_error(export_to(scholar, link), "links to", "does not exist")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cwd", "home", "refs.bib"]


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[tuple[Path, threading.Thread, list[bytes]]]:
    """A FIFO and a thread that reads it to the end (what it read lands in the list)."""
    path = tmp_path / "pipe"
    os.mkfifo(path)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(path.read_bytes()))
    reader.start()
    yield path, reader, read
    if reader.is_alive():  # the export never opened it: open it, so that the reader ends
        with path.open("wb"):
            pass
    reader.join()


def test_a_fifo_is_written_into(
    scholar: Scholar, fifo: tuple[Path, threading.Thread, list[bytes]], exported: str
) -> None:
    path, reader, read = fifo
    run = export_to(scholar, path)
    assert run.exit_code == 0, run.stderr
    reader.join()
    assert read == [exported.encode("utf-8")]
    assert stat.S_ISFIFO(path.lstat().st_mode)


def test_dev_null_stays_the_character_device_it_is(scholar: Scholar) -> None:
    before = Path("/dev/null").stat()
    run = export_to(scholar, Path("/dev/null"))
    assert run.exit_code == 0 and "wrote 9 works to /dev/null" in run.stderr
    after = Path("/dev/null").stat()
    assert stat.S_ISCHR(after.st_mode) and (after.st_rdev, after.st_ino) == (before.st_rdev, before.st_ino)


def test_a_full_device_is_a_one_line_error(scholar: Scholar) -> None:
    run = export_to(scholar, Path("/dev/full"))
    one_line_error(run, "No space left on device")
    assert run.stderr.splitlines()[-1] == "error: cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


@pytest.mark.parametrize("mode", ["w", "a"])
def test_a_descriptor_named_in_dev_fd_is_written_into(
    scholar: Scholar, tmp_path: Path, exported: str, mode: str
) -> None:
    """`-o /dev/fd/3` (a descriptor the caller opened): that file gets the text, in place, after what
    an append kept; neither the link in /dev/fd nor the file it leads to is replaced."""
    out = tmp_path / "out.bib"
    out.write_text("% kept\n")
    before = out.stat().st_ino
    with out.open(mode) as stream:
        run = export_to(scholar, Path(f"/dev/fd/{stream.fileno()}"))
    assert run.exit_code == 0, run.stderr
    assert out.read_text() == ("% kept\n" if mode == "a" else "") + exported
    assert out.stat().st_ino == before and leftovers(tmp_path) == []


@pytest.mark.parametrize("mode", ["w", "a"])
def test_dev_stdout_writes_into_the_file_the_shell_opened(tmp_path: Path, exported: str, mode: str) -> None:
    """`-o /dev/stdout > out` and `>> out`: the file the shell opened gets the text, after what `>>` kept."""
    out = tmp_path / "out.bib"
    out.write_text("% kept\n")
    with out.open(mode) as stream:
        done = subprocess.run(
            [SCHOLAR, "-L", HARD, "export", "bibtex", "-o", "/dev/stdout"], stdout=stream, stderr=subprocess.PIPE
        )
    assert done.returncode == 0, done.stderr
    assert out.read_text() == ("% kept\n" if mode == "a" else "") + exported
    assert not out.is_symlink() and leftovers(tmp_path) == []


def test_dev_stdout_into_a_pipe(exported: str) -> None:
    done = subprocess.run(
        [SCHOLAR, "-L", HARD, "export", "bibtex", "-o", "/dev/stdout"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout == exported


def _block_device() -> Path:
    found = next((path for path in Path("/dev").iterdir() if path.is_block_device()), None)
    if found is None:
        pytest.skip("this machine has no block device in /dev")
    return found


def _socket(folder: Path) -> Path:
    path = folder / "socket"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays
    return path


def _loop(folder: Path) -> Path:
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")
    return folder / "a"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda folder: folder, ("it is a folder",)),
        (_socket, ("it is a socket",)),
        (lambda folder: _block_device(), ("it is a block device",)),
        (_loop, ("symbolic links",)),
        (lambda folder: folder / "missing" / "refs.bib", ("does not exist",)),
        (lambda folder: folder / "file" / "refs.bib", ("Not a directory",)),
    ],
    ids=["folder", "socket", "block-device", "link-loop", "missing-folder", "file-as-folder"],
)
def test_what_cannot_be_written_is_a_one_line_error_that_changes_nothing(
    scholar: Scholar, tmp_path: Path, make: Callable[[Path], Path], words: tuple[str, ...]
) -> None:
    (tmp_path / "file").write_text("mine")
    path = make(tmp_path)
    before = sorted(tmp_path.iterdir())
    one_line_error(export_to(scholar, path), *words)
    assert sorted(tmp_path.iterdir()) == before and (tmp_path / "file").read_text() == "mine"


def test_a_tree_export_follows_a_linked_folder_and_refuses_what_is_no_folder(scholar: Scholar, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "site").symlink_to(tmp_path / "real")
    assert scholar("-L", HARD, "export", "academicpages", "-o", tmp_path / "site").exit_code == 0
    assert (tmp_path / "site").is_symlink() and len(list((tmp_path / "real").glob("*.md"))) == 9
    os.mkfifo(tmp_path / "pipe")
    for path, kind in ((tmp_path / "pipe", "a FIFO"), (tmp_path / "real" / "kapoor-trim.md", "a regular file")):
        run = scholar("-L", HARD, "export", "hugo", "-o", path)
        assert run.exit_code == 1 and run.stderr == f"error: cannot write into {path}: it is {kind}, not a folder\n"


def test_init_keeps_a_linked_gitignore_a_link(scholar: Scholar, tmp_path: Path) -> None:
    shared = tmp_path / "dotfiles" / "gitignore"
    shared.parent.mkdir()
    shared.write_text("*.pdf\n")
    root = tmp_path / "lib"
    root.mkdir()
    (root / ".gitignore").symlink_to(shared)
    assert scholar("init", root).exit_code == 0
    assert (root / ".gitignore").is_symlink()
    assert shared.read_text() == "*.pdf\n# held by scholar while it writes\n.scholar.lock\n"
