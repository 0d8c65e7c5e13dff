"""What every export format shares: options, the result with its warnings, and name splitting."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from scholarcli.model import EQUAL_CONTRIBUTION, Citation, Person, Settings, Work
from scholarcli.model.marks import marked
from scholarcli.model.named_tuple import NamedTuple

# The CV choices a user can make; defined here so the command line can offer them without
# importing the CV modules.
CV_FORMATS = ("latex", "markdown", "html")
SECTIONS = ("publications", "patents", "all")
GROUPINGS = ("year", "type", "none")


class ExportOptions(NamedTuple):
    """Choices a user makes on the command line that change an export."""

    equal_note: bool = False  # BibTeX: say who contributed equally in `note`
    ascii: bool = False  # BibTeX: accented letters as LaTeX commands everywhere, not only in names
    person: Person | None = None  # CV formats: whose CV it is (highlighted)
    cv_format: str = "latex"  # cv: latex, markdown or html
    section: str = "all"  # CV formats: publications, patents or all
    group_by: str = "year"  # CV formats: year, type or none
    numbered: bool = False  # CV formats: number entries in reverse
    standalone: bool = False  # cv --format html: a whole page rather than a fragment
    selected_first: bool = False  # CV formats: a "Selected publications" section first
    abstracts: bool = False  # homepage, hugo, academicpages: include abstracts
    thumbnails: bool = False  # homepage: a picture beside each work that names one
    metrics: bool = False  # cv: a header line with citations, h-index and i10-index
    citations: bool = False  # cv: each entry's citation count
    # The counts of citations.toml by work key, for the formats that show them (json, and cv with
    # --citations or --metrics); the export loads them only then. One shared empty mapping, never changed.
    citation_counts: Mapping[str, Citation] = {}


class ExportResult(NamedTuple):
    """The exported text and, apart from it, what the user should hear about (one line each)."""

    text: str
    warnings: Sequence[str] = ()


Renderer = Callable[[Sequence[Work], Settings, ExportOptions], ExportResult]


class TreeResult(NamedTuple):
    """A tree export: relative path -> text, and what the user should hear about."""

    files: Mapping[str, str]
    warnings: Sequence[str] = ()


TreeRenderer = Callable[[Sequence[Work], Settings, ExportOptions], TreeResult]


def mark_positions(work: Work, settings: Settings) -> dict[str, list[int]]:
    """The 1-based positions of the authors each kind of mark names, equal contribution first, then
    library.toml's order of kinds; kinds that name nobody are left out."""
    marks = marked(work)
    positions = {}
    for kind in settings.all_marks:
        names = set(marks.get(kind, ()))
        if found := [index for index, name in enumerate(work.authors, start=1) if name in names]:
            positions[kind] = found
    return positions


# What biblatex's data annotation calls equal contribution: ``author+an = {1=equal;2=equal}``.
EQUAL_ANNOTATION = "equal"


def author_annotations(work: Work, settings: Settings) -> str:
    """biblatex's data annotation of the marks: ``1=equal;2=equal,corresponding`` (empty: none)."""
    by_author: dict[int, list[str]] = {}
    for kind, positions in mark_positions(work, settings).items():
        for index in positions:
            by_author.setdefault(index, []).append(EQUAL_ANNOTATION if kind == EQUAL_CONTRIBUTION else kind)
    return ";".join(f"{index}={','.join(kinds)}" for index, kinds in sorted(by_author.items()))


def arxiv_class(work: Work) -> str | None:
    return work.categories[0] if work.categories else None


def is_arxiv(work: Work, settings: Settings) -> bool:
    return bool(work.arxiv) or (work.venue or "").casefold() == "arxiv"


def missing(work: Work, needed: Sequence[str]) -> list[str]:
    """Which of the named facts the work lacks: author, year, venue, publisher, number."""
    return [name for name in needed if not _has_fact(work, name)]


_FACT_FIELDS = {"author": "authors", "venue": "venue", "publisher": "publisher", "number": "number"}


# The BibTeX fields that state a fact, as an import may keep them in ``macros``.
_MACRO_FIELDS = {
    "author": ("author",),
    "venue": ("journal", "booktitle"),
    "publisher": ("publisher", "institution", "school"),
}


def _has_fact(work: Work, fact: str) -> bool:
    if fact == "year":
        return work.year is not None
    if work.macros and any(name in work.macros for name in _MACRO_FIELDS.get(fact, ())):
        return True  # an @string the user's documents define with another file
    return bool(getattr(work, _FACT_FIELDS[fact]))


WorkRenderer = Callable[[Work, Settings, ExportOptions], tuple[str, list[str]]]
ENTRY_SEPARATOR = "\n"  # between the entries of a .bib file


def render_each(
    render_work: WorkRenderer,
    works: Sequence[Work],
    settings: Settings,
    options: ExportOptions,
    separator: str,
) -> ExportResult:
    """Render works one by one, joining the texts and gathering every warning."""
    texts, warnings = [], []
    for work in works:
        text, about = render_work(work, settings, options)
        texts.append(text)
        warnings.extend(about)
    return ExportResult(separator.join(texts), warnings)
