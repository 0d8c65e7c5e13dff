"""Hostile records and settings for the exports' properties, built from the schema itself.

``works()`` draws a value for every field of FIELD_KINDS by its kind (any string field is hostile
text, any list a list of it, any table hostile names and values), so that a field added to the
model is generated, and judged by every property, without a new test. The fields whose values
validation constrains (a type, a date, a patent's status, equal contributors among the authors,
BibTeX source in ``extra``) have their own strategies; each record then goes through the real
validation (model/validate.py), so that a property sees exactly what a library can hold.

``keys()`` draws every kind of citation key validation lets in (model/validate.py: VALID_KEY, at
most MAX_KEY_LENGTH characters), with the keys that break file names drawn often: paths, dots,
colons, names Windows reserves, case and Unicode twins, and keys as long as allowed.
"""

from __future__ import annotations

import datetime as dt
import string
import unicodedata
from typing import Any

from hypothesis import strategies as st

from scholarcli.model import (
    FIELD_KINDS,
    PATENT_STATUSES,
    VENUE_KINDS,
    WORK_TYPES,
    Kind,
    Mark,
    Person,
    Settings,
    Venue,
    Work,
    known_to,
)
from scholarcli.model.markup import literal
from scholarcli.model.validate import MAX_KEY_LENGTH, VALID_KEY, is_valid_key, work_from_record

# The name every injection attempt gives the field or entry it would make: no export may have one.
INJECTED = "injected"
# Pieces of text that have broken, or could break, one output or another.
PIECES = [
    # BibTeX: braces balanced and not, escaped, a field or an entry of its own, a string concatenation
    "{", "}", "{}", "}{", "\\{", "\\}", "\\", "\\\\", "@", ",", "=", '"', "#", "%",
    f"}}, {INJECTED} = {{x", f"}}}}\n@misc{{{INJECTED},", f'", {INJECTED} = "', f"{INJECTED} # {{", "} # {",
    # LaTeX: specials, commands, math
    "$", "&", "_", "~", "^", "\\textbf{x}", "\\input{/etc/passwd}", "$x^2$", "\\emph", "\\\\par", "\\def\\x{y}",
    # control characters, C1, bidirectional controls, separators, noncharacters, combining marks
    "\x1b]52;c;aGk=\x07", "\x1b]0;title\x07", "\x1b[2J", "\x9b31m", "\x07", "\x00", "\x7f", "\x85", "\r",
    "\u202e", "\u2066", "\u200f", "\u061c", "\u2028", "\u2029", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe",
    "e\u0301", "a\u0308\u0301", " \u0338", "\u0301",
    # white space: line breaks, a blank line, tabs, no-break and zero-width spaces
    "\n", "\n\n", "\t", "\u00a0", "\u200b", "\ufeff", "  ",
    # names: "and", the word "others", commas
    " and ", "and", "AND", "others", ", ", ",,",
    # HTML, Markdown, YAML, the terminal's rich markup
    "<script>alert(1)</script>", "<b>", "&amp;", "javascript:alert(1)", "[bold]", "[link=x]", "*", "**", "`",
    "[", "]", "(", ")", "- ", "1. ", "# ", "> ", "!", "|", "{{ x }}", "{% raw %}", "---", "'", ": ", "&a *b !c",
    # text: accents, other scripts, emoji, a long word
    "é", "Ł", "ß", "Ødegård", "中文", "العربية", "😀", "𝔘", "x" * 300,
]  # fmt: skip
_WORD = st.text(alphabet=string.ascii_letters + string.digits + " .-", min_size=1, max_size=8)


def texts(min_size: int = 0) -> st.SearchStrategy[str]:
    """Hostile text: pieces and plain words, in any order."""
    return st.lists(st.sampled_from(PIECES) | _WORD, min_size=min_size, max_size=6).map("".join)


def _is_visible(text: str) -> bool:
    return bool(text.strip())


def _markup_part() -> st.SearchStrategy[str]:
    plain_text = texts(min_size=1).map(literal)
    return st.one_of(
        plain_text,
        plain_text.map(lambda text: f"{{{text}}}"),  # a protected group
        plain_text.map(lambda text: f"\\emph{{{text}}}"),  # a command
        st.sampled_from(["$x^{2}$", "$\\alpha$", "\\TeX{}", "{\\sc Strips}", "\\'e", "\\L{}"]),
    )


def markup() -> st.SearchStrategy[str]:
    """A title or name in record markup (model/markup.py): literal hostile text, groups, math, commands."""
    return st.lists(_markup_part(), min_size=1, max_size=4).map("".join).filter(_is_visible)


def _identifier() -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(lambda name: INJECTED not in name)


