"""RIS records as scholar records: every tag mapped or kept, text never read as LaTeX, what cannot be
read named; and any record, however hostile, imports or is reported, never an internal error."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run
from scholarcli import index
from scholarcli.formats.latex_text import decode
from scholarcli.formats.ris_reading import KEPT_AS, TYPES, parse
from scholarcli.model import Settings
from scholarcli.model.markup import plain
from scholarcli.model.validate import work_from_record

Scholar = Callable[..., Run]

ARTICLE = """\
Provider: A Publisher
Content: text/plain; charset="UTF-8"

TY  - JOUR
AU  - de la Fuente, Juan
A1  - Lovelace, Ada
AU  - Harrison, Warren, Jr.
AU  - Catarina Barata
ED  - Babbage, Charles
T1  - Pay $100 to C:\\path {now} & 50% off_
PY  - 2020///
DA  - 2020/05/17/
T2  - Journal of Things
JO  - J. Things
J2  - JT
VL  - 12
IS  - 3
SP  - 379
EP  - 423
SN  - 1234-5678
DO  - https://doi.org/10.1234/ABC.def
UR  - https://example.org/a; https://example.org/b
L1  - https://example.org/a.pdf
AB  - An abstract
  over two lines.
N1  - First note
N1  - Second note
KW  - graphs; trees
KW  - Receptors, Adrenergic
PB  - Fun Factory
CY  - Berlin
LA  - en
ST  - Pay
Y2  - 2021/01/02
M3  - Article
C1  - custom one
ID  - fuente2020pay
ER  -
"""


def _record(text: str) -> dict[str, Any]:
    parsed = parse(text, "refs.ris", Settings(schema=1))
    assert not parsed.problems and len(parsed.entries) == 1, parsed
    record = parsed.entries[0].record
    assert work_from_record("k", record, "refs.ris")[1] == []  # a valid record
    return record


def test_every_tag_of_an_article_goes_to_its_field_or_is_kept() -> None:
    record = _record(ARTICLE)
    assert record["type"] == "article" and "bibtex_type" not in record
    assert record["authors"] == ["Juan de la Fuente", "Ada Lovelace", "Harrison, Jr., Warren", "Catarina Barata"]
    assert plain(record["title"]) == "Pay $100 to C:\\path {now} & 50% off_"  # text, not LaTeX
    simple = ("year", "month", "day", "venue", "volume", "issue", "pages", "publisher", "doi", "url", "links")
    assert {name: record[name] for name in (*simple, "abstract", "note", "tags")} == {
        "year": 2020, "month": 5, "day": 17, "venue": "Journal of Things", "volume": "12", "issue": "3",
        "pages": "379-423", "publisher": "Fun Factory", "doi": "10.1234/ABC.def", "url": "https://example.org/a",
        "links": {"pdf": "https://example.org/a.pdf"}, "abstract": "An abstract over two lines.",
        "note": "First note\nSecond note", "tags": ["graphs", "trees", "Receptors, Adrenergic"],
    }  # fmt: skip
    assert {name: decode(value) for name, value in record["extra"].items()} == {  # extra holds BibTeX source
        "editor": "Babbage, Charles", "issn": "1234-5678", "address": "Berlin", "language": "en",
        "shorttitle": "Pay", "urldate": "2021-01-02", "ris-jo": "J. Things", "ris-j2": "JT",
        "ris-ur": "https://example.org/b", "ris-m3": "Article", "ris-c1": "custom one",
    }  # fmt: skip
    assert parse(ARTICLE, "refs.ris", Settings(schema=1)).entries[0].key == "fuente2020pay"


def test_the_year_comes_from_py_and_month_and_day_from_the_first_date_of_that_year() -> None:
    """Zotero's rule: DA before the deprecated Y1; a date with more than a day is kept whole."""
    record = _record("TY  - JOUR\nY1  - 1900/01/01\nDA  - 1950/02/03\nER  - \n")
    assert (record["year"], record["month"], record["day"]) == (1950, 2, 3)
    assert record["extra"] == {"ris-y1": "1900/01/01"}
    record = _record("TY  - JOUR\nPY  - 2013\nPY  - 2013/02/15/received\nY1  - 2013/04/18\nER  - \n")
    assert (record["year"], record["month"], record["day"]) == (2013, 2, 15)
    assert record["extra"] == {"ris-py": "2013/02/15/received", "ris-y1": "2013/04/18"}
    assert _record("TY  - JOUR\nPY  - 1948/07//\nER  - \n") | {} == {"type": "article", "year": 1948, "month": 7}


