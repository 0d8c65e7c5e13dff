"""A person's works from ORCID, DBLP and OpenAlex, merged into one record per work."""

from __future__ import annotations

import pytest

from fetch.server import Recorded, one_line
from scholarcli.fetch import FetchError, fetch_profile
from scholarcli.fetch.dedupe import dedupe
from scholarcli.fetch.http import Client
from scholarcli.model.validate import work_from_record

EGLEN = "0000-0001-8607-8025"


def serve_eglen(recorded: Recorded) -> None:
    recorded.file(f"/orcid/v3.0/{EGLEN}/person", f"orcid/{EGLEN}-person.json")
    recorded.file(f"/orcid/v3.0/{EGLEN}/works", f"orcid/{EGLEN}-works.json")


def test_orcid_works_merge_preprints_into_their_published_versions(recorded: Recorded, client: Client) -> None:
    serve_eglen(recorded)
    seen: list[tuple[int, int | None]] = []
    result = fetch_profile(
        "orcid", f"https://orcid.org/{EGLEN}", client, lambda done, total: seen.append((done, total)), details=False
    )
    assert (result.name, result.variants, result.failures) == ("Stephen Eglen", (), [])
    assert seen[-1] == (19, 19)  # one summary per group of the works list
    titles = [record["title"] for record in result.records]
    assert len(titles) == 11 and len(set(titles)) == 11
    by_title = {record["title"]: record for record in result.records}
    git = by_title["Ten Simple Rules for Taking Advantage of Git and GitHub"]  # + the bioRxiv "... git and GitHub"
    assert (git["type"], git["doi"], git["year"]) == ("article", "10.1371/journal.pcbi.1004947", 2016)
    homeostatic = by_title[
        "Homeostatic Activity-Dependent Tuning of Recurrent Networks for Robust Propagation of Activity"
    ]
    assert (homeostatic["type"], homeostatic["doi"]) == (
        "article",
        "10.1523/jneurosci.2511-15.2016",
    )  # not 10.1101/033548
    retina = by_title[
        "A data repository and analysis framework for spontaneous neural activity recordings in developing retina"
    ]
    assert retina["doi"] == "10.1186/2047-217X-3-3"  # the 2013 bioRxiv report is the same work
    assert (
        sum(t == "Modelling the Development of the Retinogeniculate Pathway" for t in titles) == 1
    )  # three records of it
    # A preprint whose published title differs ("Towards" vs "Toward") is not guessed to be the same work.
    assert (
        by_title["Towards standard practices for sharing computer code and programs in neuroscience"]["type"]
        == "preprint"
    )
    for record in result.records:
        assert "authors" not in record  # summaries list none, and none is invented
        assert work_from_record("k", record, "k.toml")[1] == []


def test_orcid_details_failure_keeps_the_summaries(recorded: Recorded, client: Client) -> None:
    serve_eglen(recorded)
    result = fetch_profile("orcid", EGLEN, client)
    assert len(result.records) == 11
    ((ident, reason),) = result.failures
    assert ident == EGLEN and "no such" not in reason
    assert one_line(FetchError("ORCID", ident, reason, "not-found"), "404", "listed without their authors")


def test_orcid_details_add_the_authors(recorded: Recorded, client: Client) -> None:
    orcid = "0000-0002-0613-2229"
    recorded.file(f"/orcid/v3.0/{orcid}/person", f"orcid/{EGLEN}-person.json")  # any person answer will do
    recorded.file(f"/orcid/v3.0/{orcid}/works", f"orcid/{orcid}-works.json")
    recorded.file(f"/orcid/v3.0/{orcid}/works/89975745,76065020", f"orcid/{orcid}-works-89975745,76065020.json")
    result = fetch_profile("orcid", orcid, client)
    assert result.failures == []
    assert [record["authors"][0] for record in result.records] == ["Di Xu", "Di Xu"]
    assert [record["title"] for record in result.records] == [
        "Verification of cascade optical coherence tomography for freeform optics form metrology",
        "Cascade optical coherence tomography (C-OCT)",
    ]


def test_orcid_unknown_id(recorded: Recorded, client: Client) -> None:
    recorded.file(f"/orcid/v3.0/{EGLEN}/person", "orcid/not-found.json", 404)
    with pytest.raises(FetchError) as caught:
        fetch_profile("orcid", EGLEN, client)
    assert caught.value.kind == "not-found"
    assert one_line(caught.value, f"ORCID: {EGLEN}: no such ORCID iD (404: 404 Not Found: The resource was not found.")


