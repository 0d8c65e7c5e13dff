"""A person's works from ORCID, DBLP or OpenAlex (``scholar import --orcid/--dblp/--openalex``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from scholarcli.fetch import FetchError, ProfileResult, Progress
from scholarcli.fetch.dedupe import dedupe
from scholarcli.fetch.text import markup, plain
from scholarcli.fetch.value import Value

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
    codes = [orcid.put_code(summary) for summary in summaries]
    failures: list[tuple[str, str]] = []
    full: dict[int, Value] = {}
    if details and summaries:
        try:
            full = orcid.fetch_details(orcid_id, [code for code in codes if code is not None], client)
        except FetchError as error:
            failures.append((orcid_id, f"{error} (the works are listed without their authors)"))
    items = [
        (
            f"{orcid_id} work {code if code is not None else '(no put-code)'}",
            full.get(code, summary) if code is not None else summary,
        )
        for code, summary in zip(codes, summaries, strict=True)
    ]
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
    author_id = openalex.author_id(author) or query
    name = markup(plain(author["display_name"].text() or "")) or None
    alternatives = [
        markup(plain(other)) for item in author["display_name_alternatives"].items() if (other := item.text())
    ]
    found = openalex.works(f"author.id:{author_id}", client, author_id)
    items = [(work["id"].text() or author_id, work) for work in found]
    records, failures = _convert(items, openalex.record_from_work, progress)
    return _merged(records, name, tuple(n for n in dict.fromkeys(alternatives) if n and n != name), failures)


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