def test_a_value_that_is_no_date_or_doi_is_a_problem_naming_the_record_and_tag_and_is_kept() -> None:
    parsed = parse("TY  - JOUR\nTI  - A\nPY  - Spring\nDO  - not a doi\nER  - \n", "refs.ris", Settings(schema=1))
    entry = parsed.entries[0]
    assert entry.name == "record 1 (line 1)"
    assert entry.problems == [
        'DO: "not a doi" is not a DOI; kept as ris-do',
        'PY: "Spring" is not a date (YYYY/MM/DD/other); kept as ris-py',
    ]
    assert entry.record["extra"] == {"ris-do": "not a doi", "ris-py": "Spring"}


def test_layout_crlf_bom_one_space_continuations_missing_er_and_stray_lines() -> None:
    text = "\ufeffTY - BOOK\r\nTI - One\r\nER  -\r\nAU  - Stray, Line\r\n\r\nTY  - CHAP\r\nTI  - Two\r\n  and more\r\nTY  - THES\r\nTI  - Three\r\n"
    parsed = parse(text, "refs.ris", Settings(schema=1))
    assert [(e.record["type"], e.record["title"]) for e in parsed.entries] == [
        ("book", "One"),
        ("incollection", "Two and more"),
        ("thesis", "Three"),
    ]
    assert parsed.entries[1].notes == ["no ER line ends it before the next TY line"]
    assert parsed.entries[2].notes == ["no ER line ends it"]
    assert [str(problem) for problem in parsed.problems] == [
        "refs.ris: line 4: tag lines outside any record (no TY line before them)"
    ]


def test_types_map_to_work_types_and_a_type_scholar_does_not_give_back_is_kept() -> None:
    for ty, work_type in TYPES.items():
        record = _record(f"TY  - {ty}\nTI  - T\nER  - \n")
        assert record["type"] == work_type
        assert ("extra" in record) == (ty not in ("JOUR", "CONF", "BOOK", "CHAP", "THES", "RPRT", "PAT"))
    assert _record("TY  - ELEC\nTI  - T\nER  - \n") == {
        "type": "misc",
        "title": "T",
        "title_as_written": True,
        "extra": {"ris-type": "ELEC"},
    }
    assert _record("TY  - jour\nTI  - T\nER  - \n") == {
        "type": "article",
        "title": "T",
        "title_as_written": True,
    }  # any case


def test_a_patent_takes_its_number_assignee_and_office() -> None:
    record = _record(
        "TY  - PAT\nTI  - Loom\nAU  - Jacquard, Joseph\nSN  - US1234567\nPB  - Acme\nA2  - USPTO\nER  - \n"
    )
    assert (record["number"], record["assignee"], record["authors"]) == ("US1234567", "Acme", ["Joseph Jacquard"])
    assert record["extra"] == {"ris-a2": "USPTO"}


def test_an_arxiv_record_is_a_preprint_and_a_book_keeps_its_series_and_isbn() -> None:
    record = _record("TY  - UNPB\nTI  - P\nDO  - 10.48550/arXiv.2409.13598\nER  - \n")
    assert (record["type"], record["arxiv"], record["venue"]) == ("preprint", "2409.13598", "arXiv")
    record = _record("TY  - BOOK\nTI  - B\nT2  - A Series\nSN  - 978-3-642-00230-4\nER  - \n")
    assert record["extra"] == {"series": "A Series", "isbn": "978-3-642-00230-4"}


