"""BibTeX/BibLaTeX entries to records: fields mapped, LaTeX decoded, nothing dropped.

Every field scholar has no place for is kept in ``extra``, as BibTeX source, and an entry type it
does not model in ``bibtex_type``, so that exporting gives back what came in. bibtexparser (v2) splits the file
into entries; the decoding of LaTeX is ours (formats/latex_text.py), which is fast enough for
tens of thousands of entries and touches only the values that need it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from scholarcli.errors import Problem
from scholarcli.formats.bibfile import MONTH_MACROS
from scholarcli.formats.bibtex import TYPES as BIBTEX_TYPES
from scholarcli.formats.latex_text import decode
from scholarcli.model import Settings
from scholarcli.model.query import fold

# Entry type -> our type. Types not listed become misc, and keep their name in bibtex_type.
TYPE_MAP = {
    "article": "article",
    "inproceedings": "inproceedings",
    "conference": "inproceedings",
    "proceedings": "book",
    "book": "book",
    "mvbook": "book",
    "inbook": "incollection",
    "bookinbook": "incollection",
    "incollection": "incollection",
    "inreference": "incollection",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "techreport",
    "report": "techreport",
    "patent": "patent",
    "misc": "misc",
}
NATURAL_VENUE = {
    "article": ("journaltitle", "journal"),
    "inproceedings": ("booktitle",),
    "incollection": ("booktitle",),
}
MONTHS = {name: number for number, name in enumerate(MONTH_MACROS, start=1)}
# al-folio's link fields, which become named links.
LINK_FIELDS = {"html", "pdf", "code", "website", "slides", "poster", "video", "blog", "supp"}


@dataclass
class Converted:
    """One entry as a record (not yet validated), with the key it asks for and notes for the user."""

    key: str
    record: dict[str, Any]
    notes: list[str] = field(default_factory=list)


# The longest value @string expansion may make: forty lines of @string{sN = sN-1 # sN-1} would
# otherwise ask for 2**40 characters.
MAX_VALUE_CHARS = 1_000_000


_TOO_LONG = "\0too long\0"  # what a too long @string holds, so that every use of it fails too


class ValueTooLong(ValueError):
    """A value whose @string expansion passes MAX_VALUE_CHARS."""


def _value(text: str, strings: dict[str, str]) -> str:
    """A bare field value (not in braces or quotes) with @string references and ``#`` resolved."""
    parts = []
    length = 0
    for part in _split_concatenation(text):
        part = part.strip()
        if len(part) >= 2 and part[0] + part[-1] in ('""', "{}"):
            part = part[1:-1]
        elif part.lower() in strings:
            part = strings[part.lower()]
        length += len(part)
        if part == _TOO_LONG:
            length = MAX_VALUE_CHARS + 1
        if length > MAX_VALUE_CHARS:
            raise ValueTooLong(f"its @string expansion is longer than {MAX_VALUE_CHARS:,} characters")
        parts.append(part)
    return "".join(parts)


def _split_concatenation(text: str) -> Iterator[str]:
    depth, quoted, start = 0, False, 0
    for index, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            yield text[start:index]
            start = index + 1
    yield text[start:]


def split_authors(text: str) -> tuple[list[str], bool]:
    """Names from a BibTeX name list, as "Given Family", and whether it ended in ``and others``."""
    names, depth, start = [], 0, 0
    for match in re.finditer(r"[{}]|\s+and\s+", text, flags=re.IGNORECASE):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            names.append(text[start : match.start()])
            start = match.end()
    names.append(text[start:])
    names = [" ".join(name.split()) for name in names if name.strip()]
    truncated = bool(names) and names[-1].lower() == "others"
    if truncated:
        names.pop()
    return [_given_family(name) for name in names], truncated


