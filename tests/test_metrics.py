"""The h-index and i10-index, checked by hand, and what recorded metrics cannot all be."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run
from scholarcli.model import Citation, RecordedMetrics
from scholarcli.model.metrics import Metrics, contradictions, h_index, i10_index, metrics

Scholar = Callable[..., Run]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([], 0),  # no works
        ([0], 0),  # one work, never cited
        ([0, 0, 0], 0),
        ([1], 1),  # one work: h is at most 1
        ([250], 1),
        ([3, 0, 6, 1, 5], 3),  # sorted 6 5 3 1 0: the third has 3, the fourth only 1
        ([10, 8, 5, 4, 3], 4),  # the fourth has 4, the fifth 3 < 5
        ([25, 8, 5, 3, 3], 3),  # the third has 5 >= 3, the fourth 3 < 4
        ([4, 4, 4, 4], 4),  # ties: all four have 4
        ([4, 4, 4, 4, 4], 4),  # the fifth would need 5
        ([5, 5, 5, 1], 3),
        ([2, 2, 2], 2),
        ([1, 1, 1, 1], 1),
        ([100, 100, 0, 0], 2),
    ],
)
def test_h_index(counts: list[int], expected: int) -> None:
    assert h_index(counts) == expected
    assert h_index(reversed(counts)) == expected  # the order given does not matter


@pytest.mark.parametrize(
    ("counts", "expected"), [([], 0), ([9], 0), ([10], 1), ([10, 9, 11, 0], 2), ([10, 10, 10], 3), ([0, 0], 0)]
)
def test_i10_index_counts_works_cited_at_least_ten_times(counts: list[int], expected: int) -> None:
    assert i10_index(counts) == expected


DAY = dt.date(2025, 6, 20)


def test_works_without_a_count_are_left_out_not_counted_as_zero() -> None:
    counts = {
        "a": Citation(12, "openalex", DAY),
        "b": Citation(3, "crossref", dt.date(2025, 5, 1)),
        "c": Citation(0, "openalex", DAY),
    }
    assert metrics(["a", "b", "c", "d", "a"], counts) == Metrics(
        works=4,  # a, b, c and d: a given twice counts once
        counted=3,  # d has no count
        citations=15,
        h_index=2,  # 12 3 0
        i10_index=1,
        sources=("crossref", "openalex"),
        oldest=dt.date(2025, 5, 1),
    )


def test_metrics_of_no_counts() -> None:
    assert metrics(["a"], {}) == Metrics(1, 0, 0, 0, 0, (), None)
    assert metrics([], {}) == Metrics(0, 0, 0, 0, 0, (), None)


def test_an_h_index_of_27_cannot_come_from_229_citations() -> None:
    page = RecordedMetrics(h_index=27, papers=32, citations=229, source="profile page")
    assert contradictions(page) == [
        "an h-index of 27 needs at least 729 citations (27 papers cited 27 times each), and 229 are recorded"
    ]


@pytest.mark.parametrize(
    "recorded",
    [
        RecordedMetrics(),
        RecordedMetrics(h_index=27),  # nothing to hold it against
        RecordedMetrics(h_index=15, papers=15, citations=225),  # exactly enough
        RecordedMetrics(h_index=12, i10_index=12, papers=40, citations=900),
        RecordedMetrics(h_index=3, i10_index=0, papers=5, citations=9),  # below ten, i10 may be smaller
    ],
)
def test_metrics_that_can_be_true_have_no_contradiction(recorded: RecordedMetrics) -> None:
    assert contradictions(recorded) == []


def test_every_kind_of_contradiction_is_named() -> None:
    found = contradictions(RecordedMetrics(h_index=12, i10_index=11, papers=10, citations=100))
    assert found == [
        "an h-index of 12 needs at least 12 papers, and 10 are recorded",
        "an h-index of 12 needs at least 144 citations (12 papers cited 12 times each), and 100 are recorded",
        "an i10-index of 11 needs at least 11 papers, and 10 are recorded",
        "an i10-index of 11 needs at least 110 citations, and 100 are recorded",
        "an h-index of 12 makes the i10-index at least 12, and 11 is recorded",
    ]


def test_recorded_metrics_in_library_toml_are_checked_field_by_field(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    settings = """\
schema = 1

[[people]]
name = "Ada Lovelace"

