"""Crossref's REST API: ``/works/{doi}`` (metadata, relations, is-referenced-by-count).

The mapping here also reads CSL-JSON (doi.org's content negotiation), which shares Crossref's
field names but gives titles as strings instead of lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from scholarcli.fetch import FetchedWork, FetchError, PublishedHints
from scholarcli.fetch.answers import CITATION_TTL, METADATA_TTL, check_status, parse_json
from scholarcli.fetch.identify import doi_key, is_preprint_doi, normalize_doi
from scholarcli.fetch.records import make_record, year_month_day
from scholarcli.fetch.service import Pace, Service
from scholarcli.fetch.service_text import clean_title, csl_name, plain, title_key
from scholarcli.fetch.value import Value

if TYPE_CHECKING:
    from scholarcli.fetch.answers import Reply
    from scholarcli.fetch.http import Client

SERVICE = Service(
    name="crossref",
    shown="Crossref",
    url="https://api.crossref.org",
    looks_up=frozenset({"doi", "citations"}),
    # Crossref's documented limits: 5 requests a second, 1 at once, for a user it does not know; 10 and 3
    # in its polite pool, for a request that names a contact address (our User-Agent's mailto).
    pace=Pace(rate=5, concurrency=1),
    keyed_pace=Pace(rate=10, concurrency=3),
    keyed_by="contact_email",
    batch=50,  # DOIs a works query asks for (filter=doi:A,doi:B,...): 50 full records stay far under 8 MiB
    batch_chars=3500,  # and the request line stays under the 4,000 characters servers commonly accept
    matches_by="DOI",
    counts_by=("doi",),
    order=30,
)


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


def acronym(event: Value) -> str | None:
    """A conference acronym from Crossref's ``event.acronym`` ("WWW '18" -> "WWW"), if recognisable."""
    raw = event["acronym"].text()
    if raw is None:
        return None
    name = re.sub(r"\s*['’]?\s*(?:19|20)?\d{2}$", "", plain(raw)).strip()
    if _ACRONYM.fullmatch(name) and any(c.isupper() for c in name):
        return name
    return None


def _date(message: Value) -> dict[str, int]:
    for name in ("issued", "published", "published-print", "published-online", "posted"):
        parts = message[name]["date-parts"].items()
        found = year_month_day([part.raw for part in parts[0].items()]) if parts else {}
        if found:
            return found
    return {}


def _abstract(message: Value) -> str | None:
    text = message["abstract"].text()
    if text is None:
        return None
    return re.sub(r"^abstract\b[.:]?\s*", "", plain(text), flags=re.IGNORECASE) or None


def _work_type(message: Value, doi: str | None, service: str, asked: str) -> str:
    raw = message["type"].text() or ""
    if raw in CONTAINERS:
        raise FetchError(service, asked or doi or "", f"names a {raw.replace('-', ' ')}, not a work", "not-a-work")
    if message["subtype"].text() == "preprint" or message["genre"].text() == "preprint" or is_preprint_doi(doi):
        return "preprint"
    return TYPES.get(raw, "misc")


def _title(message: Value) -> str:
    """The title, with its subtitle when the title does not end with it already."""
    title = clean_title(plain(message["title"].first_text() or ""))
    subtitle = clean_title(plain(message["subtitle"].first_text() or ""))
    if subtitle and title and not title_key(title).endswith(title_key(subtitle)):
        title = f"{title}: {subtitle}"
    return title


def _venue(message: Value, work_type: str) -> str | None:
    container = message["container-title"].first_text()
    venue = acronym(message["event"]) or (plain(container) if container else None)
    institutions = message["institution"].items()
    if work_type == "preprint" and not venue and institutions:
        venue = plain(institutions[0]["name"].first_text() or "") or None
    return venue


def record_from_csl(message: Value, service: str = "Crossref", asked: str = "") -> dict[str, Any]:
    """A scholar record from a Crossref work (``message``) or a CSL-JSON item, asked for by the DOI ``asked``."""
    doi = normalize_doi(message["DOI"].text() or "")
    work_type = _work_type(message, doi, service, asked)
    title = _title(message)
    if not title:
        raise FetchError(service, asked or doi or "", "the work has no title", "bad-response")
    return make_record(
        work_type,
        title,
        authors=[name for name in (csl_name(author) for author in message["author"].items()) if name],
        venue=_venue(message, work_type),
        **_date(message),
        volume=message["volume"].label(),
        issue=message["issue"].label(),
        pages=message["page"].label(),
        publisher=plain(message["publisher"].text() or ""),
        doi=doi,
        abstract=_abstract(message),
    )


