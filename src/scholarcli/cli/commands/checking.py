"""`scholar check`."""

from __future__ import annotations

from typing import Annotated

import typer

from scholarcli.cli.commands import state
from scholarcli.cli.env import ExitStatus


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
    from scholarcli.library.checking import check_library

    library_dir, env = state(ctx)
    report = check_library(library_dir)
    for problem in report.errors:
        env.error(problem)
    for problem in report.warnings:
        env.warn(problem)
    failed = len(report.errors) + (len(report.warnings) if strict else 0)
    env.say(f"{report.works} works, {len(report.errors)} errors, {len(report.warnings)} warnings")
    if failed:
        raise typer.Exit(int(ExitStatus.ERROR))
