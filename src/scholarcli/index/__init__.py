"""The index: a library's records read through a cache, so a command parses only what changed.

``load`` gives a whole ``Library`` (every field of every work), which the library layer may
write to; ``load_listing`` gives a ``Listing`` with only the fields a listing reads, a different
type that no writing function accepts. The TOML files stay the truth: `scholar check` reads
them with ``use_cache=False``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path

from scholarcli.errors import Problem, UnknownKey
from scholarcli.index import shards
from scholarcli.index.entries import Remembered
from scholarcli.index.scanning import ScannedFile, file_key, modified_ns, path_of, scan
from scholarcli.model import Known, Settings, Venue, Work, known_to
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.processes import collector_paused, in_child, in_two_processes
from scholarcli.store.records import parse_settings, read_record, settings_bytes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    # What a caller makes of the works a large read parses, in the process that parses them, by
    # the scanned line of each work's file (see load).
    Prepare = Callable[[Settings, list[tuple[ScannedFile, Work]]], dict[ScannedFile, Any]]

PROGRESS_EVERY = 1000  # records parsed between two progress reports
PARALLEL_READ = 1000  # records to read from which a forked child reads half of the shards
Progress = Callable[[int, int], None]  # (parsed, total)


class Indexed(NamedTuple):
    """What the index knows of the files a Library's works were read from, for the caches kept
    beside it (index/entries.py): which file each work came from, and what the read made of them."""

    resolved: Path | None  # the library's resolved path, which names its cache files; None: no cache
    scanned: Sequence[ScannedFile]  # aligned with the works: the file (path, stat signature) of each
    prepared: Mapping[ScannedFile, Any]  # what load's ``prepare`` made, by file

    def entries(self, fmt: str, key: tuple[object, ...]) -> Remembered | None:
        """The remembered entries of ``fmt`` rendered under ``key``, with what the read prepared;
        None when none are kept (a read without the index, or of no file)."""
        if self.resolved is None or not self.scanned:
            return None
        return Remembered(self.resolved, fmt, key, self.prepared)


class Library(NamedTuple):
    """A whole library: its settings, its valid works and the problems of the broken ones."""

    root: Path
    settings: Settings
    works: list[Work]
    problems: list[Problem]
    paths: dict[str, str]  # key -> record path relative to root; writes keep it up to date
    read_only: bool = False
    indexed: Indexed | None = None  # what load read the works from (None: a library made otherwise)

    def get(self, key: str) -> Work:
        for work in self.works:
            if work.key == key:
                return work
        raise UnknownKey(unknown_key_message(key, [w.key for w in self.works]))

    @property
    def known(self) -> Known:
        """What library.toml declares that records may name: people (every name and variant), marks."""
        return known_to(self.settings)


class Listing(NamedTuple):
    """Works read for a listing: only some fields hold their values (the others their defaults).

    A type of its own, so that nothing that writes can be handed one.
    """

    root: Path
    settings: Settings
    works: list[Work]
    problems: list[Problem]


def unknown_key_message(key: str, keys: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, keys, n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    return f'no work with key "{key}"{hint}'


def load(
    root: Path,
    read_only: bool = False,
    use_cache: bool = True,
    progress: Progress | None = None,
    prepare: Prepare | None = None,
) -> Library:
    """Read every record; broken ones are reported in ``problems`` and left out of ``works``.

    With ``use_cache`` only the files changed since the last command are parsed (see shards.py).
    ``progress(parsed, total)`` hears of long parsing runs. When the read is large enough to be
    done in two processes (no index yet), ``prepare`` is given the works each shard's read parsed,
    in the process that parsed them, and what it makes is kept in the library's ``indexed``: the first
    export of a library renders its entries so, while the works are at hand on both CPUs.
    """
    return _Loader(root, use_cache, None, progress, prepare).library(read_only)


def load_listing(root: Path, fields: Collection[str], progress: Progress | None = None) -> Listing:
    """The works with only ``fields`` (which must include key) read from the index.

    A listing reads about half the fields, and no abstract, which are most of a library's text.
    """
    library = _Loader(root, True, fields, progress).library(read_only=True)
    return Listing(library.root, library.settings, library.works, library.problems)


# A file's modification time is only as fine as its filesystem's clock: a few milliseconds on
# Linux, one or two seconds on HFS+ or FAT. A file changed this shortly before it was stat'ed can
# change again within the same tick, same size, and keep its stat signature; so, as git does
# with its index, its row is not trusted: its line is kept marked, which no later scan matches,
# and the next command reads the file again.
RACY_NS = 2_000_000_000
RACY_MARK = "\0racy"


def _trusted_line(line: ScannedFile, scanned_at: int) -> ScannedFile:
    """The scanned line as the index may keep it: marked when the file changed too recently to trust."""
    return line if modified_ns(line) <= scanned_at - RACY_NS else ScannedFile(line + RACY_MARK)


def arrange(
    files: Sequence[ScannedFile], rows: Sequence[shards.Row]
) -> tuple[list[int], dict[str, str], list[shards.ProblemRow]]:
    """Where the rows of valid works are, key -> path of every record, and the problems,
    duplicate keys included."""
    listed: list[int] = []
    paths: dict[str, str] = {}
    problems: list[shards.ProblemRow] = []
    for at, (line, row) in enumerate(zip(files, rows, strict=True)):
        relative = path_of(line)
        key = row.key if isinstance(row, tuple) else file_key(relative)  # a record may state its key
        if key in paths:
            problems.append((relative, "key", f'"{key}" is also the key of {paths[key]}'))
            continue
        paths[key] = relative
        if isinstance(row, tuple):
            listed.append(at)
        else:
            problems.extend(row)
    return listed, paths, problems


def with_known_venues(settings: Settings, rows: Sequence[shards.Row]) -> Settings:
    """``settings`` knowing the registry's entry of each venue the works of ``rows`` name, so that
    a later command shows or filters them without reading the bundled registry (about 2 ms)."""
    plain = settings._replace(known_venues={})
    named = {row.listed_venue for row in rows if isinstance(row, Work) and row.listed_venue}
    return plain._replace(known_venues={name: plain.venue(name) for name in sorted(named)})


class _Reader:
    """Rows for scanned files: kept from the index where a file's signature is unchanged, read otherwise."""

    def __init__(
        self,
        root: Path,
        settings: Settings,
        previous: dict[ScannedFile, shards.Row],
        total: int,
        progress: Progress | None,
        processes: int = 1,
    ) -> None:
        self.root, self.previous, self.total, self.progress = root, previous, total, progress
        self.known = known_to(settings)
        self.parsed = 0
        self.processes = processes  # reading at the same pace: the parent reports for both

    def row(self, line: ScannedFile) -> shards.Row:
        row = self.previous.get(line)  # the same path with the same signature
        if row is None:
            relative = path_of(line)
            row = shards.pack(read_record(self.root, relative, file_key(relative), self.known))
            self.parsed += 1
            if self.progress and self.parsed % PROGRESS_EVERY == 0 and not in_child():
                self.progress(min(self.parsed * self.processes, self.total), self.total)
        return row


