"""A person's works (``scholar import --orcid/--dblp/--openalex``): what every profile service shares.

Each service that lists a person's works defines ``profile(ident, client, progress, details=...)``
in its own module; these turn its items into records, and merge them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scholarcli.fetch import FetchError, ProfileResult, Progress
from scholarcli.fetch.dedupe import dedupe

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable


def convert(
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


def merged(
    records: list[dict[str, Any]], name: str | None, variants: tuple[str, ...], failures: list[tuple[str, str]]
) -> ProfileResult:
    """The result, each work once, with how many records were merged into another."""
    merged = dedupe(records)
    return ProfileResult(merged, name, variants, failures, merged=len(records) - len(merged))
