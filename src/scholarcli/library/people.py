"""The people of library.toml: a person a profile import names, added with the name variants it gives.

library.toml is the user's own text, with their comments: a new person is appended to it as a
``[[people]]`` block, and a known person's block gets the variants it lacks; nothing else in the
file changes. The new text is validated before it is written, atomically.
"""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Sequence

from scholarcli.index import Library
from scholarcli.model import Person, Settings
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.query import fold
from scholarcli.store.records import SETTINGS_FILE, person_block, readable_settings, toml_string


class PersonChange(NamedTuple):
    name: str  # the person's name in library.toml
    added: bool = False  # a new [[people]] block
    variants: tuple[str, ...] = ()  # variants added to library.toml
    missing: tuple[str, ...] = ()  # names library.toml should have, but that could not be written there
    settings: Settings | None = None  # library.toml's settings as written, when it was changed


def _known(library: Library, names: Sequence[str]) -> Person | None:
    """The library's person any of ``names`` is a name or variant of."""
    wanted = {fold(name) for name in names}
    return next((p for p in library.settings.people if wanted & {fold(n) for n in p.all_names}), None)


def _variants_at(lines: list[str], start: int) -> tuple[int, list[str]] | None:
    """Where the ``variants`` array that starts at line ``start`` ends (exclusive), and its names."""
    for end in range(start + 1, len(lines) + 1):
        try:
            value = tomllib.loads("".join(lines[start:end])).get("variants")
        except tomllib.TOMLDecodeError:
            continue
        return (end, [str(name) for name in value]) if isinstance(value, list) else None
    return None


def _block_of(lines: list[str], name: str) -> tuple[int, int] | None:
    """The [[people]] block (first line after its header, end) whose name is ``name``."""
    headers = [i for i, line in enumerate(lines) if line.lstrip().startswith("[")] + [len(lines)]
    for header, end in itertools.pairwise(headers):
        if lines[header].split("#")[0].strip() != "[[people]]":
            continue
        for line in lines[header + 1 : end]:
            try:
                if tomllib.loads(line).get("name") == name:
                    return header + 1, end
            except tomllib.TOMLDecodeError:
                continue
    return None


def _with_variants(text: str, person: Person, added: list[str]) -> str | None:
    """library.toml's text with ``added`` among the person's variants; None when it cannot tell where."""
    lines = text.splitlines(keepends=True)
    block = _block_of(lines, person.name)
    if block is None:
        return None
    start, end = block
    new_line = f"variants = [{', '.join(toml_string(n) for n in [*person.variants, *added])}]\n"
    for at in range(start, end):
        if lines[at].lstrip().startswith("variants"):
            found = _variants_at(lines, at)
            if found is None:
                return None
            return "".join([*lines[:at], new_line, *lines[found[0] :]])
    name_at = next(at for at in range(start, end) if lines[at].lstrip().startswith("name"))
    return "".join([*lines[: name_at + 1], new_line, *lines[name_at + 1 :]])


def remember_person(library: Library, name: str, variants: Sequence[str]) -> PersonChange:
    """Make sure library.toml names the person, with these variants; call with the library's lock held."""
    from scholarcli.store.fileio import write_atomic

    variants = [variant for variant in dict.fromkeys(variants) if fold(variant) != fold(name)]
    person = _known(library, [name, *variants])
    path = library.root / SETTINGS_FILE
    text = path.read_text(encoding="utf-8")
    if person is None:
        new_text = text + ("" if text.endswith("\n") or not text else "\n") + "\n" + person_block(name, variants)
        change = PersonChange(name, added=True, variants=tuple(variants))
    else:
        have = {fold(n) for n in person.all_names}
        added = [n for n in dict.fromkeys([name, *variants]) if fold(n) not in have]
        if not added:
            return PersonChange(person.name)
        edited = _with_variants(text, person, added)
        if edited is None:
            return PersonChange(person.name, missing=tuple(added))
        new_text, change = edited, PersonChange(person.name, variants=tuple(added))
    settings = _naming_person(new_text, change)
    if settings is None:
        return PersonChange(change.name, missing=(name, *change.variants) if change.added else change.variants)
    write_atomic(path, new_text)
    return change._replace(settings=settings)


def _naming_person(text: str, change: PersonChange) -> Settings | None:
    """The settings of library.toml's new text if a reading command would read it (size, TOML, valid)
    and it names the person with the variants added."""
    settings = readable_settings(text)
    if settings is None:
        return None
    names = {n for person in settings.people if person.name == change.name for n in person.all_names}
    return settings if change.name in names and set(change.variants) <= names else None
