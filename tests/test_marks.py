"""Marks of every kind library.toml declares (equal contribution, corresponding author, student, ...):
each drawn as its symbol after the name with one legend in every human-readable output, carried as
data by the structured ones, and given back as typed by the al-folio export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run

Scholar = Callable[..., Run]

SETTINGS = """\
schema = 1

[[people]]
name = "Rao Fu"

[marks.corresponding]
symbol = "†"
legend = "corresponding author"

[marks.student]
symbol = "§"
legend = "student advised"
"""
MARKED = {
    "publications/fu2024anyhome": """\
        type = "inproceedings"
        title = "AnyHome"
        authors = ["Zehao Wen", "Zichen Liu", "Srinath Sridhar", "Rao Fu"]
        equal_contribution = ["Zehao Wen", "Rao Fu"]
        venue = "ECCV"
        year = 2024

        [marks]
        corresponding = ["Rao Fu"]
        student = ["Zichen Liu"]
        """,
    "publications/fu2023plain": """\
        type = "article"
        title = "Plain"
        authors = ["Rao Fu"]
        year = 2023
        """,
}
LEGEND = "* equal contribution; † corresponding author; § student advised"
NAMES = "Zehao Wen*, Zichen Liu§, Srinath Sridhar, Rao Fu*†"


@pytest.fixture
def marked(make_library: Callable[..., Path]) -> Path:
    return make_library(MARKED, settings=SETTINGS)


def test_list_and_show_draw_each_mark_after_the_name_and_explain_every_kind_used(
    scholar: Scholar, marked: Path
) -> None:
    tsv = scholar("-L", marked, "list", "--format", "tsv")
    assert tsv.lines[0].split("\t")[3] == NAMES
    table = scholar("-L", marked, "list", "--format", "table")
    assert (
        "*" in table.stdout and "   * equal contribution   † corresponding author   § student advised" in table.stdout
    )
    show = scholar("-L", marked, "show", "fu2024anyhome")
    assert f"Authors: {NAMES}" in show.lines and f"Legend: {LEGEND}" in show.lines
    assert not any(line.startswith("Legend") for line in scholar("-L", marked, "show", "fu2023plain").lines)


def test_json_carries_the_marks_as_data(scholar: Scholar, marked: Path) -> None:
    data = json.loads(scholar("-L", marked, "show", "fu2024anyhome", "--format", "json").stdout)
    assert data["equal_contribution"] == ["Zehao Wen", "Rao Fu"]
    assert data["marks"] == {"corresponding": ["Rao Fu"], "student": ["Zichen Liu"]}
    assert list(data)[:6] == ["key", "type", "title", "authors", "equal_contribution", "marks"]


@pytest.mark.parametrize(
    ("args", "names", "legend"),
    [
        (
            ("cv", "--format", "latex"),
            r"Zichen Liu\textsuperscript{§}, Srinath Sridhar, \textbf{Rao Fu}\textsuperscript{*†}",
            r"\par\noindent{\small\textsuperscript{*} equal contribution; \textsuperscript{†} corresponding"
            r" author; \textsuperscript{§} student advised}",
        ),
        (
            ("cv", "--format", "markdown"),
            r"Zehao Wen\*, Zichen Liu§, Srinath Sridhar, **Rao Fu**\*†",
            r"\* equal contribution; † corresponding author; § student advised",
        ),
        (
            ("cv", "--format", "html"),
            "Zichen Liu<sup>§</sup>, Srinath Sridhar, <strong>Rao Fu</strong><sup>*†</sup>",
            '<p class="legend"><sup>*</sup> equal contribution; <sup>†</sup> corresponding author;'
            " <sup>§</sup> student advised</p>",
        ),
        (
            ("cv", "--format", "html", "--standalone"),
            "Zichen Liu<sup>§</sup>, Srinath Sridhar, <strong>Rao Fu</strong><sup>*†</sup>",
            '<p class="legend"><sup>*</sup> equal contribution; <sup>†</sup> corresponding author;'
            " <sup>§</sup> student advised</p>",
        ),
        ("json-resume", f'"summary": "{NAMES} ({LEGEND})"', ""),
        ("rendercv", '- "**Rao Fu**\\\\*†"', 'summary: "\\\\* equal contribution; † corresponding author; § student'),
    ],
)
def test_every_cv_format_draws_the_marks_and_their_legend(
    scholar: Scholar, marked: Path, args: tuple[str, ...] | str, names: str, legend: str
) -> None:
    run = scholar("-L", marked, "export", *([args] if isinstance(args, str) else args), "--person", "Rao Fu")
    assert run.exit_code == 0, run.stderr
    assert names in run.stdout
    assert legend in run.stdout


def test_biblatex_annotates_each_author_with_every_kind_of_its_marks(scholar: Scholar, marked: Path) -> None:
    run = scholar("-L", marked, "export", "biblatex", "--keys", "-", input="fu2024anyhome\n")
    assert "  author+an = {1=equal;2=student;4=equal,corresponding},\n" in run.stdout


def test_csl_json_carries_equal_contribution_and_the_other_marks_in_custom(scholar: Scholar, marked: Path) -> None:
    items = json.loads(scholar("-L", marked, "export", "csl-json").stdout)
    custom = next(item for item in items if item["id"] == "fu2024anyhome")["custom"]
    assert custom == {"equal-contribution": [1, 4], "marks": {"corresponding": [4], "student": [2]}}
