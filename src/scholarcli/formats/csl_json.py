"""CSL-JSON export, the input of pandoc/citeproc and Zotero; equal contribution in ``custom``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from scholarcli.formats.common import ExportOptions, ExportResult, equal_positions, is_arxiv
from scholarcli.model import Settings, Work
from scholarcli.model.describe import venue_long
from scholarcli.model.names import has_and, split_name

TYPES = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "incollection": "chapter",
    "book": "book",
    "thesis": "thesis",
    "techreport": "report",
    "preprint": "article",
    "misc": "article",
    "patent": "patent",
}


def _name(name: str) -> dict[str, str]:
    if has_and(name):  # "Tom and Jerry" is one name, not given "Tom and"
        return {"literal": name}
    given, family = split_name(name)
    return {"family": family, "given": given} if given else {"literal": family}


def item(work: Work, settings: Settings) -> dict[str, Any]:
    data: dict[str, Any] = {"id": work.key, "type": TYPES[work.type], "title": work.title}
    if work.authors:
        data["author"] = [_name(name) for name in work.authors]
    if work.year is not None:
        date = [
            work.year,
            *([work.month] if work.month else []),
            *([work.day] if work.month and work.day else []),
        ]
        data["issued"] = {"date-parts": [date]}
    venue = venue_long(work, settings)
    if is_arxiv(work, settings):
        data["publisher"] = "arXiv"
        data["genre"] = "Preprint"
        if work.arxiv:
            data["number"] = f"arXiv:{work.arxiv}"
    elif venue:
        data["container-title"] = venue
    if work.is_patent:
        if work.number:
            data["number"] = work.number
        if work.status:
            data["status"] = work.status
        if work.assignee:
            data["authority"] = work.assignee
    for name, value in (
        ("volume", work.volume),
        ("issue", work.issue),
        ("page", work.pages),
        ("DOI", work.doi),
        ("URL", work.url),
        ("note", work.note),
        ("abstract", work.abstract),
    ):
        if value:
            data[name] = value
    if work.publisher and "publisher" not in data:
        data["publisher"] = work.publisher
    if work.tags:
        data["keyword"] = ", ".join(work.tags)
    custom: dict[str, Any] = {}
    if positions := equal_positions(work):
        custom["equal-contribution"] = positions
    if work.authors_truncated:
        custom["authors-truncated"] = True
    if work.categories:
        custom["arxiv-categories"] = list(work.categories)
    if custom:
        data["custom"] = custom
    return data


def render(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
    items = [item(work, settings) for work in works]
    return ExportResult(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
