"""The typer app: the command tree, the global options, and where each command's code lives.

Commands parse and print (cli/commands/), the library layer decides (scholarcli.library); every
error ends in boundary.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import click
import typer

from scholarcli import __version__
from scholarcli.cli.boundary import ScholarGroup
from scholarcli.cli.commands import checking, exporting, importing, reading, summary, writing
from scholarcli.cli.env import Environment, State

app = typer.Typer(
    name="scholar",
    cls=ScholarGroup,
    help="Keep publications and patents as TOML records; list, show and export them.",
    epilog="Example: scholar list --venue ICLR --year 2024..",
    no_args_is_help=True,
    add_completion=True,
    # Grouped, coloured help for a person at a terminal; plain click help for a pipe, where rich's
    # formatting would only cost start-up time (about 0.2 s).
    rich_markup_mode="rich" if sys.stdout.isatty() else None,
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
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colour, even on a terminal (as NO_COLOR=1 does).")
    ] = False,
) -> None:
    """Keep publications and patents as TOML records; list, show and export them."""
    if no_color:
        os.environ["NO_COLOR"] = "1"  # rich, which draws everything coloured, honours it
    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment.of_process()
    ctx.obj = State(library, env)


app.command("list")(reading.list_works)
app.command("show")(reading.show)
app.command("export")(exporting.export)
app.command("init")(writing.init)
app.command("add")(writing.add)
app.command("import")(importing.import_bib)
app.command("edit")(writing.edit)
app.command("rm")(writing.rm)
app.command("check")(checking.check_command)
app.command("stats")(summary.stats)
app.command("venues")(summary.venues)
