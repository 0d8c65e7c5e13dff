"""`add`: one new work, typed in or fetched by identifier, keyed by the key formula unless a key is given.

A typed work already in the library is refused. A fetched one completes the library's record instead:
the fields it lacks are filled, the fields that disagree are listed (and overwritten with ``update``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scholarcli.errors import ScholarError
from scholarcli.index import Library, load
from scholarcli.library.venues import recognise_venue
from scholarcli.library.writing import formula_key, locked, validated_work
from scholarcli.model import Work
from scholarcli.model.duplicates import DuplicateIndex, same_arxiv
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.store.records import new_record_path, record_text, save, validated

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client


class Disagreement(NamedTuple):
    """A field the library's record and the fetched record give different values."""

    field: str
    library: object
    fetched: object


class Added(NamedTuple):
    key: str
    relative: str  # the record's path from the library root
    text: str  # the record's canonical text, as written (on a dry run: as it would be written)
    written: bool = True
    same: str | None = None  # a work already in the library: what it shares with the fetched one
    filled: tuple[str, ...] = ()  # fields the library's record lacked, taken from the fetched one
    updated: tuple[str, ...] = ()  # fields that disagreed, overwritten (update)
    disagreements: tuple[Disagreement, ...] = ()
    source: str = ""  # the service that answered, for a fetched work


@contextmanager
def _opened(root: Path, dry_run: bool) -> Iterator[Library]:
    """The library inside its lock; a dry run only reads it, and leaves no lock file behind."""
    if dry_run:
        yield load(root)
        return
    with locked(root) as library:
        yield library


def _new(library: Library, work: Work, dry_run: bool) -> Added:
    relative = new_record_path(work.type, work.key, set(library.paths.values()))
    text = validated(work, relative, library.known)
    if not dry_run:
        save(library.root, relative, work, library.known)
    return Added(work.key, relative, text, written=not dry_run)


def _check_key(library: Library, key: str | None) -> None:
    if key and key in library.paths:
        raise ScholarError(f'the key "{key}" is already used; nothing was changed')


def add_work(root: Path, raw: dict[str, Any], key: str | None = None, dry_run: bool = False) -> Added:
    """Write the work ``raw`` describes (record fields; empty values left out) as a new record."""
    raw = {name: value for name, value in raw.items() if value not in (None, [], "")}
    with _opened(root, dry_run) as library:
        _check_key(library, key)
        work = validated_work(library, key or formula_key(raw, library.paths), raw)
        twin = DuplicateIndex.of(library.works).find(work)
        if twin:
            raise ScholarError(f"this work is already in the library as {twin[0]} (same {twin[1]}); nothing was added")
        return _new(library, work, dry_run)


def _agree(field: str, ours: object, theirs: object) -> bool:
    """Whether two values of a field say the same: DOIs in any case, arXiv ids of any version."""
    if field == "doi" and isinstance(ours, str) and isinstance(theirs, str):
        return ours.strip().casefold() == theirs.strip().casefold()
    if field == "arxiv" and isinstance(ours, str) and isinstance(theirs, str):
        return same_arxiv(ours, theirs)
    return ours == theirs


class _Completion(NamedTuple):
    record: dict[str, Any]
    filled: tuple[str, ...]
    updated: tuple[str, ...]
    disagreements: tuple[Disagreement, ...]


def _completed(existing: Work, fetched: dict[str, Any], update: bool) -> _Completion:
    """The existing record with the fetched fields it lacks (and, with ``update``, those that disagree)."""
    record = existing.to_record()
    filled, updated, disagreements = [], [], []
    for field, value in fetched.items():
        if field not in record:
            filled.append(field)
            record[field] = value
        elif not _agree(field, record[field], value):
            disagreements.append(Disagreement(field, record[field], value))
            if update:
                updated.append(field)
                record[field] = value
    if "authors" in updated and "authors_truncated" not in fetched:
        record.pop("authors_truncated", None)  # the fetched list is whole
    return _Completion(record, tuple(filled), tuple(updated), tuple(disagreements))


def _complete(
    library: Library, existing: Work, fetched: dict[str, Any], same: str, update: bool, dry_run: bool
) -> Added:
    """The library's record of the work, completed from the fetched one, and saved if it changed."""
    done = _completed(existing, fetched, update)
    relative = library.paths[existing.key]
    work = validated_work(library, existing.key, done.record, relative)
    write = bool(done.filled or done.updated) and not dry_run
    if write:
        save(library.root, relative, work, library.known, overwrite=True)
    text = record_text(work)
    return Added(existing.key, relative, text, write, same, done.filled, done.updated, done.disagreements)


def add_fetched(
    root: Path,
    identifier: str,
    client: Client,
    given: dict[str, Any],
    key: str | None = None,
    update: bool = False,
    dry_run: bool = False,
) -> Added:
    """Fetch the work ``identifier`` names and add it, the ``given`` fields overriding the fetched ones.

    A work already in the library (same DOI, arXiv id, or title, year and first author) gets the
    fields its record lacks; fields that disagree are reported, and overwritten with ``update``.
    Nothing is written when anything fails, nor on a dry run.
    """
    from scholarcli.fetch import fetch_work
    from scholarcli.fetch.answers import service_name

    fetched = fetch_work(identifier, client)  # before the lock: no writer waits for the network
    with _opened(root, dry_run) as library:
        record = dict(fetched.record)
        if record.get("venue"):
            record["venue"] = recognise_venue(record["venue"], library.settings)
        record.update({name: value for name, value in given.items() if value not in (None, [], "")})
        work = validated_work(library, formula_key(record, library.paths), record)
        twin = DuplicateIndex.of(library.works).find(work)
        if twin is None:
            _check_key(library, key)
            added = _new(library, work._replace(key=key or work.key), dry_run)
        elif key and key != twin[0]:
            raise ScholarError(
                f"this work is already in the library as {twin[0]} (same {twin[1]}); --key cannot rename it"
            )
        else:
            added = _complete(library, library.get(twin[0]), record, twin[1], update, dry_run)
    return added._replace(source=service_name(fetched.source))
