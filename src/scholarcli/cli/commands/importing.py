"""`scholar import FILE` (every entry of real-world BibTeX, RIS or CSL-JSON as a record) and
`import --orcid/--dblp/--openalex`."""

from __future__ import annotations

from pathlib import Path

import typer

from scholarcli.cli.bar import Bar
from scholarcli.cli.commands import state
from scholarcli.cli.env import Environment, ExitStatus
from scholarcli.errors import ScholarError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.cli.command_args import ImportArgs
    from scholarcli.library.importing import ImportReport
    from scholarcli.library.people import PersonChange
    from scholarcli.library.profiles import ProfileKind, ProfileReport

PROGRESS_EVERY = 500  # entries between two progress reports on a terminal


def _read(env: Environment, source: str) -> str:
    from scholarcli.formats.inputs import decode

    try:
        data = env.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise ScholarError(f"cannot read {source}: {error.strerror or error}") from None
    text, encoding = decode(data)
    if encoding is not None:
        env.note(f"{'<stdin>' if source == '-' else source} is not UTF-8 text; read as {encoding}")
    return text


def _print(env: Environment, report: ImportReport) -> None:
    """The keys added on stdout; what was skipped or renamed, and the problems, on stderr."""
    from scholarcli.library.importing import Skipped

    for item in report.log:
        if isinstance(item, Skipped):
            dropped = f"; not kept from it: {', '.join(item.dropped)}" if item.dropped else ""
            where = "repeats the earlier entry" if item.earlier else "already in the library as"
            env.say(f"skipped {item.key}: {where} {item.existing} (same {item.same}){dropped}")
        else:
            env.note(f"{item.key}: {item.text}")
    env.out("".join(f"{key}\n" for key in report.added))
    for problem in report.problems:
        env.error(problem)


def _interrupted(report: ImportReport) -> str:
    return "; interrupted (every record written is whole)" if report.interrupted else ""


def _print_declared(env: Environment, report: ImportReport) -> None:
    """Once for each kind of mark the import declared in library.toml: what it read the symbol as."""
    from scholarcli.formats.name_marks import DEFAULT_READING, SURVEYED

    for kind, mark in report.declared.items():
        if mark.symbol in SURVEYED:
            why = f"what al-folio sites mean by {mark.symbol}"
        elif DEFAULT_READING.get(mark.symbol) == (kind, mark.legend):
            why = "no entry of the file says what it means"
        else:
            why = "as the file's annotations explain it"
        env.say(
            f'library.toml: declared [marks.{kind}]: {mark.symbol} "{mark.legend}" ({why});'
            " edit its legend there if your papers mean otherwise"
        )


def _print_bib(env: Environment, report: ImportReport) -> None:
    """What the import declared in library.toml, then the summary, whose counts add up to the entries
    of the file (a repeated key counts once, as bibtex reads it): each was imported, skipped as
    already there, or failed."""
    _print_declared(env, report)
    _print(env, report)
    entries, problems = report.entries, len(report.problems)
    unreached = f", not reached {report.unreached}" if report.unreached else ""
    env.say(
        f"{entries} entr{'ies' if entries != 1 else 'y'}: imported {len(report.added)}, skipped {report.skipped}"
        f" (already in the library), failed {report.failed}{unreached};"
        f" {problems} problem{'s' if problems != 1 else ''}{_interrupted(report)}"
    )


def _print_person(env: Environment, change: PersonChange) -> None:
    variants = f" (variants: {', '.join(change.variants)})" if change.variants else ""
    if change.added:
        env.say(f"added {change.name} to the people of library.toml{variants}")
    elif change.variants:
        env.say(f"added to {change.name} in library.toml the variants {', '.join(change.variants)}")
    if change.missing:
        env.warn(f"library.toml could not be changed to name {change.name} ({', '.join(change.missing)}); edit it")


def _print_profile(env: Environment, report: ProfileReport) -> None:
    """What _print prints, the person, each failure, and a summary; exit status 1 if anything failed."""
    _print(env, report.imported)
    if report.person is not None:
        _print_person(env, report.person)
    for identifier, reason in report.failures:
        env.error(f"{identifier}: {reason}")
    imported = len(report.imported.added)
    summary = f"imported {imported}, merged {report.merged}, skipped {report.skipped}, failed {report.failed}"
    env.say(summary + _interrupted(report.imported))
    if report.imported.interrupted:
        raise typer.Exit(int(ExitStatus.INTERRUPTED))
    if report.imported.stopped:
        raise ScholarError(f"the import stopped: {report.imported.stopped}")
    if report.failed:
        raise typer.Exit(int(ExitStatus.ERROR))


def import_works(ctx: typer.Context, args: ImportArgs) -> None:
    """Import BibTeX, BibLaTeX, RIS, CSL-JSON, or a person's works from ORCID, DBLP or OpenAlex; prints the keys added.

    The file's format is told by its content (--from names it). LaTeX accents and escapes become
    Unicode text, @string macros are expanded, and every field scholar has no place for is kept
    (in extra), with the original entry type, so that exporting gives back what came in. A work
    already in the library (same key, DOI, arXiv id, or title, year and first author) is skipped.
    Importing the same file twice adds nothing.

    --orcid, --dblp or --openalex (instead of FILE) fetch a person's works: a preprint and its
    published version become one record, which keeps the arXiv id; the person is added to
    library.toml's people with the name variants the service gives.

    Examples:

        scholar import refs.bib

        scholar import zotero-export.json

        curl -s https://example.org/citation.ris | scholar import --from ris -

        scholar import --orcid 0000-0002-1825-0097
    """
    from scholarcli.library.writing import writable_root

    library_dir, env = state(ctx)
    root = writable_root(library_dir)
    if args.profile is not None:
        _import_profile(env, root, *args.profile, args.allow_duplicates)
    elif args.source is not None:
        _import_file(env, root, args.source, args.allow_duplicates, args.input_format)


def _import_file(env: Environment, root: Path, source: str, allow_duplicates: bool, kind: str | None) -> None:
    from scholarcli.library.importing import import_entries

    text = _read(env, source)
    progress = env.progress("importing")
    report = import_entries(
        root,
        text,
        "<stdin>" if source == "-" else source,
        allow_duplicates,
        lambda done, total: progress(done, total) if total >= PROGRESS_EVERY and done % PROGRESS_EVERY == 0 else None,
        kind,
    )
    progress.clear()
    _print_bib(env, report)
    if report.interrupted:
        raise typer.Exit(int(ExitStatus.INTERRUPTED))
    if report.stopped:
        raise ScholarError(f"the import stopped: {report.stopped}")
    if report.problems:
        raise typer.Exit(int(ExitStatus.ERROR))


def _import_profile(env: Environment, root: Path, kind: ProfileKind, ident: str, allow_duplicates: bool) -> None:
    """Fetch the profile, import it, and print what was added, skipped and what failed."""
    from scholarcli.library.fetching import make_client
    from scholarcli.library.profiles import import_profile

    progress = Bar(env, f"importing from {kind}")
    try:
        with make_client() as client:
            report = import_profile(root, kind, ident, client, allow_duplicates=allow_duplicates, progress=progress)
    finally:
        progress.clear()
    _print_profile(env, report)