def test_dblp_person(recorded: Recorded, client: Client) -> None:
    recorded.file("/dblp/pid/95/7448-1.xml", "dblp/pid-95-7448-1.xml")
    result = fetch_profile("dblp", "https://dblp.org/pid/95/7448-1", client)
    assert result.name == "Di Xu" and result.failures == []
    assert len(result.records) == 8
    assert result.records[3] == {
        "type": "article",
        "title": "Correction of Clipped Pixels in Color Images",
        "authors": ["Di Xu", "Colin Doutre", "Panos Nasiopoulos"],
        "venue": "IEEE Trans. Vis. Comput. Graph.",
        "year": 2011,
        "volume": "17",
        "issue": "3",
        "pages": "333-344",
        "doi": "10.1109/TVCG.2010.63",
    }


def test_openalex_author_works(recorded: Recorded, client: Client) -> None:
    recorded.file("/openalex/authors/A5023888391", "openalex/A5023888391.json")
    recorded.file("/openalex/works", "openalex/works-list.json", query={"filter": "author.id:A5023888391"})
    result = fetch_profile("openalex", "https://openalex.org/A5023888391", client)
    assert (result.name, result.variants) == ("Jason Priem", ("Priem Jason",))
    assert [record["title"] for record in result.records] == [
        "Attention mechanisms in computer vision: A survey",
        "Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks",
    ]
    assert result.records[0]["doi"] == "10.1007/s41095-022-0271-y" and result.records[0]["authors"][0] == "Meng-Hao Guo"
    works_request = recorded.requests[-1]
    assert (works_request.query["cursor"], works_request.query["per-page"]) == ("*", "100")
    assert set(works_request.query["select"].split(",")) >= {"authorships", "is_authors_truncated", "biblio"}


def test_openalex_key_is_sent_but_never_cached(
    recorded: Recorded, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    from scholarcli.fetch.config import Config

    recorded.file("/openalex/authors/A5023888391", "openalex/A5023888391.json")
    recorded.file("/openalex/works", "openalex/works-list.json")
    cache = Path(str(tmp_path)) / "c"
    with Client(Config(openalex_api_key="s3cret-key"), cache_dir=cache) as client:
        fetch_profile("openalex", "A5023888391", client)
        fetch_profile("openalex", "A5023888391", client)
    assert all(seen.query.get("api_key") == "s3cret-key" for seen in recorded.requests)
    assert len(recorded.requests) == 2  # the second import came from the cache
    assert not any("s3cret" in path.read_text(encoding="utf-8") for path in cache.rglob("*.json"))


def test_openalex_unknown_author(recorded: Recorded, client: Client) -> None:
    recorded.file("/openalex/authors/A1", "openalex/not-found.json", 404)
    with pytest.raises(FetchError) as caught:
        fetch_profile("openalex", "A1", client)
    assert one_line(caught.value, "OpenAlex: A1: no such author (404: The requested URL was not found")


def test_dedupe_keeps_the_arxiv_id_of_the_preprint() -> None:
    preprint = {
        "type": "preprint",
        "title": "Graph Attention Networks",
        "authors": ["Petar Velickovic"],
        "venue": "arXiv",
        "year": 2017,
        "arxiv": "1710.10903",
        "categories": ["stat.ML"],
    }
    published = {
        "type": "inproceedings",
        "title": "Graph Attention Networks.",
        "authors": ["Petar Velickovic", "Guillem Cucurull"],
        "venue": "ICLR",
        "year": 2018,
    }
    other = {"type": "article", "title": "Graph Attention Networks", "authors": ["Someone Else"], "year": 2018}
    merged = dedupe([preprint, other, published])
    assert merged == [
        {
            "type": "inproceedings",
            "title": "Graph Attention Networks.",
            "authors": ["Petar Velickovic", "Guillem Cucurull"],
            "venue": "ICLR",
            "year": 2018,
            "arxiv": "1710.10903",
            "categories": ["stat.ML"],
        },
        other,  # same title, another first author: another work
    ]


def test_dedupe_by_doi_and_arxiv_and_not_by_short_titles() -> None:
    a = {"type": "preprint", "title": "Introduction", "arxiv": "2409.13598"}
    b = {"type": "article", "title": "Introduction", "doi": "10.1/X"}
    c = {"type": "misc", "title": "Something else entirely", "doi": "10.1/x"}
    d = {"type": "preprint", "title": "Yet another title here", "arxiv": "2409.13598"}
    assert [r["title"] for r in dedupe([a, b, c, d])] == ["Introduction", "Introduction"]
    assert dedupe([a, b, c, d])[1]["type"] == "article"
