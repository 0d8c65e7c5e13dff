"""`scholar export FORMAT`: bibliographies (BibTeX, BibLaTeX, CSL-JSON, JSON) and CV sections."""

from __future__ import annotations

from typing import Any

import typer

from scholarcli.cli.commands import state
from scholarcli.cli.list_export import run_export
from scholarcli.cli.options import export_args, export_conflict


def export(ctx: typer.Context, values: dict[str, Any]) -> None:
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
    conflict = export_conflict(values)
    if conflict:
        raise typer.BadParameter(conflict[0], param_hint=conflict[1])
    library, env = state(ctx)
    run_export(env, library, export_args(values))
