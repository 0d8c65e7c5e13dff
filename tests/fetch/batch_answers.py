"""Batch answers in each service's real shape, for the local server: a route that reads what was
asked (OpenAlex's ``filter=doi:A|B``, Crossref's ``filter=doi:A,doi:B``, Semantic Scholar's POSTed
``ids``) and answers with the recorded works it knows.

The list shapes are those recorded (OpenAlex's ``meta``/``results`` in openalex/works-list.json,
Crossref's ``message.items`` work list, Semantic Scholar's list in the order asked with ``null``
for an unknown id in semanticscholar/batch.json); the works in them are recorded single works.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from fetch.server import FIXTURES, Answer, Recorded, Seen

Doctor = Callable[[list[Any]], list[Any]]  # what a hostile server does to the list before it answers


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _asked_dois(seen: Seen, separator: str) -> list[str]:
    text = seen.query.get("filter", "")
    return [part.removeprefix("doi:") for part in text.split(separator)] if text.startswith("doi:") else []


def openalex(known: Mapping[str, Any], doctor: Doctor = list) -> Callable[[Seen], Answer]:
    """``GET /openalex/works?filter=doi:A|B|...``: the known works (by DOI, any case) of those asked."""
    folded = {doi.casefold(): work for doi, work in known.items()}

    def answer(seen: Seen) -> Answer:
        results = doctor([folded[doi.casefold()] for doi in _asked_dois(seen, "|") if doi.casefold() in folded])
        meta = {"count": len(results), "db_response_time_ms": 12, "page": 1, "per_page": 100, "groups_count": None}
        return Answer(json.dumps({"meta": meta, "results": results, "group_by": []}).encode())

    return answer


def crossref(known: Mapping[str, Any], doctor: Doctor = list) -> Callable[[Seen], Answer]:
    """``GET /crossref/works?filter=doi:A,doi:B,...``: the known works' messages (by DOI, any case)."""
    folded = {doi.casefold(): work for doi, work in known.items()}

    def answer(seen: Seen) -> Answer:
        items = doctor([folded[doi.casefold()] for doi in _asked_dois(seen, ",") if doi.casefold() in folded])
        message = {"facets": {}, "total-results": len(items), "items": items, "items-per-page": len(items)}
        document = {"status": "ok", "message-type": "work-list", "message-version": "1.0.0", "message": message}
        return Answer(json.dumps(document).encode())

    return answer


def semanticscholar(known: Mapping[str, Any], doctor: Doctor = list) -> Callable[[Seen], Answer]:
    """``POST /semanticscholar/graph/v1/paper/batch``: the list in the order asked, null for an id it does not know."""
    folded = {ident.casefold(): paper for ident, paper in known.items()}

    def answer(seen: Seen) -> Answer:
        ids = json.loads(seen.body or b"{}").get("ids", [])
        return Answer(json.dumps(doctor([folded.get(str(ident).casefold()) for ident in ids])).encode())

    return answer


def serve(recorded: Recorded, source: str, known: Mapping[str, Any], doctor: Doctor = list) -> None:
    """Serve a service's batch endpoint with these works (OpenAlex and Crossref by DOI, Semantic Scholar by id)."""
    made = {"openalex": openalex, "crossref": crossref, "semanticscholar": semanticscholar}[source]
    path = {
        "openalex": "/openalex/works",
        "crossref": "/crossref/works",
        "semanticscholar": "/semanticscholar/graph/v1/paper/batch",
    }[source]
    recorded.add(path, made(known, doctor))


def paper(doi: str | None = None, arxiv: str | None = None, count: object = 170735) -> dict[str, Any]:
    """A recorded Semantic Scholar paper, named by this DOI or arXiv id, with this count."""
    found = load("semanticscholar/ARXIV-1706.03762.json")
    found["externalIds"] = {"DOI": doi} if doi else {"ArXiv": arxiv}
    found["citationCount"] = count
    return dict(found)


def work(doi: str, count: object = 962) -> dict[str, Any]:
    """The recorded OpenAlex work, named by this DOI, with this count."""
    found = load("openalex/W2741809807.json")
    return dict(found, doi=f"https://doi.org/{doi}", cited_by_count=count)


def message(doi: str, count: object = 72) -> dict[str, Any]:
    """The recorded Crossref work, named by this DOI, with this count."""
    found = load("crossref/10.1371-journal.pone.0033693.json")["message"]
    return dict(found, DOI=doi, **{"is-referenced-by-count": count})


def one(source: str, doi: str, count: object) -> tuple[str, Any]:
    """The known entry that names a work by its DOI, with this count, for any source."""
    if source == "semanticscholar":
        return f"DOI:{doi}", paper(doi=doi, count=count)
    return doi, (work if source == "openalex" else message)(doi, count)


def arxiv_entry(name: str) -> str:
    """The ``<entry>`` of a recorded arXiv answer, as text."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return text[text.index("<entry>") : text.rindex("</entry>") + len("</entry>")]


def arxiv(known: Mapping[str, str]) -> Callable[[Seen], Answer]:
    """``GET /arxiv/api/query?id_list=A,B``: a feed of the recorded entries of the ids it knows."""

    def answer(seen: Seen) -> Answer:
        entries = "".join(known[ident] for ident in seen.query.get("id_list", "").split(",") if ident in known)
        feed = f'<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'
        return Answer(feed.encode(), content_type="application/atom+xml")

    return answer
