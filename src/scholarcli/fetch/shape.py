"""Records in scholar's shape: canonical field order, nothing empty, nothing invented, valid."""

from __future__ import annotations

import re
from typing import Any

from scholarcli.fetch import FetchError
from scholarcli.model import FIELD_KINDS, WORK_TYPES

# DOI prefixes of preprint servers: a work with such a DOI is a preprint whatever its source calls it.
PREPRINT_DOI_PREFIXES = (
    "10.48550/",  # arXiv
    "10.1101/",  # bioRxiv, medRxiv
    "10.31219/",  # OSF Preprints
    "10.31234/",  # PsyArXiv
    "10.31235/",  # SocArXiv
    "10.20944/",  # Preprints.org
    "10.21203/",  # Research Square
    "10.26434/",  # ChemRxiv
    "10.36227/",  # TechRxiv
    "10.2139/",  # SSRN
    "10.1038/npre.",  # Nature Precedings
)


def mapping(value: Any) -> dict[str, Any]:
    """A JSON object as a dict, anything else (null, a list) as an empty one."""
    return value if isinstance(value, dict) else {}


def is_preprint_doi(doi: str | None) -> bool:
    """Whether a DOI belongs to a preprint server."""
    return bool(doi) and str(doi).casefold().startswith(tuple(p.casefold() for p in PREPRINT_DOI_PREFIXES))


def year_month_day(parts: list[Any] | tuple[Any, ...] | None) -> dict[str, int]:
    """``year``/``month``/``day`` from date parts ([2018, 4, 23], ["2024", "02"]), the valid ones only."""
    found: dict[str, int] = {}
    limits = (("year", 1000, 2999), ("month", 1, 12), ("day", 1, 31))
    for (name, low, high), value in zip(limits, parts or (), strict=False):
        try:
            number = int(value)
        except (TypeError, ValueError):
            break
        if not low <= number <= high:
            break
        found[name] = number
    return found


def iso_date(text: str | None) -> dict[str, int]:
    """``year``/``month``/``day`` from an ISO date or date-time ("2017-06-12", "1998-12-08T03:27:34Z")."""
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text or "")
    return year_month_day([part for part in match.groups() if part]) if match else {}


def make_record(work_type: str, title: str, **fields: Any) -> dict[str, Any]:
    """A record with the fields that have a value, in canonical order; FetchError if it is not valid.

    Empty strings and lists are left out; string lists lose empty and repeated items.
    """
    from scholarcli.model.validate import work_from_record

    values: dict[str, Any] = {"type": work_type if work_type in WORK_TYPES else "misc", "title": title, **fields}
    record: dict[str, Any] = {}
    for name in FIELD_KINDS:
        value = values.get(name)
        if isinstance(value, str):
            value = value.strip()
        elif isinstance(value, list | tuple):
            value = list(dict.fromkeys(item.strip() for item in value if isinstance(item, str) and item.strip()))
        if value is None or value == "" or value == [] or value is False:
            continue
        record[name] = value
    unknown = set(values) - set(FIELD_KINDS)
    if unknown:
        raise AssertionError(f"not record fields: {sorted(unknown)}")  # a bug in a mapping, not in data
    if "day" in record and "month" not in record:
        del record["day"]
    _, problems = work_from_record("fetched", record, "fetched", ())
    if problems:
        raise FetchError("scholar", title[:60], f"the answer makes no valid record: {problems[0]}", "bad-response")
    return record
