"""`scholar list`: filters, sorting, limits and every output format, on a small library."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run

Scholar = Callable[..., Run]


def keys(scholar: Scholar, library: Path, *args: str) -> list[str]:
    run = scholar("-L", library, "list", "--format", "keys", *args)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    return run.lines


def test_every_work_is_listed_newest_first_with_undated_last(scholar: Scholar, library: Path) -> None:
    assert keys(scholar, library) == [
        "lovelace2024engine",
        "jegou2023findings",
        "babbage2021difference",
        "anon2019old",
        "smith-undated",
        "us1234567",
    ]


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        ("2024", ["lovelace2024engine"]),
        ("2021..2023", ["jegou2023findings", "babbage2021difference"]),
        ("2023..", ["lovelace2024engine", "jegou2023findings"]),
        ("..2020", ["anon2019old"]),
    ],
)
def test_year_filter_takes_a_year_or_a_range_and_skips_undated_works(
    scholar: Scholar, library: Path, year: str, expected: list[str]
) -> None:
    assert keys(scholar, library, "--year", year) == expected


@pytest.mark.parametrize("bad", ["20x", "2024..2020", "2021 2022", ".."])
def test_a_malformed_year_is_a_usage_error_that_shows_the_allowed_forms(
    scholar: Scholar, library: Path, bad: str
) -> None:
    run = scholar("-L", library, "list", "--year", bad)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "--year" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        ("ICLR", ["lovelace2024engine"]),
        ("iclr", ["lovelace2024engine"]),
        ("learning representations", ["lovelace2024engine"]),
        ("Empirical Methods", ["jegou2023findings"]),
        ("some workshop", ["anon2019old"]),
        ("ICL", []),  # whole words only: ICL is not ICLR
        ("Representations Learning", []),  # words in order
    ],
)
def test_venue_matches_acronym_full_name_and_free_text_as_whole_words(
    scholar: Scholar, library: Path, venue: str, expected: list[str]
) -> None:
    assert keys(scholar, library, "--venue", venue) == expected


def test_type_filter_and_an_unknown_type_is_a_usage_error(scholar: Scholar, library: Path) -> None:
    assert keys(scholar, library, "--type", "patent") == ["us1234567"]
    run = scholar("-L", library, "list", "--type", "paper")
    assert run.exit_code == 2
    assert "inproceedings" in run.stderr  # the message lists the allowed types


def test_author_matches_any_author_or_inventor_ignoring_case_and_accents(scholar: Scholar, library: Path) -> None:
    assert keys(scholar, library, "--author", "herve jegou") == ["jegou2023findings"]
    assert keys(scholar, library, "--author", "Łukasz") == ["jegou2023findings"]
    assert keys(scholar, library, "--author", "jacquard") == ["us1234567"]
    assert keys(scholar, library, "--author", "Babbage") == ["lovelace2024engine", "babbage2021difference"]


def test_person_finds_their_works_by_name_variant_and_through_people(scholar: Scholar, library: Path) -> None:
    expected = ["lovelace2024engine", "smith-undated", "us1234567"]
    assert keys(scholar, library, "--person", "Ada Lovelace") == expected
    assert keys(scholar, library, "--person", "a. lovelace") == expected


def test_an_unknown_person_is_an_error_that_lists_the_people(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "list", "--person", "Nobody")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert run.stderr.startswith("error: ")
    assert "Ada Lovelace" in run.stderr and "Hervé Jégou" in run.stderr


def test_search_looks_in_title_abstract_and_authors_and_needs_every_word(scholar: Scholar, library: Path) -> None:
    assert keys(scholar, library, "--search", "bernoulli") == ["lovelace2024engine"]
    assert keys(scholar, library, "--search", "ENGINE") == ["lovelace2024engine", "babbage2021difference"]
    assert keys(scholar, library, "--search", "engine difference") == ["babbage2021difference"]
    assert keys(scholar, library, "--search", "kaiser") == ["jegou2023findings"]


def test_tag_filter(scholar: Scholar, library: Path) -> None:
    assert keys(scholar, library, "--tag", "History") == ["lovelace2024engine"]


def test_sort_by_title_key_and_venue_and_reverse(scholar: Scholar, library: Path) -> None:
    by_title = keys(scholar, library, "--sort", "title")
    assert by_title == [
        "babbage2021difference",
        "us1234567",
        "lovelace2024engine",
        "jegou2023findings",
        "smith-undated",
        "anon2019old",
    ]
    assert keys(scholar, library, "--sort", "title", "--reverse") == list(reversed(by_title))
    assert keys(scholar, library, "--sort", "key") == sorted(by_title)
    assert keys(scholar, library, "--sort", "venue")[:3] == [
        "smith-undated",
        "jegou2023findings",
        "lovelace2024engine",
    ]
    run = scholar("-L", library, "list", "--sort", "colour")
    assert run.exit_code == 2


def test_limit_keeps_the_first_n(scholar: Scholar, library: Path) -> None:
    assert keys(scholar, library, "--limit", "2") == ["lovelace2024engine", "jegou2023findings"]
    assert scholar("-L", library, "list", "--limit", "-1").exit_code == 2


def test_an_empty_result_is_success_with_no_output(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "list", "--venue", "NeurIPS")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "")


def test_piped_output_is_tsv_with_the_key_first_and_equal_contribution_marked(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "list", "--venue", "ICLR")
    assert run.exit_code == 0
    assert run.lines == [
        "lovelace2024engine\t2024\tinproceedings\tAda Lovelace*, Charles Babbage*\tNotes on the Analytical Engine\tICLR\t"
    ]  # the last column, the citation count, is empty: the library has no citations.toml


def test_tsv_shows_track_and_et_al(scholar: Scholar, library: Path) -> None:
    rows = [line.split("\t") for line in scholar("-L", library, "list", "-f", "tsv").lines]
    by_key = {row[0]: row for row in rows}
    assert all(len(row) == 7 for row in rows)
    assert by_key["jegou2023findings"][5] == "EMNLP (Findings)"
    assert by_key["smith-undated"][3] == "Jane Smith, Ada Lovelace et al."
    assert by_key["smith-undated"][1] == ""


def test_tsv_keeps_each_work_on_one_line_and_each_cell_in_its_column(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    # TOML escapes: tabs, newlines and a no-break space in the cells.
    record = r"""
        type = "misc"
        title = "A title\nover\ttwo  lines "
        authors = [" Ada\tLovelace", "Charles\u00a0 Babbage"]
        venue = "Some\tWorkshop"
        track = "Late\nBreaking"
        year = 2020
        """
    run = scholar("-L", make_library({"publications/messy": record}), "list", "-f", "tsv")
    assert run.exit_code == 0, run.stderr
    assert run.lines == [
        "messy\t2020\tmisc\tAda Lovelace, Charles Babbage\tA title over two lines\tSome Workshop (Late Breaking)\t"
    ]


def test_csv_has_a_header_and_quotes_commas(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "list", "--format", "csv", "--venue", "ICLR")
    rows = list(csv.reader(io.StringIO(run.stdout)))
    assert rows[0] == ["key", "year", "type", "authors", "title", "venue", "citations"]
    assert rows[1][3] == "Ada Lovelace*, Charles Babbage*"


def test_json_carries_each_records_fields_plus_key_in_a_stable_order(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "list", "--format", "json", "--venue", "ICLR")
    assert run.exit_code == 0
    [work] = json.loads(run.stdout)
    assert list(work) == [
        "key",
        "type",
        "title",
        "authors",
        "equal_contribution",
        "venue",
        "year",
        "tags",
        "abstract",
    ]
    assert work["equal_contribution"] == ["Ada Lovelace", "Charles Babbage"]
    assert work["key"] == "lovelace2024engine"


def test_jsonl_is_one_object_a_line_and_unicode_is_kept(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "list", "--format", "jsonl")
    objects = [json.loads(line) for line in run.lines]
    assert [o["key"] for o in objects] == keys(scholar, library)
    assert "Hervé Jégou" in run.stdout


def test_unknown_format_is_a_usage_error_listing_the_formats(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "list", "--format", "yaml")
    assert run.exit_code == 2
    assert "table, tsv, csv, json, jsonl, keys" in run.stderr


def test_table_format_draws_a_table_with_the_legend_in_the_caption(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "list", "--format", "table")
    assert run.exit_code == 0
    assert "Key" in run.stdout and "Title" in run.stdout
    assert "* equal contribution" in run.stdout
    assert "\x1b[" not in run.stdout  # no colour codes when not on a terminal


def test_table_of_works_without_equal_contribution_has_no_legend(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "list", "--format", "table", "--type", "article")
    assert "equal contribution" not in run.stdout
    assert "1 work" in run.stdout
