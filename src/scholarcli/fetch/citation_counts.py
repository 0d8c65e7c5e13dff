"""Citation counts (``scholar refresh --citations``) from any service whose Service declares them.

The works are asked for in rounds, one per identifier kind the service counts by (its
``counts_by``: DOI, then arXiv id), each round in batches (see :mod:`.batches`); a work the
service does not know by one kind goes on to the next, then (OpenAlex) to a search by its exact
title and year. A count is the service's word for one identifier, matched to the work by its
normalised DOI or arXiv id: a batch answer that leaves a work out, repeats it, or names one not
asked for cannot give a work another's count, and one that gives a work two different counts fails
that work. What each identifier got is remembered for a day (``Client.remember``), so a run that
stopped part-way goes on where it stopped, asking nothing twice.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from scholarcli.fetch import CitationCount, CitationResult, FetchError, Progress
from scholarcli.fetch.answers import CITATION_TTL
from scholarcli.fetch.batches import Outcome, ask_all, each
from scholarcli.fetch.value import Value

if TYPE_CHECKING:
    from types import ModuleType

    from scholarcli.fetch.http import Client
    from scholarcli.fetch.service import Service
    from scholarcli.model import Work


def count(value: Value, service: str, shown: str) -> int:
    """A citation count: a whole number a library can hold (0 to 2**63-1); FetchError for any other value."""
    number = value.whole() if type(value.raw) is int else None
    if number is None:
        wrong = " ".join(json.dumps(value.raw, ensure_ascii=False)[:40].split())
        raise FetchError(service, shown, f"answered with a citation count that is no count ({wrong})", "bad-response")
    return number


def _day(timestamp: float) -> dt.date:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).date()


def _identifier(work: Work, kind: str) -> str | None:
    return work.doi if kind == "doi" else work.arxiv if kind == "arxiv" else None


class _Tally:
    """The result as it grows, and the progress it reports: a work is done once it is settled."""

    def __init__(self, works: Sequence[Work], source: str, progress: Progress | None) -> None:
        self.total, self.source, self.progress = len(works), source, progress
        self.result = CitationResult({}, [], {})
        self.done = 0
        self.counted: set[str] = set()  # works the progress has counted already

    def settle(self, work: Work, found: tuple[Any, float] | None = None, failure: str | None = None) -> None:
        """Record a work's count (the raw value and when it was fetched), or its failure, or that it has none."""
        if failure is not None:
            self.result.failures[work.key] = failure
        elif found is None:
            self.result.unmatched.append(work.key)
        else:
            shown = work.doi or work.arxiv or work.title[:60]
            try:
                number = count(Value(found[0]), self.service_name, shown)
            except FetchError as error:
                self.result.failures[work.key] = str(error)
            else:
                self.result.counts[work.key] = CitationCount(number, self.source, _day(found[1]))
        self.advance([work])

    @property
    def service_name(self) -> str:
        from scholarcli.fetch.registry import shown

        return shown(self.source)

    def advance(self, works: Sequence[Work]) -> None:
        """Count works as done (once each), and say so."""
        new = {work.key for work in works} - self.counted
        self.counted |= new
        self.done += len(new)
        if self.progress is not None and new:
            self.progress(self.done, self.total)


CONFLICT = object()  # a batch answer gave one identifier two different counts


def _known(kind: str, idents: Sequence[str], service: Service, client: Client) -> dict[str, tuple[Any, float]]:
    """What earlier runs (and this one) remembered of each identifier, fresh for a day."""
    found: dict[str, tuple[Any, float]] = {}
    for ident in idents:
        recalled = client.recall(service.name, f"citations-{kind}", ident, CITATION_TTL)
        if recalled is not None:
            found[ident] = recalled
    return found


def _settled(
    kind: str, outcome: Outcome[Value], service: Service, client: Client, asked: Sequence[str]
) -> dict[str, Any]:
    """Each identifier asked and answered: its raw count, None (unknown) or CONFLICT; remembered but conflicts."""
    now = client.now()
    settled: dict[str, Any] = {}
    for ident in asked:
        if ident in outcome.failed:
            continue
        values = [value.raw for value in outcome.found.get(ident, [])]
        raw = values[0] if values and all(value == values[0] for value in values) else CONFLICT if values else None
        settled[ident] = (raw, now)
        if raw is not CONFLICT:
            client.remember(service.name, f"citations-{kind}", ident, raw)
    return settled


def _round(kind: str, pending: list[Work], module: ModuleType, client: Client, jobs: int, tally: _Tally) -> list[Work]:
    """Ask for the pending works that have an identifier of this kind; the works still without a count."""
    service: Service = module.SERVICE
    wanted = {work.key: ident for work in pending if (ident := _identifier(work, kind))}
    idents = list(dict.fromkeys(wanted.values()))
    known = _known(kind, idents, service, client)
    missing = [ident for ident in idents if ident not in known]

    def ask(batch: list[str]) -> list[tuple[str, Value]]:
        found: list[tuple[str, Value]] = module.citation_counts(kind, batch, client)
        return found

    def answered(batch: list[str]) -> None:  # the works a batch gave a count or a failure are done
        told = {ident for ident in batch if ident in outcome.failed or ident in outcome.found}
        tally.advance([work for work in pending if wanted.get(work.key) in told])

    outcome: Outcome[Value] = Outcome()
    outcome = ask_all(missing, ask, service, jobs, answered, outcome)
    known |= _settled(kind, outcome, service, client, missing)
    rest = []
    for work in pending:
        ident = wanted.get(work.key)
        if ident is not None and ident in outcome.failed:
            tally.settle(work, failure=outcome.failed[ident])
        elif ident is not None and known[ident][0] is CONFLICT:
            tally.settle(work, failure=f"{service.shown}: {ident}: answered twice, with different counts")
        elif ident is not None and known[ident][0] is not None:
            tally.settle(work, known[ident])
        else:
            rest.append(work)
    return rest


def _by_title(pending: list[Work], module: ModuleType, client: Client, jobs: int, tally: _Tally) -> None:
    """Search the works left by exact title and year, ``jobs`` at once (a request each)."""
    search: Callable[[str, int, Client], Value | None] = module.count_by_title

    def ask(work: Work) -> tuple[Work, tuple[Any, float] | None, str | None]:
        if work.year is None:
            return work, None, None
        try:
            found = search(work.title, work.year, client)
        except FetchError as error:
            return work, None, str(error)
        return work, (None if found is None else (found.raw, client.now())), None

    for work, found, failure in each(pending, ask, jobs):
        tally.settle(work, found, failure)


def fetch_citations(
    works: Sequence[Work], source: str, client: Client, progress: Progress | None = None, jobs: int | None = None
) -> CitationResult:
    """Counts per work key; see :func:`scholarcli.fetch.fetch_citations`."""
    from scholarcli.fetch import registry

    if source not in registry.offering("citations"):
        known = ", ".join(registry.offering("citations"))
        raise FetchError("scholar", source, f"not a citation source ({known})", "unsupported")
    module = registry.module(source)
    gate = client.gates.get(source)
    jobs = jobs or (gate.concurrency if gate is not None else module.SERVICE.pace.concurrency)
    tally = _Tally(works, source, progress)
    pending = list(works)
    for kind in module.SERVICE.counts_by:
        pending = _round(kind, pending, module, client, jobs, tally)
    if callable(getattr(module, "count_by_title", None)):
        _by_title(pending, module, client, jobs, tally)
    else:
        for work in pending:
            tally.settle(work)
    return tally.result
