"""Broken records and libraries: every problem is one line with file and field, and never hides the rest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import RECORDS, Run

Scholar = Callable[..., Run]
GOOD = {"publications/lovelace2024engine": RECORDS["publications/lovelace2024engine"]}


def broken_run(scholar: Scholar, make_library: Callable[..., Path], name: str, text: str) -> Run:
    root = make_library({**GOOD, name: text})
    run = scholar("-L", root, "list", "--format", "keys")
    assert run.exit_code == 1
    assert run.stdout == "lovelace2024engine\n", "the valid work is still printed"
    assert "Traceback" not in run.stderr
    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('type = "article"\ntitle = "Unclosed\n', "publications/bad.toml: TOML syntax: "),
        (
            'type = "article"\ntitle = "T"\njournal = "X"\n',
            "publications/bad.toml: journal: unknown field",
        ),
        (
            'type = "article"\ntitle = "T"\nyear = "2020"\n',
            "publications/bad.toml: year: should be an integer, not a string",
        ),
        (
            'type = "article"\ntitle = "T"\nauthors = "A B"\n',
            "publications/bad.toml: authors: should be a list of strings",
        ),
        (
            'type = "article"\ntitle = "T"\nauthors = ["A", 3]\n',
            "publications/bad.toml: authors: item 2 should be a string",
        ),
        ('type = "paper"\ntitle = "T"\n', 'publications/bad.toml: type: "paper" is not one of: article'),
        ('title = "T"\n', "publications/bad.toml: type: is missing"),
        ('type = "article"\ntitle = "T"\nmonth = 13\n', "publications/bad.toml: month: 13 is not a month"),
        (
            'type = "article"\ntitle = "T"\nstatus = "granted"\n',
            "publications/bad.toml: status: only a patent",
        ),
        (
            'type = "article"\ntitle = "T"\nkey = "two words"\n',
            "publications/bad.toml: key: 'two words' is not a citation key",
        ),
        (
            'type = "article"\ntitle = "T"\npeople = ["Someone Else"]\n',
            'publications/bad.toml: people: "Someone Else" is not one of the people in library.toml',
        ),
        *(
            (
                f'type = "article"\ntitle = "T"\n[extra]\nnote = "ok {{x}}"\nbooktitle = "{source}"\n',
                "publications/bad.toml: extra: booktitle has unbalanced braces",
            )
            for source in ("{Open", "Shut}", "}{", "{a}}{b}", "{{a}")
        ),
        (
            'type = "article"\ntitle = "T"\n[extra]\nnote = 3\n',
            "publications/bad.toml: extra: note should be a string, not an integer",
        ),
    ],
)
def test_each_kind_of_problem_is_named_with_file_and_field(
    scholar: Scholar, make_library: Callable[..., Path], text: str, expected: str
) -> None:
    run = broken_run(scholar, make_library, "publications/bad", text)
    assert expected in run.stderr
    assert run.stderr.count("\n") == 2  # the problem, then the summary line


def test_equal_contribution_must_name_authors(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    text = 'type = "article"\ntitle = "T"\nauthors = ["Yash Goel", "Ayan Sengupta"]\nequal_contribution = ["Y. Goel"]\n'
    run = broken_run(scholar, make_library, "publications/x", text)
    assert (
        run.stderr.splitlines()[0]
        == 'error: publications/x.toml: equal_contribution: "Y. Goel" is not one of the authors'
    )


MARKED = 'type = "article"\ntitle = "T"\nauthors = ["Yash Goel", "Ayan Sengupta"]\n'


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ('corresponding = ["Y. Goel"]', 'marks.corresponding: "Y. Goel" is not one of the authors'),
        (
            'student = ["Yash Goel"]',
            'marks.student: "student" is not a mark of library.toml (its marks: corresponding); declare'
            " [marks.student] there with a symbol and a legend",
        ),
        ('equal_contribution = ["Yash Goel"]', "marks: equal contribution has a field of its own"),
        ('corresponding = "Yash Goel"', "marks: corresponding: should be a list of strings, not a string"),
        ("corresponding = [3]", "marks: corresponding: item 1 should be a string, not an integer"),
    ],
)
def test_each_mark_must_name_authors_and_a_kind_library_toml_declares(
    scholar: Scholar, make_library: Callable[..., Path], marks: str, expected: str
) -> None:
    run = broken_run(scholar, make_library, "publications/x", f"{MARKED}[marks]\n{marks}\n")
    assert run.stderr.splitlines()[0].startswith(f"error: publications/x.toml: {expected}")


def test_a_mark_of_a_declared_kind_on_an_author_is_read(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    root = make_library({"publications/x": f'{MARKED}[marks]\ncorresponding = ["Ayan Sengupta"]\n'})
    run = scholar("-L", root, "list", "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert '"marks": {\n      "corresponding": [\n        "Ayan Sengupta"\n      ]\n    }' in run.stdout


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ('[marks.student]\nsymbol = "*"\nlegend = "student"', 'marks.student: "*" is the symbol of equal contribution'),
        (
            '[marks.a]\nsymbol = "†"\nlegend = "a"\n[marks.b]\nsymbol = "†"\nlegend = "b"',
            'marks.b: "†" is the symbol of marks.a',
        ),
        (
            '[marks.student]\nsymbol = "s"\nlegend = "student"',
            'marks.student: the symbol "s" should be one to 3 punctuation',
        ),
        ('[marks.student]\nsymbol = "§"', "marks.student: symbol and legend should be non-empty strings"),
        ('[marks.student]\nsymbol = "§"\nlegend = "x"\ncolour = 1', "marks.student: unknown field colour"),
        ('[marks."two words"]\nsymbol = "§"\nlegend = "x"', "marks.two words: a kind of mark is named with"),
        ("marks = 3", "marks: should be a table of marks"),
        ("[marks]\nequal_contribution = 3", 'marks.equal_contribution: should be a table with symbol = "..."'),
    ],
)
def test_each_problem_of_the_marks_of_library_toml_is_named(
    scholar: Scholar, make_library: Callable[..., Path], marks: str, expected: str
) -> None:
    root = make_library(GOOD, settings=f"schema = 1\n{marks}\n")
    run = scholar("-L", root, "list")
    assert run.exit_code == 1
    assert len(run.stderr.splitlines()) == 1
    assert run.stderr.startswith(f"error: library.toml: {expected}")


def test_every_problem_of_a_record_is_reported_not_just_the_first(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    run = broken_run(scholar, make_library, "publications/bad", 'type = 3\nyear = "x"\ncolour = "red"\n')
    assert "type: should be a string" in run.stderr
    assert "year: should be an integer" in run.stderr
    assert "colour: unknown field" in run.stderr
    assert "title" not in run.stderr  # a work may lack a title: nothing is invented


def test_a_duplicate_key_is_reported_on_the_file_that_comes_later_in_path_order(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    run = broken_run(scholar, make_library, "zz/lovelace2024engine", 'type = "misc"\ntitle = "Twin"\n')
    assert 'zz/lovelace2024engine.toml: key: "lovelace2024engine" is also the key of publications/' in run.stderr


def test_an_unsafe_key_is_reported(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    run = broken_run(scholar, make_library, "publications/bad key", 'type = "misc"\ntitle = "T"\n')
    assert "publications/bad key.toml: key: 'bad key' is not a citation key" in run.stderr


def test_show_of_a_good_record_still_reports_broken_ones(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    root = make_library({**GOOD, "bad": "type = \n"})
    run = scholar("-L", root, "show", "lovelace2024engine")
    assert run.exit_code == 1
    assert "Notes on the Analytical Engine" in run.stdout
    assert "bad.toml: TOML syntax" in run.stderr


def test_a_broken_library_toml_is_one_line_per_problem_and_exit_1(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    root = make_library(GOOD, settings='schema = 1\ncolour = "red"\n[[people]]\nnome = "X"\n')
    run = scholar("-L", root, "list")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        "error: library.toml: colour: unknown setting (known: marks, people, schema, venues)",
        'error: library.toml: people[1]: each person needs a name = "..."',
    ]


def test_library_toml_with_bad_syntax(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    root = make_library(GOOD, settings="schema = [\n")
    run = scholar("-L", root, "list")
    assert run.exit_code == 1
    assert run.stderr.startswith("error: library.toml: TOML syntax:")
    assert len(run.stderr.splitlines()) == 1


def test_a_newer_schema_is_refused(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    run = scholar("-L", make_library(GOOD, settings="schema = 99\n"), "list")
    assert run.exit_code == 1
    assert "newer than this scholar understands" in run.stderr


def test_a_directory_without_library_toml_is_an_error(scholar: Scholar, tmp_path: Path) -> None:
    run = scholar("-L", tmp_path, "list")
    assert run.exit_code == 1
    assert run.stderr == f"error: {tmp_path} is not a scholar library (it has no library.toml)\n"


def test_unknown_command_and_unknown_option_are_usage_errors(scholar: Scholar, library: Path) -> None:
    for args in (["frobnicate"], ["list", "--colour"]):
        run = scholar("-L", library, *args)
        assert run.exit_code == 2
        assert run.stdout == ""
        assert "Traceback" not in run.stderr


def test_text_that_is_no_unicode_is_refused_in_every_kind_of_field() -> None:
    from scholarcli.model.validate import work_from_record

    bad = "Bad \udcff bytes"
    for name, value in [("title", bad), ("authors", ["A B", bad]), ("extra", {"note": "n", "howpublished": bad})]:
        work, problems = work_from_record("k", {"type": "misc", "title": "T", name: value}, "k.toml")
        assert work is None and [(p.field, p.message) for p in problems] == [
            (name, "holds bytes that are not UTF-8 text")
        ]
    work, problems = work_from_record("k", {"type": "misc", "title": "T", "extra": {"note": "{a}"}}, "k.toml")
    assert work is not None and problems == []
