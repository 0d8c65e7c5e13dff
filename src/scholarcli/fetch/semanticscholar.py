"""Semantic Scholar's Graph API: ``/graph/v1/paper/{DOI:doi | ARXIV:id}`` with ``citationCount``."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from scholarcli.fetch import FetchError
from scholarcli.fetch.citations import count
from scholarcli.fetch.http import CITATION_TTL, base_url, check_status, parse_json
from scholarcli.fetch.value import Value

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client

FIELDS = "title,year,externalIds,citationCount"


def paper(kind: str, value: str, client: Client) -> tuple[Value, float]:
    """A paper by DOI (``kind`` "DOI") or arXiv id ("ARXIV"), and when it was fetched."""
    shown = f"{kind}:{value}"
    url = f"{base_url('semanticscholar')}/graph/v1/paper/{quote(shown, safe=':/')}"
    reply = client.get("semanticscholar", shown, url, params={"fields": FIELDS}, ttl=CITATION_TTL)
    check_status(reply, "semanticscholar", shown, not_found="unknown paper")
    data = Value(parse_json(reply, "semanticscholar", shown))
    if data["citationCount"].raw is None:
        raise FetchError("Semantic Scholar", shown, "answered without a citation count", "bad-response")
    count(data["citationCount"], "Semantic Scholar", shown)  # a count a library can hold, or FetchError
    return data, reply.fetched_at
