"""Each service's recorded answers, mapped to scholar records; each error shape, one line."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fetch.server import FIXTURES, Recorded, one_line
from scholarcli.fetch import FetchError, PublishedHints, fetch_work
from scholarcli.fetch.http import Client
from scholarcli.fetch.services.openalex import record_from_work as openalex_record
from scholarcli.fetch.services.orcid import fetch_details, normalize_orcid, record_from_work
from scholarcli.fetch.value import Value
from scholarcli.model.validate import work_from_record


def valid(record: dict[str, Any]) -> dict[str, Any]:
    work, problems = work_from_record("key", record, "fetched.toml")
    assert work is not None and not problems, problems
    return record


def test_crossref_conference_paper_uses_the_event_acronym(recorded: Recorded, client: Client) -> None:
    recorded.file("/crossref/works/10.1145/3184558.3186235", "crossref/10.1145-3184558.3186235.json")
    found = fetch_work("https://doi.org/10.1145/3184558.3186235", client)
    assert found.source == "crossref" and found.hints == PublishedHints()
    assert valid(found.record) == {
        "type": "inproceedings",
        "title": "DL-Learner Structured Machine Learning on Semantic Web Data",
        "authors": ["Lorenz Bühmann", "Jens Lehmann", "Patrick Westphal", "Simon Bin"],
        "venue": "WWW",  # event.acronym "WWW '18"
        "year": 2018,
        "publisher": "ACM Press",
        "doi": "10.1145/3184558.3186235",
    }


def test_crossref_journal_article(recorded: Recorded, client: Client) -> None:
    recorded.file("/crossref/works/10.1371/journal.pone.0033693", "crossref/10.1371-journal.pone.0033693.json")
    record = valid(fetch_work("doi:10.1371/journal.pone.0033693", client).record)
    assert record["type"] == "article" and record["venue"] == "PLoS ONE"
    assert (record["year"], record["month"], record["day"]) == (2012, 3, 21)
    assert (record["volume"], record["issue"], record["pages"]) == ("7", "3", "e33693")
    assert record["authors"][0] == "Shankar Sadasivan" and len(record["authors"]) == 6


def test_crossref_jats_abstract_becomes_plain_text(recorded: Recorded, client: Client) -> None:
    recorded.file("/crossref/works/10.32396/usurj.v1i1.55", "crossref/10.32396-usurj.v1i1.55.json")
    record = valid(fetch_work("10.32396/usurj.v1i1.55", client).record)
    assert record["abstract"].startswith("In the international community, human dependence on plastic")
    assert "<" not in record["abstract"] and "jats" not in record["abstract"]
    assert record["venue"] == "USURJ: University of Saskatchewan Undergraduate Research Journal"


def test_crossref_event_without_acronym_and_without_date(recorded: Recorded, client: Client) -> None:
    recorded.file("/crossref/works/10.1109/icdcsw.2003.1203662", "crossref/10.1109-icdcsw.2003.1203662.json")
    record = valid(fetch_work("10.1109/icdcsw.2003.1203662", client).record)
    assert (
        record["venue"]
        == "23rd International Conference on Distributed Computing Systems Workshops, 2003. Proceedings."
    )
    assert "year" not in record  # issued is [[null]]: nothing invented


def test_crossref_unknown_doi_falls_back_to_doi_org_then_fails(recorded: Recorded, client: Client) -> None:
    recorded.file("/crossref/works/10.1126/foo", "crossref/not-found.txt", 404)
    recorded.file("/doi/10.1126/foo", "doi/not-found.html", 404)
    with pytest.raises(FetchError) as caught:
        fetch_work("10.1126/foo", client)
    assert caught.value.kind == "not-found"
    assert one_line(caught.value, "doi.org: 10.1126/foo: no such DOI (404: Error: DOI Not Found)")
    assert recorded.hits("/crossref/works/10.1126/foo") == 1


def test_crossref_404_says_resource_not_found(recorded: Recorded, client: Client) -> None:
    from scholarcli.fetch.services import crossref

    recorded.file("/crossref/works/10.1371/notarealdoi", "crossref/not-found.txt", 404, content_type="text/plain")
    with pytest.raises(FetchError) as caught:
        crossref.fetch("10.1371/notarealdoi", client)
    assert one_line(caught.value, "Crossref: 10.1371/notarealdoi: no such DOI in Crossref (404: Resource not found.)")


def test_doi_org_content_negotiation_follows_the_redirect(recorded: Recorded, client: Client) -> None:
    doi = "10.1126/science.169.3946.635"
    recorded.file(f"/crossref/works/{doi}", "crossref/not-found.txt", 404)
    recorded.file(f"/doi/{doi}", "doi/handle-redirect.html", 302, headers={"Location": "{base}/agency/csl"})
    recorded.file("/agency/csl", "doi/10.1126-science.169.3946.635.json")
    found = fetch_work(doi, client)
    assert recorded.requests[1].headers["accept"] == "application/vnd.citationstyles.csl+json"
    assert found.source == "doi.org"
    record = valid(found.record)
    assert record.pop("abstract").startswith("The train of thought pursued in this article")
    assert record == {
        "type": "article",
        "title": "The Structure of Ordinary Water: New data and interpretations are yielding new insights into this fascinating substance",
        "authors": ["Henry S. Frank"],
        "venue": "Science",
        "year": 1970,
        "month": 8,
        "day": 14,
        "volume": "169",
        "issue": "3946",
        "pages": "635-641",
        "publisher": "American Association for the Advancement of Science (AAAS)",
        "doi": doi,
    }


def test_arxiv_new_style_with_journal_ref_and_doi(recorded: Recorded, client: Client) -> None:
    recorded.file("/arxiv/api/query", "arxiv/1710.08557.xml", query={"id_list": "1710.08557v1"})
    found = fetch_work("https://arxiv.org/abs/1710.08557v1", client)
    assert found.hints == PublishedHints(
        doi="10.1186/s12984-017-0305-3", journal_ref="Journal of NeuroEngineering and Rehabilitation, 2017"
    )
    record = valid(found.record)
    assert record["title"] == "On Neuromechanical Approaches for the Study of Biological Grasp and Manipulation"
    assert record["authors"] == ["Francisco J Valero-Cuevas", "Marco Santello"]
    assert (record["type"], record["venue"], record["arxiv"], record["categories"]) == (
        "preprint",
        "arXiv",
        "1710.08557",
        ["cs.RO"],
    )
    assert (record["year"], record["month"], record["day"]) == (2017, 10, 24)
    assert "doi" not in record  # the DOI is the published version's: a hint, not the preprint's
    assert record["abstract"].startswith("Biological and robotic grasp") and "\n" not in record["abstract"]
    assert recorded.requests[0].headers["accept"] == "application/atom+xml"


def test_arxiv_old_style_ids(recorded: Recorded, client: Client) -> None:
    recorded.file("/arxiv/api/query", "arxiv/astro-ph-9812133.xml", query={"id_list": "astro-ph/9812133"})
    recorded.file("/arxiv/api/query", "arxiv/math-0211159.xml", query={"id_list": "math/0211159"})
    supernovae = fetch_work("arXiv:astro-ph/9812133", client)
    assert supernovae.hints.doi == "10.1086/307221" and supernovae.hints.journal_ref == "Astrophys.J.517:565-586,1999"
    assert (
        supernovae.record["categories"] == ["astro-ph", "hep-ex", "hep-ph"] and len(supernovae.record["authors"]) == 32
    )
    ricci = valid(fetch_work("math/0211159", client).record)
    assert ricci["arxiv"] == "math/0211159" and ricci["categories"] == ["math.DG", "53C"]
    assert ricci["authors"] == ["Grisha Perelman"] and "journal_ref" not in json.dumps(ricci)


def test_arxiv_empty_feed_is_an_unknown_id(recorded: Recorded, client: Client) -> None:
    recorded.file("/arxiv/api/query", "arxiv/empty.xml", query={"id_list": "2409.99999"})
    with pytest.raises(FetchError) as caught:
        fetch_work("2409.99999", client)
    assert caught.value.kind == "not-found"
    assert one_line(caught.value, "arXiv: arXiv:2409.99999: no such arXiv id")


def test_arxiv_error_entry_is_a_malformed_id(recorded: Recorded, client: Client) -> None:
    from scholarcli.fetch.identify import Identifier
    from scholarcli.fetch.services import arxiv

    recorded.file("/arxiv/api/query", "arxiv/invalid-id.xml", 400, query={"id_list": "INVALIDID"})
    with pytest.raises(FetchError) as caught:
        arxiv.fetch(Identifier("arxiv", "INVALIDID"), client)
    assert caught.value.kind == "malformed"
    assert one_line(caught.value, "arXiv: arXiv:INVALIDID: refused: incorrect id format for INVALIDID")


def test_dblp_records(recorded: Recorded, client: Client) -> None:
    recorded.file("/dblp/rec/conf/cpaior/JabsBJ24.xml", "dblp/rec-conf-cpaior-JabsBJ24.xml")
    recorded.file("/dblp/rec/journals/jair/JabsBNJ24.xml", "dblp/rec-journals-jair-JabsBNJ24.xml")
    recorded.file("/dblp/rec/series/faia/0001LM21.xml", "dblp/rec-series-faia-0001LM21.xml")
    paper = fetch_work("DBLP:conf/cpaior/JabsBJ24", client)
    assert paper.source == "dblp" and paper.hints.dblp_key == "conf/cpaior/JabsBJ24"
    assert valid(paper.record) == {
        "type": "inproceedings",
        "title": "Core Boosting in SAT-Based Multi-objective Optimization",  # DBLP's full stop dropped
        "authors": ["Christoph Jabs", "Jeremias Berg", "Matti Järvisalo"],  # &#228; decoded
        "venue": "CPAIOR",  # "CPAIOR (2)": the part of the proceedings dropped
        "year": 2024,
        "pages": "1-19",
        "doi": "10.1007/978-3-031-60599-4_1",
    }
    article = valid(fetch_work("https://dblp.org/rec/journals/jair/JabsBNJ24.html", client).record)
    assert (article["type"], article["venue"], article["volume"]) == ("article", "J. Artif. Intell. Res.", "80")
    chapter = valid(fetch_work("series/faia/0001LM21", client).record)
    assert chapter["type"] == "incollection" and chapter["authors"][0] == "João Marques-Silva"  # "0001" dropped


def test_dblp_proceedings_volume_is_not_a_work(recorded: Recorded, client: Client) -> None:
    recorded.file("/dblp/rec/conf/cpaior/2024-2.xml", "dblp/rec-conf-cpaior-2024-2.xml")
    with pytest.raises(FetchError) as caught:
        fetch_work("DBLP:conf/cpaior/2024-2", client)
    assert caught.value.kind == "not-a-work"
    assert one_line(caught.value, "DBLP: conf/cpaior/2024-2: names a proceedings volume (an editorship), not a work")


def test_dblp_unknown_key(recorded: Recorded, client: Client) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_work("DBLP:conf/iclr/SenguptaCC25", client)
    assert one_line(caught.value, "DBLP: DBLP:conf/iclr/SenguptaCC25: no such DBLP record (404")


def test_openreview_is_identified_but_not_read(client: Client) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_work("https://openreview.net/forum?id=5RielfrDkP", client)
    assert caught.value.kind == "unsupported"
    assert one_line(caught.value, "OpenReview: 5RielfrDkP: reading OpenReview is not supported")


def test_orcid_work_with_arxiv_and_doi() -> None:
    work = json.loads((FIXTURES / "orcid/0000-0002-7416-5858-work-154061860.json").read_text(encoding="utf-8"))
    assert valid(record_from_work(Value(work))) == {
        "type": "article",
        "title": "Possibility of entanglement of purification to be less than half of the reflected entropy",
        "authors": ["Josiah Couch", "Phuc Nguyen", "Sarah Racz", "Georgios Stratis", "Yuxuan Zhang"],  # "Couch, Josiah"
        "venue": "Phys.Rev.A",
        "year": 2024,
        "month": 2,
        "day": 20,
        "doi": "10.1103/PhysRevA.109.022426",
        "arxiv": "2309.02506",
        "url": "http://inspirehep.net/record/2760289",
    }


def test_orcid_bulk_details(recorded: Recorded, client: Client) -> None:
    path = "/orcid/v3.0/0000-0002-0613-2229/works/89975745,76065020"
    recorded.file(path, "orcid/0000-0002-0613-2229-works-89975745,76065020.json")
    details = fetch_details("0000-0002-0613-2229", [89975745, 76065020], client)
    record = valid(record_from_work(details[89975745]))
    assert record["authors"][:2] == ["Di Xu", "Zhenkun Wen"] and record["venue"] == "Optics Express"
    assert recorded.requests[0].headers["accept"] == "application/vnd.orcid+json"


@pytest.mark.parametrize("text", ["0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097", "000000021825009 7"])
def test_orcid_ids(text: str) -> None:
    assert normalize_orcid(text.replace(" ", "")) == "0000-0002-1825-0097"


def test_orcid_id_with_a_wrong_check_digit() -> None:
    with pytest.raises(FetchError) as caught:
        normalize_orcid("0000-0002-1825-0098")
    assert one_line(caught.value, "ORCID: 0000-0002-1825-0098: not an ORCID iD (its check digit is wrong)")


def test_openalex_work() -> None:
    work = json.loads((FIXTURES / "openalex/W2741809807.json").read_text(encoding="utf-8"))
    record = valid(openalex_record(Value(work)))
    assert (
        record["title"]
        == "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles"
    )
    assert record["authors"][:2] == ["Heather Piwowar", "Jason Priem"] and len(record["authors"]) == 9
    assert (record["type"], record["venue"], record["volume"], record["pages"]) == ("article", "PeerJ", "6", "e4375")
    assert (record["year"], record["month"], record["day"], record["doi"]) == (2018, 2, 13, "10.7717/peerj.4375")
    assert record["abstract"].startswith("Despite growing interest in Open Access")


def test_an_openalex_author_list_cut_at_100_says_so() -> None:
    """OpenAlex lists at most 100 authors of a work in its lists, and says when it cut the list."""
    work = json.loads((FIXTURES / "openalex/W2741809807.json").read_text(encoding="utf-8"))
    assert valid(openalex_record(Value(work | {"is_authors_truncated": True})))["authors_truncated"] is True
    assert "authors_truncated" not in openalex_record(Value(work | {"is_authors_truncated": "yes"}))
