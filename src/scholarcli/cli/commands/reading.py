"""`scholar list` and `scholar show`: reading the library."""

from __future__ import annotations

from typing import Annotated

import typer

from scholarcli.cli import completion
from scholarcli.cli.commands import read_library, state
from scholarcli.cli.env import report_problems
from scholarcli.cli.list_export import run_list

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.cli.args import ListArgs


def list_works(ctx: typer.Context, args: ListArgs) -> None:
    """List works, filtered and sorted.

    Examples:

        scholar list --venue ICLR --year 2024..

        scholar list --person "Ayan Sengupta" --type patent

        scholar list --year 2023.. --format keys
    """
    library, env = state(ctx)
    run_list(env, library, args)


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

        scholar show sengupta2025prunenet
    """
    if fmt not in (None, "text", "json"):
        raise typer.BadParameter(f'"{fmt}" is not a format; use one of: text, json', param_hint="'--format'")
    from scholarcli.library import open_citations

    library_dir, env = state(ctx)
    library = read_library(env, library_dir)
    work = library.get(key)
    counts, broken = open_citations(library.root)
    if fmt == "json":
        import json

        from scholarcli.formats.listing import work_to_json

        env.out(json.dumps(work_to_json(work, counts.get(key)), ensure_ascii=False, indent=2) + "\n")
    elif env.stdout_is_terminal:
        from scholarcli.cli.terminal import print_details

        print_details(env, work, library.settings, counts.get(key))
    else:
        from scholarcli.model.describe import details

        env.out("".join(f"{label}: {value}\n" for label, value in details(work, library.settings, counts.get(key))))
    report_problems(env, [*library.problems, *broken], library.root)
