"""Commands that change the library: init, add, edit, rm. Each validates before it writes."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from scholarcli.cli import completion
from scholarcli.cli.commands import read_library, state
from scholarcli.cli.env import Environment
from scholarcli.errors import ScholarError
from scholarcli.model import EQUAL_CONTRIBUTION, WORK_TYPES, Work

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.cli.command_args import AddArgs
    from scholarcli.index import Library
    from scholarcli.library.adding import Added


def init(
    ctx: typer.Context,
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

    Without DIR the library goes to the platform data directory and becomes the default; with
    DIR it says how to use it from elsewhere. A .gitignore keeps the lock file out of git.

    Examples:

        scholar init

        scholar init ~/papers --person "Ada Lovelace"
    """
    from scholarcli.store.locate import user_data_dir
    from scholarcli.store.records import init as make_library

    root = directory or user_data_dir()
    settings = make_library(root, person or [])
    env = state(ctx).env
    env.say(f"made a new library at {root} (edit {settings.name} to add people and venues)")
    if root != user_data_dir():
        where = shlex.quote(str(root.resolve()))
        env.say(f"scholar finds it inside {root}; elsewhere, choose it with -L {where} or make it the default:")
        env.say(f"    export SCHOLAR_LIBRARY={where}")


def _ask(label: str, default: str | None = None) -> str:
    value: str = typer.prompt(label, default=default or "", show_default=bool(default), err=True)
    return value.strip()


def add(ctx: typer.Context, args: AddArgs) -> None:
    """Add a work, typed in or fetched by DOI, arXiv id or DBLP key.

    A typed work: prints its key; asks for missing values when run in a terminal; refused, with
    the key it has, when the library has it already.

    With IDENTIFIER (a DOI, an arXiv id, a DBLP key, or a doi.org, arxiv.org or dblp.org address)
    the work is fetched, the options given override what was fetched, and the record is printed;
    --dry-run prints it and writes nothing. A fetched work already in the library (same DOI,
    arXiv id, or title, year and first author) gets only the fields its record lacks; every field
    that disagrees is listed, and --update overwrites those too.

    The key follows the documented formula (family name, year, first title word) unless --key is
    given.

    Examples:

    \b
        scholar add 10.1145/3184558.3186235
        scholar add arXiv:2409.13598 --tag weather --dry-run

    \b
        scholar add --type inproceedings --title "You Only Prune Once" \\
            --author "Ayan Sengupta" --author "Siddhant Chaudhary" \\
            --equal "Ayan Sengupta" --equal "Siddhant Chaudhary" --venue ICLR --year 2025

    \b
        scholar add --type article --title "Engines" --author "Ada Lovelace" --author "Ann Lee" \\
            --mark student="Ann Lee" --mark corresponding="Ada Lovelace" --year 2024

    \b
        scholar add --type patent --title "Loom control" --number US1234567 --status granted
    """
    from scholarcli.library.writing import writable_root

    library_dir, env = state(ctx)
    root = writable_root(library_dir)
    key, dry_run = args.key, args.dry_run
    raw = dict(args.fields)
    raw["equal_contribution"], raw["marks"] = _marks(raw["equal_contribution"] or [], raw["marks"] or [])
    if args.identifier is not None:
        _add_fetched(env, root, args.identifier, raw, key, args.update, dry_run)
        return
    from scholarcli.library.adding import add_work

    if raw["title"] is None or raw["type"] is None:
        _ask_missing(env, raw)
    from scholarcli.library.venues import settle_venue

    raw, venue_notes = settle_venue(root, raw)  # a venue the registry knows by another name: its acronym
    added = add_work(root, raw, key, dry_run)
    env.out(added.text if dry_run else f"{added.key}\n")
    _say_added(env, added)
    for note in venue_notes:
        env.note(note)


def _marks(equal: list[str], typed: list[str]) -> tuple[list[str], dict[str, list[str]] | None]:
    """--equal NAME and --mark KIND=NAME as the record's equal_contribution and marks (None: no mark)."""
    marks: dict[str, list[str]] = {}
    for value in typed:
        kind, sign, name = (part.strip() for part in value.partition("="))
        if not (sign and kind and name):
            raise typer.BadParameter(f'"{value}" is not KIND=NAME (--mark student="Ann Lee")', param_hint="--mark")
        marks.setdefault(kind, []).append(name)
    return [*equal, *marks.pop(EQUAL_CONTRIBUTION, [])], marks or None


def _say_added(env: Environment, added: Added) -> None:
    env.say(f"added {added.relative}" if added.written else f"would add {added.relative}; nothing was written")