def _given_family(name: str) -> str:
    """ "von Neumann, John" -> "John von Neumann"; a braced corporate name stays whole."""
    parts = [part.strip() for part in _split_top_level_commas(name)]
    if len(parts) == 3:  # von Last, Jr, First
        return decode(f"{parts[2]} {parts[0]}, {parts[1]}")
    if len(parts) == 2 and parts[1]:
        return decode(f"{parts[1]} {parts[0]}")
    return decode(parts[0])


def _split_top_level_commas(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def unescape_address(value: str) -> str:
    """URLs and DOIs are verbatim, but exporters such as DBLP escape ``_`` ``%`` ``#`` ``&`` ``~`` in them."""
    return re.sub(r"\\([_%#&~])", r"\1", value)


def _month(value: str) -> int | None:
    value = value.strip().rstrip(".").lower()
    if value.isdigit() and 1 <= int(value) <= 12:
        return int(value)
    return MONTHS.get(value[:3]) if value[:3] in MONTHS and value.isalpha() else None


def _venue(name: str, settings: Settings) -> str:
    """A registry acronym when the name is one of its venue's names; otherwise the name itself."""
    wanted = fold(name)
    for acronym, venue in settings.venues.items():
        if any(fold(candidate) == wanted for candidate in venue.all_names):
            return acronym
    return name


def _equal_positions(annotation: str) -> list[int]:
    """``1=equal;2=equal`` -> [1, 2]."""
    return [int(m.group(1)) for m in re.finditer(r"(\d+)\s*=\s*equal", annotation, flags=re.IGNORECASE)]


def convert(entry_type: str, key: str, fields: dict[str, str], settings: Settings) -> Converted:
    """One BibTeX entry (field names lowercased, values resolved) as a record."""
    entry_type = entry_type.lower()
    values = dict(fields)
    record: dict[str, Any] = {}
    extra: dict[str, str] = {}
    links: dict[str, str] = {}
    notes: list[str] = []

    def take(name: str) -> str | None:
        value = values.pop(name, None)
        return value.strip() if value is not None and value.strip() else None

    work_type = TYPE_MAP.get(entry_type, "misc")
    eprint_type = (take("eprinttype") or take("archiveprefix") or "").lower()
    eprint = take("eprint")
    # The venue comes from the field that names it for this type; any other stays as it came.
    venue_text = None
    for source in NATURAL_VENUE.get(work_type, ()):
        venue_text = venue_text or take(source)
    if eprint and (eprint_type == "arxiv" or re.fullmatch(r"\d{4}\.\d{4,5}(v\d+)?", eprint)):
        record["arxiv"] = eprint
        journal = values.get("journal") or values.get("journaltitle") or venue_text
        if work_type in ("misc", "article") and (journal is None or "arxiv" in journal.lower()):
            work_type = "preprint"
            venue_text = "arXiv"
            for source in ("journal", "journaltitle"):
                take(source)
    elif eprint:
        extra["eprint"] = eprint
        if eprint_type:
            extra["eprinttype"] = eprint_type
    record["type"] = work_type
    if entry_type != BIBTEX_TYPES[work_type][0] and not (work_type == "preprint" and entry_type in ("misc", "article")):
        record["bibtex_type"] = entry_type
    record["title"] = decode(take("title") or "")
    if not record["title"]:
        notes.append("no title; the key stands in for it")
        record["title"] = key
    if author := take("author"):
        authors, truncated = split_authors(author)
        record["authors"] = authors
        if truncated:
            record["authors_truncated"] = True
        annotation = take("author+an")
        if annotation:
            positions = _equal_positions(annotation)
            record["equal_contribution"] = [authors[i - 1] for i in positions if 0 < i <= len(authors)]
    if venue_text:
        record["venue"] = _venue(decode(venue_text), settings)
    date = take("date")
    year = take("year")
    if date and (match := re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date)):
        record["year"] = int(match.group(1))
        if match.group(2):
            record["month"] = int(match.group(2))
            if match.group(3):
                record["day"] = int(match.group(3))
    elif date:
        extra["date"] = date
    if year and "year" not in record:
        if year.isdigit():
            record["year"] = int(year)
        else:
            extra["year"] = year
    if (month := take("month")) and "month" not in record:
        number = _month(decode(month))
        if number:
            record["month"] = number
        else:
            extra["month"] = month
    number_field = "number" if work_type in ("patent", "techreport") else "issue"
    if work_type == "article" and "publisher" in values:  # an article's publisher is its journal's
        extra["publisher"] = values.pop("publisher")
    simple = {
        "volume": "volume",
        "number": number_field,
        "issue": "issue",
        "pages": "pages",
        "publisher": "publisher",
        "school": "publisher",
        "institution": "publisher",
        "note": "note",
        "abstract": "abstract",
        "holder": "assignee",
        "assignee": "assignee",
    }
    for source, target in simple.items():
        if target not in record and (value := take(source)):
            record[target] = decode(value).replace("–", "-") if target == "pages" else decode(value)
    for source in ("doi", "url"):
        if value := take(source):
            record[source] = unescape_address(value)
    if classes := take("primaryclass") or take("eprintclass"):
        record["categories"] = [c.strip() for c in classes.split(",") if c.strip()]
    if keywords := take("keywords"):
        record["tags"] = [decode(t.strip()) for t in re.split(r"[,;]", keywords) if t.strip()]
    if (selected := take("selected")) is not None:
        if selected.lower() in ("true", "yes", "1"):
            record["selected"] = True
        elif selected.lower() not in ("false", "no", "0"):
            extra["selected"] = selected
    for name in list(values):
        value = take(name)
        if value is None:
            continue
        if name in LINK_FIELDS and re.match(r"https?://", value):
            links[name] = unescape_address(value)
        else:
            extra[name] = value  # as BibTeX source: exported back exactly as it came
    if links:
        record["links"] = links
    if extra:
        record["extra"] = extra
    return Converted(key=key, record=record, notes=notes)


