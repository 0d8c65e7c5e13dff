"""Shared fixtures: an isolated environment, a CLI runner and small libraries built per test."""

from __future__ import annotations

import os
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import click
import click.testing
import pytest
import typer
import typer.testing
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from fetch.server import RECORDED, Handler, Recorded
from pandoc_release import put_current_pandoc_first
from scholarcli.cli import main
from scholarcli.cli.app import app

# Nothing the suite does may write outside its temp directories, not even a module that reads a
# library when it is imported: until a test's own fixture (isolated) says otherwise, the user's
# data and cache directories are a fresh temporary folder.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="scholar-tests-"))
os.environ["XDG_DATA_HOME"] = str(_SESSION_HOME / "data")
os.environ["XDG_CACHE_HOME"] = str(_SESSION_HOME / "cache")
os.environ.pop("SCHOLAR_CACHE_DIR", None)
os.environ.pop("SCHOLAR_LIBRARY", None)
# Hypothesis keeps what it learns of the code (constants, Unicode tables) under the working directory
# unless told otherwise; it reads this when it first writes, which is after this file runs.
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = str(_SESSION_HOME / "hypothesis")
put_current_pandoc_first()
# Properties (tests/test_properties.py) draw the same examples on every run and machine: derived from
# each test's name, none remembered between runs, and no time limit, which a loaded machine would break.
hypothesis_settings.register_profile(
    "scholar",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
hypothesis_settings.load_profile("scholar")

LIBRARY_TOML = """\
schema = 1

[[people]]
name = "Ada Lovelace"
variants = ["A. Lovelace"]

[[people]]
name = "Hervé Jégou"

[marks.corresponding]
symbol = "†"
legend = "corresponding author"

[venues.ICLR]
name = "International Conference on Learning Representations"

[venues.EMNLP]
name = "Conference on Empirical Methods in Natural Language Processing"

[venues.TMLR]
name = "Transactions on Machine Learning Research"
kind = "journal"
"""

# A small library with the cases the filters must tell apart.
RECORDS = {
    "publications/lovelace2024engine": """\
        type = "inproceedings"
        title = "Notes on the Analytical Engine"
        authors = ["Ada Lovelace", "Charles Babbage"]
        equal_contribution = ["Ada Lovelace", "Charles Babbage"]
        venue = "ICLR"
        year = 2024
        tags = ["history"]
        abstract = "Bernoulli numbers computed by machine."
        """,
    "publications/babbage2021difference": """\
        type = "article"
        title = "A Difference Engine"
        authors = ["Charles Babbage"]
        venue = "TMLR"
        year = 2021
        """,
    "publications/jegou2023findings": """\
        type = "inproceedings"
        title = "Product Quantization at Scale"
        authors = ["Hervé Jégou", "Łukasz Kaiser"]
        venue = "EMNLP"
        track = "Findings"
        year = 2023
        month = 12
        """,
    "publications/anon2019old": """\
        type = "techreport"
        title = "zebra crossings"
        authors = ["Anon Ymous"]
        venue = "Some Workshop on Things"
        year = 2019
        """,
    "publications/smith-undated": """\
        type = "preprint"
        title = "Undated Thoughts"
        authors = ["Jane Smith", "Ada Lovelace"]
        authors_truncated = true
        venue = "arXiv"
        month = 1
        day = 15
        """,
    "patents/us1234567": """\
        type = "patent"
        title = "Loom Control by Punched Cards"
        authors = ["Joseph Jacquard"]
        people = ["Ada Lovelace"]
        number = "US1234567"
        status = "granted"
        """,
}


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test sees the developer's library: empty data dir, no $SCHOLAR_LIBRARY, cwd in tmp."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("SCHOLAR_LIBRARY", raising=False)
    monkeypatch.delenv("SCHOLAR_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "")  # recorded, so that what --no-color sets is undone after the test
    monkeypatch.delenv("NO_COLOR")
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def write_library(root: Path, records: dict[str, str], settings: str = LIBRARY_TOML) -> Path:
    """A library whose records were last changed a day ago, as most of a real library's were
    (the cache does not trust files changed in the last seconds: index.RACY_NS)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "library.toml").write_text(settings, encoding="utf-8")
    yesterday = time.time_ns() - 86_400 * 10**9
    for name, text in records.items():
        path = root / f"{name}.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        os.utime(path, ns=(yesterday, yesterday))
    return root


def write_counts(root: Path) -> None:
    """Counts for two works of RECORDS, in a citations.toml last changed a day ago (see write_library)."""
    import datetime as dt

    from scholarcli.model import Citation
    from scholarcli.store.citations_file import write_citations

    counts = {
        "anon2019old": Citation(5, "openalex", dt.date(2025, 6, 20)),
        "us1234567": Citation(1, "crossref", dt.date(2025, 1, 1)),
    }
    write_citations(root, counts)
    yesterday = time.time_ns() - 86_400 * 10**9
    os.utime(root / "citations.toml", ns=(yesterday, yesterday))


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib", RECORDS)


@pytest.fixture
def make_library(tmp_path: Path) -> Callable[..., Path]:
    def make(records: dict[str, str], settings: str = LIBRARY_TOML, name: str = "lib") -> Path:
        return write_library(tmp_path / name, records, settings)

    return make


class ConsoleScript:
    """What the `scholar` script runs, for CliRunner: the quick path first, then the typer app."""

    name = "scholar"

    def main(self, args: Sequence[str], prog_name: str) -> None:
        main(list(args))


def runner_for(command: click.Command | typer.Typer) -> Callable[..., Run]:
    """Run the CLI in-process; stdout and stderr are kept apart."""

    def run(*args: str | Path, input: str | None = None) -> Run:
        argv = [str(a) for a in args]
        if isinstance(command, typer.Typer):
            result = typer.testing.CliRunner().invoke(command, argv, input=input, prog_name="scholar")
        else:
            result = click.testing.CliRunner().invoke(command, argv, input=input, prog_name="scholar")
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def scholar() -> Callable[..., Run]:
    """The command line as a user runs it."""
    return runner_for(cast(click.Command, ConsoleScript()))


@pytest.fixture
def scholar_typer() -> Callable[..., Run]:
    """The typer app alone, without the quick path."""
    return runner_for(app)


def interrupt_after(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, count: int) -> None:
    """Ctrl-C, as a real SIGINT to the main thread, right after the ``count``-th call of ``module.name``
    (a record written): the interrupt comes at a chosen record, however fast or loaded the machine."""
    import signal
    import threading

    calls, real = [0], getattr(module, name)

    def interrupting(*args: Any, **kwargs: Any) -> Any:
        done = real(*args, **kwargs)
        calls[0] += 1
        if calls[0] == count:
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)
        return done

    monkeypatch.setattr(module, name, interrupting)


def library_files(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` (relative path) and its bytes: what a command must leave as it was."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def http_server() -> Iterator[Recorded]:
    """A real HTTP server on 127.0.0.1 serving recorded responses (tests/fetch/server.py), for one test module.

    Its threads are all gone before other modules run: a live thread would stop the library scan
    from forking (tests/test_scan.py checks it forks).
    """
    from http.server import ThreadingHTTPServer

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = False  # server_close() then waits for every request thread
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    RECORDED.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield RECORDED
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def recorded(http_server: Recorded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Recorded:
    """Every service at the local server, no routes yet; a fresh cache and config directory; no user settings.

    Each service is under its own path prefix (``/crossref``, ``/arxiv``, ...), so no test can reach
    the internet.
    """
    from scholarcli.fetch.registry import services

    http_server.routes.clear()
    http_server.requests.clear()
    http_server.otherwise = None
    for service in services().values():
        monkeypatch.setenv(service.variable, f"{http_server.base}/{service.name}")
    monkeypatch.setenv("SCHOLAR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SCHOLAR_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("OPENALEX_API_KEY", raising=False)
    monkeypatch.delenv("SCHOLAR_CONTACT_EMAIL", raising=False)
    monkeypatch.delenv("SEMANTIC_SCHOLAR_API_KEY", raising=False)
    return http_server
