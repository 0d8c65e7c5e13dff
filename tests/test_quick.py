"""The quick path (cli/quick.py) runs list and export without typer: for every argument it takes
it must print exactly what the typer app prints, and it must leave everything else to the app."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import click
import pytest
import typer

from conftest import Run, write_counts
from scholarcli.cli import options, quick
from scholarcli.cli.app import app
from scholarcli.cli.env import Environment

Scholar = Callable[..., Run]
BROKEN = {
    "publications/ok": 'type = "misc"\ntitle = "Fine"\nyear = 2020\n',
    "publications/bad": 'type = "misc"\nyear = "x"\n',
}

TAKEN = [
    ["list"],
    ["list", "--venue", "ICLR"],
    ["list", "--venue=Learning Representations", "--format", "json"],
    ["list", "--year", "2021..", "--sort", "title", "--reverse", "--format", "csv"],
    ["list", "--type", "patent", "-f", "jsonl"],
    ["list", "--author", "babbage", "--limit", "1", "--format", "keys"],
    ["list", "--person", "A. Lovelace", "--format", "tsv"],
    ["list", "--search", "engine", "--tag", "history", "--selected"],
    ["list", "--format", "table"],
    ["list", "--limit", "500", "--format", "table"],
    ["list", "--person", "Nobody Known"],
    ["list", "--format", "keys", "--format", "tsv"],
    ["list", "--venue=ICLR", "--limit", "0"],
    ["list", "--limit", "007", "--type=article"],
    ["--no-color", "list", "--sort", "venue"],
    ["list", "--sort", "citations", "--reverse"],
    ["export", "bibtex"],
    ["export", "--year", "2023", "biblatex"],
    ["export", "csl-json", "--sort", "key", "--reverse"],
    ["export", "json", "--venue", "TMLR"],
    ["export", "bibtex", "--equal-note"],
    ["export", "cv", "--person", "Ada Lovelace"],
    ["export", "json-resume", "--person", "Hervé Jégou"],
    ["export", "rendercv"],
    ["export", "cv", "--format", "html", "--standalone", "--person", "Ada Lovelace"],
    ["export", "cv", "--section", "patents", "--group-by", "type", "--numbered", "--person", "Ada Lovelace"],
]
ENV = Environment.of_process()
LEFT = [
    ["export", "cv", "--format", "markdown", "--standalone"],
    ["--help"],
    ["list", "--help"],
    ["list", "-h"],
    ["export", "bibtex", "--help"],
    ["list", "--year", "2024-2025"],
    ["list", "--year", "2025..2020"],
    ["list", "--type", "poem"],
    ["list", "--format", "yaml"],
    ["list", "--sort", "colour"],
    ["list", "--limit", "-1"],
    ["list", "--limit", "ten"],
    ["list", "--venue"],
    ["list", "--colour", "red"],
    ["list", "extra"],
    ["list", "--selected=yes"],
    ["list", "--", "--venue"],
    ["export"],
    ["export", "bibtex", "biblatex"],
    ["export", "docx"],
    ["export", "bibtex", "--format", "html"],
    ["export", "bibtex", "--numbered"],
    ["show", "lovelace2024engine"],
    ["stats"],
]


def with_library(args: list[str], root: Path) -> list[str]:
    return ["-L", str(root), *args]


@pytest.mark.parametrize("args", TAKEN, ids=" ".join)
def test_the_quick_path_prints_what_the_typer_app_prints(
    args: list[str], library: Path, scholar: Scholar, scholar_typer: Scholar
) -> None:
    argv = with_library(args, library)
    assert quick._prepare(argv, ENV) is not None
    assert scholar(*argv) == scholar_typer(*argv)


@pytest.mark.parametrize("args", LEFT, ids=" ".join)
def test_help_usage_errors_and_other_commands_are_left_to_the_typer_app(
    args: list[str], library: Path, scholar: Scholar, scholar_typer: Scholar
) -> None:
    argv = with_library(args, library)
    assert quick._prepare(argv, ENV) is None
    assert scholar(*argv) == scholar_typer(*argv)


def test_global_options_the_quick_path_does_not_know_are_left_to_the_app(library: Path) -> None:
    assert quick._prepare(["--version", "list"], ENV) is None
    assert quick._prepare(["list", "-L", str(library)], ENV) is None  # a global option after the command
    assert quick._prepare(["-L", str(library / "library.toml"), "list"], ENV) is None  # a file, not a folder


def test_shell_completion_is_left_to_typer(monkeypatch: pytest.MonkeyPatch, library: Path) -> None:
    monkeypatch.setenv("_SCHOLAR_COMPLETE", "complete_bash")
    assert quick.run(["-L", str(library), "list"], ENV) is None


@pytest.mark.parametrize("source", ["file", "stdin"])
def test_keys_and_output_files_work_alike(
    source: str, library: Path, tmp_path: Path, scholar: Scholar, scholar_typer: Scholar
) -> None:
    keys = "jegou2023findings\nlovelace2024engine\n"
    (tmp_path / "keys.txt").write_text(keys)
    given = str(tmp_path / "keys.txt") if source == "file" else "-"
    results = []
    for run, name in ((scholar, "quick.bib"), (scholar_typer, "typer.bib")):
        done = run("-L", library, "export", "bibtex", "--keys", given, "-o", tmp_path / name, input=keys)
        results.append((done.exit_code, done.stdout, done.stderr.replace(name, "OUT")))
    assert results[0] == results[1]
    assert results[0][0] == 0
    assert (tmp_path / "quick.bib").read_text() == (tmp_path / "typer.bib").read_text()


def test_a_broken_library_is_reported_alike(
    make_library: Callable[..., Path], scholar: Scholar, scholar_typer: Scholar
) -> None:
    root = make_library(BROKEN)
    for args in (["list"], ["export", "bibtex"]):
        quick_run, typer_run = scholar("-L", root, *args), scholar_typer("-L", root, *args)
        assert quick_run == typer_run
        assert quick_run.exit_code == 1 and "bad.toml: year: should be an integer" in quick_run.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--sort", "citations"],
        ["list", "--format", "csv", "--sort", "citations", "--reverse"],
        ["list", "--format", "json"],
        ["list", "--format", "table"],
        ["export", "json", "--sort", "citations"],
    ],
    ids=" ".join,
)
def test_citation_counts_are_listed_alike_through_both_paths(
    args: list[str], library: Path, scholar: Scholar, scholar_typer: Scholar
) -> None:
    write_counts(library)
    argv = with_library(args, library)
    assert quick._prepare(argv, ENV) is not None
    assert scholar(*argv) == scholar_typer(*argv)
    assert scholar(*argv).exit_code == 0


def test_every_option_the_quick_path_reads_is_the_apps_option_of_that_name() -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, click.Group)
    expected: list[tuple[click.Command, dict[str, str], set[str]]] = [
        (group, {**options.GLOBAL_VALUES, **options.GLOBAL_FLAGS}, set(options.GLOBAL_FLAGS))
    ]
    for name, declaration in options.DECLARED.items():
        declared = {flag: option.param for option in declaration.options for flag in option.flags}
        flags = {flag for option in declaration.options if option.kind == "flag" for flag in option.flags}
        expected.append((group.commands[name], declared, flags))
    for command, by_flag, flags in expected:
        by_option = {opt: param for param in command.params for opt in param.opts}
        for option, parameter in by_flag.items():
            found = by_option[option]
            assert isinstance(found, click.Option)
            assert found.name == parameter, (command.name, option)
            assert found.is_flag == (option in flags), (command.name, option)
    assert set(quick.COMMANDS) <= set(options.DECLARED)


def piped(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if name != "COLUMNS"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False)


@pytest.mark.parametrize("option", ["--help", "-h"])
def test_piped_help_is_the_apps_help_without_typer(option: str) -> None:
    loaded = "import sys\nfrom scholarcli.cli import main\ntry:\n    main(sys.argv[1:])\nfinally:\n    print(sorted(sys.modules), file=sys.stderr)"
    quick_help = piped(loaded, option)
    app_help = piped("from scholarcli.cli.app import app; app(prog_name='scholar')", option)
    if os.environ.get("SCHOLAR_UPDATE_GOLDEN") == "1":
        quick.PIPED_HELP.write_text(app_help.stdout, encoding="utf-8")
    assert app_help.returncode == 0
    assert (quick_help.returncode, quick_help.stdout) == (0, app_help.stdout)
    assert "Commands:" in quick_help.stdout
    assert "'scholarcli.cli.quick'" in quick_help.stderr
    assert "'typer'" not in quick_help.stderr and "'click'" not in quick_help.stderr


@pytest.mark.parametrize("command", [["list", "--venue", "ICLR"], ["export", "bibtex", "--year", "2021.."]])
def test_reading_commands_import_neither_typer_nor_typing(command: list[str], library: Path) -> None:
    # Importing typing alone costs about 3 ms of every command (see records.py).
    write_counts(library)  # which the listing reads through the cache too
    loaded = "import sys\nfrom scholarcli.cli import main\ntry:\n    main(sys.argv[1:])\nfinally:\n    print(sorted(sys.modules), file=sys.stderr)"
    piped(loaded, "-L", str(library), *command)  # reads the TOML files (tomllib imports typing)
    run = piped(loaded, "-L", str(library), *command)  # reads the cache
    assert run.returncode == 0, run.stderr
    assert run.stdout
    modules = run.stderr
    assert "'scholarcli.cli.quick'" in modules
    assert not [name for name in ("'typer'", "'click'", "'typing'", "'rich'", "'httpx'") if name in modules]


OPTIONS = ["--venue", "--year", "--type", "--author", "--person", "--search", "--tag", "--sort", "--limit", "--format"]
OPTIONS += ["-f", "--keys", "--selected", "--reverse", "--equal-note", "--venue=ICLR", "--year=2021..", "--", "-h"]
VALUES = ["ICLR", "2021..", "2024", "article", "patent", "babbage", "Ada Lovelace", "engine", "history", "title"]
VALUES += ["key", "1", "0", "-1", "keys", "tsv", "csv", "jsonl", "json", "table", "-", "x", "--reverse", ""]


def test_random_arguments_print_the_same_through_both_paths(
    library: Path, scholar: Scholar, scholar_typer: Scholar
) -> None:
    chance = random.Random(5)
    taken = 0
    for _ in range(120):
        command = chance.choice([["list"], ["export", chance.choice(["bibtex", "biblatex", "csl-json", "cv"])]])
        options: list[str] = []
        for _ in range(chance.randint(0, 4)):
            options.append(chance.choice(OPTIONS))
            if chance.random() < 0.8:
                options.append(chance.choice(VALUES))
        args = command + options if chance.random() < 0.5 else command[:1] + options + command[1:]
        argv = with_library(args, library)
        taken += quick._prepare(argv, ENV) is not None
        stdin = "lovelace2024engine\n"
        assert scholar(*argv, input=stdin) == scholar_typer(*argv, input=stdin), argv
    assert taken >= 30  # the quick path took a fair share of them
