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
    Bare,
    Fields,
    Source,
    Text,
    Value,
    Verbatim,
    entry,
    kept_fields,
    month,
    number,
    one_part,
    page_range,
    source,
    venue_from_extra,
    word,
)
from scholarcli.formats.code_points import AL_FOLIO, fit_settings, fit_work
from scholarcli.formats.cv import image, is_safe_image, is_safe_url, links, unsafe_links, venue_name
from scholarcli.formats.export_types import ExportOptions, ExportResult, Format, render_each
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


def shown(escaped: str) -> Text:
    """A field value: LaTeX-escaped, with the angle brackets as entities, since the page shows it raw."""
    return Text(escaped.replace("\\textless{}", "&lt;").replace("\\textgreater{}", "&gt;"))


def text(value: str) -> Text:
    """Plain text as a field value the page shows as it is."""
    return shown(escape(value, ascii_only=False))


def _author(name: str, marks: str) -> str:
    """``Family*†, Given``: the marks after the family name, where al-folio draws them as a superscript."""
    if is_comma_form(name):
        first, von, last, jr = bibtex_parts(name)
        given, family = first, f"{von} {last}".strip()
    else:
        (given, family), jr = split_name(name), ""
    if not family.strip():  # ",,": no family name a reader could find; the name as it is, one name
        return shown(f"{{{escape_markup(name, ascii_only=False)}}}")
    parts = [shown(escape_markup(one_part(family), ascii_only=False) + _marks(marks))]
    parts += [shown(escape_markup(one_part(part), ascii_only=False)) for part in (jr, given) if part]
    return ", ".join(parts)


def _marks(symbols: str) -> str:
    """The marks as typed after the family name (``*``, ``^``, ``#``, as al-folio sites type them);
    escaped, in braces, if they hold what would end the name or the field (a brace, a backslash, a
    comma, white space)."""
    if re.search(r"[\s,{}\\%]", symbols) is None:
        return symbols
    return f"{{{escape(symbols, ascii_only=False)}}}"


def authors(work: Work, settings: Settings) -> Value:
    """The author field, each author's marks typed after the family name as al-folio sites type them;
    the list as the source wrote it where an import repaired it, it still reads as the record, and
    only a stray comma before "and" was repaired (which bibtex and biber drop too, with a warning;
    a doubled "and" or whole names joined by commas they would misread, so those come back repaired)."""
    if (written := work.extra.get("author")) is not None and _reads_as(written, work, settings):
        return Source(written.replace("<", "&lt;").replace(">", "&gt;"))
    marks = author_marks(work, settings)
    listed = [_author(name, symbols(mark)) for name, mark in zip(work.authors, marks, strict=True)]
    return Text(" and ".join([*listed, "others"] if work.authors_truncated else listed))


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


def url_text(url: str) -> Verbatim:
    """An address as a field value: verbatim (LaTeX decoding would spoil nothing here), with the
    characters that could leave the template's ``href="..."``, unbalance braces or end the field
    percent-encoded; a space stays, as the site wrote it (the page's browser encodes it)."""
    return Verbatim(_NOT_IN_HREF.sub(lambda found: "".join(f"%{byte:02X}" for byte in found.group().encode()), url))


_NOT_IN_HREF = re.compile(r'["<>{}\\\x00-\x1f\x7f-\x9f\u2028\u2029]')


def _address(value: str) -> str | None:
    # A relative path is a file of the site (assets/pdf/...), as al-folio means it.
    relative = re.fullmatch(r"\w[\w./-]*", value) is not None and ".." not in value
    return value if is_safe_url(value) or is_safe_image(value) or relative else None


def buttons(work: Work) -> Fields:
    named = {name.lower(): url for name, url in work.links.items()}
    if work.url:
        named.setdefault("html", work.url)  # al-folio's button; the import reads it back as the url
    elif work.is_patent:  # the patent office's page of the number
        named.update(("html", link.url) for link in links(work) if link.label == "Patent")
    found: Fields = []
    for field, names in BUTTONS:
        url = next((_address(named[name]) for name in names if name in named and _address(named[name])), None)
        if url:
            found.append((field, url_text(url)))
    return found


