"""CSL-JSON to records: Zotero, Mendeley, pandoc, doi.org, Better BibTeX, and scholar's own export.

The input is a JSON array of items, one item, or an object of items by id (as pandoc and
citeproc-js read them). Each variable goes to its record field; the little HTML CSL allows in a
title (``<i>``, ``<b>``, ``<sup>``, ``<sub>``, small capitals, ``<span class="nocase">``) becomes
record markup, and everything else in it is text. A variable scholar has no field for is kept in
``extra`` (formats/record_building.py); a value that cannot be read is a problem naming the item
and the variable. What scholar's CSL-JSON export writes (``custom.equal-contribution``, an arXiv
preprint's ``number``, a patent's ``status``) is read back as the fields it came from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple

from scholarcli.errors import Problem
from scholarcli.formats.bib_reading import Converted, ParsedFile
from scholarcli.formats.exports.csl_json import TYPES, WORK_TYPE_OF
from scholarcli.formats.name_marks import DEFAULT_READING
from scholarcli.formats.record_building import Builder, arxiv_id, doi, is_citation_key, literal_name, person
from scholarcli.model import PATENT_STATUSES, Mark, Settings
from scholarcli.model.markup import literal

# Crossref's type names, which items from its API (and some from doi.org) carry instead of CSL's.
CROSSREF_TYPES = {
    "journal-article": "article",
    "proceedings-article": "inproceedings",
    "posted-content": "preprint",
    **dict.fromkeys(("book-chapter", "book-section", "book-part", "reference-entry"), "incollection"),
    **dict.fromkeys(("monograph", "edited-book", "reference-book"), "book"),
    "dissertation": "thesis",
}
NAME_VARIABLES = (
    "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator",
    "director", "editor", "editorial-director", "executive-producer", "guest", "host", "illustrator", "interviewer",
    "narrator", "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
    "script-writer", "series-creator", "translator",
)  # fmt: skip
DATE_VARIABLES = ("accessed", "available-date", "event-date", "issued", "original-date", "submitted")
# CSL's other variables (1.0.2): kept as csl-<name>, unless KEPT_AS or the record has a field for them.
TEXT_VARIABLES = frozenset(
    (
        "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority",
        "call-number", "chapter-number", "citation-key", "citation-label", "citation-number", "collection-number",
        "collection-title", "container-title", "container-title-short", "dimensions", "division", "DOI", "edition",
        "event", "event-title", "event-place", "first-reference-note-number", "genre", "ISBN", "ISSN", "issue",
        "jurisdiction", "keyword", "language", "license", "locator", "medium", "note", "number", "number-of-pages",
        "number-of-volumes", "original-publisher", "original-publisher-place", "original-title", "page",
        "page-first", "part-number", "part-title", "PMCID", "PMID", "printing-number", "publisher",
        "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale", "section", "source",
        "status", "supplement-number", "title", "title-short", "URL", "version", "volume", "volume-title",
        "year-suffix", "shortTitle", "journalAbbreviation",
    )
)  # fmt: skip
# Variables kept under the BibTeX or BibLaTeX field of the same meaning.
KEPT_AS = {
    "ISBN": "isbn", "ISSN": "issn", "publisher-place": "address", "edition": "edition",
    "collection-title": "series", "title-short": "shorttitle", "shortTitle": "shorttitle",
    "container-title-short": "shortjournal", "journalAbbreviation": "shortjournal", "language": "language",
    "version": "version", "number-of-pages": "pagetotal", "number-of-volumes": "volumes",
}  # fmt: skip
DATES_KEPT_AS = {"accessed": "urldate", "original-date": "origdate", "event-date": "eventdate"}
NAMES_KEPT_AS = {"editor": "editor", "translator": "translator"}
# CSL rich text: the tags CSL processors read in a title; anything else is text.
_RICH_TAG = re.compile(
    r'<(/?)(i|b|sup|sub)>|<span (?:class="(nocase)"|style="font-variant:\s*(small-caps);?")>|(</span>)'
)
_COMMAND = {"i": "\\emph{", "b": "\\textbf{", "sup": "\\textsuperscript{", "sub": "\\textsubscript{"}
_COMMAND |= {"small-caps": "\\textsc{", "nocase": "{"}


def parse(text: str, source: str, settings: Settings) -> ParsedFile:
    """Every item of a CSL-JSON text as an entry; JSON that cannot be read is one problem, and an item
    that is no object counts among the entries that could not be read."""
    try:
        data = json.loads(text)
    except RecursionError:
        return ParsedFile([], [Problem(source, "", "not JSON scholar can read: nested too deeply")])
    except ValueError as error:
        where = f"line {error.lineno}, column {error.colno}" if isinstance(error, json.JSONDecodeError) else ""
        message = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
        return ParsedFile([], [Problem(source, where, f"not JSON: {message}")])
    entries, problems = [], []
    kinds = readable_kinds(settings)
    for name, item in _items(data):
        if isinstance(item, dict):
            entries.append(convert(item, name, kinds))
        else:
            problems.append(Problem(source, name, "not a CSL-JSON item (a JSON object); skipped"))
    used = {kind for entry in entries for kind in entry.record.get("marks", {})}
    new_marks = {kind: kinds[kind] for kind in used if kind not in settings.marks}
    return ParsedFile(entries, problems, unread=len(problems), new_marks=new_marks)


def readable_kinds(settings: Settings) -> dict[str, Mark]:
    """The kinds of marks ``custom.marks`` may name: library.toml's, and those an import reads al-folio's
    symbols as (name_marks.DEFAULT_READING) whose symbol library.toml does not give another kind."""
    taken = {mark.symbol for mark in settings.all_marks.values()}
    defaults = {kind: Mark(symbol, legend) for symbol, (kind, legend) in DEFAULT_READING.items() if symbol not in taken}
    return {**defaults, **settings.marks}


def _items(data: Any) -> Iterator[tuple[str, Any]]:
    """The items of a CSL-JSON document with the names messages give them, if it holds any."""
    if isinstance(data, list):
        yield from ((f"item {number}", item) for number, item in enumerate(data, start=1))
    elif isinstance(data, dict) and isinstance(data.get("type"), str):
        yield "item 1", data
    elif isinstance(data, dict) and isinstance(data.get("items"), list | dict):
        yield from _items(data["items"])
    elif _is_object_of_items(data):
        yield from ((f"item {name}", {"id": name, **item}) for name, item in data.items())


def _is_object_of_items(data: Any) -> bool:
    """An object of items by id, as pandoc and citeproc-js read them: every value an object, some typed."""
    values = data.values() if isinstance(data, dict) else ()
    return bool(values) and all(isinstance(item, dict) for item in values) and any("type" in item for item in values)


def rich_text(text: str) -> str:
    """A CSL title as record markup: ``<i>x</i>`` -> ``\\emph{x}``, ``<span class="nocase">`` a
    brace group; the rest (and tags that do not pair) literal text."""
    out: list[str] = []
    stack: list[str] = []
    start = 0
    for found in _RICH_TAG.finditer(text):
        out.append(literal(text[start : found.start()]))
        start = found.end()
        closing, tag = (
            found.group(1) == "/" or found.group(5) is not None,
            found.group(2) or found.group(3) or found.group(4),
        )
        if not closing:
            stack.append(str(tag))
            out.append(_COMMAND[str(tag)])
        elif stack and (tag == stack[-1] or (tag is None and stack[-1] in ("nocase", "small-caps"))):
            stack.pop()
            out.append("}")
        else:
            return literal(text)
    out.append(literal(text[start:]))
    return literal(text) if stack else "".join(out)


class _Item:
    """One item being read: the variables not yet taken, and the record being built."""

    def __init__(self, item: dict[str, Any], kinds: Mapping[str, Mark]) -> None:
        self.values = {key: value for key, value in item.items() if value not in (None, "", [], {})}
        self.built = Builder("csl")
        self.kinds = kinds  # the kinds of marks custom.marks may name

    def text(self, variable: str) -> str | None:
        """A text variable taken: a string, a number as written, or strings (Crossref's lists) joined."""
        value = self.values.pop(variable, None)
        if isinstance(value, list) and value and all(isinstance(part, str | int | float) for part in value):
            return "; ".join(str(part) for part in value)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return str(value)
        if value is not None:
            self.built.problems.append(f"{variable}: should be text, not {type(value).__name__}; kept as JSON")
            self.built.keep(variable, json.dumps(value, ensure_ascii=False))
        return None


def convert(item: dict[str, Any], name: str, kinds: Mapping[str, Mark] | None = None) -> Converted:
    """One CSL item (a JSON object) as an entry named ``name`` in messages, unless its id is a key;
    ``kinds`` are the kinds of marks its ``custom.marks`` may name (readable_kinds)."""
    read = _Item(item, kinds or {})
    for step in STEPS:
        step(read)
    key = None
    for variable in ("citation-key", "id"):
        if (value := read.text(variable)) is not None and key is None and is_citation_key(value):
            key = value
        elif value is not None and value != key:
            read.built.keep(variable, value)
    _left(read)
    return read.built.converted(key, key or name)


def _arxiv(read: _Item) -> None:
    """An arXiv id from what scholar's export writes (``number: arXiv:2409.13598``) or an arXiv DOI."""
    number, given = read.values.get("number"), read.values.get("DOI")
    numbered = arxiv_id(number) if isinstance(number, str) and number.lower().startswith("arxiv:") else None
    if found := numbered or (arxiv_id(doi(given) or "") if isinstance(given, str) else None):
        read.built.record["arxiv"] = found
    if numbered:
        del read.values["number"]


def _type(read: _Item) -> None:
    """Scholar's type for the item's; an "article" (CSL's preprint or working paper, or anything to
    older writers) is a preprint when it says so: genre Preprint, publisher arXiv, an arXiv id."""
    kind = read.values.pop("type", "")
    kind = kind if isinstance(kind, str) else json.dumps(kind)
    work_type = WORK_TYPE_OF.get(kind) or CROSSREF_TYPES.get(kind)
    if work_type is None:
        read.built.notes.append(f'type: "{kind}" is no CSL type; imported as misc' if kind else "no type; misc")
        work_type = "misc"
    genre, publisher = (str(read.values.get(name, "")).casefold() for name in ("genre", "publisher"))
    on_arxiv = publisher == "arxiv" and "container-title" not in read.values
    if kind == "article" and (genre == "preprint" or on_arxiv or "arxiv" in read.built.record):
        work_type = "preprint"
    if work_type == "preprint":
        if genre == "preprint":
            del read.values["genre"]
        if on_arxiv:
            del read.values["publisher"]
            read.built.record["venue"] = "arXiv"
    read.built.record["type"] = work_type
    if kind and kind != TYPES[work_type]:
        read.built.keep("type", kind)


def _title(read: _Item) -> None:
    if (title := read.text("title")) is not None:
        read.built.title(rich_text(title))


def _names(read: _Item) -> None:
    """Authors as the record's names; editors and translators kept as BibTeX name lists, and the
    other name variables (``container-author``, ``director``, ...) as csl-<variable>."""
    for variable in NAME_VARIABLES:
        if variable not in read.values:
            continue
        names = _names_of(read, variable, read.values.pop(variable))
        if variable == "author" and names:
            read.built.record["authors"] = names
        elif variable != "author":
            read.built.keep_names(NAMES_KEPT_AS.get(variable, f"csl-{variable}"), names)


def _names_of(read: _Item, variable: str, value: Any) -> list[str]:
    """The names of a name variable: family and given (particles and suffix too), or literal."""
    listed = [{"literal": value}] if isinstance(value, str) else value if isinstance(value, list) else [value]
    names = []
    for number, name in enumerate(listed, start=1):
        parts = name if isinstance(name, dict) else {}
        texts = {part: parts.get(part) for part in ("family", "given", "non-dropping-particle", "dropping-particle")}
        texts |= {"suffix": parts.get("suffix"), "literal": parts.get("literal")}
        if not all(text is None or isinstance(text, str) for text in texts.values()) or not isinstance(name, dict):
            read.built.problems.append(f"{variable}: name {number} is not a CSL name; left out")
            continue
        particle = " ".join(str(texts[part] or "") for part in ("dropping-particle", "non-dropping-particle"))
        made = (literal_name(texts["literal"]) if texts["literal"] else None) or person(
            texts["family"] or "", texts["given"] or "", particle, texts["suffix"] or ""
        )
        if made is None:
            read.built.problems.append(f"{variable}: name {number} has no family, given or literal part; left out")
        else:
            names.append(made)
    return names


def _venue(read: _Item) -> None:
    """The container (journal, proceedings, book) as the venue, or a conference's event title; a
    book's, thesis's, report's or patent's container is no venue, and is kept."""
    work_type = read.built.record["type"]
    text = read.text("container-title")
    if text is None and work_type == "inproceedings":
        text = read.text("event-title") or read.text("event")
    if text is None or "venue" in read.built.record:
        read.built.keep("container-title", text or "")
    elif work_type in ("book", "thesis", "techreport", "patent"):
        read.built.keep("container-title", text)
    else:
        read.built.text("venue", text)


class _Date(NamedTuple):
    """A CSL date: its first day's parts, the whole date as text, and whether those parts are all of it."""

    year: int | None
    month: int | None
    day: int | None
    text: str  # ISO-like ("2011-05-25/2012-06-26~" for a range, circa), or raw or literal as written
    whole: bool


_ISO_DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _date(value: Any) -> _Date | None:
    """A CSL date (``date-parts`` with ``season`` and ``circa``, ``raw``, ``literal``, or an ISO
    string), or None when it is none of those."""
    if isinstance(value, str):
        value = {"raw": value}
    if not isinstance(value, dict):
        return None
    if days := _date_parts(value.get("date-parts")):
        text = "/".join("-".join(f"{number:02d}" for number in day) for day in days)
        season, circa = value.get("season"), value.get("circa")
        text += (f" ({season})" if season else "") + ("~" if circa else "")
        year, month, day = [*days[0], None, None][:3]
        return _Date(year, month, day, text, len(days) == 1 and not season and not circa)
    for name in ("raw", "literal"):
        written = value.get(name)
        if isinstance(written, str) and written.strip():
            if name == "raw" and (iso := _ISO_DATE.fullmatch(written.strip())):
                year, month, day = (int(group) if group else None for group in iso.groups())
                return _Date(year, month, day, written.strip(), True)
            years = _YEAR.findall(written) if name == "raw" else []
            return _Date(int(years[0]) if len(years) == 1 else None, None, None, written.strip(), False)
    return None


def _date_parts(parts: Any) -> list[list[int]]:
    """``[["2011", 5, 25], [2012]]`` as numbers; [] when there are none or one is no whole number."""
    if not isinstance(parts, list):
        return []
    days = []
    for part in parts:
        if not isinstance(part, list) or not part or any(isinstance(number, bool) for number in part):
            return []
        try:
            days.append([int(str(number)) for number in part[:3]])
        except ValueError:
            return []
    return days


def _dates(read: _Item) -> None:
    """``issued`` as the record's year, month and day (kept whole too when it says more: a range,
    a season, circa, or a date given as text); the other dates kept as text (accessed as urldate)."""
    for variable in DATE_VARIABLES:
        if variable not in read.values:
            continue
        value = read.values.pop(variable)
        date = _date(value)
        if date is None:
            read.built.problems.append(f"{variable}: not a CSL date; kept as JSON")
            read.built.keep(variable, json.dumps(value, ensure_ascii=False))
        elif variable != "issued":
            read.built.keep(DATES_KEPT_AS.get(variable, variable), date.text, own=variable not in DATES_KEPT_AS)
        else:
            held = date.year is not None and read.built.date(date.year, date.month, date.day)
            if date.year is not None and "year" not in read.built.record:
                read.built.problems.append(
                    f'issued: "{date.text}" has no year a record can hold (1-9999); kept as csl-issued'
                )
            if not (held and date.whole):
                read.built.keep("issued", date.text)


def _numbers(read: _Item) -> None:
    """Volume, issue, pages; a patent's or report's number, a patent's status and office (scholar's
    export writes the assignee as ``authority``); elsewhere those are kept."""
    work_type = read.built.record["type"]
    for variable, field in (("volume", "volume"), ("issue", "issue"), ("page", "pages")):
        if (value := read.text(variable)) is not None:
            read.built.text(field, value.replace("–", "-") if field == "pages" else value)
    if (number := read.text("number")) is not None:
        if work_type in ("patent", "techreport"):
            read.built.text("number", number)
        else:
            read.built.keep("number", number)
    status, authority = read.text("status"), read.text("authority")
    if status is not None and work_type == "patent" and status.casefold() in PATENT_STATUSES:
        read.built.record["status"] = status.casefold()
    elif status is not None:
        read.built.keep("status", status)
    if authority is not None and work_type == "patent":
        read.built.text("assignee", authority)
    elif authority is not None:
        read.built.keep("authority", authority)


def _identifiers(read: _Item) -> None:
    if (given := read.text("DOI")) is not None:
        if (found := doi(given)) is not None:
            read.built.record["doi"] = found
        else:
            read.built.problems.append(f'DOI: "{given}" is not a DOI; kept as csl-DOI')
            read.built.keep("DOI", given)
    if (url := read.text("URL")) is not None:
        read.built.text("url", url)


def _texts(read: _Item) -> None:
    """Publisher, abstract, note, keywords (tags), genre (BibTeX's ``type``: "PhD thesis")."""
    read.built.text("publisher", read.text("publisher"))
    read.built.text("abstract", read.text("abstract"))
    if (note := read.text("note")) is not None and note.strip():
        read.built.record["note"] = note.strip()
    if (keywords := read.text("keyword")) is not None:
        read.built.tags([keywords], ",;")
    if (genre := read.text("genre")) is not None:
        read.built.keep("type", genre, own=False)


def _custom(read: _Item) -> None:
    """What scholar's export writes in ``custom`` (equal contribution as author positions, "et al.",
    arXiv categories) as record fields; the rest of ``custom`` kept as JSON."""
    custom = read.values.pop("custom", None)
    if not isinstance(custom, dict):
        if custom is not None:
            read.built.keep("custom", json.dumps(custom, ensure_ascii=False))
        return
    custom = dict(custom)
    authors = read.built.record.get("authors", [])
    positions = custom.pop("equal-contribution", None)
    if positions is not None:
        if isinstance(positions, list) and all(type(at) is int and 0 < at <= len(authors) for at in positions):
            read.built.record["equal_contribution"] = [name for at, name in enumerate(authors, 1) if at in positions]
        else:
            read.built.problems.append("custom: equal-contribution is not a list of author positions; kept")
            custom["equal-contribution"] = positions
    _custom_marks(read, custom, authors)
    if custom.get("authors-truncated") is True:
        read.built.record["authors_truncated"] = custom.pop("authors-truncated")
    categories = custom.get("arxiv-categories")
    if isinstance(categories, list) and categories and all(isinstance(c, str) and c.strip() for c in categories):
        read.built.record["categories"] = [category.strip() for category in custom.pop("arxiv-categories")]
    if custom:
        read.built.keep("custom", json.dumps(custom, ensure_ascii=False))


def _custom_marks(read: _Item, custom: dict[str, Any], authors: list[str]) -> None:
    """``custom.marks`` as scholar's export writes it (``{"corresponding": [4]}``) as the record's marks,
    for the kinds it may name; any other kept in ``custom``."""
    marks = custom.pop("marks", None)
    if not isinstance(marks, dict):
        if marks is not None:
            custom["marks"] = marks
        return
    kept = {}
    for kind, positions in marks.items():
        if kind in read.kinds and isinstance(positions, list) and all(_position(at, authors) for at in positions):
            read.built.record.setdefault("marks", {})[kind] = [n for at, n in enumerate(authors, 1) if at in positions]
        else:
            kept[kind] = positions
    if kept:
        custom["marks"] = kept


def _position(at: object, authors: list[str]) -> bool:
    return type(at) is int and 0 < at <= len(authors)


def _left(read: _Item) -> None:
    """Every variable not yet read: kept (under KEPT_AS's name, else csl-<name>). A field that is
    no CSL variable and holds no text (Crossref's ``link``, ``reference``) is left out, with a note."""
    left_out = []
    for variable in list(read.values):
        value = read.values[variable]
        if variable in KEPT_AS and (kept := read.text(variable)) is not None:
            read.built.keep(KEPT_AS[variable], kept, own=False)
        elif variable in TEXT_VARIABLES or isinstance(value, str | int | float):
            if (kept := read.text(variable)) is not None:
                read.built.keep(variable, kept)
        else:
            left_out.append(variable)
            del read.values[variable]
    if left_out:
        read.built.notes.append(f"left out (no CSL variables, and not text): {', '.join(left_out)}")


STEPS: tuple[Callable[[_Item], None], ...] = (
    _arxiv, _type, _title, _names, _venue, _dates, _numbers, _identifiers, _texts, _custom,
)  # fmt: skip
