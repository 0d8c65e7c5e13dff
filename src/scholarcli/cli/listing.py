"""`scholar list` and `scholar show`: reading the library."""

from __future__ import annotations

import sys
from typing import Annotated

import click
import typer

from scholarcli.cli import completion, options
from scholarcli.cli.context import finish, load_library, write_stdout
from scholarcli.output import render_list, work_to_json
from scholarcli.query import select, sort_works

TABLE_ROWS = 500


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
    library = load_library(ctx)
    works = sort_works(select(library.works, filters, library.settings), sort, reverse)
    if limit is not None:
        works = works[:limit]
    chosen = fmt or ("table" if sys.stdout.isatty() else "tsv")
    if chosen == "table":
        from scholarcli.cli.terminal import print_table

        if len(works) > TABLE_ROWS and limit is None:
            # Drawing a wrapped table costs about a millisecond a row; nobody reads thousands.
            click.echo(f"showing {TABLE_ROWS} of {len(works)} works; use --limit N, or --format tsv for all", err=True)
            works = works[:TABLE_ROWS]
        print_table(works, library.settings)
    else:
        write_stdout(render_list(works, chosen, library.settings))
    finish(library)


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
    library = load_library(ctx)
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
