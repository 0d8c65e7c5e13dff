"""Semantic Scholar's Graph API: citation counts in batches (``POST /graph/v1/paper/batch``).

The batch endpoint takes up to 500 ids (``DOI:...``, ``ARXIV:...``) and answers with a list in the
order asked, ``null`` for an id it does not know. Each paper is matched to a work by the DOI or
arXiv id in its own ``externalIds``, never by its place in the list: an answer that leaves a paper
out, repeats one, or names one not asked for cannot give a work another's count.

An API key (``SEMANTIC_SCHOLAR_API_KEY`` or ``semanticscholar_api_key`` in the config file) is sent
as ``x-api-key`` and kept out of the cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from scholarcli.fetch.answers import CITATION_TTL
from scholarcli.fetch.identify import arxiv_id, doi_key, normalize_doi
from scholarcli.fetch.service import Pace, Service
from scholarcli.fetch.value import Value

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client

SERVICE = Service(
    name="semanticscholar",
    shown="Semantic Scholar",
    url="https://api.semanticscholar.org",
    looks_up=frozenset({"citations"}),
    # Semantic Scholar's introductory rate with a key is 1 request a second; without one, requests share
    # a pool that answers 429 under load: one a second either way, one at a time.
    pace=Pace(rate=1, concurrency=1),
    keyed_by="semanticscholar_api_key",
    batch=500,  # ids one batch request may carry
    matches_by="DOI or arXiv id",
    counts_by=("doi", "arxiv"),
    order=20,
)
PREFIXES = {"doi": "DOI:", "arxiv": "ARXIV:"}
FIELDS = "externalIds,citationCount"


def _asked_key(kind: str, paper: Value) -> str | None:
    """The key (as :func:`citation_counts` is asked) of the DOI or arXiv id a paper names itself by."""
    ids = paper["externalIds"]
    if kind == "doi":
        doi = normalize_doi(ids["DOI"].text() or "")
        return doi_key(doi) if doi else None
    found = arxiv_id(ids["ArXiv"].text() or "")
    return found.value.casefold() if found else None


def citation_counts(kind: str, ids: Sequence[str], client: Client) -> list[tuple[str, Value]]:
    """One batch request: (asked id, its ``citationCount``) for each paper the answer names by an asked id."""
    key = client.config.semanticscholar_api_key
    asked = {(doi_key(ident) if kind == "doi" else ident.casefold()): ident for ident in ids}
    data = client.post_json(
        SERVICE.name,
        f"{len(ids)} ids",
        f"{SERVICE.base_url()}/graph/v1/paper/batch",
        {"ids": [PREFIXES[kind] + ident for ident in ids]},
        params={"fields": FIELDS},
        secret_headers={"x-api-key": key} if key else None,
        ttl=CITATION_TTL,
    )
    found = []
    for paper in Value(data).items():
        ident = asked.get(_asked_key(kind, paper) or "")
        if ident is not None:
            found.append((ident, paper["citationCount"]))
    return found
