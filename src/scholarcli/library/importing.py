"""`import`: every entry of a BibTeX or BibLaTeX text as a record; duplicates skipped, nothing lost.

A failure on one entry never stops the others; a failure that stops the import (the disk full,
say) still leaves whole records and a report of what was imported before it.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scholarcli.errors import InvalidRecord, Problem, ScholarError, WriteFailed
from scholarcli.formats.bib_reading import Converted, parse
from scholarcli.index import Library
from scholarcli.library.writing import locked
from scholarcli.model import Work
from scholarcli.model.duplicates import DuplicateIndex
from scholarcli.model.keys import base_key, unique_key
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.validate import is_valid_key, work_from_record
from scholarcli.store.records import new_record_path, save

# Write failures that every later record would meet too: the import stops (and says what it did).
_STOPPING = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO})


class Skipped(NamedTuple):
    """An entry not imported: the library has it already."""

    key: str
    existing: str
    same: str  # what they share: key, doi, arxiv, title, ...


class Note(NamedTuple):
    """Something the user should know about an imported entry (a new key, a field kept as is)."""

    key: str
    text: str


class ImportReport(NamedTuple):
    added: list[str]  # the new keys, in file order
    log: list[Skipped | Note]  # in file order
    problems: list[Problem]
    stopped: str | None = None  # why the import stopped before the end, if it did

    @property
    def skipped(self) -> int:
        return sum(isinstance(item, Skipped) for item in self.log)


def safe_key(key: str, record: dict[str, Any]) -> tuple[str, bool]:
    """The entry's own key, kept exactly, if bibtex and biber accept it; else one by the key formula (and True)."""
    if is_valid_key(key):
        return key, False
    made = base_key(
        record["title"], record.get("authors", []), record.get("year"), record.get("number"), record["type"] == "patent"
    )
    return made, True


class _Batch:
    """One import under the library's lock: what is taken, what is known, what happened."""

    def __init__(self, library: Library, source: str, allow_duplicates: bool) -> None:
        self.library, self.source, self.allow_duplicates = library, source, allow_duplicates
        self.taken = set(library.paths)
        self.taken_paths = set(library.paths.values())
        self.index = DuplicateIndex.of(library.works)
        self.report = ImportReport([], [], [])

    def work_for(self, entry: Converted) -> Work | None:
        """The entry as a work under the key it will have, or None (a problem or a duplicate)."""
        key, made = safe_key(entry.key, entry.record)
        renamed = None
        if made:  # a key we made: a clash means another work, not a duplicate
            key = unique_key(key, self.taken)
            renamed = f'the key "{entry.key}" is not one bibtex and biber accept; it became "{key}"'
        where = f"{self.source}: {entry.key}"
        work, problems = work_from_record(key, entry.record, where, self.library.known_people)
        if work is None:
            self.report.problems.extend(problems)
            return None
        twin = self.index.find(work)
        if twin and (not self.allow_duplicates or twin[1] == "key"):
            self.report.log.append(Skipped(entry.key, *twin))
            return None
        if key in self.taken:  # a different work under the same key
            fresh = unique_key(key, self.taken)
            renamed = f'the key "{key}" is taken by another work; it became "{fresh}"'
            work = work._replace(key=fresh)
        self.report.log.extend(Note(entry.key, text) for text in [*entry.notes, *([renamed] if renamed else [])])
        return work

    def save(self, work: Work, entry: Converted) -> None:
        relative = new_record_path(work.type, work.key, self.taken_paths)
        try:
            save(self.library.root, relative, work, self.library.known_people, durable=False)
        except InvalidRecord as error:
            self.report.problems.extend(error.problems)
            return
        except WriteFailed as error:
            if error.errno in _STOPPING:
                raise
            self.report.problems.append(Problem(f"{self.source}: {entry.key}", "", str(error)))
            return
        self.taken.add(work.key)
        self.taken_paths.add(relative)
        self.index.add(work)
        self.report.added.append(work.key)


def import_entries(
    root: Path,
    text: str,
    source: str,
    allow_duplicates: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import every entry of the .bib ``text`` (named ``source`` in problems) into the library at ``root``."""
    with locked(root) as library:
        parsed = parse(text, source, library.settings)
        batch = _Batch(library, source, allow_duplicates)
        batch.report.problems.extend(parsed.problems)
        try:
            for number, entry in enumerate(parsed.entries, start=1):
                if progress:
                    progress(number, len(parsed.entries))
                work = batch.work_for(entry)
                if work is not None:
                    batch.save(work, entry)
        except ScholarError as error:  # the disk full, say: what was written is whole, and reported
            return batch.report._replace(stopped=str(error))
        finally:
            os.sync()  # one flush for the whole import instead of one per record
    return batch.report
