"""Machine-readable output of a list of works: tsv, csv, json, jsonl and keys.

The terminal table lives in cli/, since it needs rich; these are pure functions.
"""

from __future__ import annotations

from scholarcli.model import Settings, Work
from scholarcli.model.describe import authors_text, venue_short

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

LIST_FORMATS = ("table", "tsv", "csv", "json", "jsonl", "keys")
COLUMNS = ("key", "year", "type", "authors", "title", "venue")
# The work's fields each column reads (row() below): a brief listing reads only these.
COLUMN_READS: dict[str, tuple[str, ...]] = {
    "key": ("key",),
    "year": ("year",),
    "type": ("type",),
    "authors": ("authors", "authors_truncated", "equal_contribution"),
    "title": ("title",),
    "venue": ("venue", "track"),
}
assert tuple(COLUMN_READS) == COLUMNS
# The formats that show the COLUMNS only (the table draws the same cells).
BRIEF_FORMATS = frozenset(("table", "tsv", "csv", "keys"))


def work_to_json(work: Work) -> dict[str, Any]:
    """The record's fields in canonical order after ``key``; dates as ISO text."""
    import datetime as dt

    data: dict[str, Any] = {"key": work.key}
    for name, value in work.to_record().items():
        data[name] = value.isoformat() if isinstance(value, dt.date) else value
    return data


def row(work: Work, settings: Settings) -> tuple[str, ...]:
    """The cells of a work in a list, in COLUMNS order."""
    return (
        work.key,
        "" if work.year is None else str(work.year),
        work.type,
        authors_text(work, settings.equal_contribution),
        work.title,
        venue_short(work),
    )


def _one_line(text: str) -> str:
    """Keep a cell on one line and in one column: tabs and newlines become spaces."""
    return " ".join(text.split())


def render_list(works: list[Work], fmt: str, settings: Settings) -> str:
    """The works in one of the plain formats; every non-empty result ends with a newline."""
    if fmt == "keys":
        return "".join(f"{work.key}\n" for work in works)
    if fmt == "tsv":
        # A key, a year and a type never hold whitespace (validate.py checks them), so only the
        # other cells are cleaned: that halves the time to list 10,000 works.
        rows = (row(work, settings) for work in works)
        return "".join(
            f"{key}\t{year}\t{kind}\t{_one_line(authors)}\t{_one_line(title)}\t{_one_line(venue)}\n"
            for key, year, kind, authors, title, venue in rows
        )
    if fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(row(w, settings) for w in works)
        return buffer.getvalue()
    import json

    if fmt == "json":
        return json.dumps([work_to_json(w) for w in works], ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(work_to_json(w), ensure_ascii=False) + "\n" for w in works)
    raise ValueError(f"unknown list format {fmt!r}")
