"""What every command does around the core: find and load the library, print, report problems."""

from __future__ import annotations

import sys

import click
import typer

from scholarcli import store
from scholarcli.cli.boundary import EXIT_ERROR


def _progress(parsed: int, total: int) -> None:
    click.echo(f"\rreading records: {parsed}/{total}", err=True, nl=False)


def load_library(ctx: typer.Context) -> store.Library:
    """The library the user chose; a long first read reports progress on a terminal."""
    root, read_only = store.locate(ctx.find_root().obj)
    progress = _progress if sys.stderr.isatty() else None
    library = store.load(root, read_only=read_only, progress=progress)
    if progress and len(library.paths) >= store.PROGRESS_EVERY:
        click.echo("\r\033[K", err=True, nl=False)  # clear the progress line
    return library


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def finish(library: store.Library) -> None:
    """Report broken records after the output; any makes the command fail."""
    for problem in library.problems:
        click.echo(f"error: {problem}", err=True)
    if library.problems:
        count = len(library.problems)
        click.echo(f"error: {count} problem{'s' if count != 1 else ''} in the library at {library.root}", err=True)
        raise typer.Exit(EXIT_ERROR)
