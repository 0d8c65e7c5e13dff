"""Every console block of README is what its commands print: each is run, so README cannot drift.

A block is marked by the comment before it, ``<!-- console: SETUP -->``, naming where its commands
run: ``sample`` (the bundled sample, piped, as a new user's first commands), ``terminal`` (the
sample on a pseudo-terminal, colour off), ``fetch`` (a new library whose services are the local
server of recorded answers), ``fetch-again`` (the same, holding a work typed in before), ``orcid``
and ``broken`` (a library with a broken record, shown at /home/me/papers). After ``$ `` a command
(a ``# comment`` after it is not part of it; ``> /dev/null`` drops its output); then what it
prints, stdout then stderr. A line ``...`` stands for any lines, and a line ending in `` ...`` for
any line that starts with the rest.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, write_library
from fetch.server import Recorded
from scholarcli.store import locate
from test_add_fetch import SETTINGS as PLOS_SETTINGS
from test_add_fetch import serve
from test_import_profiles import SETTINGS as PRA_SETTINGS
from test_import_profiles import serve_couch
from test_terminal import _in_terminal

Scholar = Callable[..., Run]
README = Path(__file__).parents[1] / "README.md"
BLOCK = re.compile(
    r"<!-- console: (?P<setup>[\w-]+) -->\n(?P<indent> *)```console\n(?P<body>.*?)(?P=indent)```", re.DOTALL
)
SHOWN_ROOT = "/home/me/papers"  # where README says the broken example's library is


def blocks() -> list[tuple[str, str]]:
    """(setup, text) of each marked block, its indentation (in a list item) taken off."""
    found = BLOCK.finditer(README.read_text(encoding="utf-8"))
    return [(block["setup"], re.sub(f"(?m)^{block['indent']}", "", block["body"])) for block in found]


def commands(body: str) -> list[tuple[str, list[str]]]:
    """Each ``$ command`` of a block with the lines shown after it."""
    found: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        else:
            found[-1][1].append(line)
    return found


def matches(shown: list[str], printed: list[str]) -> bool:
    """Whether ``printed`` is what ``shown`` says: ``...`` any lines, ``text ...`` a line starting so."""
    if not shown:
        return not printed
    first, rest = shown[0], shown[1:]
    if first.strip() == "...":
        return any(matches(rest, printed[start:]) for start in range(len(printed) + 1))
    if not printed:
        return False
    same = printed[0].startswith(first[:-4]) if first.endswith(" ...") else printed[0] == first
    return same and matches(rest, printed[1:])


def test_every_console_block_is_marked_with_where_it_runs() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.count("```console") == len(blocks()) > 0
    assert {setup for setup, _ in blocks()} <= set(SETUPS)


def _argv(command: str) -> tuple[list[str], bool]:
    """The arguments of a README command, and whether its output is shown (not sent to /dev/null)."""
    command = re.sub(r"\s+#.*$", "", command)
    words = shlex.split(command)
    assert words[0] == "scholar", command
    shown = words[-2:] != [">", "/dev/null"]
    return (words[1:] if shown else words[1:-2]), shown


def _printed(run: Run, shown: bool) -> list[str]:
    return (run.stdout.splitlines() if shown else []) + run.stderr.splitlines()


def _sample(scholar: Scholar, tmp_path: Path, recorded: Recorded) -> Callable[[list[str]], Run]:
    return lambda argv: scholar(*argv)


def _library(settings: str) -> Callable[[Scholar, Path, Recorded], Callable[[list[str]], Run]]:
    def setup(scholar: Scholar, tmp_path: Path, recorded: Recorded) -> Callable[[list[str]], Run]:
        root = write_library(tmp_path / "lib", {}, settings)
        serve(recorded)
        serve_couch(recorded)
        return lambda argv: scholar("-L", root, *argv)

    return setup


def _fetch_again(scholar: Scholar, tmp_path: Path, recorded: Recorded) -> Callable[[list[str]], Run]:
    run = _library(PLOS_SETTINGS)(scholar, tmp_path, recorded)
    typed = ["--type", "article", "--title", "A simple guide", "--author", "Shankar Sadasivan", "--year", "2011"]
    assert run(["add", *typed, "--doi", "10.1371/journal.pone.0033693"]).exit_code == 0
    return run


def _broken(scholar: Scholar, tmp_path: Path, recorded: Recorded) -> Callable[[list[str]], Run]:
    sample = locate.bundled_library_dir()
    good = (sample / "publications/sengupta2025prunenet.toml").read_text(encoding="utf-8")
    bad = 'type = "preprint"\ntitle = "X"\nauthors = ["Yash Goel"]\nequal_contribution = ["Y. Goel"]\n'
    root = write_library(tmp_path / "papers", {"publications/sengupta2025prunenet": good, "publications/x": bad})

    def run(argv: list[str]) -> Run:
        done = scholar("-L", root, *argv)
        return Run(done.exit_code, done.stdout, done.stderr.replace(str(root), SHOWN_ROOT))

    return run


def _venues(scholar: Scholar, tmp_path: Path, recorded: Recorded) -> Callable[[list[str]], Run]:
    acl = "Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)"
    records = {
        "publications/x": f'type = "inproceedings"\ntitle = "X"\nauthors = ["A B"]\nvenue = "{acl}"\nyear = 2023\n',
        "publications/y": 'type = "inproceedings"\ntitle = "Y"\nauthors = ["A B"]\nvenue = "ICLRR"\nyear = 2024\n',
    }
    root = write_library(tmp_path / "lib", records, "schema = 1\n")
    return lambda argv: scholar("-L", root, *argv)


SETUPS: dict[str, Callable[[Scholar, Path, Recorded], Callable[[list[str]], Run]]] = {
    "sample": _sample,
    "fetch": _library(PLOS_SETTINGS),
    "fetch-again": _fetch_again,
    "orcid": _library(PRA_SETTINGS),
    "broken": _broken,
    "venues": _venues,
    "terminal": _sample,  # run on a pseudo-terminal by the test below
}


@pytest.mark.parametrize(("setup", "body"), [block for block in blocks() if block[0] != "terminal"])
def test_a_readme_console_block_is_what_its_commands_print(
    scholar: Scholar, tmp_path: Path, recorded: Recorded, setup: str, body: str
) -> None:
    run = SETUPS[setup](scholar, tmp_path, recorded)
    for command, shown in commands(body):
        argv, to_screen = _argv(command)
        printed = _printed(run(argv), to_screen)
        assert matches(shown, printed), f"$ {command}\n" + "\n".join(printed)


@pytest.mark.parametrize("body", [body for setup, body in blocks() if setup == "terminal"])
def test_a_readme_terminal_block_is_what_a_terminal_shows(tmp_path: Path, body: str) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    for command, shown in commands(body):
        argv, _ = _argv(command)
        drawn = _in_terminal(argv, env, columns=110)
        plain = re.sub(r"\x1b\[[0-9;]*m", "", drawn.replace("\r", ""))  # bold and italic: NO_COLOR keeps them
        printed = [line.rstrip() for line in plain.splitlines()]
        assert matches([line.rstrip() for line in shown], printed), f"$ {command}\n" + "\n".join(printed)


@pytest.mark.tools
def test_the_readme_pipeline_into_pandoc_prints_the_reference_list(tmp_path: Path) -> None:
    """README's `scholar export csl-json ... | pandoc ...`, run as written (pandoc from the test extras)."""
    lines = README.read_text(encoding="utf-8").splitlines()
    line = next(line for line in lines if line.startswith("scholar export csl-json") and "| pandoc" in line)
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    env = {**os.environ, "PATH": path, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "c")}
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert "Sengupta, Ayan, Siddhant Chaudhary, and Tanmoy Chakraborty. 2025." in text, done.stdout
    assert "Teacher-Student Collaborative Knowledge Distillation" in text
