"""The bundled sample library: every work of the two researcher pages, transcribed faithfully."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from conftest import Run

Scholar = Callable[..., Run]
ARXIV_CATEGORY = re.compile(r"(cs|stat|math|eess|econ|q-bio|q-fin|physics)\.[A-Za-z-]+")


@pytest.fixture
def works(scholar: Scholar) -> dict[str, dict[str, Any]]:
    run = scholar("list", "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    return {work["key"]: work for work in json.loads(run.stdout)}


def test_the_sample_holds_both_pages_and_nothing_is_broken(works: dict[str, dict[str, Any]]) -> None:
    kinds = Counter(w["type"] for w in works.values())
    assert kinds["patent"] == 7
    assert len(works) == 10 + 7 + 32


def test_each_person_has_their_works(scholar: Scholar) -> None:
    ayan = scholar("list", "--person", "Ayan Sengupta", "--format", "keys").lines
    aman = scholar("list", "--person", "Aman Gupta", "--format", "keys").lines
    assert len(ayan) == 17
    assert len(aman) == 32
    # truncated author lists that do not show him still count as his
    assert "schmude2024prithvi" in aman


def test_venue_examples_from_the_issue(scholar: Scholar) -> None:
    def venue(name: str) -> list[str]:
        return sorted(scholar("list", "--venue", name, "--format", "keys").lines)

    assert venue("ICLR") == ["sengupta2024mpdistil", "sengupta2025prunenet"]
    assert venue("EMNLP") == ["sengupta2021gated", "sengupta2023transject"]
    assert venue("ICWSM") == ["sengupta2021eljst"]
    assert venue("AAAI") == ["sengupta2021eljst"]
    assert venue("ACL") == ["sengupta2021hit"]
    assert venue("W-NUT") == ["sengupta2020wnut"]


def test_equal_contribution_is_structured_and_shown_with_a_star(
    scholar: Scholar, works: dict[str, dict[str, Any]]
) -> None:
    assert works["goel2025downscaling"]["equal_contribution"] == ["Yash Goel", "Ayan Sengupta"]
    assert works["sengupta2021eljst"]["equal_contribution"] == ["Ayan Sengupta", "William Scott Paka"]
    assert not any("*" in name for w in works.values() for name in w.get("authors", []))
    line = scholar("list", "--venue", "ICML").lines[0]
    assert "Yash Goel*, Ayan Sengupta*, Tanmoy Chakraborty" in line


def test_first_page_records_keep_order_venue_track_and_year(works: dict[str, dict[str, Any]]) -> None:
    hit = works["sengupta2021hit"]
    assert (
        hit["title"]
        == "HIT: A Hierarchically Fused Deep Attention Network for Robust Code-mixed Language Representation"
    )
    assert hit["authors"] == [
        "Ayan Sengupta",
        "Sourabh Kumar Bhattacharjee",
        "Tanmoy Chakraborty",
        "Md Shad Akhtar",
    ]
    assert (hit["venue"], hit["track"], hit["year"]) == ("ACL-IJCNLP", "Findings", 2021)
    assert works["goel2025downscaling"]["track"] == "Position"
    assert "year" not in works["sengupta-aggression"]  # the page gives no year
    assert works["sengupta-aggression"]["venue"] == "Neurocomputing"
    assert all(w.get("selected") for w in works.values() if "Ayan Sengupta" in w.get("authors", []))


def test_patents_are_granted_with_their_numbers_and_no_invented_dates(
    works: dict[str, dict[str, Any]],
) -> None:
    patents = [w for w in works.values() if w["type"] == "patent"]
    assert sorted(p["number"] for p in patents) == [
        "US11068666",
        "US11210818",
        "US11494565",
        "US11698934",
        "US12008321",
        "US12112132",
        "US12229512",
    ]
    assert all(p["status"] == "granted" and "year" not in p for p in patents)
    assert works["us12112132"]["title"] == (
        "NATURAL LANGUAGE PROCESSING MACHINE LEARNING FRAMEWORKS TRAINED USING MULTI-TASK TRAINING ROUTINES"
    )


def test_second_page_records_have_date_category_truncation_and_code_link(
    works: dict[str, dict[str, Any]],
) -> None:
    preprints = [w for w in works.values() if w.get("venue") == "arXiv"]
    assert len(preprints) == 32
    assert all(ARXIV_CATEGORY.fullmatch(c) for w in preprints for c in w["categories"])
    prithvi = works["schmude2024prithvi"]
    assert (prithvi["year"], prithvi["month"], prithvi["day"]) == (2024, 9, 20)
    assert prithvi["categories"] == ["cs.LG"]
    assert prithvi["authors"] == ["Johannes Schmude", "Sujit Roy", "Will Trojak"]
    assert prithvi["authors_truncated"] is True
    assert prithvi["unresolved_links"] == ["code"]
    mausam = works["gupta2025mausam"]
    assert mausam["categories"] == ["physics.ao-ph"]
    assert "authors_truncated" not in mausam and "unresolved_links" not in mausam
    assert works["behdin2023msam"]["categories"] == ["stat.ML"]
    trim = works["kapoor-trim"]  # "Jan 15": the page gives no year
    assert (trim.get("year"), trim["month"], trim["day"]) == (None, 1, 15)
    assert sum(1 for w in preprints if w.get("unresolved_links") == ["code"]) == 5
