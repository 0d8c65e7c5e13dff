"""BibTeX/BibLaTeX entries to records: fields mapped, LaTeX decoded, nothing dropped.

Every field scholar has no place for is kept in ``extra``, as BibTeX source, and an entry type it
does not model in ``bibtex_type``, so that exporting gives back what came in. bibtexparser (v2) splits the file
into entries; the decoding of LaTeX is ours (formats/latex_text.py), which is fast enough for
tens of thousands of entries and touches only the values that need it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from scholarcli.errors import Problem
from scholarcli.formats.bibfile import MONTH_MACROS
from scholarcli.formats.exports.bibtex import TYPES as BIBTEX_TYPES
from scholarcli.formats.latex_text import collapse_space, decode, decode_markup, is_lossless
from scholarcli.formats.name_marks import Reading, kinds_typed, reading, spelled_out, unmarked
from scholarcli.formats.work_facts import EQUAL_ANNOTATION
from scholarcli.model import EQUAL_CONTRIBUTION, Mark, Settings
from scholarcli.model.markup import is_one_group
from scholarcli.model.names import commas, record_form, words
from scholarcli.processes import in_two_processes

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
    """One entry as a record (not yet validated), with the key it asks for and notes for the user.

    Every input format's reader (formats.inputs) hands these to the import. ``key`` is "" when the
    entry names no citation key (an RIS record, a CSL item whose id is a number): the import then
    makes one by the key formula; ``name`` is how messages name the entry (its key if None).
    """

    key: str
    record: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what is wrong in the entry, though imported
    name: str | None = None


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
    """The names of a BibTeX name list as written (white space collapsed), and whether it ended in
    ``and others``. A doubled "and" leaves an empty name, for the caller to report."""
    names, depth, start = [], 0, 0
    for match in re.finditer(r"[{}]|(?<!\S)and(?=\s)|\s+and$", text, flags=re.IGNORECASE):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            names.append(text[start : match.start()])
            start = match.end()
    names.append(text[start:])
    names = [collapse_space(name) for name in names]
    if (names and not names[0] and len(names) > 1) or (len(names) == 1 and not names[0]):
        names = names[1:] if len(names) > 1 else []
    truncated = bool(names) and names[-1].lower() == "others"
    if truncated:
        names.pop()
    return names, truncated


def unescape_address(value: str) -> str:
    """URLs and DOIs are verbatim, but exporters such as DBLP escape ``_`` ``%`` ``#`` ``&`` ``~`` in them."""
    return re.sub(r"\\([_%#&~])", r"\1", value)


def _month(value: str) -> int | None:
    value = value.strip().rstrip(".").lower()
    if value.isdigit() and 1 <= int(value) <= 12:
        return int(value)
    return MONTHS.get(value[:3]) if value[:3] in MONTHS and value.isalpha() else None


def _venue(name: str, settings: Settings) -> str:
    """A registry acronym when the name is a venue's acronym or full name, any case (the library's
    ``[venues]`` over the bundled registry); otherwise the name itself. An import then links a name
    that names a registry venue otherwise (an alias, DBLP's "9th International Conference on Learning
    Representations, ICLR 2021, Virtual Event"), keeping the text: library.venues.link_imported.
    """
    from scholarcli.venues import registry_of

    return registry_of(settings).named(name) or name


