"""Exports that are a tree of files (a Hugo site's page bundles, an academicpages collection).

Their renderers return a mapping of relative path -> text, each work's files named by
``page_names``: a portable name, unique whatever the keys are (the key itself stays in the front
matter). Writing it is the command's; what to write is decided here, purely, before any file is
written: a file is replaced only while it holds exactly what scholar wrote there (a manifest in
the output folder keeps a SHA-256 of each file scholar wrote), and anything else is kept and named.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from scholarcli.model.keys import TRANSLITERATION
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.validate import is_portable_stem, portable_stem

# In the YAML front matter of each page scholar writes (a YAML comment, so no site reads it).
MARKER = "# Written by scholar: `scholar export` replaces this file; edit the record instead."
# In the output folder, beside the pages: the files scholar wrote there, each with the SHA-256 of
# the bytes written. A leading dot keeps it out of the site (Hugo and Jekyll skip such files).
MANIFEST = ".scholar-export.toml"
# A page name's length in characters (all ASCII): a name is a folder or a file with ".md", and
# while a file is written a temp name adds 15 more (".NAME.md.XXXXXXXX.tmp"), all under 255 bytes.
NAME_LENGTH = 190


def is_page_name(name: str) -> bool:
    """A name every site and system keeps as it is: a portable record name (store/records.py) that
    starts with a letter or digit (Jekyll skips names starting with "_", Hugo gives "_index" a
    meaning) and does not end with a dot (Windows drops it)."""
    return is_portable_stem(name) and name[0].isalnum() and not name.endswith(".") and len(name) <= NAME_LENGTH


def _page_form(key: str) -> str:
    """``key`` where it is a page name, else a page name made of its letters (ASCII, accents dropped)."""
    if is_page_name(key):
        return key
    folded = unicodedata.normalize("NFKD", key.translate(TRANSLITERATION)).encode("ascii", "ignore").decode()
    stem = portable_stem(folded)[:NAME_LENGTH].strip("._+-")
    return portable_stem(stem) if stem else "work"


def folded(name: str) -> str:
    """What a case-insensitive, normalising file system (macOS, Windows) takes a name to be."""
    return unicodedata.normalize("NFC", name).casefold()


def page_names(keys: Iterable[str]) -> dict[str, str]:
    """A page name for each key: the key itself where it is one, else a portable form of it; a
    name that another key has (after case folding) gets -2, -3, ... as a new record's file does.

    Keys that are their own name come first, so that another key never takes such a key's name.
    """
    forms = {key: _page_form(key) for key in keys}
    order = sorted(forms, key=lambda key: (forms[key] != key, key))
    names: dict[str, str] = {}
    taken: set[str] = set()
    for key in order:
        name, number = forms[key], 1
        while folded(name) in taken:
            number += 1
            name = f"{forms[key]}-{number}"
        taken.add(folded(name))
        names[key] = name
    return names


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_DIGEST = re.compile(r"[0-9a-f]{64}")


class Found(NamedTuple):
    """What the output folder holds at a path."""

    digest: str | None = None  # SHA-256 of the regular file there; None: nothing there
    blocked: bool = False  # something scholar never replaces: a link, a folder, a FIFO, or a file where a folder goes


MISSING = Found()
BLOCKED = Found(blocked=True)


class WritePlan(NamedTuple):
    write: Mapping[str, str]  # new files, and scholar's files whose text changed
    unchanged: Sequence[str]  # scholar's files that already hold this text: not touched
    foreign: Sequence[str]  # files there that scholar did not write, or that were changed since: kept
    stale: Sequence[str]  # scholar's unchanged files that the export no longer makes: kept, and named
    manifest: Mapping[str, str]  # path -> digest of every file of scholar's after the writes


def plan_writes(new: Mapping[str, str], found: Mapping[str, Found], written: Mapping[str, str]) -> WritePlan:
    """What to write of ``new`` (path -> text), given what the output folder holds (``found``, for
    every path of ``new`` and of ``written``) and what scholar wrote there before (``written``,
    the manifest: path -> digest). A file is replaced only where it is missing, or holds the very
    bytes scholar wrote there; a file scholar wrote that someone changed is theirs from then on.
    """
    write: dict[str, str] = {}
    unchanged: list[str] = []
    foreign: list[str] = []
    manifest: dict[str, str] = {}
    for path, text in sorted(new.items()):
        there, made = found.get(path, MISSING), digest(text.encode("utf-8"))
        if there.blocked:
            foreign.append(path)
            continue
        if there.digest == made:
            unchanged.append(path)
        elif there.digest is None or written.get(path) == there.digest:
            write[path] = text
        else:
            foreign.append(path)
            continue
        manifest[path] = made
    stale = sorted(path for path, kept in written.items() if path not in new and found.get(path) == Found(kept))
    manifest.update((path, written[path]) for path in stale)
    return WritePlan(write, unchanged, foreign, stale, dict(sorted(manifest.items())))


def is_scholar_page(text: str) -> bool:
    """Whether a page is scholar's: its front matter (the lines up to the closing ``---``) has MARKER."""
    lines = text.splitlines()
    if not lines or lines[0] != "---":
        return False
    for line in lines[1:]:
        if line == "---":
            return False
        if line == MARKER:
            return True
    return False


def unrecorded(existing: Mapping[str, str]) -> dict[str, str]:
    """The files scholar wrote in a folder that has no manifest (written by a scholar before it
    kept one), path -> digest: each page with MARKER in its front matter, and the other files of
    its bundle (a ``cite.bib`` has no room for a marker). ``existing``: path -> text of the pages
    and bundle files there."""
    pages = [path for path, text in existing.items() if path.endswith(".md") and is_scholar_page(text)]
    bundles = {posixpath.dirname(page) for page in pages} - {""}
    return {
        path: digest(text.encode("utf-8"))
        for path, text in existing.items()
        if path in pages or posixpath.dirname(path) in bundles
    }


def manifest_text(tables: Mapping[str, Mapping[str, str]]) -> str:
    """The manifest: a TOML table per format, of path -> digest."""
    from scholarcli.store.records import toml_string

    lines = [
        "# Written by scholar: the files `scholar export` wrote in this folder, with the SHA-256 of each.",
        "# scholar replaces a file only while it holds what scholar wrote; it keeps any file changed since.",
    ]
    for fmt, files in sorted(tables.items()):
        lines += [
            "",
            f"[{fmt}]",  # a format's name: letters and hyphens
            *(f"{toml_string(path)} = {toml_string(d)}" for path, d in files.items()),
        ]
    return "\n".join(lines) + "\n"


def manifest_tables(raw: Mapping[str, object]) -> dict[str, dict[str, str]]:
    """The manifest's tables as read (tomllib), keeping only entries that are a safe path and a digest."""
    tables: dict[str, dict[str, str]] = {}
    for fmt, files in raw.items():
        if isinstance(files, dict):
            tables[fmt] = {
                path: found
                for path, found in files.items()
                if isinstance(found, str) and _DIGEST.fullmatch(found) and safe_relative_path(path)
            }
    return tables


def safe_relative_path(path: str) -> bool:
    """A path the command may create below the output directory: relative, no ``..``, no backslash."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and all(p not in ("", ".", "..") for p in parts)
