"""What every writing operation shares: a writable library, read once inside its lock."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from scholarcli.errors import InvalidRecord, ScholarError
from scholarcli.index import Library, load
from scholarcli.model import Work
from scholarcli.model.keys import base_key, unique_key
from scholarcli.store.locate import locate, sample_explained
from scholarcli.store.records import new_record_path, write_lock


def writable_root(explicit: Path | None) -> Path:
    """The chosen library's folder; an error for the read-only bundled sample."""
    root, read_only = locate(explicit)
    if read_only:
        raise ScholarError(sample_explained())
    return root


def writable(library: Library) -> Library:
    if library.read_only:
        raise ScholarError(sample_explained())
    return library


@contextmanager
def locked(root: Path) -> Iterator[Library]:
    """The library as it is on disk now, read inside its lock, which is held for the block.

    Read inside the lock because another process may just have written a record.
    """
    from scholarcli.store.fileio import remove_stale_temp_files

    with write_lock(root):
        remove_stale_temp_files(root)  # left by a writer that was killed
        yield load(root)


def validated_work(library: Library, key: str, raw: dict[str, Any], where: str | None = None) -> Work:
    """The work ``raw`` describes under ``key``; InvalidRecord naming every problem."""
    from scholarcli.model.validate import work_from_record

    location = where or new_record_path(str(raw.get("type")), key, set(library.paths.values()))
    work, problems = work_from_record(key, raw, location, library.known)
    if work is None:
        raise InvalidRecord(problems)
    return work


def formula_key(record: Mapping[str, Any], taken: Collection[str]) -> str:
    """The key the key formula gives a record (family name, year, first title word), free among ``taken``."""
    authors = record.get("authors") or []
    patent = record.get("type") == "patent"
    made = base_key(str(record.get("title") or ""), list(authors), record.get("year"), record.get("number"), patent)
    return unique_key(made, taken)
