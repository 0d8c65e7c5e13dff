"""Citation metrics: the h-index and i10-index of citation counts, and what recorded metrics can be.

Pure functions over counts. A work without a count is not a work with no citations: it is left
out of the numbers (``counted`` says how many had one), so the indices are then lower bounds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from scholarcli.model import Citation, RecordedMetrics
from scholarcli.model.named_tuple import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt

I10_CITATIONS = 10  # the i10-index counts the works cited at least this often (Google Scholar's)


def h_index(counts: Iterable[int]) -> int:
    """The largest h such that h works have at least h citations each (Hirsch, 2005).

    Sorted most cited first, the work at rank r counts when it has at least r citations; counts
    fall as ranks rise, so the works that count are a prefix and h is their number.
    """
    ordered = sorted(counts, reverse=True)
    return sum(1 for rank, count in enumerate(ordered, start=1) if count >= rank)


def i10_index(counts: Iterable[int]) -> int:
    """How many works have at least ten citations."""
    return sum(1 for count in counts if count >= I10_CITATIONS)


class Metrics(NamedTuple):
    """The metrics of some works, from the counts of those that have one."""

    works: int  # the works considered
    counted: int  # those with a citation count
    citations: int  # the sum of the counts
    h_index: int
    i10_index: int
    sources: tuple[str, ...]  # the services the counts came from, A to Z
    oldest: dt.date | None  # the day the oldest count was asked; None without counts


def metrics(keys: Iterable[str], counts: Mapping[str, Citation]) -> Metrics:
    """The metrics of the works with these keys (each key once), from their counts where they have one."""
    unique = list(dict.fromkeys(keys))
    found = [counts[key] for key in unique if key in counts]
    numbers = [citation.cited for citation in found]
    return Metrics(
        works=len(unique),
        counted=len(found),
        citations=sum(numbers),
        h_index=h_index(numbers),
        i10_index=i10_index(numbers),
        sources=tuple(sorted({citation.source for citation in found})),
        oldest=min((citation.date for citation in found), default=None),
    )


def contradictions(recorded: RecordedMetrics) -> list[str]:
    """Why recorded numbers cannot all be true together; empty when they can.

    An h-index of h needs h papers with at least h citations each: h papers and h*h citations.
    An i10-index of i needs i papers with at least ten each. And from an h-index of ten on, the h
    papers that make it each have ten citations or more, so the i10-index is at least h.
    """
    h, i10, papers, cited = recorded.h_index, recorded.i10_index, recorded.papers, recorded.citations
    found: list[str] = []
    if h is not None and papers is not None and h > papers:
        found.append(f"an h-index of {h} needs at least {h} papers, and {papers} are recorded")
    if h is not None and cited is not None and h * h > cited:
        found.append(
            f"an h-index of {h} needs at least {h * h} citations ({h} papers cited {h} times each), "
            f"and {cited} are recorded"
        )
    if i10 is not None and papers is not None and i10 > papers:
        found.append(f"an i10-index of {i10} needs at least {i10} papers, and {papers} are recorded")
    if i10 is not None and cited is not None and I10_CITATIONS * i10 > cited:
        found.append(f"an i10-index of {i10} needs at least {I10_CITATIONS * i10} citations, and {cited} are recorded")
    if h is not None and i10 is not None and h >= I10_CITATIONS and i10 < h:
        found.append(f"an h-index of {h} makes the i10-index at least {h}, and {i10} is recorded")
    return found
