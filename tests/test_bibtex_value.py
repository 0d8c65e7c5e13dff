"""A record's macros (a BibTeX value written bare) and the brace counts that decide where bibtex
ends a field: the checks that keep any value inside its field."""

from __future__ import annotations

import pytest

from scholarcli.model.bibtex_value import bibtex_expression_problem, braces_balance, escaped_braces_balance

UNCLOSED = "has a text whose braces or quotes do not close"


@pytest.mark.parametrize(
    "value",
    [
        "jan",
        "2020",
        " MCDERMOTT # { and Gerald J. Sussman} ",
        '"a" # {b} # jan',
        "{a{b}c}",
        '"a{"}b"',  # a quote inside braces does not end a quoted text
        '""',
        "{}",
        'jan # "1"',
        "x\t#\n{y}",
    ],
)
def test_a_value_bibtex_reads_as_one_value_has_no_problem(value: str) -> None:
    assert bibtex_expression_problem(value) is None


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", "is empty or ends with #"),
        ("  ", "is empty or ends with #"),
        ('"a" #', "is empty or ends with #"),
        ('"a" # ', "is empty or ends with #"),
        ("{a", UNCLOSED),
        ('"a', UNCLOSED),
        ('"a}"', UNCLOSED),
        ("{a}}", "has '}' where # or the end belongs"),
        ('"a" "b"', "has '\"' where # or the end belongs"),
        ("a b", "has 'b' where # or the end belongs"),
        ("# a", "has '#' where a @string name, a number or a text belongs"),
        ("a # , b", "has ',' where a @string name, a number or a text belongs"),
        ("{a} # }", "has '}' where a @string name, a number or a text belongs"),
        ('"a" # {b', UNCLOSED),
    ],
)
def test_a_value_that_could_leave_its_field_is_named_with_its_problem(value: str, problem: str) -> None:
    assert bibtex_expression_problem(value) == problem


@pytest.mark.parametrize(
    ("text", "bibtex", "escaping"),
    [
        ("plain", True, True),
        ("{a}", True, True),
        ("}{", False, False),
        ("{", False, False),
        ("a}", False, False),
        (r"\{", False, True),  # bibtex counts the escaped brace; a reader that skips escapes balances
        (r"a \} {b}", False, True),
        (r"{\}", True, False),  # bibtex: balanced; a reader that skips \} sees one { unclosed
        ("a\\", True, False),  # a lone backslash at the end escapes the closing brace for such a reader
        ("a\\\\", True, True),
        (r"{\\}", True, True),
    ],
)
def test_braces_balance_as_bibtex_counts_them_and_as_a_reader_that_skips_escapes(
    text: str, bibtex: bool, escaping: bool
) -> None:
    assert braces_balance(text) is bibtex
    assert escaped_braces_balance(text) is escaping
