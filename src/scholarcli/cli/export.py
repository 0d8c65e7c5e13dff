"""`scholar export FORMAT`: the selected works as BibTeX, BibLaTeX, CSL-JSON or JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import click
import typer

from scholarcli.cli import options
from scholarcli.cli.context import finish, load_library, write_stdout
from scholarcli.fileio import check_directory, write_atomic
from scholarcli.query import parse_key_list, pick, select, sort_works

# Names only, so that `--help` does not import every format.
FORMAT_NAMES = ("bibtex", "biblatex", "csl-json", "json")


def check_format(value: str) -> str:
    if value not in FORMAT_NAMES:
        raise typer.BadParameter(f'"{value}" is not an export format; use one of: {", ".join(FORMAT_NAMES)}')
    return value


def _read_keys(source: str) -> list[str]:
    if source == "-":
        return parse_key_list(sys.stdin.read())
    return parse_key_list(Path(source).read_text(encoding="utf-8"))


def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Argument(metavar="FORMAT", callback=check_format, help=f"One of: {', '.join(FORMAT_NAMES)}."),
    ],
    venue: options.Venue = None,
    year: options.Year = None,
    work_type: options.WorkType = None,
    author: options.Author = None,
    person: options.Person = None,
    search: options.Search = None,
    tag: options.Tag = None,
    selected: options.Selected = False,
    keys: Annotated[
        str | None,
        typer.Option(
            "--keys",
            metavar="FILE",
            help="Export exactly these keys: one a line (first column of TSV); - reads stdin.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Write to FILE (atomically) instead of stdout."),
    ] = None,
    sort: options.Sort = "year",
    reverse: options.Reverse = False,
    equal_note: Annotated[
        bool,
        typer.Option("--equal-note", help="BibTeX: name the equal contributors in each entry's note."),
    ] = False,
) -> None:
    """Export works as BibTeX, BibLaTeX, CSL-JSON or JSON, with the same filters as list.

    Examples:

        scholar export bibtex > refs.bib

        scholar export biblatex --person "Ayan Sengupta" -o cv.bib

        scholar list --year 2024.. --format keys | scholar export bibtex --keys -
    """
    from scholarcli.formats import FORMATS, ExportOptions

    filters = options.build_filters(venue, year, work_type, author, person, search, tag, selected)
    if output is not None:
        check_directory(output)
    library = load_library(ctx)
    if keys is not None:
        works = select(pick(library.works, _read_keys(keys)), filters, library.settings)
    else:
        works = sort_works(select(library.works, filters, library.settings), sort, reverse)
    result = FORMATS[fmt](works, library.settings, ExportOptions(equal_note=equal_note))
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if output is None:
        write_stdout(result.text)
    else:
        write_atomic(output, result.text)
        click.echo(f"wrote {len(works)} work{'s' if len(works) != 1 else ''} to {output}", err=True)
    finish(library)
