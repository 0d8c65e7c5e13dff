"""Exports that are a tree of files (a Hugo site's page bundles, an academicpages collection).

Their renderers return a mapping of relative path -> text. Writing it is the command's; what to
write is decided here, purely: a re-run rewrites only files that scholar wrote (they carry MARKER)
and whose text changed, leaves anyone else's file alone, and names scholar's files that the
selection no longer holds, so the command can say so (or remove them when asked).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence

from scholarcli.model.named_tuple import NamedTuple

# In the YAML front matter of each page scholar writes (a YAML comment, so no site reads it).
MARKER = "# Written by scholar: `scholar export` replaces this file; edit the record instead."


class WritePlan(NamedTuple):
    write: Mapping[str, str]  # new files, and scholar's files whose text changed
    unchanged: Sequence[str]  # scholar's files that already hold this text: not touched
    foreign: Sequence[str]  # files there that scholar did not write: never overwritten
    stale: Sequence[str]  # scholar's files that the export no longer makes


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


def owner_page(path: str, pages: Sequence[str]) -> str | None:
    """The page a file belongs to: itself if it is a page, else the page of its bundle (folder)."""
    if path in pages:
        return path
    folder = posixpath.dirname(path)
    return next((page for page in pages if posixpath.dirname(page) == folder and folder), None)


def plan_writes(new: Mapping[str, str], existing: Mapping[str, str]) -> WritePlan:
    """What to write of ``new`` given ``existing`` (each file already in the output tree that the
    export might touch: every path of ``new``, and every page scholar wrote before, with its text).

    A file is scholar's when it is a page with MARKER, or lies in the bundle of such a page (a
    bundle's ``cite.bib`` has no room for a marker of its own).
    """
    pages = [path for path in {*new, *existing} if path.endswith(".md")]

    def ours(path: str) -> bool:
        page = owner_page(path, pages)
        if page is None:
            return False
        if page in existing:
            return is_scholar_page(existing[page])
        return path not in existing  # a file already there beside no page of ours is someone's

    write, unchanged, foreign = {}, [], []
    for path, text in sorted(new.items()):
        if path not in existing:
            write[path] = text
        elif not ours(path):
            foreign.append(path)
        elif existing[path] == text:
            unchanged.append(path)
        else:
            write[path] = text
    stale = sorted(path for path in existing if path not in new and ours(path))
    return WritePlan(write, unchanged, foreign, stale)


def safe_relative_path(path: str) -> bool:
    """A path the command may create below the output directory: relative, no ``..``, no backslash."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and all(p not in ("", ".", "..") for p in parts)
