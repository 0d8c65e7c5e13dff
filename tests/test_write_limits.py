"""Never write what the library would refuse to read: every writer checks the exact text a reader
would read (its size, TOML, validation), and a record that would not pass is one problem, never a
file that breaks every later `list` and `check`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run, library_files, write_library
from fetch.server import FIXTURES, Answer, Recorded
from scholarcli.errors import InvalidRecord
from scholarcli.model import FIELD_KINDS, WORK_TYPES, Citation, Kind, Known, Work
from scholarcli.store.records import MAX_FILE_BYTES, read_record, save

Scholar = Callable[..., Run]
BIG = "word " * 600_000  # 3 MB: an abstract no record may hold (a record is at most 1 MiB)
BIG_SAYS = f"abstract: {len(BIG.strip()):,} bytes long: the record would be "  # stripped as every fetched text
PLOS = "10.1371/journal.pone.0033693"
WWW = "10.1145/3184558.3186235"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib", {})


def readable(scholar: Scholar, root: Path) -> None:
    """The library reads without a problem afterwards."""
    for command in ("list", "check"):
        run = scholar("-L", root, command)
        assert run.exit_code == 0, (command, run.stderr)


def test_a_bib_entry_too_large_for_a_record_is_one_problem_and_the_rest_are_imported(
    scholar: Scholar, library: Path, tmp_path: Path
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{big, title={Big}, author={Ada Lovelace}, year={2020}, note={" + "x" * (2 << 20) + "}}\n"
        "@article{small, title={Small}, author={Ada Lovelace}, year={2021}}\n",
        encoding="utf-8",
    )
    run = scholar("-L", library, "import", bib)
    assert run.exit_code == 1
    (problem,) = [line for line in run.stderr.splitlines() if line.startswith("error: publications/big.toml")]
    assert problem.startswith("error: publications/big.toml: note: 2,097,152 bytes long: the record would be ")
    assert problem.endswith(" bytes, more than the 1,048,576 a record may have")
    assert sorted(path.name for path in (library / "publications").iterdir()) == ["small.toml"]
    readable(scholar, library)


def crossref_with(recorded: Recorded, doi: str, fixture: str, **changes: Any) -> None:
    data = json.loads((FIXTURES / fixture).read_text(encoding="utf-8"))
    data["message"] |= changes
    recorded.add(f"/crossref/works/{doi}", Answer(json.dumps(data).encode()))


@pytest.mark.usefixtures("recorded")
def test_a_fetched_record_too_large_is_one_error_and_nothing_is_written(
    scholar: Scholar, library: Path, recorded: Recorded
) -> None:
    crossref_with(recorded, PLOS, "crossref/10.1371-journal.pone.0033693.json", abstract=BIG)
    before = library_files(library)
    run = scholar("-L", library, "add", PLOS)
    assert run.exit_code == 1 and run.stdout == ""
    assert run.stderr.startswith(f"error: publications/sadasivan2012methylphenidate.toml: {BIG_SAYS}")
    assert len(run.stderr.splitlines()) == 1
    assert {name: data for name, data in library_files(library).items() if name != ".scholar.lock"} == before
    readable(scholar, library)


PLOS_RECORD = (
    f'type = "article"\ntitle = "Methylphenidate"\nauthors = ["Shankar Sadasivan"]\nyear = 2012\ndoi = "{PLOS}"\n'
)
WWW_RECORD = f'type = "inproceedings"\ntitle = "DL-Learner"\nauthors = ["Lorenz Bühmann"]\nyear = 2018\ndoi = "{WWW}"\n'


@pytest.mark.usefixtures("recorded")
def test_a_refresh_too_large_for_a_record_fails_that_work_and_saves_the_others(
    scholar: Scholar, make_library: Callable[..., Path], recorded: Recorded
) -> None:
    root = make_library({"publications/plos": PLOS_RECORD, "publications/www": WWW_RECORD})
    crossref_with(recorded, PLOS, "crossref/10.1371-journal.pone.0033693.json", abstract=BIG)
    recorded.file(f"/crossref/works/{WWW}", "crossref/10.1145-3184558.3186235.json")
    run = scholar("-L", root, "refresh", "--write")
    assert run.exit_code == 1
    assert f"error: plos: the fetched values make no valid record: publications/plos.toml: {BIG_SAYS}" in run.stderr
    assert (
        'title = "DL-Learner Structured Machine Learning on Semantic Web Data"'
        in (root / "publications/www.toml").read_text()
    )
    assert (root / "publications/plos.toml").read_text() == PLOS_RECORD
    readable(scholar, root)


@pytest.mark.usefixtures("recorded")
def test_an_orcid_work_too_large_for_a_record_is_one_failure_and_the_rest_are_imported(
    scholar: Scholar, library: Path, recorded: Recorded
) -> None:
    orcid = "0000-0002-0613-2229"
    recorded.file(f"/orcid/v3.0/{orcid}/person", "orcid/0000-0001-8607-8025-person.json")
    works = json.loads((FIXTURES / f"orcid/{orcid}-works.json").read_text(encoding="utf-8"))
    first = works["group"][0]["work-summary"][0]
    first["short-description"] = BIG
    recorded.add(f"/orcid/v3.0/{orcid}/works", Answer(json.dumps(works).encode()))
    run = scholar("-L", library, "import", "--orcid", orcid)
    assert run.exit_code == 1, run.stderr
    assert sum(BIG_SAYS in line for line in run.stderr.splitlines()) == 1
    assert "unexpected" not in run.stderr
    imported = list((library / "publications").iterdir())
    assert len(imported) == len(works["group"]) - 1 > 0
    readable(scholar, library)


def test_citations_are_checked_as_they_will_be_read_before_they_are_written(tmp_path: Path) -> None:
    import datetime as dt

    from scholarcli.store.citations_file import read_citations, write_citations

    root = write_library(tmp_path / "lib", {})
    good = {"a": Citation(5, "openalex", dt.date(2025, 1, 1))}
    write_citations(root, good)
    for count in (-5, 2**63, 10**30):
        with pytest.raises(InvalidRecord):
            write_citations(root, {**good, "b": Citation(count, "openalex", dt.date(2025, 1, 1))})
    assert read_citations(root) == (good, [])


# --- the property: save and read agree, over every field kind -----------------------------------

TEXT = st.text(st.characters(codec="utf-8"), max_size=20)  # every character a file can hold
SIZES = st.sampled_from([0, 1, MAX_FILE_BYTES - 200, MAX_FILE_BYTES - 20, MAX_FILE_BYTES, 2 * MAX_FILE_BYTES])
VALUES: dict[Kind, st.SearchStrategy[Any]] = {
    Kind.STR: st.one_of(TEXT, SIZES.map(lambda n: "é" * (n // 2)), st.just("a lone \ud800 surrogate")),
    Kind.INT: st.one_of(st.integers(-5, 3000), st.sampled_from([2**63, -(2**63) - 1, 10**30])),
    Kind.BOOL: st.booleans(),
    Kind.STR_LIST: st.lists(st.one_of(TEXT, SIZES.map(lambda n: "x" * n)), max_size=3).map(tuple),
    Kind.STR_TABLE: st.dictionaries(st.from_regex(r"[a-z]{1,8}", fullmatch=True), TEXT, max_size=3),
    Kind.DATE: st.dates(),
    Kind.STR_LIST_TABLE: st.dictionaries(
        st.sampled_from(["corresponding", "student", "undeclared"]), st.lists(TEXT, max_size=2).map(tuple), max_size=2
    ),
}
KNOWN = Known(marks=frozenset({"corresponding", "student"}))
WORKS = st.builds(
    lambda work_type, fields: Work(key="k", type=work_type, **fields),
    st.sampled_from(WORK_TYPES),
    st.dictionaries(
        st.sampled_from([name for name in FIELD_KINDS if name != "type"]), st.just(None), max_size=4
    ).flatmap(lambda chosen: st.fixed_dictionaries({name: VALUES[FIELD_KINDS[name]] for name in chosen})),
)


@settings(
    max_examples=150,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
@given(work=WORKS)
def test_whatever_save_writes_reads_back_as_it_was_and_what_it_refuses_is_not_written(
    tmp_path: Path, work: Work
) -> None:
    root = tmp_path / "lib"
    root.mkdir(exist_ok=True)
    path = root / "publications" / "k.toml"
    path.unlink(missing_ok=True)
    try:
        save(root, "publications/k.toml", work, KNOWN)
    except InvalidRecord as error:
        assert error.problems and not path.exists()
        return
    assert path.stat().st_size <= MAX_FILE_BYTES
    read = read_record(root, "publications/k.toml", "k", KNOWN)
    assert isinstance(read, Work) and read.to_record() == work.to_record()  # empty values are not written
