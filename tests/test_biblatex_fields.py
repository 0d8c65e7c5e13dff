"""Every fact of a work reaches the BibLaTeX entry, in the field biblatex's datamodel reads it from,
in UTF-8; the export warns about exactly the mandatory fields an entry lacks. In-process, so that
mutation testing runs these too."""

from __future__ import annotations

import pytest

from bib_entries import a_work as work
from bib_entries import read_entry
from scholarcli.formats.export_types import ExportOptions
from scholarcli.formats.exports import biblatex
from scholarcli.model import Mark, Settings, Work

SETTINGS = Settings(schema=1, marks={"corresponding": Mark("†", "corresponding author")})


def entry(made: Work) -> tuple[str, dict[str, str], list[str]]:
    return read_entry(biblatex.render_work, made, SETTINGS, ExportOptions())


@pytest.mark.parametrize(
    ("made", "kind", "expected"),
    [
        (
            work(type="article", venue="Revue é", volume="3", issue="4", pages="1-9", month=3, publisher="P"),
            "article",
            {"journaltitle": "Revue é", "volume": "3", "number": "4", "pages": "1--9", "date": "2020-03"},
        ),
        (
            work(type="inproceedings", venue="Proc. X", month=3, day=9),
            "inproceedings",
            {"booktitle": "Proc. X", "date": "2020-03-09"},
        ),
        (
            work(type="techreport", number="TR-7", publisher="Lab"),
            "report",
            {"type": "techreport", "institution": "Lab", "number": "TR-7"},
        ),
        (work(type="thesis", publisher="Université"), "thesis", {"type": "phdthesis", "institution": "Université"}),
        (work(type="book", publisher="Press"), "book", {"publisher": "Press"}),
        (work(type="misc", venue="Blog é", publisher="Lab"), "misc", {"howpublished": "Blog é", "organization": "Lab"}),
        (
            work(type="preprint", arxiv="2401.00001", categories=("cs.LG",)),
            "misc",
            {"howpublished": "arXiv preprint", "eprint": "2401.00001", "eprinttype": "arxiv", "eprintclass": "cs.LG"},
        ),
        (work(type="misc", year=None, month=5), "misc", {"month": "5"}),  # no year for a date: the month alone
        (
            work(type="misc", note="Réédité", tags=("graphs", "café"), abstract="Résumé"),
            "misc",
            {"note": "Réédité", "keywords": "graphs, café", "abstract": "Résumé"},
        ),
        # an imported entry keeps its type, and gets its publisher back in the field its type has
        (work(type="misc", bibtex_type="booklet", publisher="P"), "booklet", {"publisher": "P"}),
        (work(type="thesis", bibtex_type="mastersthesis", publisher="U"), "mastersthesis", {"institution": "U"}),
    ],
)
def test_each_fact_goes_to_the_field_biblatex_reads_it_from(made: Work, kind: str, expected: dict[str, str]) -> None:
    entry_type, fields, _ = entry(made)
    assert entry_type == kind
    assert {name: fields.get(name) for name in expected} == expected


def test_an_article_has_no_publisher_field_and_an_imported_type_no_made_type() -> None:
    assert "publisher" not in entry(work(type="article", venue="J", publisher="P"))[1]
    assert "type" not in entry(work(type="thesis", bibtex_type="phdthesis", publisher="U"))[1]
    assert entry(work(type="thesis", publisher="U", extra={"type": "Habilitation"}))[1]["type"] == "Habilitation"


@pytest.mark.parametrize(
    ("number", "status", "kind"),
    [
        ("US 10,123,456 B2", "granted", "patentus"),
        ("us 10,123,456", "pending", "patrequs"),
        ("EP 1", "granted", "patenteu"),
        ("DE 1", "pending", "patreqde"),
        ("FR 1", "granted", "patentfr"),
        ("GB 1", "pending", "patrequk"),
        ("JP 1", "granted", "patent"),
        ("JP 1", "pending", "patreq"),
    ],
)
def test_a_patent_is_typed_by_its_office_and_status(number: str, status: str, kind: str) -> None:
    entry_type, fields, warnings = entry(work(type="patent", number=number, status=status, assignee="ACME, Inc."))
    assert entry_type == "patent"
    assert (fields["type"], fields["number"]) == (kind, number)
    assert fields["holder"] == "{ACME, Inc.}"  # one name, its comma no name separator
    assert not warnings


def test_a_patent_without_a_status_has_no_type_and_an_imported_patent_keeps_its_own() -> None:
    assert "type" not in entry(work(type="patent", number="US 1"))[1]
    kept = entry(work(type="patent", number="US 1", status="granted", extra={"type": "patentjp"}))[1]
    assert kept["type"] == "patentjp"


def test_marks_travel_as_an_author_annotation_unless_the_import_kept_its_own() -> None:
    marked = work(
        type="misc",
        authors=("Ada Lovelace", "Charles Babbage", "Mary Somerville"),
        equal_contribution=("Ada Lovelace", "Charles Babbage"),
        marks={"corresponding": ("Mary Somerville", "Ada Lovelace")},
    )
    assert entry(marked)[1]["author+an"] == "1=equal,corresponding;2=equal;3=corresponding"
    assert entry(marked._replace(extra={"author+an": "1=lead"}))[1]["author+an"] == "1=lead"
    assert "author+an" not in entry(work(type="misc"))[1]


def test_the_export_warns_about_exactly_the_mandatory_fields_an_entry_lacks() -> None:
    assert entry(Work(key="x", type="article"))[2] == [
        "x: no title, no date, no author, no journaltitle; biblatex's datamodel requires them"
    ]
    assert entry(work(type="thesis"))[2] == ["x: no institution; biblatex's datamodel requires them"]
    # a kept field biber reads as the mandatory one fulfils it; a kept year is a date
    assert not entry(work(type="thesis", extra={"school": "U"}))[2]
    assert not entry(work(type="article", year=None, extra={"journal": "J", "year": "2020a"}))[2]


def test_a_kept_journal_goes_where_a_misc_entry_names_its_venue() -> None:
    _, fields, warnings = entry(work(type="misc", extra={"journal": "Some Journal"}))
    assert fields.get("howpublished") == "Some Journal" and "journal" not in fields
    assert not warnings
    # the place taken by the made venue: kept as it came, and said
    _, fields, warnings = entry(work(type="misc", venue="Blog", extra={"journal": "Some Journal"}))
    assert fields["howpublished"] == "Blog" and fields["journal"] == "Some Journal"
    assert warnings == ["x: journal written as it came; biblatex's datamodel has no journaltitle in @misc"]


def test_a_kept_field_biber_reads_as_a_made_one_is_left_out() -> None:
    # biber reads year and month into date, journal as journaltitle: a kept one would overwrite the made
    fields = entry(work(type="article", venue="J", month=3, extra={"month": "mar", "address": "Paris"}))[1]
    assert fields["date"] == "2020-03" and "month" not in fields
    assert fields["address"] == "Paris"  # no made location: kept


def test_titles_are_utf8_and_protected_unless_they_came_as_written() -> None:
    assert entry(work(type="misc", title="Café BERT"))[1]["title"] == "Café {BERT}"
    assert entry(work(type="misc", title="Café BERT", title_as_written=True))[1]["title"] == "Café BERT"