class _Entry:
    """One entry being converted: the fields not yet taken, and the record, extra, links and notes."""

    def __init__(
        self, entry_type: str, key: str, fields: dict[str, str], settings: Settings, marks: Reading | None = None
    ) -> None:
        self.entry_type, self.key, self.settings = entry_type.lower(), key, settings
        self.marks = marks or reading(settings)
        self.values = dict(fields)
        self.record: dict[str, Any] = {}
        self.extra: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.notes: list[str] = []
        self.problems: list[str] = []

    def take(self, name: str) -> str | None:
        """The field's value, taken; None when it is missing or empty. An empty field is kept as it
        came: in bibtex it says something (``organization = ""`` keeps a crossref's from applying)."""
        value = self.values.pop(name, None)
        if value is not None and not value.strip():
            self.extra[name] = ""
            return None
        return value.strip() if value is not None else None

    def text(self, target: str, name: str, value: str) -> None:
        """A text field: decoded when plain text keeps all it says, else kept as BibTeX source (so
        are braces that protect a word, ``Routledge {and} Kegan Paul``: one publisher, not two)."""
        if is_lossless(value) and not protects(value):
            self.record[target] = decode(value)
        else:
            self.extra[name] = value


# A brace that groups text rather than an accent's or a command's argument: ``{Aristotle}``,
# ``{and}``, not ``\'{e}``, ``{\'e}`` or ``\emph{x}``. Plain text cannot say what it protects.
_PROTECTING_BRACE = re.compile(r"(?<![\\\w'\"^`~=.])\{(?!\\)")


def protects(value: str) -> bool:
    """Whether a BibTeX value has braces that protect words (their case, or an "and" in a list)."""
    return "{" in value and _PROTECTING_BRACE.search(value) is not None


def convert(
    entry_type: str, key: str, fields: dict[str, str], settings: Settings, marks: Reading | None = None
) -> Converted:
    """One BibTeX entry (field names lowercased, values resolved) as a record; ``marks`` says what the
    symbols typed into names mark (name_marks.reading)."""
    entry = _Entry(entry_type, key, fields, settings, marks)
    _type_and_eprint(entry)
    if title := entry.take("title"):
        entry.record["title"] = decode_markup(title)
        entry.record["title_as_written"] = True  # the source's: exported with no case protection added
    _authors(entry)
    _misread_editors(entry)
    _dates(entry)
    _numbers_and_texts(entry)
    _al_folio(entry)
    for name in list(entry.values):
        if (value := entry.take(name)) is not None:
            entry.extra[name] = value  # as BibTeX source: exported back exactly as it came
    if entry.links:
        entry.record["links"] = entry.links
    if entry.extra:
        entry.record["extra"] = entry.extra
    return Converted(key=key, record=entry.record, notes=entry.notes, problems=entry.problems)


def _type_and_eprint(entry: _Entry) -> None:
    """The work type, the arXiv id of an eprint, and the venue from the field that names it."""
    work_type = TYPE_MAP.get(entry.entry_type, "misc")
    eprint_type = (entry.values.get("eprinttype") or entry.values.get("archiveprefix") or "").strip().lower()
    eprint = entry.values.get("eprint", "").strip() or entry.values.get("arxiv", "").strip() or None  # al-folio's
    if eprint and "arxiv" in entry.values:
        entry.take("arxiv")
        eprint_type = eprint_type or "arxiv"
    source = next((name for name in NATURAL_VENUE.get(work_type, ()) if entry.values.get(name, "").strip()), None)
    venue_text = entry.values.get(source, "").strip() if source else None
    if eprint and (eprint_type == "arxiv" or re.fullmatch(r"\d{4}\.\d{4,5}(v\d+)?", eprint)):
        for name in ("eprint", "eprinttype", "archiveprefix"):  # what the record's arxiv says
            entry.take(name)
        entry.record["arxiv"] = eprint
        journal = entry.values.get("journal") or entry.values.get("journaltitle") or venue_text
        if work_type in ("misc", "article") and (journal is None or "arxiv" in journal.lower()):
            work_type, source, venue_text = "preprint", None, None
            entry.record["venue"] = "arXiv"
            for name in ("journal", "journaltitle"):
                if (value := entry.take(name)) and value != "arXiv":
                    entry.extra[name] = value
    entry.record["type"] = work_type  # another archive's eprint fields stay as they came (extra)
    natural = BIBTEX_TYPES[work_type][0]
    if entry.entry_type != natural and not (work_type == "preprint" and entry.entry_type in ("misc", "article")):
        entry.record["bibtex_type"] = entry.entry_type
    if source and venue_text:
        _venue_field(entry, source, venue_text)


