"""`scholar refresh`: print what the library layer found (library/refreshing.py), one line a fact."""

from __future__ import annotations

from pathlib import Path

import typer

from scholarcli.cli.bar import Bar
from scholarcli.cli.commands import state
from scholarcli.cli.env import Environment, ExitStatus, report_problems, visible
from scholarcli.errors import ScholarError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.cli.command_args import RefreshArgs

# The services a metadata refresh may ask (a DOI at Crossref or doi.org, an arXiv id, a DBLP key).
LOOKUP_SERVICES = ("crossref", "doi", "arxiv", "dblp")


def refresh(ctx: typer.Context, args: RefreshArgs) -> None:
    """Fetch works again and show what changed (field: old -> new); --write saves it.

    Each work is looked up by its DOI, else its arXiv id, else a DBLP key its record names; a
    preprint is also followed to its published version, which --write takes the type, venue and
    DOI of (the arXiv id stays). A field the fetch lacks is never changed. --citations fetches
    citation counts instead, into citations.toml beside library.toml; a count that cannot be
    fetched keeps its old value. A failure is one line and the rest go on; any makes the exit status 1.

    Works are asked for in batches where a service takes them, several requests at once within each
    service's documented limits (--jobs and --rate change them; beyond the limits, with a warning).
    Answers are kept for a day (counts) or a week: a run stopped part-way goes on where it stopped.

    Examples:

    \b
        scholar refresh sengupta2025prunenet
        scholar refresh --type preprint --write
        scholar refresh --citations --person "Ayan Sengupta" \\
            --source semanticscholar
    """
    library_dir, env = state(ctx)
    _warn_beyond_limits(env, args)
    if args.citations:
        _citations(env, library_dir, args)
    else:
        _records(env, library_dir, args)


def _warn_beyond_limits(env: Environment, args: RefreshArgs) -> None:
    """--jobs or --rate beyond a service's documented limits are allowed (a paid pool, a mirror), with a warning."""
    from scholarcli.library.fetching import beyond_limits, citation_sources

    if args.jobs is None and args.rate is None:
        return
    names = (args.source or citation_sources()[0],) if args.citations else LOOKUP_SERVICES
    for line in beyond_limits(names, args.jobs, args.rate):
        env.warn(line)


def _records(env: Environment, library_dir: Path | None, args: RefreshArgs) -> None:
    from scholarcli.library.refreshing import describe, refresh_works

    progress = Bar(env, "looking works up")
    try:
        report = refresh_works(
            library_dir, args.filters, args.keys, args.write, progress, jobs=args.jobs, rate=args.rate
        )
    finally:
        progress.clear()
    for done in report.refreshed:
        if done.published:
            env.out(visible(f"{done.key}: published version: {done.published}") + "\n")
        env.out("".join(visible(f"{done.key}: {describe(change)}") + "\n" for change in done.changes))
        for note in done.notes:
            env.note(f"{done.key}: {note}")
    for key in report.skipped:
        env.note(f"{key}: nothing to look it up by (no DOI, arXiv id or DBLP key); left as it is")
    for key, reason in report.failures:
        env.error(f"{key}: {reason}")
    changed = sum(1 for done in report.refreshed if done.changes)
    total = len({done.key for done in report.refreshed} | set(report.skipped) | {key for key, _ in report.failures})
    if report.interrupted:
        saved = f"{len(report.saved)} of {changed} changed work{'s' if changed != 1 else ''} saved"
        env.say(f"interrupted: {total} work{'s' if total != 1 else ''} looked up, {saved}")
        report_problems(env, report.problems, report.root)
        raise typer.Exit(int(ExitStatus.INTERRUPTED))
    if report.saved:
        env.say(f"saved {len(report.saved)} of {changed} changed works")
    elif changed:
        env.say(f"{changed} of {total} works changed; nothing was saved (run again with --write to save them)")
    else:
        env.say(f"{len(report.refreshed)} of {total} works looked up; nothing changed")
    report_problems(env, report.problems, report.root)
    if report.failures:
        raise ScholarError(f"{len(report.failures)} of {total} works could not be refreshed")


def _citations(env: Environment, library_dir: Path | None, args: RefreshArgs) -> None:
    from scholarcli.library.fetching import citation_sources, services
    from scholarcli.library.refreshing import refresh_citations

    source = args.source or citation_sources()[0]
    progress = Bar(env, f"asking {source}")
    try:
        report = refresh_citations(
            library_dir, args.filters, args.keys, source, progress, jobs=args.jobs, rate=args.rate
        )
    finally:
        progress.clear()
    if report.interrupted:
        env.say(
            "interrupted: nothing written; the counts fetched are kept for a day, and the next run asks for the rest"
        )
        raise typer.Exit(int(ExitStatus.INTERRUPTED))
    matched_by = services()[source].matches_by or "identifier"
    for key, (before, after) in report.counted.items():
        if before is None or before.cited != after.cited:
            env.out(f"{key}: citations: {'(none)' if before is None else before.cited} -> {after.cited}\n")
    for key in report.unmatched:
        env.note(f"{key}: {source} has no match (by {matched_by}); a count it had is kept")
    for key, reason in report.failures:
        env.error(f"{key}: {reason}; the count it had is kept")
    total = len(report.counted) + len(report.unmatched) + len(report.failures)
    where = f"written to {report.path}" if report.path else "nothing written"
    env.say(f"{len(report.counted)} of {total} counts from {source}; {where}")
    report_problems(env, report.problems, report.root)
    if report.failures:
        raise ScholarError(
            f"{len(report.failures)} of {total} counts could not be fetched; the counts they had are kept"
        )
