"""Kinds of marks an import declares in library.toml: the symbols typed into names it does not declare yet.

library.toml is the user's own text, with their comments: each new kind is appended as a
``[marks.KIND]`` table with its symbol and legend, and nothing else in the file changes. The new text
is validated before it is written, atomically; a text that would not declare them (library.toml
writes its marks as an inline table, say) is refused, and the import writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from scholarcli.errors import ScholarError
from scholarcli.index import Library
from scholarcli.model import Mark, Settings
from scholarcli.store.records import SETTINGS_FILE, readable_settings, toml_string


def mark_block(kind: str, mark: Mark) -> str:
    """A ``[marks.KIND]`` table of library.toml."""
    return f"[marks.{kind}]\nsymbol = {toml_string(mark.symbol)}\nlegend = {toml_string(mark.legend)}\n"


def declare_marks(library: Library, marks: Mapping[str, Mark]) -> Settings:
    """library.toml's settings once it declares these kinds of marks; call with the library's lock held."""
    from scholarcli.store.fileio import write_atomic

    path = library.root / SETTINGS_FILE
    text = path.read_text(encoding="utf-8")
    new_text = text + ("" if text.endswith("\n") or not text else "\n")
    new_text += "".join(f"\n{mark_block(kind, mark)}" for kind, mark in marks.items())
    settings = _declaring(new_text, marks)
    if settings is None:
        blocks = ", ".join(f"[marks.{kind}] ({mark.symbol})" for kind, mark in marks.items())
        raise ScholarError(
            f"library.toml could not be changed to declare the marks the file's names carry: {blocks};"
            " declare them there and import again (nothing was imported)"
        )
    write_atomic(path, new_text)
    return settings


def _declaring(text: str, marks: Mapping[str, Mark]) -> Settings | None:
    """The settings of library.toml's new text if a reading command would read it and it declares ``marks``."""
    settings = readable_settings(text)
    if settings is None:
        return None
    return settings if all(settings.marks.get(kind) == mark for kind, mark in marks.items()) else None
