"""Small things that tripped people up (issue 19), each through the command line."""

from __future__ import annotations

from collections.abc import Callable

from conftest import Run
from scholarcli.formats import FORMAT_NAMES

Scholar = Callable[..., Run]


def test_a_mistyped_command_suggests_the_right_one_once(scholar: Scholar) -> None:
    run = scholar("lst")
    assert run.exit_code == 2
    assert run.stderr.count("Did you mean 'list'?") == 1


def test_export_help_names_the_formats(scholar: Scholar) -> None:
    run = scholar("export", "--help")
    assert run.exit_code == 0
    assert f"FORMAT: One of: {', '.join(FORMAT_NAMES)}." in " ".join(run.stdout.split())
