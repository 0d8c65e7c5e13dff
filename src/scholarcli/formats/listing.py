"""Machine-readable output of a list of works: tsv, csv, json, jsonl and keys.

The terminal table lives in cli/, since it needs rich; these are pure functions.
"""

from __future__ import annotations

from collections.abc import Mapping

from scholarcli.model import Citation, Settings, Work
from scholarcli.model.describe import authors_text, venue_short
from scholarcli.model.markup import title_text
from scholarcli.model.query import CITATIONS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

Counts = Mapping[str, Citation]  # citation counts by work key (citations.toml)
NO_COUNTS: Counts = {}

LIST_FORMATS = ("table", "tsv", "csv", "json", "jsonl", "keys")
# The citation count is last, so that scripts reading the first six columns of TSV read them still.
COLUMNS = ("key", "year", "type", "authors", "title", "venue", "citations")
# The work's fields each column reads (row() below): a brief listing reads only these. The count
# is no field of the record: it comes from citations.toml, which the listing then loads too.
COLUMN_READS: dict[str, tuple[str, ...]] = {
    "key": ("key",),
    "year": ("year",),
    "type": ("type",),
    "authors": ("authors", "authors_truncated", "equal_contribution", "marks", "extra"),  # extra: a kept list
    "title": ("title",),
    "venue": ("venue", "track", "arxiv", "type"),  # a preprint with no venue shows its arXiv id
    "citations": (CITATIONS,),
}
assert tuple(COLUMN_READS) == COLUMNS
# The formats that show the COLUMNS only (the table draws the same cells).
BRIEF_FORMATS = frozenset(("table", "tsv", "csv", "keys"))
# The formats that show each work's citation count (keys shows the key alone).
CITATION_FORMATS = frozenset(("table", "tsv", "csv", "json", "jsonl"))


def work_to_json(work: Work, citation: Citation | None = None) -> dict[str, Any]:
    """The record's fields in canonical order after ``key``, then its ``citations``; dates as ISO text."""
    import datetime as dt

    data: dict[str, Any] = {"key": work.key}
    for name, value in work.to_record().items():
        data[name] = value.isoformat() if isinstance(value, dt.date) else value
    if citation is not None:
        data["citations"] = {"count": citation.cited, "source": citation.source, "date": citation.date.isoformat()}
    return data


def row(work: Work, settings: Settings, counts: Counts = NO_COUNTS) -> tuple[str, ...]:
    """The cells of a work in a list, in COLUMNS order (no count: an empty cell)."""
    citation = counts.get(work.key)
    return (
        work.key,
        "" if work.year is None else str(work.year),
        work.type,
        authors_text(work, settings),
        title_text(work.title),
        venue_short(work),
        "" if citation is None else str(citation.cited),
    )


def _one_line(text: str) -> str:
    """Keep a cell on one line and in one column: tabs and newlines become spaces."""
    return " ".join(text.split())


def render_list(works: list[Work], fmt: str, settings: Settings, counts: Counts = NO_COUNTS) -> str:
    """The works in one of the plain formats, with their citation ``counts``; a non-empty result ends
    with a newline."""
    if fmt == "keys":
        return "".join(f"{work.key}\n" for work in works)
    if fmt == "tsv":
        # A key, a year, a type and a count never hold whitespace (validate.py checks them), so
        # only the other cells are cleaned: that halves the time to list 10,000 works.
        rows = (row(work, settings, counts) for work in works)
        return "".join(
            f"{key}\t{year}\t{kind}\t{_one_line(authors)}\t{_one_line(title)}\t{_one_line(venue)}\t{cited}\n"
            for key, year, kind, authors, title, venue, cited in rows
        )
    if fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(row(w, settings, counts) for w in works)
        return buffer.getvalue()
    from scholarcli.formats.code_points import json_text

    if fmt == "json":
        return json_text([work_to_json(w, counts.get(w.key)) for w in works]) + "\n"
    if fmt == "jsonl":
        return "".join(json_text(work_to_json(w, counts.get(w.key)), indent=None) + "\n" for w in works)
    raise ValueError(f"unknown list format {fmt!r}")
