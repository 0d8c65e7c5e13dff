"""Writing BibTeX-syntax entries, shared by the BibTeX and BibLaTeX exports."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from scholarcli.formats.latex_text import escape
from scholarcli.model import Work
from scholarcli.model.names import has_and, split_name

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class Bare(str):
    """A field value written without braces: a month macro such as ``sep``."""


# Entry types and field names as BibTeX reads them; anything else could end the entry early.
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_:.+-]*")
# In a verbatim field (an address, a DOI) BibTeX still counts braces, and whitespace would end a
# URL: those characters are written percent-encoded, which every reader of an address understands.
_NOT_VERBATIM = re.compile(r"[{}\s\x00-\x1f\x7f-\x9f]")


def verbatim(value: str) -> str:
    """An address or identifier as a BibTeX field value that cannot close its field or the entry."""
    return _NOT_VERBATIM.sub(lambda found: "".join(f"%{byte:02X}" for byte in found.group().encode()), value)


def entry(entry_type: str, key: str, fields: Sequence[tuple[str, str]]) -> str:
    """One entry, fields aligned, values in braces (already escaped by the caller).

    An entry type or field name that is no identifier is a slip (validation refuses them in
    records): it is never written, so that no value can leave its field.
    """
    if not _IDENTIFIER.fullmatch(entry_type):
        entry_type = "misc"
    fields = [(name, value) for name, value in fields if _IDENTIFIER.fullmatch(name)]
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
    when it starts with an accented capital (``Kaiser, {\\L}ukasz``), and particles stay in the family.

    A name with the word "and" in it ("Procter and Gamble Research") is one name in braces: bare,
    BibTeX would read it as two.
    """
    if has_and(name):
        return f"{{{escape(name, ascii_only)}}}"
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
