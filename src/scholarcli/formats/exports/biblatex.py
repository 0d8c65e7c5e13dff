"""BibLaTeX export for biber: UTF-8 text, ``@patent``, arXiv eprints, equal contribution as data.

Equal contribution travels as a data annotation, ``author+an = {1=equal;2=equal}``, which a
style can turn into marks. Fields the datamodel requires but the record lacks are not invented;
the export warns about them instead.
"""

from __future__ import annotations

from scholarcli.formats.bibfile import (
    Fields,
    Text,
    entry,
    identifier_fields,
    kept_fields,
    names,
    number,
    page_range,
    text,
    title,
    venue_from_extra,
    word,
)
from scholarcli.formats.code_points import LATEX, fit_work
from scholarcli.formats.export_types import ExportOptions, Format
from scholarcli.formats.work_facts import author_annotations, is_arxiv
from scholarcli.model import Settings, Work
from scholarcli.model.describe import iso_date, venue_long

# Our type -> the biblatex type and its `type` field where the datamodel wants one.
TYPES: dict[str, tuple[str, str | None]] = {
    "article": ("article", None),
    "inproceedings": ("inproceedings", None),
    "incollection": ("incollection", None),
    "book": ("book", None),
    "thesis": ("thesis", "phdthesis"),
    "techreport": ("report", "techreport"),
    "preprint": ("misc", None),
    "misc": ("misc", None),
    "patent": ("patent", None),
}
# Fields biblatex's datamodel makes mandatory, beyond title and a date (mandatory for all).
MANDATORY = {
    "article": ("author", "journaltitle"),
    "inproceedings": ("author", "booktitle"),
    "incollection": ("author", "editor", "booktitle"),
    "book": ("author",),
    "thesis": ("author", "institution"),
    "report": ("author", "institution"),
    "patent": ("author", "number"),
}
# biblatex entry type -> the field that names its venue, and the one that names its publisher. An
# imported entry keeps its own type, so these cover biblatex's types, not only the ones we make;
# a type without such a field gets none (an article's publisher is its journal's).
_IN = ("inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inreference", "inproceedings")
VENUE_FIELD = {"article": "journaltitle", **dict.fromkeys(_IN, "booktitle"),
               **dict.fromkeys(("misc", "booklet", "unpublished"), "howpublished")}  # fmt: skip
PUBLISHER_FIELD = {
    **dict.fromkeys(("book", "mvbook", "collection", "mvcollection", "reference", "mvreference"), "publisher"),
    **dict.fromkeys(("proceedings", "mvproceedings", *_IN), "publisher"),
    **dict.fromkeys(("misc", "online", "manual"), "organization"),
    **dict.fromkeys(("thesis", "report", "phdthesis", "mastersthesis", "techreport"), "institution"),
}
# Patent offices biblatex has localised names for: granted patent, patent request.
OFFICES = {"US": ("patentus", "patrequs"), "EP": ("patenteu", "patreqeu"), "DE": ("patentde", "patreqde"),
           "FR": ("patentfr", "patreqfr"), "GB": ("patentuk", "patrequk")}  # fmt: skip


def _patent_type(work: Work) -> str:
    granted = work.status == "granted"
    office = OFFICES.get((work.number or "")[:2].upper())
    if office:
        return office[0] if granted else office[1]
    return "patent" if granted else "patreq"


# biber reads these BibTeX fields as the BibLaTeX field made from the record (year and month from
# date): a kept field of the same meaning would overwrite it, with a warning.
_BIBER_READS_AS = {"year": "date", "month": "date", "journal": "journaltitle", "address": "location",
                   "school": "institution", "archiveprefix": "eprinttype", "primaryclass": "eprintclass"}  # fmt: skip


# biber reads a kept journal as journaltitle, which its datamodel allows in a periodical's entries
# only ("Invalid field 'journaltitle' for entrytype 'misc'"): in these types it is written as the field
# that names where such an entry appeared, unless the export made that field already.
_JOURNAL_ELSEWHERE = {**dict.fromkeys(("misc", "booklet", "unpublished"), "howpublished"), "online": "organization"}


def _journal_placed(bib_type: str, fields: Fields) -> Fields:
    target = _JOURNAL_ELSEWHERE.get(bib_type)
    if target is None or any(name == target for name, _ in fields):
        return fields
    return [(target if name.lower() == "journal" else name, value) for name, value in fields]


