"""RIS to records: publishers' "download citation", Zotero, EndNote, Mendeley, Web of Science, Scopus.

A record is the lines from ``TY  - JOUR`` to ``ER  - ``: a two-character tag, a hyphen, the value
(one space before the hyphen is read too). A line with no tag continues the value before it (a
wrapped abstract, a note in lines); lines outside records (a provider's header, "Record 1 of 2",
"1.") say nothing about a work and are passed over. Every tag a record gives that scholar has no
field for is kept in ``extra`` (formats/record_building.py), and what cannot be read (a date such
as ``99``) is a problem that names the record and the tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scholarcli.errors import Problem
from scholarcli.formats.bib_reading import Converted, ParsedFile
from scholarcli.formats.record_building import Builder, arxiv_id, doi, is_citation_key, plain_name
from scholarcli.model import Settings
from scholarcli.model.markup import literal

_TAG_LINE = re.compile(r"([A-Z][A-Z0-9])[ \t]{1,2}-(?:[ \t]+(.*))?")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # not str.splitlines: a title may hold U+2028

# TY -> our type; every other TY is misc. Where TY is not the one of NATURAL, it is kept as ris-type.
TYPES = {
    **dict.fromkeys(("JOUR", "JFULL", "EJOUR", "ABST", "INPR", "MGZN", "NEWS"), "article"),
    **dict.fromkeys(("CONF", "CPAPER"), "inproceedings"),
    **dict.fromkeys(("BOOK", "EBOOK", "EDBOOK", "CLSWK"), "book"),
    **dict.fromkeys(("CHAP", "ECHAP", "DICT", "ENCYC"), "incollection"),
    "THES": "thesis",
    **dict.fromkeys(("RPRT", "GOVDOC", "STAND"), "techreport"),
    "PAT": "patent",
}
NATURAL = {
    "article": "JOUR",
    "inproceedings": "CONF",
    "book": "BOOK",
    "incollection": "CHAP",
    "thesis": "THES",
    "techreport": "RPRT",
    "patent": "PAT",
    "preprint": "UNPB",
    "misc": "GEN",
}
# The tags that name a work's venue, most telling first (JF is a journal's full name, JA, J1 and J2
# abbreviations; T2 the journal, proceedings or book a part is in, as Zotero and EndNote write it).
VENUE_TAGS = {
    "article": ("JF", "T2", "JO", "JA", "J1", "J2"),
    "inproceedings": ("T2", "BT", "C3", "JF", "JO"),
    "incollection": ("T2", "BT"),
    "preprint": ("T2", "JF", "JO"),
    "misc": ("T2", "JF", "JO", "BT"),
}
# Tags kept under the BibTeX field of the same meaning.
KEPT_AS = {"CY": "address", "PP": "address", "ET": "edition", "T3": "series", "LA": "language", "ST": "shorttitle"}
NAMES_KEPT_AS = {"ED": "editor", "A2": "editor", "A4": "translator"}  # A2 is a patent's office: kept as ris-a2
# An RIS date: YYYY/MM/DD/other information, any part empty ("2014//", "1948/07//", "2013/02/15/received").
_DATE = re.compile(r"(\d{4})(?:[/-](\d{0,2})(?:[/-](\d{0,2})(?:/(.*))?)?)?")
_ISSN = re.compile(r"\d{4}-\d{3}[\dXx]")
_ISBN = re.compile(r"(?:97[89])?\d{9}[\dXx]")  # with its hyphens taken out


class _Record:
    """The lines of one record: its TY, its tags and values in file order, where it starts."""

    def __init__(self, number: int, line: int, kind: str) -> None:
        self.number, self.line, self.kind = number, line, kind.strip()
        self.fields: list[list[str]] = []  # [tag, value]: a continuation line extends the value
        self.notes: list[str] = []


def _records(text: str, source: str) -> tuple[list[_Record], list[Problem]]:
    """The records of an RIS text, and the tag lines found outside any record (one problem a run)."""
    records: list[_Record] = []
    problems: list[Problem] = []
    current: _Record | None = None
    stray = False  # the line before was a tag line outside a record
    for number, line in enumerate(_LINE_BREAK.split(text.replace("\ufeff", "")), start=1):
        found = _TAG_LINE.fullmatch(line.rstrip())
        if found is None:
            if current is not None and current.fields and line.strip():
                current.fields[-1][1] += "\n" + line.strip()
            continue
        tag, value = found.group(1), (found.group(2) or "").strip()
        if tag == "TY":
            if current is not None:
                current.notes.append("no ER line ends it before the next TY line")
                records.append(current)
            current = _Record(len(records) + 1, number, value)
        elif tag == "ER" and current is not None:
            records.append(current)
            current = None
        elif current is not None:
            current.fields.append([tag, value])
        elif tag != "ER" and not stray:
            problems.append(Problem(source, f"line {number}", "tag lines outside any record (no TY line before them)"))
        stray = current is None and tag not in ("TY", "ER")
    if current is not None:
        current.notes.append("no ER line ends it")
        records.append(current)
    return records, problems


class _Fields:
    """A record's values in file order: each taken once; what is left is kept in extra."""

    def __init__(self, fields: list[list[str]]) -> None:
        self.pairs = [(tag, value.strip()) for tag, value in fields if value.strip()]

    def take(self, *tags: str) -> list[str]:
        """Every value of these tags, in file order."""
        found = [value for tag, value in self.pairs if tag in tags]
        self.pairs = [(tag, value) for tag, value in self.pairs if tag not in tags]
        return found

    def first(self, *tags: str) -> tuple[str, str] | None:
        """The first value of these tags in the order given (tag, value), taken; the others stay."""
        for wanted in tags:
            for index, (tag, value) in enumerate(self.pairs):
                if tag == wanted:
                    del self.pairs[index]
                    return tag, value
        return None

    def earliest(self, *tags: str) -> tuple[str, str] | None:
        """The first value of any of these tags in file order (tag, value), taken; the others stay."""
        for index, (tag, value) in enumerate(self.pairs):
            if tag in tags:
                del self.pairs[index]
                return tag, value
        return None

    def left(self) -> Iterator[tuple[str, list[str]]]:
        """The tags not taken, each with its values, in file order."""
        grouped: dict[str, list[str]] = {}
        for tag, value in self.pairs:
            grouped.setdefault(tag, []).append(value)
        yield from grouped.items()


