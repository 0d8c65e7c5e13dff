"""Every service pointed at a real HTTP server on 127.0.0.1 that serves recorded responses.

The autouse fixture asks for ``recorded`` (tests/conftest.py), which sets every ``SCHOLAR_*_URL``
to this server (each service under its own path prefix, e.g. ``/crossref``), so no test can reach
the internet, and isolates the cache and config.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fetch.server import Recorded, Sleeps
from scholarcli.fetch.config import Config
from scholarcli.fetch.http import Client, Limits


@pytest.fixture(autouse=True)
def every_service_recorded(recorded: Recorded) -> Recorded:
    """Every test here: every service at the local server (tests/conftest.py), no user settings."""
    return recorded


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(sleeps: Sleeps, tmp_path: Path) -> Iterator[Client]:
    with Client(
        Config(contact_email="ada@example.org"), cache_dir=tmp_path / "cache" / "http", sleep=sleeps, pacing={}
    ) as made:
        yield made


@pytest.fixture
def refresh_client(monkeypatch: pytest.MonkeyPatch, sleeps: Sleeps, tmp_path: Path) -> None:
    """`scholar refresh`'s client, with a short timeout (0.5 s) and a sleep that does not wait."""
    from scholarcli.library import fetching

    def make(jobs: int | None = None, rate: float | None = None) -> Client:
        return Client(
            Config(), cache_dir=tmp_path / "refresh-cache", limits=Limits(deadline=0.5), sleep=sleeps, pacing={}
        )

    monkeypatch.setattr(fetching, "make_client", make)
