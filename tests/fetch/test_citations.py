"""Citation counts matched by DOI, arXiv id, then title and year; refresh's published version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fetch.server import Answer, Recorded, one_line
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
    recorded.file("/openalex/works/doi:10.7717/peerj.4375", "openalex/W2741809807.json")
    recorded.file("/openalex/works/doi:10.48550/arXiv.1706.03762", "openalex/not-found.json", 404)
    recorded.file("/openalex/works", "openalex/works-list.json")
    works = [
        Work(key="piwowar2018state", type="article", title="The state of OA", doi="10.7717/peerj.4375"),
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
        "piwowar2018state": CitationCount(962, "openalex", TODAY),
        "guo2022attention": CitationCount(2242, "openalex", TODAY),  # exact title (case aside) and year
    }
    assert result.unmatched == ["guo2021attention", "vaswani2017attention", "untitled"]
    assert result.failures == {}
    title_search = next(seen for seen in recorded.requests if seen.path == "/openalex/works")
    assert (
        title_search.query["filter"]
        == "title.search:Attention Mechanisms in Computer Vision a Survey,publication_year:2022"
    )


def test_semantic_scholar_by_arxiv_id(recorded: Recorded, dated: Client) -> None:
    recorded.file("/semanticscholar/graph/v1/paper/ARXIV:1706.03762", "semanticscholar/ARXIV-1706.03762.json")
    recorded.file("/semanticscholar/graph/v1/paper/DOI:10.1/unknown", "semanticscholar/not-found.json", 404)
    works = [
        Work(
            key="vaswani2017attention",
            type="preprint",
            title="Attention Is All You Need",
            doi="10.1/unknown",
            arxiv="1706.03762",
        ),
        Work(key="nothing", type="misc", title="Nothing to match by"),
    ]
    with dated:
        result = fetch_citations(works, "semanticscholar", dated)
    assert result.counts == {"vaswani2017attention": CitationCount(170735, "semanticscholar", TODAY)}
    assert result.unmatched == ["nothing"]
    assert recorded.requests[-1].query["fields"] == "title,year,externalIds,citationCount"


def test_crossref_counts_and_a_failure_does_not_lose_the_others(recorded: Recorded, client: Client) -> None:
    recorded.file("/crossref/works/10.1371/journal.pone.0033693", "crossref/10.1371-journal.pone.0033693.json")
    recorded.file("/crossref/works/10.1145/3184558.3186235", "crossref/truncated.json")
    recorded.add("/crossref/works/10.1109/icdcsw.2003.1203662", Answer(b"", 500))
    works = [
        Work(key="broken", type="inproceedings", title="DL-Learner", doi="10.1145/3184558.3186235"),
        Work(key="down", type="inproceedings", title="Losses", doi="10.1109/icdcsw.2003.1203662"),
        Work(
            key="sadasivan2012methylphenidate",
            type="article",
            title="Methylphenidate",
            doi="10.1371/journal.pone.0033693",
        ),
        Work(key="preprint", type="preprint", title="Only on arXiv", arxiv="2409.13598"),
    ]
    result = fetch_citations(works, "crossref", client)
    assert list(result.counts) == ["sadasivan2012methylphenidate"]
    assert result.counts["sadasivan2012methylphenidate"].count == 72
    assert result.unmatched == ["preprint"]
    assert result.failures["broken"].startswith("Crossref: 10.1145/3184558.3186235: answered with unreadable JSON")
    assert "server error 500 after 3 tries" in result.failures["down"]


def test_counts_are_cached_for_a_day(recorded: Recorded, tmp_path: Path) -> None:
    recorded.file("/semanticscholar/graph/v1/paper/ARXIV:1706.03762", "semanticscholar/ARXIV-1706.03762.json")
    now = [NOW]
    work = [Work(key="v", type="preprint", title="Attention Is All You Need", arxiv="1706.03762")]
    with Client(Config(), cache_dir=tmp_path / "c", clock=lambda: now[0]) as client:
        fetch_citations(work, "semanticscholar", client)
        now[0] += 3600
        assert fetch_citations(work, "semanticscholar", client).counts["v"].date == TODAY  # the day it was asked
        now[0] += 86400
        fetch_citations(work, "semanticscholar", client)
    assert recorded.hits("/semanticscholar/graph/v1/paper/ARXIV:1706.03762") == 2


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