def _venue_field(entry: _Entry, source: str, text: str) -> None:
    """The venue as plain text (or the registry's acronym); its source is kept for the exports
    whenever the record's venue would not give the same text back (the exports write a registry
    venue as "Name (ACRONYM)", so a bare "ICLR" or a bare name is kept)."""
    entry.take(source)
    venue = _venue(decode(text), entry.settings)
    entry.record["venue"] = venue
    if not is_lossless(text) or _written_for(entry.settings, venue) != decode(text) or protects(text):
        entry.extra[source] = text


def _written_for(settings: Settings, venue: str) -> str:
    """What scholar's exports write for a venue: the registry's "Name (ACRONYM)", else the venue."""
    registered = settings.venue(venue)
    return venue if registered is None or registered.name == venue else f"{registered.name} ({venue})"


class AuthorList(NamedTuple):
    """An author field read: the names, the marks typed into them, whether it ended in "and others",
    and, for a list bibtex would misread that had one reading, what bibtex would misread."""

    names: list[str]
    marked: dict[str, set[str]]  # kind -> the names it marks
    truncated: bool
    repaired: str | None = None


def read_authors(author: str, marks: Reading) -> AuthorList | str:
    """The names of an author field as the record holds them, each without the marks typed into it; or,
    for a list bibtex would misread that has more than one reading, what bibtex would misread."""
    listed, truncated = split_authors(author)
    broken = _misread(listed)
    if broken:
        repaired = _repaired(listed)
        if repaired is None:
            return broken
        listed = repaired
    names: list[str] = []
    marked: dict[str, set[str]] = {}
    for raw in listed:
        # A literal name in braces ("{C\\# Users Group}") is all name: nothing in it is a mark.
        literal = is_one_group(raw.strip())
        name, typed = (decode_markup(raw), "") if literal else unmarked(decode_markup(spelled_out(raw)), marks.symbols)
        names.append(record_form(name))
        for kind in kinds_typed(typed, marks):
            marked.setdefault(kind, set()).add(names[-1])
    return AuthorList(names, marked, truncated, broken)


def _repaired(listed: list[str]) -> list[str] | None:
    """A name list bibtex would misread as its author meant it, where it has one reading: a doubled
    "and" (an empty name) dropped, a comma before "and" dropped (``Yuan, Zhihang, and Xie, Bin``), and
    in a list written given name first, whole names joined by commas parted (``Ann Lee, Bob Roe, and
    Cy Poe``, ``Kaiyan Zhang, Xuekai Zhu``). None when a name could be read more than one way."""
    names = [commas(name.strip().rstrip(",")) for name in listed if name.strip().rstrip(",").strip()]
    if any(not all(parts) for parts in names):
        return None  # ", Zhihang" or "Lee,, Ann": whose is the missing part?
    # A comma name with a one-word part ("Yuan, Zhihang") is BibTeX's "Family, Given": the list is written so.
    family_first = any(len(parts) > 1 and any(len(words(part)) == 1 for part in parts) for parts in names)
    repaired = []
    for parts in names:
        if len(parts) > 1 and not family_first and all(len(words(part)) > 1 for part in parts):
            repaired += parts  # whole names, given name first, joined by commas
        elif len(parts) > 3:
            return None
        else:
            repaired.append(", ".join(parts))
    return repaired if repaired and _misread(repaired) is None else None


