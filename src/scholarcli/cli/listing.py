"""`scholar list` and `scholar show`: reading the library."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from scholarcli.cli import actions, completion, options
from scholarcli.cli.context import finish, load_library, write_stdout
from scholarcli.output import work_to_json


def list_works(
    ctx: typer.Context,
    venue: options.Venue = None,
    year: options.Year = None,
    work_type: options.WorkType = None,
    author: options.Author = None,
    person: options.Person = None,
    search: options.Search = None,
    tag: options.Tag = None,
    selected: options.Selected = False,
    sort: Annotated[
        str,
        typer.Option("--sort", callback=options.check_sort, help="year (newest first), title, venue or key."),
    ] = "year",
    reverse: Annotated[bool, typer.Option("--reverse", help="Reverse the order.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", min=0, help="Print at most N works.")] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            callback=options.check_list_format,
            help="table, tsv, csv, json, jsonl or keys (default: table on a terminal, tsv otherwise).",
        ),
    ] = None,
) -> None:
    """List works, filtered and sorted.

    Examples:

        scholar list --venue ICLR --year 2024..

        scholar list --person "Ayan Sengupta" --type patent

        scholar list --year 2023.. --format keys
    """
    filters = options.build_filters(venue, year, work_type, author, person, search, tag, selected)
    actions.list_works(ctx.find_root().obj, filters, sort, reverse, limit, fmt)


def show(
    ctx: typer.Context,
    key: Annotated[
        str, typer.Argument(help="The work's key (its file name without .toml).", autocompletion=completion.keys)
    ],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="text or json (default: text)."),
    ] = None,
) -> None:
    """Show one work in full: every field, links, abstract, marks and their legend.

    Example:

        scholar show sengupta2025prune
    """
    if fmt not in (None, "text", "json"):
        raise typer.BadParameter(f'"{fmt}" is not a format; use one of: text, json', param_hint="'--format'")
    library = load_library(ctx.find_root().obj)
    work = library.get(key)
    if fmt == "json":
        import json

        write_stdout(json.dumps(work_to_json(work), ensure_ascii=False, indent=2) + "\n")
    elif sys.stdout.isatty():
        from scholarcli.cli.terminal import print_details

        print_details(work, library.settings)
    else:
        from scholarcli.describe import details

        write_stdout("".join(f"{label}: {value}\n" for label, value in details(work, library.settings)))
    finish(library)