def parse(text: str, source: str, settings: Settings) -> ParsedFile:
    """Every record of an RIS text as an entry; a record with nothing but its type is a problem, and
    counts among the entries that could not be read, so that import's summary adds up."""
    records, problems = _records(text, source)
    entries: list[Converted] = []
    for record in records:
        where = f"record {record.number} (line {record.line})"
        if not any(value.strip() for _, value in record.fields):
            problems.append(Problem(source, where, f'it has nothing but its type ("TY  - {record.kind}"); skipped'))
            continue
        entries.append(_convert(record, where))
    return ParsedFile(entries, problems, unread=len(records) - len(entries))


def _convert(record: _Record, where: str) -> Converted:
    fields, built = _Fields(record.fields), Builder("ris")
    built.notes += record.notes
    work_type = TYPES.get(record.kind.upper(), "misc")
    built.record["type"] = work_type
    _identifiers(built, fields)
    if "arxiv" in built.record and work_type in ("misc", "article") and not _has_venue(fields, work_type):
        work_type = built.record["type"] = "preprint"
        built.record["venue"] = "arXiv"
    if record.kind.upper() != NATURAL[work_type]:
        built.keep("type", record.kind)
    _title_and_names(built, fields, work_type)
    _venue(built, fields, work_type)
    _dates(built, fields)
    _numbers(built, fields, work_type)
    _texts(built, fields, work_type)
    key = None
    if (found := fields.first("ID")) is not None and is_citation_key(found[1]):
        key = found[1]
    elif found is not None:
        built.keep("id", found[1])
    for tag, values in fields.left():
        built.keep(tag.lower(), "\n".join(values))
    return built.converted(key, key or where)


