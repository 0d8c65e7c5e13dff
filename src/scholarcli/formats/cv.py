"""The CV as data: sections, groups and entries, built once and drawn by each CV format.

Everything a CV shows is decided here (who is highlighted, which marks, the venue line, links,
numbering); the LaTeX, Markdown, HTML, JSON Resume and RenderCV modules only draw it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from scholarcli.model import Citation, Mark, Person, Settings, Work
from scholarcli.model.describe import shown, venue_long
from scholarcli.model.marks import author_marks, legends
from scholarcli.model.metrics import Metrics, metrics
from scholarcli.model.query import fold, sort_works

# Groups of --group-by type, in the order a CV lists them.
KIND_ORDER = ("Journal articles", "Conference papers", "Workshop papers", "Preprints", "Other")
LINK_LABELS = {
    "openreview": "OpenReview",
    "doi": "DOI",
    "arxiv": "arXiv",
    "pdf": "PDF",
    "url": "Paper",
    "html": "HTML",
    "bibtex": "BibTeX",
    "github": "GitHub",
    "huggingface": "Hugging Face",
    "project": "Project page",
    "website": "Website",
}
SELECTED = "Selected publications"  # the title of the section --selected-first adds
# Names under `links` that hold a picture of the work, not a page to visit.
IMAGE_LINKS = ("thumbnail", "preview", "teaser", "image")


@dataclass(frozen=True)
class CvAuthor:
    name: str
    is_person: bool
    marks: tuple[Mark, ...] = ()  # drawn after the name, in library.toml's order of kinds


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
    venue_name: str = ""  # the venue line without the year, for formats that give the date apart
    cited: int | None = None  # the citation count, when the CV shows counts and the work has one
    legends: tuple[Mark, ...] = ()  # the kinds of marks its authors carry, in library.toml's order


@dataclass(frozen=True)
class CvGroup:
    heading: str | None
    entries: tuple[CvEntry, ...]


@dataclass(frozen=True)
class CvSection:
    title: str
    groups: tuple[CvGroup, ...]
    legends: tuple[Mark, ...] = ()  # the kinds of marks its entries use, explained once under it

    @property
    def entries(self) -> list[CvEntry]:
        return [entry for group in self.groups for entry in group.entries]


@dataclass(frozen=True)
class Cv:
    person: Person
    sections: tuple[CvSection, ...]
    metrics: Metrics | None = None  # the header line's numbers, when asked for and some work has a count


@dataclass(frozen=True)
class CvOptions:
    section: str = "all"
    group_by: str = "year"
    numbered: bool = False
    selected_first: bool = False  # a "Selected publications" section before the others
    metrics: bool = False  # a header line: citations, h-index, i10-index of the works shown
    show_counts: bool = False  # each entry's citation count
    counts: Mapping[str, Citation] = field(default_factory=dict)  # citations.toml's, by key


# How the header line names the services counts come from.
SOURCE_NAMES = {"openalex": "OpenAlex", "semanticscholar": "Semantic Scholar", "crossref": "Crossref"}


def metrics_text(found: Metrics) -> str:
    """The header line of --metrics, as plain text (each format escapes it)."""
    sources = ", ".join(SOURCE_NAMES.get(source, source) for source in found.sources)
    about = f"{sources}, as of {found.oldest.isoformat()}" if found.oldest else sources
    if found.counted < found.works:
        about += f"; {found.counted} of {found.works} works have a count"
    return f"Citations: {found.citations:,} · h-index: {found.h_index} · i10-index: {found.i10_index} ({about})"


def cited_text(entry: CvEntry) -> str:
    """An entry's count as a CV shows it; empty without one."""
    return "" if entry.cited is None else f"Cited by {entry.cited:,}"


def author_parts(entry: CvEntry) -> list[tuple[str, bool, str]]:
    """Each author a CV shows: the name, whether it is the person's, the symbols of its marks; then
    "et al." when the record's list is cut short."""
    parts = [(author.name, author.is_person, "".join(mark.symbol for mark in author.marks)) for author in entry.authors]
    if entry.work.authors_truncated:
        parts.append(("et al.", False, ""))
    return parts


def drawn_authors(
    entry: CvEntry, text: Callable[[str], str], bold: Callable[[str], str], marked: Callable[[str], str]
) -> list[str]:
    """The author names as a format draws them: escaped, the person bold, each followed by the
    symbols of its marks (``marked`` draws them: a superscript, an escape)."""
    names = []
    for name, is_person, symbols in author_parts(entry):
        drawn = bold(text(name)) if is_person else text(name)
        names.append(drawn + marked(symbols) if symbols else drawn)
    return names