def _authors(entry: _Entry) -> None:
    author = entry.take("author")
    if author is None:
        return
    read = read_authors(author, entry.marks)
    if isinstance(read, str):
        entry.extra["author"] = author
        entry.problems.append(f"author: bibtex would misread this list ({read}); kept as BibTeX source")
        return
    if read.repaired:  # the source is kept, so that nothing it said is lost (the al-folio export gives it back)
        entry.extra["author"] = author
        entry.notes.append(
            f"author: bibtex would misread this list ({read.repaired}); read as its {len(read.names)} names,"
            " and the list as written kept in extra.author"
        )
    names, marked = read.names, read.marked
    entry.record["authors"] = names
    if read.truncated:
        entry.record["authors_truncated"] = True
    if annotation := entry.take("author+an"):
        _annotated(entry, annotation, names, marked)
    entry.record.update(mark_fields(names, marked, entry.marks))


def mark_fields(names: list[str], marked: dict[str, set[str]], marks: Reading) -> dict[str, Any]:
    """The record's equal_contribution and marks, each kind's names in the author order, the kinds in
    library.toml's order."""
    fields: dict[str, Any] = {}
    order = list(dict.fromkeys(marks.kinds.values()))
    for kind in sorted(marked, key=lambda kind: order.index(kind) if kind in order else len(order)):
        chosen = [name for name in names if name in marked[kind]]
        if kind == EQUAL_CONTRIBUTION:
            fields["equal_contribution"] = chosen
        else:
            fields.setdefault("marks", {})[kind] = chosen
    return fields


def _annotated(entry: _Entry, annotation: str, names: list[str], marked: dict[str, set[str]]) -> None:
    """biblatex's data annotations of the authors (``1=equal;2=equal,corresponding``) as marks of the
    kinds they name; a field naming anything else is kept as it came, in extra, for the exports."""
    kinds = {*entry.marks.kinds.values()}
    whole = True
    for item in annotation.split(";"):
        found = re.fullmatch(r"\s*(\d+)\s*=\s*([\w,\s-]+?)\s*", item)
        at = int(found.group(1)) if found else 0
        for name in found.group(2).split(",") if found else ():
            kind = EQUAL_CONTRIBUTION if name.strip().lower() == EQUAL_ANNOTATION else name.strip()
            if kind in kinds and 0 < at <= len(names):
                marked.setdefault(kind, set()).add(names[at - 1])
            else:
                whole = False
        whole = whole and found is not None
    if not whole:
        entry.extra["author+an"] = annotation


def bibtex_reads(names: list[str]) -> bool:
    """Whether bibtex reads every name of the list as written (none is empty, none has commas to spare)."""
    return _misread(names) is None


def _misread_editors(entry: _Entry) -> None:
    """Editors stay BibTeX source (in extra); a list bibtex would misread is reported as authors are."""
    if (editors := entry.values.get("editor")) and (broken := _misread(split_authors(editors)[0])):
        entry.problems.append(f"editor: bibtex would misread this list ({broken}); kept as BibTeX source")


def _misread(names: list[str]) -> str | None:
    """What bibtex would misread in a list of names: an empty name (a doubled "and"), a name with
    a comma too many or one at its end ("X, Y, and Z"), or, in a list written given name first,
    a comma between two whole names ("Kaiyan Zhang, Xuekai Zhu")."""
    given_first = sum("," not in name for name in names) > len(names) / 2
    for name in names:
        parts = commas(name)
        if not name.strip():
            return 'an empty name, from a doubled "and"'
        if len(parts) > 3 or not parts[-1] or not parts[0]:
            return f'"{name}"'
        if given_first and len(parts) == 2 and all(len(words(part)) > 1 for part in parts):
            return f'"{name}", two names joined by a comma'
    return None


def _dates(entry: _Entry) -> None:
    record, extra = entry.record, entry.extra
    date, year = entry.take("date"), entry.take("year")
    if date and (match := re.fullmatch(r"(\d{4})(?:-(0[1-9]|1[0-2]))?(?:-(\d{2}))?", date)):
        record["year"] = int(match.group(1))
        if match.group(2):
            record["month"] = int(match.group(2))
            if match.group(3):
                record["day"] = int(match.group(3))
    elif date:
        extra["date"] = date
    if year and "year" not in record:
        if year.isdigit() and 0 < int(year) < 10000:
            record["year"] = int(year)
        else:
            extra["year"] = year
    if (month := entry.take("month")) and "month" not in record:
        number = _month(decode(month))
        if number:
            record["month"] = number
        else:
            extra["month"] = month


