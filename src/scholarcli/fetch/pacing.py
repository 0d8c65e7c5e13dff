"""How fast each service is asked: a gate per service that every request of the client passes.

A gate lets at most ``concurrency`` requests be under way at once and starts them at most ``rate``
a second, evenly spaced (no burst: a server counting a sliding second never sees more). It adapts
downwards and never above the pace it was given: a 429 or 503 halves the rate and holds every
request for the ``Retry-After`` the server asked; a service's own limit headers (Crossref's
``x-rate-limit-limit``/``x-rate-limit-interval`` and ``x-concurrency-limit``) lower it to what the
server says; each answer that is no refusal wins back a tenth of the pace, up to what it was.

The pace of each service is declared once, in its Service; ``scholar refresh --jobs/--rate``
replaces it for a run.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Mapping

from scholarcli.fetch.service import Pace

MIN_RATE = 0.05  # a request every 20 s: however often a server refuses, the run goes on


class Gate:
    """The pace of one service, shared by the threads that ask it."""

    def __init__(
        self,
        pace: Pace,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.pace = pace
        self.rate = pace.rate
        self.concurrency = pace.concurrency
        self._clock, self._sleep = clock, sleep
        self._running = 0
        self._next = 0.0  # when the next request may start
        self._changed = threading.Condition()

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        """Wait for a free place and for the request's start time; hold the place while it runs."""
        with self._changed:
            self._changed.wait_for(lambda: self._running < self.concurrency)
            self._running += 1
            now = self._clock()
            start = max(now, self._next)
            self._next = start + 1 / self.rate
        try:
            if start > now:
                self._sleep(start - now)
            yield
        finally:
            with self._changed:
                self._running -= 1
                self._changed.notify_all()

    def refused(self, wait: float | None) -> None:
        """A 429 or 503: half the rate, and no request before ``wait`` seconds have passed."""
        with self._changed:
            self.rate = max(MIN_RATE, self.rate / 2)
            if wait:
                self._next = max(self._next, self._clock() + wait)

    def answered(self, headers: Mapping[str, str]) -> None:
        """An answer: adopt the lower limits its headers state; win back a tenth of the pace."""
        with self._changed:
            self.rate = min(self.pace.rate, self.rate + self.pace.rate / 10)
            stated = _stated_rate(headers)
            if stated is not None:
                self.rate = max(MIN_RATE, min(self.rate, stated))
            concurrency = _whole(headers.get("x-concurrency-limit"))
            if concurrency:
                self.concurrency = min(self.pace.concurrency, concurrency)
                self._changed.notify_all()


def _whole(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isascii() and text.isdigit() and 0 < len(text) < 7 else None


def _stated_rate(headers: Mapping[str, str]) -> float | None:
    """Requests a second from ``x-rate-limit-limit`` and ``x-rate-limit-interval`` ("50", "1s")."""
    limit = _whole(headers.get("x-rate-limit-limit"))
    interval = _whole((headers.get("x-rate-limit-interval") or "1s").strip().removesuffix("s"))
    return limit / interval if limit and interval else None


def gates(pacing: Mapping[str, Pace]) -> dict[str, Gate]:
    return {name: Gate(pace) for name, pace in pacing.items()}
