"""The index's shards: parsed records kept by slices of the library, so a command does not parse 10,000 TOML files.

The TOML files are always the truth. The cache holds the list of record files with the stat
signature each was read at (modification time in ns, size, inode), and what validating each gave:
its Work, or the file's problems. It is kept in shards of SHARD_SIZE files in scan order, one
cache file each. When a fresh scan's slice equals a shard's list, which one comparison tells,
nothing in it is parsed; otherwise a file whose signature differs is read again (as is a file
changed too recently to trust its signature, see index.RACY_NS), a file no longer there is
dropped and a new one is read, and only the shards that changed are written (an edited record
rewrites one shard, not the whole index). library.toml's bytes, the record fields and the cache
format are part of the key, so a change to any of them rebuilds everything. A cache that cannot
be read, for any reason, is rebuilt silently. It lives in the user's cache directory, never in
the library (which is often a git repository).

On disk the valid works' values are stored by field, one pickled column each, so that a command
unpickles only the fields it reads (a listing needs about half of them) and a field no work of
the shard sets costs nothing. Abstracts are most of a library's text and a listing shows none,
so their column follows the rest as a second pickle, which only a command that wants it reads.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Collection, Iterable, Sequence
from itertools import repeat
from pathlib import Path

from scholarcli import __version__
from scholarcli.errors import Problem
from scholarcli.index.location import dump, opened, path_for, remove
from scholarcli.index.scanning import ScannedFile
from scholarcli.model import Settings, Work
from scholarcli.model.named_tuple import NamedTuple

FORMAT = 9
# The bundled venue registry (scholarcli.venues.REGISTRY, not imported here: that costs a command
# which reads no venue): a shard keeps the registry entries of its works' venues (see index).
VENUE_REGISTRY = Path(__file__).resolve().parents[1] / "venues" / "registry.tsv"
SHARD_SIZE = 1000  # record files a cache file holds
# What one record file gave: its work (stored as columns of plain values, see above), or its
# problems as (path, field, message).
ProblemRow = tuple[str, str, str]
Row = Work | list[ProblemRow]


class Shard(NamedTuple):
    """A slice of the library as the cache last saw it.

    ``files`` are the scanned files (path and stat signature) and ``rows`` what each gave; the
    rest is what a command uses, worked out once: where the valid works are among the rows, each
    key's path, and the problems (duplicate keys included).
    """

    key: tuple[object, ...]
    settings: Settings
    files: list[ScannedFile]
    rows: list[Row]
    listed: list[int]  # the indices of the rows of valid works, in order
    paths: dict[str, str]
    problems: list[ProblemRow]


def key_for(resolved: Path, settings_bytes: bytes) -> tuple[object, ...]:
    """What a cache must have been written under to be used: format, version, the fields of the
    works and settings it stores (a pickled named tuple of other fields would be read into the wrong
    ones), library, settings, and the bundled venue registry's signature (a rebuilt registry names
    venues anew)."""
    try:
        registry = VENUE_REGISTRY.stat()
        signature: tuple[int, int] | None = (registry.st_mtime_ns, registry.st_size)
    except OSError:
        signature = None
    return (FORMAT, __version__, Work._fields, Settings._fields, str(resolved), settings_bytes, signature)


# Fields whose values repeat across records (the library's own people, venues, types): interned,
# pickle stores each distinct value once, and loading makes one object instead of thousands.
_SHARED = frozenset(
    ("type", "venue", "track", "status", "publisher", "authors", "equal_contribution", "people", "categories")
)
_SHARED_AT = tuple(at for at, name in enumerate(Work._fields) if name in _SHARED)


_ABSTRACT = Work._fields.index("abstract")
# What a row holds for a field that was not read, or that no work of the shard sets.
_UNSET = tuple(Work._field_defaults.get(name) for name in Work._fields)


def pack(result: Work | list[Problem]) -> Row:
    if isinstance(result, Work):
        values: list[object] = list(result)
        for at in _SHARED_AT:  # interned here, not in a function: a call for each of nine fields cost 2 us a record
            value = values[at]
            if type(value) is str:
                values[at] = sys.intern(value)
            elif type(value) is tuple and value:
                values[at] = tuple(map(sys.intern, value))
        return tuple.__new__(Work, values)  # as Work._make, less its length check
    return [(problem.path, problem.field, problem.message) for problem in result]


def shard_path(resolved: Path, index: int) -> Path:
    return path_for(resolved).with_suffix(f".{index}.pickle")


def read(resolved: Path, key: tuple[object, ...], index: int, fields: Collection[str] | None = None) -> Shard | None:
    """The stored shard ``index`` of this library under this key, or None when there is no usable one.

    With ``fields`` only those are read: the valid works' rows hold their fields' defaults for
    the others, fit for a command that reads no other (see index.load_listing).
    """
    try:
        with opened(shard_path(resolved, index)) as handle:
            stored = pickle.load(handle)
            if not (isinstance(stored, tuple) and len(stored) == 8 and stored[0] == key):
                return None
            _, settings, files, listed, paths, problems, others, columns = stored
            if len(listed) + len(others) != len(files):
                return None
            values: list[Iterable[object]] = []
            for name, unset in zip(Work._fields, _UNSET, strict=True):
                if fields is not None and name not in fields:
                    values.append(repeat(unset))
                elif name == "abstract":
                    abstracts = pickle.load(handle)
                    values.append(repeat(None) if abstracts is None else abstracts)
                else:
                    values.append(pickle.loads(columns[name]) if name in columns else repeat(unset))
            rows: list[Row] = [others.get(at, []) for at in range(len(files))]
            # The key column is always stored, so the inner zip ends with the listed works. And
            # tuple.__new__ is what Work._make calls, less its length check (the key holds the
            # fields): half the cost for 10,000 works.
            made = map(tuple.__new__, repeat(Work), zip(*values, strict=False))
            for at, work in zip(listed, made, strict=True):
                rows[at] = work
            return Shard(key, settings, files, rows, listed, paths, problems)
    except Exception:  # any unreadable cache is simply rebuilt from the TOML files
        return None


def works_at(rows: list[Row], listed: list[int]) -> list[Work]:
    """The rows at ``listed``, which a shard's listing says are works."""
    return [rows[at] for at in listed]  # type: ignore[misc]


def write(resolved: Path, index: int, shard: Shard) -> bool:
    """Save a shard atomically, by column (see above); False when it could not be written."""
    listed = set(shard.listed)
    others = {at: row for at, row in enumerate(shard.rows) if at not in listed}
    valid = works_at(shard.rows, shard.listed)
    columns: dict[str, bytes] = {}
    abstracts: Sequence[object] | None = None
    by_field: Iterable[Sequence[object]] = zip(*valid, strict=True) if valid else repeat(())
    for column, name, unset in zip(by_field, Work._fields, _UNSET, strict=False):
        if name != "key" and column.count(unset) == len(column) and set(map(type, column)) <= {type(unset)}:
            continue  # as a read of the shard puts back
        if name == "abstract":
            abstracts = column
        else:
            columns[name] = pickle.dumps(column, protocol=pickle.HIGHEST_PROTOCOL)
    header = (shard.key, shard.settings, shard.files, shard.listed, shard.paths, shard.problems, others, columns)
    return dump(shard_path(resolved, index), header, abstracts)


def drop_from(resolved: Path, index: int) -> None:
    """Remove the shards from ``index`` on, left from a time the library had more files."""
    while remove(shard_path(resolved, index)):
        index += 1
