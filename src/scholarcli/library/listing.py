"""`list`: the selected works of a library, read with only the fields the listing needs."""

from __future__ import annotations

from pathlib import Path

from scholarcli.errors import Problem
from scholarcli.index import Progress
from scholarcli.library import open_library, open_listing
from scholarcli.model import Settings, Work
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.query import Filters, fields_read, select, sort_works


class Selection(NamedTuple):
    """Works chosen from a library, in order, with the problems of its broken records."""

    root: Path
    settings: Settings
    works: list[Work]
    problems: list[Problem]


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
) -> Selection:
    """The selected works, sorted; ``brief``: only the listing's columns will be shown."""
    if brief:
        library = open_listing(explicit, brief_fields(filters, sort), progress)
        root, settings, works, problems = library
    else:
        whole = open_library(explicit, progress)
        root, settings, works, problems = whole.root, whole.settings, whole.works, whole.problems
    chosen = sort_works(select(works, filters, settings), sort, reverse)
    if limit is not None:
        chosen = chosen[:limit]
    return Selection(root, settings, chosen, problems)
