"""Commands that change the library: init, add, edit, rm. Each validates before it writes."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Annotated, Any

import click
import typer

from scholarcli import store
from scholarcli.cli import completion
from scholarcli.cli.context import load_library
from scholarcli.errors import InvalidRecord, ScholarError
from scholarcli.model import WORK_TYPES, Work
from scholarcli.validate import is_safe_key, work_from_record

RECORD = "Record"


def init(
    directory: Annotated[
        Path | None,
        typer.Argument(help="Where to make the library (default: your library in the platform data directory)."),
    ] = None,
    person: Annotated[
        list[str] | None,
        typer.Option("--person", help="A person whose works these are (repeatable); edit library.toml for more."),
    ] = None,
) -> None:
    """Make a new, empty library; refuses to overwrite an existing one.

    Without DIR the library goes to the platform data directory and becomes the default.

    Examples:

        scholar init

        scholar init ~/papers --person "Ada Lovelace"
    """
    root = directory or store.user_data_dir()
    settings = store.init(root, person or [])
    click.echo(f"made a new library at {root} (edit {settings.name} to add people and venues)", err=True)


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask(label: str, default: str | None = None) -> str:
    value: str = typer.prompt(label, default=default or "", show_default=bool(default), err=True)
    return value.strip()


def add(
    ctx: typer.Context,
    work_type: Annotated[
        str | None, typer.Option("--type", help=f"One of: {', '.join(WORK_TYPES)}.", rich_help_panel=RECORD)
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The title.", rich_help_panel=RECORD)] = None,
    authors: Annotated[
        list[str] | None,
        typer.Option("--author", "-a", help="An author or inventor, in order (repeatable).", rich_help_panel=RECORD),
    ] = None,
    equal: Annotated[
        list[str] | None,
        typer.Option("--equal", help="An author who contributed equally (repeatable).", rich_help_panel=RECORD),
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help="Year.", rich_help_panel=RECORD)] = None,
    month: Annotated[int | None, typer.Option("--month", min=1, max=12, rich_help_panel=RECORD)] = None,
    venue: Annotated[
        str | None, typer.Option("--venue", help="Venue acronym of the registry, or free text.", rich_help_panel=RECORD)
    ] = None,
    track: Annotated[
        str | None, typer.Option("--track", help="Findings, Position, ...", rich_help_panel=RECORD)
    ] = None,
    doi: Annotated[str | None, typer.Option("--doi", rich_help_panel=RECORD)] = None,
    arxiv: Annotated[
        str | None, typer.Option("--arxiv", help="arXiv id, e.g. 2409.13598.", rich_help_panel=RECORD)
    ] = None,
    url: Annotated[str | None, typer.Option("--url", rich_help_panel=RECORD)] = None,
    publisher: Annotated[str | None, typer.Option("--publisher", rich_help_panel=RECORD)] = None,
    number: Annotated[str | None, typer.Option("--number", help="Patent number.", rich_help_panel=RECORD)] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="Patent: granted, pending or filed.", rich_help_panel=RECORD)
    ] = None,
    tags: Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeatable).", rich_help_panel=RECORD)] = None,
    note: Annotated[str | None, typer.Option("--note", rich_help_panel=RECORD)] = None,
    key: Annotated[
        str | None, typer.Option("--key", help="Use this key instead of the generated one.", rich_help_panel=RECORD)
    ] = None,
) -> None:
    """Add a work; prints its key. Asks for missing values when run in a terminal.

    The key follows the documented formula (family name, year, first title word) unless --key
    is given. A work already in the library (same key, DOI, arXiv id, or title, year and first
    author) is refused with the key it already has.

    Examples:

    \b
        scholar add --type inproceedings --title "You Only Prune Once" \\
            --author "Ayan Sengupta" --author "Siddhant Chaudhary" \\
            --equal "Ayan Sengupta" --equal "Siddhant Chaudhary" --venue ICLR --year 2025

    \b
        scholar add --type patent --title "Loom control" --number US1234567 --status granted
    """
    if work_type is not None and work_type not in WORK_TYPES:
        raise typer.BadParameter(f'"{work_type}" is not a work type; use one of: {", ".join(WORK_TYPES)}')
    if key is not None and not is_safe_key(key):
        raise typer.BadParameter(f'"{key}" is not a safe key (use only A-Z a-z 0-9 _ . : + -)', param_hint="--key")
    from scholarcli.duplicates import DuplicateIndex
    from scholarcli.keys import base_key, unique_key

    library = load_library(ctx.find_root().obj)
    store.ensure_writable(library)
    if title is None or work_type is None:
        if not _interactive():
            missing = " and ".join(name for name, value in (("--type", work_type), ("--title", title)) if value is None)
            raise ScholarError(f"add needs {missing} (or run it in a terminal to be asked)")
        work_type = work_type or _ask(f"Type ({', '.join(WORK_TYPES)})", "inproceedings")
        title = title or _ask("Title")
        if not authors:
            authors = [a.strip() for a in _ask("Authors, separated by ';' (empty for none)").split(";") if a.strip()]
        if year is None:
            answer = _ask("Year (empty if unknown)")
            year = int(answer) if answer.isdigit() else None
        venue = venue or _ask("Venue (empty for none)") or None
    raw: dict[str, Any] = {
        "type": work_type,
        "title": title,
        "authors": authors or [],
        "equal_contribution": equal or [],
        "venue": venue,
        "track": track,
        "year": year,
        "month": month,
        "publisher": publisher,
        "number": number,
        "status": status,
        "doi": doi,
        "arxiv": arxiv,
        "url": url,
        "tags": tags or [],
        "note": note,
    }
    raw = {name: value for name, value in raw.items() if value not in (None, [], "")}
    with store.write_lock(library.root):
        taken = store.existing_keys(library.root)
        chosen = key or unique_key(
            base_key(title or "", authors or [], year, number, patent=work_type == "patent"), taken
        )
        if key and key in taken:
            raise ScholarError(f'the key "{key}" is already used; nothing was changed')
        work = _validated(library, chosen, raw)
        twin = DuplicateIndex.of(store.load(library.root).works).find(work)
        if twin:
            raise ScholarError(f"this work is already in the library as {twin[0]} (same {twin[1]}); nothing was added")
        path = store.save(library, work)
    click.echo(work.key)
    click.echo(f"added {path.relative_to(library.root).as_posix()}", err=True)


def _validated(library: store.Library, key: str, raw: dict[str, Any]) -> Work:
    relative = f"{store.FOLDERS.get(str(raw.get('type')), store.DEFAULT_FOLDER)}/{key}.toml"
    known = {name for person in library.settings.people for name in person.all_names}
    work, problems = work_from_record(key, raw, relative, known)
    if work is None:
        raise InvalidRecord(problems)
    return work


def rm(
    ctx: typer.Context,
    keys: Annotated[list[str], typer.Argument(help="Keys of the works to remove.", autocompletion=completion.keys)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove works (asks first unless --yes).

    Example:

        scholar rm sengupta2025prunenet --yes
    """
    library = load_library(ctx.find_root().obj)
    store.ensure_writable(library)
    works = [library.get(key) for key in dict.fromkeys(keys)]
    if not yes:
        if not _interactive():
            raise ScholarError("rm asks before removing; pass --yes to remove without asking")
        listed = ", ".join(work.key for work in works)
        if not typer.confirm(f"Remove {len(works)} work{'s' if len(works) != 1 else ''} ({listed})?", err=True):
            raise ScholarError("nothing was removed")
    with store.write_lock(library.root):
        removed = store.remove(library, [work.key for work in works])
    for relative in removed:
        click.echo(f"removed {relative}", err=True)