def _source() -> st.SearchStrategy[str]:
    """BibTeX source as an import keeps it in ``extra``: any text, its braces balanced (validation's rule)."""
    return texts().map(lambda text: text.replace("{", "(").replace("}", ")")) | texts().map(
        lambda text: "{" + text.replace("{", "").replace("}", "") + "}"
    )


_MACRO = st.sampled_from(["MCDERMOTT", "jan", "MCDERMOTT # { and Gerald J. Sussman}", '"text" # X', "2020"])


def _field_values(kind: Kind) -> st.SearchStrategy[Any]:
    """Any value of a TOML kind: the default strategy of a field."""
    values: dict[Kind, st.SearchStrategy[Any]] = {
        Kind.STR: texts(min_size=1),
        Kind.INT: st.integers(1, 9999),
        Kind.BOOL: st.booleans(),
        Kind.STR_LIST: st.lists(texts(min_size=1), max_size=3),
        Kind.STR_TABLE: st.dictionaries(texts(min_size=1), texts(min_size=1), max_size=3),
        Kind.DATE: st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    }
    return values[kind]


def _links() -> st.SearchStrategy[dict[str, str]]:
    address = st.one_of(
        texts(min_size=1),
        texts().map(lambda text: f"https://example.org/{text}"),
        st.sampled_from(["javascript:alert(1)", "data:text/html,x", "mailto:a@b.c", "assets/pdf/x.pdf"]),
    )
    names = st.one_of(texts(min_size=1), st.sampled_from(["code", "pdf", "html", "thumbnail", "openreview"]))
    return st.dictionaries(names, address, max_size=3)


# Fields whose values validation constrains, or which the exports read specially.
SPECIAL: dict[str, st.SearchStrategy[Any]] = {
    "title": markup(),
    "authors": st.lists(markup(), max_size=4),
    "year": st.integers(1, 9999),
    "bibtex_type": st.sampled_from(["article", "misc", "inproceedings", "online", "patent"]),
    "extra": st.dictionaries(
        _identifier() | st.sampled_from(["ids", "journal", "booktitle", "year"]), _source(), max_size=3
    ),
    "macros": st.dictionaries(st.sampled_from(["author", "journal", "publisher", "note"]), _MACRO, max_size=2),
    "links": _links(),
    "doi": st.one_of(texts(min_size=1), texts().map(lambda text: f"10.1000/{text}")),
    "url": st.one_of(texts(min_size=1), texts().map(lambda text: f"https://example.org/{text}")),
}
# drawn from others
_ORDERED_FIELDS = ("type", "month", "day", "status", "equal_contribution", "marks", "people", "title_as_written")


@st.composite
def _record(
    draw: st.DrawFn, people: tuple[str, ...], venues: tuple[str, ...], kinds: tuple[str, ...] = ()
) -> dict[str, Any]:
    record: dict[str, Any] = {"type": draw(st.sampled_from(WORK_TYPES))}
    for name, kind in FIELD_KINDS.items():
        if name in _ORDERED_FIELDS or not draw(st.booleans()):
            continue
        record[name] = draw(SPECIAL.get(name, _field_values(kind)))
    if draw(st.booleans()) and venues:
        record["venue"] = draw(st.sampled_from(venues))
    if draw(st.booleans()):
        record["month"] = draw(st.integers(1, 12))
        if draw(st.booleans()):
            record["day"] = draw(st.integers(1, 28))
    if record["type"] == "patent" and draw(st.booleans()):
        record["status"] = draw(st.sampled_from(PATENT_STATUSES))
    if record.get("title") and draw(st.booleans()):  # an imported title, written back as it is
        record["title_as_written"] = draw(st.booleans())
    if draw(st.booleans()) and people:  # the person whose CV it is among the authors
        record["authors"] = [*record.get("authors", []), draw(st.sampled_from(people))]
    authors = record.get("authors", [])
    if authors and draw(st.booleans()):
        record["equal_contribution"] = draw(st.lists(st.sampled_from(authors), min_size=1, unique=True))
    if authors and kinds and draw(st.booleans()):  # marks of the kinds library.toml declares, on authors
        marked = st.lists(st.sampled_from(authors), min_size=1, unique=True)
        record["marks"] = draw(st.dictionaries(st.sampled_from(kinds), marked, max_size=len(kinds)))
    if "authors" in record:
        record["authors"] = list(dict.fromkeys(record["authors"]))  # a name twice is one author
    if draw(st.booleans()) and people:
        record["people"] = draw(st.lists(st.sampled_from(people), min_size=1, unique=True))
    return record


