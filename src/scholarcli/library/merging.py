"""`merge KEEP OTHER`: two records of one work made one, by the user's choice.

KEEP's record takes every field OTHER has and KEEP lacks; where both have a field and disagree,
KEEP's value stays (OTHER's with ``prefer_other``), and the report names each value that was
dropped. OTHER's key (and its own other keys) become other keys of KEEP (``ids``), so that a
document citing OTHER still finds the work, and OTHER's record file is removed. Fields that only
make sense together (authors with their marks, year, month and day, venue and track, type
and BibTeX type) are taken whole from one record.
"""

from __future__ import annotations

from pathlib import Path

from scholarcli.errors import InvalidRecord, ScholarError
from scholarcli.library.writing import locked
from scholarcli.model import Work
from scholarcli.model.duplicates import compare, fields, merged_record
from scholarcli.model.named_tuple import NamedTuple


class Conflict(NamedTuple):
    """A field both records have, with the value the merged record keeps and the one it drops."""

    field: str
    kept: object  # None: the merged record has no such field (its group came from the other record)
    dropped: object
    dropped_from: str  # the key of the record whose value was dropped


class MergeReport(NamedTuple):
    merged: Work  # KEEP's record as it is (or, with dry_run, would be) written
    other: str  # OTHER's key, now one of the merged record's other keys
    added: list[str]  # OTHER's fields that KEEP lacked
    conflicts: list[Conflict]
    written: str | None  # the record file written, relative to the root; None on a dry run
    removed: str | None  # OTHER's record file, removed; None on a dry run


def merge_works(root: Path, keep: str, other: str, prefer_other: bool = False, dry_run: bool = False) -> MergeReport:
    """Merge the record ``other`` into ``keep`` (validated before anything is written)."""
    from scholarcli.model.validate import work_from_record
    from scholarcli.store.records import remove, save

    if keep == other:
        raise ScholarError(f'cannot merge "{keep}" into itself; name two works')
    with locked(root) as library:
        kept, dropped = library.get(keep), library.get(other)
        comparison = compare(kept, dropped)
        winner, loser = (fields(dropped), fields(kept)) if prefer_other else (fields(kept), fields(dropped))
        loser_key = keep if prefer_other else other
        conflicts = [
            Conflict(name, winner.get(name), loser[name], loser_key) for name in comparison.conflicts if name in loser
        ]
        relative = library.paths[keep]
        record = merged_record(kept, dropped, prefer_other)
        merged, problems = work_from_record(keep, record, relative, library.known)
        if merged is None:
            raise InvalidRecord(problems)
        if dry_run:
            return MergeReport(merged, other, comparison.added, conflicts, None, None)
        save(root, relative, merged, library.known, overwrite=True)
        remove(root, library.paths[other])
        return MergeReport(merged, other, comparison.added, conflicts, relative, library.paths[other])
