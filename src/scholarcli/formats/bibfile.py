"""Writing BibTeX-syntax entries, shared by the BibTeX and BibLaTeX exports."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from scholarcli.formats.common import arxiv_class
from scholarcli.formats.latex_text import escape_markup, escape_title
from scholarcli.model import Work
from scholarcli.model.bibtex_value import bibtex_expression_problem
from scholarcli.model.markup import is_one_group
from scholarcli.model.names import bibtex_parts, has_and, is_comma_form, split_name

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class Bare(str):
    """A field value written without braces: a month macro such as ``sep``."""


# Entry types and field names as BibTeX reads them; anything else could end the entry early.
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_:.+-]*")
# In a verbatim field (an address, a DOI) BibTeX still counts braces, and whitespace would end a
# URL: those characters are written percent-encoded, which every reader of an address understands.
_NOT_VERBATIM = re.compile(r"[{}\s\x00-\x1f\x7f-\x9f]")


def verbatim(value: str) -> str:
    """An address or identifier as a BibTeX field value that cannot close its field or the entry."""
    return _NOT_VERBATIM.sub(lambda found: "".join(f"%{byte:02X}" for byte in found.group().encode()), value)


@lru_cache(maxsize=4096)  # the same few names, entry after entry: a lookup, not a regex
def _is_identifier(name: str) -> bool:
    return _IDENTIFIER.fullmatch(name) is not None


def entry(entry_type: str, key: str, fields: Sequence[tuple[str, str]]) -> str:
    """One entry, fields aligned, values in braces (already escaped by the caller).

    An entry type or field name that is no identifier is a slip (validation refuses them in
    records): it is never written, so that no value can leave its field.
    """
    if not _is_identifier(entry_type):
        entry_type = "misc"
    fields = [(name, value) for name, value in fields if _is_identifier(name)]
    width = max([len(name) for name, _ in fields], default=0)
    lines = [
        f"  {name.ljust(width)} = {value},\n" if type(value) is Bare else f"  {name.ljust(width)} = {{{value}}},\n"
        for name, value in fields
    ]
    return f"@{entry_type}{{{key},\n{''.join(lines)}}}\n"


@lru_cache(maxsize=65536)  # the same co-authors come back entry after entry
def bib_name(name: str, ascii_only: bool) -> str:
    """``Family, Given``: with the comma, BibTeX, biber and pandoc all agree on the given name even
    when it starts with an accented capital (``Kaiser, {\\L}ukasz``), and particles stay in the family.

    A name with the word "and" in it ("Procter and Gamble Research") is one name in braces: bare,
    BibTeX would read it as two. A name in BibTeX's comma form, or a literal one in braces, is
    written as the record has it (model/names.py).
    """
    if is_comma_form(name) or is_one_group(name):
        bare = name.rstrip().removesuffix(",")  # "marco cuturi,": a trailing comma makes bibtex warn
        return escape_markup(bare if bibtex_parts(bare) == bibtex_parts(name) else name, ascii_only)
    if has_and(name):
        return f"{{{escape_markup(name, ascii_only)}}}"
    given, family = split_name(name)
    family = escape_markup(family, ascii_only)
    return f"{family}, {escape_markup(given, ascii_only)}" if given else family


def names(work: Work, ascii_only: bool) -> str:
    """The author field: names joined by ``and``, ``and others`` when the list was truncated."""
    listed = [bib_name(name, ascii_only) for name in work.authors]
    if work.authors_truncated:
        listed.append("others")
    return " and ".join(listed)


def title_text(work: Work, ascii_only: bool) -> str:
    """The title as LaTeX: an imported one as its source wrote it, one the user typed or fetched
    with the words whose case matters protected (latex_text.escape_title)."""
    if work.title_as_written:
        return escape_markup(work.title, ascii_only)
    return escape_title(work.title, ascii_only)


def page_range(pages: str) -> str:
    """``12-34`` as the en-dash range ``12--34`` that BibTeX styles expect."""
    if "--" in pages:
        return pages
    return "--".join(part.strip() for part in pages.split("-")) if pages.count("-") == 1 else pages


Fields = list[tuple[str, str]]


def kept_fields(work: Work, made: Fields) -> tuple[Fields, Fields]:
    """The fields an export made, and after them those an import kept: ``extra`` as BibTeX source,
    written as it came, where no made field has the name; then ``macros`` (an @string the imported
    file did not define), bare as BibTeX wrote them, in place of a made field of the same name."""
    if not work.extra and not work.macros:
        return made, []
    made = [(name, value) for name, value in made if name not in work.macros]
    used = {name for name, _ in made}
    kept = [(name, value) for name, value in work.extra.items() if name not in used]
    return made, kept + [
        (name, Bare(value))
        for name, value in work.macros.items()
        if name not in used and bibtex_expression_problem(value) is None  # nothing that could leave its field
    ]


# The fields that name the venue of each type of work, as an import reads them: an import keeps the
# venue's own text there when the record's venue would not give it back, and the exports write it.
_VENUE_OF = {"article": ("journal", "journaltitle"), "inproceedings": ("booktitle",), "incollection": ("booktitle",)}


def venue_text_field(work_type: str) -> str:
    """The field a venue's own text is kept under in ``extra``, for a work of this type."""
    return _VENUE_OF.get(work_type, ("howpublished",))[0]


def venue_from_extra(work: Work) -> bool:
    """Whether the record keeps its venue's source text in ``extra`` (written from there)."""
    return any(name in work.extra for name in _VENUE_OF.get(work.type, ())) if work.extra else False


def identifier_fields(work: Work, eprint_type: tuple[str, str], class_field: str) -> list[tuple[str, str]]:
    """arXiv eprint, DOI and URL, verbatim; ``eprint_type`` is (field, value) of the archive."""
    fields: list[tuple[str, str]] = []
    if work.arxiv:
        fields += [("eprint", verbatim(work.arxiv)), eprint_type]
        if cls := arxiv_class(work):
            fields.append((class_field, cls))
    if work.doi:
        fields.append(("doi", verbatim(work.doi)))
    if work.url:
        fields.append(("url", verbatim(work.url)))
    return fields


def with_aliases(entry_type: str, work: Work, fields: Sequence[tuple[str, str]]) -> str:
    """The entry, then one copy under each other key the work has (``ids``): BibTeX has no aliases,
    so a copy is what makes ``\\cite{alias}`` resolve. No entry carries ``ids``: biber, reading
    such a file, would take each copy's key for an alias of a real entry."""
    if "ids" not in work.extra:  # the usual work: no other key
        return entry(entry_type, work.key, fields)
    from scholarcli.model.duplicates import aliases

    fields = [(name, value) for name, value in fields if name != "ids"]
    return "\n".join(entry(entry_type, key, fields) for key in [work.key, *aliases(work)])
