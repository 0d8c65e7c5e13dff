"""An index of parsed records, so a reading command does not parse 10,000 TOML files.

The TOML files are always the truth. The cache holds, per record file, the stat signature it was
read at (modification time in ns, size, inode) and what validating it gave (a Work or its
problems). A file whose signature differs is read again, a file no longer there is dropped, a new
one is read; library.toml's bytes and the cache format are part of the key, so a change to
either rebuilds everything. A cache that cannot be read, for any reason, is rebuilt silently.
It lives in the user's cache directory, never in the library (which is often a git repository).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from dataclasses import astuple, dataclass, field, fields
from pathlib import Path

from scholarcli import __version__
from scholarcli.errors import Problem
from scholarcli.model import Work

FORMAT = 2
Signature = tuple[int, int, int]  # st_mtime_ns, st_size, st_ino
Entry = tuple[Signature, Work | list[Problem]]
# Stored as plain tuples: unpickling 10,000 dataclass instances takes several times longer than
# unpickling their values and setting them in place.
_Stored = tuple[Signature, tuple[object, ...] | list[tuple[str, str, str]]]
_FIELDS = tuple(f.name for f in fields(Work))


def cache_dir() -> Path:
    if os.environ.get("SCHOLAR_CACHE_DIR"):
        return Path(os.environ["SCHOLAR_CACHE_DIR"])
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "scholar"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "scholar" / "Cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "scholar"


@dataclass
class Index:
    """What the cache holds for one library; ``changed`` says whether it must be written back."""

    key: str
    entries: dict[str, Entry] = field(default_factory=dict)
    changed: bool = False
    # What was read, packed: written back as it is for every entry that did not change.
    stored: dict[str, _Stored] = field(default_factory=dict)


def _path_for(root: Path) -> Path:
    name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
    return cache_dir() / f"{name}.pickle"


def _key(settings_bytes: bytes) -> str:
    return f"{FORMAT}:{__version__}:{hashlib.sha256(settings_bytes).hexdigest()}"


# Fields whose values repeat across records (the library's own people, venues, types): interned,
# pickle stores each distinct value once, and loading makes one object instead of thousands.
_SHARED = {"type", "venue", "track", "status", "publisher", "authors", "equal_contribution", "people", "categories"}


def _shared(value: object) -> object:
    if isinstance(value, str):
        return sys.intern(value)
    if isinstance(value, tuple):
        return tuple(sys.intern(item) if isinstance(item, str) else item for item in value)
    return value


def _pack(result: Work | list[Problem]) -> tuple[object, ...] | list[tuple[str, str, str]]:
    if isinstance(result, Work):
        return tuple(_shared(getattr(result, name)) if name in _SHARED else getattr(result, name) for name in _FIELDS)
    return [astuple(problem) for problem in result]


def _unpack(stored: tuple[object, ...] | list[tuple[str, str, str]]) -> Work | list[Problem]:
    if isinstance(stored, tuple):
        work: Work = object.__new__(Work)
        work.__dict__.update(zip(_FIELDS, stored, strict=True))  # as unpickling a Work would
        return work
    return [Problem(*problem) for problem in stored]


def read(root: Path, settings_bytes: bytes) -> Index:
    key = _key(settings_bytes)
    gc.disable()  # tens of thousands of new objects, none of them garbage: collecting would only cost time
    try:
        with _path_for(root).open("rb") as handle:
            stored_key, stored = pickle.load(handle)
        if stored_key == key and isinstance(stored, dict):
            entries = {path: (signature, _unpack(value)) for path, (signature, value) in stored.items()}
            return Index(key, entries, stored=stored)
    except Exception:  # any unreadable cache is simply rebuilt from the TOML files
        pass
    finally:
        gc.enable()
    return Index(key, changed=True)


def write(root: Path, index: Index) -> None:
    """Save the index atomically; a cache that cannot be written is not worth an error."""
    path = _path_for(root)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stored: dict[str, _Stored] = {}
        for relative, (sig, result) in index.entries.items():
            previous = index.stored.get(relative)
            if previous is not None and previous[0] == sig:  # read from this cache and not changed since
                stored[relative] = previous
            else:
                stored[relative] = (sig, _pack(result))
        with temp.open("wb") as handle:
            pickle.dump((index.key, stored), handle, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(path)
    except OSError:
        temp.unlink(missing_ok=True)
