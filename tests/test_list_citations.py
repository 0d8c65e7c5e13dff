"""`list` with citation counts: --sort citations, the last TSV column, CSV, JSON, the table, export json."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run
from scholarcli.model import Citation
from scholarcli.store.citations_file import write_citations

Scholar = Callable[..., Run]
DAY = dt.date(2025, 6, 20)
# lovelace2024engine and us1234567 have no count
COUNTS = {
    key: Citation(cited, "openalex", DAY) for key, cited in (("babbage2021difference", 40), ("jegou2023findings", 7))
}
COUNTS |= {"anon2019old": Citation(7, "crossref", dt.date(2025, 1, 2)), "smith-undated": Citation(0, "openalex", DAY)}


@pytest.fixture
def counted(library: Path) -> Path:
    write_citations(library, COUNTS)
    return library


def keys(scholar: Scholar, root: Path, *args: str) -> list[str]:
    run = scholar("-L", root, "list", "--format", "keys", *args)
    assert (run.exit_code, run.stderr) == (0, "")
    return run.lines


def test_sort_by_citations_is_most_cited_first_ties_newest_first_and_works_without_a_count_last(
    scholar: Scholar, counted: Path
) -> None:
    assert keys(scholar, counted, "--sort", "citations") == [
        "babbage2021difference",  # 40
        "jegou2023findings",  # 7, 2023
        "anon2019old",  # 7, 2019
        "smith-undated",  # 0: counted, so before the works without a count
        "lovelace2024engine",  # no count: newest first among them
        "us1234567",
    ]
    reversed_ = keys(scholar, counted, "--sort", "citations", "--reverse")
    assert reversed_ == list(reversed(keys(scholar, counted, "--sort", "citations")))
    assert keys(scholar, counted, "--sort", "citations", "--limit", "1") == ["babbage2021difference"]


def test_sort_by_citations_without_a_citations_file_is_newest_first(scholar: Scholar, library: Path) -> None:
    assert keys(scholar, library, "--sort", "citations") == keys(scholar, library)


def test_tsv_has_the_count_as_a_new_last_column_after_the_six_it_had(scholar: Scholar, counted: Path) -> None:
    rows = {line.split("\t")[0]: line.split("\t") for line in scholar("-L", counted, "list").lines}
    assert rows["babbage2021difference"] == [
        "babbage2021difference",
        "2021",
        "article",
        "Charles Babbage",
        "A Difference Engine",
        "TMLR",
        "40",
    ]
    assert rows["smith-undated"][6] == "0" and rows["lovelace2024engine"][6] == ""  # zero, and no count


def test_csv_has_a_citations_column_and_json_a_citations_object(scholar: Scholar, counted: Path) -> None:
    rows = list(csv.reader(io.StringIO(scholar("-L", counted, "list", "--format", "csv", "--sort", "key").stdout)))
    assert rows[0][-1] == "citations"
    assert [row[-1] for row in rows[1:]] == ["7", "40", "7", "", "0", ""]
    works = {work["key"]: work for work in json.loads(scholar("-L", counted, "list", "--format", "json").stdout)}
    assert works["anon2019old"]["citations"] == {"count": 7, "source": "crossref", "date": "2025-01-02"}
    assert list(works["anon2019old"])[-1] == "citations"  # after the record's fields
    assert "citations" not in works["lovelace2024engine"]
    jsonl = [json.loads(line) for line in scholar("-L", counted, "list", "--format", "jsonl").lines]
    assert [work.get("citations", {}).get("count") for work in jsonl] == [None, 7, 40, 7, 0, None]
    exported = json.loads(scholar("-L", counted, "export", "json").stdout)  # the same JSON as list's
    assert exported == json.loads(scholar("-L", counted, "list", "--format", "json").stdout)


def test_the_table_has_a_cited_column_only_when_a_work_has_a_count(scholar: Scholar, counted: Path) -> None:
    table = scholar("-L", counted, "list", "--format", "table", "--sort", "citations").stdout
    header = next(line for line in table.splitlines() if "Key" in line)
    assert header.split()[-1] == "Cited"
    first = next(line.split() for line in table.splitlines() if "babbage2021difference" in line)
    assert first[-1] == "40"
    uncited = scholar("-L", counted, "list", "--format", "table", "--venue", "ICLR").stdout
    assert "Cited" not in uncited


def test_a_broken_citations_file_is_named_and_the_listing_still_shown(scholar: Scholar, counted: Path) -> None:
    path = counted / "citations.toml"
    path.write_text(path.read_text().replace("count = 40", 'count = "forty"'))
    run = scholar("-L", counted, "list")
    assert run.exit_code == 1
    assert len(run.lines) == 6
    assert run.stderr.splitlines() == [
        "error: citations.toml: babbage2021difference: count should be a whole number of at least 0, not 'forty'",
        f"error: 1 problem in the library at {counted}",
    ]
    assert scholar("-L", counted, "list", "--format", "keys").exit_code == 0  # keys shows no count: not read


def test_export_sorts_by_citations_too(scholar: Scholar, counted: Path) -> None:
    run = scholar("-L", counted, "export", "bibtex", "--sort", "citations")
    assert run.exit_code == 0
    assert run.stdout.index("babbage2021difference") < run.stdout.index("jegou2023findings")
    assert run.stdout.index("smith-undated") < run.stdout.index("lovelace2024engine")


def test_show_gives_the_count_in_text_and_json(scholar: Scholar, counted: Path) -> None:
    run = scholar("-L", counted, "show", "anon2019old")
    assert "Citations: 7 (crossref, 2025-01-02)\n" in run.stdout
    shown = json.loads(scholar("-L", counted, "show", "anon2019old", "--format", "json").stdout)
    assert shown == next(
        w for w in json.loads(scholar("-L", counted, "list", "-f", "json").stdout) if w["key"] == "anon2019old"
    )
    assert "Citations" not in scholar("-L", counted, "show", "lovelace2024engine").stdout
