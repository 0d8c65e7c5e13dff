"""Citation counts matched by DOI, arXiv id, then title and year; refresh's published version."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from fetch import batch_answers
from fetch.server import Answer, Recorded, Seen, one_line
from scholarcli.fetch import CitationCount, FetchError, fetch_citations, published_version
from scholarcli.fetch.config import Config
from scholarcli.fetch.http import Client
from scholarcli.model import Work

NOW = dt.datetime(2025, 6, 20, 12, tzinfo=dt.UTC).timestamp()
TODAY = dt.date(2025, 6, 20)


@pytest.fixture
def dated(tmp_path: Path) -> Client:
    return Client(Config(), cache_dir=tmp_path / "c", clock=lambda: NOW, sleep=lambda _: None, pacing={})


def test_openalex_by_doi_then_arxiv_then_title(recorded: Recorded, dated: Client) -> None:
    """One OR-filter request for the DOIs, one for the arXiv DOIs of the works left, then a title search each."""
    batch_answers.serve(recorded, "openalex", {"10.7717/peerj.4375": batch_answers.load("openalex/W2741809807.json")})
    recorded.file("/openalex/works", "openalex/works-list.json", query={"per-page": "25"})  # the title search
    works = [
        Work(key="piwowar2018state", type="article", title="The state of OA", doi="10.7717/PEERJ.4375"),
        Work(
            key="guo2022attention", type="article", title="Attention Mechanisms in Computer Vision: a Survey", year=2022
        ),
        Work(
            key="guo2021attention", type="article", title="Attention mechanisms in computer vision: A survey", year=2021
        ),
        Work(
            key="vaswani2017attention",
            type="preprint",
            title="Attention is all you need",
            arxiv="1706.03762",
            year=2017,
        ),
        Work(key="untitled", type="misc", title="No year, no identifier"),
    ]
    with dated:
        result = fetch_citations(works, "openalex", dated)
    assert result.counts == {
        "piwowar2018state": CitationCount(962, "openalex", TODAY),  # the DOI's case aside
        "guo2022attention": CitationCount(2242, "openalex", TODAY),  # exact title (case aside) and year
    }
    assert sorted(result.unmatched) == ["guo2021attention", "untitled", "vaswani2017attention"]
    assert result.failures == {}
    filters = [seen.query["filter"] for seen in recorded.requests]
    assert filters[:2] == ["doi:10.7717/PEERJ.4375", "doi:10.48550/arxiv.1706.03762"]
    assert sorted(filters[2:]) == [
        "title.search:Attention Mechanisms in Computer Vision a Survey,publication_year:2022",
        "title.search:Attention is all you need,publication_year:2017",
        "title.search:Attention mechanisms in computer vision A survey,publication_year:2021",
    ]


def test_semantic_scholar_batch_as_recorded(recorded: Recorded, dated: Client) -> None:
    """The recorded batch answer: each paper goes to the work its own DOI names, whatever its place in
    the list; a paper named by no work asked for is nobody's; null is a work it does not know."""
    recorded.file("/semanticscholar/graph/v1/paper/batch", "semanticscholar/batch.json")
    works = [
        Work(key="banerjee2013miracle", type="article", title="Microfinance", doi="10.2139/SSRN.2250500"),
        Work(key="unknown", type="article", title="Unknown", doi="10.1000/unknown"),
        Work(key="bertrand2001", type="article", title="Differences-in-differences", doi="10.2139/ssrn.288970"),
        Work(key="nothing", type="misc", title="Nothing to match by"),
    ]
    with dated:
        result = fetch_citations(works, "semanticscholar", dated)
    assert result.counts == {
        "banerjee2013miracle": CitationCount(2185, "semanticscholar", TODAY),
        "bertrand2001": CitationCount(10670, "semanticscholar", TODAY),
    }
    assert sorted(result.unmatched) == ["nothing", "unknown"]
    (asked,) = recorded.requests  # one request for the three DOIs; none has an arXiv id
    assert asked.method == "POST" and asked.query == {"fields": "externalIds,citationCount"}
    assert json.loads(asked.body) == {
        "ids": ["DOI:10.2139/SSRN.2250500", "DOI:10.1000/unknown", "DOI:10.2139/ssrn.288970"]
    }


def test_semantic_scholar_key_is_sent_and_never_stored(recorded: Recorded, tmp_path: Path) -> None:
    recorded.file("/semanticscholar/graph/v1/paper/batch", "semanticscholar/batch.json")
    cache = tmp_path / "c"
    work = [Work(key="b", type="article", title="Microfinance", doi="10.2139/ssrn.2250500")]
    with Client(Config(semanticscholar_api_key="s3cret-key"), cache_dir=cache, pacing={}) as client:
        assert fetch_citations(work, "semanticscholar", client).counts["b"].count == 2185
    assert recorded.requests[0].headers["x-api-key"] == "s3cret-key"
    assert not [path for path in cache.rglob("*") if path.is_file() and b"s3cret-key" in path.read_bytes()]