# A kept field biber reads as a mandatory one (a kept month, which biber also reads into date, is no date).
_FULFILS = {"journal": "journaltitle", "school": "institution"}


def _shadowed(name: str, made: Fields) -> bool:
    """Whether a kept field names what a made field holds already, as biber reads them."""
    return _BIBER_READS_AS.get(name.lower()) in {made_name for made_name, _ in made}


def _text(value: str) -> Text:
    return text(value, ascii_only=False)


def render_work(work: Work, settings: Settings, options: ExportOptions) -> tuple[str, list[str]]:
    work, warnings = fit_work(work, LATEX)
    bib_type, type_field = TYPES[work.type]
    bib_type = work.bibtex_type or bib_type  # an imported entry keeps the type it came with
    if work.bibtex_type or "type" in work.extra:  # and its own type field
        type_field = None
    fields = _head(work, settings, bib_type)
    if date := iso_date(work):
        fields.append(("date", word(date)))
    elif work.month is not None:  # no year for a date: biblatex's month field keeps the month
        fields.append(("month", number(work.month)))
    if type_field:
        fields.append(("type", word(type_field)))
    fields += _publication(work, bib_type)
    fields += identifier_fields(work, ("eprinttype", "arxiv"), "eprintclass")
    for name, value in (("note", work.note), ("keywords", ", ".join(work.tags)), ("abstract", work.abstract)):
        if value:
            fields.append((name, _text(value)))
    made, kept = kept_fields(work, fields)
    fields = _journal_placed(bib_type, made + [(name, value) for name, value in kept if not _shadowed(name, made)])
    used = {name for name, _ in fields}
    used |= {_FULFILS[name] for name in used if name in _FULFILS}
    lacking = [name for name in MANDATORY.get(bib_type, ()) if name not in used]
    if not used & {"date", "year"}:
        lacking.insert(0, "date")
    if "title" not in used:
        lacking.insert(0, "title")
    if lacking:
        warnings.append(f"{work.key}: no {', no '.join(lacking)}; biblatex's datamodel requires them")
    if bib_type in _JOURNAL_ELSEWHERE and "journal" in used:  # its place taken: kept as it came
        warnings.append(
            f"{work.key}: journal written as it came; biblatex's datamodel has no journaltitle in @{bib_type}"
        )
    return entry(bib_type, work.key, fields), warnings


def _head(work: Work, settings: Settings, bib_type: str) -> Fields:
    """Authors with their equal contribution, title, and the venue."""
    fields: Fields = []
    if work.authors:
        fields.append(("author", names(work, ascii_only=False)))
        if (annotations := author_annotations(work, settings)) and "author+an" not in work.extra:
            fields.append(("author+an", _text(annotations)))  # an imported one that names kinds scholar lacks: kept
    if work.title:
        fields.append(("title", title(work.title, ascii_only=False, as_written=work.title_as_written)))
    venue = venue_long(work, settings)
    venue_field = VENUE_FIELD.get(bib_type)
    if venue_from_extra(work):
        pass  # the venue's own text, written with the other kept fields
    elif venue_field == "howpublished" and is_arxiv(work):
        fields.append((venue_field, text("arXiv preprint")))
    elif venue and venue_field:
        fields.append((venue_field, _text(venue)))
    return fields


def _publication(work: Work, bib_type: str) -> Fields:
    """Publisher, a patent's number, type and holder, volume, number and pages."""
    fields: Fields = []
    # an imported entry of its own type has its publisher back in any case (a booklet's, say)
    if work.publisher and (where := PUBLISHER_FIELD.get(bib_type, "publisher" if work.bibtex_type else None)):
        fields.append((where, _text(work.publisher)))
    if work.number:  # a patent's or a report's
        fields.append(("number", _text(work.number)))
    if work.is_patent:
        if work.status and "type" not in work.extra:  # an imported patent's own type is written as it came
            fields.append(("type", word(_patent_type(work))))
        if work.assignee:
            fields.append(("holder", Text(f"{{{_text(work.assignee)}}}")))  # a name list: the assignee one name
    if work.volume:
        fields.append(("volume", _text(work.volume)))
    if work.issue and not work.number:
        fields.append(("number", _text(work.issue)))
    if work.pages:
        fields.append(("pages", _text(page_range(work.pages))))
    return fields


FORMAT = Format(
    name="biblatex",
    help="BibLaTeX, for biber",
    render_work=render_work,
)