def _has_venue(fields: _Fields, work_type: str) -> bool:
    """Whether the record names a venue that is not arXiv (a published version of a preprint)."""
    tags = VENUE_TAGS.get(work_type, ())
    return any(tag in tags and "arxiv" not in value.lower() for tag, value in fields.pairs)


def _title_and_names(built: Builder, fields: _Fields, work_type: str) -> None:
    """Title (TI, T1; a book's BT; CT), authors (AU and A1, in file order), editors, translators."""
    title_tags = ("TI", "T1", "BT", "CT") if work_type == "book" else ("TI", "T1", "CT")
    if (title := fields.earliest(*title_tags)) is not None:
        built.title(literal(title[1]))
    authors = [name for name in map(plain_name, fields.take("AU", "A1")) if name]
    if authors:
        built.record["authors"] = authors
    for tag, field in NAMES_KEPT_AS.items():
        if tag == "A2" and work_type == "patent":
            continue
        built.keep_names(field, [name for name in map(plain_name, fields.take(tag)) if name])


def _venue(built: Builder, fields: _Fields, work_type: str) -> None:
    """The venue from the first tag that names one; another tag that says the same is not kept."""
    if work_type == "book":  # a book's secondary title is its series (Zotero's and EndNote's RIS)
        for value in fields.take("T2"):
            built.keep("series", value, own=False)
    tags = VENUE_TAGS.get(work_type, ())
    if "venue" in built.record or (found := fields.first(*tags)) is None:
        return
    built.text("venue", found[1])
    fields.pairs = [(tag, value) for tag, value in fields.pairs if not (tag in tags and value == found[1])]


def _date(value: str) -> tuple[int, int | None, int | None, str] | None:
    """An RIS date as (year, month, day, other information), or None if it starts with no year."""
    found = _DATE.fullmatch(value.strip())
    if found is None:
        return None
    year, month, day, other = found.groups()
    return int(year), int(month) if month else None, int(day) if day else None, (other or "").strip()


def _dates(built: Builder, fields: _Fields) -> None:
    """The year from PY (else DA, Y1), month and day from the first date of that year that has
    them (DA first: Y1 is deprecated). A value the record does not hold whole is kept; one that is
    no date is a problem too. Y2, the day a web page was read, is kept as BibLaTeX's urldate."""
    values = [(tag, value, _date(value)) for tag in ("PY", "DA", "Y1") for value in fields.take(tag)]
    dates = [date for _, _, date in values if date is not None and 1 <= date[0] <= 9999]
    if dates:
        year = dates[0][0]
        month, day = next(
            ((m, d) for y, m, d, _ in sorted(dates, key=lambda date: date[1] is None) if y == year), (None, None)
        )
        built.date(year, month, day)
    held = (built.record.get("year"), built.record.get("month"), built.record.get("day"))
    for tag, value, date in values:
        if date is None or not 1 <= date[0] <= 9999:
            built.problems.append(f'{tag}: "{value}" is not a date (YYYY/MM/DD/other); kept as ris-{tag.lower()}')
        if date is None or date[3] or not _agrees(date, held):
            built.keep(tag.lower(), value)
    for value in fields.take("Y2"):
        date = _date(value)
        iso = "-".join(f"{part:02d}" for part in date[:3] if part) if date and not date[3] else None
        built.keep("urldate", iso or value, own=False)


def _agrees(date: tuple[int, int | None, int | None, str], held: tuple[object, object, object]) -> bool:
    """Whether the record's date says all an RIS date says (a bare year agrees with a full date)."""
    return all(part is None or part == mine for part, mine in zip(date[:3], held, strict=True))