@dataclass
class ParsedFile:
    entries: list[Converted]
    problems: list[Problem]


def parse(text: str, source: str, settings: Settings) -> ParsedFile:
    """Every entry of a .bib text; blocks bibtexparser cannot read become problems, not silence."""
    from bibtexparser import middlewares
    from bibtexparser.entrypoint import parse_string

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # we report failed blocks ourselves
    library = parse_string(text, parse_stack=[middlewares.RemoveEnclosingMiddleware()])
    problems = _failed_blocks(library.failed_blocks, source)
    strings = {name: name for name in MONTH_MACROS}
    for string in library.strings:  # in file order, so a string may use the ones before it
        try:
            strings[string.key.lower()] = _value(str(string.value), strings)
        except ValueTooLong as error:
            problems.append(Problem(source, f"@string {string.key}", str(error)))
            strings[string.key.lower()] = _TOO_LONG
    entries = []
    for entry in library.entries:
        try:
            fields = _fields(entry, strings)
        except ValueTooLong as error:
            problems.append(Problem(source, entry.key, f"{error}; the entry was skipped"))
            continue
        entries.append(convert(entry.entry_type, entry.key, fields, settings))
    return ParsedFile(entries, problems)


def _fields(entry: Any, strings: dict[str, str]) -> dict[str, str]:
    """The entry's fields by lower-case name, bare values resolved."""
    fields = {}
    for f in entry.fields:
        bare = f.enclosing == "no-enclosing"
        fields[f.key.lower()] = _value(str(f.value), strings) if bare else str(f.value)
    return fields


def _failed_blocks(blocks: list[Any], source: str) -> list[Problem]:
    from bibtexparser import model

    problems = []
    for block in blocks:
        line = getattr(block, "start_line", None)
        where = f"line {line + 1}" if isinstance(line, int) else "a block"
        if isinstance(block, model.DuplicateBlockKeyBlock):
            problems.append(
                Problem(source, where, f'the key "{block.key}" is used twice; the second entry was skipped')
            )
        else:
            problems.append(Problem(source, where, "not a BibTeX entry scholar can read; skipped"))
    return problems