# biblatex's patent types (patreqfr: a French patent request): the status they say.
_PATENT_STATUS = (("patreq", "pending"), ("patent", "granted"))


# The fields a type's publisher comes from: those its exports write it back as (a thesis's school,
# biblatex's institution). An article's publisher is its journal's, and a misc entry's would be an
# organization to biblatex: those, and any other, stay as they came (extra).
PUBLISHER_SOURCES = {"thesis": ("school", "institution"), "techreport": ("institution",),
                     "article": (), "misc": (), "preprint": (), "patent": ()}  # fmt: skip


def _numbers_and_texts(entry: _Entry) -> None:
    work_type = entry.record["type"]
    kind = entry.values.get("type", "").strip().lower() if work_type == "patent" else ""
    if status := next((status for prefix, status in _PATENT_STATUS if kind and kind.startswith(prefix)), None):
        entry.record["status"] = status  # the type itself stays in extra, written back as it came
    number_field = "number" if work_type in ("patent", "techreport") else "issue"
    simple = {
        "volume": "volume", "number": number_field, "issue": "issue", "pages": "pages", "note": "note",
        "abstract": "abstract",
    }  # fmt: skip
    simple |= dict.fromkeys(PUBLISHER_SOURCES.get(work_type, ("publisher",)), "publisher")
    if work_type == "patent":
        simple |= {"holder": "assignee", "assignee": "assignee"}
    for source, target in simple.items():
        if target not in entry.record and (value := entry.take(source)):
            if target == "pages" and is_lossless(value) and not protects(value):
                entry.record[target] = decode(value).replace("–", "-")
            else:
                entry.text(target, source, value)
    for source in ("doi", "url"):
        if value := entry.take(source):
            entry.record[source] = unescape_address(value)
    if "arxiv" in entry.record and (classes := entry.take("primaryclass") or entry.take("eprintclass")):
        entry.record["categories"] = [c.strip() for c in classes.split(",") if c.strip()]
    if (keywords := entry.take("keywords")) and is_lossless(keywords) and not protects(keywords):
        entry.record["tags"] = [decode(t.strip()) for t in re.split(r"[,;]", keywords) if t.strip()]
    elif keywords:
        entry.extra["keywords"] = keywords


def _al_folio(entry: _Entry) -> None:
    """al-folio's fields: arxiv, selected, the links its buttons show, preview, abbr."""
    if (arxiv := entry.take("arxiv")) and "arxiv" not in entry.record:
        entry.record["arxiv"] = arxiv
    elif arxiv:
        entry.extra["arxiv"] = arxiv
    if (selected := entry.take("selected")) is not None:
        entry.record["selected"] = selected.lower() in ("true", "yes", "1")
        if selected != "true":  # "false", "True": given back as written (al-folio's export writes true)
            entry.extra["selected"] = selected
    if (shown := entry.take("bibtex_show")) is not None and shown != "true":
        entry.extra["bibtex_show"] = shown  # al-folio's export writes true unless told otherwise
    for name in sorted(LINK_FIELDS & set(entry.values)):
        value = entry.values[name].strip()
        if _is_address(value) and not (name == "html" and value == entry.record.get("url")):
            entry.links[name] = unescape_address(value)
            entry.take(name)
        elif name == "html" and value == entry.record.get("url"):
            entry.take(name)  # al-folio's export writes the url as html too
    if (preview := entry.values.get("preview", "").strip()) and _is_address(preview):
        entry.links["thumbnail"] = unescape_address(preview)
        entry.take("preview")
    abbr = entry.values.get("abbr", "").strip()
    if abbr and is_lossless(abbr) and not re.search(r"[<>]", abbr) and not _badge_beside_venue(entry, abbr):
        entry.take("abbr")
        venue = _as_written_for(entry, decode(abbr), entry.record.get("venue"))
        natural = NATURAL_VENUE.get(entry.record["type"], ())
        source = next((name for name in natural if name in entry.extra), None)
        if source is not None and _as_written_for(entry, decode(abbr), decode(entry.extra[source])) is None:
            del entry.extra[source]  # kept as source, yet only what the acronym gives back
            source = None
        if venue and venue != abbr and source is None and natural:  # none: the venue came from no field
            source = natural[-1]
            entry.extra[source] = fields_source(venue)
        entry.record["venue"] = decode(abbr)
        if entry.settings.venue(decode(abbr)) is None:  # "CVPR 2024", "Ann. Phys.": no registry acronym
            entry.extra["abbr"] = abbr  # the badge as written, which a venue linked or free would not give back


