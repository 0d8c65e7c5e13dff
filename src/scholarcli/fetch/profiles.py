"""A person's works from ORCID, DBLP or OpenAlex (``scholar import --orcid/--dblp/--openalex``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from scholarcli.fetch import FetchError, ProfileResult, Progress
from scholarcli.fetch.dedupe import dedupe

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from scholarcli.fetch.http import Client


def _convert(
    items: Iterable[tuple[str, Any]], to_record: Callable[[Any], dict[str, Any]], progress: Progress | None
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Records from source items, each failure listed by the item's identifier."""
    pending = list(items)
    records, failures = [], []
    for done, (identifier, item) in enumerate(pending, start=1):
        try:
            records.append(to_record(item))
        except FetchError as error:
            failures.append((identifier, str(error)))
        if progress is not None:
            progress(done, len(pending))
    return records, failures


def _merged(
    records: list[dict[str, Any]], name: str | None, variants: tuple[str, ...], failures: list[tuple[str, str]]
) -> ProfileResult:
    """The result, each work once, with how many records were merged into another."""
    merged = dedupe(records)
    return ProfileResult(merged, name, variants, failures, merged=len(records) - len(merged))


def _orcid(ident: str, client: Client, progress: Progress | None, details: bool) -> ProfileResult:
    from scholarcli.fetch import orcid

    orcid_id = orcid.normalize_orcid(ident)
    name, variants = orcid.fetch_person(orcid_id, client)
    summaries = orcid.fetch_summaries(orcid_id, client)
    failures: list[tuple[str, str]] = []
    full: dict[str, dict[str, Any]] = {}
    if details and summaries:
        try:
            full = orcid.fetch_details(orcid_id, [str(s.get("put-code")) for s in summaries], client)
        except FetchError as error:
            failures.append((orcid_id, f"{error} (the works are listed without their authors)"))
    items = [(f"{orcid_id} work {s.get('put-code')}", full.get(str(s.get("put-code")), s)) for s in summaries]
    records, failed = _convert(items, orcid.record_from_work, progress)
    return _merged(records, name, variants, failures + failed)


def _dblp(pid: str, client: Client, progress: Progress | None) -> ProfileResult:
    from scholarcli.fetch import dblp

    pid = pid.strip().removeprefix("https://dblp.org/pid/").removesuffix(".xml").removesuffix(".html")
    name, variants, elements = dblp.fetch_person(pid, client)
    items = [(f"DBLP:{element.get('key', '')}", element) for element in elements]
    records, failures = _convert(items, dblp.record_from_element, progress)
    return _merged(records, name, variants, failures)


def _openalex(ident: str, client: Client, progress: Progress | None) -> ProfileResult:
    from scholarcli.fetch import openalex, orcid

    ident = ident.strip().rstrip("/").rsplit("/", 1)[-1]
    query = ident.upper() if re.fullmatch(r"[Aa]\d+", ident) else f"orcid:{orcid.normalize_orcid(ident)}"
    author = openalex.author(query, client)
    author_id = str(author["id"]).rsplit("/", 1)[-1]
    name = str(author.get("display_name") or "") or None
    alternatives = [str(n) for n in author.get("display_name_alternatives") or [] if n and n != name]
    found = openalex.works(f"author.id:{author_id}", client, author_id)
    items = [(str(work.get("id") or author_id), work) for work in found]
    records, failures = _convert(items, openalex.record_from_work, progress)
    return _merged(records, name, tuple(dict.fromkeys(alternatives)), failures)


def fetch_profile(
    kind: Literal["orcid", "dblp", "openalex"],
    ident: str,
    client: Client,
    progress: Progress | None = None,
    *,
    details: bool = True,
) -> ProfileResult:
    """Every work of one person, merged; see :func:`scholarcli.fetch.fetch_profile`."""
    if kind == "orcid":
        return _orcid(ident, client, progress, details)
    if kind == "dblp":
        return _dblp(ident, client, progress)
    if kind == "openalex":
        return _openalex(ident, client, progress)
    raise FetchError("scholar", kind, "not a profile source (orcid, dblp or openalex)", "unsupported")
