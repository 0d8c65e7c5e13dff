"""The quick path: `list` and `export` as a shell loop or pipeline runs them, without click or typer.

Importing click and typer and building the command tree costs about 0.15 s, more than reading
10,000 cached works. When every argument is one the declarations (options.py) name and every
value is valid, the command runs here, and so does `scholar --help` into a pipe (from help.txt).
Anything else (help on a terminal, completion, an option it does not know, a value in doubt)
makes ``run`` return None and goes to the typer app, which says what is wrong: usage errors have
one author. Both paths run the same command code (list_export.py),
and the tests run the same arguments through both and compare what they print.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from scholarcli.cli.args import Conflict, ListArgs, export_args, list_args
from scholarcli.cli.env import Environment
from scholarcli.cli.failures import exit_status_for
from scholarcli.cli.options import DECLARED, GLOBAL_FLAGS, GLOBAL_VALUES, Command, problem

COMMANDS = ("list", "export")
# The app's own --help as click prints it to a pipe (80 columns, no colour), kept in sync by a test.
PIPED_HELP = Path(__file__).with_name("help.txt")

Parsed = dict[str, str | bool]
Values = dict[str, object]


def _options(args: list[str], values: dict[str, str], flags: dict[str, str]) -> tuple[Parsed, list[str]] | None:
    """The options and positional arguments, as click would read them; None for anything in doubt."""
    given: Parsed = {}
    positional: list[str] = []
    tokens = iter(args)
    for token in tokens:
        if token == "-" or not token.startswith("-"):
            positional.append(token)
            continue
        name, equals, inline = token.partition("=") if token.startswith("--") else (token, "", "")
        if name in flags and not equals:
            given[flags[name]] = True
        elif name in values:
            value = inline if equals else next(tokens, None)
            if value is None or (value.startswith("-") and value != "-"):
                return None  # a missing value, or one click might read differently
            given[values[name]] = value  # the last one wins, as in click
        else:
            return None  # --help, --, an option of another command, a short option with its value attached
    return given, positional


def _split_globals(args: list[str]) -> tuple[Parsed, str, list[str]] | None:
    """Global options, the command name and the command's own arguments."""
    at = 0
    while at < len(args) and args[at] not in COMMANDS:
        at += 2 if args[at] in GLOBAL_VALUES else 1  # a global option's value is not the command
    if at >= len(args):
        return None  # another command, or none
    parsed = _options(args[:at], GLOBAL_VALUES, GLOBAL_FLAGS)
    if parsed is None or parsed[1]:
        return None
    return parsed[0], args[at], args[at + 1 :]


def _value(kind: str, text: str, minimum: int | None) -> object:
    """``text`` as the option's kind reads it; None where click might read it otherwise."""
    if kind == "int":
        if not (text.isascii() and text.isdigit()) or (minimum is not None and int(text) < minimum):
            return None
        return int(text)
    if kind == "output":
        return None if text == "" else Path(text)
    return text


def read_values(command: Command, args: list[str]) -> Values | None:
    """Every declared value of ``command`` (defaults for those not given), or None for anything in doubt."""
    values_of = {flag: option.param for option in command.options if option.kind != "flag" for flag in option.flags}
    flags_of = {flag: option.param for option in command.options if option.kind == "flag" for flag in option.flags}
    parsed = _options(args, values_of, flags_of)
    if parsed is None or len(parsed[1]) != len(command.arguments):
        return None
    given, positional = parsed
    values: Values = {option.param: option.default for option in command.options}
    for option in command.options:
        text = given.get(option.param)
        if isinstance(text, str):
            value = None if problem(option, text) else _value(option.kind, text, option.minimum)
            if value is None:
                return None
            values[option.param] = value
        elif text:
            values[option.param] = True
    for argument, text in zip(command.arguments, positional, strict=True):
        if problem(argument, text):
            return None
        values[argument.param] = text
    return values


def _prepare(args: list[str], env: Environment) -> Callable[[], object] | None:
    """The command to run for ``args``, or None when the typer app should take them."""
    split = _split_globals(args)
    if split is None:
        return None
    global_options, name, rest = split
    values = read_values(DECLARED[name], rest)
    if values is None:
        return None
    try:
        typed = list_args(values) if name == "list" else export_args(values)
    except Conflict:
        return None  # typer's to say
    library = global_options.get("library")
    if library == "" or (isinstance(library, str) and Path(library).is_file()):
        return None  # click's message for a file given as --library
    library_dir = Path(library) if isinstance(library, str) else None
    if global_options.get("no_color"):
        os.environ["NO_COLOR"] = "1"  # as the app's --no-color does: rich honours it
    if isinstance(typed, ListArgs):
        from scholarcli.cli.list_export import run_list

        return lambda: run_list(env, library_dir, typed)
    from scholarcli.cli.list_export import run_export

    return lambda: run_export(env, library_dir, typed)


# What the last command read, kept: freeing 10,000 works one by one costs about 10 ms, which a
# process about to end (see cli.main) need not spend.
_kept: list[object] = []


def run(args: list[str], env: Environment) -> int | None:
    """Run ``args`` here and give the exit status, or None to leave them to the typer app."""
    if os.environ.get("_SCHOLAR_COMPLETE"):
        return None  # shell completion is typer's
    if args in (["--help"], ["-h"]) and not env.stdout_is_terminal and "COLUMNS" not in os.environ:
        env.out(PIPED_HELP.read_text(encoding="utf-8"))
        return 0
    command = _prepare(args, env)
    if command is None:
        return None
    from scholarcli.processes import collector_paused

    try:
        with collector_paused():
            _kept[:] = [command()]
    except BaseException as error:
        code = exit_status_for(error, env)
        if code is None:
            raise
        return int(code)
    return 0
