"""Work done in two processes (processes.in_two_processes) for any library, on any machine, in tests:
every fork counted, and children that fail."""

from __future__ import annotations

import os

import pytest


def counted_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Let work go to a second process even on one CPU, and count the children forked."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    children: list[int] = []
    fork = os.fork

    def counted() -> int:
        child = fork()
        children.append(child)
        return child

    monkeypatch.setattr(os, "fork", counted)
    return children


def failing_children(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every child forked from now on ends at once, having done nothing (and is still counted)."""
    fork = os.fork

    def failing() -> int:
        child = fork()
        if child == 0:
            os._exit(3)
        return child

    monkeypatch.setattr(os, "fork", failing)
