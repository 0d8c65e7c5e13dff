"""One work: by identifier (``scholar add``), and a preprint's published version (``scholar refresh``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from scholarcli.fetch import FetchedWork, FetchError, PublishedHints
from scholarcli.fetch.identify import Identifier, identify, is_preprint_doi
from scholarcli.fetch.service_text import title_key

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client
    from scholarcli.model import Work


def fetch_doi(doi: str, client: Client) -> FetchedWork:
    """A DOI's work from Crossref; from doi.org (any registration agency) when Crossref has none."""
    from scholarcli.fetch.services import crossref, doi_org

    try:
        return crossref.fetch(doi, client)
    except FetchError as error:
        if error.kind != "not-found":
            raise
    return doi_org.fetch(doi, client)


def fetch_identifier(identifier: Identifier, client: Client) -> FetchedWork:
    """The work a typed identifier names."""
    from scholarcli.fetch.services import arxiv, dblp

    if identifier.kind == "doi":
        return fetch_doi(identifier.value, client)
    if identifier.kind == "arxiv":
        return arxiv.fetch(identifier, client)
    if identifier.kind == "dblp":
        return FetchedWork(
            dblp.fetch_record(identifier.value, client), "dblp", PublishedHints(dblp_key=identifier.value)
        )
    message = "reading OpenReview is not supported; add the work by its arXiv id or DOI"
    raise FetchError("OpenReview", identifier.value, message, "unsupported")


def fetch_work(text: str, client: Client) -> FetchedWork:
    """The work that what the user typed names (see :mod:`scholarcli.fetch.identify`)."""
    return fetch_identifier(identify(text), client)


def _keep_arxiv(found: FetchedWork, arxiv: str | None) -> FetchedWork:
    record = dict(found.record)
    if arxiv and not record.get("arxiv"):
        from scholarcli.model import FIELD_KINDS

        record["arxiv"] = arxiv
        record = {name: record[name] for name in FIELD_KINDS if name in record}
    return FetchedWork(record, found.source, found.hints)


def _published_doi(work: Work, client: Client) -> str | None:
    """The published version's DOI that arXiv or Crossref names for a preprint."""
    from scholarcli.fetch.services import arxiv, crossref

    if work.arxiv:
        hints = arxiv.fetch(Identifier("arxiv", work.arxiv), client).hints
        if hints.doi and not is_preprint_doi(hints.doi):
            return hints.doi
    if work.doi and is_preprint_doi(work.doi) and not work.doi.casefold().startswith("10.48550/"):
        try:
            found = crossref.fetch(work.doi, client)
        except FetchError as error:
            if error.kind != "not-found":
                raise
        else:
            return found.hints.doi
    return None


def _from_dblp(work: Work, client: Client) -> FetchedWork | None:
    """A DBLP record, not a CoRR preprint, whose title is the work's title."""
    from scholarcli.fetch.services import dblp
    from scholarcli.model.markup import plain

    wanted = title_key(work.title)
    for info in dblp.search(plain(work.title), client):
        if title_key(dblp.hit_title(info)) != wanted or dblp.is_informal(info):
            continue
        return FetchedWork(dblp.record_from_hit(info), "dblp", PublishedHints(dblp_key=info["key"].text()))
    return None


def published_version(work: Work, client: Client) -> FetchedWork | None:
    """The published version of a preprint (None for a work that is not one, or when none is known)."""
    if work.type != "preprint":
        return None
    doi = _published_doi(work, client)
    found = fetch_doi(doi, client) if doi else _from_dblp(work, client)
    if found is None or found.record.get("type") == "preprint":
        return None
    return _keep_arxiv(found, work.arxiv)


def prefetch(texts: Sequence[str], client: Client, jobs: int | None = None) -> int:
    """Read ahead, in batches, what the lookups of many identifiers will ask: Crossref's works by DOI,
    arXiv's entries by id.

    Each work is kept as its own lookup's answer (:func:`crossref.prefetch`, :func:`arxiv.prefetch`),
    so that looking the identifiers up one by one afterwards asks nothing for these. What a batch
    cannot answer is left to the single lookups, which report it. Returns how many were read ahead.
    """
    from scholarcli.fetch.batches import ask_all
    from scholarcli.fetch.services import arxiv, crossref

    identified = [found for text in texts if (found := _identified(text)) is not None]
    read = 0
    for module, kind in ((crossref, "doi"), (arxiv, "arxiv")):
        wanted = [found.value for found in identified if found.kind == kind and not found.version]

        def ask(batch: list[str], read_ahead: Any = module.prefetch) -> list[tuple[str, bool]]:
            return [(ident, True) for ident in read_ahead(batch, client)]

        gate = client.gates.get(module.SERVICE.name)
        width = jobs or (gate.concurrency if gate is not None else 1)
        read += len(ask_all(wanted, ask, module.SERVICE, width).found)
    return read


def _identified(text: str) -> Identifier | None:
    try:
        return identify(text)
    except FetchError:
        return None