def edit(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The key of the work to edit.", autocompletion=completion.keys)],
) -> None:
    """Edit a record in $VISUAL or $EDITOR; it is saved only if it is valid.

    An invalid edit is explained, and you may edit again or abandon it; abandoning leaves the
    file exactly as it was. The saved record is in canonical form.

    Example:

        EDITOR=nano scholar edit sengupta2025prunenet
    """
    library = load_library(ctx.find_root().obj)
    store.ensure_writable(library)
    work = library.get(key)
    relative = library.paths[key]
    path = library.root / relative
    original = path.read_text(encoding="utf-8")
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    known = {name for person in library.settings.people for name in person.all_names}
    with tempfile.TemporaryDirectory(prefix="scholar-edit-") as scratch:
        draft = Path(scratch) / f"{key}.toml"
        draft.write_text(original, encoding="utf-8")
        while True:
            try:
                finished = subprocess.run([*shlex.split(editor), str(draft)], check=False)
            except OSError as error:
                raise ScholarError(f"cannot run the editor {editor!r}: {error.strerror or error}") from None
            if finished.returncode != 0:
                raise ScholarError(f"the editor exited with status {finished.returncode}; {key} was not changed")
            text = draft.read_text(encoding="utf-8")
            if text == original:
                click.echo(f"no changes to {key}", err=True)
                return
            edited, problems = _parse_edit(key, text, relative, known)
            if edited is not None:
                break
            for problem in problems:
                click.echo(f"error: {problem}", err=True)
            if not (_interactive() and typer.confirm("Edit again?", default=True, err=True)):
                raise ScholarError(f"the edit was abandoned; {key} was not changed")
    with store.write_lock(library.root):
        if path.read_text(encoding="utf-8") != original:
            raise ScholarError(f"{relative} changed while you edited it; your edit was not saved")
        store.save(library, edited, overwrite=True)
    click.echo(f"saved {relative}" + ("" if edited != work else " (unchanged)"), err=True)


def _parse_edit(key: str, text: str, relative: str, known: set[str]) -> tuple[Work | None, list[Any]]:
    from scholarcli.errors import Problem

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [Problem(relative, "", f"TOML syntax: {error}")]
    return work_from_record(key, raw, relative, known)
