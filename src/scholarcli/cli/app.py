"""The scholar command line: parse options, call the core, print. Errors end in boundary.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import click
import typer

from scholarcli import __version__, store
from scholarcli.cli import options
from scholarcli.cli.boundary import EXIT_ERROR, ScholarGroup
from scholarcli.output import render_list, work_to_json
from scholarcli.query import select, sort_works

app = typer.Typer(
    name="scholar",
    cls=ScholarGroup,
    help="Keep publications and patents as TOML records; list, show and export them.",
    epilog="Example: scholar list --venue ICLR --year 2024..",
    no_args_is_help=True,
    add_completion=True,
    # Plain click help: rich-formatted help costs about 0.2 s of start-up on every --help.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        click.echo(f"scholar {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    library: Annotated[
        Path | None,
        typer.Option(
            "--library",
            "-L",
            help="Library directory (default: $SCHOLAR_LIBRARY, the nearest library.toml upwards, "
            "the user's library, or the bundled sample).",
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Keep publications and patents as TOML records; list, show and export them."""
    ctx.obj = library


def _load(ctx: typer.Context) -> store.Library:
    root, read_only = store.locate(ctx.find_root().obj)
    return store.load(root, read_only=read_only)


def _write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _finish(library: store.Library) -> None:
    """Report broken records after the output; any makes the command fail."""
    for problem in library.problems:
        click.echo(f"error: {problem}", err=True)
    if library.problems:
        count = len(library.problems)
        click.echo(
            f"error: {count} problem{'s' if count != 1 else ''} in the library at {library.root}", err=True
        )
        raise typer.Exit(EXIT_ERROR)


@app.command("list")
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
    library = _load(ctx)
    works = sort_works(select(library.works, filters, library.settings), sort, reverse)
    if limit is not None:
        works = works[:limit]
    chosen = fmt or ("table" if sys.stdout.isatty() else "tsv")
    if chosen == "table":
        from scholarcli.cli.terminal import print_table

        print_table(works, library.settings)
    else:
        _write_stdout(render_list(works, chosen, library.settings))
    _finish(library)


@app.command("show")
def show(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The work's key (its file name without .toml).")],
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
    library = _load(ctx)
    work = library.get(key)
    if fmt == "json":
        import json

        _write_stdout(json.dumps(work_to_json(work), ensure_ascii=False, indent=2) + "\n")
    elif sys.stdout.isatty():
        from scholarcli.cli.terminal import print_details

        print_details(work, library.settings)
    else:
        from scholarcli.describe import details

        _write_stdout("".join(f"{label}: {value}\n" for label, value in details(work, library.settings)))
    _finish(library)
