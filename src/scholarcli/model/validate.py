"""Turn raw TOML tables into model objects, collecting every problem with its file and field."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping

from scholarcli.errors import Problem
from scholarcli.model import (
    DEFAULT_EQUAL_MARK,
    EQUAL_CONTRIBUTION,
    FIELD_KINDS,
    PATENT_STATUSES,
    REQUIRED_FIELDS,
    SCHEMA_VERSION,
    VENUE_KINDS,
    WORK_TYPES,
    Citation,
    Kind,
    Known,
    Mark,
    Person,
    RecordedMetrics,
    Settings,
    Venue,
    Work,
)
from scholarcli.model.bibtex_value import bibtex_expression_problem, braces_balance
from scholarcli.model.markup import is_marked
from scholarcli.model.markup import problem as markup_problem

TYPE_CHECKING = False  # typing is not loaded at run time: the quick path of list and export imports this module
if TYPE_CHECKING:
    from typing import Any

# A citation key as BibTeX and biber read one: no white space, none of the characters that end a
# key or a field, no control character, no noncharacter (biber refuses a file that holds U+FFFE);
# DBLP's "DBLP:conf/iclr/SenguptaCC25" is one.
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
VALID_KEY = re.compile(f"[^\\s,{{}}()\"=#%'\\\\~\\x00-\\x1f\\x7f-\\x9f{_NONCHARACTERS}]+")
# A record's file name (without .toml): portable to every system scholar runs on (none of what
# Windows forbids), never hidden (no dot first), never a folder of its own.
PORTABLE_STEM = re.compile(r"[A-Za-z0-9_+-][A-Za-z0-9_.+-]*")
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))]
)
# A file name is at most 255 bytes on common filesystems; a record's is the stem, ".toml", and while
# it is written a temp name adds about 15 more.
MAX_KEY_LENGTH = 200
# What BibTeX and biber read as an entry type or a field name.
IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_:.+-]*")
MAX_COUNT = 2**63 - 1  # TOML 1.0's largest integer: tomllib reads larger ones, other readers refuse them
KEY_RULE = (
    f"no white space, none of , {{ }} ( ) \" = # % ' \\ ~, no control character or noncharacter, "
    f"at most {MAX_KEY_LENGTH} characters"
)


def is_valid_key(key: str) -> bool:
    """A key that bibtex and biber accept, and that \\cite can name."""
    return bool(VALID_KEY.fullmatch(key)) and len(key) <= MAX_KEY_LENGTH


def is_portable_stem(stem: str) -> bool:
    """A file name (without .toml) that every system can hold, that hides nothing and escapes no folder."""
    return (
        bool(PORTABLE_STEM.fullmatch(stem))
        and ".." not in stem
        and len(stem) <= MAX_KEY_LENGTH
        and stem.split(".")[0].lower() not in WINDOWS_RESERVED
    )


def portable_stem(key: str) -> str:
    """The file name a record of ``key`` gets: the key itself where it is portable, else a portable form.

    ``DBLP:conf/iclr/SenguptaCC25`` becomes ``DBLP_conf_iclr_SenguptaCC25``; the record then states
    its key, so the key is kept exactly.
    """
    if is_portable_stem(key):
        return key
    stem = re.sub(r"[^A-Za-z0-9_.+-]+", "_", key).strip("._") or "key"
    stem = re.sub(r"\.\.+", ".", stem)[:MAX_KEY_LENGTH]
    if is_portable_stem(stem):
        return stem
    # A name Windows reserves, whatever follows its first dot ("con", "nul.tar.gz"): "con_", "nul_.tar.gz".
    first, dot, rest = stem.partition(".")
    return f"{first}_{dot}{rest}"[:MAX_KEY_LENGTH]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _not_text(value: str) -> bool:
    """A string that is no Unicode text: a lone surrogate (undecodable bytes from the command line).

    Asked of every string of every record read: ASCII, which says so at once, or one regex search
    (a loop over the characters took three times as long as parsing the record).
    """
    return not value.isascii() and _SURROGATE.search(value) is not None


def _text_problem(value: object) -> str | None:
    if isinstance(value, str):
        broken = _not_text(value)
    else:
        texts = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        broken = any(isinstance(text, str) and _not_text(text) for text in texts)
        broken = broken or any(_text_problem(text) for text in texts if isinstance(text, list))
    return "holds bytes that are not UTF-8 text" if broken else None


def _date_problems(raw: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A year, month and day that no calendar has are refused (biber would drop them silently)."""
    found: list[tuple[str, str]] = []
    year, month, day = raw.get("year"), raw.get("month"), raw.get("day")
    if year is not None and not 1 <= year <= 9999:
        found.append(("year", f"{year} is not a year (1-9999)"))
    if month is not None and not 1 <= month <= 12:
        found.append(("month", f"{month} is not a month (1-12)"))
    if day is not None and not 1 <= day <= 31:
        found.append(("day", f"{day} is not a day of the month (1-31)"))
    if day is not None and month is None:
        found.append(("day", "is set but month is not"))
    if not found and day is not None and month is not None:
        leap_year = 2000 if year is None else year  # without a year, February 29 may be right
        try:
            dt.date(leap_year, month, day)
        except ValueError:
            found.append(("day", f"{day} is not a day of month {month}" + (f" in {year}" if year else "")))
    return found