def _badge_beside_venue(entry: _Entry, abbr: str) -> bool:
    """A badge that is no registry acronym ("TMC 2020") beside a journal or booktitle that names a
    registry venue: the venue comes from the journal, and the badge is kept as written."""
    venue = entry.record.get("venue")
    return (
        entry.settings.venue(decode(abbr)) is None
        and isinstance(venue, str)
        and entry.settings.venue(venue) is not None
    )


def _as_written_for(entry: _Entry, acronym: str, venue: str | None) -> str | None:
    """The venue text, or None when it is what scholar's own exports write for ``acronym`` (the
    registry's "Name (ACRONYM)", then ", Track track"): then it says nothing the acronym does not."""
    if not venue:
        return venue
    if (found := re.fullmatch(r"(.*), (\w+) track", venue)) and "track" not in entry.record:
        entry.record["track"], venue = found.group(2), found.group(1)
    return None if venue == _written_for(entry.settings, acronym) else venue


def fields_source(text: str) -> str:
    """Plain text as BibTeX source that decodes back to it."""
    from scholarcli.formats.latex_text import escape

    return escape(text, ascii_only=False)


def _is_address(value: str) -> bool:
    """An http(s) address or a path of the site (al-folio's ``assets/pdf/x.pdf``, ``x.png``)."""
    return bool(re.match(r"https?://", value)) or bool(re.fullmatch(r"[\w./-]+", value) and "." in value)


@dataclass
class ParsedFile:
    entries: list[Converted]
    problems: list[Problem]
    unread: int = 0  # entries of the file that could not be read: each is one of the problems
    # Kinds of marks the entries' names carry that library.toml does not declare: the import declares them.
    new_marks: dict[str, Mark] = field(default_factory=dict)


# bibtex's commands are exactly @comment, @preamble and @string; bibtexparser takes any type that
# starts with one of them (biblatex-sbl's @commentary) for that command. Such a type is given to
# bibtexparser under a prefix no type has, and taken off again when the entry is converted.
_COMMAND_LIKE = re.compile(r"(?i)(?<!\\)@([ \t]*)((?:comment|preamble|string)\w+)(?=[ \t]*[{(])")
_HIDDEN_TYPE = "scholarentrytype"


def _entry_type(written: str) -> str:
    return written.removeprefix(_HIDDEN_TYPE)


