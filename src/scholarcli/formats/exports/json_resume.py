"""The ``publications`` section of a JSON Resume; patents too, since the schema has no patent section."""

from __future__ import annotations

from typing import Any

from scholarcli.formats.code_points import json_text
from scholarcli.formats.cv import Cv, CvEntry
from scholarcli.formats.cv_export import cv_format
from scholarcli.model.describe import iso_date
from scholarcli.model.marks import legend_text, symbols


def release_date(entry: CvEntry) -> str | None:
    """ISO 8601 as the schema allows it: YYYY, YYYY-MM or YYYY-MM-DD; nothing without a year."""
    return iso_date(entry.work)


def publication(entry: CvEntry, cv: Cv) -> dict[str, Any]:
    work = entry.work
    item: dict[str, Any] = {"name": f"{work.title} ({work.number})" if work.is_patent and work.number else work.title}
    if entry.venue_name:  # the venue alone: the year has releaseDate, and is no publisher
        item["publisher"] = entry.venue_name
    if date := release_date(entry):
        item["releaseDate"] = date
    if entry.links:
        item["url"] = entry.links[0].url
    summary = ", ".join(author.name + symbols(author.marks) for author in entry.authors)
    if work.authors_truncated:
        summary = f"{summary} et al." if summary else "et al."
    if entry.legends:
        summary += f" ({legend_text(entry.legends)})"
    if summary:
        item["summary"] = summary
    return item


def render_cv(cv: Cv) -> str:
    items = [publication(entry, cv) for section in cv.sections for entry in section.entries]
    return json_text({"publications": items}) + "\n"


# JSON Resume carries every character (escaped), so its texts stay exact: no repertoire
FORMAT = cv_format("json-resume", "the CV as JSON Resume (jsonresume.org)", render_cv, None)