def drawn_legend(marks: Sequence[Mark], text: Callable[[str], str], marked: Callable[[str], str]) -> str:
    """The legend of the marks as a format draws it: ``<sup>*</sup> equal contribution; ...``."""
    return "; ".join(f"{marked(mark.symbol)} {text(mark.legend)}" for mark in marks)


def sentences(parts: list[str]) -> str:
    """Parts joined as sentences, without doubling a full stop ("et al.", a title ending in "?")."""
    return " ".join(part if part.endswith((".", "?", "!")) else f"{part}." for part in parts if part)


def patent_office_url(number: str) -> str:
    """Espacenet, the European Patent Office's search, knows every office's numbers."""
    return f"https://worldwide.espacenet.com/patent/search?q=pn%3D{quote(number.replace(' ', ''))}"


def _has_controls(text: str) -> bool:
    # Browsers drop tabs and newlines inside an address (``java<TAB>script:``): refuse them outright.
    return any(char < " " or char == "\x7f" for char in text)


def is_safe_url(url: str) -> bool:
    """Whether a reader may follow ``url``: an absolute http, https or mailto address."""
    lowered = url.lower()
    return lowered.startswith(("http://", "https://", "mailto:")) and not _has_controls(url) and url.strip() == url


def is_safe_image(path: str) -> bool:
    """An http(s) address or a path relative to the page; never a script, data or file address."""
    if _has_controls(path) or path.strip() != path or not path or "\\" in path:
        return False
    if path.lower().startswith(("http://", "https://")):
        return True
    # A relative path has no scheme: no colon before the first slash, question mark or hash.
    head = path.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return ":" not in head and not path.startswith("//")


def image(work: Work) -> str | None:
    """The picture a record names for its work (``links.thumbnail``, ``links.preview``, ...), if safe."""
    for name in IMAGE_LINKS:
        path = work.links.get(name)
        if path is not None and is_safe_image(path):
            return path
    return None


def _all_links(work: Work) -> list[Link]:
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
        if name.lower() not in IMAGE_LINKS:
            found.append(Link(LINK_LABELS.get(name.lower(), name.capitalize()), url))
    return found


def unlinked(work: Work, shown: Sequence[Link]) -> list[str]:
    """The labels of the links a record names without an address (``unresolved_links``: a page
    showed "Code" and nobody recorded where to), but for those ``shown`` has: shown as text."""
    labels = [LINK_LABELS.get(name.lower(), name.capitalize()) for name in work.unresolved_links]
    taken = {link.label for link in shown}
    return [label for label in dict.fromkeys(labels) if label not in taken]


def links(work: Work) -> tuple[Link, ...]:
    """The work's addresses a reader can follow, labelled; any other scheme is left out."""
    return tuple(link for link in _all_links(work) if is_safe_url(link.url))


def unsafe_links(work: Work) -> list[str]:
    """Warnings for the addresses ``links`` leaves out, so that none disappears unsaid."""
    found = [link for link in _all_links(work) if not is_safe_url(link.url)]
    found += [Link(name, path) for name, path in work.links.items() if name in IMAGE_LINKS and not is_safe_image(path)]
    return [f"{work.key}: {link.label}: {link.url!r} is not an address a reader may follow; left out" for link in found]


def venue_line(work: Work, settings: Settings) -> str:
    """Where the work appeared, then its year: ``... (ICLR), 2024``; the year alone without a venue."""
    venue = venue_name(work, settings)
    if work.year is not None:
        venue = f"{venue}, {work.year}" if venue else str(work.year)
    return venue


def venue_name(work: Work, settings: Settings) -> str:
    """Where the work appeared, without the year; a patent's number, status and assignee."""
    if work.is_patent:
        parts = [f"Patent {work.number}" if work.number else "Patent"]
        if work.status:
            parts.append(work.status)
        if work.assignee:
            parts.append(work.assignee)
        return ", ".join(parts)
    venue = venue_long(work, settings)
    entry = settings.venue(work.venue)
    if entry and entry.kind == "preprint":
        venue = f"{entry.name} preprint" + (f" ({', '.join(work.categories)})" if work.categories else "")
    elif work.volume and entry and entry.kind != "conference":
        venue = f"{venue}, vol. {work.volume}"
    if work.publisher and (entry is None or entry.name != work.publisher):
        venue = f"{venue}, {work.publisher}" if venue else work.publisher
    return venue


