"""The options of list, export and stats are declared once (cli/options.py): a change there is a
change in every parser, the quick path's and the typer app's alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from click.testing import Result

from conftest import Run
from scholarcli.cli import command_args, options
from scholarcli.cli.app import make_app
from scholarcli.cli.env import Environment
from scholarcli.cli.quick import _prepare

Scholar = Callable[..., Run]


def _declare(monkeypatch: pytest.MonkeyPatch, command: str, param: str, **changes: Any) -> None:
    declared = options.DECLARED[command]
    changed = tuple(option._replace(**changes) if option.param == param else option for option in declared.options)
    monkeypatch.setitem(options.DECLARED, command, declared._replace(options=changed))


def _typer(*args: str | Path) -> Result:
    return typer.testing.CliRunner().invoke(make_app(), [str(arg) for arg in args], prog_name="scholar")


def test_a_default_changed_in_the_declaration_changes_both_parsers(
    scholar: Scholar, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["-L", str(library), "list", "--format", "keys"]
    by_year = scholar(*argv).stdout
    _declare(monkeypatch, "list", "sort", default="key")
    assert _prepare(argv, Environment.of_process()) is not None  # the quick path takes it
    by_key = scholar(*argv).stdout
    assert by_key != by_year
    assert by_key.splitlines() == sorted(by_year.splitlines())
    assert _typer(*argv).stdout == by_key


def test_a_choice_added_to_the_declaration_is_refused_by_neither_parser(
    scholar: Scholar, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["-L", str(library), "list", "--sort", "nonsense", "--format", "keys"]
    assert scholar(*argv).exit_code == 2
    sort = options.DECLARED["list"].option("sort")
    _declare(monkeypatch, "list", "sort", choices=(*sort.choices, "nonsense"))
    # Both parsers now pass the value on; the library layer is what refuses it, alike.
    quick, app = scholar(*argv), _typer(*argv)
    assert quick.exit_code == app.exit_code == 1
    assert 'cannot sort by "nonsense"' in quick.stderr and 'cannot sort by "nonsense"' in app.stderr


def test_help_text_comes_from_the_declaration(monkeypatch: pytest.MonkeyPatch) -> None:
    _declare(monkeypatch, "stats", "top", help="How many venues the chart shows.")
    assert "How many venues the chart shows." in _typer("stats", "--help").stdout


class _Read(dict[str, object]):
    """Values that remember which were read."""

    def __init__(self, values: dict[str, object]) -> None:
        super().__init__(values)
        self.read: set[str] = set()

    def __getitem__(self, name: str) -> object:
        self.read.add(name)
        return super().__getitem__(name)


def _given(argument: options.Argument) -> object:
    """A value of an argument as a parser hands it over: the first choice (export's FORMAT), a key."""
    if argument.choices:
        return argument.choices[0]
    return ["w1"] if argument.many else "w1"


@pytest.mark.parametrize("name", list(options.DECLARED))
def test_every_declared_option_reaches_the_command_typed(name: str) -> None:
    # what both parsers hand the command: each declared value (its default here), typed once by its maker
    command = options.DECLARED[name]
    arguments = {argument.param: _given(argument) for argument in command.arguments}
    values = _Read({option.param: option.default for option in command.options} | arguments)
    command_args.TYPED[name](values)
    assert values.read == {option.param for option in command.options} | set(arguments)
