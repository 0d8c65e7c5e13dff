"""The quick path: `list` and `export` as a shell loop or pipeline runs them, without click or typer.

Importing click and typer and building the command tree costs about 0.15 s, more than reading
10,000 cached works. When every argument is one this parser knows and every value is valid, the
command runs here, and so does `scholar --help` into a pipe (from help.txt). Anything else (help
on a terminal, completion, an option it does not know, a value in doubt) makes ``run`` return
None and goes to the full command line, which says what is wrong: usage errors have one author.
Both paths end in cli/actions.py, and the tests run the same arguments through both and compare
what they print.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from scholarcli.cli.report import exit_code_for
from scholarcli.records import NamedTuple

COMMANDS = ("list", "export")
# The app's own --help as click prints it to a pipe (80 columns, no colour), kept in sync by a test.
PIPED_HELP = Path(__file__).with_name("help.txt")
GLOBAL_VALUES = {"-L": "library", "--library": "library"}
GLOBAL_FLAGS = {"--no-color": "no_color"}
FILTER_VALUES = {
    "--venue": "venue",
    "--year": "year",
    "--type": "work_type",
    "--author": "author",
    "--person": "person",
    "--search": "search",
    "--tag": "tag",
}


class Spec(NamedTuple):
    """The options of one command that the quick path knows: option -> parameter name."""

    values: dict[str, str]
    flags: dict[str, str]
    arguments: int  # how many positional arguments the command takes


SPECS = {
    "list": Spec(
        values={**FILTER_VALUES, "--sort": "sort", "--limit": "limit", "--format": "fmt", "-f": "fmt"},
        flags={"--selected": "selected", "--reverse": "reverse"},
        arguments=0,
    ),
    "export": Spec(
        values={**FILTER_VALUES, "--sort": "sort", "--keys": "keys", "--output": "output", "-o": "output"},
        flags={"--selected": "selected", "--reverse": "reverse", "--equal-note": "equal_note"},
        arguments=1,
    ),
}

Parsed = dict[str, str | bool]


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


def _valid(value: str | bool | None, allowed: tuple[str, ...]) -> bool:
    return value is None or value in allowed


def _colour(global_options: Parsed) -> None:
    if global_options.get("no_color"):
        os.environ["NO_COLOR"] = "1"  # as the app's --no-color does: rich honours it


def _prepare(args: list[str]) -> Callable[[], object] | None:
    """The command to run for ``args``, or None when the full command line should take them."""
    split = _split_globals(args)
    if split is None:
        return None
    global_options, command, rest = split
    spec = SPECS[command]
    parsed = _options(rest, spec.values, spec.flags)
    if parsed is None or len(parsed[1]) != spec.arguments:
        return None
    given, positional = parsed
    library = global_options.get("library")
    if library == "" or (isinstance(library, str) and Path(library).is_file()):
        return None  # click's message for a file given as --library
    library_dir = Path(library) if isinstance(library, str) else None

    from scholarcli.model import WORK_TYPES
    from scholarcli.query import SORT_FIELDS, Filters, parse_year_range

    year = given.get("year")
    try:
        years = parse_year_range(year) if isinstance(year, str) else None
    except ValueError:
        return None
    if not _valid(given.get("work_type"), WORK_TYPES) or not _valid(given.get("sort"), SORT_FIELDS):
        return None
    text: dict[str, str] = {name: value for name, value in given.items() if isinstance(value, str)}
    filters = Filters(
        venue=text.get("venue"),
        years=years,
        type=text.get("work_type"),
        author=text.get("author"),
        person=text.get("person"),
        search=text.get("search"),
        tag=text.get("tag"),
        selected=bool(given.get("selected")),
    )
    sort, reverse = text.get("sort", "year"), bool(given.get("reverse"))
    from scholarcli.cli import actions

    if command == "list":
        from scholarcli.output import LIST_FORMATS

        limit = text.get("limit")
        if not _valid(text.get("fmt"), LIST_FORMATS) or not (limit is None or (limit.isascii() and limit.isdigit())):
            return None
        count = None if limit is None else int(limit)
        _colour(global_options)
        return lambda: actions.list_works(library_dir, filters, sort, reverse, count, text.get("fmt"))

    from scholarcli.formats import FORMAT_NAMES, ExportOptions

    fmt, output = positional[0], text.get("output")
    if fmt not in FORMAT_NAMES or output == "" or (output is not None and Path(output).is_dir()):
        return None
    options = ExportOptions(equal_note=bool(given.get("equal_note")))
    _colour(global_options)
    target = None if output is None else Path(output)
    return lambda: actions.export_works(library_dir, fmt, filters, text.get("keys"), target, sort, reverse, options)


# What the last command read, kept: freeing 10,000 works one by one costs about 10 ms, which a
# process about to end (see cli.main) need not spend.
_kept: list[object] = []


def run(args: list[str]) -> int | None:
    """Run ``args`` here and give the exit status, or None to leave them to the full command line."""
    if os.environ.get("_SCHOLAR_COMPLETE"):
        return None  # shell completion is typer's
    if args in (["--help"], ["-h"]) and not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        sys.stdout.write(PIPED_HELP.read_text(encoding="utf-8"))
        return 0
    command = _prepare(args)
    if command is None:
        return None
    import gc

    # One short command that makes no reference cycles worth finding: the collector's passes over
    # 10,000 works would only cost time (about 20 ms of an export).
    collecting = gc.isenabled()
    gc.disable()
    try:
        _kept[:] = [command()]
    except BaseException as error:
        code = exit_code_for(error)
        if code is None:
            raise
        return code
    finally:
        if collecting:
            gc.enable()
    return 0
