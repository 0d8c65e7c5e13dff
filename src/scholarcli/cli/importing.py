"""`scholar import FILE.bib`: every entry of real-world BibTeX as a record; duplicates skipped."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import click
import typer

from scholarcli import store
from scholarcli.cli.context import load_library
from scholarcli.cli.report import EXIT_ERROR
from scholarcli.errors import InvalidRecord, Problem, ScholarError
from scholarcli.validate import work_from_record

PROGRESS_EVERY = 500


def _read(source: str) -> str:
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise ScholarError(f"cannot read {source}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # old .bib files: every byte is a character there


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
    from scholarcli.bib_import import parse, safe_key
    from scholarcli.duplicates import DuplicateIndex
    from scholarcli.keys import unique_key

    library = load_library(ctx.find_root().obj)
    store.ensure_writable(library)
    name = "<stdin>" if source == "-" else source
    parsed = parse(_read(source), name, library.settings)
    problems: list[Problem] = list(parsed.problems)
    known = {n for person in library.settings.people for n in person.all_names}
    added = skipped = 0
    show_progress = sys.stderr.isatty() and len(parsed.entries) >= PROGRESS_EVERY
    with store.write_lock(library.root):
        current = store.load(library.root)
        taken = set(current.paths)
        index = DuplicateIndex.of(current.works)
        for number, entry in enumerate(parsed.entries, start=1):
            if show_progress and number % PROGRESS_EVERY == 0:
                click.echo(f"\rimporting {number}/{len(parsed.entries)}", err=True, nl=False)
            key, renamed = safe_key(entry.key, entry.record)
            if renamed:  # a key we made: a clash means another work, not a duplicate
                key = unique_key(key, taken)
                renamed = f'the key "{entry.key}" is not a safe file name; it became "{key}"'
            where = f"{name}: {entry.key}"
            work, record_problems = work_from_record(key, entry.record, where, known)
            if work is None:
                problems.extend(record_problems)
                continue
            twin = index.find(work)
            if twin and allow_duplicates and twin[1] != "key":
                twin = None
            if twin:
                skipped += 1
                click.echo(f"skipped {entry.key}: already in the library as {twin[0]} (same {twin[1]})", err=True)
                continue
            if key in taken:  # a different work under the same key
                fresh = unique_key(key, taken)
                renamed = f'the key "{key}" is taken by another work; it became "{fresh}"'
                work = work_from_record(fresh, entry.record, where, known)[0] or work
            for note in [*entry.notes, *([renamed] if renamed else [])]:
                click.echo(f"note: {entry.key}: {note}", err=True)
            try:
                store.save(current, work, durable=False)
            except InvalidRecord as error:
                problems.extend(error.problems)
                continue
            taken.add(work.key)
            index.add(work)
            added += 1
            click.echo(work.key)
        os.sync()  # one flush for the whole import instead of one per record
    if show_progress:
        click.echo("", err=True)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    summary = f"imported {added}, skipped {skipped} duplicate{'s' if skipped != 1 else ''}"
    click.echo(f"{summary}, {len(problems)} problem{'s' if len(problems) != 1 else ''}", err=True)
    if problems:
        raise typer.Exit(EXIT_ERROR)
