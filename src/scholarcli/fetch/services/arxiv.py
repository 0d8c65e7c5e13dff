"""arXiv's Atom API: ``/api/query?id_list={id}``.

Titles, abstracts and names are what the authors typed, which is LaTeX (``$L_1$``, ``Schr\\"odinger``):
they are read as LaTeX (fetch/text.py), where every other service's text is plain.

An unknown id gives an empty feed; a malformed one an error entry (``.../api/errors#...``), with
status 400 or 200 depending on the year. ``<arxiv:doi>`` and ``<arxiv:journal_ref>`` name the
published version, and become hints rather than the preprint's own fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from scholarcli.fetch import FetchedWork, FetchError, PublishedHints
from scholarcli.fetch.answers import check_status, parse_xml
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
    batch=100,  # ids one query reads ahead (id_list=A,B,...): few enough for one answer well under 8 MiB
    batch_chars=3500,
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


ACCEPT = "application/atom+xml"


def _feed(client: Client, shown: str, params: dict[str, str]) -> list[ElementTree.Element]:
    """The entries of the feed a query answers; FetchError for an error entry, a bad status or body."""
    reply = client.get(SERVICE.name, shown, f"{SERVICE.base_url()}/api/query", params=params, accept=ACCEPT)
    if reply.status not in (200, 400):
        check_status(reply, SERVICE.name, shown, not_found="no such arXiv id")
    feed = parse_xml(reply, SERVICE.name, shown)
    if feed.tag != f"{ATOM}feed":
        raise FetchError("arXiv", shown, "answered with something other than an Atom feed", "bad-response")
    _error_entry(feed, shown)
    check_status(reply, SERVICE.name, shown)
    return feed.findall(f"{ATOM}entry")


def fetch(identifier: Identifier, client: Client) -> FetchedWork:
    """The preprint an arXiv id names (that version, when the id has one)."""
    shown = f"arXiv:{identifier.versioned}"
    entries = _feed(client, shown, {"id_list": identifier.versioned, "max_results": "1"})
    if not entries:
        raise FetchError("arXiv", shown, "no such arXiv id (the answer lists no paper)", "not-found")
    record, hints = record_from_entry(entries[0], shown)
    return FetchedWork(record, "arxiv", hints)


def prefetch(ids: Sequence[str], client: Client) -> list[str]:
    """Read the entries of many arXiv ids (without version) in one query (``id_list=A,B,...``), each kept
    as the answer its own lookup (:func:`fetch`) reads; the ids arXiv answered for, once each."""
    asked = {ident.casefold(): ident for ident in ids}
    entries = _feed(client, f"{len(ids)} arXiv ids", {"id_list": ",".join(ids), "max_results": str(len(ids))})
    named: dict[str, list[ElementTree.Element]] = {}
    for entry in entries:
        address = _text(entry, f"{ATOM}id").strip()
        found = arxiv_id(address.split("/abs/")[-1]) if "/abs/" in address else None
        if found is not None and found.value.casefold() in asked:
            named.setdefault(asked[found.value.casefold()], []).append(entry)
    url = f"{SERVICE.base_url()}/api/query"
    for ident, same in named.items():
        if len(same) == 1:  # twice: which is it? Its own lookup asks
            text = f'<feed xmlns="{ATOM[1:-1]}">{ElementTree.tostring(same[0], encoding="unicode")}</feed>'
            client.keep(SERVICE.name, url, text, params={"id_list": ident, "max_results": "1"}, accept=ACCEPT)
    return [ident for ident, same in named.items() if len(same) == 1]