def test_crossref_a_failed_batch_is_split_until_the_bad_work_fails_alone(recorded: Recorded, client: Client) -> None:
    """A batch refused for what it asks is asked again in halves: the good works are counted, the bad one fails."""
    known = dict(
        batch_answers.one("crossref", doi, 70 + at) for at, doi in enumerate(("10.1000/a", "10.1000/b", "10.1000/c"))
    )
    answer = batch_answers.crossref(known)

    def refusing(seen: Seen) -> Answer:
        if "10.1000/bad" in seen.query.get("filter", ""):
            return Answer(b'{"status":"failed","message":[{"type":"validation-failure"}]}', 400)
        return answer(seen)

    recorded.add("/crossref/works", refusing)
    dois = ["10.1000/a", "10.1000/b", "10.1000/c", "10.1000/bad"]
    works = [Work(key=doi[-1] if doi[-1] != "d" else "bad", type="article", title="T", doi=doi) for doi in dois]
    works.append(Work(key="preprint", type="preprint", title="Only on arXiv", arxiv="2409.13598"))
    result = fetch_citations(works, "crossref", client)
    assert {key: found.count for key, found in result.counts.items()} == {"a": 70, "b": 71, "c": 72}
    assert result.unmatched == ["preprint"]  # Crossref counts by DOI alone
    assert list(result.failures) == ["bad"] and "refused as malformed (400" in result.failures["bad"]
    assert len(recorded.requests) == 5  # [a b c bad], [a b], [c bad], [c], [bad]


def test_a_network_failure_is_not_split_and_a_second_run_asks_only_for_what_failed(
    recorded: Recorded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Resumption: what a run fetched is remembered per work, so the next run asks for the rest alone."""
    from scholarcli.fetch.services import openalex

    monkeypatch.setattr(openalex, "SERVICE", dataclasses.replace(openalex.SERVICE, batch=10))
    dois = [f"10.1000/{n:03}" for n in range(30)]
    known = {doi: batch_answers.work(doi, n) for n, doi in enumerate(dois)}
    answer = batch_answers.openalex(known)

    def limited(seen: Seen) -> Answer:  # the second batch is refused for an hour
        if "10.1000/010" in seen.query.get("filter", ""):
            return Answer(b"{}", 429, headers={"Retry-After": "3600"})
        return answer(seen)

    recorded.add("/openalex/works", limited)
    works = [Work(key=f"w{n:03}", type="article", title="T", doi=doi) for n, doi in enumerate(dois)]
    with Client(Config(), cache_dir=tmp_path / "c", sleep=lambda _: None, pacing={}) as client:
        first = fetch_citations(works, "openalex", client)
        assert len(first.counts) == 20 and sorted(first.failures) == [f"w{n:03}" for n in range(10, 20)]
        assert len(recorded.requests) == 3  # a refused batch is not split: every half would be refused too
        recorded.routes.clear()
        recorded.add("/openalex/works", answer)
        second = fetch_citations(works, "openalex", client)
    assert {key: found.count for key, found in second.counts.items()} == {f"w{n:03}": n for n in range(30)}
    assert len(recorded.requests) == 4  # one request, for the ten that failed
    assert recorded.requests[-1].query["filter"] == "doi:" + "|".join(dois[10:20])


def test_counts_are_remembered_for_a_day(recorded: Recorded, tmp_path: Path) -> None:
    recorded.file("/semanticscholar/graph/v1/paper/batch", "semanticscholar/batch.json")
    now = [NOW]
    work = [Work(key="b", type="article", title="Microfinance", doi="10.2139/ssrn.2250500")]
    with Client(Config(), cache_dir=tmp_path / "c", clock=lambda: now[0], pacing={}) as client:
        fetch_citations(work, "semanticscholar", client)
        now[0] += 3600
        assert fetch_citations(work, "semanticscholar", client).counts["b"].date == TODAY  # the day it was asked
        now[0] += 86400
        fetch_citations(work, "semanticscholar", client)
    assert recorded.hits("/semanticscholar/graph/v1/paper/batch") == 2


def test_published_version_from_the_arxiv_doi(recorded: Recorded, client: Client) -> None:
    recorded.file("/arxiv/api/query", "arxiv/astro-ph-9812133.xml", query={"id_list": "astro-ph/9812133"})
    recorded.file("/crossref/works/10.1086/307221", "crossref/not-found.txt", 404)
    recorded.file("/doi/10.1086/307221", "doi/not-found.html", 404)
    work = Work(
        key="perlmutter1998", type="preprint", title="Measurements of Omega and Lambda", arxiv="astro-ph/9812133"
    )
    with pytest.raises(FetchError) as caught:  # the DOI arXiv names is followed, to Crossref and doi.org
        published_version(work, client)
    assert one_line(caught.value, "doi.org: 10.1086/307221: no such DOI")
    recorded.file("/crossref/works/10.1086/307221", "crossref/10.1371-journal.pone.0033693.json")
    found = published_version(work, client)
    assert found is not None and found.source == "crossref"
    assert found.record["type"] == "article" and found.record["arxiv"] == "astro-ph/9812133"  # the arXiv id kept


def test_published_version_from_dblp(recorded: Recorded, client: Client) -> None:
    recorded.file("/dblp/search/publ/api", "dblp/search-test.json")
    title = "A Test Cost Reduction Method by Test Response and Test Vector Overlapping for Full-Scan Test Architecture"
    found = published_version(Work(key="shinogi", type="preprint", title=title), client)
    assert found is not None and found.hints.dblp_key == "conf/ats/ShinogiYHTY05"
    assert found.record == {
        "type": "inproceedings",
        "title": title,
        "authors": ["Tsuyoshi Shinogi", "Hiroyuki Yamada", "Terumine Hayashi", "Shinji Tsuruoka", "Tomohiro Yoshikawa"],
        "venue": "Asian Test Symposium",
        "year": 2005,
        "pages": "366-371",
        "doi": "10.1109/ATS.2005.17",
    }
    assert recorded.requests[0].query == {"q": title, "format": "json", "h": "10"}
    assert published_version(Work(key="x", type="preprint", title="Another title altogether"), client) is None


def test_published_version_of_a_published_work_is_none(client: Client) -> None:
    assert published_version(Work(key="a", type="article", title="Done"), client) is None
