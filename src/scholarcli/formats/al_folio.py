"""A ``_bibliography/papers.bib`` for al-folio (Jekyll, jekyll-scholar), with the fields its template reads.

al-folio draws each entry with ``_layouts/bib.liquid``: ``abbr`` (the venue badge), ``selected``
(the about page's list), ``bibtex_show``, ``arxiv``, ``doi``, ``html``, ``pdf``, ``code``,
``slides``, ``poster``, ``video``, ``website``, ``preview`` (the thumbnail) and ``award``. A mark
after an author's family name (``Sengupta*, Ayan``) is drawn as a superscript, so equal
contribution is written that way. Patents are ``@patent``.

jekyll-scholar turns LaTeX into Unicode and the template prints fields into the page unescaped,
so ``<`` and ``>`` are written as HTML entities, and an address that is not http(s), mailto or a
path relative to the site is left out (the command warns about it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scholarcli.formats.bibfile import (
    MONTH_MACROS,
    Bare,
    entry,
    kept_fields,
    page_range,
    venue_from_extra,
)
from scholarcli.formats.common import ExportOptions, ExportResult, render_each
from scholarcli.formats.cv import image, is_safe_image, is_safe_url, links, unsafe_links, venue_name
from scholarcli.formats.latex_text import escape, escape_markup
from scholarcli.model import Settings, Work
from scholarcli.model.describe import venue_long
from scholarcli.model.marks import author_marks, symbols
from scholarcli.model.names import bibtex_parts, is_comma_form, split_name

TYPES = {"article": "article", "inproceedings": "inproceedings", "incollection": "incollection", "book": "book",
         "thesis": "phdthesis", "techreport": "techreport", "preprint": "article", "misc": "misc",
         "patent": "patent"}  # fmt: skip
# Where the template looks for the venue of each entry type.
VENUE_FIELD = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle", "phdthesis": "school"}
# Record link names -> al-folio's button fields; the first name found wins.
BUTTONS = (
    ("html", ("html", "paper", "openreview", "project")),
    ("pdf", ("pdf",)),
    ("supp", ("supp", "supplementary")),
    ("code", ("code", "github")),
    ("slides", ("slides",)),
    ("poster", ("poster",)),
    ("video", ("video",)),
    ("blog", ("blog",)),
    ("website", ("website",)),
)


def text(value: str) -> str:
    """A field value: LaTeX-escaped, with the angle brackets as entities, since the page shows it raw."""
    return value.replace("\\textless{}", "&lt;").replace("\\textgreater{}", "&gt;")


def _author(name: str, marks: str) -> str:
    """``Family*†, Given``: the marks after the family name, where al-folio draws them as a superscript."""
    if is_comma_form(name):
        first, von, last, jr = bibtex_parts(name)
        given, family = first, f"{von} {last}".strip()
    else:
        (given, family), jr = split_name(name), ""
    parts = [text(escape_markup(family, ascii_only=False)) + marks]
    parts += [text(escape_markup(part, ascii_only=False)) for part in (jr, given) if part]
    return ", ".join(parts)


def authors(work: Work, settings: Settings) -> str:
    """The author field, each author's marks typed after the family name as al-folio sites type them;
    the list as the source wrote it where an import repaired it, it still reads as the record, and
    only a stray comma before "and" was repaired (which bibtex and biber drop too, with a warning;
    a doubled "and" or whole names joined by commas they would misread, so those come back repaired)."""
    if (source := work.extra.get("author")) is not None and _reads_as(source, work, settings):
        return source.replace("<", "&lt;").replace(">", "&gt;")
    marks = author_marks(work, settings)
    listed = [_author(name, symbols(mark)) for name, mark in zip(work.authors, marks, strict=True)]
    return " and ".join([*listed, "others"] if work.authors_truncated else listed)


def _reads_as(source: str, work: Work, settings: Settings) -> bool:
    """Whether an import reads the author field ``source`` as the record's authors and marks."""
    from scholarcli.formats.bib_reading import bibtex_reads, mark_fields, read_authors, split_authors
    from scholarcli.formats.name_marks import reading

    marks = reading(settings)
    read = read_authors(source, marks)
    if isinstance(read, str) or (read.names, read.truncated) != (list(work.authors), work.authors_truncated):
        return False
    names = split_authors(source)[0]
    if not bibtex_reads([name.rstrip().rstrip(",") for name in names]):
        return False
    fields = mark_fields(read.names, read.marked, marks)
    record = {kind: list(names) for kind, names in work.marks.items() if names}
    return bool(
        fields.get("equal_contribution", []) == list(work.equal_contribution) and fields.get("marks", {}) == record
    )


def url_text(url: str) -> str:
    """An address as a field value: verbatim (LaTeX decoding would spoil nothing here), with the
    characters that could leave the template's ``href="..."`` or unbalance braces percent-encoded."""
    for char in '"<>{}\\':
        url = url.replace(char, f"%{ord(char):02X}")
    return url


