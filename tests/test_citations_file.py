"""citations.toml: one file of counts beside library.toml, sorted by key, checked, cached, never a record."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import RECORDS, Run
from scholarcli.errors import Problem
from scholarcli.index import citation_cache as cached
from scholarcli.model import Citation
from scholarcli.model.validate import KEY_RULE
from scholarcli.store import citations_file as store

Scholar = Callable[..., Run]
DAY = dt.date(2025, 6, 20)
COUNTS = {
    "lovelace2024engine": Citation(12, "openalex", DAY),
    "anon2019old": Citation(0, "crossref", dt.date(2025, 1, 2)),
    "us1234567": Citation(3, "openalex", DAY),
}


def a_day_ago(path: Path) -> None:
    """As if written yesterday: a file changed in the last seconds is not trusted to the cache."""
    yesterday = time.time_ns() - 86_400 * 10**9
    os.utime(path, ns=(yesterday, yesterday))


def test_the_file_is_a_table_per_key_sorted_by_key_and_reads_back(library: Path) -> None:
    store.write_citations(library, COUNTS)
    text = (library / "citations.toml").read_text()
    assert text == store.HEADER + (
        "\n"
        '[anon2019old]\ncount = 0\nsource = "crossref"\ndate = 2025-01-02\n\n'
        '[lovelace2024engine]\ncount = 12\nsource = "openalex"\ndate = 2025-06-20\n\n'
        '[us1234567]\ncount = 3\nsource = "openalex"\ndate = 2025-06-20\n'
    )
    assert store.read_citations(library) == (COUNTS, [])


def test_no_file_is_no_counts(library: Path) -> None:
    assert store.read_citations(library) == ({}, [])
    assert cached.load(library) == ({}, [])


def test_each_broken_entry_is_a_problem_and_the_others_are_kept(library: Path) -> None:
    (library / "citations.toml").write_text(
        '[good]\ncount = 4\nsource = "openalex"\ndate = 2025-06-20\n'
        '[negative]\ncount = -1\nsource = "openalex"\ndate = 2025-06-20\n'
        '[nodate]\ncount = 4\nsource = "openalex"\n'
        '[textdate]\ncount = 4\nsource = "openalex"\ndate = "today"\n'
        '[nosource]\ncount = 4\nsource = ""\ndate = 2025-06-20\n'
        '[extra]\ncount = 4\nsource = "x"\ndate = 2025-06-20\ncolour = 1\n'
        '["two words"]\ncount = 4\nsource = "x"\ndate = 2025-06-20\n'
    )
    counts, problems = store.read_citations(library)
    assert counts == {"good": Citation(4, "openalex", DAY)}
    assert problems == [
        Problem("citations.toml", "negative", "count should be a whole number of at least 0, not -1"),
        Problem("citations.toml", "nodate", "date is missing"),
        Problem("citations.toml", "textdate", "date should be the day the count was asked (YYYY-MM-DD), not a string"),
        Problem("citations.toml", "nosource", "source should name the service the count came from"),
        Problem("citations.toml", "extra", "unknown field colour (known: count, source, date)"),
        Problem("citations.toml", "two words", f"is not a work's key ({KEY_RULE})"),
    ]


def test_a_file_too_large_or_no_file_at_all_is_one_problem(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store.write_citations(library, COUNTS)
    monkeypatch.setattr(store, "MAX_CITATIONS_BYTES", 100)
    counts, problems = store.read_citations(library)
    assert counts == {}
    assert [(p.path, p.field) for p in problems] == [("citations.toml", "")]
    assert "more than the 100" in problems[0].message
    monkeypatch.undo()
    (library / "citations.toml").unlink()
    (library / "citations.toml").mkdir()
    assert store.read_citations(library) == (
        {},
        [Problem("citations.toml", "", "cannot read: not a regular file (a folder)")],
    )


def test_citations_toml_at_the_root_is_not_a_record(scholar: Scholar, library: Path) -> None:
    store.write_citations(library, COUNTS)
    run = scholar("-L", library, "list", "--format", "keys")
    assert (run.exit_code, run.stderr) == (0, "")
    assert "citations" not in run.lines and len(run.lines) == len(RECORDS)


def test_the_cache_gives_what_the_file_holds_and_notices_a_change(library: Path) -> None:
    path = library / "citations.toml"
    store.write_citations(library, COUNTS)
    a_day_ago(path)
    assert cached.load(library) == (COUNTS, [])  # parsed, and kept
    path.write_text(path.read_text().replace("count = 12", "count = 13"))  # the same size
    a_day_ago(path)
    changed = cached.load(library)[0]
    assert changed["lovelace2024engine"].cited == 13 and changed["anon2019old"] == COUNTS["anon2019old"]
    assert cached.load(library)[0] == changed  # now from the cache


def test_check_names_broken_counts_and_counts_of_keys_no_work_has(scholar: Scholar, library: Path) -> None:
    store.write_citations(library, {**COUNTS, "gone2020": Citation(1, "openalex", DAY)})
    with (library / "citations.toml").open("a") as handle:
        handle.write('\n[anon2019old2]\ncount = "many"\nsource = "openalex"\ndate = 2025-06-20\n')
    run = scholar("-L", library, "check")
    assert run.exit_code == 1
    assert "citations.toml: anon2019old2: count should be a whole number of at least 0, not 'many'" in run.stderr
    assert "citations.toml: gone2020: no work has this key (renamed or removed?); its count is not shown" in run.stderr
