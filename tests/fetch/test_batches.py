"""Counts in batches: whatever a batch answer leaves out, repeats, reorders or adds, no work gets another's
count; requests are as few as the services allow; a server that limits its rate never has to refuse."""

from __future__ import annotations

import dataclasses
import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fetch import batch_answers
from fetch.server import Answer, Recorded, Seen
from scholarcli.fetch import fetch_citations
from scholarcli.fetch.config import Config
from scholarcli.fetch.http import Client
from scholarcli.model import Work

SOURCES = ("openalex", "semanticscholar", "crossref")
COUNT = st.integers(min_value=0, max_value=2**63 - 1)


@pytest.fixture
def unpaced(tmp_path: Path) -> Iterator[Client]:
    with Client(Config(), use_cache=False, sleep=lambda _: None, pacing={}) as made:
        yield made


def _dois(size: int) -> list[str]:
    return [f"10.5555/{n:05}" for n in range(size)]


@st.composite
def doctors(draw: st.DrawFn) -> Callable[[list[Any]], list[Any]]:
    """What a hostile server does to a batch answer: drop entries, repeat some, shuffle, add works not asked for."""
    drop = draw(st.sets(st.integers(0, 30), max_size=10))
    repeat = draw(st.sets(st.integers(0, 30), max_size=5))
    strangers = draw(st.lists(COUNT, max_size=4))
    seed = draw(st.integers(0, 2**16))

    def doctor(entries: list[Any]) -> list[Any]:
        kept = [entry for at, entry in enumerate(entries) if at not in drop]
        kept += [entry for at, entry in enumerate(entries) if at in repeat]
        kept += [batch_answers.one("openalex", f"10.9999/stranger{n}", count)[1] for n, count in enumerate(strangers)]
        random.Random(seed).shuffle(kept)
        return kept

    return doctor


@pytest.mark.parametrize("source", SOURCES)
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(counts=st.lists(COUNT, min_size=1, max_size=25), doctor=doctors())
def test_no_batch_answer_gives_a_work_another_works_count(
    recorded: Recorded, source: str, counts: list[int], doctor: Any
) -> None:
    recorded.routes.clear()
    dois = _dois(len(counts))
    truth = dict(zip(dois, counts, strict=True))
    known = dict(batch_answers.one(source, doi, count) for doi, count in truth.items())
    batch_answers.serve(recorded, source, known, doctor)
    works = [Work(key=f"w{at}", type="article", title="T", doi=doi) for at, doi in enumerate(dois)]
    with Client(Config(), use_cache=False, sleep=lambda _: None, pacing={}) as client:  # nothing remembered
        result = fetch_citations(works, source, client)
    for work in works:
        if work.key in result.counts:
            assert result.counts[work.key].count == truth[str(work.doi)]  # the service's count for that DOI
        else:
            assert work.key in result.unmatched  # left out of the answer: the service did not say
    assert result.failures == {}


@pytest.mark.parametrize("source", ["openalex", "semanticscholar", "crossref"])
def test_an_answer_that_gives_one_work_two_counts_fails_that_work_alone(
    recorded: Recorded, unpaced: Client, source: str
) -> None:
    known = dict(batch_answers.one(source, doi, 5) for doi in _dois(3))
    twice = batch_answers.one(source, _dois(1)[0], 6)[1]  # the first DOI again, with another count
    batch_answers.serve(recorded, source, known, lambda entries: [*entries, twice])
    works = [Work(key=f"w{at}", type="article", title="T", doi=doi) for at, doi in enumerate(_dois(3))]
    result = fetch_citations(works, source, unpaced)
    assert {key: found.count for key, found in result.counts.items()} == {"w1": 5, "w2": 5}
    assert list(result.failures) == ["w0"] and "answered twice, with different counts" in result.failures["w0"]


@pytest.mark.parametrize(
    ("source", "works", "requests"),
    [
        ("openalex", 1000, 10),  # 100 DOIs in one OR filter
        ("semanticscholar", 1000, 2),  # 500 ids a POST
        ("crossref", 200, 4),  # 50 DOIs a works query
    ],
)
def test_requests_are_as_few_as_the_batch_sizes_allow(
    recorded: Recorded, unpaced: Client, source: str, works: int, requests: int
) -> None:
    truth = {doi: at for at, doi in enumerate(_dois(works))}
    batch_answers.serve(recorded, source, dict(batch_answers.one(source, doi, n) for doi, n in truth.items()))
    asked = [Work(key=f"w{at:05}", type="article", title="T", doi=doi) for at, doi in enumerate(truth)]
    result = fetch_citations(asked, source, unpaced)
    assert {key: found.count for key, found in result.counts.items()} == {f"w{n:05}": n for n in range(works)}
    assert len(recorded.requests) == requests
    assert max(len(seen.path) + len(seen.query.get("filter", "")) for seen in recorded.requests) < 4000


