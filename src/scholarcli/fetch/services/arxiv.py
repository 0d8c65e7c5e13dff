"""arXiv's Atom API: ``/api/query?id_list={id}``.

Titles, abstracts and names are what the authors typed, which is LaTeX (``$L_1$``, ``Schr\\"odinger``):
they are read as LaTeX (fetch/text.py), where every other service's text is plain.

An unknown id gives an empty feed; a malformed one an error entry (``.../api/errors#...``), with
status 400 or 200 depending on the year. ``<arxiv:doi>`` and ``<arxiv:journal_ref>`` name the
published version, and become hints rather than the preprint's own fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from scholarcli.fetch import FetchedWork, FetchError, PublishedHints
from scholarcli.fetch.answers import METADATA_TTL, check_status, parse_xml
from scholarcli.fetch.identify import Identifier, arxiv_id, normalize_doi
from scholarcli.fetch.records import iso_date, make_record
from scholarcli.fetch.service import Pace, Service
from scholarcli.fetch.service_text import from_latex, latex_person_name, latex_title

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client

SERVICE = Service(
    name="arxiv",
    shown="arXiv",
    url="https://export.arxiv.org",
    looks_up=frozenset({"arxiv"}),
    pace=Pace(rate=1 / 3, concurrency=1),  # arXiv's API terms: one request every three seconds, one at a time
    order=60,
)


ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"


def _text(element: ElementTree.Element, tag: str) -> str:
    found = element.find(tag)
    return "".join(found.itertext()) if found is not None else ""


def _categories(entry: ElementTree.Element) -> list[str]:
    primary = entry.find(f"{ARXIV}primary_category")
    terms = [primary.get("term", "")] if primary is not None else []
    terms += [category.get("term", "") for category in entry.findall(f"{ATOM}category")]
    return [term for term in dict.fromkeys(terms) if term]


def _error_entry(feed: ElementTree.Element, identifier: str) -> None:
    for entry in feed.findall(f"{ATOM}entry"):
        if "/api/errors" in _text(entry, f"{ATOM}id"):
            reason = from_latex(_text(entry, f"{ATOM}summary"))[:200] or "error"
            raise FetchError("arXiv", identifier, f"refused: {reason}", "malformed")


def record_from_entry(entry: ElementTree.Element, identifier: str) -> tuple[dict[str, Any], PublishedHints]:
    """A preprint record and the published-version hints from one Atom ``<entry>``."""
    address = _text(entry, f"{ATOM}id").strip()
    found = arxiv_id(address.split("/abs/")[-1]) if "/abs/" in address else None
    title = latex_title(_text(entry, f"{ATOM}title"))
    if found is None or not title:
        raise FetchError("arXiv", identifier, "answered with an entry that is not a paper", "bad-response")
    authors = [latex_person_name(_text(author, f"{ATOM}name")) for author in entry.findall(f"{ATOM}author")]
    record = make_record(
        "preprint",
        title,
        authors=authors,
        venue="arXiv",
        **iso_date(_text(entry, f"{ATOM}published")),
        arxiv=found.value,
        categories=_categories(entry),
        abstract=from_latex(_text(entry, f"{ATOM}summary")),
    )
    journal_ref = from_latex(_text(entry, f"{ARXIV}journal_ref")) or None
    return record, PublishedHints(doi=normalize_doi(_text(entry, f"{ARXIV}doi")), journal_ref=journal_ref)


def fetch(identifier: Identifier, client: Client) -> FetchedWork:
    """The preprint an arXiv id names (that version, when the id has one)."""
    shown = f"arXiv:{identifier.versioned}"
    url = f"{SERVICE.base_url()}/api/query"
    params = {"id_list": identifier.versioned, "max_results": "1"}
    reply = client.get("arxiv", shown, url, params=params, accept="application/atom+xml", ttl=METADATA_TTL)
    if reply.status not in (200, 400):
        check_status(reply, "arxiv", shown, not_found="no such arXiv id")
    feed = parse_xml(reply, "arxiv", shown)
    if feed.tag != f"{ATOM}feed":
        raise FetchError("arXiv", shown, "answered with something other than an Atom feed", "bad-response")
    _error_entry(feed, shown)
    check_status(reply, "arxiv", shown)
    entries = feed.findall(f"{ATOM}entry")
    if not entries:
        raise FetchError("arXiv", shown, "no such arXiv id (the answer lists no paper)", "not-found")
    record, hints = record_from_entry(entries[0], shown)
    return FetchedWork(record, "arxiv", hints)
