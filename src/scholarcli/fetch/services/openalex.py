"""OpenAlex: a work by DOI (``/works/doi:{doi}``), an author (``/authors/{id}``), an author's works
(``/works?filter=author.id:{id}``, paged by cursor), a title search, and ``cited_by_count``.

The API key comes from ``OPENALEX_API_KEY`` or the user's config file (see :mod:`.config`); it is
sent as a parameter and kept out of the cache.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from scholarcli.fetch import FetchError, ProfileResult, Progress
from scholarcli.fetch.answers import CITATION_TTL, METADATA_TTL
from scholarcli.fetch.identify import arxiv_id, doi_key, is_preprint_doi, normalize_doi
from scholarcli.fetch.profiles import convert, merged
from scholarcli.fetch.records import iso_date, make_record, year_month_day
from scholarcli.fetch.service import Pace, Service
from scholarcli.fetch.service_text import clean_title, markup, person_name, plain, title_key
from scholarcli.fetch.services.crossref import TYPES as CROSSREF_TYPES
from scholarcli.fetch.value import Value

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client

SERVICE = Service(
    name="openalex",
    shown="OpenAlex",
    url="https://api.openalex.org",
    looks_up=frozenset({"citations", "profile"}),
    pace=Pace(rate=10, concurrency=5),  # OpenAlex's documented limit: 10 requests a second
    batch=100,  # values OpenAlex ORs in one filter (doi:A|B|...)
    batch_chars=3500,  # and the request line stays under the ~4,000 characters OpenAlex accepts
    matches_by="DOI, arXiv id, or title and year",
    counts_by=("doi", "arxiv"),
    profile="Every work of an OpenAlex author id (A5023888391).",
    order=10,
)


TYPES = {
    "article": "article",
    "preprint": "preprint",
    "book": "book",
    "book-chapter": "incollection",
    "dissertation": "thesis",
    "report": "techreport",
}
# A page of works is the largest answer scholar asks for. OpenAlex lists at most 100 authors of a
# work in a list (is_authors_truncated), about 1 kB each; with only the fields read here (a work
# of 9 authors is 19 kB of its 29 kB), 100 works of 100 authors stay under the client's 8 MiB.
PAGE_SIZE = 100
MAX_PAGES = 100  # 10,000 works: more than any one person's
WORK_FIELDS = (
    "id,doi,title,display_name,type,type_crossref,publication_date,publication_year,primary_location,locations,"
    "authorships,is_authors_truncated,biblio,abstract_inverted_index"
)
MAX_ABSTRACT_WORDS = 100_000  # a record holds at most 1 MiB; an abstract is a few hundred words


def secret_params(client: Client) -> dict[str, str]:
    """The API key parameter, when the user configured a key."""
    key = client.config.openalex_api_key
    return {"api_key": key} if key else {}


def _abstract(work: Value) -> str | None:
    """The abstract from OpenAlex's inverted index ({word: [positions]}); FetchError for one no abstract has."""
    placed: list[tuple[int, str]] = []
    for word, positions in work["abstract_inverted_index"].members():
        placed += [(position, word) for item in positions.items() if (position := item.whole()) is not None]
        if len(placed) > MAX_ABSTRACT_WORDS:
            message = f"answered with an abstract of more than {MAX_ABSTRACT_WORDS:,} words"
            raise FetchError("OpenAlex", work["id"].text() or "", message, "bad-response")
    return plain(" ".join(word for _, word in sorted(placed))) or None


def _pages(biblio: Value) -> str | None:
    first, last = biblio["first_page"].label(), biblio["last_page"].label()
    if not first:
        return None
    return first if not last or last == first else f"{first}-{last}"


def _arxiv(work: Value) -> str | None:
    for location in work["locations"].items():
        match = re.search(r"arxiv\.org/abs/([^?#\s]+)", location["landing_page_url"].text() or "")
        found = arxiv_id(match.group(1)) if match else None
        if found:
            return found.value
    return None


def _work_type(work: Value, doi: str | None, source: Value) -> str:
    kind = work["type"].text() or ""
    if kind == "preprint" or is_preprint_doi(doi):
        return "preprint"
    crossref = CROSSREF_TYPES.get(work["type_crossref"].text() or "")
    if crossref and crossref != "preprint":
        return crossref
    if kind == "article" and source["type"].text() == "conference":
        return "inproceedings"
    return TYPES.get(kind, "misc")


def record_from_work(work: Value) -> dict[str, Any]:
    """A scholar record from an OpenAlex work object."""
    doi = normalize_doi(work["doi"].text() or "")
    title = clean_title(plain(work["title"].text() or work["display_name"].text() or ""))
    if not title:
        raise FetchError("OpenAlex", work["id"].text() or "", "the work has no title", "bad-response")
    source = work.at("primary_location", "source")
    biblio = work["biblio"]
    authors = [person_name(plain(a.at("author", "display_name").text() or "")) for a in work["authorships"].items()]
    dates = iso_date(work["publication_date"].text()) or year_month_day([work["publication_year"].raw])
    return make_record(
        _work_type(work, doi, source),
        title,
        authors=authors,
        authors_truncated=work["is_authors_truncated"].raw is True,
        venue=plain(source["display_name"].text() or ""),
        **dates,
        volume=biblio["volume"].label(),
        issue=biblio["issue"].label(),
        pages=_pages(biblio),
        publisher=plain(source["host_organization_name"].text() or ""),
        doi=doi,
        arxiv=_arxiv(work),
        abstract=_abstract(work),
    )


