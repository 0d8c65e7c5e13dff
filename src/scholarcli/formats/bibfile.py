"""Writing BibTeX-syntax entries, shared by the BibTeX, BibLaTeX and al-folio exports.

Every field value is made by one writer of this module, chosen by what the value is: text
(escaped LaTeX), a record's markup (titles, names), an address or identifier (verbatim), BibTeX
source an import kept (``extra``), or a bare value (a month macro, an @string expression). Each
writer returns its own type, and ``entry`` writes no other; before it writes a value, it checks
that the value ends where BibTeX ends it, so that nothing a record holds can become a field or an
entry of its own, whatever slip a format makes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from scholarcli.errors import UnsafeOutput
from scholarcli.formats.latex_text import escape, escape_markup, escape_title
from scholarcli.formats.work_facts import arxiv_class
from scholarcli.model import Work
from scholarcli.model.bibtex_value import bibtex_expression_problem, braces_balance, escaped_braces_balance
from scholarcli.model.markup import is_one_group
from scholarcli.model.names import bibtex_parts, commas, display_name, has_and, is_comma_form, split_name
from scholarcli.model.validate import is_valid_key

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class Value(str):
    """A field value made by one of the writers below; ``entry`` writes no other."""

    __slots__ = ()


class Text(Value):
    """LaTeX text, written in braces: escaped plain text, or a title or name in record markup."""

    __slots__ = ()


class Verbatim(Value):
    """An address or identifier, written in braces as it is, but percent-encoded where BibTeX would end it."""

    __slots__ = ()


class Source(Value):
    """BibTeX source an import kept (``extra``), written in braces as it came."""

    __slots__ = ()


class Bare(Value):
    """A value written without braces: a month macro such as ``sep``, or an @string expression."""

    __slots__ = ()


Field = tuple[str, Value]
Fields = list[Field]

# Entry types and field names as BibTeX reads them; anything else could end the entry early.
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_:.+-]*")
# In a verbatim field (an address, a DOI) BibTeX still counts braces, a reader that takes \} as an
# escaped brace reads on past a backslash, and white space would end a URL: those characters are
# written percent-encoded, which every reader of an address understands.
_NOT_VERBATIM = re.compile(r"[{}\\\s\x00-\x1f\x7f-\x9f]")
# What an import's kept source may not hold: control characters, which no TeX engine typesets.
_SOURCE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def text(value: str, ascii_only: bool = True, kept: frozenset[str] = frozenset()) -> Text:
    """Plain text, escaped (latex_text.escape; ``kept``: characters written as they are)."""
    return Text(escape(value, ascii_only, kept))


def title(value: str, ascii_only: bool = True, as_written: bool = False, kept: frozenset[str] = frozenset()) -> Text:
    """A record's title: its markup as LaTeX; one ``as_written`` (imported) exactly as its source wrote
    it, any other with the words whose case matters protected (latex_text.escape_title)."""
    if as_written:
        return Text(escape_markup(value, ascii_only, kept))
    return Text(escape_title(value, ascii_only, kept))


def verbatim(value: str) -> Verbatim:
    """An address or identifier as a BibTeX field value that cannot close its field or the entry."""
    return Verbatim(_NOT_VERBATIM.sub(lambda found: "".join(f"%{byte:02X}" for byte in found.group().encode()), value))


def source(value: str) -> Source | None:
    """Kept BibTeX source, as it came (validation refuses braces that do not balance); None for
    source whose braces would end its field early, which is left out rather than written."""
    if not value.isprintable():
        value = _SOURCE_CONTROL.sub(" ", value)
    return Source(value) if braces_balance(value) and escaped_braces_balance(value) else None


def bare(value: str) -> Bare | None:
    """A bare BibTeX value (``MCDERMOTT # { and Gerald J. Sussman}``); None for one that could leave its field."""
    return Bare(value) if bibtex_expression_problem(value) is None else None


def month(number: int) -> Bare:
    return Bare(MONTH_MACROS[number - 1])


def number(value: int) -> Text:
    return Text(str(value))


def word(value: str) -> Text:
    """A value scholar itself makes from letters, digits and a little punctuation (``arXiv``,
    ``patentus``, ``1=equal;2=equal``, ``2024-09``): nothing to escape."""
    if re.fullmatch(r"[\w.:;=+-]*", value, re.ASCII) is None:
        raise UnsafeOutput(f"{value!r} is not a word a BibTeX field can hold as it is")
    return Text(value)


@lru_cache(maxsize=4096)  # the same few names, entry after entry: a lookup, not a regex
def _is_identifier(name: str) -> bool:
    return _IDENTIFIER.fullmatch(name) is not None


def _written(key: str, name: str, value: Value) -> str:
    """`` = {value}`` or `` = value``, once the value is known to end where BibTeX ends it."""
    kind = type(value)
    if kind is Bare:
        if bibtex_expression_problem(value) is None:
            return f" = {value},\n"
    elif kind in (Text, Verbatim, Source) and braces_balance(value) and escaped_braces_balance(value):
        return f" = {{{value}}},\n"
    raise UnsafeOutput(f"{key}: {name}: {value!r} would not stay in its field; nothing was written")


def entry(entry_type: str, key: str, fields: Sequence[Field]) -> str:
    """One entry, fields aligned, each value as its writer made it.

    An entry type or field name that is no identifier is a slip (validation refuses them in
    records): it is never written. A key BibTeX would not read as one, or a value that would not
    stay in its field, stops the export (UnsafeOutput) rather than be written.
    """
    if not _is_identifier(entry_type):
        entry_type = "misc"
    if not is_valid_key(key):
        raise UnsafeOutput(f"{key!r} is not a citation key BibTeX reads; nothing was written")
    fields = [(name, value) for name, value in fields if _is_identifier(name)]
    width = max([len(name) for name, _ in fields], default=0)
    lines = [f"  {name.ljust(width)}{_written(key, name, value)}" for name, value in fields]
    return f"@{entry_type}{{{key},\n{''.join(lines)}}}\n"


def one_part(part: str) -> str:
    """A part of a name as BibTeX keeps it one: in braces if it holds the word "and", which BibTeX
    would read as the end of the name, or a comma, even inside a command's braces (biber reads
    ``\\emph{, x}`` as text before it counts the commas)."""
    return f"{{{part}}}" if has_and(part) or "," in part else part


@lru_cache(maxsize=65536)  # the same co-authors come back entry after entry
def bib_name(name: str, ascii_only: bool) -> str:
    """``Family, Given``: with the comma, BibTeX, biber and pandoc all agree on the given name even
    when it starts with an accented capital (``Kaiser, {\\L}ukasz``), and particles stay in the family.

    A name with the word "and" in it ("Procter and Gamble Research") is one name in braces: bare,
    BibTeX would read it as two. A name in BibTeX's comma form, or a literal one in braces, is
    written as the record has it (model/names.py).
    """
    if not name.strip():  # a name of characters BibTeX cannot carry (code_points.LATEX): still a name
        return "{}"
    if is_comma_form(name) or is_one_group(name):
        bare = name.rstrip().removesuffix(",")  # "marco cuturi,": a trailing comma makes bibtex warn
        written = bare if bibtex_parts(bare) == bibtex_parts(name) else name
        if not bibtex_parts(written).last.strip():  # ",,": no family name BibTeX could read; the name as it is
            return f"{{{escape_markup(name, ascii_only)}}}"
        if has_and(written):  # "Procter and Gamble, Inc.": the part with "and" in braces, one part still
            written = ", ".join(one_part(part) for part in commas(written))
        return escape_markup(written, ascii_only)
    if has_and(name):
        return f"{{{escape_markup(name, ascii_only)}}}"
    given, family = split_name(name)
    family = escape_markup(family, ascii_only)
    return f"{family}, {escape_markup(given, ascii_only)}" if given else family


def names(work: Work, ascii_only: bool) -> Text:
    """The author field: names joined by ``and``, ``and others`` when the list was truncated."""
    listed = [bib_name(name, ascii_only) for name in work.authors]
    if work.authors_truncated:
        listed.append("others")
    return Text(" and ".join(listed))


def equal_note(work: Work) -> str:
    """``Equal contribution: A and B``, the names as a reader reads them (no record markup)."""
    return f"Equal contribution: {' and '.join(map(display_name, work.equal_contribution))}"


def page_range(pages: str) -> str:
    """``12-34`` as the en-dash range ``12--34`` that BibTeX styles expect."""
    if "--" in pages:
        return pages
    return "--".join(part.strip() for part in pages.split("-")) if pages.count("-") == 1 else pages


def kept_fields(work: Work, made: Fields) -> tuple[Fields, Fields]:
    """The fields an export made, and after them those an import kept: ``extra`` as BibTeX source,
    written as it came, where no made field or macro has the name; then ``macros`` (an @string the
    imported file did not define), bare as BibTeX wrote them, in place of a made field of the same name."""
    if not work.extra and not work.macros:
        return made, []
    made = [(name, value) for name, value in made if name not in work.macros]
    used = {name for name, _ in made}
    kept: Fields = [(name, value) for name, value in _written_extra(work, used | set(work.macros))]
    return made, kept + [
        (name, value)
        for name, value in ((name, bare(value)) for name, value in work.macros.items() if name not in used)
        if value is not None  # nothing that could leave its field
    ]


def _written_extra(work: Work, used: set[str]) -> list[tuple[str, Source]]:
    found = ((name, source(value)) for name, value in work.extra.items() if name not in used)
    return [(name, value) for name, value in found if value is not None]


# The fields that name the venue of each type of work, as an import reads them: an import keeps the
# venue's own text there when the record's venue would not give it back, and the exports write it.
_VENUE_OF = {"article": ("journal", "journaltitle"), "inproceedings": ("booktitle",), "incollection": ("booktitle",)}


def venue_text_field(work_type: str) -> str:
    """The field a venue's own text is kept under in ``extra``, for a work of this type."""
    return _VENUE_OF.get(work_type, ("howpublished",))[0]


def venue_from_extra(work: Work) -> bool:
    """Whether the record keeps its venue's source text in ``extra`` (written from there)."""
    return any(name in work.extra for name in _VENUE_OF.get(work.type, ())) if work.extra else False


def identifier_fields(work: Work, eprint_type: tuple[str, str], class_field: str) -> Fields:
    """arXiv eprint, DOI and URL, verbatim; ``eprint_type`` is (field, value) of the archive."""
    fields: Fields = []
    if work.arxiv:
        fields += [("eprint", verbatim(work.arxiv)), (eprint_type[0], word(eprint_type[1]))]
        if cls := arxiv_class(work):
            fields.append((class_field, text(cls)))
    if work.doi:
        fields.append(("doi", verbatim(work.doi)))
    if work.url:
        fields.append(("url", verbatim(work.url)))
    return fields


def link_fields(work: Work, made: Fields) -> Fields:
    """The record's links under their own names (al-folio's code, pdf, ...; styles ignore them),
    verbatim like ``url``, where no field made has the name."""
    used = {name for name, _ in made}
    return [
        (name, verbatim(url))
        for name, url in work.links.items()
        if _LINK_NAME.fullmatch(name) is not None and name not in used
    ]


_LINK_NAME = re.compile(r"[a-z][a-z0-9_-]*")


def with_aliases(entry_type: str, work: Work, fields: Sequence[Field]) -> str:
    """The entry, then one copy under each other key the work has (``ids``): BibTeX has no aliases,
    so a copy is what makes ``\\cite{alias}`` resolve. No entry carries ``ids``: biber, reading
    such a file, would take each copy's key for an alias of a real entry. An alias that is no key
    BibTeX reads is left out."""
    if "ids" not in work.extra:  # the usual work: no other key
        return entry(entry_type, work.key, fields)
    from scholarcli.model.duplicates import aliases

    fields = [(name, value) for name, value in fields if name != "ids"]
    others = [alias for alias in dict.fromkeys(aliases(work)) if alias != work.key and is_valid_key(alias)]
    return "\n".join(entry(entry_type, key, fields) for key in [work.key, *others])
