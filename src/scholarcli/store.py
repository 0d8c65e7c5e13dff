"""The library on disk: where it is, and reading its records."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from scholarcli.errors import InvalidLibrary, InvalidRecord, LibraryNotFound, Problem, ScholarError, UnknownKey
from scholarcli.model import SCHEMA_VERSION, Settings, Work
from scholarcli.records import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli import cache

SETTINGS_FILE = "library.toml"
PROGRESS_EVERY = 1000  # records parsed between two progress reports
LIBRARY_ENV = "SCHOLAR_LIBRARY"


def user_data_dir() -> Path:
    """Where `scholar init` puts the user's library, by the platform's convention."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "scholar"


def bundled_library_dir() -> Path:
    """The sample library: shipped inside the wheel, or the repository's data/ in a source tree."""
    packaged = Path(__file__).resolve().parent / "data"
    if (packaged / SETTINGS_FILE).is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def locate(explicit: Path | None = None, cwd: Path | None = None) -> tuple[Path, bool]:
    """The library directory to use and whether it is the read-only bundled sample.

    First match wins: the explicit directory, $SCHOLAR_LIBRARY, the nearest library.toml from
    the working directory upwards, the user's library, the bundled sample.
    """
    chosen = explicit
    if chosen is None and os.environ.get(LIBRARY_ENV):
        chosen = Path(os.environ[LIBRARY_ENV])
    if chosen is not None:
        if not (chosen / SETTINGS_FILE).is_file():
            raise LibraryNotFound(f"{chosen} is not a scholar library (it has no {SETTINGS_FILE})")
        return chosen, False
    start = (cwd or Path.cwd()).resolve()
    for directory in (start, *start.parents):
        if (directory / SETTINGS_FILE).is_file():
            return directory, False
    if (user_data_dir() / SETTINGS_FILE).is_file():
        return user_data_dir(), False
    return bundled_library_dir(), True


def _read_toml(path: Path) -> tuple[dict[str, object] | None, str | None]:
    """The parsed table, or the reason the file cannot be read as TOML."""
    import tomllib

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle), None
    except tomllib.TOMLDecodeError as error:
        return None, f"TOML syntax: {error}"
    except UnicodeDecodeError:
        return None, "TOML syntax: the file is not UTF-8 text"
    except OSError as error:
        return None, f"cannot read: {error.strerror or error}"


class Library(NamedTuple):
    """A loaded library: its settings, its valid works and the problems of the broken ones."""

    root: Path
    settings: Settings
    works: list[Work]
    problems: list[Problem]
    paths: dict[str, str]  # key -> record path relative to root; writes keep it up to date
    read_only: bool = False
    # Aligned with works: the scan line (path and stat signature) each was read from; see scan().
    stamps: Sequence[str] = ()
    resolved: Path | None = None  # the library's resolved path, which names its cache
    complete: bool = True  # False: only some fields were read (see load); never written

    def get(self, key: str) -> Work:
        for work in self.works:
            if work.key == key:
                return work
        raise UnknownKey(unknown_key_message(key, [w.key for w in self.works]))


