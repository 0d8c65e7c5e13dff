"""BibTeX export: what ``bibtex`` with plain and plainnat reads without a warning.

BibTeX has no patent type and no place for equal contribution: patents become ``@misc`` with the
number and status in ``howpublished`` and ``note``; equal contribution goes into ``note`` only when
the user asks (``--equal-note``). Names are written with LaTeX commands for accented letters, which
8-bit BibTeX sorts and abbreviates correctly; other text keeps the letters pdflatex reads as they are
(latex_text.PDFLATEX_LETTERS), whose case bibtex never changes, as in the user's own UTF-8 files
(``--ascii``: commands there too). Nothing is invented: a work without the year, author or
venue its type needs keeps its type and lacks the field, and the export warns, naming the key
(bibtex's styles then warn about the same entry).
"""

from __future__ import annotations

from scholarcli.formats.bibfile import (
    Fields,
    equal_note,
    identifier_fields,
    kept_fields,
    link_fields,
    month,
    names,
    number,
    page_range,
    text,
    title,
    venue_from_extra,
    with_aliases,
)
from scholarcli.formats.code_points import LATEX, fit_work
from scholarcli.formats.export_types import ExportOptions, Format
from scholarcli.formats.latex_text import PDFLATEX_LETTERS
from scholarcli.formats.work_facts import is_arxiv, missing
from scholarcli.model import Settings, Work
from scholarcli.model.describe import venue_long

# Our type -> the BibTeX type, the facts its standard styles need, and where the venue goes.
TYPES: dict[str, tuple[str, tuple[str, ...], str | None]] = {
    "article": ("article", ("author", "venue"), "journal"),
    "inproceedings": ("inproceedings", ("author", "venue"), "booktitle"),
    "incollection": ("incollection", ("author", "venue", "publisher"), "booktitle"),
    "book": ("book", ("author", "publisher"), None),
    "thesis": ("phdthesis", ("author", "publisher"), None),
    "techreport": ("techreport", ("author", "publisher"), None),
    "preprint": ("misc", (), None),
    "misc": ("misc", (), None),
    "patent": ("misc", (), None),
}
# Where a book, thesis or report names its publisher.
PUBLISHER_FIELD = {"phdthesis": "school", "techreport": "institution"}


def _howpublished(work: Work, settings: Settings) -> str | None:
    if work.is_patent:
        return f"Patent {work.number}" if work.number else "Patent"
    if is_arxiv(work):
        return f"arXiv preprint arXiv:{work.arxiv}" if work.arxiv else "arXiv preprint"
    return venue_long(work, settings) or None


def _note(work: Work, options: ExportOptions) -> str | None:
    parts = []
    if work.is_patent and work.status and not work.bibtex_type:  # an imported @patent says it in its type
        parts.append(work.status.capitalize())
    if work.note:
        parts.append(work.note)
    if options.equal_note and work.equal_contribution:
        parts.append(equal_note(work))
    return (
        ". ".join(p.rstrip(".") for p in parts[:-1]) + (". " if len(parts) > 1 else "") + parts[-1] if parts else None
    )


def render_work(work: Work, settings: Settings, options: ExportOptions) -> tuple[str, list[str]]:
    """One entry (and a copy under each other key it has) and the warnings about it."""
    work, warnings = fit_work(work, LATEX)
    bib_type, needs, venue_field = TYPES[work.type]
    if lacking := missing(work, needs):
        warnings.append(f"{work.key}: no {' and no '.join(lacking)}; BibTeX styles will warn about it")
    letters = frozenset() if options.ascii else PDFLATEX_LETTERS
    fields = _head(work, settings, (bib_type, venue_field), letters)
    fields += _date(work, warnings)
    fields += _numbers(work, bib_type, letters)
    if note := _note(work, options):
        fields.append(("note", text(note, kept=letters)))
    fields += identifier_fields(work, ("archiveprefix", "arXiv"), "primaryclass")
    if work.tags:
        fields.append(("keywords", text(", ".join(work.tags), kept=letters)))
    if work.abstract:
        fields.append(("abstract", text(work.abstract, kept=letters)))
    fields += link_fields(work, fields)  # e.g. al-folio's code/pdf/html fields; styles ignore them
    made, kept = kept_fields(work, fields)
    fields = made + kept
    entry_type = work.bibtex_type or bib_type
    return with_aliases(entry_type, work, fields), warnings


def _head(work: Work, settings: Settings, typed: tuple[str, str | None], letters: frozenset[str]) -> Fields:
    """Authors (or the ``key`` styles sort by without them), title, and the venue.

    Names are written with commands for accented letters, which 8-bit bibtex sorts and abbreviates
    (``{\\'E}.``); other text with ``letters`` as they are."""
    bib_type, venue_field = typed
    fields: Fields = []
    if work.authors:
        fields.append(("author", names(work, ascii_only=True)))
    elif work.is_patent and work.number and not work.bibtex_type and "author" not in work.macros:
        fields.append(
            ("key", text(work.number, kept=letters))
        )  # styles sort by author, else by `key`: a patent by its number
    if work.title:
        fields.append(("title", title(work.title, as_written=work.title_as_written, kept=letters)))
    if venue_from_extra(work):
        pass  # the venue's own text, written with the other kept fields
    elif venue_field:
        if venue := venue_long(work, settings):  # none: no empty field, the export has warned
            fields.append((venue_field, text(venue, kept=letters)))
    elif bib_type == "misc" and not work.bibtex_type and (howpublished := _howpublished(work, settings)):
        fields.append(("howpublished", text(howpublished, kept=letters)))  # an entry of another type gains none
    return fields


def _date(work: Work, warnings: list[str]) -> Fields:
    fields: Fields = []
    if work.year is not None:
        fields.append(("year", number(work.year)))
    elif "year" not in work.extra and "year" not in work.macros:  # an imported year kept as source
        warnings.append(f"{work.key}: no year; BibTeX styles will warn about it")
    if work.month is not None:
        fields.append(("month", month(work.month)))
    return fields


def _numbers(work: Work, bib_type: str, letters: frozenset[str]) -> Fields:
    """Volume, number, pages, the publisher where the type has one, a patent's assignee."""
    fields: Fields = []
    if work.volume:
        fields.append(("volume", text(work.volume, kept=letters)))
    if work.issue:
        fields.append(("number", text(work.issue, kept=letters)))
    elif work.number:  # a patent's or a report's
        fields.append(("number", text(work.number, kept=letters)))
    if work.pages:
        fields.append(("pages", text(page_range(work.pages), kept=letters)))
    if work.publisher and bib_type != "misc":
        fields.append((PUBLISHER_FIELD.get(bib_type, "publisher"), text(work.publisher, kept=letters)))
    elif work.publisher and not work.is_patent:
        fields.append(("publisher", text(work.publisher, kept=letters)))
    if work.is_patent and work.assignee:
        fields.append(("organization", text(work.assignee, kept=letters)))
    return fields


FORMAT = Format(
    name="bibtex",
    help="BibTeX, for bibtex and natbib",
    render_work=render_work,
    takes=frozenset({"equal_note", "ascii"}),
)
