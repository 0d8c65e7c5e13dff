"""Remembered export entries: each work's rendered BibTeX or BibLaTeX, kept between exports.

An export renders each work's entry from the work, the settings and the options alone; what it
rendered is kept per format, keyed by the scanned line of the work's file (so by its path and
stat signature), under a key naming everything else the text depends on, scholar's code included.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from scholarcli.index.location import dump, opened, path_for

Rendered = tuple[str, tuple[str, ...]]  # an entry's text and the warnings about it


def _path(resolved: Path, fmt: str) -> Path:
    return path_for(resolved).with_suffix(f".{fmt}.pickle")


def read(resolved: Path, fmt: str, key: tuple[object, ...]) -> dict[str, Rendered]:
    try:
        with opened(_path(resolved, fmt)) as handle:
            stored = pickle.load(handle)
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key and isinstance(stored[1], dict):
            renders: dict[str, Rendered] = stored[1]
            return renders
    except Exception:  # as with the index: anything unreadable is simply rendered again
        pass
    return {}


def write(resolved: Path, fmt: str, key: tuple[object, ...], renders: dict[str, Rendered]) -> None:
    dump(_path(resolved, fmt), (key, renders))