def _key(index: int) -> st.SearchStrategy[str]:
    """A citation key validation accepts, unique by its number; some with characters HTML ids and
    files must take care of (a bidirectional override, markup of rich and HTML, an astral character),
    and the first two sometimes named like a page's sections."""
    tails = st.sampled_from(["", "\u202e", "\u2066", "[bold]", "<b>", "&x;", ":a/b", "-2", "é", "😀"])
    keys = tails.map(lambda tail: f"w{index}{tail}")
    return keys | st.just(("publications", "patents")[index]) if index < 2 else keys


@st.composite
def works(draw: st.DrawFn, settings: Settings, min_size: int = 1, max_size: int = 6) -> list[Work]:
    """Valid works of every field kind, hostile throughout; a work's ``ids`` names other keys, valid or not."""
    count = draw(st.integers(min_size, max_size))
    names = tuple(name for person in settings.people for name in person.all_names)
    venues = (*settings.venues, "ICLR", "arXiv", "NeurIPS")
    found: list[Work] = []
    for index in range(count):
        record = draw(_record(names, venues, tuple(settings.marks)))
        if draw(st.booleans()):
            record.setdefault("extra", {})["ids"] = draw(
                st.sampled_from([f"alias{index}", f"w{index}", "a b, c)d", f"alias{index}, alias{index}"])
            )
        work, problems = work_from_record(draw(_key(index)), record, f"w{index}.toml", known_to(settings))
        assert work is not None, problems  # the strategies make valid records only
        found.append(work)
    return found


def _venue(acronym: str) -> st.SearchStrategy[Venue]:
    return st.builds(
        Venue,
        acronym=st.just(acronym),
        name=texts(min_size=1),
        kind=st.sampled_from(VENUE_KINDS),
        aliases=st.lists(texts(min_size=1), max_size=2).map(tuple),
        publisher=st.none() | texts(min_size=1),
    )


@st.composite
def library_settings(draw: st.DrawFn) -> Settings:
    """library.toml with hostile people (names and variants), marks and venues of its own."""
    people = draw(
        st.lists(
            st.builds(Person, name=markup(), variants=st.lists(markup(), max_size=2).map(tuple), metrics=st.none()),
            min_size=1,
            max_size=2,
            unique_by=lambda person: person.name,
        )
    )
    acronyms = draw(st.lists(texts(min_size=1).filter(_is_visible), max_size=3, unique=True))
    venues = {acronym: draw(_venue(acronym)) for acronym in acronyms}
    mark = Mark(symbol=draw(texts(min_size=1)), legend=draw(texts()))
    kinds = draw(st.lists(_identifier().filter(lambda kind: kind != "equal_contribution"), max_size=2, unique=True))
    marks = {kind: Mark(symbol=draw(texts(min_size=1)), legend=draw(texts())) for kind in kinds}
    return Settings(schema=1, people=tuple(people), equal_contribution=mark, marks=marks, venues=venues)


def libraries(min_size: int = 1, max_size: int = 6) -> st.SearchStrategy[tuple[Settings, list[Work]]]:
    """Settings and works that go with them."""
    return library_settings().flatmap(
        lambda settings: works(settings, min_size, max_size).map(lambda found: (settings, found))
    )


# Keys that are no safe file name as they are; each is a key bibtex and biber accept.
HOSTILE_KEYS = (
    "../x", ".", "..", "a//b", "/abs", "t/", "DBLP:conf/iclr/SenguptaCC25", "a", "a/index.md", "c", "c.md/x",
    "é" * MAX_KEY_LENGTH, "x" * MAX_KEY_LENGTH, "x:", ":", "Case", "case", "CASE", "con", "NUL", "nul.tar.gz",
    "Com1", "lpt9.x", ".hidden", "_draft", "_index", "-dash", "+plus", "trailing.", "index", "cite.bib",
    ".scholar-export.toml", "a\u00e9", "ae\u0301", "ǅ", "ß", "SS", "ﬁ", "fi", "中文", "😀", "a:b:c", "a|b", "a*b?", "a<b>",
)  # fmt: skip


def keys() -> st.SearchStrategy[str]:
    """One key the library accepts."""
    drawn = st.from_regex(VALID_KEY, fullmatch=True).filter(is_valid_key)
    twins = st.sampled_from(HOSTILE_KEYS).map(lambda key: unicodedata.normalize("NFD", key.upper()))
    return st.one_of(st.sampled_from(HOSTILE_KEYS), drawn, twins.filter(is_valid_key))


def key_sets(max_size: int = 12) -> st.SearchStrategy[list[str]]:
    """Distinct keys, as one library holds them."""
    return st.lists(keys(), min_size=1, max_size=max_size, unique=True)