class Limiting:
    """A server's limits, as the services enforce them: ``rate`` requests a second (a bucket that
    refills evenly and holds ``rate`` at most) and ``at_once`` requests at a time; 429 beyond."""

    def __init__(self, answer: Callable[[Seen], Answer], rate: float = 10, at_once: int = 5) -> None:
        self.answer, self.rate, self.at_once = answer, rate, at_once
        self.tokens, self.when, self.running = float(rate), time.monotonic(), 0
        self.refused = 0
        self.lock = threading.Lock()

    def __call__(self, seen: Seen) -> Answer:
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.rate, self.tokens + (now - self.when) * self.rate)
            self.when = now
            if self.tokens < 1 or self.running >= self.at_once:
                self.refused += 1
                return Answer(b'{"error": "Rate limit exceeded"}', 429, headers={"Retry-After": "1"})
            self.tokens -= 1
            self.running += 1
        try:
            time.sleep(0.05)  # answers take a while, so that requests overlap
            return self.answer(seen)
        finally:
            with self.lock:
                self.running -= 1


def test_a_server_allowing_ten_a_second_and_five_at_once_never_refuses(
    recorded: Recorded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OpenAlex's declared pace (10 a second, 5 at once) against a server that enforces exactly that:
    no 429, however the threads are scheduled (the client spaces starts evenly and never bursts)."""
    from scholarcli.fetch.services import openalex

    monkeypatch.setattr(openalex, "SERVICE", dataclasses.replace(openalex.SERVICE, batch=5))
    truth = {doi: at for at, doi in enumerate(_dois(100))}
    limiting = Limiting(batch_answers.openalex({doi: batch_answers.work(doi, n) for doi, n in truth.items()}))
    recorded.add("/openalex/works", limiting)
    works = [Work(key=f"w{at:03}", type="article", title="T", doi=doi) for at, doi in enumerate(truth)]
    with Client(Config(), cache_dir=tmp_path / "c") as client:  # the services' own pace
        result = fetch_citations(works, "openalex", client)
    assert limiting.refused == 0
    assert len(recorded.requests) == 20
    assert {key: found.count for key, found in result.counts.items()} == {f"w{n:03}": n for n in range(100)}


@pytest.mark.usefixtures("refresh_client")
def test_refresh_of_200_works_reads_them_in_batches_and_asks_nothing_twice(
    recorded: Recorded, tmp_path: Path, scholar: Any
) -> None:
    """200 DOIs in four Crossref queries (the one Crossref does not list goes to doi.org at once), the
    preprint's arXiv entry in one, its DBLP search: seven requests, and none on a second run."""
    from conftest import write_library

    dois = _dois(200)
    records = {
        f"publications/w{at:03}": f'type = "article"\ntitle = "T"\nyear = 2012\ndoi = "{doi}"\n'
        for at, doi in enumerate(dois)
    }
    records["publications/perelman2002entropy"] = 'type = "preprint"\ntitle = "Entropy"\narxiv = "math/0211159"\n'
    root = write_library(tmp_path / "lib", records, "schema = 1\n")
    recorded.add("/crossref/works", batch_answers.crossref({doi: batch_answers.message(doi) for doi in dois[1:]}))
    recorded.file(f"/doi/{dois[0]}", "doi/10.1126-science.169.3946.635.json")
    recorded.add(
        "/arxiv/api/query", batch_answers.arxiv({"math/0211159": batch_answers.arxiv_entry("arxiv/math-0211159.xml")})
    )
    recorded.file("/dblp/search/publ/api", "dblp/search-test.json")  # no record of that title
    run = scholar("-L", root, "refresh")
    assert run.exit_code == 0, run.stderr
    assert sum(line.startswith("w199: title: T -> Methylphenidate Exposure") for line in run.lines) == 1
    assert (
        "perelman2002entropy: title: Entropy -> The entropy formula for the Ricci flow and its geometric applications"
        in run.lines
    )
    paths = [seen.path for seen in recorded.requests]
    assert paths.count("/crossref/works") == 4 and paths.count("/arxiv/api/query") == 1
    assert paths.count(f"/doi/{dois[0]}") == 1 and len(paths) == 7
    again = scholar("-L", root, "refresh")  # every answer is kept: nothing is asked again
    assert again.exit_code == 0 and len(recorded.requests) == 7