# A stale shard as refreshed: its lines, its rows (which a forked child hands back with its works
# as plain tuples, unpickled in half the time of named tuples), where the works are, their paths,
# the problems.
_Refreshed = tuple[
    list[ScannedFile],
    Sequence[tuple[object, ...] | list[shards.ProblemRow]],
    list[int],
    dict[str, str],
    list[shards.ProblemRow],
]


class _Loader:
    """One read of a library through its index."""

    def __init__(
        self,
        root: Path,
        use_cache: bool,
        fields: Collection[str] | None,
        progress: Progress | None,
        prepare: Prepare | None = None,
    ) -> None:
        self.root, self.use_cache, self.fields, self.progress = root, use_cache, fields, progress
        self.prepare = prepare
        self.prepared: dict[ScannedFile, Any] = {}
        # The index is keyed by library.toml's bytes, so its settings are those bytes parsed.
        self.settings_bytes = settings_bytes(root)
        self.resolved = root.resolve()
        self.key = shards.key_for(self.resolved, self.settings_bytes)
        self.unreadable: list[Problem] = []  # paths the scan could not read

    def library(self, read_only: bool) -> Library:
        with collector_paused():  # a read makes many objects and no garbage
            kept = self._shards()
        listed = [work for shard in kept for work in shards.works_at(shard.rows, shard.listed)]
        scanned = [shard.files[at] for shard in kept for at in shard.listed]
        problems = [problem for shard in kept for problem in shard.problems]
        paths: dict[str, str] = {}
        known_venues: dict[str, Venue | None] = {}
        for shard in kept:
            paths.update(shard.paths)
            known_venues.update(shard.settings.known_venues)
        if len(paths) != sum(len(shard.paths) for shard in kept):  # a key in two shards: a duplicate
            files = [line for shard in kept for line in shard.files]
            rows = [row for shard in kept for row in shard.rows]
            at_listed, paths, problems = arrange(files, rows)
            listed = shards.works_at(rows, at_listed)
            scanned = [files[at] for at in at_listed]
        return Library(
            root=self.root,
            settings=kept[0].settings._replace(known_venues=known_venues),
            works=listed,
            problems=[*self.unreadable, *(Problem(*problem) for problem in problems)],
            paths=paths,
            read_only=read_only,
            indexed=Indexed(self.resolved if self.use_cache else None, scanned, self.prepared),
        )

    def _shards(self) -> list[shards.Shard]:
        scanned_at = time.time_ns()
        files = scan(self.root, self.unreadable)
        size = shards.SHARD_SIZE
        slices = [files[start : start + size] for start in range(0, len(files), size)] or [[]]
        stored = [self._read(index, self.fields) for index in range(len(slices))]
        stale = [index for index, shard in enumerate(stored) if shard is None or shard.files != slices[index]]
        if stale:  # in the usual case nothing changed: one comparison a shard
            self._refresh(stored, stale, slices, scanned_at, len(files))
        return [shard for shard in stored if shard is not None]

    def _read(self, index: int, fields: Collection[str] | None) -> shards.Shard | None:
        return shards.read(self.resolved, self.key, index, fields) if self.use_cache else None

    def _refresh(
        self,
        stored: list[shards.Shard | None],
        stale: list[int],
        slices: list[list[ScannedFile]],
        scanned_at: int,
        total: int,
    ) -> None:
        """Read the changed files of the stale shards, and write those shards back.

        With many files to read (a library without its index, or `check`), a forked child does
        half of the shards: parsing is most of such a read.
        """
        settings = next((shard.settings for shard in stored if shard is not None), None)
        settings = settings or parse_settings(self.settings_bytes)
        # The rows kept for unchanged files are written back, so they must have every field.
        olds = [stored[index] if self.fields is None else self._read(index, None) for index in stale]
        previous = {line: row for old in olds if old for line, row in zip(old.files, old.rows, strict=True)}
        unread = sum(line not in previous for index in stale for line in slices[index])
        processes = 2 if len(stale) > 1 and unread >= PARALLEL_READ else 1
        reader = _Reader(self.root, settings, previous, total, self.progress, processes)

        def refresh(indices: Sequence[int]) -> list[tuple[_Refreshed | None, dict[ScannedFile, Any]]]:
            return [self._handed(index, slices[index], reader, settings, scanned_at) for index in indices]

        refreshed = in_two_processes(refresh, stale) if processes == 2 else refresh(stale)
        for index, (done, prepared) in zip(stale, refreshed, strict=True):
            self.prepared.update(prepared)
            if done is None:  # the child wrote it to the index: read from there, only the fields wanted
                shard = self._read(index, self.fields)
                if shard is not None and shard.files == [_trusted_line(line, scanned_at) for line in slices[index]]:
                    stored[index] = shard
                    continue
                done, _, prepared = self._refreshed(index, slices[index], reader, settings, scanned_at)  # changed since
                self.prepared.update(prepared)
            lines, rows, listed, paths, problems = done
            made = [row if isinstance(row, Work | list) else tuple.__new__(Work, row) for row in rows]
            stored[index] = shards.Shard(
                self.key, with_known_venues(settings, made), lines, made, listed, paths, problems
            )
        if self.use_cache:
            shards.drop_from(self.resolved, len(slices))

    def _refreshed(
        self, index: int, files: list[ScannedFile], reader: _Reader, settings: Settings, scanned_at: int
    ) -> tuple[_Refreshed, bool, dict[ScannedFile, Any]]:
        """One stale shard read, and written to the index (the flag: whether it could be), and what
        ``prepare`` made of the works it parsed."""
        rows = [reader.row(line) for line in files]
        lines = [_trusted_line(line, scanned_at) for line in files]
        shard = shards.Shard(self.key, with_known_venues(settings, rows), lines, rows, *arrange(lines, rows))
        written = self.use_cache and shards.write(self.resolved, index, shard)
        prepared: dict[ScannedFile, Any] = {}
        if self.prepare is not None and reader.processes == 2:
            # only the works parsed here: one kept from the index may have what prepare makes kept too
            parsed = [
                (lines[at], row)
                for at in shard.listed
                if isinstance(row := rows[at], Work) and files[at] not in reader.previous
            ]
            prepared = self.prepare(settings, parsed)
        return (lines, rows, shard.listed, shard.paths, shard.problems), written, prepared

    def _handed(
        self, index: int, files: list[ScannedFile], reader: _Reader, settings: Settings, scanned_at: int
    ) -> tuple[_Refreshed | None, dict[ScannedFile, Any]]:
        """A stale shard refreshed, as a forked child hands it back: None when it is in the index,
        which the parent reads faster than it would unpickle the rows (only the fields it wants,
        and the child pickles nothing); else the rows, works as plain tuples. Then what prepare made."""
        refreshed, written, prepared = self._refreshed(index, files, reader, settings, scanned_at)
        lines, rows, listed, paths, problems = refreshed
        if not in_child():
            return refreshed, prepared
        if written:
            return None, prepared
        plain = [tuple(row) if isinstance(row, tuple) else row for row in rows]
        return (lines, plain, listed, paths, problems), prepared
