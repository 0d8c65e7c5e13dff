"""The data model: works, people, venues and the library settings. No I/O here."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from scholarcli.model.named_tuple import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:  # dates come from tomllib; the model only names their type
    import datetime as dt
    from typing import Any

WORK_TYPES = (
    "article",
    "inproceedings",
    "preprint",
    "thesis",
    "book",
    "incollection",
    "techreport",
    "misc",
    "patent",
)
PATENT_STATUSES = ("granted", "pending", "filed")


class Kind(Enum):
    """The TOML value kinds a record field may hold."""

    STR = "a string"
    INT = "an integer"
    BOOL = "true or false"
    STR_LIST = "a list of strings"
    STR_TABLE = "a table of strings"
    STR_LIST_TABLE = "a table of lists of strings"
    DATE = "a date (YYYY-MM-DD)"


# Every field a record may hold, in canonical order: the order of `show`, of JSON output and of
# a saved record file. Adding a field here and to Work is all a new field needs.
FIELD_KINDS: dict[str, Kind] = {
    "type": Kind.STR,
    "title": Kind.STR,
    "title_as_written": Kind.BOOL,
    "authors": Kind.STR_LIST,
    "authors_truncated": Kind.BOOL,
    "equal_contribution": Kind.STR_LIST,
    "marks": Kind.STR_LIST_TABLE,
    "people": Kind.STR_LIST,
    "venue": Kind.STR,
    "track": Kind.STR,
    "year": Kind.INT,
    "month": Kind.INT,
    "day": Kind.INT,
    "volume": Kind.STR,
    "issue": Kind.STR,
    "pages": Kind.STR,
    "publisher": Kind.STR,
    "number": Kind.STR,
    "status": Kind.STR,
    "assignee": Kind.STR,
    "filing_date": Kind.DATE,
    "grant_date": Kind.DATE,
    "doi": Kind.STR,
    "arxiv": Kind.STR,
    "url": Kind.STR,
    "categories": Kind.STR_LIST,
    "tags": Kind.STR_LIST,
    "selected": Kind.BOOL,
    "note": Kind.STR,
    "abstract": Kind.STR,
    "links": Kind.STR_TABLE,
    "unresolved_links": Kind.STR_LIST,
    "bibtex_type": Kind.STR,
    "extra": Kind.STR_TABLE,
    "macros": Kind.STR_TABLE,
}
# A work may lack a title where its source had none (a biblatex @set, a name test): nothing is
# invented; `check` and the exports say so. `add` still asks for one.
REQUIRED_FIELDS = ("type",)


class Work(NamedTuple):
    """One publication or patent. ``key`` is the record's file name without ``.toml``.

    A named tuple rather than a dataclass: the index cache makes 10,000 of them from stored
    tuples on every command, which costs a few milliseconds this way and ten times more as
    dataclass instances. Like every value here it is immutable; its mappings are never changed.
    (The model's other types are named tuples too: defining dataclasses costs start-up time.)
    """

    key: str
    type: str
    title: str = ""  # record markup: see model/markup.py; "" when the work has none
    # The title is its source's (an import), written back as the source wrote it: the BibTeX exports
    # add no case protection of their own to it, as they do to a title the user typed or fetched.
    title_as_written: bool = False
    authors: tuple[str, ...] = ()
    authors_truncated: bool = False
    equal_contribution: tuple[str, ...] = ()
    # The other marks after authors' names, by the kind library.toml declares (corresponding author,
    # student, ...): kind -> the marked authors. One shared empty mapping, never changed.
    marks: Mapping[str, tuple[str, ...]] = {}
    people: tuple[str, ...] = ()
    venue: str | None = None
    track: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    number: str | None = None
    status: str | None = None
    assignee: str | None = None
    filing_date: dt.date | None = None
    grant_date: dt.date | None = None
    doi: str | None = None
    arxiv: str | None = None
    url: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    selected: bool = False
    note: str | None = None
    abstract: str | None = None
    links: Mapping[str, str] = {}  # one shared empty mapping, never changed
    unresolved_links: tuple[str, ...] = ()
    bibtex_type: str | None = None  # the entry type an import came with, when it is not ours
    extra: Mapping[str, str] = {}  # one shared empty mapping, never changed
    # Fields whose BibTeX value uses an @string the imported file did not define (author =
    # MCDERMOTT), as BibTeX wrote them: the BibTeX exports write them so, for a file that defines it.
    macros: Mapping[str, str] = {}

    @property
    def is_patent(self) -> bool:
        return self.type == "patent"

    @property
    def listed_venue(self) -> str | None:
        """The venue a listing names: the record's, or arXiv for a preprint with an arXiv id and no venue."""
        if self.venue or not self.arxiv or self.type not in ("preprint", "misc"):
            return self.venue
        return "arXiv"

    def to_record(self) -> dict[str, Any]:
        """The record's fields in canonical order, leaving out those that are unset."""
        record: dict[str, Any] = {}
        for name, value in zip(FIELD_KINDS, self[1:], strict=True):  # the fields after the key, in order
            if type(value) is str:  # the usual value, told at once
                if value:
                    record[name] = value
                continue
            if value is None or value is False or value == () or value == {} or value == "":
                continue
            if isinstance(value, tuple):
                record[name] = list(value)
            elif isinstance(
                value, Mapping
            ):  # a table of strings, or of lists of names (marks: an empty one says nothing)
                table = {
                    key: list(item) if isinstance(item, tuple) else item for key, item in value.items() if item != ()
                }
                if table:
                    record[name] = table
            else:
                record[name] = value
        return record


# Work's fields and FIELD_KINDS must name the same fields, in the same order.
assert list(Work._fields[1:]) == list(FIELD_KINDS)


class Citation(NamedTuple):
    """A work's citation count, the service that gave it, and the day it was asked (citations.toml).

    ``cited``, not ``count``: a named tuple's ``count`` is tuple.count.
    """

    cited: int
    source: str
    date: dt.date


class RecordedMetrics(NamedTuple):
    """A person's metrics as a profile page reports them (``[people.metrics]`` in library.toml).

    Copied, not computed: each number is what the source says, and any may be missing.
    """

    h_index: int | None = None
    i10_index: int | None = None
    papers: int | None = None
    citations: int | None = None
    source: str | None = None
    date: dt.date | None = None


class Person(NamedTuple):
    """Someone whose works the library holds, with the name variants used in author lists."""

    name: str
    variants: tuple[str, ...] = ()
    metrics: RecordedMetrics | None = None  # as a profile page reports them, if recorded

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


class Venue(NamedTuple):
    """A venue of the registry: its acronym (the registry key), full name and aliases."""

    acronym: str
    name: str
    kind: str = "conference"  # conference | journal | workshop | preprint | other
    aliases: tuple[str, ...] = ()
    publisher: str | None = None

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.acronym, self.name, *self.aliases)


