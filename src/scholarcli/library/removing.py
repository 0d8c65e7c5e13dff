"""`rm`: remove works by key; every key must name a work."""

from __future__ import annotations

from pathlib import Path

from scholarcli.errors import UnknownKey
from scholarcli.index import unknown_key_message
from scholarcli.library.writing import locked
from scholarcli.store.records import remove


def remove_works(root: Path, keys: list[str]) -> list[str]:
    """Delete the records of ``keys`` (all must exist, or nothing is removed); the paths removed."""
    with locked(root) as library:
        missing = [key for key in keys if key not in library.paths]
        if missing:
            raise UnknownKey(unknown_key_message(missing[0], list(library.paths)))
        for key in keys:
            remove(root, library.paths[key])
        return [library.paths[key] for key in keys]