def hints(message: Value) -> PublishedHints:
    """The published version a preprint's Crossref record names (``relation.is-preprint-of``)."""
    for related in message["relation"]["is-preprint-of"].items():
        if related["id-type"].text() == "doi":
            doi = normalize_doi(related["id"].text() or "")
            if doi:
                return PublishedHints(doi=doi)
    return PublishedHints()


def work_url(doi: str) -> str:
    """The address of a DOI's Crossref record."""
    return f"{SERVICE.base_url()}/works/{quote(doi, safe='/:;()')}"


def message_of(reply: Reply, doi: str) -> Value:
    """The ``message`` of a Crossref answer; FetchError for 404 ("Resource not found.") and bad bodies."""
    check_status(reply, "crossref", doi, not_found="no such DOI in Crossref")
    message = Value(parse_json(reply, "crossref", doi))["message"]
    if not message.is_object():
        raise FetchError("Crossref", doi, "answered without a work record", "bad-response")
    return message


def fetch(doi: str, client: Client) -> FetchedWork:
    """The work a DOI names, from Crossref (not asked again for a DOI a works query just did not list)."""
    if client.recall(SERVICE.name, "unlisted", doi_key(doi), METADATA_TTL) is not None:
        raise FetchError(SERVICE.shown, doi, "no such DOI in Crossref (a works query for it listed none)", "not-found")
    reply = client.get("crossref", doi, work_url(doi), ttl=METADATA_TTL)
    message = message_of(reply, doi)
    return FetchedWork(record_from_csl(message, asked=doi), "crossref", hints(message))


def works_query(dois: Sequence[str], client: Client, ttl: float, select: str | None = None) -> list[tuple[str, Value]]:
    """One works query (``filter=doi:A,doi:B,...``): (asked DOI, its work) for each work the answer names
    by an asked DOI (case aside); a work named by none is left out, one named twice is there twice."""
    asked = {doi_key(doi): doi for doi in dois}
    params = {"filter": ",".join(f"doi:{doi}" for doi in dois), "rows": str(len(dois))}
    params |= {"select": select} if select else {}
    shown = f"{len(dois)} DOIs"
    reply = client.get(SERVICE.name, shown, f"{SERVICE.base_url()}/works", params=params, ttl=ttl)
    check_status(reply, SERVICE.name, shown)
    items = Value(parse_json(reply, SERVICE.name, shown)).at("message", "items")
    if not isinstance(items.raw, list):
        raise FetchError(SERVICE.shown, shown, "answered without a list of works", "bad-response")
    found = []
    for item in items.items():
        doi = normalize_doi(item["DOI"].text() or "")
        if doi and doi_key(doi) in asked:
            found.append((asked[doi_key(doi)], item))
    return found


def citation_counts(kind: str, ids: Sequence[str], client: Client) -> list[tuple[str, Value]]:
    """(asked DOI, its ``is-referenced-by-count``) for each DOI Crossref knows; one request."""
    found = works_query(ids, client, CITATION_TTL, select="DOI,is-referenced-by-count")
    return [(doi, work["is-referenced-by-count"]) for doi, work in found]


def prefetch(dois: Sequence[str], client: Client) -> list[str]:
    """Read the works of many DOIs in one request, kept as the answer each DOI's own lookup
    (:func:`fetch`) reads, and the DOIs it does not list remembered as such (their lookups go on to
    doi.org at once); the DOIs Crossref answered for."""
    import json

    found = works_query(dois, client, METADATA_TTL)
    named = [doi for doi, _ in found]
    found = [(doi, work) for doi, work in found if named.count(doi) == 1]  # twice: which is it? Asked alone later
    for doi, work in found:
        answer = {"status": "ok", "message-type": "work", "message": work.raw}
        client.keep(SERVICE.name, work_url(doi), json.dumps(answer, ensure_ascii=False))
    for doi in set(dois) - set(named):
        client.remember(SERVICE.name, "unlisted", doi_key(doi), True)
    return [doi for doi, _ in found]
