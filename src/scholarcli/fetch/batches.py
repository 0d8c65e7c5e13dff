"""Many identifiers asked of one service: in batches of the size its Service declares, several
batches at once (the client's gate keeps them within the service's pace), a failed batch split in
halves until what fails is one identifier, alone.

A batch that fails because of what it asks (a malformed id, an answer too large or unreadable, a
server error) is split; one that fails because of the way there (no network, a timeout, 429 after
every retry) is not: every half would fail the same, and the service would be asked twice as often.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar
from urllib.parse import quote

from scholarcli.fetch import FetchError
from scholarcli.fetch.service import Service

T = TypeVar("T")
R = TypeVar("R")
Ask = Callable[[list[str]], list[tuple[str, T]]]  # one request: (asked id, what the answer says of it)
SPLIT = frozenset({"malformed", "bad-response", "not-found", "server"})


@dataclass
class Outcome(Generic[T]):
    """What the answers said: per id, what was found; the ids that failed, with why."""

    found: dict[str, list[T]] = field(default_factory=dict)  # more than one: the answers disagree
    failed: dict[str, str] = field(default_factory=dict)


def chunks(ids: Sequence[str], service: Service) -> list[list[str]]:
    """The ids in order, in batches of at most ``service.batch`` ids and ``service.batch_chars``
    characters of request line (each id counted percent-encoded, as the worst case)."""
    batches: list[list[str]] = []
    current: list[str] = []
    length = 0
    for ident in ids:
        size = len(quote(ident, safe="")) + 3  # and a separator, encoded
        full = len(current) >= service.batch or (service.batch_chars and length + size > service.batch_chars)
        if current and full:
            batches.append(current)
            current, length = [], 0
        current.append(ident)
        length += size
    return [*batches, current] if current else batches


def _ask_splitting(ask: Ask[T], batch: list[str], outcome: Outcome[T]) -> None:
    """Ask a batch; when it fails for what it asks, ask each half; an id that fails alone is failed."""
    try:
        answered = ask(batch)
    except FetchError as error:
        if len(batch) == 1 or error.kind not in SPLIT:
            outcome.failed.update(dict.fromkeys(batch, str(error)))
            return
        middle = len(batch) // 2
        _ask_splitting(ask, batch[:middle], outcome)
        _ask_splitting(ask, batch[middle:], outcome)
        return
    asked = set(batch)
    for ident, value in answered:
        if ident in asked:  # an answer for an id not asked is nobody's
            outcome.found.setdefault(ident, []).append(value)


def ask_all(
    ids: Sequence[str],
    ask: Ask[T],
    service: Service,
    jobs: int,
    progress: Callable[[list[str]], None] | None = None,
    outcome: Outcome[T] | None = None,
) -> Outcome[T]:
    """Ask for every id, ``jobs`` batches at once; ``progress`` is given each batch when it is done.

    An interrupt (Ctrl-C) cancels the batches not started and is raised again once those under
    way are done: what they fetched is kept (the caller remembers it) for the next run.
    """
    outcome = Outcome() if outcome is None else outcome  # given: the progress can read it as it grows
    batches = chunks(list(dict.fromkeys(ids)), service)
    if not batches:
        return outcome

    def run(batch: list[str]) -> list[str]:
        _ask_splitting(ask, batch, outcome)  # threads add distinct ids: a dict's item assignment is atomic
        return batch

    for batch in each(batches, run, jobs):
        if progress is not None:
            progress(batch)
    return outcome


def each(items: Sequence[T], run: Callable[[T], R], jobs: int) -> Iterator[R]:
    """``run`` of every item, ``jobs`` at once, each result as it comes.

    An interrupt (Ctrl-C, or a KeyboardInterrupt out of ``run``) cancels what has not started,
    waits for what has (a request under way is bounded in time), gives every result that came,
    and is raised again.
    """
    if not items:
        return
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, min(jobs, len(items))))
    futures = [pool.submit(run, item) for item in items]
    given: set[concurrent.futures.Future[R]] = set()
    try:
        for done in concurrent.futures.as_completed(futures):
            result = done.result()
            given.add(done)
            yield result
    except KeyboardInterrupt:
        pool.shutdown(wait=True, cancel_futures=True)
        for future in futures:
            if future not in given and future.done() and not future.cancelled() and future.exception() is None:
                yield future.result()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
