"""Remembered export entries: each work's rendered BibTeX or BibLaTeX, kept between exports.

An export renders each work's entry from the work, the settings and the options alone; what it
rendered is kept per format, keyed by the scanned line of the work's file (so by its path and
stat signature), under a key naming everything else the text depends on, scholar's code included.
The export (library/exporting.py) asks a Remembered for each work's entry and gives it those it rendered.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Mapping
from pathlib import Path

from scholarcli.index.location import dump, opened, path_for
from scholarcli.index.scanning import ScannedFile

Rendered = tuple[str, tuple[str, ...]]  # an entry's text and the warnings about it


class Remembered:
    """One format's entries of a library remembered under one key, read once: ``get`` a work's
    entry by its file's line, ``put`` one rendered, ``save`` what was put (once, at the end).
    ``prepared``: entries a read rendered while it parsed (index.load's ``prepare``), not yet saved."""

    def __init__(
        self, resolved: Path, fmt: str, key: tuple[object, ...], prepared: Mapping[ScannedFile, Rendered]
    ) -> None:
        self.resolved, self.fmt, self.key = resolved, fmt, key
        self.stored = read(resolved, fmt, key)
        self.prepared = prepared
        self.new: dict[ScannedFile, Rendered] = {}

    def get(self, line: ScannedFile) -> Rendered | None:
        return self.stored.get(line) or self.prepared.get(line)

    def put(self, line: ScannedFile, entry: Rendered) -> None:
        if line not in self.stored:
            self.new[line] = entry

    def save(self, current: Iterable[ScannedFile]) -> None:
        """Write back what was put, with the entries of the files still ``current`` (of those
        that changed or went away, none); nothing when nothing was put."""
        if self.new:
            still = set(current)
            kept = {line: entry for line, entry in self.stored.items() if line in still}
            write(self.resolved, self.fmt, self.key, kept | self.new if kept else self.new)


def _path(resolved: Path, fmt: str) -> Path:
    return path_for(resolved).with_suffix(f".{fmt}.pickle")


def read(resolved: Path, fmt: str, key: tuple[object, ...]) -> dict[ScannedFile, Rendered]:
    try:
        with opened(_path(resolved, fmt)) as handle:
            stored = pickle.load(handle)
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key and isinstance(stored[1], dict):
            renders: dict[ScannedFile, Rendered] = stored[1]
            return renders
    except Exception:  # as with the index: anything unreadable is simply rendered again
        pass
    return {}


def write(resolved: Path, fmt: str, key: tuple[object, ...], renders: dict[ScannedFile, Rendered]) -> None:
    dump(_path(resolved, fmt), (key, renders))
