"""Reading and writing a library's files: one TOML file per work, and library.toml.

Every write is validated first and atomic (store.fileio), in canonical form: re-saving an
unchanged record changes no byte. What to write, and under which key, is the library layer's
decision (scholarcli.library); this module only reads and writes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from functools import cache
from itertools import count
from pathlib import Path

from scholarcli.errors import InvalidLibrary, InvalidRecord, Problem, ScholarError
from scholarcli.model import SCHEMA_VERSION, Known, Settings, Work

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

SETTINGS_FILE = "library.toml"
CITATIONS_FILE = "citations.toml"  # citation counts (store/citations_file.py), beside library.toml
NOT_RECORDS = frozenset((SETTINGS_FILE, CITATIONS_FILE))  # the TOML files at the root that are no record
LOCK_FILE = ".scholar.lock"
FOLDERS = {"patent": "patents"}  # where a new record of a type goes; every other type: publications
DEFAULT_FOLDER = "publications"


def new_record_path(work_type: str, key: str, taken: Collection[str] = ()) -> str:
    """Where a new record goes, relative to the library root: a portable file name, not one of ``taken``.

    The name is the key where the key is portable; else a portable form of it (and the record
    states its key), with a number added when another record has that name.
    """
    from scholarcli.model.validate import portable_stem

    folder, stem = FOLDERS.get(work_type, DEFAULT_FOLDER), portable_stem(key)
    relative, number = f"{folder}/{stem}.toml", 1
    while relative in taken:
        number += 1
        relative = f"{folder}/{stem}-{number}.toml"
    return relative


def file_stem(relative: str) -> str:
    """A record's file name without its folders and .toml: its key, unless the record states another."""
    return relative.rsplit("/", 1)[-1][: -len(".toml")]


MAX_FILE_BYTES = 1 << 20  # a record is a few kilobytes; a larger file is no record (or /dev/zero)


class NotARecordFile(OSError):
    """A path that is no regular file, or one too large to be a record."""


