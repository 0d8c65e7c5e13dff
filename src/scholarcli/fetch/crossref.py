"""Crossref's REST API: ``/works/{doi}`` (metadata, relations, is-referenced-by-count).

The mapping here also reads CSL-JSON (doi.org's content negotiation), which shares Crossref's
field names but gives titles as strings instead of lists.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from scholarcli.fetch import FetchedWork, FetchError, PublishedHints
from scholarcli.fetch.http import METADATA_TTL, base_url, check_status, parse_json
from scholarcli.fetch.shape import is_preprint_doi, make_record, mapping, year_month_day
from scholarcli.fetch.text import clean_title, csl_name, normalize_doi, plain

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client, Reply

# Crossref and CSL types -> scholar's; containers (a journal, a proceedings volume) are not works.
TYPES = {
    "journal-article": "article",
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "proceedings-article": "inproceedings",
    "paper-conference": "inproceedings",
    "posted-content": "preprint",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "book-chapter": "incollection",
    "book-section": "incollection",
    "book-part": "incollection",
    "reference-entry": "incollection",
    "chapter": "incollection",
    "entry-encyclopedia": "incollection",
    "dissertation": "thesis",
    "thesis": "thesis",
    "report": "techreport",
}
CONTAINERS = {
    "journal",
    "journal-issue",
    "journal-volume",
    "proceedings",
    "proceedings-series",
    "book-series",
    "book-set",
    "report-series",
    "component",
    "grant",
}
_ACRONYM = re.compile(r"[A-Za-z][A-Za-z0-9&+./-]{1,15}(?: [A-Z][A-Za-z0-9&+-]{1,15})?")


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str) and item.strip()), None)
    return value if isinstance(value, str) and value.strip() else None


def acronym(event: Any) -> str | None:
    """A conference acronym from Crossref's ``event.acronym`` ("WWW '18" -> "WWW"), if recognisable."""
    raw = event.get("acronym") if isinstance(event, dict) else None
    if not isinstance(raw, str):
        return None
    name = re.sub(r"\s*['’]?\s*(?:19|20)?\d{2}$", "", plain(raw)).strip()
    if _ACRONYM.fullmatch(name) and any(c.isupper() for c in name):
        return name
    return None


def _date(message: dict[str, Any]) -> dict[str, int]:
    for name in ("issued", "published", "published-print", "published-online", "posted"):
        parts = mapping(message.get(name)).get("date-parts")
        if parts and isinstance(parts[0], list):
            found = year_month_day(parts[0])
            if found:
                return found
    return {}


def _abstract(message: dict[str, Any]) -> str | None:
    text = message.get("abstract")
    if not isinstance(text, str):
        return None
    return re.sub(r"^abstract\b[.:]?\s*", "", plain(text), flags=re.IGNORECASE) or None


def _work_type(message: dict[str, Any], doi: str | None, service: str) -> str:
    raw = str(message.get("type") or "")
    if raw in CONTAINERS:
        raise FetchError(service, doi or "", f"names a {raw.replace('-', ' ')}, not a work", "not-a-work")
    if message.get("subtype") == "preprint" or message.get("genre") == "preprint" or is_preprint_doi(doi):
        return "preprint"
    return TYPES.get(raw, "misc")


def record_from_csl(message: dict[str, Any], service: str = "Crossref") -> dict[str, Any]:
    """A scholar record from a Crossref work (``message``) or a CSL-JSON item."""
    doi = normalize_doi(str(message.get("DOI") or ""))
    work_type = _work_type(message, doi, service)
    title = clean_title(_first(message.get("title")) or "")
    subtitle = _first(message.get("subtitle"))
    if subtitle and title and not title.casefold().endswith(clean_title(subtitle).casefold()):
        title = f"{title}: {clean_title(subtitle)}"
    if not title:
        raise FetchError(service, doi or "", "the work has no title", "bad-response")
    authors = [name for name in (csl_name(a) for a in message.get("author") or [] if isinstance(a, dict)) if name]
    container = _first(message.get("container-title"))
    venue = acronym(message.get("event")) or (plain(container) if container else None)
    institutions = message.get("institution")
    if work_type == "preprint" and not venue and isinstance(institutions, list) and institutions:
        venue = _first([institutions[0].get("name")] if isinstance(institutions[0], dict) else None)
    return make_record(
        work_type,
        title,
        authors=authors,
        venue=venue,
        **_date(message),
        volume=str(message.get("volume") or ""),
        issue=str(message.get("issue") or ""),
        pages=str(message.get("page") or ""),
        publisher=plain(str(message.get("publisher") or "")),
        doi=doi,
        abstract=_abstract(message),
    )


def hints(message: dict[str, Any]) -> PublishedHints:
    """The published version a preprint's Crossref record names (``relation.is-preprint-of``)."""
    relations = mapping(message.get("relation"))
    for related in relations.get("is-preprint-of") or []:
        if isinstance(related, dict) and related.get("id-type") == "doi":
            doi = normalize_doi(str(related.get("id") or ""))
            if doi:
                return PublishedHints(doi=doi)
    return PublishedHints()


def work_url(doi: str) -> str:
    """The address of a DOI's Crossref record."""
    return f"{base_url('crossref')}/works/{quote(doi, safe='/:;()')}"


def message_of(reply: Reply, doi: str) -> dict[str, Any]:
    """The ``message`` of a Crossref answer; FetchError for 404 ("Resource not found.") and bad bodies."""
    check_status(reply, "crossref", doi, not_found="no such DOI in Crossref")
    data = parse_json(reply, "crossref", doi)
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict):
        raise FetchError("Crossref", doi, "answered without a work record", "bad-response")
    return message


def fetch(doi: str, client: Client) -> FetchedWork:
    """The work a DOI names, from Crossref."""
    reply = client.get("crossref", doi, work_url(doi), ttl=METADATA_TTL)
    message = message_of(reply, doi)
    return FetchedWork(record_from_csl(message), "crossref", hints(message))
