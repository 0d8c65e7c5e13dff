"""Reading and writing a library's files: one TOML file per work, and library.toml.

Every write is validated first and atomic (store.fileio), in canonical form: re-saving an
unchanged record changes no byte. What to write, and under which key, is the library layer's
decision (scholarcli.library); this module only reads and writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scholarcli.errors import InvalidLibrary, InvalidRecord, Problem, ScholarError
from scholarcli.model import SCHEMA_VERSION, Settings, Work

SETTINGS_FILE = "library.toml"
LOCK_FILE = ".scholar.lock"
FOLDERS = {"patent": "patents"}  # where a new record of a type goes; every other type: publications
DEFAULT_FOLDER = "publications"


def new_record_path(work_type: str, key: str) -> str:
    """Where a new record goes, relative to the library root."""
    return f"{FOLDERS.get(work_type, DEFAULT_FOLDER)}/{key}.toml"


def read_toml(path: Path) -> tuple[dict[str, object] | None, str | None]:
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


def read_record(root: Path, relative: str, key: str, known_people: set[str]) -> Work | list[Problem]:
    """The work a record file holds, or its problems."""
    from scholarcli.model.validate import work_from_record

    raw, error = read_toml(root / relative)
    if raw is None:
        return [Problem(relative, "", error or "unreadable")]
    work, problems = work_from_record(key, raw, relative, known_people)
    return work if work is not None else problems


def settings_bytes(root: Path) -> bytes:
    try:
        return (root / SETTINGS_FILE).read_bytes()
    except OSError as error:
        raise InvalidLibrary([Problem(SETTINGS_FILE, "", f"cannot read: {error}")]) from None


def parse_settings(data: bytes) -> Settings:
    """library.toml's settings, or InvalidLibrary naming what is wrong."""
    import tomllib

    from scholarcli.model.validate import settings_from_toml

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
    from scholarcli.store.fileio import write_atomic

    write_atomic(settings, settings_text(people))
    return settings


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


def validated(work: Work, relative: str, known_people: set[str]) -> str:
    """The record's canonical text, read back and validated as a command reading it would."""
    import tomllib

    from scholarcli.model.validate import work_from_record

    text = record_text(work)
    checked, problems = work_from_record(work.key, tomllib.loads(text), relative, known_people)
    if problems or checked is None:
        raise InvalidRecord(problems)
    return text


def save(
    root: Path, relative: str, work: Work, known_people: set[str], overwrite: bool = False, durable: bool = True
) -> Path:
    """Validate and write one record atomically; refuse to replace another record's file."""
    text = validated(work, relative, known_people)
    path = root / relative
    if path.exists() and not overwrite:
        raise ScholarError(f"{relative} already exists; nothing was changed")
    path.parent.mkdir(parents=True, exist_ok=True)
    from scholarcli.store.fileio import write_atomic

    write_atomic(path, text, durable=durable)
    return path


def remove(root: Path, relative: str) -> None:
    (root / relative).unlink()
