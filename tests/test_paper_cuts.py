"""Small things that tripped people up, each through the command line."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, write_library
from scholarcli.formats import format_names

Scholar = Callable[..., Run]


def test_a_mistyped_command_suggests_the_right_one_once(scholar: Scholar) -> None:
    run = scholar("lst")
    assert run.exit_code == 2
    assert run.stderr.count("Did you mean 'list'?") == 1


def test_export_help_names_the_formats(scholar: Scholar) -> None:
    run = scholar("export", "--help")
    assert run.exit_code == 0
    assert f"FORMAT One of: {', '.join(format_names())}. [required]" in " ".join(run.stdout.split())


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("show", "KEY The work's key (its file name without .toml)."),
        ("edit", "KEY The key of the work to edit."),
        ("rm", "KEYS... Keys of the works to remove."),
        ("init", "[DIRECTORY] Where to make the library"),
    ],
)
def test_help_says_what_each_argument_is(scholar: Scholar, command: str, said: str) -> None:
    assert said in " ".join(scholar(command, "--help").stdout.split())


def _work(year: int, authors: str) -> str:
    return f'type = "article"\ntitle = "Work of {year}"\nauthors = [{authors}]\nyear = {year}\n'


def test_stats_shows_years_without_works_and_only_the_chosen_person(scholar: Scholar, tmp_path: Path) -> None:
    settings = 'schema = 1\n[[people]]\nname = "Ada Lovelace"\n[[people]]\nname = "Charles Babbage"\n'
    records = {"a": _work(2021, '"Ada Lovelace"'), "b": _work(2023, '"Ada Lovelace", "Charles Babbage"')}
    root = write_library(tmp_path / "lib", records, settings)
    data = json.loads(scholar("-L", root, "stats", "--format", "json").stdout)
    assert data["by_year"] == {"2021": 1, "2022": 0, "2023": 1}
    assert list(data["people"]) == ["Ada Lovelace", "Charles Babbage"]
    chosen = scholar("-L", root, "stats", "--person", "Charles Babbage")
    assert [line for line in chosen.lines if line.startswith("person")] == [
        "person\tCharles Babbage\tworks=1",
        "person\tCharles Babbage\tfirst_author=0",
        "person\tCharles Babbage\tequal_contribution=0",
        "person\tCharles Babbage\tpatents=0",
    ]
    assert "year\t2023\t1" in chosen.lines and "year\t2021\t1" not in chosen.lines
    table = scholar("-L", root, "stats", "--format", "table").stdout
    assert "2022   0" in table


def test_init_of_a_folder_says_how_to_make_it_the_default(scholar: Scholar, tmp_path: Path) -> None:
    root = tmp_path / "papers"
    run = scholar("init", root)
    assert run.exit_code == 0
    assert run.stderr.splitlines()[1:] == [
        f"scholar finds it inside {root}; elsewhere, choose it with -L {root} or make it the default:",
        f"    export SCHOLAR_LIBRARY={root}",
    ]
    assert scholar("init").stderr.count("\n") == 1  # the default library needs no such line


def test_init_keeps_the_lock_file_out_of_git(scholar: Scholar, tmp_path: Path) -> None:
    root = tmp_path / "papers"
    assert scholar("init", root).exit_code == 0
    assert (root / ".gitignore").read_text() == "# held by scholar while it writes\n.scholar.lock\n"
    subprocess.run(["git", "init", "-q", root], check=True)
    assert scholar("-L", root, "add", "--type", "misc", "--title", "T").exit_code == 0  # takes the lock
    status = subprocess.run(["git", "-C", root, "status", "--porcelain"], capture_output=True, text=True, check=True)
    assert ".scholar.lock" not in status.stdout and ".gitignore" in status.stdout


def test_init_adds_the_lock_file_to_a_gitignore_there_and_leaves_the_rest(scholar: Scholar, tmp_path: Path) -> None:
    for before, after in [
        ("*.pdf", "*.pdf\n# held by scholar while it writes\n.scholar.lock\n"),
        ("*.pdf\n/.scholar.lock\n", "*.pdf\n/.scholar.lock\n"),
    ]:
        root = tmp_path / f"repo{len(before)}"
        root.mkdir()
        (root / ".gitignore").write_text(before)
        assert scholar("init", root).exit_code == 0
        assert (root / ".gitignore").read_text() == after
