"""`scholar check`."""

from __future__ import annotations

import typer

from scholarcli.cli.commands import state
from scholarcli.cli.env import ExitStatus, note_sample

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.cli.command_args import CheckArgs


def check_command(ctx: typer.Context, args: CheckArgs) -> None:
    """Validate the whole library: records, keys, duplicates, venues, missing facts.

    Prints one line per problem with file and field, and exits 1 if there is any. Warnings
    (an unregistered venue, a missing year) do not fail the check unless --strict is given.
    A free-text venue that names a venue of the registry (bundled, or library.toml's) is named
    with it; --fix rewrites those records' venue to the acronym, keeping the text for BibTeX.

    Examples:

        scholar check --strict

        scholar check --fix
    """
    from scholarcli.library.checking import check_library

    library_dir, env = state(ctx)
    if args.fix:
        from scholarcli.library.venues import fix_venues

        for fixed in fix_venues(library_dir):
            env.say(str(fixed))
    report = check_library(library_dir)
    note_sample(env, report.root, always=True)
    for problem in report.errors:
        env.error(problem)
    for problem in report.warnings:
        env.warn(problem)
    failed = len(report.errors) + (len(report.warnings) if args.strict else 0)
    env.say(f"{report.works} works, {len(report.errors)} errors, {len(report.warnings)} warnings")
    if failed:
        raise typer.Exit(int(ExitStatus.ERROR))
