"""Every service pointed at a real HTTP server on 127.0.0.1 that serves recorded responses.

The autouse fixture sets every ``SCHOLAR_*_URL`` to this server (each service under its own path
prefix, e.g. ``/crossref``), so no test can reach the internet, and isolates the cache and config.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from fetch.server import RECORDED, Handler, Recorded, Sleeps
from scholarcli.fetch.config import Config
from scholarcli.fetch.http import SERVICES, Client


@pytest.fixture(scope="module")
def http_server() -> Iterator[Recorded]:
    """The server, for one test module: its threads are all gone before other modules run.

    (A live thread would stop the library scan from forking: tests/test_scan.py checks it forks.)
    """
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = False  # server_close() then waits for every request thread
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    RECORDED.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield RECORDED
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(autouse=True)
def recorded(http_server: Recorded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Recorded:
    """Every service at the local server; a fresh cache and config directory; no user settings."""
    http_server.routes.clear()
    http_server.requests.clear()
    for service, (variable, _, _) in SERVICES.items():
        monkeypatch.setenv(variable, f"{http_server.base}/{service}")
    monkeypatch.setenv("SCHOLAR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SCHOLAR_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("OPENALEX_API_KEY", raising=False)
    monkeypatch.delenv("SCHOLAR_CONTACT_EMAIL", raising=False)
    return http_server


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(sleeps: Sleeps, tmp_path: Path) -> Iterator[Client]:
    with Client(Config(contact_email="ada@example.org"), cache_dir=tmp_path / "cache" / "http", sleep=sleeps) as made:
        yield made
