"""CSL-JSON items as scholar records: every variable mapped or kept, names with particles and literal
names, dates in every form, rich-text titles as record markup; scholar's own export read back to the
same works; and any item, however hostile, imports or is reported, never an internal error."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import RECORDS, Run
from scholarcli import index
from scholarcli.formats.csl_json_reading import NAME_VARIABLES, TEXT_VARIABLES, parse, rich_text
from scholarcli.formats.export_types import ExportOptions
from scholarcli.formats.exports.csl_json import WORK_TYPE_OF, render
from scholarcli.formats.latex_text import decode
from scholarcli.model import FIELD_KINDS, Settings, Work
from scholarcli.model.markup import plain
from scholarcli.model.validate import work_from_record

Scholar = Callable[..., Run]

ITEM = {
    "id": "berg2019pay",
    "type": "article-journal",
    "title": 'Pay $100 to C:\\path: <i>in vivo</i> H<sub>2</sub>O<sup>1</sup> & <span class="nocase">DNA</span> {x}',
    "author": [
        {"family": "Berg", "given": "Jan", "non-dropping-particle": "van den"},
        {"family": "Fontaine", "given": "Jean", "dropping-particle": "de", "suffix": "Jr."},
        {"literal": "World Health Organization"},
        {"family": "Plato"},
    ],
    "editor": [{"family": "Babbage", "given": "Charles"}],
    "translator": [{"family": "Lovelace", "given": "Ada"}],
    "issued": {"date-parts": [["2019", 5, "17"]]},
    "accessed": {"date-parts": [[2020, 1, 2]]},
    "container-title": "Journal of Things",
    "container-title-short": "J. Things",
    "volume": 12,
    "issue": "3",
    "page": "379–423",
    "publisher": "Fun Factory",
    "publisher-place": "Berlin",
    "DOI": "https://doi.org/10.1234/ABC.def",
    "URL": "https://example.org/a",
    "ISSN": "1234-5678",
    "abstract": "An abstract.",
    "note": "A note\nover two lines",
    "keyword": "graphs, trees; forests",
    "language": "en",
    "archive": "An archive",
    "custom": {"favourite": True},
    "indexed": {"date-parts": [[2024, 1, 1]]},
}


def _entry(item: dict[str, Any]) -> Any:
    parsed = parse(json.dumps([item]), "refs.json", Settings(schema=1))
    assert not parsed.problems and len(parsed.entries) == 1, parsed
    entry = parsed.entries[0]
    assert work_from_record("k", entry.record, "refs.json")[1] == [], entry.record  # a valid record
    return entry


def test_every_variable_of_an_item_goes_to_its_field_or_is_kept() -> None:
    entry = _entry(ITEM)
    record = entry.record
    assert entry.key == "berg2019pay"
    assert record["type"] == "article"
    assert plain(record["title"]) == "Pay $100 to C:\\path: in vivo H2O1 & DNA {x}"  # text, never LaTeX
    assert record["title"].startswith("Pay \\$100 to C:\\\\path: \\emph{in vivo} H\\textsubscript{2}O")
    assert record["authors"] == ["Jan van den Berg", "de Fontaine, Jr., Jean", "{World Health Organization}", "Plato"]
    simple = (
        "year",
        "month",
        "day",
        "venue",
        "volume",
        "issue",
        "pages",
        "publisher",
        "doi",
        "url",
        "abstract",
        "note",
    )
    assert {name: record[name] for name in (*simple, "tags")} == {
        "year": 2019, "month": 5, "day": 17, "venue": "Journal of Things", "volume": "12", "issue": "3",
        "pages": "379-423", "publisher": "Fun Factory", "doi": "10.1234/ABC.def", "url": "https://example.org/a",
        "abstract": "An abstract.", "note": "A note\nover two lines", "tags": ["graphs", "trees", "forests"],
    }  # fmt: skip
    kept = {name: decode(value) for name, value in record["extra"].items()}  # extra holds BibTeX source
    assert kept == {
        "editor": "Babbage, Charles",
        "translator": "Lovelace, Ada",
        "urldate": "2020-01-02",
        "shortjournal": "J. Things",
        "address": "Berlin",
        "issn": "1234-5678",
        "language": "en",
        "csl-archive": "An archive",
        "csl-custom": '{"favourite": true}',
    }
    assert entry.notes == ["left out (no CSL variables, and not text): indexed"]


def test_rich_text_that_does_not_pair_is_literal_text() -> None:
    assert rich_text("a <i>b</i> <b>c</b>") == "a \\emph{b} \\textbf{c}"
    assert rich_text("a <i>b") == "a <i>b"
    assert rich_text("x</i> <scp>y</scp>") == "x</i> <scp>y</scp>"
    assert rich_text('<span style="font-variant:small-caps;">Sc</span>') == "\\textsc{Sc}"


def test_dates_ranges_seasons_circa_raw_and_literal() -> None:
    def dated(issued: Any) -> dict[str, Any]:
        record = _entry({"type": "book", "title": "T", "issued": issued}).record
        return {name: record[name] for name in ("year", "month", "day", "extra") if name in record}

    assert dated({"date-parts": [[2011, 5, 25], [2012, 6, 26]], "circa": True}) == {
        "year": 2011, "month": 5, "day": 25, "extra": {"csl-issued": "2011-05-25/2012-06-26\\textasciitilde{}"},
    }  # fmt: skip
    assert dated({"date-parts": [[2017]], "season": 4}) == {"year": 2017, "extra": {"csl-issued": "2017 (4)"}}
    assert dated({"date-parts": [[2017, 21]]}) == {"year": 2017, "extra": {"csl-issued": "2017-21"}}
    assert dated({"raw": "2019-05-17"}) == {"year": 2019, "month": 5, "day": 17}
    assert dated("2019-05") == {"year": 2019, "month": 5}
    assert dated({"raw": "May 2019"}) == {"year": 2019, "extra": {"csl-issued": "May 2019"}}
    assert dated({"literal": "forthcoming"}) == {"extra": {"csl-issued": "forthcoming"}}


def test_a_value_that_cannot_be_read_is_a_problem_naming_the_item_and_variable() -> None:
    parsed = parse(
        json.dumps([{"type": "book", "title": {"a": 1}, "issued": {"date-parts": [[-50]]}, "DOI": "nope"}, 7]),
        "refs.json",
        Settings(schema=1),
    )
    assert [str(problem) for problem in parsed.problems] == [
        "refs.json: item 2: not a CSL-JSON item (a JSON object); skipped"
    ]
    assert parsed.entries[0].name == "item 1"
    assert parsed.entries[0].problems == [
        "title: should be text, not dict; kept as JSON",
        'issued: "-50" has no year a record can hold (1-9999); kept as csl-issued',
        'DOI: "nope" is not a DOI; kept as csl-DOI',
    ]
    bad = parse("[{]", "refs.json", Settings(schema=1))
    assert [str(problem) for problem in bad.problems] == [
        "refs.json: line 1, column 3: not JSON: Expecting property name enclosed in double quotes"
    ]


def test_an_object_of_items_one_item_and_items_are_read() -> None:
    one = {"type": "book", "title": "One"}
    for document in ({"a1": one, "b2": one | {"title": "Two"}}, one, {"items": [one]}):
        parsed = parse(json.dumps(document), "refs.json", Settings(schema=1))
        assert parsed.entries and not parsed.problems
    keyed = parse(json.dumps({"lovelace1843": one}), "refs.json", Settings(schema=1))
    assert keyed.entries[0].key == "lovelace1843"
    for nothing in ("{}", "[]", '{"name": "package"}'):
        assert parse(nothing, "x.json", Settings(schema=1)).entries == []


def test_ids_that_are_no_citation_keys_are_kept_and_the_key_is_made() -> None:
    for number in (37, "37", "http://zotero.org/users/1/items/ABCD2345", "12345/ABCD2345"):
        entry = _entry({"id": number, "type": "book", "title": "T"})
        assert entry.key == "" and decode(entry.record["extra"]["csl-id"]) == str(number)
    assert _entry({"id": "x", "citation-key": "lovelace1843", "type": "book"}).key == "lovelace1843"


def test_types_map_to_work_types_and_a_type_scholar_does_not_give_back_is_kept() -> None:
    for kind, work_type in WORK_TYPE_OF.items():
        record = _entry({"type": kind, "title": "T"}).record
        assert record["type"] == work_type
    assert _entry({"type": "webpage"}).record == {"type": "misc", "extra": {"csl-type": "webpage"}}
    assert _entry({"type": "article", "genre": "preprint"}).record["type"] == "preprint"
    assert _entry({"type": "journal-article"}).record["type"] == "article"  # Crossref's name


def test_every_name_variable_and_text_variable_is_read() -> None:
    item: dict[str, Any] = {"type": "book", "title": "T"}
    item |= {variable: [{"family": "Doe", "given": variable}] for variable in NAME_VARIABLES}
    item |= {
        variable: f"value of {variable}" for variable in TEXT_VARIABLES if variable not in ("type", "title", "DOI")
    }
    entry = _entry(item)
    assert entry.problems == [] and entry.notes == []
    assert entry.record["authors"] == ["author Doe"]
    assert decode(entry.record["extra"]["csl-director"]) == "Doe, director"


# --- scholar's own export, read back -----------------------------------------------------------


def _works(scholar: Scholar, library: Path) -> dict[str, Work]:
    return {work.key: work for work in index.load(library).works}


def test_the_csl_json_export_of_a_library_imports_back_to_the_same_works(
    scholar: Scholar, library: Path, tmp_path: Path
) -> None:
    exported = scholar("-L", library, "export", "csl-json").stdout
    root = tmp_path / "again"
    assert scholar("init", root).exit_code == 0
    run = scholar("-L", root, "import", "-", input=exported)
    assert run.exit_code == 0, run.stderr
    before, after = _works(scholar, library), _works(scholar, root)
    assert set(before) == set(after) == {name.split("/")[1] for name in RECORDS}
    carried = ("type", "title", "authors", "authors_truncated", "equal_contribution", "year", "number", "status")
    for key, work in before.items():
        for name in carried:
            assert getattr(after[key], name) == getattr(work, name), (key, name)
        if work.year is not None:  # CSL has no date without a year: the export leaves month and day out then
            assert (after[key].month, after[key].day) == (work.month, work.day), key


# --- hostile items -----------------------------------------------------------------------------

HOSTILE = st.text(max_size=30) | st.sampled_from(["}", "{", "\\", "$", "%", "&", "_", "<i>", "</i>", "and", "x\ud800y"])
NAME = st.fixed_dictionaries(
    {},
    optional={
        part: HOSTILE | st.integers()
        for part in ("family", "given", "literal", "non-dropping-particle", "dropping-particle", "suffix")
    },
)
DATE = st.fixed_dictionaries(
    {},
    optional={
        "date-parts": st.lists(st.lists(st.integers(-20000, 20000) | HOSTILE, max_size=4), max_size=3),
        "raw": HOSTILE,
        "literal": HOSTILE,
        "season": st.integers(0, 30) | HOSTILE,
        "circa": st.booleans() | HOSTILE,
    },
)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | HOSTILE,
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE, inner, max_size=3), max_leaves=8)  # fmt: skip
VALUE = st.one_of(HOSTILE, st.integers(), st.lists(NAME, max_size=3), DATE, JSON)
ITEMS = st.dictionaries(
    st.sampled_from(
        ["type", "id", "title", "issued", "author", "editor", "custom", "DOI", "page", "keyword", "x y", "csl"]
    )
    | HOSTILE,
    VALUE,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(item=ITEMS)
def test_any_item_reads_as_a_valid_record_or_a_problem(item: dict[str, Any]) -> None:
    parsed = parse(json.dumps([item]), "h.json", Settings(schema=1))
    for entry in parsed.entries:
        work, problems = work_from_record(entry.key or "k", entry.record, "h.json")
        assert work is not None or all("UTF-8" in problem.message for problem in problems), problems
        if work is not None:
            assert set(entry.record) <= set(FIELD_KINDS)
            render([work], Settings(schema=1), ExportOptions())  # and it exports


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(ITEMS, max_size=4))
def test_any_items_import_or_are_reported_through_the_command_line(
    scholar: Scholar, tmp_path_factory: Any, items: list[dict[str, Any]]
) -> None:
    root = tmp_path_factory.mktemp("lib") / "lib"
    assert scholar("init", root).exit_code == 0
    run = scholar("-L", root, "import", "-", input=json.dumps(items))
    assert run.exit_code in (0, 1) and "Traceback" not in run.stderr, run.stderr
    assert len(index.load(root).works) == len(run.lines)
    assert scholar("-L", root, "export", "bibtex").exit_code == 0
