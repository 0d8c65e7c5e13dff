"""doi.org content negotiation: any registered DOI (Crossref, DataCite, mEDRA, ...) as CSL-JSON.

``GET https://doi.org/{doi}`` with ``Accept: application/vnd.citationstyles.csl+json`` redirects to
the registration agency, which answers with one CSL-JSON item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from scholarcli.fetch import FetchedWork, FetchError
from scholarcli.fetch.answers import METADATA_TTL, check_status, parse_json
from scholarcli.fetch.service import Pace, Service
from scholarcli.fetch.services.crossref import hints, record_from_csl
from scholarcli.fetch.value import Value

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client

SERVICE = Service(
    name="doi",
    shown="doi.org",
    url="https://doi.org",
    looks_up=frozenset({"doi"}),
    pace=Pace(rate=5, concurrency=2),  # doi.org hands each request to a registration agency: gently
    order=80,
)


CSL_JSON = "application/vnd.citationstyles.csl+json"


def fetch(doi: str, client: Client) -> FetchedWork:
    """The work a DOI names, from its registration agency by way of doi.org."""
    url = f"{SERVICE.base_url()}/{quote(doi, safe='/:;()')}"
    reply = client.get("doi", doi, url, accept=CSL_JSON, ttl=METADATA_TTL)
    check_status(reply, "doi", doi, not_found="no such DOI")
    item = Value(parse_json(reply, "doi", doi))
    items = item.items()
    if len(items) == 1:
        item = items[0]
    if not item.is_object():
        raise FetchError("doi.org", doi, "answered without a CSL-JSON item", "bad-response")
    return FetchedWork(record_from_csl(item, "doi.org", doi), "doi.org", hints(item))
