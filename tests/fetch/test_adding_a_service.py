"""Adding a service is writing one module: a module the registry finds is offered by the commands and
used by refresh, and nothing else names it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import write_library
from fetch.server import Answer, Recorded, Seen
from scholarcli.store.citations_file import read_citations

# A whole citation service: its declaration and the one function its lookup names.
DUMMY = '''
"""A dummy citation service: GET /counts?dois=A,B answers {"A": 3, ...}."""

from scholarcli.fetch.answers import CITATION_TTL
from scholarcli.fetch.service import Pace, Service
from scholarcli.fetch.value import Value

SERVICE = Service(
    name="dummy",
    shown="Dummy Citations",
    url="https://dummy.invalid",
    looks_up=frozenset({"citations"}),
    pace=Pace(rate=5, concurrency=2),
    batch=2,
    matches_by="DOI",
    counts_by=("doi",),
)


def citation_counts(kind, ids, client):
    url = f"{SERVICE.base_url()}/counts"
    data = Value(client.json(SERVICE.name, f"{len(ids)} DOIs", url, params={"dois": ",".join(ids)}, ttl=CITATION_TTL))
    return [(doi, data[doi]) for doi in ids if data[doi].raw is not None]
'''
RUN = (
    "import sys, scholarcli.fetch.services as services\n"
    "services.__path__.append(sys.argv.pop(1))\n"  # the folder the test wrote its module in
    "from scholarcli.cli import main\n"
    "main()\n"
)


def _scholar(services: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", RUN, str(services), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def test_a_service_module_is_offered_by_the_commands_and_used_by_refresh(
    recorded: Recorded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = tmp_path / "more-services"
    services.mkdir()
    (services / "dummy.py").write_text(textwrap.dedent(DUMMY), encoding="utf-8")
    counts = {"10.1000/a": 3, "10.1000/b": 14}

    def answer(seen: Seen) -> Answer:
        return Answer(json.dumps({doi: counts[doi] for doi in seen.query["dois"].split(",") if doi in counts}).encode())

    recorded.add("/dummy/counts", answer)
    monkeypatch.setenv("SCHOLAR_DUMMY_URL", f"{recorded.base}/dummy")  # the module's own variable, from its name
    records = {f"publications/{key}": f'type = "article"\ntitle = "{key}"\ndoi = "10.1000/{key}"\n' for key in "abc"}
    root = write_library(tmp_path / "lib", records, "schema = 1\n")
    help_text = _scholar(services, "refresh", "--help")
    assert "dummy" in " ".join(help_text.stdout.split()), help_text.stderr
    run = _scholar(services, "-L", str(root), "refresh", "--citations", "--source", "dummy")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["a: citations: (none) -> 3", "b: citations: (none) -> 14"]
    assert "note: c: dummy has no match (by DOI); a count it had is kept" in run.stderr
    stored, problems = read_citations(root)
    assert problems == [] and {key: (c.cited, c.source) for key, c in stored.items()} == {
        "a": (3, "dummy"),
        "b": (14, "dummy"),
    }
    assert sorted(seen.query["dois"] for seen in recorded.requests) == ["10.1000/a,10.1000/b", "10.1000/c"]
    without = _scholar(tmp_path / "nothing-here", "-L", str(root), "refresh", "--citations", "--source", "dummy")
    assert without.returncode == 2 and '"dummy" is not a citation source' in without.stderr