def kind_of(work: Work, settings: Settings) -> str:
    """The --group-by type group: journal, conference, workshop, preprint or other. The venue's kind
    in the registry decides before the entry type: al-folio sites write CVPR papers as @article."""
    entry = settings.venue(work.venue)
    if work.type == "preprint" or (entry and entry.kind == "preprint") or work.listed_venue == "arXiv":
        return "Preprints"
    if (entry and entry.kind == "workshop") or (work.track or "").casefold() == "workshop":
        return "Workshop papers"
    if entry and entry.kind in VENUE_GROUPS:
        return VENUE_GROUPS[entry.kind]
    if work.type == "article":
        return "Journal articles"
    if work.type == "inproceedings":
        return "Conference papers"
    return "Other"


# The group of a venue of each kind of the registry, whatever the entry type says.
VENUE_GROUPS = {"journal": "Journal articles", "conference": "Conference papers"}


def _entry(work: Work, settings: Settings, person: Person, options: CvOptions) -> CvEntry:
    work = shown(work)
    names = {fold(name) for name in person.all_names}
    marks = author_marks(work, settings)
    authors = tuple(CvAuthor(name, fold(name) in names, mark) for name, mark in zip(work.authors, marks, strict=True))
    citation = options.counts.get(work.key) if options.show_counts else None
    return CvEntry(
        work=work,
        authors=authors,
        venue=venue_line(work, settings),
        links=links(work),
        venue_name=venue_name(work, settings),
        cited=citation.cited if citation else None,
        legends=tuple(legends([work], settings)),
    )


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


def _numbered(entries: list[CvEntry]) -> list[CvEntry]:
    """Number a section's entries newest first, before grouping, so that the newest work carries the
    highest number whatever group it lands in (grouped by type, the numbers run across the groups)."""
    count = len(entries)
    return [replace(entry, number=count - index) for index, entry in enumerate(entries)]


def _legends(entries: Sequence[CvEntry], settings: Settings) -> tuple[Mark, ...]:
    """The kinds of marks the entries use, in library.toml's order."""
    used = {mark for entry in entries for mark in entry.legends}
    return tuple(mark for mark in settings.all_marks.values() if mark in used)


def _section(title: str, works: list[Work], settings: Settings, person: Person, options: CvOptions) -> CvSection:
    entries = [_entry(work, settings, person, options) for work in works]
    if options.numbered:
        entries = _numbered(entries)
    group_by = options.group_by if title == "Publications" else "none"
    return CvSection(title, _groups(entries, group_by, settings), _legends(entries, settings))


def _selected_apart(
    publications: CvSection, newest_first: list[Work], settings: Settings, group_by: str
) -> tuple[CvSection, CvSection]:
    """The selected works, ungrouped and newest first, and the others as the section grouped them:
    each work listed once, with the number it has in the whole list."""
    by_key = {entry.work.key: entry for entry in publications.entries}
    chosen = tuple(by_key[work.key] for work in newest_first if work.selected and work.key in by_key)
    apart = {entry.work.key for entry in chosen}
    others = [entry for entry in publications.entries if entry.work.key not in apart]
    selected = CvSection(SELECTED, (CvGroup(None, chosen),) if chosen else (), _legends(chosen, settings))
    return selected, CvSection(publications.title, _groups(others, group_by, settings), _legends(others, settings))


def build_cv(works: Sequence[Work], settings: Settings, person: Person, options: CvOptions) -> Cv:
    """The CV of ``person`` from ``works`` (already filtered to theirs), newest first."""
    ordered = sort_works(works, "year")
    publications = [work for work in ordered if not work.is_patent]
    sections = []
    if options.section in ("publications", "all"):
        sections.append(_section("Publications", publications, settings, person, options))
    if options.section in ("patents", "all"):
        sections.append(_section("Patents", [w for w in ordered if w.is_patent], settings, person, options))
    if options.section == "all":
        sections = [s for s in sections if s.entries] or sections[:1]
    if options.selected_first and sections and sections[0].title == "Publications":
        selected, others = _selected_apart(sections[0], publications, settings, options.group_by)
        if selected.entries:  # the others follow, unless every work is selected
            sections[0:1] = [selected, others] if others.entries else [selected]
    found = None
    if options.metrics:
        found = metrics((entry.work.key for section in sections for entry in section.entries), options.counts)
    numbers = found if found and found.counted else None  # no counts: no line of zeros
    return Cv(person=person, sections=tuple(sections), metrics=numbers)
