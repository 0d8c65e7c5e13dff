"""`scholar export FORMAT`: bibliographies (BibTeX, BibLaTeX, CSL-JSON, JSON, a CSL style's) and CV sections."""

from __future__ import annotations

import typer

from scholarcli.cli.commands import state
from scholarcli.cli.list_export import run_export

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.cli.args import ExportArgs


def export(ctx: typer.Context, args: ExportArgs) -> None:
    """Export works as BibTeX, BibLaTeX, CSL-JSON, JSON, a styled bibliography, or one person's CV section.

    The same filters as list select the works. refs writes them in a CSL style (--style apa, ieee,
    ... or a .csl file; pandoc renders it). cv, json-resume and rendercv draw the works of
    --person (which may be left out when the library has one person), with their name highlighted,
    equal contribution marked and patents in a section of their own; cv --style writes each entry
    in a CSL style, the name still bold and the marks kept.

    Examples:

    \b
        scholar export bibtex > refs.bib

    \b
        scholar list --year 2024.. --format keys | scholar export bibtex --keys -

    \b
        scholar export refs --style ieee --keys cited.txt --format latex -o refs.tex

    \b
        scholar export cv --format latex --person "Ayan Sengupta" --year 2020..

    \b
        scholar export cv --format html --standalone --numbered -o publications.html

    \b
        scholar export cv --style apa --format docx --person "Ayan Sengupta" -o cv.docx

    \b
        scholar export rendercv --person "Ayan Sengupta" --section publications
    """
    library, env = state(ctx)
    run_export(env, library, args)
