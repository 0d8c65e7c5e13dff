"""`scholar export FORMAT`: bibliographies (BibTeX, BibLaTeX, CSL-JSON, JSON) and CV sections."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scholarcli.cli import actions, options
from scholarcli.formats import FORMAT_NAMES, PERSONAL, ExportOptions
from scholarcli.formats.common import CV_FORMATS, GROUPINGS, SECTIONS

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
    export_options = ExportOptions(
        equal_note=equal_note,
        cv_format=cv_format or "latex",
        section=section or "all",
        group_by=group_by or "year",
        numbered=numbered,
        standalone=standalone,
    )
    actions.export_works(ctx.find_root().obj, fmt, filters, keys, output, sort, reverse, export_options)