def _type_name(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a float",
        str: "a string",
        list: "a list",
        dict: "a table",
    }
    for python_type, name in names.items():
        if type(value) is python_type:
            return name
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__


def _check_kind(value: object, kind: Kind) -> str | None:
    """None when ``value`` is of ``kind``, else the reason it is not."""
    ok: bool
    if kind is Kind.STR:
        ok = isinstance(value, str)
    elif kind is Kind.INT:
        ok = type(value) is int
    elif kind is Kind.BOOL:
        ok = isinstance(value, bool)
    elif kind is Kind.DATE:
        ok = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    elif kind is Kind.STR_LIST:
        if isinstance(value, list):
            for index, item in enumerate(value):
                if not isinstance(item, str):
                    return f"item {index + 1} should be a string, not {_type_name(item)}"
            return None
        ok = False
    elif kind is Kind.STR_LIST_TABLE:
        if isinstance(value, dict):
            for name, items in value.items():
                if reason := _check_kind(items, Kind.STR_LIST):
                    return f"{name}: {reason}"
            return None
        ok = False
    else:
        if isinstance(value, dict):
            for name, item in value.items():
                if not isinstance(item, str):
                    return f"{name} should be a string, not {_type_name(item)}"
            return None
        ok = False
    return None if ok else f"should be {kind.value}, not {_type_name(value)}"


def _macro_problems(macros: Mapping[str, str]) -> list[tuple[str, str]]:
    found = []
    for name, value in macros.items():
        if not IDENTIFIER.fullmatch(name):
            found.append(("macros", f'"{name}" is not a field name (letters, digits, _ : . + -)'))
        elif wrong := bibtex_expression_problem(value):
            found.append(("macros", f"{name} {wrong} (macros holds BibTeX values as BibTeX writes them)"))
    return found


# What a kind of mark is called: a TOML bare key, and a name biblatex's annotations and CSL-JSON's
# ``custom`` can carry as it is.
MARK_KIND = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _mark_problems(marks: Mapping[str, list[str]], authors: list[str]) -> list[tuple[str, str]]:
    """Each marked name must be an author; equal contribution has its own field."""
    found = []
    for kind, names in marks.items():
        if kind == EQUAL_CONTRIBUTION:
            found.append(("marks", "equal contribution has a field of its own: equal_contribution = [...]"))
            continue
        found += [(f"marks.{kind}", f'"{name}" is not one of the authors') for name in names if name not in authors]
    return found


