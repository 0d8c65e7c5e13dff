"""`edit`: a record's new text, validated, saved in canonical form only if it is valid."""

from __future__ import annotations

from scholarcli.errors import Problem, ScholarError
from scholarcli.index import Library
from scholarcli.model import Work
from scholarcli.store.records import file_stem, save, write_lock


def parse_edit(library: Library, key: str, text: str) -> tuple[Work | None, list[Problem]]:
    """The work an edited record's text describes, or its problems."""
    import tomllib

    from scholarcli.model.validate import work_from_record

    relative = library.paths[key]
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [Problem(relative, "", f"TOML syntax: {error}")]
    return work_from_record(file_stem(relative), raw, relative, library.known)


def save_edit(library: Library, key: str, original: str, edited: Work) -> str:
    """Save ``edited`` over the record of ``key`` unless the file changed since ``original`` was read; its path.

    An edit may change the key: the record then states its new key (its file keeps its name).
    """
    relative = library.paths[key]
    with write_lock(library.root):
        if (library.root / relative).read_text(encoding="utf-8") != original:
            raise ScholarError(f"{relative} changed while you edited it; your edit was not saved")
        save(library.root, relative, edited, library.known, overwrite=True)
    return relative