def _numbers(built: Builder, fields: _Fields, work_type: str) -> None:
    """SN (an ISSN or ISBN, else a patent's or report's number), volume, issue, pages (SP and EP)."""
    for value in fields.take("SN"):
        first = value.split()[0]
        if _ISSN.fullmatch(first):
            built.keep("issn", value, own=False)
        elif _ISBN.fullmatch(first.replace("-", "")):
            built.keep("isbn", value, own=False)
        elif work_type in ("patent", "techreport") and "number" not in built.record:
            built.text("number", value)
        else:
            built.keep("sn", value)
    if volume := fields.first("VL", "VO"):
        built.text("volume", volume[1])
    if (issue := fields.first("IS", "CP")) and not (work_type == "patent" and "number" in built.record):
        built.text("number" if work_type == "patent" else "issue", issue[1])
    elif issue:
        built.keep(issue[0].lower(), issue[1])
    _pages(built, fields.first("SP"), fields.first("EP"))


def _pages(built: Builder, start: tuple[str, str] | None, end: tuple[str, str] | None) -> None:
    """``SP - 379`` and ``EP - 423`` as 379-423; an SP that is a range already keeps an EP that differs."""
    if start and end and "-" not in start[1]:
        built.text("pages", f"{start[1]}-{end[1]}")
    elif start:
        built.text("pages", start[1].replace("–", "-"))
        if end and not start[1].endswith(end[1]):
            built.keep("ep", end[1])
    elif end:
        built.keep("ep", end[1])


def _identifiers(built: Builder, fields: _Fields) -> None:
    """DOI (DO), the address (UR; several, or several in one line), an arXiv id either gives, and
    the links Zotero and EndNote write (L1 a PDF, L2 the full text, LK a web site)."""
    if (given := fields.first("DO")) is not None:
        if (found := doi(given[1])) is not None:
            built.record["doi"] = found
        else:
            built.problems.append(f'DO: "{given[1]}" is not a DOI; kept as ris-do')
            built.keep("do", given[1])
    urls = [url for value in fields.take("UR") for url in _addresses(value)]
    if urls:
        built.record["url"] = urls[0]
        built.keep("ur", "\n".join(urls[1:]))
    if arxiv := next(filter(None, map(arxiv_id, (built.record.get("doi", ""), *urls))), None):
        built.record["arxiv"] = arxiv
    for tag, name in (("L1", "pdf"), ("L2", "html"), ("LK", "website")):
        links = fields.take(tag)
        if links and re.match(r"https?://", links[0]):
            built.links[name] = links.pop(0)
        built.keep(tag.lower(), "\n".join(links))


def _addresses(value: str) -> list[str]:
    """The addresses of a UR value: one, or several apart by ";" or lines (as Mendeley writes them)."""
    parts = [part.strip() for part in re.split(r";\s*|\n", value) if part.strip()]
    return parts if all(re.match(r"[a-z][a-z0-9+.-]*:", part, re.IGNORECASE) for part in parts) else [value]


def _texts(built: Builder, fields: _Fields, work_type: str) -> None:
    """Publisher (a patent's assignee), abstract (AB, else N2), notes (N1), keywords, and the
    tags BibTeX has a field for (KEPT_AS)."""
    if publisher := fields.first("PB"):
        built.text("assignee" if work_type == "patent" else "publisher", publisher[1])
    if abstract := fields.first("AB", "N2"):
        built.text("abstract", abstract[1])
        fields.pairs = [(tag, value) for tag, value in fields.pairs if not (tag == "N2" and value == abstract[1])]
    if notes := fields.take("N1"):
        built.record["note"] = "\n".join(notes)
    built.tags(fields.take("KW"), ";\n")
    for tag, field in KEPT_AS.items():
        for value in fields.take(tag):
            built.keep(field, value, own=False)
