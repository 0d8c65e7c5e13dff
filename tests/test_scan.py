"""Which files of a library are records, with the stat signature the cache compares; a large
library's scan stats half of them in a forked child, which must give the same lines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from forking import counted_forks, failing_children
from scholarcli.index import scanning
from scholarcli.index.scanning import scan

RECORDS = ["a.toml", "publications/b.toml", "publications/deep/c.toml", "patents/library.toml", "_d.toml"]
NOT_RECORDS = ["library.toml", ".e.toml", ".git/f.toml", "_drafts/g.toml", "notes.txt", "publications/h.bib"]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    for name in RECORDS + NOT_RECORDS:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {name}\n")
    return tmp_path


def expected_lines(root: Path) -> list[str]:
    lines = []
    for name in RECORDS:
        stat = (root / name).stat()
        lines.append(f"{name}\0{stat.st_mtime_ns}\0{stat.st_size}\0{stat.st_ino}")
    return sorted(lines)


def test_scan_lists_every_record_file_with_its_signature(root: Path) -> None:
    assert scan(root) == expected_lines(root)


def test_a_system_without_folder_descriptors_scans_by_path(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "supports_dir_fd", set())  # as on Windows
    opened = []
    monkeypatch.setattr(os, "open", lambda *args, **kwargs: opened.append(args))
    assert scan(root) == expected_lines(root)
    assert opened == []


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make every scan parallel, even on one CPU, and count the children forked."""
    monkeypatch.setattr(scanning, "PARALLEL_SCAN", 1)
    return counted_forks(monkeypatch)


def test_a_parallel_scan_gives_the_same_lines(root: Path, forks: list[int]) -> None:
    assert scan(root) == expected_lines(root)
    assert len(forks) == 1


def test_a_parallel_scan_whose_child_fails_stats_the_files_itself(
    root: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_children(monkeypatch)
    assert scan(root) == expected_lines(root)
    assert len(forks) == 1