# Opened without blocking, so a FIFO cannot hang a command, and in binary mode (Windows).
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_regular(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; NotARecordFile or OSError otherwise.

    Checked on the open descriptor, and read with os.read for the size fstat gave: a buffered
    read of up to ``limit`` bytes allocates that much each time, which took 60 µs a record.
    """
    handle = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            from scholarcli.store.fileio import kind_of

            raise NotARecordFile(f"not a regular file ({kind_of(info.st_mode)})")
        if info.st_size > limit:
            raise NotARecordFile(f"{info.st_size:,} bytes, more than the {limit:,} a record may have")
        data = os.read(handle, info.st_size + 1)
        # A regular file read short has ended: only a file that grew since fstat is read on, which
        # saves the usual record a second read that would find the end.
        while info.st_size < len(data) <= limit and (more := os.read(handle, 1 << 16)):
            data += more
    finally:
        os.close(handle)
    if len(data) > limit:  # it grew while being read
        raise NotARecordFile(f"more than the {limit:,} bytes a record may have")
    return data


# toml-rs reads a record in about 5 µs, tomllib in 110-170 µs. Asked for TOML 1.0 it reads what
# tomllib reads, as tomllib does (tests/test_toml_parsing.py), except for two things kept from it
# here: it accepts a leading byte order mark, which tomllib refuses, and it recurses into nested
# arrays and inline tables on the machine's stack, so that deep nesting crashes the process (1,000
# levels on a 1 MiB stack; tomllib stops at a few hundred with a RecursionError). Nesting is never deeper than the count
# of [ and { in a text, which is a handful in a record. A text toml-rs refuses is read again by
# tomllib, so a problem is always named in tomllib's words.
FAST_BRACKETS = 100  # [ and { that a text may hold to be read by toml-rs; tomllib reads the others
# Loading toml-rs costs a process about 5 MiB and a few milliseconds, tomllib 1.5 MiB: a command
# that parses a few records (one changed since the last) leaves toml-rs unloaded.
FAST_AFTER = 20  # texts a process parses with tomllib before it loads toml-rs
_parsed = count(1)  # texts this process has parsed


def parse_toml(data: bytes) -> tuple[dict[str, Any] | None, str | None]:
    """The table TOML text holds, or the reason it holds none."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, "TOML syntax: the file is not UTF-8 text"
    return parse_toml_text(text)


def parse_toml_text(text: str) -> tuple[dict[str, Any] | None, str | None]:
    """As parse_toml, for text already decoded."""
    fast = _fast_loads() if next(_parsed) > FAST_AFTER else None
    if fast is not None and text[:1] != "\ufeff" and text.count("[") + text.count("{") <= FAST_BRACKETS:
        try:
            return fast(text, toml_version="1.0.0"), None
        except Exception:  # not TOML 1.0: tomllib says why
            pass
    return _parse_with_tomllib(text)


def _parse_with_tomllib(text: str) -> tuple[dict[str, Any] | None, str | None]:
    import tomllib

    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        return None, f"TOML syntax: {error}"
    except RecursionError:
        return None, "TOML syntax: arrays or tables nested too deeply"


@cache
def _fast_loads() -> Callable[..., dict[str, Any]] | None:
    """toml-rs's loads, imported on the first parse; None where it is not installed."""
    try:
        from toml_rs import loads
    except ImportError:
        return None
    return loads


def read_toml(path: Path | str, limit: int = MAX_FILE_BYTES) -> tuple[dict[str, Any] | None, str | None]:
    """The parsed table, or the reason the file cannot be read as TOML (or is larger than ``limit``)."""
    try:
        data = read_regular(path, limit)
    except NotARecordFile as error:
        return None, f"cannot read: {error}"
    except OSError as error:
        return None, f"cannot read: {error.strerror or error}"
    return parse_toml(data)


def read_record(root: Path, relative: str, key: str, known: Known) -> Work | list[Problem]:
    """The work a record file holds, or its problems."""
    from scholarcli.model.validate import work_from_record

    raw, error = read_toml(os.path.join(root, relative))  # noqa: PTH118  # a Path costs 3 µs of a 20 µs read
    if raw is None:
        return [Problem(relative, "", error or "unreadable")]
    work, problems = work_from_record(key, raw, relative, known)
    return work if work is not None else problems


def settings_bytes(root: Path) -> bytes:
    try:
        return read_regular(root / SETTINGS_FILE)
    except NotARecordFile as error:
        raise InvalidLibrary([Problem(SETTINGS_FILE, "", f"cannot read: {error}")]) from None
    except OSError as error:
        raise InvalidLibrary([Problem(SETTINGS_FILE, "", f"cannot read: {error.strerror or error}")]) from None


def parse_settings(data: bytes) -> Settings:
    """library.toml's settings, or InvalidLibrary naming what is wrong."""
    from scholarcli.model.validate import settings_from_toml
    from scholarcli.venues import VenueRegistry

    raw, error = parse_toml(data)
    if raw is None:
        raise InvalidLibrary([Problem(SETTINGS_FILE, "", error or "unreadable")])
    settings, problems = settings_from_toml(raw)
    if problems:
        raise InvalidLibrary(problems)
    return settings._replace(registry=VenueRegistry(settings.venues))


def readable_settings(text: str) -> Settings | None:
    """The settings a reading command would read from library.toml's new ``text`` (its size, TOML, and
    valid); None when it would refuse it, so that library.toml is never written so."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    if len(data) > MAX_FILE_BYTES:
        return None
    try:
        return parse_settings(data)
    except ScholarError:
        return None


def record_text(work: Work, stem: str | None = None) -> str:
    """The canonical file text of a record: fixed field order, tomli-w formatting.

    Saving an unchanged record therefore changes no byte, and a diff shows only what changed. A
    record whose file name (``stem``) is not its key states the key first.
    The values a record holds are formatted here as tomli-w formats them (tests/test_records.py
    compares): tomli-w escapes strings a character at a time, which was a quarter of an import.
    Any other value is left to tomli-w itself.
    """
    record = work.to_record()
    if stem is not None and stem != work.key:
        record = {"key": work.key, **record}
    try:
        literals = [f"{name} = {_toml_value(value)}\n" for name, value in record.items() if not isinstance(value, dict)]
        tables = [
            f"[{name}]\n" + "".join(f"{_toml_key(key)} = {_toml_value(value)}\n" for key, value in table.items())
            for name, table in record.items()
            if isinstance(table, dict)
        ]
    except _NotARecordValue:
        import tomli_w

        return tomli_w.dumps(record)
    return "\n".join(["".join(literals), *tables] if literals else tables)


class _NotARecordValue(TypeError):
    pass


# What tomli-w escapes in a string: the quote, the backslash, and control characters but tab.
_ESCAPED = re.compile('["\\\\\x00-\x08\x0a-\x1f\x7f]')
_ESCAPES = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_BARE_KEY = re.compile("[A-Za-z0-9_-]+")


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"


def _basic_string(text: str) -> str:
    if '"' not in text and "\\" not in text and text.isprintable():  # nothing to escape: no regex pass
        return f'"{text}"'
    return f'"{_ESCAPED.sub(_escape, text)}"'


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _basic_string(key)


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return _basic_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if type(value) is int or type(value) is dt.date:
        return str(value)
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return "[\n" + "".join(f"    {_basic_string(item)},\n" for item in value) + "]"
    raise _NotARecordValue(value)


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
        lines += ["", person_block(name).rstrip("\n")]
    lines += [
        "",
        "# Marks after authors' names, each with its symbol and legend. A record lists the equal",
        "# contributors in equal_contribution = [...], the authors of every other kind in [marks]",
        '# (corresponding = ["Ada Lovelace"]); `scholar add --mark student="Ann Lee"` types one in.',
        "[marks.equal_contribution]",
        'symbol = "*"',
        'legend = "equal contribution"',
        "# [marks.corresponding]",
        '# symbol = "†"',
        '# legend = "corresponding author"',
        "# [marks.student]",
        '# symbol = "§"',
        '# legend = "student advised"',
        "",
        "# The venue registry: records name a venue by its acronym.",
        "# [venues.ICLR]",
        '# name = "International Conference on Learning Representations"',
        '# kind = "conference"   # conference | journal | workshop | preprint | other',
        '# aliases = ["Learning Representations"]',
    ]
    return "\n".join(lines) + "\n"


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string."""
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def person_block(name: str, variants: Sequence[str] = ()) -> str:
    """A ``[[people]]`` block of library.toml."""
    lines = ["[[people]]", f"name = {toml_string(name)}"]
    if variants:
        lines.append(f"variants = [{', '.join(toml_string(variant) for variant in variants)}]")
    return "\n".join(lines) + "\n"


def init(root: Path, people: list[str] | None = None) -> Path:
    """Make a new empty library at ``root``; never overwrite one."""
    settings = root / SETTINGS_FILE
    if settings.exists():
        raise ScholarError(f"{root} already holds a library ({SETTINGS_FILE} exists); nothing was changed")
    if root.exists() and not root.is_dir():
        raise ScholarError(f"{root} exists and is not a directory")
    root.mkdir(parents=True, exist_ok=True)
    from scholarcli.store.fileio import write_atomic

    write_atomic(settings, settings_text(people))
    ignore_lock_file(root)
    return settings


def ignore_lock_file(root: Path) -> None:
    """Keep the lock file out of git: a .gitignore naming it, or that line added to the one there."""
    from scholarcli.store.fileio import write_atomic

    path = root / ".gitignore"
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError):
        return  # a .gitignore scholar cannot read is left as it is
    if LOCK_FILE in (line.strip().lstrip("/") for line in text.splitlines()):
        return
    if text and not text.endswith("\n"):
        text += "\n"
    write_atomic(path, f"{text}# held by scholar while it writes\n{LOCK_FILE}\n")


