"""The typer app: the command tree, the global options, and where each command's code lives.

Commands parse and print (cli/commands/), the library layer decides (scholarcli.library); every
error ends in boundary.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import click
import typer

from scholarcli import __version__
from scholarcli.cli.boundary import ScholarGroup
from scholarcli.cli.commands import checking, exporting, importing, merging, reading, refreshing, summary, writing
from scholarcli.cli.env import Environment, State
from scholarcli.cli.options import DECLARED
from scholarcli.cli.params import declared


def _keep_argument_help() -> None:
    """typer 0.24 sets an argument's help and then calls click 8.5's Argument.__init__, which takes a
    help of its own and sets it to None: `show --help` listed "KEY [required]" and no word of what
    KEY is. The help is set again once click is done. An argument's name (``fmt``) is no word of
    the command line: typer's terminal help shows it beside the metavar (FORMAT), so it is left out
    of the names typer shows."""
    from typer.core import TyperArgument, TyperCommand

    if getattr(TyperArgument.__init__, "keeps_help", False):
        return
    original = TyperArgument.__init__

    def init(self: TyperArgument, *args: Any, help: str | None = None, **kwargs: Any) -> None:
        original(self, *args, help=help, **kwargs)
        self.help = help
        if self.metavar:
            self.opts = []

    init.keeps_help = True  # type: ignore[attr-defined]
    TyperArgument.__init__ = init  # type: ignore[method-assign]
    # click 8.5 writes the arguments in a section of its own ("Positional arguments"), and typer's
    # plain help writes them with the options ("Arguments"): piped help listed each twice.
    TyperCommand.format_arguments = lambda *_: None  # type: ignore[method-assign]


def make_app() -> typer.Typer:
    """The app, its commands' parameters built from the declarations as they are now."""
    _keep_argument_help()
    made = typer.Typer(
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
    made.callback()(main_options)
    made.command("list")(declared(DECLARED["list"])(reading.list_works))
    made.command("show")(reading.show)
    made.command("export")(declared(DECLARED["export"])(exporting.export))
    made.command("init")(writing.init)
    made.command("add")(declared(DECLARED["add"])(writing.add))
    made.command("import")(declared(DECLARED["import"])(importing.import_works))
    made.command("edit")(writing.edit)
    made.command("rm")(writing.rm)
    made.command("merge")(declared(DECLARED["merge"])(merging.merge))
    made.command("check")(declared(DECLARED["check"])(checking.check_command))
    made.command("stats")(declared(DECLARED["stats"])(summary.stats))
    made.command("refresh")(declared(DECLARED["refresh"])(refreshing.refresh))
    made.command("venues")(declared(DECLARED["venues"])(summary.venues))
    return made


def _version(value: bool) -> None:
    if value:
        click.echo(f"scholar {__version__}")
        raise typer.Exit()


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


app = make_app()
