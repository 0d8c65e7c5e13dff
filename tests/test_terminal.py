"""The terminal experience: stats, venues, help with examples, completion, colour only on a terminal."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from collections.abc import Callable
from pathlib import Path

import click
import pytest
import typer.main
from click.shell_completion import ShellComplete

from conftest import Run
from scholarcli.cli.app import app

Scholar = Callable[..., Run]
BIN = Path(sys.executable).parent
README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-8]|9[0-7])[;m]")  # a foreground colour, of any palette


def test_stats_gives_the_cv_header_numbers_and_distributions(scholar: Scholar) -> None:
    data = json.loads(scholar("stats", "--format", "json").stdout)
    assert (data["total"], data["publications"], data["patents"]) == (49, 42, {"granted": 7, "pending": 0, "filed": 0})
    assert data["equal_contribution"] == 3
    assert data["by_year"]["2025"] == len(scholar("list", "--year", "2025", "--format", "keys").lines)
    assert list(data["by_year"]) == sorted(data["by_year"])
    assert data["by_venue"]["arXiv"] == 32
    ayan = data["people"]["Ayan Sengupta"]
    assert ayan == {"works": 17, "first_author": 9, "equal_contribution": 3, "patents": 7}
    assert data["people"]["Aman Gupta"]["works"] == 32


def test_stats_takes_filters_and_prints_tsv_when_piped(scholar: Scholar) -> None:
    run = scholar("stats", "--person", "Ayan Sengupta", "--year", "2024..")
    assert run.exit_code == 0
    assert "total\t\t4" in run.lines
    assert "year\t2024\t2" in run.lines and "venue\tICLR\t2" in run.lines


def test_stats_table_draws_bars(scholar: Scholar) -> None:
    run = scholar("stats", "--format", "table")
    assert "By year" in run.stdout and "█" in run.stdout
    assert scholar("stats", "--format", "yaml").exit_code == 2


def test_venues_lists_each_venue_with_its_count_most_used_first(scholar: Scholar) -> None:
    rows = [line.split("\t") for line in scholar("venues").lines]
    assert rows[0] == ["arXiv", "arXiv", "preprint", "32"]
    assert ["ICLR", "International Conference on Learning Representations", "conference", "2"] in rows
    counts = [int(row[3]) for row in rows]
    assert counts == sorted(counts, reverse=True)
    data = json.loads(scholar("venues", "--format", "json").stdout)
    assert {"acronym": "W-NUT", "name": "Workshop on Noisy User-generated Text", "kind": "workshop", "works": 1} in data


def _commands() -> dict[str, click.Command]:
    group = typer.main.get_command(app)
    assert isinstance(group, click.Group)
    return dict(group.commands)


def test_every_command_has_help_with_an_example(scholar: Scholar) -> None:
    top = scholar("--help")
    assert top.exit_code == 0 and "scholar list --venue ICLR --year 2024.." in top.stdout
    for name in _commands():
        run = scholar(name, "--help")
        assert run.exit_code == 0, name
        assert "Example" in run.stdout, f"scholar {name} --help has no example"
        assert re.search(rf"scholar .*{name}", run.stdout), name


def command_reference() -> str:
    """README's command table, drawn from the commands' own help and options."""
    rows = ["| command | does | arguments and options |", "|---|---|---|"]
    for name, command in _commands().items():
        params: list[str] = []
        arguments = 0  # arguments first, in their order (merge KEEP OTHER)
        for param in command.params:
            if isinstance(param, click.Argument):
                params.insert(arguments, param.human_readable_name)
                arguments += 1
            elif "--help" not in param.opts:
                params.append(", ".join(f"`{option}`" for option in param.opts))
        summary = (command.help or "").strip().splitlines()[0]
        rows.append(f"| `scholar {name}` | {summary} | {' '.join(params)} |")
    return "\n".join(rows)


def test_readme_command_reference_matches_the_help() -> None:
    """Regenerate with SCHOLAR_UPDATE_README=1 after changing a command."""
    readme_path = Path(__file__).resolve().parents[1] / "README.md"
    start, end = "<!-- commands: generated from the help by tests/test_terminal.py -->\n", "<!-- /commands -->"
    before, rest = README.split(start, 1)
    current, after = rest.split(end, 1)
    if os.environ.get("SCHOLAR_UPDATE_README") == "1":
        readme_path.write_text(before + start + command_reference() + "\n" + end + after)
    else:
        assert current == command_reference() + "\n"


def _complete(args: list[str], incomplete: str) -> list[str]:
    completer = ShellComplete(typer.main.get_command(app), {}, "scholar", "_SCHOLAR_COMPLETE")
    return [item.value for item in completer.get_completions(args, incomplete)]


def test_completion_offers_keys_and_venue_acronyms() -> None:
    assert _complete(["show"], "sengupta202") == [
        "sengupta2020wnut", "sengupta2021eljst", "sengupta2021gated", "sengupta2021hit",
        "sengupta2023transject", "sengupta2024mpdistil", "sengupta2024paradox", "sengupta2025prunenet",
    ]  # fmt: skip
    assert _complete(["rm"], "us1211") == ["us12112132"]
    assert _complete(["list", "--venue"], "IC") == ["ICLR", "ICML", "ICWSM"]
    hard = str(Path(__file__).parent / "fixtures" / "hard")
    assert _complete(["-L", hard, "export", "bibtex", "--venue"], "") == ["EMNLP", "ICLR", "Neurocomputing", "arXiv"]


def test_completion_scripts_for_the_shells(scholar: Scholar) -> None:
    # typer finds the shell that started scholar (a test run started by no shell has none), so bash
    # starts it here; the scripts of the other shells are asked for by name, which typer allows
    # when it is told not to look
    in_bash = subprocess.run(
        ["bash", "-c", f"'{BIN / 'scholar'}' --show-completion; true"], capture_output=True, text=True, timeout=60
    )
    assert "complete -o default -F _scholar_completion scholar" in in_bash.stdout, in_bash.stderr
    named = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    for shell, says in (("zsh", "compdef _scholar_completion scholar"), ("fish", "complete --command scholar")):
        result = subprocess.run(
            [BIN / "scholar", "--show-completion", shell], capture_output=True, text=True, timeout=60, env=named
        )
        assert result.returncode == 0, result.stderr
        assert says in result.stdout and "_SCHOLAR_COMPLETE" in result.stdout


def _drain(master: int, process: subprocess.Popen[bytes]) -> str:
    """Everything the program wrote to its terminal, once it has ended."""
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed: the program has ended
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=60)
    os.close(master)
    return output.decode(errors="replace")


def _in_terminal(args: list[str], extra_env: dict[str, str] | None = None, columns: int = 140) -> str:
    """Run scholar on a pseudo-terminal and return what it drew."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SCHOLAR_LIBRARY")}
    env.update({"TERM": "xterm-256color", "COLUMNS": str(columns), **(extra_env or {})})
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen([BIN / "scholar", *args], stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    return _drain(master, process)


@pytest.fixture
def terminal_env(tmp_path: Path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}


def test_on_a_terminal_list_draws_a_coloured_table(terminal_env: dict[str, str]) -> None:
    drawn = _in_terminal(["list", "--venue", "ICLR"], terminal_env)
    assert COLOUR.search(drawn), "no colour on a terminal"
    assert "─" in drawn and "Key" in drawn
    assert "* equal contribution" in drawn


def test_on_a_terminal_reading_the_bundled_sample_says_so(
    terminal_env: dict[str, str], scholar: Scholar, tmp_path: Path
) -> None:
    drawn = _in_terminal(["list", "--venue", "ICLR"], terminal_env)
    assert "note: no library was found (no library.toml in" in drawn
    assert "so scholar reads its bundled sample library, which is read-only" in " ".join(drawn.split())
    assert "sengupta2025prunenet" in drawn
    assert scholar("list", "--venue", "ICLR").stderr == ""  # piped, as scripts run it: nothing
    root = tmp_path / "mine"
    assert scholar("init", root).exit_code == 0
    assert "note:" not in _in_terminal(["-L", str(root), "list"], terminal_env)


@pytest.mark.parametrize("how", ["env", "option"])
def test_no_color_and_the_option_turn_colour_off(terminal_env: dict[str, str], how: str) -> None:
    if how == "env":
        drawn = _in_terminal(["list", "--venue", "ICLR"], {**terminal_env, "NO_COLOR": "1"})
    else:
        drawn = _in_terminal(["--no-color", "list", "--venue", "ICLR"], terminal_env)
    assert not COLOUR.search(drawn)
    assert "─" in drawn and "sengupta2025prunenet" in drawn  # still a table


def test_piped_output_never_carries_escape_codes(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "TERM": "xterm-256color", "FORCE_COLOR": ""}
    for args in (["list"], ["show", "goel2025downscaling"], ["stats"], ["venues"], ["list", "--format", "table"]):
        result = subprocess.run([BIN / "scholar", *args], capture_output=True, text=True, env=env, check=False)
        assert "\x1b[" not in result.stdout, args


def test_a_huge_table_is_cut_with_a_note(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    records = {f"w{n:04d}": f'type = "misc"\ntitle = "Work {n}"\nyear = {1990 + n % 30}\n' for n in range(620)}
    root = make_library(records)
    run = scholar("-L", root, "list", "--format", "table")
    assert run.exit_code == 0
    assert run.stderr == "showing 500 of 620 works; use --limit N, or --format tsv for all\n"
    assert "500 works" in run.stdout
    assert len(scholar("-L", root, "list").lines) == 620  # piped: everything


def test_add_asks_for_what_is_missing_on_a_terminal(tmp_path: Path, terminal_env: dict[str, str]) -> None:
    root = tmp_path / "lib"
    subprocess.run([BIN / "scholar", "init", root], check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k != "SCHOLAR_LIBRARY"}
    env.update({"TERM": "xterm-256color", **terminal_env})
    master, slave = pty.openpty()
    process = subprocess.Popen([BIN / "scholar", "-L", root, "add"], stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    # type (default), title, authors, year, venue: typed ahead, as a quick typist would
    os.write(master, b"\rInteractive Work\rAda Lovelace; Charles Babbage\r1843\r\r")
    drawn = _drain(master, process)
    assert process.returncode == 0, drawn
    assert "Title" in drawn and "lovelace1843interactive" in drawn
    record = (root / "publications" / "lovelace1843interactive.toml").read_text()
    assert 'authors = [\n    "Ada Lovelace",\n    "Charles Babbage",\n]' in record
    assert 'type = "inproceedings"' in record


def test_an_unexpected_error_is_one_line_unless_scholar_debug(
    scholar: Scholar, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scholarcli import index

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(index._Loader, "library", broken)  # every read of a library
    run = scholar("list")
    assert run.exit_code == 1
    assert run.stderr == "error: unexpected RuntimeError: disk on fire (run with SCHOLAR_DEBUG=1 for details)\n"
    monkeypatch.setenv("SCHOLAR_DEBUG", "1")
    with pytest.raises(RuntimeError):
        from typer.testing import CliRunner

        CliRunner().invoke(app, ["list"], catch_exceptions=False)


def test_help_on_a_terminal_groups_the_options(terminal_env: dict[str, str]) -> None:
    drawn = _in_terminal(["export", "--help"], {**terminal_env, "NO_COLOR": "1"})
    assert "Filters" in drawn and "CV (cv, json-resume, rendercv)" in drawn
    assert "scholar export bibtex > refs.bib" in drawn
