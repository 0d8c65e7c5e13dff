"""Metadata and citation counts from public scholarly services, as scholar records.

Click-free library code: the commands (`add`, `import --orcid/--dblp/--openalex`, `refresh`) call
the functions here and print what they return. Importing this package is cheap: the HTTP client
(httpx) is imported by :mod:`scholarcli.fetch.http` alone, when a client is made.

Every failure is one :class:`FetchError`, a :class:`~scholarcli.errors.ScholarError` whose message is
one line naming the service and the identifier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from scholarcli.errors import ScholarError

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client
    from scholarcli.model import Work

FailureKind = Literal[
    "not-found",  # the service does not know the identifier (404, empty feed)
    "malformed",  # the identifier is not of a form the service (or scholar) accepts
    "network",  # no network, DNS failure, connection refused
    "timeout",
    "rate-limited",  # 429 after every retry
    "server",  # 5xx after every retry, or another unexpected status
    "bad-response",  # HTML where JSON/XML was expected, truncated or unreadable body
    "not-a-work",  # the identifier names something that is not a publication
    "unsupported",  # a service scholar cannot read (yet)
]


MAX_SHOWN = 200  # characters of an identifier a message shows


class FetchError(ScholarError):
    """A lookup failed; ``str(error)`` is one line: ``service: identifier: what went wrong``."""

    def __init__(self, service: str, identifier: str, message: str, kind: FailureKind) -> None:
        self.service = service
        self.identifier = identifier
        self.kind: FailureKind = kind
        one_line = " ".join(message.split())
        shown = " ".join(identifier.split())
        shown = shown if len(shown) <= MAX_SHOWN else shown[: MAX_SHOWN - 1] + "…"  # a server's id may be a megabyte
        super().__init__(f"{service}: {shown}: {one_line}" if shown else f"{service}: {one_line}")


@dataclass(frozen=True)
class PublishedHints:
    """What a source says about a work's published version (refresh follows these)."""

    doi: str | None = None  # a DOI of the published version (arXiv's <arxiv:doi>, Crossref relations)
    journal_ref: str | None = None  # arXiv's free-text journal reference
    dblp_key: str | None = None


@dataclass(frozen=True)
class FetchedWork:
    """One work as a scholar record (keys of model.FIELD_KINDS), where it came from, and hints."""

    record: dict[str, Any]
    source: str  # the service that answered: crossref, doi.org, arxiv, dblp, orcid, openalex
    hints: PublishedHints = PublishedHints()


@dataclass(frozen=True)
class ProfileResult:
    """A person's works from one service, merged (a preprint and its published version are one)."""

    records: list[dict[str, Any]]
    name: str | None
    variants: tuple[str, ...] = ()
    failures: list[tuple[str, str]] = field(default_factory=list)  # (identifier, one-line reason)
    merged: int = 0  # records merged into another of the batch (a preprint into its published version, ...)


@dataclass(frozen=True)
class CitationCount:
    """A citation count, the service that gave it, and the day the service was asked."""

    count: int
    source: str
    date: dt.date


@dataclass(frozen=True)
class CitationResult:
    """Counts by work key; keys the service did not know; keys whose lookup failed, with why."""

    counts: dict[str, CitationCount]
    unmatched: list[str]
    failures: dict[str, str]


Progress = Callable[[int, int | None], None]  # (works done, total or None when not known yet)


def fetch_work(identifier: str, client: Client) -> FetchedWork:
    """The work a DOI, arXiv id, DBLP key or address names (see :func:`identify.identify`).

    Raises FetchError (one line naming the service and identifier) when it cannot.
    """
    from scholarcli.fetch.lookup import fetch_work as fetch

    return fetch(identifier, client)


def fetch_profile(
    kind: str,
    ident: str,
    client: Client,
    progress: Progress | None = None,
    *,
    details: bool = True,
) -> ProfileResult:
    """Every work of one person, from a service that lists a person's works: an ORCID iD, a DBLP
    pid, or an OpenAlex author id (or ORCID), say.

    A failure for one work is listed in ``failures``; a failure for the person raises FetchError.
    With ``details`` (ORCID only) the works' full records are read too, for their authors.
    """
    from scholarcli.fetch import registry

    if kind not in registry.offering("profile"):
        known = ", ".join(registry.offering("profile"))
        raise FetchError("scholar", kind, f"not a profile source ({known})", "unsupported")
    result: ProfileResult = registry.module(kind).profile(ident, client, progress, details=details)
    return result


def fetch_citations(
    works: Sequence[Work],
    source: str,
    client: Client,
    progress: Progress | None = None,
    jobs: int | None = None,
) -> CitationResult:
    """Citation counts for works from a service that counts them, matched by DOI, then arXiv id (then,
    with OpenAlex, exact title and year); ``jobs`` batches at once (default: the service's concurrency)."""
    from scholarcli.fetch.citation_counts import fetch_citations as fetch

    return fetch(works, source, client, progress, jobs)


def prefetch(identifiers: Sequence[str], client: Client, jobs: int | None = None) -> int:
    """Read ahead, in batches, the works many identifiers name (see :func:`lookup.prefetch`)."""
    from scholarcli.fetch.lookup import prefetch as read_ahead

    return read_ahead(identifiers, client, jobs)


def published_version(work: Work, client: Client) -> FetchedWork | None:
    """The published version of a preprint, or None when no source knows one.

    Follows arXiv's DOI, Crossref's is-preprint-of relation, then an exact title match in DBLP.
    The result keeps the preprint's arXiv id.
    """
    from scholarcli.fetch.lookup import published_version as find

    return find(work, client)
