"""`scholar check`."""

from __future__ import annotations

from typing import Annotated

import click
import typer

from scholarcli import store
from scholarcli.cli.report import EXIT_ERROR


def check_command(
    ctx: typer.Context,
    strict: Annotated[bool, typer.Option("--strict", help="Count warnings as problems too.")] = False,
) -> None:
    """Validate the whole library: records, keys, duplicates, venues, missing facts.

    Prints one line per problem with file and field, and exits 1 if there is any. Warnings
    (an unregistered venue, a missing year) do not fail the check unless --strict is given.

    Example:

        scholar check --strict
    """
    from scholarcli.checks import check

    root, read_only = store.locate(ctx.find_root().obj)
    library = store.load(root, read_only=read_only, use_cache=False)  # the TOML files, never the cache
    report = check(library)
    for problem in report.errors:
        click.echo(f"error: {problem}", err=True)
    for problem in report.warnings:
        click.echo(f"warning: {problem}", err=True)
    failed = len(report.errors) + (len(report.warnings) if strict else 0)
    summary = f"{len(library.works)} works, {len(report.errors)} errors, {len(report.warnings)} warnings"
    click.echo(summary, err=True)
    if failed:
        raise typer.Exit(EXIT_ERROR)
