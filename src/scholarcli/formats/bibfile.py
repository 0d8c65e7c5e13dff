"""Writing BibTeX-syntax entries, shared by the BibTeX and BibLaTeX exports."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from scholarcli.formats.latex_text import escape
from scholarcli.model import Work
from scholarcli.model.names import split_name

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class Bare(str):
    """A field value written without braces: a month macro such as ``sep``."""


def entry(entry_type: str, key: str, fields: Sequence[tuple[str, str]]) -> str:
    """One entry, fields aligned, values in braces (already escaped by the caller)."""
    width = max([len(name) for name, _ in fields], default=0)
    parts = [f"@{entry_type}{{{key},\n"]
    for name, value in fields:
        shown = value if type(value) is Bare else f"{{{value}}}"
        parts.append(f"  {name.ljust(width)} = {shown},\n")
    parts.append("}\n")
    return "".join(parts)


@lru_cache(maxsize=65536)  # the same co-authors come back entry after entry
def bib_name(name: str, ascii_only: bool) -> str:
    """``Family, Given``: with the comma, BibTeX, biber and pandoc all agree on the given name even
    when it starts with an accented capital (``Kaiser, {\\L}ukasz``), and particles stay in the family."""
    given, family = split_name(name)
    return f"{escape(family, ascii_only)}, {escape(given, ascii_only)}" if given else escape(family, ascii_only)


def names(work: Work, ascii_only: bool) -> str:
    """The author field: names joined by ``and``, ``and others`` when the list was truncated."""
    listed = [bib_name(name, ascii_only) for name in work.authors]
    if work.authors_truncated:
        listed.append("others")
    return " and ".join(listed)


def page_range(pages: str) -> str:
    """``12-34`` as the en-dash range ``12--34`` that BibTeX styles expect."""
    if "--" in pages:
        return pages
    return "--".join(part.strip() for part in pages.split("-")) if pages.count("-") == 1 else pages


def extra_fields(work: Work, used: set[str]) -> list[tuple[str, str]]:
    """Fields kept from an import, after those already written: BibTeX source, written as it came."""
    return [(name, value) for name, value in work.extra.items() if name not in used]