# The lock file is opened without following a link (which would make its target, anywhere) and
# without blocking (a FIFO would wait for a reader forever); then it must be a regular file.
_LOCK_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC


def _lock_refused(path: Path, error: OSError | None = None) -> ScholarError:
    from scholarcli.store.fileio import kind_of

    try:
        kind = kind_of(path.lstat().st_mode)
    except OSError:
        kind = "a regular file"
    if kind != "a regular file":
        return ScholarError(f"cannot lock the library: {path} is {kind}, not a regular file; remove it")
    return ScholarError(f"cannot lock the library: {path}: {error.strerror if error else 'not a regular file'}")


@contextmanager
def write_lock(root: Path) -> Iterator[None]:
    """Hold the library's lock, so two scholar processes never write at once; a lock file that is
    no regular file (a link, a FIFO, a device) is refused, never followed or waited on."""
    import fcntl

    path = root / LOCK_FILE
    try:
        handle = os.open(path, _LOCK_FLAGS, 0o666)
    except OSError as error:
        raise _lock_refused(path, error) from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise _lock_refused(path)
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def validated(work: Work, relative: str, known: Known) -> str:
    """The record's canonical text, checked as a command reading it would check its file: its UTF-8
    bytes no more than a record may have, TOML, and a valid record. InvalidRecord names the problem.

    Never write what the library would refuse to read: a record over the limit would make every
    later `list` and `check` name it as broken until it was removed by hand.
    """
    from scholarcli.model.validate import work_from_record

    text = record_text(work, file_stem(relative))
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRecord([Problem(relative, "", "holds text that is not UTF-8 (a lone surrogate)")]) from None
    if len(data) > MAX_FILE_BYTES:
        raise InvalidRecord([_too_large(work, relative, len(data))])
    raw, error = parse_toml(data)
    if raw is None:
        raise InvalidRecord([Problem(relative, "", error or "unreadable")])
    checked, problems = work_from_record(file_stem(relative), raw, relative, known)
    if problems or checked is None:
        raise InvalidRecord(problems)
    return text


def _too_large(work: Work, relative: str, size: int) -> Problem:
    """The problem of a record larger than a record may be, naming its largest field."""
    record = work.to_record()
    largest = max(record, key=lambda name: len(str(record[name]).encode("utf-8", "replace")))
    share = len(str(record[largest]).encode("utf-8", "replace"))
    message = (
        f"{share:,} bytes long: the record would be {size:,} bytes, more than the {MAX_FILE_BYTES:,} a record may have"
    )
    return Problem(relative, largest, message)


def save(root: Path, relative: str, work: Work, known: Known, overwrite: bool = False, durable: bool = True) -> Path:
    """Validate and write one record atomically; refuse to replace another record's file."""
    from scholarcli.store.fileio import write_atomic, write_new

    text = validated(work, relative, known)
    path = root / relative
    if not overwrite:
        try:
            write_new(path, text, durable=durable)
        except FileExistsError:
            raise ScholarError(f"{relative} already exists; nothing was changed") from None
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text, durable=durable)
    return path


def remove(root: Path, relative: str) -> None:
    (root / relative).unlink()
