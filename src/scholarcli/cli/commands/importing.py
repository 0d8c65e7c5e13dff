"""`scholar import FILE.bib`: every entry of real-world BibTeX as a record; duplicates skipped."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scholarcli.cli.commands import state
from scholarcli.cli.env import Environment, ExitStatus
from scholarcli.errors import ScholarError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.library.importing import ImportReport

PROGRESS_EVERY = 500  # entries between two progress reports on a terminal


def _read(env: Environment, source: str) -> str:
    try:
        data = env.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise ScholarError(f"cannot read {source}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # old .bib files: every byte is a character there


def _print(env: Environment, report: ImportReport) -> None:
    """The keys added on stdout; what was skipped or renamed, the problems and a summary on stderr."""
    from scholarcli.library.importing import Skipped

    for item in report.log:
        if isinstance(item, Skipped):
            env.say(f"skipped {item.key}: already in the library as {item.existing} (same {item.same})")
        else:
            env.note(f"{item.key}: {item.text}")
    env.out("".join(f"{key}\n" for key in report.added))
    for problem in report.problems:
        env.error(problem)
    skipped, problems = report.skipped, len(report.problems)
    summary = f"imported {len(report.added)}, skipped {skipped} duplicate{'s' if skipped != 1 else ''}"
    env.say(f"{summary}, {problems} problem{'s' if problems != 1 else ''}")


def import_bib(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(metavar="FILE", help="A .bib file, or - for standard input.")],
    allow_duplicates: Annotated[
        bool,
        typer.Option(
            "--allow-duplicates",
            help="Also import works that look like ones already present (same DOI, arXiv id, or title, "
            "year and first author), as long as their key is new.",
        ),
    ] = False,
) -> None:
    """Import BibTeX or BibLaTeX; prints the keys it added.

    LaTeX accents and escapes become Unicode text, @string macros are expanded, and every field
    scholar has no place for is kept (in extra), with the original entry type, so that exporting
    gives back what came in. A work already in the library (same key, DOI, arXiv id, or title,
    year and first author) is skipped. Importing the same file twice adds nothing.

    Examples:

        scholar import refs.bib

        curl -s https://example.org/refs.bib | scholar import -
    """
    from scholarcli.library.importing import import_entries
    from scholarcli.library.writing import writable_root

    library_dir, env = state(ctx)
    root = writable_root(library_dir)
    text = _read(env, source)
    progress = env.progress("importing")
    report = import_entries(
        root,
        text,
        "<stdin>" if source == "-" else source,
        allow_duplicates,
        lambda done, total: progress(done, total) if total >= PROGRESS_EVERY and done % PROGRESS_EVERY == 0 else None,
    )
    progress.clear()
    _print(env, report)
    if report.stopped:
        raise ScholarError(f"the import stopped: {report.stopped}")
    if report.problems:
        raise typer.Exit(int(ExitStatus.ERROR))
