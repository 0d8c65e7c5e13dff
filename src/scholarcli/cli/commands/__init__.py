"""The commands: each parses its options, calls one function of the library layer and prints its report."""

from __future__ import annotations

from pathlib import Path

import click

from scholarcli.cli.env import Environment, State, note_sample

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.index import Library


def state(ctx: click.Context) -> State:
    """The chosen library and the environment, as the app's callback left them."""
    found = ctx.find_root().obj
    return found if isinstance(found, State) else State(None, Environment.of_process())


def read_library(env: Environment, library_dir: Path | None) -> Library:
    """The chosen library, every field read, with a progress line on a terminal during a long first read."""
    from scholarcli.library import open_library

    progress = env.progress("reading records")
    library = open_library(library_dir, progress)
    progress.clear()
    note_sample(env, library.root)
    return library