def _address(value: str) -> str | None:
    # A relative path is a file of the site (assets/pdf/...), as al-folio means it.
    relative = re.fullmatch(r"\w[\w./-]*", value) is not None and ".." not in value
    return value if is_safe_url(value) or is_safe_image(value) or relative else None


def buttons(work: Work) -> list[tuple[str, str]]:
    named = {name.lower(): url for name, url in work.links.items()}
    if work.url:
        named.setdefault("html", work.url)  # al-folio's button; the import reads it back as the url
    elif work.is_patent:  # the patent office's page of the number
        named.update(("html", link.url) for link in links(work) if link.label == "Patent")
    found = []
    for field, names in BUTTONS:
        url = next((_address(named[name]) for name in names if name in named and _address(named[name])), None)
        if url:
            found.append((field, url_text(url)))
    return found


def _venue(work: Work, settings: Settings, bib_type: str) -> list[tuple[str, str]]:
    fields = []
    venue = settings.venue(work.venue)
    if "abbr" in work.extra:
        pass  # an imported badge scholar could not read as an acronym: written with the kept fields
    elif venue is not None:
        fields.append(("abbr", text(escape(venue.acronym, ascii_only=False))))
    elif work.venue and (venue_from_extra(work) or not VENUE_FIELD.get(bib_type)):  # an import's abbr
        fields.append(("abbr", text(escape(work.venue, ascii_only=False))))
    field = VENUE_FIELD.get(bib_type)
    name = venue_name(work, settings) if work.is_patent or not work.venue else venue_long(work, settings)
    if field and (field in work.extra or venue_from_extra(work)):
        pass  # written with the other kept fields: the journal as the source gave it ("arXiv Mar.")
    elif field and name:
        fields.append((field, text(escape(name, ascii_only=False))))
    elif work.is_patent:
        fields.append(("abbr", "Patent"))
        fields.append(("note", text(escape(name, ascii_only=False))))
        if work.number:
            fields.append(("number", text(escape(work.number, ascii_only=False))))
        if work.assignee:
            fields.append(("holder", text(escape(work.assignee, ascii_only=False))))
    return fields


def render_work(work: Work, settings: Settings, options: ExportOptions) -> tuple[str, list[str]]:
    bib_type = TYPES[work.type]
    fields: list[tuple[str, str]] = []
    if work.authors:
        fields.append(("author", authors(work, settings)))
    # As written: jekyll-scholar shows titles as they are, so no protection is added that an import
    # would read back as the source's.
    fields.append(("title", text(escape_markup(work.title, ascii_only=False))))
    fields.extend(_venue(work, settings, bib_type))
    if work.year is not None:
        fields.append(("year", str(work.year)))
    if work.month is not None:
        fields.append(("month", Bare(MONTH_MACROS[work.month - 1])))
    for name in ("volume", "issue", "pages", "publisher"):
        value = getattr(work, name)
        if value and not (name == "publisher" and bib_type == "phdthesis"):  # the school already
            value = page_range(value) if name == "pages" else value
            fields.append(("number" if name == "issue" else name, text(escape(value, ascii_only=False))))
    # Identifiers become addresses in the template (https://doi.org/..., arxiv.org/abs/...).
    for name in ("arxiv", "doi", "url"):
        if value := getattr(work, name):
            fields.append((name, url_text(value)))
    fields.extend(buttons(work))
    if (preview := image(work)) is not None:
        fields.append(("preview", url_text(preview)))
    if work.categories:
        fields.append(("primaryclass", text(escape(work.categories[0], ascii_only=False))))
    if work.tags:
        fields.append(("keywords", text(escape(", ".join(work.tags), ascii_only=False))))
    for name in ("note", "abstract"):
        if value := getattr(work, name):
            fields.append((name, text(escape(value, ascii_only=False))))
    fields.append(("bibtex_show", work.extra.get("bibtex_show", "true")))
    if work.selected:
        fields.append(("selected", work.extra.get("selected", "true")))  # as an import read it: "True"
    # Imported fields come as BibTeX source (al-folio's own award, award_name, annotation, ...).
    fields, kept = kept_fields(work, fields)
    for name, value in kept:
        escaped = text(value.replace("<", "&lt;").replace(">", "&gt;"))
        fields.append((name, Bare(escaped) if type(value) is Bare else escaped))  # an @string: bare still
    return entry(work.bibtex_type or bib_type, work.key, fields), unsafe_links(work)  # the type it came with


def render(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
    """papers.bib: the Jekyll front matter al-folio's bibliography file starts with, then the entries."""
    result = render_each(render_work, works, settings, options, separator="\n")
    return ExportResult("---\n---\n\n" + result.text, result.warnings)
