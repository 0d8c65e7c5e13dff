"""The installed program as a user runs it: console script, python -m, and the wheel's bundled data."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(command: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHOLAR_")}
    env["XDG_DATA_HOME"] = str(tmp_path / "no-user-library")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return env


def test_console_script_lists_the_bundled_iclr_papers_from_any_directory(
    tmp_path: Path, clean_env: dict[str, str]
) -> None:
    result = run([BIN / "scholar", "list", "--venue", "ICLR"], cwd=tmp_path, env=clean_env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert sorted(line.split("\t")[0] for line in result.stdout.splitlines()) == [
        "sengupta2024mpdistil",
        "sengupta2025prunenet",
    ]


def test_python_dash_m_and_version(tmp_path: Path) -> None:
    from scholarcli import __version__

    result = run([sys.executable, "-m", "scholarcli", "--version"], cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"scholar {__version__}\n")


def test_a_data_error_exits_1_without_a_traceback_in_a_real_process(tmp_path: Path, clean_env: dict[str, str]) -> None:
    (tmp_path / "library.toml").write_text("schema = 1\n")
    (tmp_path / "x.toml").write_text('type = "misc"\ntitle = "T"\nauthors = ["A"]\nequal_contribution = ["B"]\n')
    result = run([BIN / "scholar", "list"], cwd=tmp_path, env=clean_env)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == 'error: x.toml: equal_contribution: "B" is not one of the authors'
    assert "Traceback" not in result.stderr


def test_the_wheel_ships_the_sample_library_and_runs_from_it(tmp_path: Path, clean_env: dict[str, str]) -> None:
    wheels = tmp_path / "wheels"
    built = run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, REPO],
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = wheels.glob("scholarcli-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    records = [n for n in names if n.startswith("scholarcli/data/") and n.endswith(".toml")]
    assert "scholarcli/data/library.toml" in records
    assert len(records) == 1 + 42 + 7

    # Unpack the wheel where it shadows the source tree (as an installed copy would be found).
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    env = {**clean_env, "PYTHONPATH": str(unpacked)}
    python = sys.executable
    listed = run([python, "-m", "scholarcli", "list", "--venue", "ICLR", "--format", "keys"], cwd=tmp_path, env=env)
    assert listed.returncode == 0, listed.stderr
    assert sorted(listed.stdout.split()) == ["sengupta2024mpdistil", "sengupta2025prunenet"]
    assert "scholarcli/cli/help.txt" in names  # what `scholar --help` prints into a pipe
    assert "scholarcli/venues/registry.tsv" in names  # the bundled venue registry
    from scholarcli.formats.export_types import STYLE_FILES  # export refs --style NAME, and their credits

    assert {f"scholarcli/data/styles/{file}" for file in [*STYLE_FILES.values(), "README.md"]} <= set(names)
    registry = run([python, "-m", "scholarcli", "venues", "--all", "--format", "tsv"], cwd=tmp_path, env=env)
    assert registry.returncode == 0 and len(registry.stdout.splitlines()) > 1000, registry.stderr
    helped = run([python, "-m", "scholarcli", "--help"], cwd=tmp_path, env=env)
    assert (helped.returncode, helped.stdout.splitlines()[0]) == (0, "Usage: scholar [OPTIONS] COMMAND [ARGS]...")
    # and it is the wheel's copy that ran, not the source tree's
    where = run(
        [python, "-c", "import scholarcli.store.locate as s; print(s.bundled_library_dir())"], cwd=tmp_path, env=env
    )
    assert where.stdout.strip().endswith("scholarcli/data")
    assert str(REPO) not in where.stdout
