"""OpenAlex: a work by DOI (``/works/doi:{doi}``), an author (``/authors/{id}``), an author's works
(``/works?filter=author.id:{id}``, paged by cursor), a title search, and ``cited_by_count``.

The API key comes from ``OPENALEX_API_KEY`` or the user's config file (see :mod:`.config`); it is
sent as a parameter and kept out of the cache.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from scholarcli.fetch import FetchError
from scholarcli.fetch.crossref import TYPES as CROSSREF_TYPES
from scholarcli.fetch.http import METADATA_TTL, base_url
from scholarcli.fetch.identify import arxiv_id
from scholarcli.fetch.shape import is_preprint_doi, iso_date, make_record, mapping
from scholarcli.fetch.text import clean_title, normalize_doi, person_name, plain

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client

TYPES = {
    "article": "article",
    "preprint": "preprint",
    "book": "book",
    "book-chapter": "incollection",
    "dissertation": "thesis",
    "report": "techreport",
}
PAGE_SIZE = 200
MAX_PAGES = 50  # 10,000 works: more than any one person's


def secret_params(client: Client) -> dict[str, str]:
    """The API key parameter, when the user configured a key."""
    key = client.config.openalex_api_key
    return {"api_key": key} if key else {}


def _abstract(index: Any) -> str | None:
    """The abstract from OpenAlex's inverted index ({word: [positions]})."""
    if not isinstance(index, dict) or not index:
        return None
    placed = sorted((position, word) for word, positions in index.items() for position in positions or [])
    return plain(" ".join(word for _, word in placed)) or None


def _pages(biblio: Any) -> str | None:
    if not isinstance(biblio, dict) or not biblio.get("first_page"):
        return None
    first, last = str(biblio["first_page"]), str(biblio.get("last_page") or "")
    return first if not last or last == first else f"{first}-{last}"


def _arxiv(work: dict[str, Any]) -> str | None:
    for location in work.get("locations") or []:
        address = str((location or {}).get("landing_page_url") or "")
        match = re.search(r"arxiv\.org/abs/([^?#]+)", address)
        found = arxiv_id(match.group(1)) if match else None
        if found:
            return found.value
    return None


def _work_type(work: dict[str, Any], doi: str | None, source: dict[str, Any]) -> str:
    if work.get("type") == "preprint" or is_preprint_doi(doi):
        return "preprint"
    crossref = CROSSREF_TYPES.get(str(work.get("type_crossref") or ""))
    if crossref and crossref != "preprint":
        return crossref
    if work.get("type") == "article" and source.get("type") == "conference":
        return "inproceedings"
    return TYPES.get(str(work.get("type") or ""), "misc")


def record_from_work(work: dict[str, Any]) -> dict[str, Any]:
    """A scholar record from an OpenAlex work object."""
    doi = normalize_doi(str(work.get("doi") or ""))
    title = clean_title(str(work.get("title") or work.get("display_name") or ""))
    if not title:
        raise FetchError("OpenAlex", str(work.get("id") or ""), "the work has no title", "bad-response")
    location = mapping(work.get("primary_location"))
    source = mapping(location.get("source"))
    biblio = mapping(work.get("biblio"))
    authors = [
        person_name(str((a.get("author") or {}).get("display_name") or "")) for a in work.get("authorships") or []
    ]
    dates = iso_date(work.get("publication_date")) or iso_date(str(work.get("publication_year") or ""))
    return make_record(
        _work_type(work, doi, source),
        title,
        authors=authors,
        venue=plain(str(source.get("display_name") or "")),
        **dates,
        volume=str(biblio.get("volume") or ""),
        issue=str(biblio.get("issue") or ""),
        pages=_pages(biblio),
        publisher=plain(str(source.get("host_organization_name") or "")),
        doi=doi,
        arxiv=_arxiv(work),
        abstract=_abstract(work.get("abstract_inverted_index")),
    )


def work_by_doi(doi: str, client: Client, ttl: float = METADATA_TTL) -> dict[str, Any]:
    """The OpenAlex work object of a DOI (arXiv papers by their DOI 10.48550/arXiv.<id>)."""
    url = f"{base_url('openalex')}/works/doi:{quote(doi, safe='/:;()')}"
    data = client.json("openalex", doi, url, secret_params=secret_params(client), ttl=ttl, not_found="unknown DOI")
    if not isinstance(data, dict) or "id" not in data:
        raise FetchError("OpenAlex", doi, "answered without a work", "bad-response")
    return data


def author(ident: str, client: Client) -> dict[str, Any]:
    """An author object by OpenAlex id ("A5023888391") or ORCID iD ("orcid:0000-...")."""
    url = f"{base_url('openalex')}/authors/{quote(ident, safe=':')}"
    data = client.json("openalex", ident, url, secret_params=secret_params(client), not_found="no such author")
    if not isinstance(data, dict) or not str(data.get("id") or "").rsplit("/", 1)[-1].startswith("A"):
        raise FetchError("OpenAlex", ident, "answered with something other than an author", "bad-response")
    return data


def works(
    filter_: str, client: Client, shown: str, ttl: float = METADATA_TTL, pages: int = MAX_PAGES, size: int = PAGE_SIZE
) -> list[dict[str, Any]]:
    """The works matching a filter, page after page (cursor paging), up to ``pages`` pages."""
    url, found, cursor = f"{base_url('openalex')}/works", [], "*"
    for _ in range(pages):
        params = {"filter": filter_, "per-page": str(size), "cursor": cursor}
        data = client.json("openalex", shown, url, params=params, secret_params=secret_params(client), ttl=ttl)
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list):
            raise FetchError("OpenAlex", shown, "answered without a list of works", "bad-response")
        found += [work for work in results if isinstance(work, dict)]
        cursor = str((data.get("meta") or {}).get("next_cursor") or "")
        if not results or not cursor:
            break
    return found


def title_filter(title: str, year: int) -> str:
    """A filter for works with these words in the title and this publication year."""
    words = re.sub(r"[,:|!()\"]", " ", plain(title))
    return f"title.search:{' '.join(words.split())},publication_year:{year}"
