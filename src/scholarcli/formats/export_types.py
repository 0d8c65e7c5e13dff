"""What every export format shares: the options, the result with its warnings, the renderers' types."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from scholarcli.model import Citation, Person, Settings, Work
from scholarcli.model.named_tuple import NamedTuple

# The CV choices a user can make; defined here so the command line can offer them without
# importing the CV modules.
CV_FORMATS = ("latex", "markdown", "html", "docx")
REFS_FORMATS = ("text", "markdown", "html", "latex", "docx")  # export refs: a bibliography's formats
# The citation styles scholar ships (data/styles/, from the CSL project), by the name --style takes.
STYLE_FILES = {
    "apa": "apa.csl",
    "ieee": "ieee.csl",
    "acm": "association-for-computing-machinery.csl",
    "chicago-author-date": "chicago-author-date.csl",
    "nature": "nature.csl",
    "vancouver": "nlm-citation-sequence.csl",
    "harvard": "harvard-cite-them-right.csl",
    "mla": "modern-language-association.csl",
    "springer-basic": "springer-basic-author-date.csl",
    "elsevier": "elsevier-with-titles.csl",
}
SECTIONS = ("publications", "patents", "all")
GROUPINGS = ("year", "type", "none")


class ExportOptions(NamedTuple):
    """Choices a user makes on the command line that change an export."""

    equal_note: bool = False  # BibTeX: say who contributed equally in `note`
    ascii: bool = False  # BibTeX: accented letters as LaTeX commands everywhere, not only in names
    person: Person | None = None  # CV formats: whose CV it is (highlighted)
    # cv: latex, markdown, html or docx; refs: REFS_FORMATS. Not given: the format's first (Format.formats).
    cv_format: str = "latex"
    section: str = "all"  # CV formats: publications, patents or all
    group_by: str = "year"  # CV formats: year, type or none
    numbered: bool = False  # CV formats: number entries in reverse
    standalone: bool = False  # cv --format html: a whole page rather than a fragment
    selected_first: bool = False  # CV formats: a "Selected publications" section first
    abstracts: bool = False  # homepage, hugo, academicpages: include abstracts
    thumbnails: bool = False  # homepage: a picture beside each work that names one
    metrics: bool = False  # cv: a header line with citations, h-index and i10-index
    citations: bool = False  # cv: each entry's citation count
    style: str | None = None  # refs, cv: a bundled style's name (STYLE_FILES) or a .csl file's path
    # The counts of citations.toml by work key, for the formats that show them (json, and cv with
    # --citations or --metrics); the export loads them only then. One shared empty mapping, never changed.
    citation_counts: Mapping[str, Citation] = {}


class ExportResult(NamedTuple):
    """The exported text and, apart from it, what the user should hear about (one line each)."""

    text: str
    warnings: Sequence[str] = ()
    data: bytes | None = None  # a binary format's file (cv --format docx); the text is then empty


Renderer = Callable[[Sequence[Work], Settings, ExportOptions], ExportResult]


class TreeResult(NamedTuple):
    """A tree export: relative path -> text, and what the user should hear about."""

    files: Mapping[str, str]
    warnings: Sequence[str] = ()


TreeRenderer = Callable[[Sequence[Work], Settings, ExportOptions], TreeResult]


WorkRenderer = Callable[[Work, Settings, ExportOptions], tuple[str, list[str]]]
ENTRY_SEPARATOR = "\n"  # between the entries of a .bib file

# The options of export that only some formats take: every field of ExportOptions but whose CV it is
# and the counts, which the export fills in. A format names those it takes in its declaration, and
# giving one to a format that does not take it is an error.
FORMAT_OPTIONS = tuple(name for name in ExportOptions._fields if name not in ("person", "citation_counts"))
# What a CV of one person takes: the formats that draw one (cv, json-resume, rendercv).
PERSONAL_OPTIONS = frozenset({"section", "group_by", "numbered", "selected_first"})


class Format(NamedTuple):
    """An export format, declared once as ``FORMAT`` in its module of formats/exports/, which is named
    after it (csl-json: csl_json.py). The command line's choices, the option checks and the export
    itself are derived from it; nothing else names the format."""

    name: str
    help: str  # what it makes, in a few words
    render: Renderer | None = None  # the export's text from the selected works (its entries', if not given)
    render_tree: TreeRenderer | None = None  # or a tree of files below -o DIR (relative path -> text)
    # Its text is its works' entries, each rendered alone by this and joined by ENTRY_SEPARATOR, so
    # that an export can reuse the entries it rendered before (library/exporting.py).
    render_work: WorkRenderer | None = None
    personal: bool = False  # draws one person's CV: knows whose (--person, or the library's one person)
    citing: bool = False  # shows citation counts whatever the options (citations.toml is read)
    takes: frozenset[str] = frozenset()  # the FORMAT_OPTIONS it takes
    needs: frozenset[str] = frozenset()  # those of them it cannot do without (refs: style)
    formats: tuple[str, ...] = ()  # the --format values it takes, its default first (with cv_format in takes)
    style_formats: tuple[str, ...] = ()  # and those it writes only in a citation style (cv: text, with --style)


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