[people.metrics]
h_index = -1
papers = 3.5
citations = 12
source = ""
date = "yesterday"
colour = "red"
"""
    run = scholar("-L", make_library({}, settings=settings), "list")
    assert run.exit_code == 1
    assert run.stderr.splitlines() == [
        "error: library.toml: people[1].metrics.h_index: should be a whole number of at least 0, not -1",
        "error: library.toml: people[1].metrics.papers: should be a whole number of at least 0, not 3.5",
        "error: library.toml: people[1].metrics.source: should be a non-empty string naming where the numbers come from",
        "error: library.toml: people[1].metrics.date: should be a date (YYYY-MM-DD), not a string",
        "error: library.toml: people[1].metrics: unknown field colour (known: h_index, i10_index, papers, citations, source, date)",
    ]


def test_the_sample_library_records_aman_guptas_metrics_as_his_page_gives_them() -> None:
    from scholarcli.library import open_library

    people = {person.name: person for person in open_library(None).settings.people}
    assert people["Aman Gupta"].metrics == RecordedMetrics(
        h_index=27, papers=32, citations=229, source="his profile page"
    )  # the page gives no date, so none is recorded
    assert people["Ayan Sengupta"].metrics is None


LIBRARY_COUNTS = {
    "lovelace2024engine": Citation(12, "openalex", DAY),
    "jegou2023findings": Citation(30, "openalex", DAY),
    "babbage2021difference": Citation(3, "openalex", DAY),
    "smith-undated": Citation(0, "openalex", DAY),
    "anon2019old": Citation(10, "crossref", dt.date(2025, 1, 2)),
}  # us1234567 has no count


@pytest.fixture
def counted(library: Path) -> Path:
    from scholarcli.store.citations_file import write_citations

    write_citations(library, LIBRARY_COUNTS)
    return library


def test_stats_gives_citations_h_index_and_i10_index_per_person_and_in_total(scholar: Scholar, counted: Path) -> None:
    import json

    run = scholar("-L", counted, "stats", "--format", "json")
    assert (run.exit_code, run.stderr) == (0, "")
    metrics = json.loads(run.stdout)["metrics"]
    # 30 12 10 3 0: the third has 10 >= 3, the fourth 3 < 4; three have ten or more
    assert metrics["total"] == {
        "works": 6,
        "counted": 5,
        "citations": 55,
        "h_index": 3,
        "i10_index": 3,
        "sources": ["crossref", "openalex"],
        "oldest": "2025-01-02",
    }
    # Ada: her engine (12), the undated preprint (0) and the patent, which has no count
    assert metrics["people"]["Ada Lovelace"] == {
        "works": 3,
        "counted": 2,
        "citations": 12,
        "h_index": 1,
        "i10_index": 1,
        "sources": ["openalex"],
        "oldest": "2025-06-20",
    }
    assert metrics["people"]["Hervé Jégou"]["citations"] == 30 and metrics["people"]["Hervé Jégou"]["h_index"] == 1
    assert metrics["recorded"] == {}


def test_stats_tsv_and_the_table_carry_the_same_numbers(scholar: Scholar, counted: Path) -> None:
    lines = scholar("-L", counted, "stats", "--format", "tsv").lines
    for line in ("works=6", "counted=5", "citations=55", "h_index=3", "i10_index=3", "sources=crossref; openalex"):
        assert f"metrics\t\t{line}" in lines
    assert "metrics\t\toldest=2025-01-02" in lines
    assert "metrics\tAda Lovelace\tcitations=12" in lines and "metrics\tAda Lovelace\th_index=1" in lines
    table = scholar("-L", counted, "stats", "--format", "table", "--year", "2023..").stdout
    assert "Citation metrics" in table
    assert [line.split() for line in table.splitlines() if line.strip().startswith(("Citations", "h-index"))] == [
        ["Citations", "42"],  # 2023 on: the engine (12) and the findings (30)
        ["h-index", "2"],
    ]


def test_stats_shows_the_samples_recorded_metrics_and_says_they_cannot_all_be_true(scholar: Scholar) -> None:
    import json

    run = scholar("stats", "--format", "json")
    assert run.exit_code == 0
    recorded = json.loads(run.stdout)["metrics"]["recorded"]
    assert recorded == {
        "Aman Gupta": {
            "h_index": 27,
            "i10_index": None,
            "papers": 32,
            "citations": 229,
            "source": "his profile page",
            "date": None,
            "contradictions": [
                "an h-index of 27 needs at least 729 citations (27 papers cited 27 times each), and 229 are recorded"
            ],
        }
    }
    note, warning = run.stderr.splitlines()  # the note: it is the bundled sample that stats read
    assert note.startswith("note: no library was found")
    assert warning == (
        "warning: Aman Gupta's recorded metrics (his profile page) cannot all be true: "
        "an h-index of 27 needs at least 729 citations (27 papers cited 27 times each), and 229 are recorded"
    )
    tsv = scholar("stats").lines
    assert "recorded\tAman Gupta\th_index=27" in tsv and "recorded\tAman Gupta\tcitations=229" in tsv
    table = scholar("stats", "--format", "table").stdout
    assert [line.split()[:4] for line in table.splitlines() if "recorded" in line] == [["recorded", "32", "229", "27"]]
