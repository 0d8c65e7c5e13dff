"""Semantic Scholar's Graph API: ``/graph/v1/paper/{DOI:doi | ARXIV:id}`` with ``citationCount``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from scholarcli.fetch import FetchError
from scholarcli.fetch.http import CITATION_TTL, base_url, check_status, parse_json

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client

FIELDS = "title,year,externalIds,citationCount"


def paper(kind: str, value: str, client: Client) -> tuple[dict[str, Any], float]:
    """A paper by DOI (``kind`` "DOI") or arXiv id ("ARXIV"), and when it was fetched."""
    shown = f"{kind}:{value}"
    url = f"{base_url('semanticscholar')}/graph/v1/paper/{quote(shown, safe=':/')}"
    reply = client.get("semanticscholar", shown, url, params={"fields": FIELDS}, ttl=CITATION_TTL)
    check_status(reply, "semanticscholar", shown, not_found="unknown paper")
    data = parse_json(reply, "semanticscholar", shown)
    if not isinstance(data, dict) or not isinstance(data.get("citationCount"), int):
        raise FetchError("Semantic Scholar", shown, "answered without a citation count", "bad-response")
    return data, reply.fetched_at