@pytest.mark.parametrize(
    "written",
    ["10.1063/1.19", "doi: 10.1063/1.19", "https://doi.org/10.1063/1.19", "http://dx.doi.org/10.1063/1.19",
     "https://pubs.aip.org/doi/10.1063/1.19", "10.1063%2F1.19"],
)  # fmt: skip
def test_every_way_a_doi_is_written_gives_the_doi(written: str) -> None:
    assert _record(f"TY  - JOUR\nDO  - {written}\nER  - \n")["doi"] == "10.1063/1.19"


def test_kept_as_names_real_bibtex_fields() -> None:
    assert set(KEPT_AS.values()) <= {"address", "edition", "series", "language", "shorttitle"}


# --- hostile records ---------------------------------------------------------------------------

TAGS = ["TY", "AU", "A1", "A2", "ED", "TI", "T1", "T2", "JO", "JF", "PY", "DA", "Y1", "Y2", "SP", "EP", "VL"]
TAGS += ["IS", "SN", "DO", "UR", "L1", "AB", "N1", "KW", "PB", "CY", "ID", "M3", "ZZ", "C1", "ER"]
HOSTILE = st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["}", "{", "\\", "$", "%", "#", "~", "^", "&", "_", "\\}", "@comment{", "and", "others", "10.1/x}", "9999/99/99"]
)
LINES = st.lists(st.tuples(st.sampled_from(TAGS), HOSTILE), max_size=25)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES)
def test_any_record_reads_as_valid_records_or_problems(lines: list[tuple[str, str]]) -> None:
    text = "TY  - JOUR\n" + "".join(f"{tag}  - {value}\n" for tag, value in lines)
    parsed = parse(text, "h.ris", Settings(schema=1))
    for entry in parsed.entries:
        work, problems = work_from_record(entry.key or "k", entry.record, "h.ris")
        assert work is not None or all("UTF-8" in problem.message for problem in problems), problems


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES)
def test_any_record_imports_or_is_reported_through_the_command_line(
    scholar: Scholar, tmp_path_factory: Any, lines: list[tuple[str, str]]
) -> None:
    root = tmp_path_factory.mktemp("lib") / "lib"
    assert scholar("init", root).exit_code == 0
    text = "TY  - JOUR\n" + "".join(f"{tag}  - {value}\n" for tag, value in lines) + "ER  - \n"
    path = root.parent / "h.ris"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    run = scholar("-L", root, "import", path)
    assert run.exit_code in (0, 1), run.stderr
    assert "Traceback" not in run.stderr
    summary = run.stderr.splitlines()[-1]
    counts = re.fullmatch(
        r"(\d+) entr(?:y|ies): imported (\d+), skipped (\d+) \(already in the library\), failed (\d+); \d+ problems?",
        summary,
    )
    entries, *outcomes = map(int, counts.groups()) if counts else (-1,)
    assert summary.startswith("error: ") or (entries >= 1 and sum(outcomes) == entries), run.stderr
    assert len(index.load(root).works) == len(run.lines)
    export = scholar("-L", root, "export", "bibtex")
    assert export.exit_code == 0, export.stderr


def test_latin1_and_windows_1252_files_are_read_with_a_note(scholar: Scholar, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    assert scholar("init", root).exit_code == 0
    path = tmp_path / "old.ris"
    path.write_bytes("TY  - JOUR\nAU  - Jégou, Hervé\nTI  - “Quoted” – dash\nER  - \n".encode("cp1252"))
    run = scholar("-L", root, "import", path)
    assert run.exit_code == 0, run.stderr
    assert f"note: {path} is not UTF-8 text; read as Windows-1252" in run.stderr
    work = index.load(root).works[0]
    assert (work.authors, work.title) == (("Hervé Jégou",), "“Quoted” – dash")