def _add_fetched(
    env: Environment, root: Path, identifier: str, given: dict[str, Any], key: str | None, update: bool, dry_run: bool
) -> None:
    """Fetch, add or complete, and print the record, the disagreements and what was done."""
    from scholarcli.library.adding import add_fetched
    from scholarcli.library.fetching import make_client

    with make_client() as client:
        added = add_fetched(root, identifier, client, given, key, update, dry_run)
    env.out(added.text)
    for field, ours, theirs in added.disagreements:
        fate = "overwritten" if field in added.updated else "kept; --update overwrites it"
        env.say(f"{added.key}: {field} differs: library {_shown(ours)}, {added.source} {_shown(theirs)} ({fate})")
    if added.same is None:
        _say_added(env, added)
        return
    changes = (("filled", added.filled), ("overwrote", added.updated))
    what = "; ".join(f"{verb} {', '.join(fields)}" for verb, fields in changes if fields)
    if dry_run and what:
        what = f"would have {what}; nothing was written"
    env.say(f"{added.relative}: already in the library (same {added.same}): {what or 'nothing to fill'}")


def _shown(value: object) -> str:
    """A field's value in a message: strings quoted, lists as TOML writes them."""
    import json

    return json.dumps(value, ensure_ascii=False, default=str)


def _ask_missing(env: Environment, raw: dict[str, Any]) -> None:
    """Ask for the type, title, authors, year and venue not given, on a terminal; else say what is missing."""
    if not env.stdin_is_terminal:
        missing = " and ".join(name for name, field in (("--type", "type"), ("--title", "title")) if raw[field] is None)
        raise ScholarError(f"add needs {missing} (or run it in a terminal to be asked)")
    raw["type"] = raw["type"] or _ask(f"Type ({', '.join(WORK_TYPES)})", "inproceedings")
    raw["title"] = raw["title"] or _ask("Title")
    if not raw["authors"]:
        answer = _ask("Authors, separated by ';' (empty for none)")
        raw["authors"] = [name.strip() for name in answer.split(";") if name.strip()]
    if raw["year"] is None:
        answer = _ask("Year (empty if unknown)")
        raw["year"] = int(answer) if answer.isdigit() else None
    raw["venue"] = raw["venue"] or _ask("Venue (empty for none)") or None


def rm(
    ctx: typer.Context,
    keys: Annotated[list[str], typer.Argument(help="Keys of the works to remove.", autocompletion=completion.keys)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove works (asks first unless --yes).

    Example:

        scholar rm sengupta2025prunenet --yes
    """
    from scholarcli.library.removing import remove_works
    from scholarcli.library.writing import writable

    library_dir, env = state(ctx)
    library = writable(read_library(env, library_dir))
    works = [library.get(key) for key in dict.fromkeys(keys)]
    if not yes:
        if not env.stdin_is_terminal:
            raise ScholarError("rm asks before removing; pass --yes to remove without asking")
        listed = ", ".join(work.key for work in works)
        if not typer.confirm(f"Remove {len(works)} work{'s' if len(works) != 1 else ''} ({listed})?", err=True):
            raise ScholarError("nothing was removed")
    for relative in remove_works(library.root, [work.key for work in works]):
        env.say(f"removed {relative}")


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
    from scholarcli.library.editing import save_edit
    from scholarcli.library.writing import writable

    library_dir, env = state(ctx)
    library = writable(read_library(env, library_dir))
    work = library.get(key)
    original = (library.root / library.paths[key]).read_text(encoding="utf-8")
    edited = _edit_until_valid(env, library, key, original)
    if edited is None:
        env.say(f"no changes to {key}")
        return
    relative = save_edit(library, key, original, edited)
    env.say(f"saved {relative}" + ("" if edited != work else " (unchanged)"))


def _editor() -> tuple[str, list[str]]:
    """The editor as the user named it, and as a command line."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return editor, shlex.split(editor)
    except ValueError as error:  # an unclosed quote, say
        raise ScholarError(f"cannot run the editor {editor!r}: {error}") from None


def _edit_until_valid(env: Environment, library: Library, key: str, original: str) -> Work | None:
    """The edited work once the user's text is valid; None when they changed nothing."""
    from scholarcli.library.editing import parse_edit

    editor, command = _editor()
    with tempfile.TemporaryDirectory(prefix="scholar-edit-") as scratch:
        draft = Path(scratch) / f"{key}.toml"
        draft.write_text(original, encoding="utf-8")
        while True:
            try:
                finished = subprocess.run([*command, str(draft)], check=False)
            except OSError as error:
                raise ScholarError(f"cannot run the editor {editor!r}: {error.strerror or error}") from None
            if finished.returncode != 0:
                raise ScholarError(f"the editor exited with status {finished.returncode}; {key} was not changed")
            text = draft.read_text(encoding="utf-8", errors="replace")
            if text == original:
                return None
            edited, problems = parse_edit(library, key, text)
            if edited is not None:
                return edited
            for problem in problems:
                env.error(problem)
            if not (env.stdin_is_terminal and typer.confirm("Edit again?", default=True, err=True)):
                raise ScholarError(f"the edit was abandoned; {key} was not changed")
