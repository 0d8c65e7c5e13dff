"""citations.toml: the citation count of each work, in one file beside library.toml.

Counts change every day. Kept in the records, each refresh would rewrite a file per cited work
and fill a library's git history with counts; kept here, a refresh rewrites this one file, and
the records change only when a work does. One table per work key, sorted by key::

    [sengupta2025prunenet]
    count = 12
    source = "openalex"
    date = 2025-06-20

What to write is the library layer's decision (library/refreshing.py); this module reads and
writes, the writer holding the library's lock (records.write_lock).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from scholarcli.errors import InvalidRecord, Problem
from scholarcli.model import Citation
from scholarcli.store.records import CITATIONS_FILE, parse_toml, read_toml

# About 80 bytes a work, so room for several hundred thousand works; a larger file is no such list.
MAX_CITATIONS_BYTES = 64 << 20
HEADER = (
    "# Citation counts by work key: written by `scholar refresh --citations`, which keeps a count it\n"
    "# could not fetch again. Apart from the records, so that daily counts stay out of their history.\n"
)


def read_citations(root: Path) -> tuple[dict[str, Citation], list[Problem]]:
    """The counts of the library at ``root`` (none without the file) and the problems of its entries."""
    path = root / CITATIONS_FILE
    if not os.path.lexists(path):
        return {}, []  # before importing what reading needs: most listings have no file to read
    from scholarcli.model.validate import citations_from_toml

    raw, error = read_toml(path, MAX_CITATIONS_BYTES)
    if raw is None:
        return {}, [Problem(CITATIONS_FILE, "", error or "unreadable")]
    return citations_from_toml(raw, CITATIONS_FILE)


def citations_text(counts: Mapping[str, Citation]) -> str:
    """The file's text: a table per key, sorted by key, so a diff shows only the counts that changed."""
    import tomli_w

    tables = {key: {"count": c.cited, "source": c.source, "date": c.date} for key, c in sorted(counts.items())}
    return HEADER + ("\n" + tomli_w.dumps(tables) if tables else "")


def write_citations(root: Path, counts: Mapping[str, Citation]) -> Path:
    """Replace citations.toml atomically with ``counts``; the caller holds the library's lock.

    The text is read back first as a reading command reads the file (size, TOML, every entry), and
    InvalidRecord names what it would refuse: a file with a broken entry would fail every listing.
    """
    from scholarcli.store.fileio import write_atomic

    path = root / CITATIONS_FILE
    text = citations_text(counts)
    problems = _problems_of(text.encode("utf-8"))
    if problems:
        raise InvalidRecord(problems)
    write_atomic(path, text)
    return path


def _problems_of(data: bytes) -> list[Problem]:
    """What reading citations.toml with these bytes would report."""
    from scholarcli.model.validate import citations_from_toml

    if len(data) > MAX_CITATIONS_BYTES:
        return [Problem(CITATIONS_FILE, "", f"{len(data):,} bytes, more than the {MAX_CITATIONS_BYTES:,} it may have")]
    raw, error = parse_toml(data)
    if raw is None:
        return [Problem(CITATIONS_FILE, "", error or "unreadable")]
    return citations_from_toml(raw, CITATIONS_FILE)[1]