def parse(text: str, source: str, settings: Settings) -> ParsedFile:
    """Every entry of a .bib text; blocks bibtexparser cannot read become problems, not silence."""
    from bibtexparser.entrypoint import parse_string

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # we report failed blocks ourselves
    repaired = set()

    def comma(found: re.Match[str]) -> str:
        repaired.add(found.group(2))
        return f"{found.group(1)}{found.group(2)},{found.group(3)}"

    text = _MISSING_COMMA.sub(comma, text)
    text = _COMMAND_LIKE.sub(lambda found: f"@{found.group(1)}{_HIDDEN_TYPE}{found.group(2)}", text)
    library = parse_string(text, parse_stack=[])
    strings = {name: name for name in MONTH_MACROS}
    problems: list[Problem] = []
    for string in library.strings:  # in file order, so a string may use the ones before it
        try:
            strings[string.key.lower()] = _value(str(string.value), strings)
        except ValueTooLong as error:
            problems.append(Problem(source, f"@string {string.key}", str(error)))
            strings[string.key.lower()] = _TOO_LONG
    recovered, failed = _recovered(library.failed_blocks, source)
    problems += failed
    read = [entry for entry in library.entries if entry.key not in {e.key for e, _ in recovered}]
    blocks = [*((entry, None) for entry in read), *recovered]
    marks = reading(settings, _annotations(entry for entry, _ in blocks))

    def converted(part: Sequence[tuple[Any, str | None]]) -> list[_Made]:
        return [_converted(entry, note, strings, settings, repaired, source, marks) for entry, note in part]

    # converting is most of a parse, and each entry is converted alone: from 1,000, in two processes
    made = in_two_processes(converted, blocks) if len(blocks) >= PARALLEL_CONVERT else converted(blocks)
    skipped = [result for result in made if isinstance(result, Problem)]
    unread = len(skipped) + sum(map(_is_unread_entry, library.failed_blocks))
    entries = [Converted(*result) for result in made if not isinstance(result, Problem)]
    used = {kind for entry in entries for kind in entry.record.get("marks", {})}
    new_marks = {kind: mark for kind, mark in marks.new.items() if kind in used}
    return ParsedFile(entries, problems + skipped, unread, new_marks)


def _annotations(entries: Iterable[Any]) -> Iterator[str]:
    """The al-folio ``annotation`` fields of the entries, which may say what the marks in names mean."""
    for entry in entries:
        for value in (str(f.value) for f in entry.fields if f.key.lower() == "annotation"):
            yield value[1:-1] if len(value) >= 2 and value[0] + value[-1] in ('""', "{}") else value


PARALLEL_CONVERT = 1000  # entries to convert from which a forked child converts half of them
# An entry converted, as Converted's fields (a child hands them back unpickled in a third of the
# time of dataclasses), or why it was skipped.
_Made = tuple[str, dict[str, Any], list[str], list[str]] | Problem


def _converted(
    entry: Any,
    note: str | None,
    strings: dict[str, str],
    settings: Settings,
    repaired: set[str],
    source: str,
    marks: Reading,
) -> _Made:
    try:
        fields = _fields(entry, strings)
    except ValueTooLong as error:
        return Problem(source, entry.key, f"{error}; the entry was skipped")
    converted = convert(_entry_type(entry.entry_type), entry.key, fields.values, settings, marks)
    if fields.macros:
        converted.record["macros"] = fields.macros
    converted.notes += [text for text in (note, *fields.notes) if text]
    if entry.key in repaired:
        converted.notes.append("the comma after its key was missing")
    return converted.key, converted.record, converted.notes, converted.problems


# An entry whose key has no comma after it, the first field on the next line: bibtex reads it.
_MISSING_COMMA = re.compile(r"(@\w+\s*[{(]\s*)([^\s,={}()\"#%'~\\]+)([ \t]*\n\s*\w[\w+:.-]*\s*=)")


def _commented_out(entry: Any) -> bool:
    """An entry whose lines after the first all start with %: someone's commented-out copy."""
    lines = str(getattr(entry, "raw", "")).splitlines()[1:]
    return bool(lines) and all(line.lstrip().startswith("%") or not line.strip() for line in lines[:-1])