def _semantic_problems(raw: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Checks across fields and of allowed values, once every field has the right kind."""
    found: list[tuple[str, str]] = []
    work_type = raw.get("type")
    if work_type is not None and work_type not in WORK_TYPES:
        found.append(("type", f'"{work_type}" is not one of: {", ".join(WORK_TYPES)}'))
    if isinstance(raw.get("title"), str) and not raw["title"].strip():
        found.append(("title", "is empty"))
    elif isinstance(raw.get("title"), str) and (wrong := markup_problem(raw["title"])):
        found.append(("title", wrong))
    if raw.get("title_as_written") is True and "title" not in raw:
        found.append(("title_as_written", "says how to write the title, and the record has none"))
    authors = raw.get("authors", [])
    if is_marked("".join(authors)) or not all(map(str.strip, authors)):  # else no name has a problem
        for name in authors:
            if not name.strip():
                found.append(("authors", "an author's name is empty"))
            elif wrong := markup_problem(name):
                found.append(("authors", f"{name!r} {wrong}"))
    for name in raw.get("equal_contribution", []):
        if name not in authors:
            found.append(("equal_contribution", f'"{name}" is not one of the authors'))
    found += _mark_problems(raw.get("marks", {}), authors)
    found += _date_problems(raw)
    bibtex_type = raw.get("bibtex_type")
    if bibtex_type is not None and not IDENTIFIER.fullmatch(bibtex_type):
        found.append(("bibtex_type", f'"{bibtex_type}" is not an entry type (letters, digits, _ : . + -)'))
    found += _macro_problems(raw.get("macros", {}))
    for name, value in raw.get("extra", {}).items():
        if not IDENTIFIER.fullmatch(name):
            found.append(("extra", f'"{name}" is not a field name (letters, digits, _ : . + -)'))
        if ("{" in value or "}" in value) and not braces_balance(value):
            found.append(("extra", f"{name} has unbalanced braces (extra holds BibTeX source)"))
    status = raw.get("status")
    if status is not None:
        if work_type != "patent":
            found.append(("status", "only a patent has a status"))
        elif status not in PATENT_STATUSES:
            found.append(("status", f'"{status}" is not one of: {", ".join(PATENT_STATUSES)}'))
    return found


# The usual values of the usual kinds, told valid at once (exact types, text without surrogates);
# _check_kind and _text_problem decide every other value, and name what is wrong. Together they
# were more than half the time a record took to read.
_PLAIN: dict[Kind, Callable[[Any], bool]] = {
    Kind.STR: lambda value: type(value) is str and _is_text(value),
    Kind.INT: lambda value: type(value) is int,
    Kind.BOOL: lambda value: type(value) is bool,
    Kind.STR_LIST: lambda items: (
        type(items) is list and all(type(item) is str for item in items) and _is_text("".join(items))
    ),
    Kind.STR_TABLE: lambda table: (
        type(table) is dict and all(type(item) is str for item in table.values()) and _is_text("".join(table.values()))
    ),
    Kind.STR_LIST_TABLE: lambda table: type(table) is dict and all(map(_PLAIN[Kind.STR_LIST], table.values())),
}


def _is_text(value: str) -> bool:
    return value.isascii() or _SURROGATE.search(value) is None


# Each field's test, looked up by name at once: an Enum's hash is a Python call, twice a field.
_PLAIN_BY_FIELD = {name: _PLAIN[kind] for name, kind in FIELD_KINDS.items() if kind in _PLAIN}


NOTHING_KNOWN = Known()  # no people and no marks but equal contribution: a record on its own


def work_from_record(
    key: str, raw: Mapping[str, Any], path: str, known: Known = NOTHING_KNOWN
) -> tuple[Work | None, list[Problem]]:
    """Validate one record; return the work (None if any problem) and every problem found.

    ``key`` is the file name's; a ``key`` the record states is the work's key instead.

    ``known`` is what library.toml declares: the names and variants of its people, which ``people``
    may name, and its kinds of marks, which ``marks`` may name.
    """
    problems: list[Problem] = []

    def problem(field_name: str, message: str) -> None:
        problems.append(Problem(path, field_name, message))

    stated_key = raw.get("key", key)  # a record whose file name is not its key states its key
    if not isinstance(stated_key, str) or not is_valid_key(stated_key):
        problem("key", f"{stated_key!r} is not a citation key ({KEY_RULE})")
    key = str(stated_key)
    values: dict[str, Any] = {}
    for name, value in raw.items():
        if name == "key":
            continue
        plain = _PLAIN_BY_FIELD.get(name)
        if plain is not None and plain(value):
            values[name] = value
            continue
        kind = FIELD_KINDS.get(name)
        if kind is None:
            problem(name, "unknown field (unknown BibTeX fields belong in the [extra] table)")
            continue
        reason = _check_kind(value, kind) or _text_problem(value)
        if reason:
            problem(name, reason)
            continue
        values[name] = value
    for name in REQUIRED_FIELDS:
        if name not in raw:
            problem(name, "is missing")
    if problems:
        return None, problems
    for field_name, message in _semantic_problems(values):
        problem(field_name, message)
    for name in values.get("people", []):
        if name not in known.people:
            problem("people", f'"{name}" is not one of the people in library.toml')
    for kind in values.get("marks", {}):
        if kind not in known.marks and kind != EQUAL_CONTRIBUTION:
            declared = ", ".join(sorted(known.marks)) or "none but equal_contribution"
            problem(f"marks.{kind}", f'"{kind}" is not a mark of library.toml (its marks: {declared}); declare'
                    f' [marks.{kind}] there with a symbol and a legend')  # fmt: skip
    if problems:
        return None, problems
    converted: dict[str, Any] = {
        name: tuple(value) if isinstance(value, list) else value for name, value in values.items()
    }
    if "marks" in converted:
        converted["marks"] = {kind: tuple(names) for kind, names in converted["marks"].items()}
    return Work(key=key, **converted), []


_Report = Callable[[str, str], None]  # (field, message): one problem of library.toml


def settings_from_toml(raw: Mapping[str, Any], path: str = "library.toml") -> tuple[Settings, list[Problem]]:
    """Validate library.toml; problems here make the whole library unreadable."""
    problems: list[Problem] = []

    def problem(field_name: str, message: str) -> None:
        problems.append(Problem(path, field_name, message))

    known = {"schema", "people", "marks", "venues"}
    for name in raw:
        if name not in known:
            problem(name, f"unknown setting (known: {', '.join(sorted(known))})")
    schema = raw.get("schema")
    if type(schema) is not int:
        problem("schema", f"should be the schema version {SCHEMA_VERSION}")
        schema = SCHEMA_VERSION
    elif schema > SCHEMA_VERSION:
        problem("schema", f"version {schema} is newer than this scholar understands ({SCHEMA_VERSION})")
    people = _people(raw.get("people", []), problem)
    equal, marks = _marks(raw.get("marks", {}), problem)
    venues = _venues(raw.get("venues", {}), problem)
    settings = Settings(schema=schema, people=tuple(people), equal_contribution=equal, marks=marks, venues=venues)
    return settings, problems


def _people(raw_people: object, problem: _Report) -> list[Person]:
    if not isinstance(raw_people, list):
        problem("people", "should be an array of tables ([[people]])")
        return []
    people: list[Person] = []
    for index, entry in enumerate(raw_people, start=1):
        where = f"people[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            problem(where, 'each person needs a name = "..."')
            continue
        variants = entry.get("variants", [])
        if _check_kind(variants, Kind.STR_LIST):
            problem(f"{where}.variants", "should be a list of strings")
            variants = []
        extra_keys = set(entry) - {"name", "variants", "metrics"}
        if extra_keys:
            problem(where, f"unknown field {sorted(extra_keys)[0]} (known: name, variants, metrics)")
        metrics = _recorded_metrics(f"{where}.metrics", entry.get("metrics"), problem)
        people.append(Person(name=entry["name"], variants=tuple(variants), metrics=metrics))
    return people


_METRIC_NUMBERS = ("h_index", "i10_index", "papers", "citations")


def _recorded_metrics(where: str, raw: object, problem: _Report) -> RecordedMetrics | None:
    """A person's ``[people.metrics]``: numbers as a profile page reports them, its name and day."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problem(where, "should be a table ([people.metrics]) of h_index, i10_index, papers, citations, source, date")
        return None
    values: dict[str, Any] = {}
    for name, value in raw.items():
        if name in _METRIC_NUMBERS:
            if type(value) is not int or value < 0:
                problem(f"{where}.{name}", f"should be a whole number of at least 0, not {value!r}")
                continue
        elif name == "source":
            if not isinstance(value, str) or not value.strip():
                problem(f"{where}.source", "should be a non-empty string naming where the numbers come from")
                continue
        elif name == "date":
            if _check_kind(value, Kind.DATE):
                problem(f"{where}.date", f"should be a date (YYYY-MM-DD), not {_type_name(value)}")
                continue
        else:
            known = ", ".join((*_METRIC_NUMBERS, "source", "date"))
            problem(where, f"unknown field {name} (known: {known})")
            continue
        values[name] = value
    return RecordedMetrics(**values)


def _marks(raw: object, problem: _Report) -> tuple[Mark, dict[str, Mark]]:
    """``[marks.KIND]`` tables: equal contribution (``*`` unless it says otherwise) and the other kinds,
    each with a symbol of its own."""
    if not isinstance(raw, dict):
        problem("marks", "should be a table of marks ([marks.KIND] with a symbol and a legend)")
        return DEFAULT_EQUAL_MARK, {}
    found: dict[str, Mark] = {}
    for kind, entry in raw.items():
        mark = _mark(f"marks.{kind}", entry, DEFAULT_EQUAL_MARK if kind == EQUAL_CONTRIBUTION else None, problem)
        if mark is None:
            continue
        if not MARK_KIND.fullmatch(kind):
            problem(f"marks.{kind}", "a kind of mark is named with letters, digits, _ and -, a letter first")
        elif clash := next((other for other, known in found.items() if known.symbol == mark.symbol), None):
            problem(
                f"marks.{kind}", f'"{mark.symbol}" is the symbol of marks.{clash}: a reader could not tell them apart'
            )
        else:
            found[kind] = mark
    equal = found.pop(EQUAL_CONTRIBUTION, DEFAULT_EQUAL_MARK)
    if clash := next((kind for kind, mark in found.items() if mark.symbol == equal.symbol), None):
        problem(
            f"marks.{clash}",
            f'"{equal.symbol}" is the symbol of equal contribution: a reader could not tell them apart',
        )
        del found[clash]
    return equal, found


MAX_SYMBOL = 3  # characters a mark's symbol may have: "*", "†", "**"
# Characters no symbol may hold: the al-folio export types the symbol into the name as it is, where
# these would end the name or the field ({ } \ , ;), or be HTML or LaTeX to the site (< > & % $ ~ _),
# or a quote or an equals sign of the field's syntax.
UNSAFE = "{}\\,;<>&%$~_\"'=@"


def _mark(where: str, entry: object, default: Mark | None, problem: _Report) -> Mark | None:
    """One ``[marks.KIND]``: a symbol of punctuation or symbol characters (an import strips it from
    names, so a letter would cut names short), and a legend."""
    if not isinstance(entry, dict):
        problem(where, 'should be a table with symbol = "..." and legend = "..."')
        return None
    unknown = sorted(set(entry) - {"symbol", "legend"})
    symbol = entry.get("symbol", default.symbol if default else None)
    legend = entry.get("legend", default.legend if default else None)
    if unknown:
        problem(where, f"unknown field {unknown[0]} (known: symbol, legend)")
    elif not (isinstance(symbol, str) and isinstance(legend, str) and symbol and legend.strip()):
        problem(where, "symbol and legend should be non-empty strings")
    elif len(symbol) > MAX_SYMBOL or not all(unicodedata.category(c)[0] in "PS" and c not in UNSAFE for c in symbol):
        problem(
            where,
            f'the symbol "{symbol}" should be one to {MAX_SYMBOL} punctuation or symbol characters (* † ‡ ^ # §),'
            f" none of {' '.join(UNSAFE)}",
        )
    else:
        return Mark(symbol=symbol, legend=legend)
    return None


def _venues(raw_venues: object, problem: _Report) -> dict[str, Venue]:
    if not isinstance(raw_venues, dict):
        problem("venues", "should be a table of venues ([venues.ACRONYM])")
        return {}
    venues: dict[str, Venue] = {}
    for acronym, entry in raw_venues.items():
        venue = _venue(f"venues.{acronym}", acronym, entry, problem)
        if venue is not None:
            venues[acronym] = venue
    return venues


def _venue(where: str, acronym: str, entry: object, problem: _Report) -> Venue | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        problem(where, 'each venue needs a name = "..."')
        return None
    kind = entry.get("kind", "conference")
    if kind not in VENUE_KINDS:
        problem(f"{where}.kind", f'"{kind}" is not one of: {", ".join(VENUE_KINDS)}')
        return None
    aliases = entry.get("aliases", [])
    if _check_kind(aliases, Kind.STR_LIST):
        problem(f"{where}.aliases", "should be a list of strings")
        return None
    publisher = entry.get("publisher")
    if publisher is not None and not isinstance(publisher, str):
        problem(f"{where}.publisher", "should be a string")
        return None
    extra_keys = set(entry) - {"name", "kind", "aliases", "publisher"}
    if extra_keys:
        problem(where, f"unknown field {sorted(extra_keys)[0]} (known: name, kind, aliases, publisher)")
    return Venue(acronym=acronym, name=entry["name"], kind=kind, aliases=tuple(aliases), publisher=publisher)


def citations_from_toml(raw: Mapping[str, Any], path: str) -> tuple[dict[str, Citation], list[Problem]]:
    """The counts of citations.toml (one table per work key: count, source, date) and its problems.

    A broken entry is a problem of its own and left out; the others are kept.
    """
    counts: dict[str, Citation] = {}
    problems: list[Problem] = []
    for key, entry in raw.items():
        reason = _citation_problem(key, entry)
        if reason:
            problems.append(Problem(path, key, reason))
        else:
            counts[key] = Citation(entry["count"], entry["source"], entry["date"])
    return counts, problems


def _citation_problem(key: str, entry: object) -> str | None:
    if not is_valid_key(key):
        return f"is not a work's key ({KEY_RULE})"
    if not isinstance(entry, dict):
        return "should be a table: count = ..., source = ..., date = YYYY-MM-DD"
    unknown = sorted(set(entry) - {"count", "source", "date"})
    if unknown:
        return f"unknown field {unknown[0]} (known: count, source, date)"
    missing = [name for name in ("count", "source", "date") if name not in entry]
    if missing:
        return f"{missing[0]} is missing"
    count, source, date = entry["count"], entry["source"], entry["date"]
    if type(count) is not int or count < 0:
        return f"count should be a whole number of at least 0, not {count!r}"
    if count > MAX_COUNT:
        return f"count should be at most {MAX_COUNT} (the largest integer TOML holds), not {count}"
    if not isinstance(source, str) or not source.strip():
        return "source should name the service the count came from"
    if _check_kind(date, Kind.DATE):
        return f"date should be the day the count was asked (YYYY-MM-DD), not {_type_name(date)}"
    return None
