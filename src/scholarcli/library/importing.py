"""`import`: every entry of a BibTeX, BibLaTeX, RIS or CSL-JSON text as a record; duplicates skipped,
nothing lost.

A failure on one entry never stops the others; a failure that stops the import (the disk full,
say) still leaves whole records and a report of what was imported before it.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from scholarcli.errors import InvalidRecord, Problem, ScholarError, WriteFailed
from scholarcli.index import Library
from scholarcli.library.marks import declare_marks
from scholarcli.library.venues import link_imported
from scholarcli.library.writing import formula_key, locked
from scholarcli.model import Mark, Work
from scholarcli.model.duplicates import DuplicateIndex, aliases, compare, same_title, with_alias
from scholarcli.model.keys import unique_key
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.validate import is_valid_key, work_from_record
from scholarcli.store.fileio import interrupts_deferred
from scholarcli.store.records import new_record_path, save

_NAMED_FIELDS = 6  # fields a note names before "and N more"

# Write failures that every later record would meet too: the import stops (and says what it did).
_STOPPING = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO})


class Skipped(NamedTuple):
    """An entry not imported: the library has it already."""

    key: str
    existing: str
    same: str  # what they share: key, doi, arxiv, title, ...
    dropped: tuple[str, ...] = ()  # the entry's fields the record lacks or says otherwise
    earlier: bool = False  # the record is an earlier entry of the same import, which it repeats


class Note(NamedTuple):
    """Something the user should know about an imported entry (a new key, a field kept as is)."""

    key: str
    text: str


class ImportReport(NamedTuple):
    added: list[str]  # the new keys, in file order
    log: list[Skipped | Note]  # in file order
    problems: list[Problem]
    stopped: str | None = None  # why the import stopped before the end, if it did
    interrupted: bool = False  # the user stopped it (Ctrl-C): what it wrote before is all here
    failed: int = 0  # entries not imported for a problem (each named among the problems)
    unreached: int = 0  # entries an interrupt or a stop left unread
    # Kinds of marks the names carried that library.toml did not declare, declared there by the import.
    declared: Mapping[str, Mark] = {}

    @property
    def skipped(self) -> int:
        return sum(isinstance(item, Skipped) for item in self.log)

    @property
    def entries(self) -> int:
        """Every entry of the file: each was imported, skipped, failed, or left unread by a stop."""
        return len(self.added) + self.skipped + self.failed + self.unreached


class Entry(NamedTuple):
    """A record to import: how messages name it, the key it asks for (None: the key formula's), notes."""

    name: str
    key: str | None
    record: dict[str, Any]
    notes: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()  # what the entry holds that no record can (a misread author list)


class _Batch:
    """One import under the library's lock: what is taken, what is known, what happened."""

    def __init__(self, library: Library, source: str, allow_duplicates: bool) -> None:
        self.library, self.source, self.allow_duplicates = library, source, allow_duplicates
        self.taken = set(library.paths)
        self.taken_paths = set(library.paths.values())
        self.index = DuplicateIndex.of(library.works)
        self.taken |= {alias for work in library.works for alias in aliases(work)}
        self.saved: dict[str, tuple[Work, str]] = {}  # key -> work and path, of records written here
        self.report = ImportReport([], [], [])
        self.failed = 0
        self.new_keys: set[str] = set()  # the records this import made (not those it gave an alias)

    def key_for(self, entry: Entry) -> tuple[str, str | None]:
        """The key the entry gets, and a note when it is not the one it asked for."""
        if entry.key is None:
            return formula_key(entry.record, self.taken), None
        if is_valid_key(entry.key):
            return entry.key, None
        key = formula_key(entry.record, self.taken)  # a key we made: a clash means another work
        return key, f'the key "{entry.key}" is not one bibtex and biber accept; it became "{key}"'

    def work_for(self, entry: Entry) -> Work | None:
        """The entry as a work under the key it will have, or None (a problem or a duplicate)."""
        key, renamed = self.key_for(entry)
        where = f"{self.source}: {entry.name}"
        work, problems = work_from_record(key, entry.record, where, self.library.known)
        if work is None:
            self.report.problems.extend(problems)
            self.failed += 1
            return None
        self.report.problems.extend(Problem(where, "", text) for text in entry.problems)
        twin = self.index.find(work)
        if twin and twin[1] != "key" and self._another_part(work, self.work(twin[0])):
            # a DOI or arXiv id shared by a chapter and its book, say: both kept
            self.report.log.append(Note(entry.name, f'shares its {twin[1]} with "{twin[0]}", under another title'))
            twin = None
        if twin and twin[1] != "key" and twin[0] in self.new_keys:
            twin = self._same_file_twin(work, entry, twin)
        if twin and (not self.allow_duplicates or twin[1] == "key"):
            comparison = compare(self.work(twin[0]), work)
            dropped = (*comparison.added, *comparison.conflicts)
            self.report.log.append(Skipped(entry.name, *twin, dropped, twin[0] in self.new_keys))
            if twin[1] != "key" and entry.key == key:  # the entry's own key: keep it working
                self.merge(key, twin[0], entry)
            return None
        if key in self.taken:  # a different work under the same key
            fresh = unique_key(key, self.taken)
            renamed = f'the key "{key}" is taken by another work; it became "{fresh}"'
            work = work._replace(key=fresh)
        self.report.log.extend(Note(entry.name, text) for text in [*entry.notes, *([renamed] if renamed else [])])
        return work

    def _same_file_twin(self, work: Work, entry: Entry, twin: tuple[str, str]) -> tuple[str, str] | None:
        """An earlier entry of the same file that looks like the same work is that work only when
        this one adds nothing to it (every field the same, or one it has too): otherwise both are
        kept, and the user may merge them."""
        comparison = compare(self.work(twin[0]), work)
        if not comparison.added and not comparison.conflicts:
            return twin
        differing = [*comparison.conflicts, *comparison.added]
        named = ", ".join(differing[:_NAMED_FIELDS])
        more = f" and {len(differing) - _NAMED_FIELDS} more" if len(differing) > _NAMED_FIELDS else ""
        self.report.log.append(
            Note(
                entry.name,
                f'looks like "{twin[0]}" (same {twin[1]}) but differs in {named}{more};'
                f" kept as a work of its own (scholar merge {twin[0]} {work.key} makes them one)",
            )
        )
        return None

    @staticmethod
    def _another_part(work: Work, other: Work) -> bool:
        """Whether two works that share an identifier are parts of one publication, not one work:
        another title and another type (a chapter and its book, an article and its issue)."""
        return work.type != other.type and not same_title(work, other)

    def work(self, key: str) -> Work:
        return self.saved[key][0] if key in self.saved else self.library.get(key)

    def merge(self, alias: str, key: str, entry: Entry) -> None:
        """Keep ``alias`` working as another key of the record ``key`` (biblatex's ``ids``)."""
        if alias in self.taken:
            return
        work, relative = self.saved.get(key) or (self.work(key), self.library.paths[key])
        merged = with_alias(work, alias)
        try:
            save(self.library.root, relative, merged, self.library.known, overwrite=True, durable=False)
        except (InvalidRecord, WriteFailed) as error:
            self.report.problems.append(Problem(f"{self.source}: {entry.name}", "", str(error)))
            return
        self.saved[key] = (merged, relative)
        self.taken.add(alias)
        self.index.add(merged)
        self.report.log.append(Note(alias, f'merged into "{key}", which keeps "{alias}" as another key (ids)'))

    def save(self, work: Work, entry: Entry) -> None:
        relative = new_record_path(work.type, work.key, self.taken_paths)
        try:
            save(self.library.root, relative, work, self.library.known, durable=False)
        except InvalidRecord as error:
            self.report.problems.extend(error.problems)
            self.failed += 1
            return
        except WriteFailed as error:
            if error.errno in _STOPPING:
                raise
            self.report.problems.append(Problem(f"{self.source}: {entry.name}", "", str(error)))
            self.failed += 1
            return
        self.taken.add(work.key)
        self.taken_paths.add(relative)
        self.saved[work.key] = (work, relative)
        self.index.add(work)
        self.new_keys.add(work.key)
        self.report.added.append(work.key)


def import_records(
    library: Library,
    entries: Sequence[Entry],
    source: str,
    allow_duplicates: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import records (from ``source``, as problems name it) into a library whose lock is held.

    A failure on one record never stops the others; a failure every later record would meet too
    (the disk full, say) stops the import, and the report says what was imported before it. So
    does an interrupt, which is held while a record is written and entered in the report.
    """
    batch = _Batch(library, source, allow_duplicates)
    done = 0  # entries read to the end (written, skipped or failed)
    try:
        for number, entry in enumerate(entries, start=1):
            if progress:
                progress(number, len(entries))
            with interrupts_deferred():
                work = batch.work_for(entry)
                if work is not None:
                    batch.save(work, entry)
                done = number
    except ScholarError as error:  # the disk full, say: what was written is whole, and reported
        return batch.report._replace(stopped=str(error), failed=batch.failed, unreached=len(entries) - done)
    except KeyboardInterrupt:
        return batch.report._replace(interrupted=True, failed=batch.failed, unreached=len(entries) - done)
    finally:
        os.sync()  # one flush for the whole import instead of one per record
    return batch.report._replace(failed=batch.failed)


def import_entries(
    root: Path,
    text: str,
    source: str,
    allow_duplicates: bool = False,
    progress: Callable[[int, int], None] | None = None,
    kind: str | None = None,
) -> ImportReport:
    """Import every entry of ``text`` (named ``source`` in problems) into the library at ``root``.

    ``kind`` is the format (formats.inputs.INPUT_FORMATS); None tells it by the text. A text with no
    entry of it, nor a block that tried to be one, is an error: nothing was imported.
    """
    from scholarcli.formats.inputs import LONG_NAMES, READABLE, reader, sniff

    found = kind or sniff(text)
    if found is None:
        raise ScholarError(f"{source}: no entries found (scholar imports {READABLE})")
    with locked(root) as library:
        parsed = reader(found)(text, source, library.settings)
        if not parsed.entries and not parsed.problems:
            raise ScholarError(f"{source}: no entries found (read as {LONG_NAMES[found]})")
        if parsed.new_marks:  # symbols in names library.toml does not declare: declared there first
            library = library._replace(settings=declare_marks(library, parsed.new_marks))
        link_imported(parsed.entries, library.settings)  # venue texts that name a registry venue
        entries = [
            Entry(e.name or e.key, e.key or None, e.record, tuple(e.notes), tuple(e.problems)) for e in parsed.entries
        ]
        report = import_records(library, entries, source, allow_duplicates, progress)
    problems = [*parsed.problems, *report.problems]
    return report._replace(problems=problems, failed=report.failed + parsed.unread, declared=parsed.new_marks)