def _recovered(blocks: list[Any], source: str) -> tuple[list[tuple[Any, str]], list[Problem]]:
    """Entries bibtex reads though bibtexparser does not: a field given twice (bibtex takes the
    first). The rest become problems."""
    from bibtexparser import model

    recovered, problems = [], []
    for block in blocks:
        if isinstance(block, model.DuplicateFieldKeyBlock):
            entry: Any = block.ignore_error_block
            first: dict[str, Any] = {}
            for f in entry.fields:
                first.setdefault(f.key.lower(), f)
            entry.fields = list(first.values())
            recovered.append(
                (entry, f"a field is given twice ({', '.join(sorted(block.duplicate_keys))}); the first is kept")
            )
            continue
        if isinstance(block, model.DuplicateBlockKeyBlock) and _commented_out(block.previous_block):
            recovered.append((block.ignore_error_block, "a copy of it commented out with % came first"))
            continue
        problems.extend(_failed_blocks([block], source))
    return recovered, problems


def _is_unread_entry(block: Any) -> bool:
    """Whether a block bibtexparser could not read is an entry (not @string, @preamble or
    @comment) that is not imported: not one read all the same (a field given twice), nor the
    repeat of a key, which bibtex skips too and counts once."""
    from bibtexparser import model

    if isinstance(block, (model.DuplicateBlockKeyBlock, model.DuplicateFieldKeyBlock)):
        return False
    command = re.match(r"@\s*(\w+)", str(getattr(block, "raw", "")))
    return command is not None and command.group(1).lower() not in ("string", "preamble", "comment")


# What bibtex cannot read in a field name; at such a name it skips the rest of the entry.
_NOT_A_FIELD_NAME = re.compile(r"^\d|[\s\"#%'(),={}]")


class _Fields(NamedTuple):
    values: dict[str, str]  # by lower-case name: braced and quoted values unwrapped, bare ones resolved
    macros: dict[str, str]  # bare values that use an @string the file does not define, as written
    notes: list[str]


def _fields(entry: Any, strings: dict[str, str]) -> _Fields:
    """The entry's fields, and notes on what bibtex reads otherwise than written: a field name it
    cannot read (it skips the rest of the entry, and so does this), an @string the file lacks."""
    read = _Fields({}, {}, [])
    for f in entry.fields:
        if _NOT_A_FIELD_NAME.search(f.key):
            name = f.key.strip()
            read.notes.append(
                f'bibtex cannot read the field name "{name}"; it and the rest were skipped, as bibtex does'
            )
            break
        # al-folio's export writes < and > as entities, since its template prints fields raw: they
        # are read back as the characters they stand for
        value = str(f.value).replace("&lt;", "<").replace("&gt;", ">")
        if len(value) >= 2 and value[0] + value[-1] in ('""', "{}") and _closes_at_end(value):
            read.values[f.key.lower()] = value[1:-1]
        elif undefined := _undefined_strings(value, strings):
            read.macros[f.key.lower()] = collapse_space(value)
            read.notes.append(
                f"{f.key.lower()}: the @string {', '.join(undefined)} is not defined in this file; kept as written,"
                " and the BibTeX exports write it so (bibtex reads it as empty where nothing defines it)"
            )
        else:
            read.values[f.key.lower()] = _value(value, strings)
    return read


def _undefined_strings(text: str, strings: dict[str, str]) -> list[str]:
    """The @string names a bare value uses that ``strings`` does not define."""
    parts = [part.strip() for part in _split_concatenation(text)]
    return [
        part for part in parts if part and part[0] not in '{"' and not part.isdigit() and part.lower() not in strings
    ]


def _closes_at_end(value: str) -> bool:
    """Whether the brace or quote that opens the value is the one that closes it (not ``{a} # {b}``)."""
    if value[0] == '"':
        return list(_split_concatenation(value)) == [value] if "#" in value else True
    depth = 0
    for brace in _BRACE.finditer(value):  # braces only: a 150-word abstract has few or none
        depth += 1 if brace.group() == "{" else -1
        if depth == 0:
            return brace.end() == len(value)
    return False


_BRACE = re.compile(r"[{}]")


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
