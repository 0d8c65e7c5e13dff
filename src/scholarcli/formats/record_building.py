"""Records from the formats whose text is plain (RIS, CSL-JSON): what their readers share.

Their text is never LaTeX: a title or a name becomes record markup with its markup characters
escaped (model/markup.py), so ``$100`` and ``C:\\path`` survive as written. A field scholar has no
place for is kept in ``extra``, which holds BibTeX source: the text is written as source that reads
back as the same text, under the BibTeX or BibLaTeX name of the same field where there is one
(``editor``, ``isbn``, ``issn``, ``address``, ``edition``, ``series``, ``urldate``), so that the
BibTeX exports write it where styles look for it, and otherwise under the format's own name with
its prefix (``ris-n1``, ``csl-archive``). The format's own type is kept the same way (``ris-type``,
``csl-type``) when scholar's type would not give it back.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import unquote

from scholarcli.formats.bib_reading import Converted, fields_source
from scholarcli.formats.bibfile import bib_name
from scholarcli.formats.latex_text import collapse_space
from scholarcli.model.markup import literal
from scholarcli.model.names import record_form
from scholarcli.model.validate import IDENTIFIER, is_valid_key

# A Zotero item's id as its CSL-JSON and RIS exports write it: "12345/ABCD2345".
_ZOTERO_ITEM = re.compile(r"\d+/[A-Z0-9]{8}")
# A DOI as sources write it: bare, after "doi:", or in a doi.org address; or a shortDOI, which
# doi.org resolves as it resolves the DOI ("10/fqd6hj").
_DOI = re.compile(r"(?:doi:\s*|(?:https?://)?(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+|10/[a-z0-9]+)", re.IGNORECASE)
_DOI_IN_ADDRESS = re.compile(r"https?://[^\s/]+/\S*?(10\.\d{4,9}/\S+)", re.IGNORECASE)
# An arXiv id in arXiv's DOI, in an arxiv.org address, or after "arXiv:" (scholar's CSL-JSON export):
# new style (2409.13598v2) or old (hep-th/9901001).
_ARXIV = re.compile(
    r"(?:10\.48550/arxiv\.|arxiv:\s*|https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/)"
    r"(\d{4}\.\d{4,5}(?:v\d+)?|[a-z]+(?:-[a-z]+)*(?:\.[a-z]{2})?/\d{7}(?:v\d+)?)(?:\.pdf)?/?",
    re.IGNORECASE,
)


def is_citation_key(text: str) -> bool:
    """Whether an RIS ``ID`` or a CSL ``id`` is a citation key to keep, not a database's number
    (EndNote's ``12345``), address or Zotero item id."""
    return is_valid_key(text) and not text.isdigit() and "://" not in text and not _ZOTERO_ITEM.fullmatch(text)


def doi(text: str) -> str | None:
    """The DOI a DOI field holds, without its resolver (``10.1145/3184558``) or the publisher's
    address around it (``https://dl.acm.org/doi/10.1145/3184558``), or None."""
    text = unquote(text.strip())
    found = _DOI.fullmatch(text) or _DOI_IN_ADDRESS.fullmatch(text)
    return found.group(1).rstrip(".,;") if found else None


def arxiv_id(text: str) -> str | None:
    """The arXiv id in an arXiv DOI, an arxiv.org address or ``arXiv:2409.13598``, or None."""
    found = _ARXIV.fullmatch(text.strip())
    return found.group(1) if found else None


def _clean(text: str) -> str:
    """White space collapsed as BibTeX collapses it; "" for a text of white space alone (a Unicode
    separator or control counts, as validation counts it)."""
    text = collapse_space(text)
    return text if text.strip() else ""


def _part(text: str) -> str:
    """One part of a name (plain text) as markup inside BibTeX's comma form: a comma in it braced."""
    marked = literal(text)
    return f"{{{marked}}}" if "," in marked else marked


def person(family: str, given: str = "", particle: str = "", suffix: str = "") -> str | None:
    """A name from its parts (plain text) in the record's form: ``Given Family`` where the exports
    give the same parts back, else BibTeX's comma form (``van One, Onename``); None if it has none.

    A particle (``van der``) joins the family, as BibTeX's "von" part. A family name of several
    words and nothing else (Zotero's "American College of Sports Medicine") is a literal name:
    BibTeX would take some of its words for given names or a "von" part.
    """
    family, given, particle, suffix = (_clean(part) for part in (family, given, particle, suffix))
    last = " ".join(part for part in (particle, family) if part)
    if not last:
        return literal(given) or None  # "Plato": a one-word name is all family
    if not given and not suffix:
        return literal_name(last) if " " in last else literal(last)
    parts = [_part(last), *([_part(suffix)] if suffix else []), _part(given)]
    return record_form(", ".join(parts))


def literal_name(text: str) -> str | None:
    """A name that is no person's (``World Health Organization``): one brace group, never split."""
    text = _clean(text)
    return f"{{{literal(text)}}}" if text else None


def plain_name(text: str) -> str | None:
    """A name written as one string, RIS's way: ``Family, Given[, Suffix]``, or ``Given Family``."""
    parts = [_clean(part) for part in _clean(text).split(",")]
    if len(parts) == 1:
        return literal(parts[0]) or None
    return person(parts[0], parts[1], suffix=", ".join(parts[2:]))


def valid_date(year: int, month: int | None = None, day: int | None = None) -> dict[str, int]:
    """``year``/``month``/``day`` as a record holds them: the parts a calendar has, from the year on."""
    if not 1 <= year <= 9999:
        return {}
    found = {"year": year}
    if month is not None and 1 <= month <= 12:
        found["month"] = month
        try:
            if day is not None and dt.date(year, month, day):
                found["day"] = day
        except ValueError:
            pass
    return found


class Builder:
    """One record of the source becoming a record: its fields, what is kept in extra, notes, problems."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix  # "ris" or "csl": what names a kept field that BibTeX has no name for
        self.record: dict[str, Any] = {}
        self.extra: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.notes: list[str] = []
        self.problems: list[str] = []

    def text(self, target: str, value: str | None) -> None:
        """A plain-text field of the record, white space collapsed; nothing for an empty value."""
        if value is not None and (value := _clean(value)):
            self.record[target] = value

    def title(self, markup: str) -> None:
        if markup := _clean(markup):
            self.record["title"] = markup
            self.record["title_as_written"] = True  # the source's: exported with no case protection added

    def keep(self, name: str, value: str, own: bool = True) -> None:
        """Keep a field in extra as BibTeX source: under the source's own name with its prefix
        (``own``), else under ``name`` itself (a BibTeX field); a second value joins the first."""
        field = f"{self.prefix}-{name}" if own else name
        if not value.strip():
            return
        if not IDENTIFIER.fullmatch(field):
            self.problems.append(f"{name}: no BibTeX field can be named after it, so it was not kept")
            return
        source = fields_source(value.strip())
        self.extra[field] = f"{self.extra[field]}; {source}" if field in self.extra else source

    def keep_names(self, field: str, names: list[str]) -> None:
        """Names (record form) kept as a BibTeX name list: ``editor = {Family, Given and ...}``."""
        if names:
            listed = " and ".join(bib_name(name, ascii_only=False) for name in names)
            self.extra[field] = f"{self.extra[field]} and {listed}" if field in self.extra else listed

    def date(self, year: int, month: int | None = None, day: int | None = None) -> bool:
        """Set the record's date; whether the record holds all of it."""
        found = valid_date(year, month, day)
        self.record.update(found)
        return len(found) == 1 + (month is not None) + (day is not None)

    def tags(self, values: list[str], separators: str) -> None:
        """Tags from keyword values, each split at the ``separators`` (a character class)."""
        tags = [_clean(tag) for value in values for tag in re.split(f"[{separators}]", value)]
        if tags := list(dict.fromkeys(tag for tag in tags if tag)):
            self.record["tags"] = tags

    def converted(self, key: str | None, name: str) -> Converted:
        """The entry: asking for ``key`` (None: the key formula's), named ``name`` in messages."""
        if self.links:
            self.record["links"] = self.links
        if self.extra:
            self.record["extra"] = self.extra
        return Converted(key or "", self.record, self.notes, self.problems, name)
