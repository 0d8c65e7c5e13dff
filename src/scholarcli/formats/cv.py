"""The CV as data: sections, groups and entries, built once and drawn by each CV format.

Everything a CV shows is decided here (who is highlighted, which marks, the venue line, links,
numbering); the LaTeX, Markdown, HTML, JSON Resume and RenderCV modules only draw it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from scholarcli.model import Person, Settings, Work
from scholarcli.model.describe import venue_long
from scholarcli.model.query import fold, sort_works

# Groups of --group-by type, in the order a CV lists them.
KIND_ORDER = ("Journal articles", "Conference papers", "Workshop papers", "Preprints", "Other")
LINK_LABELS = {"openreview": "OpenReview", "doi": "DOI", "arxiv": "arXiv", "pdf": "PDF", "url": "Paper"}


@dataclass(frozen=True)
class CvAuthor:
    name: str
    is_person: bool
    is_equal: bool


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class CvEntry:
    work: Work
    authors: tuple[CvAuthor, ...]
    venue: str  # the venue line: full name with acronym, track, year; or the patent's number and status
    links: tuple[Link, ...]
    number: int | None = None

    @property
    def has_equal(self) -> bool:
        return any(author.is_equal for author in self.authors)


@dataclass(frozen=True)
class CvGroup:
    heading: str | None
    entries: tuple[CvEntry, ...]


@dataclass(frozen=True)
class CvSection:
    title: str
    groups: tuple[CvGroup, ...]

    @property
    def entries(self) -> list[CvEntry]:
        return [entry for group in self.groups for entry in group.entries]

    @property
    def has_equal(self) -> bool:
        return any(entry.has_equal for entry in self.entries)


@dataclass(frozen=True)
class Cv:
    person: Person
    sections: tuple[CvSection, ...]
    mark: str
    legend: str


@dataclass(frozen=True)
class CvOptions:
    section: str = "all"
    group_by: str = "year"
    numbered: bool = False


def drawn_authors(
    entry: CvEntry, mark: str, text: Callable[[str], str], bold: Callable[[str], str], marked: Callable[[str], str]
) -> list[str]:
    """The author names as a format draws them: escaped, the person bold, equal contributors marked."""
    names = []
    for author in entry.authors:
        name = text(author.name)
        if author.is_person:
            name = bold(name)
        if author.is_equal:
            name += marked(mark)
        names.append(name)
    if entry.work.authors_truncated:
        names.append("et al.")
    return names


def sentences(parts: list[str]) -> str:
    """Parts joined as sentences, without doubling a full stop ("et al.", a title ending in "?")."""
    return " ".join(part if part.endswith((".", "?", "!")) else f"{part}." for part in parts if part)


def patent_office_url(number: str) -> str:
    """Espacenet, the European Patent Office's search, knows every office's numbers."""
    return f"https://worldwide.espacenet.com/patent/search?q=pn%3D{quote(number.replace(' ', ''))}"


def links(work: Work) -> tuple[Link, ...]:
    found: list[Link] = []
    if work.url:
        found.append(Link("Patent" if work.is_patent else "Paper", work.url))
    elif work.is_patent and work.number:
        found.append(Link("Patent", patent_office_url(work.number)))
    if work.arxiv:
        found.append(Link("arXiv", f"https://arxiv.org/abs/{work.arxiv}"))
    if work.doi:
        found.append(Link("DOI", f"https://doi.org/{work.doi}"))
    for name, url in work.links.items():
        found.append(Link(LINK_LABELS.get(name.lower(), name.capitalize()), url))
    return tuple(found)


def venue_line(work: Work, settings: Settings) -> str:
    if work.is_patent:
        parts = [f"Patent {work.number}" if work.number else "Patent"]
        if work.status:
            parts.append(work.status)
        if work.assignee:
            parts.append(work.assignee)
        if work.year is not None:
            parts.append(str(work.year))
        return ", ".join(parts)
    venue = venue_long(work, settings)
    entry = settings.venue(work.venue)
    if entry and entry.kind == "preprint":
        venue = f"{entry.name} preprint" + (f" ({', '.join(work.categories)})" if work.categories else "")
    elif work.volume and entry and entry.kind != "conference":
        venue = f"{venue}, vol. {work.volume}"
    if work.publisher and (entry is None or entry.name != work.publisher):
        venue = f"{venue}, {work.publisher}" if venue else work.publisher
    if work.year is not None:
        venue = f"{venue}, {work.year}" if venue else str(work.year)
    return venue


def kind_of(work: Work, settings: Settings) -> str:
    """The --group-by type group: journal, conference, workshop, preprint or other."""
    entry = settings.venue(work.venue)
    if work.type == "preprint" or (entry and entry.kind == "preprint"):
        return "Preprints"
    if (entry and entry.kind == "workshop") or (work.track or "").casefold() == "workshop":
        return "Workshop papers"
    if work.type == "article" or (entry and entry.kind == "journal"):
        return "Journal articles"
    if work.type == "inproceedings":
        return "Conference papers"
    return "Other"


def _entry(work: Work, settings: Settings, person: Person) -> CvEntry:
    names = {fold(name) for name in person.all_names}
    equal = set(work.equal_contribution)
    authors = tuple(CvAuthor(name, fold(name) in names, name in equal) for name in work.authors)
    return CvEntry(work=work, authors=authors, venue=venue_line(work, settings), links=links(work))


def _groups(entries: list[CvEntry], group_by: str, settings: Settings) -> tuple[CvGroup, ...]:
    if group_by == "none" or not entries:
        return (CvGroup(None, tuple(entries)),) if entries else ()
    if group_by == "year":
        headings = [str(e.work.year) if e.work.year is not None else "Undated" for e in entries]
        order = list(dict.fromkeys(headings))  # entries are newest first already
    else:
        headings = [kind_of(e.work, settings) for e in entries]
        order = [kind for kind in KIND_ORDER if kind in headings]
    return tuple(
        CvGroup(heading, tuple(e for e, h in zip(entries, headings, strict=True) if h == heading)) for heading in order
    )


def _numbered(groups: tuple[CvGroup, ...]) -> tuple[CvGroup, ...]:
    """Number entries in reverse, so the newest carries the highest number."""
    count = sum(len(group.entries) for group in groups)
    numbered = []
    for group in groups:
        entries = []
        for entry in group.entries:
            entries.append(CvEntry(entry.work, entry.authors, entry.venue, entry.links, number=count))
            count -= 1
        numbered.append(CvGroup(group.heading, tuple(entries)))
    return tuple(numbered)


def build_cv(works: Sequence[Work], settings: Settings, person: Person, options: CvOptions) -> Cv:
    """The CV of ``person`` from ``works`` (already filtered to theirs), newest first."""
    ordered = sort_works(works, "year")
    wanted = []
    if options.section in ("publications", "all"):
        wanted.append(("Publications", [w for w in ordered if not w.is_patent]))
    if options.section in ("patents", "all"):
        wanted.append(("Patents", [w for w in ordered if w.is_patent]))
    sections = []
    for title, chosen in wanted:
        entries = [_entry(work, settings, person) for work in chosen]
        group_by = options.group_by if title == "Publications" else "none"
        groups = _groups(entries, group_by, settings)
        if options.numbered:
            groups = _numbered(groups)
        sections.append(CvSection(title, groups))
    if options.section == "all":
        sections = [s for s in sections if s.entries] or sections[:1]
    mark = settings.equal_contribution
    return Cv(person=person, sections=tuple(sections), mark=mark.symbol, legend=mark.legend)
