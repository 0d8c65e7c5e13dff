"""`add`: one new work, keyed by the key formula unless a key is given, refused if it is already there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scholarcli.errors import ScholarError
from scholarcli.library.writing import formula_key, locked, validated_work
from scholarcli.model.duplicates import DuplicateIndex
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.store.records import new_record_path, save


class Added(NamedTuple):
    key: str
    relative: str  # the new record's path from the library root


def add_work(root: Path, raw: dict[str, Any], key: str | None = None) -> Added:
    """Write the work ``raw`` describes (record fields; empty values left out) as a new record."""
    raw = {name: value for name, value in raw.items() if value not in (None, [], "")}
    with locked(root) as library:
        if key and key in library.paths:
            raise ScholarError(f'the key "{key}" is already used; nothing was changed')
        work = validated_work(library, key or formula_key(raw, library.paths), raw)
        twin = DuplicateIndex.of(library.works).find(work)
        if twin:
            raise ScholarError(f"this work is already in the library as {twin[0]} (same {twin[1]}); nothing was added")
        relative = new_record_path(work.type, work.key, set(library.paths.values()))
        save(root, relative, work, library.known_people)
    return Added(work.key, relative)
