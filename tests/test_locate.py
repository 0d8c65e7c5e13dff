"""Where scholar finds its library: -L, $SCHOLAR_LIBRARY, the nearest library.toml, the user's, the sample."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import RECORDS, Run, write_library

Scholar = Callable[..., Run]
ONE = {"a2020x": 'type = "misc"\ntitle = "Found Here"\nyear = 2020\n'}


def test_the_nearest_library_toml_upwards_from_the_working_directory(
    scholar: Scholar, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_library(tmp_path / "project", ONE)
    deep = root / "sub" / "deeper"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert scholar("list", "--format", "keys").lines == ["a2020x"]


def test_scholar_library_variable_wins_over_the_working_directory(
    scholar: Scholar, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_library(tmp_path / "cwd", ONE)
    other = write_library(tmp_path / "other", RECORDS)
    monkeypatch.setenv("SCHOLAR_LIBRARY", str(other))
    assert "a2020x" not in scholar("list", "--format", "keys").lines
    assert "us1234567" in scholar("list", "--format", "keys").lines


def test_the_library_option_wins_over_the_variable(
    scholar: Scholar, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCHOLAR_LIBRARY", str(write_library(tmp_path / "other", RECORDS)))
    root = write_library(tmp_path / "mine", ONE)
    assert scholar("--library", root, "list", "--format", "keys").lines == ["a2020x"]


def test_the_users_library_in_the_data_directory(scholar: Scholar, tmp_path: Path) -> None:
    write_library(tmp_path / "home" / "data" / "scholar", ONE)  # XDG_DATA_HOME is home/data
    assert scholar("list", "--format", "keys").lines == ["a2020x"]


def test_with_nothing_set_up_the_bundled_sample_is_listed(scholar: Scholar) -> None:
    run = scholar("list", "--venue", "ICLR", "--format", "keys")
    assert run.exit_code == 0
    assert sorted(run.lines) == ["sengupta2024mpdistil", "sengupta2025prunenet"]