def unknown_key_message(key: str, keys: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, keys, n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    return f'no work with key "{key}"{hint}'


def record_files(root: Path) -> list[Path]:
    """Every record file under the library root, in a stable order; hidden folders are skipped."""
    return [root / line.split("\0", 1)[0] for line in scan(root)]


def scan(root: Path) -> list[str]:
    """One line per record file, sorted: its path relative to root, then the stat signature that
    tells the cache it changed (mtime in ns, size, inode), NUL-separated. Names starting with .
    or _ are skipped. Lines rather than tuples: 10,000 of them are made and compared on every
    command, and a string is the cheapest object to make, store and compare."""
    # Where it can (not on Windows), the scan names each file relative to its open folder: the
    # kernel then resolves one name, not the whole path, which saves a tenth of a scan.
    by_descriptor = os.stat in os.supports_dir_fd and os.scandir in os.supports_fd
    records: list[tuple[int, str, str]] = []  # (open folder, its path from root, file name)
    signed_by_path: list[str] = []  # the lines of files found without an open folder
    opened: list[int] = []

    def walk(directory: str, prefix: str, parent: int | None = None) -> None:
        folder: int | str = directory
        if by_descriptor:
            folder = os.open(directory, os.O_RDONLY, dir_fd=parent)
            opened.append(folder)
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if name[0] in "._" and (name[0] == "." or entry.is_dir()):  # hidden, or a _folder
                    continue
                if name.endswith(".toml"):
                    if prefix or name != SETTINGS_FILE:  # library.toml at the root is not a record
                        if isinstance(folder, int):
                            records.append((folder, prefix, name))
                        else:
                            signed = entry.stat()
                            signed_by_path.append(
                                f"{prefix}{name}\0{signed.st_mtime_ns}\0{signed.st_size}\0{signed.st_ino}"
                            )
                elif entry.is_dir(follow_symlinks=False):
                    if isinstance(folder, int):
                        walk(name, f"{prefix}{name}/", folder)
                    else:
                        walk(entry.path, f"{prefix}{name}/")

    try:
        walk(str(root), "")
        found = _signed_in_parallel(records) if len(records) >= PARALLEL_SCAN else _signed(records)
    finally:
        for folder in opened:
            os.close(folder)
    found += signed_by_path
    found.sort()  # NUL sorts before any character of a name, so this is the order of the paths
    return found


PARALLEL_SCAN = 2000  # record files from which a second process stats half of them


def _signed(records: list[tuple[int, str, str]]) -> list[str]:
    stat = os.stat
    return [
        f"{prefix}{name}\0{(signed := stat(name, dir_fd=folder)).st_mtime_ns}\0{signed.st_size}\0{signed.st_ino}"
        for folder, prefix, name in records
    ]


def _signed_in_parallel(records: list[tuple[int, str, str]]) -> list[str]:
    """_signed(records), the second half stat'ed by a forked child on another CPU.

    One stat costs a few microseconds, mostly in the kernel, and a scan of 10,000 files is the
    largest fixed cost of a reading command; threads would not help, since each stat holds
    Python's lock between the short system calls. Where fork is not safe (not Linux, threads
    running) or there is one CPU, or anything goes wrong, the files are stat'ed here.
    """
    import marshal

    threads = sys.modules.get("threading")
    if (
        not sys.platform.startswith("linux")
        or len(os.sched_getaffinity(0)) < 2
        or (threads is not None and threads.active_count() > 1)
    ):
        return _signed(records)
    half = len(records) // 2
    reading, writing = os.pipe()
    try:
        child = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return _signed(records)
    if child == 0:  # the child: sign the second half, hand the lines over, end at once
        status = 1
        try:
            os.close(reading)
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(marshal.dumps(_signed(records[half:])))
            status = 0
        finally:
            os._exit(status)  # never run the parent's exit handlers or flush its buffers
    os.close(writing)
    try:
        mine = _signed(records[:half])
    finally:
        with os.fdopen(reading, "rb") as pipe:
            handed = pipe.read()
        _, status = os.waitpid(child, 0)
    theirs = marshal.loads(handed) if status == 0 and handed else None
    if not isinstance(theirs, list) or len(theirs) != len(records) - half:
        theirs = _signed(records[half:])  # the child failed (a file gone, say): as a lone scan would
    return mine + theirs


def _settings_bytes(root: Path) -> bytes:
    try:
        return (root / SETTINGS_FILE).read_bytes()
    except OSError as error:
        raise InvalidLibrary([Problem(SETTINGS_FILE, "", f"cannot read: {error}")]) from None


def _parse_settings(data: bytes) -> Settings:
    import tomllib

    from scholarcli.validate import settings_from_toml

    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidLibrary([Problem(SETTINGS_FILE, "", "TOML syntax: the file is not UTF-8 text")]) from None
    except tomllib.TOMLDecodeError as error:
        raise InvalidLibrary([Problem(SETTINGS_FILE, "", f"TOML syntax: {error}")]) from None
    settings, problems = settings_from_toml(raw)
    if problems:
        raise InvalidLibrary(problems)
    return settings


def _read_record(root: Path, relative: str, known_people: set[str]) -> Work | list[Problem]:
    from scholarcli.validate import work_from_record

    key = relative.rsplit("/", 1)[-1][: -len(".toml")]
    raw, error = _read_toml(root / relative)
    if raw is None:
        return [Problem(relative, "", error or "unreadable")]
    work, problems = work_from_record(key, raw, relative, known_people)
    return work if work is not None else problems


def load(
    root: Path,
    read_only: bool = False,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
    fields: Collection[str] | None = None,
) -> Library:
    """Read every record; broken ones are reported in ``problems`` and left out of ``works``.

    With ``use_cache`` only the files changed since the last command are parsed (see cache.py);
    `scholar check` reads every file. ``progress(parsed, total)`` hears of long parsing runs.
    With ``fields`` (which must include key) works read from the cache have only those: the
    others hold their defaults. A listing reads about half the fields, and no abstract, which
    are most of a library's text. Such a library cannot be written.
    """
    import gc

    # Reading 10,000 records makes a few hundred thousand objects and no garbage; the collector's
    # passes over them would cost more than the rest of the work. It is restored before returning.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(root, read_only, use_cache, progress, fields)
    finally:
        if collecting:
            gc.enable()


def _load(
    root: Path,
    read_only: bool,
    use_cache: bool,
    progress: Callable[[int, int], None] | None,
    fields: Collection[str] | None,
) -> Library:
    from scholarcli import cache

    # The cache is keyed by library.toml's bytes, so its settings are those bytes parsed.
    settings_bytes = _settings_bytes(root)
    resolved = root.resolve()
    key = cache.key_for(resolved, settings_bytes)
    scanned_at = time.time_ns()
    files = scan(root)
    size = cache.SHARD_SIZE
    slices = [files[start : start + size] for start in range(0, len(files), size)] or [[]]
    shards = [cache.read(resolved, key, index, fields) if use_cache else None for index in range(len(slices))]
    stale = [index for index, shard in enumerate(shards) if shard is None or shard.files != slices[index]]
    if stale:  # in the usual case nothing changed: one comparison a shard
        settings = next((shard.settings for shard in shards if shard is not None), None)
        settings = settings or _parse_settings(settings_bytes)
        # The rows kept for unchanged files are written back, so they must have every field.
        olds = [shards[index] if fields is None else cache.read(resolved, key, index) for index in stale]
        previous = {line: row for old in olds if old for line, row in zip(old.files, old.rows, strict=True)}
        reader = _Reader(root, settings, previous, len(files), progress)
        for index in stale:
            rows = [reader.row(line) for line in slices[index]]
            lines = [_settled(line, scanned_at) for line in slices[index]]
            shards[index] = shard = cache.Shard(key, settings, lines, rows, *_listing(lines, rows))
            if use_cache:
                cache.write(resolved, index, shard)
        if use_cache:
            cache.drop_from(resolved, len(slices))
    kept = [shard for shard in shards if shard is not None]
    listed = [work for shard in kept for work in cache.works_at(shard.rows, shard.listed)]
    stamps = [shard.files[at] for shard in kept for at in shard.listed]
    problems = [problem for shard in kept for problem in shard.problems]
    paths: dict[str, str] = {}
    for shard in kept:
        paths.update(shard.paths)
    if len(paths) != sum(len(shard.paths) for shard in kept):  # a key in two shards: a duplicate
        rows = [row for shard in kept for row in shard.rows]
        at_listed, paths, problems = _listing(files, rows)
        listed = cache.works_at(rows, at_listed)
        stamps = [files[at] for at in at_listed]
    return Library(
        root=root,
        settings=kept[0].settings,
        works=listed,
        problems=[Problem(*problem) for problem in problems],
        paths=paths,
        read_only=read_only,
        stamps=stamps,
        resolved=resolved if use_cache else None,
        complete=fields is None or not use_cache,
    )


# A file's modification time is only as fine as its filesystem's clock: a few milliseconds on
# Linux, one or two seconds on HFS+ or FAT. A file changed this shortly before it was stat'ed can
# change again within the same tick, same size, and keep its stat signature; so, as git does
# with its index, its row is not trusted: its line is kept marked, which no later scan matches,
# and the next command reads the file again.
RACY_NS = 2_000_000_000
RACY_MARK = "\0racy"


def _settled(line: str, scanned_at: int) -> str:
    """The scan line as the cache may keep it: marked when the file changed too recently to trust."""
    modified = int(line.split("\0", 2)[1])
    return line if modified <= scanned_at - RACY_NS else line + RACY_MARK


def _listing(files: list[str], rows: list[cache.Row]) -> tuple[list[int], dict[str, str], list[cache.ProblemRow]]:
    """Where the rows of valid works are, key -> path of every record, and the problems,
    duplicate keys included."""
    listed: list[int] = []
    paths: dict[str, str] = {}
    problems: list[cache.ProblemRow] = []
    for at, (line, row) in enumerate(zip(files, rows, strict=True)):
        relative = line.split("\0", 1)[0]
        key = relative.rsplit("/", 1)[-1][: -len(".toml")]
        if key in paths:
            problems.append((relative, "key", f'"{key}" is also the key of {paths[key]}'))
            continue
        paths[key] = relative
        if isinstance(row, tuple):
            listed.append(at)
        else:
            problems.extend(row)
    return listed, paths, problems


class _Reader:
    """Rows for scan lines: kept from the cache where a file's signature is unchanged, read otherwise."""

    def __init__(
        self,
        root: Path,
        settings: Settings,
        previous: dict[str, cache.Row],
        total: int,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.root, self.previous, self.total, self.progress = root, previous, total, progress
        self.known_people = {name for person in settings.people for name in person.all_names}
        self.parsed = 0

    def row(self, line: str) -> cache.Row:
        from scholarcli import cache

        row = self.previous.get(line)  # the same path with the same signature
        if row is None:
            row = cache.pack(_read_record(self.root, line.split("\0", 1)[0], self.known_people))
            self.parsed += 1
            if self.progress and self.parsed % PROGRESS_EVERY == 0:
                self.progress(self.parsed, self.total)
        return row


# --- writing -------------------------------------------------------------------------------------

LOCK_FILE = ".scholar.lock"
FOLDERS = {"patent": "patents"}  # where a new record of a type goes; every other type: publications
DEFAULT_FOLDER = "publications"


def record_text(work: Work) -> str:
    """The canonical file text of a record: fixed field order, tomli-w formatting.

    Saving an unchanged record therefore changes no byte, and a diff shows only what changed.
    """
    import tomli_w

    return tomli_w.dumps(work.to_record())


def settings_text(people: list[str] | None = None) -> str:
    lines = [
        "# A scholar library: this file, and one TOML file per work anywhere below it.",
        f"schema = {SCHEMA_VERSION}",
        "",
        "# The people whose works these are, with the name variants used in author lists:",
        "# [[people]]",
        '# name = "Ada Lovelace"',
        '# variants = ["A. Lovelace"]',
    ]
    for name in people or []:
        lines += ["", "[[people]]", f"name = {_toml_string(name)}"]
    lines += [
        "",
        "[marks.equal_contribution]",
        'symbol = "*"',
        'legend = "equal contribution"',
        "",
        "# The venue registry: records name a venue by its acronym.",
        "# [venues.ICLR]",
        '# name = "International Conference on Learning Representations"',
        '# kind = "conference"   # conference | journal | workshop | preprint | other',
        '# aliases = ["Learning Representations"]',
    ]
    return "\n".join(lines) + "\n"


def _toml_string(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def init(root: Path, people: list[str] | None = None) -> Path:
    """Make a new empty library at ``root``; never overwrite one."""
    settings = root / SETTINGS_FILE
    if settings.exists():
        raise ScholarError(f"{root} already holds a library ({SETTINGS_FILE} exists); nothing was changed")
    if root.exists() and not root.is_dir():
        raise ScholarError(f"{root} exists and is not a directory")
    root.mkdir(parents=True, exist_ok=True)
    from scholarcli.fileio import write_atomic

    write_atomic(settings, settings_text(people))
    return settings


def ensure_writable(library: Library) -> None:
    if not library.complete:  # a slip in scholar's code, never the user's: refuse, lose nothing
        raise ScholarError("this library was read with some fields only, for a listing; it cannot be written")
    if library.read_only:
        raise ScholarError(
            "the bundled sample library is read-only; run `scholar init` to make your own library "
            "(or choose one with --library or $SCHOLAR_LIBRARY)"
        )


@contextmanager
def write_lock(root: Path) -> Iterator[None]:
    """Hold the library's lock, so two scholar processes never write at once."""
    import fcntl

    with (root / LOCK_FILE).open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def existing_keys(root: Path) -> set[str]:
    """Every key on disk now (read inside the lock: another process may just have added one)."""
    return {path.name[: -len(".toml")] for path in record_files(root)}


def save(library: Library, work: Work, overwrite: bool = False, durable: bool = True) -> Path:
    """Validate and write one record atomically; refuse to replace another record's file."""
    ensure_writable(library)
    text = record_text(work)
    relative = library.paths.get(work.key) or f"{FOLDERS.get(work.type, DEFAULT_FOLDER)}/{work.key}.toml"
    path = library.root / relative
    import tomllib

    from scholarcli.validate import work_from_record

    raw = tomllib.loads(text)
    known = {name for person in library.settings.people for name in person.all_names}
    checked, problems = work_from_record(work.key, raw, relative, known)
    if problems or checked is None:
        raise InvalidRecord(problems)
    if path.exists() and not overwrite:
        raise ScholarError(f"{relative} already exists; nothing was changed")
    path.parent.mkdir(parents=True, exist_ok=True)
    from scholarcli.fileio import write_atomic

    write_atomic(path, text, durable=durable)
    library.paths[work.key] = relative
    return path


def remove(library: Library, keys: list[str]) -> list[str]:
    """Delete the records of ``keys`` (all must exist); the paths removed."""
    ensure_writable(library)
    missing = [key for key in keys if key not in library.paths]
    if missing:
        raise UnknownKey(unknown_key_message(missing[0], list(library.paths)))
    removed = []
    for key in keys:
        (library.root / library.paths[key]).unlink()
        removed.append(library.paths.pop(key))
    return removed
