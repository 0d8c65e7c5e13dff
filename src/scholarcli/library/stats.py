"""Counts for `scholar stats` and `scholar venues`: pure functions over works."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scholarcli.model import Settings, Work
from scholarcli.model.query import belongs_to, fold


@dataclass(frozen=True)
class VenueCount:
    acronym: str
    name: str
    kind: str
    works: int


def venue_counts(works: Sequence[Work], settings: Settings) -> list[VenueCount]:
    """Every venue the works name, most works first; a free-text venue is its own acronym."""
    counts = Counter(work.venue for work in works if work.venue)
    rows = []
    for venue, count in counts.items():
        entry = settings.venue(venue)
        rows.append(VenueCount(venue, entry.name if entry else "", entry.kind if entry else "", count))
    return sorted(rows, key=lambda row: (-row.works, fold(row.acronym)))


def person_counts(works: Sequence[Work], settings: Settings) -> dict[str, dict[str, int]]:
    """Per person of the library: their works, first-author works, equal-contribution works, patents."""
    result = {}
    for person in settings.people:
        names = {fold(name) for name in person.all_names}
        theirs = [work for work in works if belongs_to(work, person)]
        result[person.name] = {
            "works": len(theirs),
            "first_author": sum(1 for w in theirs if w.authors and fold(w.authors[0]) in names),
            "equal_contribution": sum(1 for w in theirs if any(fold(n) in names for n in w.equal_contribution)),
            "patents": sum(1 for w in theirs if w.is_patent),
        }
    return result


def summary(works: Sequence[Work], settings: Settings, top: int = 10) -> dict[str, Any]:
    """The numbers a CV header wants, and the distributions `stats` draws."""
    years = Counter(work.year for work in works if work.year is not None)
    patents = Counter(work.status or "unknown" for work in works if work.is_patent)
    return {
        "total": len(works),
        "publications": sum(1 for work in works if not work.is_patent),
        "patents": {status: patents.get(status, 0) for status in ("granted", "pending", "filed")},
        "equal_contribution": sum(1 for work in works if work.equal_contribution),
        "undated": sum(1 for work in works if work.year is None),
        "by_year": {str(year): years[year] for year in sorted(years)},
        "by_type": dict(Counter(work.type for work in works).most_common()),
        "by_venue": {row.acronym: row.works for row in venue_counts(works, settings)[:top]},
        "people": person_counts(works, settings),
    }
