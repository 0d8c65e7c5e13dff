"""Citation counts (``scholar refresh --citations``) from OpenAlex, Semantic Scholar or Crossref.

A work is matched by its DOI, then its arXiv id, then (OpenAlex only) its exact title and year.
A service that does not know the work leaves it unmatched; a failure for one work is recorded
against that work and the others are still counted. Counts are cached for a day.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from scholarcli.fetch import CitationCount, CitationResult, FetchError
from scholarcli.fetch.http import CITATION_TTL, base_url, check_status, parse_json, service_name
from scholarcli.fetch.text import clean_title, plain, title_key
from scholarcli.fetch.value import Value

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client
    from scholarcli.model import Work

Source = Literal["openalex", "semanticscholar", "crossref"]
Pick = Callable[[Value], "Value | None"]  # the count in an answer, of any type; None when there is none


def _day(timestamp: float) -> dt.date:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).date()


def _count(service: str, shown: str, url: str, client: Client, pick: Pick, **options: Any) -> CitationCount | None:
    """The count one address gives (None when the service does not know the work)."""
    reply = client.get(service, shown, url, ttl=CITATION_TTL, **options)
    try:
        check_status(reply, service, shown)
    except FetchError as error:
        if error.kind == "not-found":
            return None
        raise
    found = pick(Value(parse_json(reply, service, shown)))
    if found is None:
        return None
    return CitationCount(count(found, service_name(service), shown), service, _day(reply.fetched_at))


def count(value: Value, service: str, shown: str) -> int:
    """A citation count: a whole number a library can hold (0 to 2**63-1); FetchError for any other value."""
    number = value.whole() if type(value.raw) is int else None
    if number is None:
        wrong = " ".join(json.dumps(value.raw, ensure_ascii=False)[:40].split())
        raise FetchError(service, shown, f"answered with a citation count that is no count ({wrong})", "bad-response")
    return number


def _field(name: str) -> Pick:
    """The member ``name`` of an object: nothing when it is missing or null, else whatever it is."""

    def pick(data: Value) -> Value | None:
        found = data[name]
        return None if found.raw is None else found

    return pick


def _openalex_by_title(work: Work, client: Client) -> CitationCount | None:
    from scholarcli.fetch import openalex

    if work.year is None:
        return None
    wanted = title_key(work.title)

    def pick(data: Value) -> Value | None:
        for item in data["results"].items():
            same = title_key(clean_title(plain(item["title"].text() or item["display_name"].text() or ""))) == wanted
            if same and item["publication_year"].raw == work.year:
                return _field("cited_by_count")(item)
        return None

    params = {"filter": openalex.title_filter(work.title, work.year), "per-page": "25"}
    url = f"{base_url('openalex')}/works"
    secret = openalex.secret_params(client)
    return _count("openalex", work.title[:60], url, client, pick, params=params, secret_params=secret)


def _openalex(work: Work, client: Client) -> CitationCount | None:
    from scholarcli.fetch import openalex

    dois = [work.doi] if work.doi else []
    dois += [f"10.48550/arXiv.{work.arxiv}"] if work.arxiv else []
    for doi in dois:
        url = f"{base_url('openalex')}/works/doi:{quote(doi, safe='/:;()')}"
        secret = openalex.secret_params(client)
        found = _count("openalex", doi, url, client, _field("cited_by_count"), secret_params=secret)
        if found is not None:
            return found
    return _openalex_by_title(work, client)


def _semanticscholar(work: Work, client: Client) -> CitationCount | None:
    ids = [f"DOI:{work.doi}"] if work.doi else []
    ids += [f"ARXIV:{work.arxiv}"] if work.arxiv else []
    for paper in ids:
        url = f"{base_url('semanticscholar')}/graph/v1/paper/{quote(paper, safe=':/')}"
        params = {"fields": "title,year,externalIds,citationCount"}
        found = _count("semanticscholar", paper, url, client, _field("citationCount"), params=params)
        if found is not None:
            return found
    return None


def _crossref(work: Work, client: Client) -> CitationCount | None:
    from scholarcli.fetch.crossref import work_url

    if not work.doi:
        return None

    def pick(data: Value) -> Value | None:
        return _field("is-referenced-by-count")(data["message"])

    return _count("crossref", work.doi, work_url(work.doi), client, pick)


LOOKUPS: dict[str, Callable[[Work, Client], CitationCount | None]] = {
    "openalex": _openalex,
    "semanticscholar": _semanticscholar,
    "crossref": _crossref,
}


def fetch_citations(works: Sequence[Work], source: Source, client: Client) -> CitationResult:
    """Counts per work key; see :func:`scholarcli.fetch.fetch_citations`."""
    lookup = LOOKUPS.get(source)
    if lookup is None:
        raise FetchError(
            "scholar", source, "not a citation source (openalex, semanticscholar, crossref)", "unsupported"
        )
    counts: dict[str, CitationCount] = {}
    unmatched: list[str] = []
    failures: dict[str, str] = {}
    for work in works:
        try:
            found = lookup(work, client)
        except FetchError as error:
            failures[work.key] = str(error)
            continue
        if found is None:
            unmatched.append(work.key)
        else:
            counts[work.key] = found
    return CitationResult(counts, unmatched, failures)
