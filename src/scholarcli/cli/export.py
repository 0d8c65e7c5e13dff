"""`scholar export FORMAT`: bibliographies (BibTeX, BibLaTeX, CSL-JSON, JSON) and CV sections."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import click
import typer

from scholarcli.cli import options
from scholarcli.cli.context import finish, load_library, write_stdout
from scholarcli.errors import ScholarError
from scholarcli.fileio import check_directory, write_atomic
from scholarcli.formats import FORMAT_NAMES, PERSONAL, ExportOptions, renderer
from scholarcli.formats.common import CV_FORMATS, GROUPINGS, SECTIONS
from scholarcli.model import Person, Settings
from scholarcli.query import find_person, parse_key_list, pick, select, sort_works

CV_PANEL = "CV (cv, json-resume, rendercv)"


def check_format(value: str) -> str:
    if value not in FORMAT_NAMES:
        raise typer.BadParameter(f'"{value}" is not an export format; use one of: {", ".join(FORMAT_NAMES)}')
    return value


def _only_for(fmt: str, given: dict[str, object], formats: tuple[str, ...]) -> None:
    """A CV option on a bibliography format is a mistake worth saying, not ignoring."""
    for option, value in given.items():
        if value not in (None, False) and fmt not in formats:
            raise typer.BadParameter(f"{option} applies only to: {', '.join(formats)}", param_hint=option)


def _whose(settings: Settings, person: str | None, fmt: str) -> Person:
    if person is not None:
        return find_person(settings, person)
    if len(settings.people) == 1:
        return settings.people[0]
    listed = ", ".join(f'"{p.name}"' for p in settings.people) or "none (add [[people]] to library.toml)"
    raise ScholarError(f"{fmt} needs --person NAME to know whose CV it is; the people of this library: {listed}")


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
    cv_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            callback=options.choice(CV_FORMATS, "CV format"),
            help="cv: latex, markdown or html (default latex).",
            rich_help_panel=CV_PANEL,
        ),
    ] = None,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            callback=options.choice(SECTIONS, "section"),
            help="publications, patents or all (default all).",
            rich_help_panel=CV_PANEL,
        ),
    ] = None,
    group_by: Annotated[
        str | None,
        typer.Option(
            "--group-by",
            callback=options.choice(GROUPINGS, "grouping"),
            help="Publications by year, type (journal, conference, workshop, preprint) or none (default year).",
            rich_help_panel=CV_PANEL,
        ),
    ] = None,
    numbered: Annotated[
        bool,
        typer.Option("--numbered", help="Number entries in reverse (newest highest).", rich_help_panel=CV_PANEL),
    ] = False,
    standalone: Annotated[
        bool,
        typer.Option("--standalone", help="cv --format html: a complete page with CSS.", rich_help_panel=CV_PANEL),
    ] = False,
) -> None:
    """Export works as BibTeX, BibLaTeX, CSL-JSON, JSON, or one person's CV section.

    The same filters as list select the works. cv, json-resume and rendercv draw the works of
    --person (which may be left out when the library has one person), with their name highlighted,
    equal contribution marked and patents in a section of their own.

    Examples:

    \b
        scholar export bibtex > refs.bib

    \b
        scholar list --year 2024.. --format keys | scholar export bibtex --keys -

    \b
        scholar export cv --format latex --person "Ayan Sengupta" --year 2020..

    \b
        scholar export cv --format html --standalone --numbered -o publications.html

    \b
        scholar export rendercv --person "Ayan Sengupta" --section publications
    """

    _only_for(fmt, {"--format": cv_format, "--standalone": standalone}, ("cv",))
    _only_for(fmt, {"--section": section, "--group-by": group_by, "--numbered": numbered}, PERSONAL)
    if standalone and cv_format != "html":
        raise typer.BadParameter("--standalone needs --format html", param_hint="--standalone")
    filters = options.build_filters(venue, year, work_type, author, person, search, tag, selected)
    if output is not None:
        check_directory(output)
    library = load_library(ctx)
    whose = _whose(library.settings, person, fmt) if fmt in PERSONAL else None
    if whose is not None:
        filters = replace(filters, person=whose.name)
    if keys is not None:
        works = select(pick(library.works, _read_keys(keys)), filters, library.settings)
    else:
        works = sort_works(select(library.works, filters, library.settings), sort, reverse)
    export_options = ExportOptions(
        equal_note=equal_note,
        person=whose,
        cv_format=cv_format or "latex",
        section=section or "all",
        group_by=group_by or "year",
        numbered=numbered,
        standalone=standalone,
    )
    result = renderer(fmt)(works, library.settings, export_options)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if output is None:
        write_stdout(result.text)
    else:
        write_atomic(output, result.text)
        click.echo(f"wrote {len(works)} work{'s' if len(works) != 1 else ''} to {output}", err=True)
    finish(library)
