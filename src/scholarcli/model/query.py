"""Filtering and sorting works: pure functions over model objects."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from scholarcli.errors import ScholarError, UnknownKey, UnknownPerson
from scholarcli.model import Citation, Person, Settings, Work
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.names import source_names

SORT_FIELDS = ("year", "title", "venue", "key", "citations")
_NEWEST_FIRST_READS = ("year", "month", "day", "key")
# Not a field of the records: each work's count in citations.toml, which a listing that reads it
# loads as well (library.listing); the reads below may name it.
CITATIONS = "citations"
# The work's fields each sort order reads (ties fall back to newest first, then the key).
SORT_READS: dict[str, tuple[str, ...]] = {
    "year": _NEWEST_FIRST_READS,
    "title": ("title", *_NEWEST_FIRST_READS),
    "venue": ("venue", *_NEWEST_FIRST_READS),
    "key": ("key",),
    "citations": (CITATIONS, *_NEWEST_FIRST_READS),
}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of a text: "Hervé" and "herve" fold alike."""
    if text.isascii():  # no accents to drop: most titles, a tenth of `check` on 10,000 works
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def contains_words(text: str, wanted: Sequence[str]) -> bool:
    """Whether ``wanted`` occurs in ``text`` as consecutive whole words."""
    have = words(text)
    width = len(wanted)
    if not width:
        return False
    return any(have[i : i + width] == tuple(wanted) for i in range(len(have) - width + 1))


class YearRange(NamedTuple):
    """An inclusive range of years; either end may be open."""

    start: int | None
    end: int | None

    def __contains__(self, year: object) -> bool:
        if not isinstance(year, int):
            return False
        return (self.start is None or year >= self.start) and (self.end is None or year <= self.end)


def parse_year_range(text: str) -> YearRange:
    """Parse ``2024``, ``2021..2023``, ``2023..`` or ``..2020``; ValueError otherwise."""
    match = re.fullmatch(r"\s*(\d{4})?\s*(\.\.)?\s*(\d{4})?\s*", text)
    if not match or not (match.group(1) or match.group(3)):
        raise ValueError(f'"{text}" is not a year or range (use 2024, 2021..2023, 2023.. or ..2020)')
    start = int(match.group(1)) if match.group(1) else None
    end = int(match.group(3)) if match.group(3) else None
    if not match.group(2):
        if end is not None:  # "2021 2023" without the two dots
            raise ValueError(f'"{text}" is not a year or range (use 2024, 2021..2023, 2023.. or ..2020)')
        end = start
    if start is not None and end is not None and start > end:
        raise ValueError(f'"{text}" is an empty range: {start} is after {end}')
    return YearRange(start, end)


class Filters(NamedTuple):
    """What `list` and `export` select by; every filter that is set must match."""

    venue: str | None = None
    years: YearRange | None = None
    type: str | None = None
    author: str | None = None
    person: str | None = None
    search: str | None = None
    tag: str | None = None
    selected: bool = False


# The work's fields each filter of Filters reads, so that a listing reads only those (see
# library.listing); a test lists a library that sets every field both ways and compares.
FILTER_READS: dict[str, tuple[str, ...]] = {
    "venue": ("venue", "arxiv", "type"),  # Work.listed_venue
    "years": ("year",),
    "type": ("type",),
    "author": ("authors",),
    "person": ("authors", "people", "extra"),  # extra: an author list kept as written
    "search": ("title", "abstract", "authors"),
    "tag": ("tags",),
    "selected": ("selected",),
}
assert set(FILTER_READS) == set(Filters._fields)


def fields_read(filters: Filters, sort: str) -> set[str]:
    """The work's fields that selecting by ``filters`` and sorting by ``sort`` read."""
    read = {"key", *SORT_READS.get(sort, ())}  # an unknown order is sort_works's error to give
    for name, value in zip(Filters._fields, filters, strict=True):
        if value:
            read.update(FILTER_READS[name])
    return read


def find_person(settings: Settings, name: str) -> Person:
    """The library person whose name or a name variant is ``name`` (case and accents ignored)."""
    for person in settings.people:
        if any(fold(candidate) == fold(name) for candidate in person.all_names):
            return person
    listed = ", ".join(f'"{p.name}"' for p in settings.people) or "none (add [[people]] to library.toml)"
    raise UnknownPerson(f'"{name}" is not a person of this library; its people: {listed}')