VENUE_KINDS = ("conference", "journal", "workshop", "preprint", "other")


class Mark(NamedTuple):
    """A mark printed after an author's name, explained once in a legend."""

    symbol: str
    legend: str


DEFAULT_EQUAL_MARK = Mark(symbol="*", legend="equal contribution")
EQUAL_CONTRIBUTION = "equal_contribution"  # the kind of mark every library has: a field of its own


class Settings(NamedTuple):
    """What library.toml holds: schema version, people, marks and the venue registry."""

    schema: int
    people: tuple[Person, ...] = ()
    equal_contribution: Mark = DEFAULT_EQUAL_MARK
    # The other kinds of marks library.toml declares, in its order (corresponding author, student,
    # ...): the kinds a record's ``marks`` may name. One shared empty mapping, never changed.
    marks: Mapping[str, Mark] = {}
    venues: Mapping[str, Venue] = {}  # library.toml's own; one shared empty mapping, never changed
    # The venues records may name: ``venues`` over the registry bundled with scholar, a
    # venues.VenueRegistry that reading library.toml gives (store.records.parse_settings), which
    # reads the bundled file on first use; settings made in code have none and know ``venues`` only.
    registry: Mapping[str, Venue] = {}
    # The registry's entry (None: free text) of each venue the works name, as the index found it
    # when it read them: venue() answers from it without reading the bundled registry.
    known_venues: Mapping[str, Venue | None] = {}

    @property
    def all_marks(self) -> dict[str, Mark]:
        """Every kind of mark, equal contribution first, then library.toml's others in its order."""
        return {EQUAL_CONTRIBUTION: self.equal_contribution, **self.marks}

    def venue(self, name: str | None) -> Venue | None:
        """The registry entry a record's ``venue`` names, if it names one (the library's or a bundled one)."""
        if name is None:
            return None
        if name in self.known_venues:
            return self.known_venues[name]
        return self.registry.get(name) or self.venues.get(name)


class Known(NamedTuple):
    """What library.toml declares that a record may name: its people, by every name and variant
    (``people``), and its kinds of marks (``marks``)."""

    people: frozenset[str] = frozenset()
    marks: frozenset[str] = frozenset()


def known_to(settings: Settings) -> Known:
    """What records of a library with these settings may name."""
    return Known(frozenset(name for person in settings.people for name in person.all_names), frozenset(settings.marks))


SCHEMA_VERSION = 1
