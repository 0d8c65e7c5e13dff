"""`scholar refresh --citations`: counts into citations.toml, sorted; failures keep the counts they had."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, write_library
from fetch import batch_answers
from fetch.server import FIXTURES, Answer, Recorded, Seen, Sleeps
from scholarcli.model import Citation
from scholarcli.store.citations_file import read_citations, write_citations

Scholar = Callable[..., Run]
RECORDS = {
    "publications/piwowar2018state": 'type = "article"\ntitle = "The state of OA"\ndoi = "10.7717/peerj.4375"\n',
    "publications/guo2022attention": 'type = "article"\ntitle = "Attention Mechanisms in Computer Vision: a Survey"\nyear = 2022\n',
    "publications/vaswani2017attention": 'type = "preprint"\ntitle = "Attention is all you need"\narxiv = "1706.03762"\nyear = 2017\n',
    "publications/limited": 'type = "article"\ntitle = "Rate limited"\ndoi = "10.1000/limited"\nyear = 2020\n',
    "publications/slow": 'type = "article"\ntitle = "Too slow"\ndoi = "10.1000/slow"\nyear = 2020\n',
}
BEFORE = {
    "piwowar2018state": Citation(100, "openalex", dt.date(2024, 1, 1)),
    "vaswani2017attention": Citation(50, "semanticscholar", dt.date(2024, 2, 2)),
    "limited": Citation(7, "crossref", dt.date(2024, 5, 5)),
    "slow": Citation(3, "openalex", dt.date(2024, 6, 6)),
    "gone2019": Citation(1, "openalex", dt.date(2024, 3, 3)),  # a work removed since: its count stays
}


pytestmark = pytest.mark.usefixtures("refresh_client")


def openalex(seen: Seen) -> Answer:
    """The DOIs' batch (OpenAlex knows one of the four DOIs), then a title search each: one refused, one too slow."""
    if seen.query["filter"].startswith("doi:"):
        return batch_answers.openalex({"10.7717/peerj.4375": batch_answers.load("openalex/W2741809807.json")})(seen)
    if seen.query["filter"].startswith("title.search:Rate limited"):
        return Answer(b"{}", 429, headers={"Retry-After": "3600"})
    if seen.query["filter"].startswith("title.search:Too slow"):
        return Answer(b"{}", delay=2.0)
    return Answer((FIXTURES / "openalex/works-list.json").read_bytes())


@pytest.fixture
def root(tmp_path: Path, recorded: Recorded) -> Path:
    recorded.add("/openalex/works", openalex)
    made = write_library(tmp_path / "lib", RECORDS, "schema = 1\n")
    write_citations(made, BEFORE)
    return made


def test_counts_are_written_sorted_and_failures_keep_the_counts_they_had(
    scholar: Scholar, root: Path, sleeps: Sleeps
) -> None:
    run = scholar("-L", root, "refresh", "--citations")
    today = dt.datetime.now(dt.UTC).date()
    assert run.exit_code == 1
    assert run.lines == ["guo2022attention: citations: (none) -> 2242", "piwowar2018state: citations: 100 -> 962"]
    assert run.stderr.splitlines() == [
        "note: vaswani2017attention: openalex has no match (by DOI, arXiv id, or title and year); a count it had is kept",
        "error: limited: OpenAlex: Rate limited: rate-limited (429) after 1 try, asks to wait 3600 s; the count it had is kept",
        "error: slow: OpenAlex: Too slow: no whole answer within 0.5 s; the count it had is kept",
        f"2 of 5 counts from openalex; written to {root / 'citations.toml'}",
        "error: 2 of 5 counts could not be fetched; the counts they had are kept",
    ]
    counts, problems = read_citations(root)
    assert problems == []
    assert counts == {
        **BEFORE,  # nothing zeroed, nothing dropped
        "piwowar2018state": Citation(962, "openalex", today),
        "guo2022attention": Citation(2242, "openalex", today),
    }
    text = (root / "citations.toml").read_text()
    tables = [line for line in text.splitlines() if line.startswith("[")]
    assert tables == sorted(tables) == [f"[{key}]" for key in sorted(counts)]
    assert sleeps == []  # an hour is not waited for


def test_the_records_are_not_touched(scholar: Scholar, root: Path) -> None:
    records = {path: path.read_bytes() for path in root.rglob("*.toml") if path.name != "citations.toml"}
    scholar("-L", root, "refresh", "--citations")
    assert {path: path.read_bytes() for path in root.rglob("*.toml") if path.name != "citations.toml"} == records