def belongs_to(work: Work, person: Person) -> bool:
    """A person's work: they are among its authors, or the record names them in ``people``, or, for a
    work whose author list an import kept as written (one bibtex would misread), among its names."""
    names = {fold(n) for n in person.all_names}
    if any(fold(a) in names for a in work.authors) or any(fold(p) in names for p in work.people):
        return True
    kept = work.extra.get("author") if work.extra and not work.authors else None
    return kept is not None and any(fold(name) in names for name in source_names(kept))


def _venue_matcher(settings: Settings, query: str) -> Callable[[Work], bool]:
    """Works whose venue's acronym, name or an alias (of the library's registry over the bundled one)
    has the query's words; a free-text venue by its own words."""
    wanted = words(query)
    verdicts: dict[str | None, bool] = {None: False}

    def matches(work: Work) -> bool:
        venue = work.venue or work.listed_venue  # the field first: 10,000 property calls cost 1.5 ms
        if venue not in verdicts:
            entry = settings.venue(venue)
            names = entry.all_names if entry else (venue or "",)
            verdicts[venue] = any(contains_words(name, wanted) for name in names)
        return verdicts[venue]

    return matches


def select(works: Iterable[Work], filters: Filters, settings: Settings) -> list[Work]:
    """The works that match every filter that is set, in their given order."""
    tests: list[Callable[[Work], bool]] = []
    if filters.venue:
        tests.append(_venue_matcher(settings, filters.venue))
    if filters.years:
        years = filters.years
        tests.append(lambda w: w.year in years)
    if filters.type:
        work_type = filters.type
        tests.append(lambda w: w.type == work_type)
    if filters.author:
        wanted = words(filters.author)
        tests.append(lambda w: any(contains_words(a, wanted) for a in w.authors))
    if filters.person:
        person = find_person(settings, filters.person)
        tests.append(lambda w: belongs_to(w, person))
    if filters.tag:
        tag = fold(filters.tag)
        tests.append(lambda w: any(fold(t) == tag for t in w.tags))
    if filters.selected:
        tests.append(lambda w: w.selected)
    if filters.search:
        terms = fold(filters.search).split()
        tests.append(lambda w: all(term in _search_text(w) for term in terms))
    chosen = list(works)
    for test in tests:  # one pass a filter: cheaper than asking every filter about every work
        chosen = [work for work in chosen if test(work)]
    return chosen


def _search_text(work: Work) -> str:
    return fold(" ".join((work.title, work.abstract or "", *work.authors)))


def _newest_first(work: Work) -> tuple[bool, int, int, int]:
    return (work.year is None, -(work.year or 0), -(work.month or 0), -(work.day or 0))


def sort_works(
    works: Iterable[Work], by: str = "year", reverse: bool = False, citations: Mapping[str, Citation] | None = None
) -> list[Work]:
    """Sort by ``year`` (newest first, undated last), ``title``, ``venue`` or ``key`` (A to Z), or
    ``citations`` (most cited first by ``citations``, works without a count last).

    Ties fall back to newest first and then the key, so the order is always the same.
    """
    counts = citations or {}

    def venue_name(work: Work) -> tuple[bool, str]:
        return (work.venue is None, fold(work.venue or ""))

    def most_cited(work: Work) -> tuple[bool, int]:
        found = counts.get(work.key)
        return (found is None, -found.cited if found else 0)

    orders: dict[str, Callable[[Work], tuple[object, ...]]] = {
        "year": lambda w: (*_newest_first(w), w.key),
        "title": lambda w: (fold(w.title), *_newest_first(w), w.key),
        "venue": lambda w: (*venue_name(w), *_newest_first(w), w.key),
        "key": lambda w: (w.key,),
        "citations": lambda w: (*most_cited(w), *_newest_first(w), w.key),
    }
    if by not in orders:
        raise ScholarError(f'cannot sort by "{by}" (use one of: {", ".join(SORT_FIELDS)})')
    ordered = sorted(works, key=orders[by])
    if reverse:
        ordered.reverse()
    return ordered


def parse_key_list(text: str) -> list[str]:
    """Keys from a file or pipe: one a line, the first column of TSV; blank lines skipped, order kept."""
    keys: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        key = line.split("\t", 1)[0].strip()
        if key and key not in seen:
            seen.add(key)
            keys.append(key)
    return keys


def pick(works: Iterable[Work], keys: Sequence[str]) -> list[Work]:
    """The works with these keys, in the keys' order; every unknown key is named in the error."""
    by_key = {work.key: work for work in works}
    unknown = [key for key in keys if key not in by_key]
    if unknown:
        shown = ", ".join(f'"{key}"' for key in unknown[:10])
        more = f" and {len(unknown) - 10} more" if len(unknown) > 10 else ""
        raise UnknownKey(f"no work with key {shown}{more}")
    return [by_key[key] for key in keys]