_AUTHOR_ID = re.compile(r"A\d{1,19}")


def author_id(author: Value) -> str | None:
    """An author's OpenAlex id ("A5023888391"), from its address; None when it is no such id."""
    found = (author["id"].text() or "").rsplit("/", 1)[-1]
    return found if _AUTHOR_ID.fullmatch(found) else None


def author(ident: str, client: Client) -> Value:
    """An author object by OpenAlex id ("A5023888391") or ORCID iD ("orcid:0000-...")."""
    url = f"{SERVICE.base_url()}/authors/{quote(ident, safe=':')}"
    found = Value(client.json("openalex", ident, url, secret_params=secret_params(client), not_found="no such author"))
    if author_id(found) is None:
        raise FetchError("OpenAlex", ident, "answered with something other than an author", "bad-response")
    return found


def works(
    filter_: str, client: Client, shown: str, ttl: float = METADATA_TTL, pages: int = MAX_PAGES, size: int = PAGE_SIZE
) -> list[Value]:
    """The works matching a filter, page after page (cursor paging), up to ``pages`` pages."""
    url, found, cursor = f"{SERVICE.base_url()}/works", [], "*"
    for _ in range(pages):
        params = {"filter": filter_, "per-page": str(size), "cursor": cursor, "select": WORK_FIELDS}
        data = Value(client.json("openalex", shown, url, params=params, secret_params=secret_params(client), ttl=ttl))
        results = data["results"]
        if not isinstance(results.raw, list):
            raise FetchError("OpenAlex", shown, "answered without a list of works", "bad-response")
        found += [work for work in results.items() if work.is_object()]
        cursor = data.at("meta", "next_cursor").text() or ""
        if not results.items() or not cursor:
            break
    return found


def title_filter(title: str, year: int) -> str:
    """A filter for works with these words in a record's title (markup) and this publication year."""
    from scholarcli.model.markup import plain as readable

    words = re.sub(r"[,:|!()\"]", " ", readable(title))
    return f"title.search:{' '.join(words.split())},publication_year:{year}"


COUNT_FIELDS = "id,doi,cited_by_count"
ARXIV_DOI = "10.48550/arxiv."  # OpenAlex knows an arXiv paper by arXiv's DOI


def citation_counts(kind: str, ids: Sequence[str], client: Client) -> list[tuple[str, Value]]:
    """One request (``filter=doi:A|B|...``): (asked id, its ``cited_by_count``) for each work the answer
    names by an asked DOI, or by the arXiv DOI of an asked arXiv id."""
    dois = {ident: (f"{ARXIV_DOI}{ident}" if kind == "arxiv" else ident) for ident in ids}
    asked = {doi_key(doi): ident for ident, doi in dois.items()}
    params = {"filter": "doi:" + "|".join(dois.values()), "per-page": str(SERVICE.batch), "select": COUNT_FIELDS}
    url = f"{SERVICE.base_url()}/works"
    data = Value(
        client.json(
            SERVICE.name, f"{len(ids)} DOIs", url, params=params, secret_params=secret_params(client), ttl=CITATION_TTL
        )
    )
    if not isinstance(data["results"].raw, list):
        raise FetchError(SERVICE.shown, f"{len(ids)} DOIs", "answered without a list of works", "bad-response")
    found = []
    for work in data["results"].items():
        doi = normalize_doi(work["doi"].text() or "")
        ident = asked.get(doi_key(doi)) if doi else None
        if ident is not None:
            found.append((ident, work["cited_by_count"]))
    return found


def count_by_title(title: str, year: int, client: Client) -> Value | None:
    """The ``cited_by_count`` of the work with this exact title (markup) and year; None when there is none."""
    wanted = title_key(title)
    params = {"filter": title_filter(title, year), "per-page": "25"}
    url = f"{SERVICE.base_url()}/works"
    data = Value(
        client.json(SERVICE.name, title[:60], url, params=params, secret_params=secret_params(client), ttl=CITATION_TTL)
    )
    for item in data["results"].items():
        same = title_key(clean_title(plain(item["title"].text() or item["display_name"].text() or ""))) == wanted
        if same and item["publication_year"].raw == year and item["cited_by_count"].raw is not None:
            return item["cited_by_count"]
    return None


def profile(ident: str, client: Client, progress: Progress | None = None, *, details: bool = True) -> ProfileResult:
    """The works of an OpenAlex author (id, or ORCID iD), merged."""
    from scholarcli.fetch.services import orcid

    ident = ident.strip().rstrip("/").rsplit("/", 1)[-1]
    query = ident.upper() if re.fullmatch(r"[Aa]\d+", ident) else f"orcid:{orcid.normalize_orcid(ident)}"
    person = author(query, client)
    person_id = author_id(person) or query
    name = markup(plain(person["display_name"].text() or "")) or None
    alternatives = [
        markup(plain(other)) for item in person["display_name_alternatives"].items() if (other := item.text())
    ]
    found = works(f"author.id:{person_id}", client, person_id)
    items = [(work["id"].text() or person_id, work) for work in found]
    records, failures = convert(items, record_from_work, progress)
    return merged(records, name, tuple(n for n in dict.fromkeys(alternatives) if n and n != name), failures)
