"""Counts for `scholar stats` and `scholar venues`: pure functions over works, and the report of stats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scholarcli.errors import Problem
from scholarcli.index import Progress
from scholarcli.model import Citation, Person, RecordedMetrics, Settings, Work
from scholarcli.model.metrics import Metrics, contradictions, metrics
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.query import Filters, belongs_to, find_person, fold, select


@dataclass(frozen=True)
class VenueCount:
    acronym: str
    name: str
    kind: str
    works: int


def venue_counts(works: Sequence[Work], settings: Settings, everything: bool = False) -> list[VenueCount]:
    """Every venue the works name, most works first; a free-text venue is its own acronym.

    ``everything``: every venue of the registry too (the library's over the bundled ones), most
    works first, then A to Z.
    """
    counts = Counter(work.listed_venue for work in works if work.listed_venue)
    if everything:
        from scholarcli.venues import registry_of

        counts.update(dict.fromkeys(registry_of(settings), 0))
    rows = []
    for venue, count in counts.items():
        entry = settings.venue(venue)
        rows.append(VenueCount(venue, entry.name if entry else "", entry.kind if entry else "", count))
    return sorted(rows, key=lambda row: (-row.works, fold(row.acronym), row.acronym))


def person_counts(works: Sequence[Work], settings: Settings, only: str | None = None) -> dict[str, dict[str, int]]:
    """Per person of the library (or ``only`` that one, by name or variant): their works, first-author
    works, equal-contribution works, patents."""
    result = {}
    for person in (find_person(settings, only),) if only else settings.people:
        names = {fold(name) for name in person.all_names}
        theirs = [work for work in works if belongs_to(work, person)]
        result[person.name] = {
            "works": len(theirs),
            "first_author": sum(1 for w in theirs if w.authors and fold(w.authors[0]) in names),
            "equal_contribution": sum(1 for w in theirs if any(fold(n) in names for n in w.equal_contribution)),
            "patents": sum(1 for w in theirs if w.is_patent),
        }
    return result


def summary(
    works: Sequence[Work],
    settings: Settings,
    top: int = 10,
    citations: Mapping[str, Citation] | None = None,
    person: str | None = None,
) -> dict[str, Any]:
    """The numbers a CV header wants, the distributions `stats` draws, and the citation metrics: every
    year from the first to the last (a year without works counts 0); the people, or only ``person``."""
    years = Counter(work.year for work in works if work.year is not None)
    if years:
        years.update(dict.fromkeys(range(min(years), max(years) + 1), 0))
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
        "people": person_counts(works, settings, person),
        "metrics": citation_metrics(works, settings, citations or {}, person),
    }


def _metrics_data(found: Metrics) -> dict[str, Any]:
    data: dict[str, Any] = found._asdict()
    data["sources"] = list(found.sources)
    data["oldest"] = found.oldest.isoformat() if found.oldest else None
    return data


def _recorded_data(recorded: RecordedMetrics) -> dict[str, Any]:
    data: dict[str, Any] = recorded._asdict()
    data["date"] = recorded.date.isoformat() if recorded.date else None
    data["contradictions"] = contradictions(recorded)
    return data


def citation_metrics(
    works: Sequence[Work], settings: Settings, counts: Mapping[str, Citation], only: str | None = None
) -> dict[str, Any]:
    """Works, citations, h-index and i10-index of all the works and of each person's (or ``only`` that
    one's), with the counts' sources and oldest date; and the recorded metrics, with their contradictions."""

    def of(chosen: Sequence[Work]) -> dict[str, Any]:
        return _metrics_data(metrics((work.key for work in chosen), counts))

    people: Sequence[Person] = (find_person(settings, only),) if only else settings.people
    return {
        "total": of(works),
        "people": {person.name: of([work for work in works if belongs_to(work, person)]) for person in people},
        "recorded": {person.name: _recorded_data(person.metrics) for person in people if person.metrics},
    }


class StatsReport(NamedTuple):
    """What `stats` shows, what it warns about (recorded metrics that cannot be true), the library's problems."""

    data: dict[str, Any]
    warnings: list[str]
    problems: list[Problem]
    root: Path


def stats(explicit: Path | None, filters: Filters, top: int = 10, progress: Progress | None = None) -> StatsReport:
    """The numbers of the works ``filters`` select, with the citation counts of citations.toml."""
    from scholarcli.library import open_citations, open_library

    library = open_library(explicit, progress)
    works = select(library.works, filters, library.settings)
    counts, citation_problems = open_citations(library.root)
    data = summary(works, library.settings, top, counts, filters.person)
    warnings = [
        f"{name}'s recorded metrics ({recorded['source'] or 'no source'}) cannot all be true: {reason}"
        for name, recorded in data["metrics"]["recorded"].items()
        for reason in recorded["contradictions"]
    ]
    return StatsReport(data, warnings, [*library.problems, *citation_problems], library.root)
