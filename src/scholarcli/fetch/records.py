"""Records in scholar's shape: canonical field order, nothing empty, nothing invented, valid."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from scholarcli.fetch import FetchError
from scholarcli.fetch.service_text import clean
from scholarcli.fetch.value import Value
from scholarcli.model import FIELD_KINDS, WORK_TYPES

# What a year, a month and a day may be in a fetched date (a record allows years 1-9999; a
# publication year before 1000 or after 2999 is a service's error, not a date).
DATE_PARTS = (("year", 1000, 2999), ("month", 1, 12), ("day", 1, 31))


def year_month_day(parts: Sequence[object]) -> dict[str, int]:
    """``year``/``month``/``day`` from date parts ([2018, 4, 23], ["2024", "02"]), as far as each is valid.

    A part is a whole number or a string of digits (never 2018.7, true or "2e3"); a day that the
    month has not (February 30) is left out.
    """
    found: dict[str, int] = {}
    for (name, low, high), part in zip(DATE_PARTS, parts, strict=False):
        number = Value(part).whole(low, high)
        if number is None:
            break
        found[name] = number
    if "day" in found:
        try:
            dt.date(found.get("year", 2000), found["month"], found["day"])  # 2000: February 29 may be right
        except ValueError:
            del found["day"]
    return found


def iso_date(text: str | None) -> dict[str, int]:
    """``year``/``month``/``day`` from an ISO date or date-time ("2017-06-12", "1998-12-08T03:27:34Z")."""
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text or "")
    return year_month_day([part for part in match.groups() if part]) if match else {}


def make_record(work_type: str, title: str, **fields: Any) -> dict[str, Any]:
    """A record with the fields that have a value, in canonical order; FetchError if it is not valid.

    Strings are cleaned (no control characters, white space collapsed); empty strings and lists are
    left out; string lists lose empty and repeated items.
    """
    from scholarcli.model.validate import work_from_record

    values: dict[str, Any] = {"type": work_type if work_type in WORK_TYPES else "misc", "title": title, **fields}
    record: dict[str, Any] = {}
    for name in FIELD_KINDS:
        value = values.get(name)
        if isinstance(value, str):
            value = clean(value)
        elif isinstance(value, list | tuple):
            value = list(dict.fromkeys(clean(item) for item in value if isinstance(item, str) and clean(item)))
        if value is None or value == "" or value == [] or value is False:
            continue
        record[name] = value
    unknown = set(values) - set(FIELD_KINDS)
    if unknown:
        raise AssertionError(f"not record fields: {sorted(unknown)}")  # a bug in a mapping, not in data
    if "day" in record and "month" not in record:
        del record["day"]
    _, problems = work_from_record("fetched", record, "fetched")
    if problems:
        raise FetchError("scholar", title[:60], f"the answer makes no valid record: {problems[0]}", "bad-response")
    return record