def test_keys_and_filters_choose_the_works_and_another_source_can_be_asked(
    scholar: Scholar, root: Path, recorded: Recorded
) -> None:
    run = scholar("-L", root, "refresh", "--citations", "piwowar2018state")
    assert (run.exit_code, run.lines) == (0, ["piwowar2018state: citations: 100 -> 962"])
    assert read_citations(root)[0]["slow"] == BEFORE["slow"]
    batch_answers.serve(recorded, "crossref", dict([batch_answers.one("crossref", "10.1000/limited", 72)]))
    run = scholar("-L", root, "refresh", "--citations", "--source", "crossref", "--search", "rate")
    assert (run.exit_code, run.lines) == (0, ["limited: citations: 7 -> 72"])
    assert read_citations(root)[0]["limited"].source == "crossref"


def test_a_broken_citations_file_is_refused_before_anything_is_asked(
    scholar: Scholar, root: Path, recorded: Recorded
) -> None:
    path = root / "citations.toml"
    path.write_text(path.read_text().replace("count = 7", "count = -7"))
    text = path.read_text()
    run = scholar("-L", root, "refresh", "--citations")
    assert run.exit_code == 1
    assert run.stderr.startswith(
        "error: citations.toml: limited: count should be a whole number of at least 0, not -7; fix"
    )
    assert recorded.requests == [] and path.read_text() == text


def test_stats_and_list_use_the_counts_refresh_wrote(scholar: Scholar, root: Path) -> None:
    scholar("-L", root, "refresh", "--citations")
    keys = scholar("-L", root, "list", "--sort", "citations", "--format", "keys").lines
    assert keys == ["guo2022attention", "piwowar2018state", "vaswani2017attention", "limited", "slow"]
    tsv = scholar("-L", root, "stats").lines
    # 2242 962 50 7 3: the third has 50 >= 3, the fourth 7 >= 4, the fifth 3 < 5
    assert "metrics\t\th_index=4" in tsv and "metrics\t\tcitations=3264" in tsv and "metrics\t\ti10_index=3" in tsv


def test_the_sources_refresh_offers_are_the_services_that_count_citations() -> None:
    from scholarcli.cli.options import DECLARED
    from scholarcli.fetch.registry import offering

    assert DECLARED["refresh"].option("source").choices == offering("citations")
    assert offering("citations") == ("openalex", "semanticscholar", "crossref")  # the default first


def test_an_interrupted_run_writes_nothing_and_the_next_asks_only_for_the_rest(
    scholar: Scholar, tmp_path: Path, recorded: Recorded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C at the second batch: exit 130, citations.toml untouched; the next run asks only for what no
    batch answered, so that every batch is asked once in all (the third may have been answered before
    the interrupt reached the main thread)."""
    import dataclasses

    from scholarcli.fetch.services import openalex

    monkeypatch.setattr(openalex, "SERVICE", dataclasses.replace(openalex.SERVICE, batch=10))
    dois = [f"10.1000/{n:03}" for n in range(30)]
    batch_answers.serve(recorded, "openalex", {doi: batch_answers.work(doi, n) for n, doi in enumerate(dois)})
    records = {f"publications/w{n:03}": f'type = "article"\ntitle = "T"\ndoi = "{doi}"\n' for n, doi in enumerate(dois)}
    root = write_library(tmp_path / "lib", records, "schema = 1\n")
    asked, real = [0], openalex.citation_counts

    def interrupted(*args: object) -> object:
        asked[0] += 1
        if asked[0] == 2:
            raise KeyboardInterrupt
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(openalex, "citation_counts", interrupted)
    run = scholar("-L", root, "refresh", "--citations", "--jobs", "1")
    assert run.exit_code == 130 and run.stdout == ""
    assert run.stderr.splitlines()[-1].startswith("interrupted: nothing written")
    assert not (root / "citations.toml").exists() and len(recorded.requests) in (1, 2)
    monkeypatch.setattr(openalex, "citation_counts", real)
    again = scholar("-L", root, "refresh", "--citations")
    assert again.exit_code == 0, again.stderr
    assert len(again.lines) == 30 and len(recorded.requests) == 3  # what was answered was not asked again
    assert {key: c.cited for key, c in read_citations(root)[0].items()} == {f"w{n:03}": n for n in range(30)}


def test_jobs_and_rate_are_checked_and_beyond_the_documented_limits_warn(scholar: Scholar, root: Path) -> None:
    for bad in (["--jobs", "0"], ["--jobs", "33"], ["--rate", "0"], ["--rate", "nan"], ["--rate", "101"]):
        run = scholar("-L", root, "refresh", "--citations", *bad)
        assert run.exit_code == 2, (bad, run.stderr)
    run = scholar("-L", root, "refresh", "--citations", "piwowar2018state", "--jobs", "8", "--rate", "20")
    assert run.exit_code == 0, run.stderr
    assert run.stderr.splitlines()[0] == (
        "warning: OpenAlex documents at most 10 requests a second and 5 at once;"
        " beyond that it may answer 429, which slows the run down"
    )
    within = scholar("-L", root, "refresh", "--citations", "piwowar2018state", "--jobs", "2", "--rate", "1")
    assert within.exit_code == 0 and "warning" not in within.stderr
