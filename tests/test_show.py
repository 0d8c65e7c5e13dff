"""`scholar show KEY`: one work in full."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import Run

Scholar = Callable[..., Run]


def test_show_prints_every_field_with_marks_and_legend(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "show", "lovelace2024engine")
    assert run.exit_code == 0
    assert run.stderr == ""
    assert run.lines == [
        "Key: lovelace2024engine",
        "Type: inproceedings",
        "Title: Notes on the Analytical Engine",
        "Authors: Ada Lovelace*, Charles Babbage*",
        "Venue: International Conference on Learning Representations (ICLR)",
        "Date: 2024",
        "Tags: history",
        "Abstract: Bernoulli numbers computed by machine.",
        "Legend: * equal contribution",
    ]


def test_show_of_a_patent_names_inventors_number_and_status(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "show", "us1234567")
    assert "Inventors: Joseph Jacquard" in run.lines
    assert "Number: US1234567" in run.lines
    assert "Status: granted" in run.lines
    assert "People: Ada Lovelace" in run.lines
    assert not any(line.startswith("Legend") for line in run.lines)


def test_show_json_is_the_record_with_its_key(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "show", "jegou2023findings", "--format", "json")
    data = json.loads(run.stdout)
    assert data["key"] == "jegou2023findings"
    assert data["authors"] == ["Hervé Jégou", "Łukasz Kaiser"]
    assert data["track"] == "Findings"


def test_an_unknown_key_is_an_error_that_suggests_close_keys(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "show", "lovelace2024engin")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert run.stderr == 'error: no work with key "lovelace2024engin" (did you mean lovelace2024engine?)\n'


def test_show_with_a_bad_format_is_a_usage_error(scholar: Scholar, library: Path) -> None:
    run = scholar("-L", library, "show", "us1234567", "--format", "xml")
    assert run.exit_code == 2
    assert "text, json" in run.stderr
