"""A service's gate: starts spaced evenly at its rate, slower after a refusal, never above its pace."""

from __future__ import annotations

from scholarcli.fetch.pacing import Gate
from scholarcli.fetch.service import Pace


class Clock:
    """A clock that moves only when the gate sleeps: the gate's waits are read off, never waited."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 6))
        self.now += seconds


def _gate(rate: float, concurrency: int) -> tuple[Gate, Clock]:
    clock = Clock()
    return Gate(Pace(rate, concurrency), clock=clock, sleep=clock.sleep), clock


def test_starts_are_spaced_evenly_without_a_burst() -> None:
    gate, clock = _gate(10, 5)
    for _ in range(4):
        with gate.turn():
            pass
    assert clock.slept == [0.1, 0.1, 0.1]  # the first at once, then one every tenth of a second


def test_a_refusal_halves_the_rate_and_holds_every_request_for_the_wait_asked() -> None:
    gate, clock = _gate(10, 5)
    with gate.turn():
        pass
    gate.refused(2.0)
    assert gate.rate == 5
    with gate.turn():
        pass
    assert clock.slept == [2.0]
    for _ in range(100):
        gate.answered({})
    assert gate.rate == 10  # won back, and never above the declared pace


def test_the_limits_a_server_states_lower_the_pace_and_never_raise_it() -> None:
    gate, _ = _gate(10, 3)
    gate.answered({"x-rate-limit-limit": "5", "x-rate-limit-interval": "1s", "x-concurrency-limit": "1"})
    assert (gate.rate, gate.concurrency) == (5, 1)
    gate.answered({"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s", "x-concurrency-limit": "9"})
    assert gate.rate <= 10 and gate.concurrency == 3
    gate.answered({"x-rate-limit-limit": "-4", "x-rate-limit-interval": "zero", "x-concurrency-limit": "1e9"})
    assert 0 < gate.rate <= 10 and gate.concurrency == 3  # what is no number says nothing