def _venue(work: Work, settings: Settings, bib_type: str) -> Fields:
    fields: Fields = []
    venue = settings.venue(work.venue)
    if "abbr" in work.extra:
        pass  # an imported badge scholar could not read as an acronym: written with the kept fields
    elif venue is not None:
        fields.append(("abbr", text(venue.acronym)))
    elif work.venue and (venue_from_extra(work) or not VENUE_FIELD.get(bib_type)):  # an import's abbr
        fields.append(("abbr", text(work.venue)))
    field = VENUE_FIELD.get(bib_type)
    name = venue_name(work, settings) if work.is_patent or not work.venue else venue_long(work, settings)
    if field and (field in work.extra or venue_from_extra(work)):
        pass  # written with the other kept fields: the journal as the source gave it ("arXiv Mar.")
    elif field and name:
        fields.append((field, text(name)))
    elif work.is_patent:
        if not fields and "abbr" not in work.extra:  # no badge of a venue the record names
            fields.append(("abbr", word("Patent")))
        fields.append(("note", text(f"{name}; {work.note}" if work.note else name)))  # the record's note too
        if work.number:
            fields.append(("number", text(work.number)))
        if work.assignee:
            fields.append(("holder", Text(f"{{{text(work.assignee)}}}")))  # a name list: the assignee one name
    return fields


def render_work(work: Work, settings: Settings, options: ExportOptions) -> tuple[str, list[str]]:
    work, warnings = fit_work(work, AL_FOLIO)
    bib_type = TYPES[work.type]
    fields: Fields = []
    if work.authors:
        fields.append(("author", authors(work, settings)))
    # As written: jekyll-scholar shows titles as they are, so no protection is added that an import
    # would read back as the source's.
    fields.append(("title", shown(escape_markup(work.title, ascii_only=False))))
    fields.extend(_venue(work, settings, bib_type))
    if work.year is not None:
        fields.append(("year", number(work.year)))
    if work.month is not None:
        fields.append(("month", month(work.month)))
    for name in ("volume", "issue", "pages", "publisher"):
        value = getattr(work, name)
        if (
            value and not (name == "publisher" and bib_type == "phdthesis") and not _numbered_patent(work, name)
        ):  # the school already; a patent's number
            value = page_range(value) if name == "pages" else value
            fields.append(("number" if name == "issue" else name, text(value)))
    # Identifiers become addresses in the template (https://doi.org/..., arxiv.org/abs/...).
    for name in ("arxiv", "doi", "url"):
        if value := getattr(work, name):
            fields.append((name, url_text(value)))
    fields.extend(buttons(work))
    if (preview := image(work)) is not None:
        fields.append(("preview", url_text(preview)))
    if work.categories:
        fields.append(("primaryclass", text(work.categories[0])))
    if work.tags:
        fields.append(("keywords", text(", ".join(work.tags))))
    for name in ("note", "abstract"):
        if (value := getattr(work, name)) and name not in {made for made, _ in fields}:
            fields.append((name, text(value)))
    fields.append(("bibtex_show", _kept_or_true(work, "bibtex_show")))
    if work.selected:
        fields.append(("selected", _kept_or_true(work, "selected")))  # as an import read it: "True"
    # Imported fields come as BibTeX source (al-folio's own award, award_name, annotation, ...).
    fields, kept = kept_fields(work, fields)
    fields += [(name, _page_source(value)) for name, value in kept]
    return entry(work.bibtex_type or bib_type, work.key, fields), warnings + unsafe_links(work)  # the type it came with


def _numbered_patent(work: Work, name: str) -> bool:
    """Whether ``number`` holds a patent's number already, which an issue would repeat."""
    return name == "issue" and work.is_patent and bool(work.number)


def _kept_or_true(work: Work, name: str) -> Value:
    """``true``, or the value an import kept (as BibTeX source)."""
    kept = work.extra.get(name)
    return (source(kept) if kept is not None else None) or word("true")


def _page_source(value: Value) -> Value:
    """Kept source as the page shows it: angle brackets as entities; an @string stays bare."""
    escaped = value.replace("<", "&lt;").replace(">", "&gt;")
    return Bare(escaped) if type(value) is Bare else Source(escaped)


def render(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
    """papers.bib: the Jekyll front matter al-folio's bibliography file starts with, then the entries."""
    settings, _, unfit = fit_settings(settings, None, AL_FOLIO)
    result = render_each(render_work, works, settings, options, separator="\n")
    return ExportResult("---\n---\n\n" + result.text, [*unfit, *result.warnings])


FORMAT = Format(
    name="al-folio",
    help="an al-folio site's _bibliography/papers.bib",
    render=render,
)
