"""Every fact of a work reaches the BibTeX entry, in the field bibtex's standard styles read it from,
with the letters pdflatex reads kept as they are (commands with ``--ascii``), and the export warns
about exactly the facts an entry lacks. In-process, so that mutation testing runs these too."""

from __future__ import annotations

import pytest

from bib_entries import a_work as work
from bib_entries import read_entry
from scholarcli.formats.export_types import ExportOptions
from scholarcli.formats.exports import bibtex
from scholarcli.model import Settings, Work

SETTINGS = Settings(schema=1)
DEFAULT = ExportOptions()


def entry(made: Work, options: ExportOptions = DEFAULT) -> tuple[str, dict[str, str], list[str]]:
    return read_entry(bibtex.render_work, made, SETTINGS, options)


@pytest.mark.parametrize(
    ("made", "kind", "expected"),
    [
        (
            work(type="article", venue="Journal of Things", volume="3", issue="4", pages="1-9", publisher="P"),
            "article",
            {"journal": "Journal of Things", "volume": "3", "number": "4", "pages": "1--9", "publisher": "P"},
        ),
        (
            work(type="techreport", number="TR-7", publisher="Lab"),
            "techreport",
            {"number": "TR-7", "institution": "Lab"},
        ),
        (work(type="thesis", publisher="University"), "phdthesis", {"school": "University"}),
        (work(type="book", publisher="Press"), "book", {"publisher": "Press"}),
        # a preprint or note keeps its publisher; a misc with a venue says it in howpublished
        (work(type="preprint", publisher="Zenodo"), "misc", {"publisher": "Zenodo"}),
        (work(type="misc", venue="The Lab's Blog"), "misc", {"howpublished": "The Lab's Blog"}),
        (work(type="preprint", arxiv="2401.00001"), "misc", {"howpublished": "arXiv preprint arXiv:2401.00001"}),
        (
            work(type="patent", number="US 1", status="granted", assignee="ACME", publisher="USPTO"),
            "misc",
            {"howpublished": "Patent US 1", "number": "US 1", "note": "Granted", "organization": "ACME"},
        ),
    ],
)
def test_each_fact_goes_to_the_field_its_entry_type_reads(made: Work, kind: str, expected: dict[str, str]) -> None:
    entry_type, fields, warnings = entry(made)
    assert entry_type == kind
    assert {name: fields.get(name) for name in expected} == expected
    assert "publisher" not in fields or made.type != "patent"  # a patent's office is no publisher
    assert not warnings


def test_a_patent_without_authors_sorts_by_its_number_unless_an_author_string_stands_for_them() -> None:
    patent = Work(key="p", type="patent", title="T", year=2020, number="US 1")
    assert entry(patent)[1]["key"] == "US 1"
    assert "key" not in entry(patent._replace(macros={"author": "ACME"}))[1]
    assert "key" not in entry(patent._replace(bibtex_type="patent"))[1]  # an imported @patent: as it came


# Each field a text can reach, by each way there, with the work that puts é there.
LETTERED = [
    ("title", work(type="misc", title="Café")),
    ("journal", work(type="article", venue="Revue é")),
    ("howpublished", work(type="misc", venue="Blog é")),
    ("volume", work(type="article", volume="é")),
    ("number", work(type="article", issue="é")),
    ("number", work(type="techreport", number="é")),
    ("pages", work(type="article", pages="é1--é9")),
    ("publisher", work(type="book", publisher="Éditions")),
    ("publisher", work(type="preprint", publisher="Éditions")),
    ("organization", work(type="patent", assignee="Société")),
    ("note", work(type="misc", note="Réédité")),
    ("keywords", work(type="misc", tags=("café",))),
    ("abstract", work(type="misc", abstract="Résumé")),
    ("key", Work(key="p", type="patent", title="T", year=2020, number="FR é")),
]


@pytest.mark.parametrize(("field", "made"), LETTERED)
def test_every_text_field_keeps_the_letters_pdflatex_reads_and_ascii_writes_them_as_commands(
    field: str, made: Work
) -> None:
    assert "é" in entry(made)[1][field] or "É" in entry(made)[1][field]
    ascii_value = entry(made, ExportOptions(ascii=True))[1][field]
    assert ascii_value.isascii() and ("{\\'e}" in ascii_value or "{\\'E}" in ascii_value)


def test_the_note_joins_status_note_and_equal_contribution_as_sentences() -> None:
    made = work(
        type="patent",
        number="US 1",
        status="pending",
        note="Filed as X.",
        equal_contribution=("Ada Lovelace", "B C"),
    )
    made = made._replace(authors=("Ada Lovelace", "B C"))
    assert entry(made)[1]["note"] == "Pending. Filed as X."
    with_equal = entry(made, ExportOptions(equal_note=True))[1]["note"]
    assert with_equal == "Pending. Filed as X. Equal contribution: Ada Lovelace and B C"
    assert entry(work(type="misc", note="Only.", equal_contribution=()))[1]["note"] == "Only."


def test_the_export_warns_about_exactly_what_the_entry_lacks() -> None:
    bare = Work(key="x", type="article", title="T")
    assert entry(bare)[2] == [
        "x: no author and no venue; BibTeX styles will warn about it",
        "x: no year; BibTeX styles will warn about it",
    ]
    # a year the import kept as the source wrote it (in extra, or as a @string) is no missing year
    assert "year" in entry(bare._replace(extra={"year": "2020a"}))[1]
    assert not any("year" in said for said in entry(bare._replace(extra={"year": "2020a"}))[2])
    assert not any("year" in said for said in entry(bare._replace(macros={"year": "y2020"}))[2])


def test_tags_are_keywords_and_a_title_as_written_gains_no_case_protection() -> None:
    assert entry(work(type="misc", tags=("graphs", "deep learning")))[1]["keywords"] == "graphs, deep learning"
    assert entry(work(type="misc", title="BERT for Graphs"))[1]["title"] == "{BERT} for Graphs"
    assert entry(work(type="misc", title="BERT for Graphs", title_as_written=True))[1]["title"] == "BERT for Graphs"
