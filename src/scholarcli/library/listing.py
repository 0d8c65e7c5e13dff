"""`list`: the selected works of a library, read with only the fields the listing needs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from scholarcli.errors import Problem
from scholarcli.index import Progress
from scholarcli.library import open_citations, open_library, open_listing
from scholarcli.model import Citation, Settings, Work
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.query import CITATIONS, Filters, fields_read, select, sort_works


class Selection(NamedTuple):
    """Works chosen from a library, in order, with their citation counts when the listing reads
    them, and the problems of its broken records (and of citations.toml)."""

    root: Path
    settings: Settings
    works: list[Work]
    problems: list[Problem]
    citations: Mapping[str, Citation] = {}  # one shared empty mapping, never changed


def brief_fields(filters: Filters, sort: str) -> set[str]:
    """Every field a brief listing (its columns), its filters and its sort order read."""
    from scholarcli.formats.listing import COLUMN_READS

    return fields_read(filters, sort).union(*COLUMN_READS.values())


def list_works(
    explicit: Path | None,
    filters: Filters,
    sort: str = "year",
    reverse: bool = False,
    limit: int | None = None,
    brief: bool = False,
    progress: Progress | None = None,
    citations: bool = False,
) -> Selection:
    """The selected works, sorted; ``brief``: only the listing's columns will be shown;
    ``citations``: each work's citation count will be (sorting by them reads them too)."""
    if brief:
        library = open_listing(explicit, brief_fields(filters, sort) - {CITATIONS}, progress)
        root, settings, works, problems = library
    else:
        whole = open_library(explicit, progress)
        root, settings, works, problems = whole.root, whole.settings, whole.works, whole.problems
    counts: Mapping[str, Citation] = {}
    if citations or CITATIONS in fields_read(filters, sort):  # only then: parsing the file is not free
        counts, broken = open_citations(root)
        problems = [*problems, *broken]
    chosen = sort_works(select(works, filters, settings), sort, reverse, counts)
    if limit is not None:
        chosen = chosen[:limit]
    return Selection(root, settings, chosen, problems, counts)
