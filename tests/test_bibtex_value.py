"""A record's macros (a BibTeX value written bare) and the brace counts that decide where bibtex
ends a field: the checks that keep any value inside its field."""

from __future__ import annotations

import pytest

from scholarcli.formats.bibfile import page_range, source, verbatim
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
        "MAX # XX",  # white space is blanks, tabs and new lines only
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
        (r"\relax {{a}}", True, True),  # nested, past an escape
        (r"\relax }{", False, False),  # a closing brace first never balances, whatever follows
    ],
)
def test_braces_balance_as_bibtex_counts_them_and_as_a_reader_that_skips_escapes(
    text: str, bibtex: bool, escaping: bool
) -> None:
    assert braces_balance(text) is bibtex
    assert escaped_braces_balance(text) is escaping


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("https://a.org/x?q=1&r=%41", "https://a.org/x?q=1&r=%41"),  # as it is, where nothing needs encoding
        ("https://a.org/{x}", "https://a.org/%7Bx%7D"),
        ("https://a.org/a b\\c", "https://a.org/a%20b%5Cc"),
        ("https://a.org/\té\x85", "https://a.org/%09é%C2%85"),  # a C1 control as its UTF-8 bytes
    ],
)
def test_an_address_is_written_as_it_is_and_percent_encoded_where_bibtex_would_end_it(value: str, written: str) -> None:
    assert verbatim(value) == written


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("{Studies in {Aristotle}}", "{Studies in {Aristotle}}"),
        ("a\x01b\x7fc\x9fd", "a b c d"),  # one space for each control character, which no TeX engine typesets
        ("tab\tand\nline", "tab\tand\nline"),
        ("{a", None),
        ("a}{b", None),
        (r"\{a", None),  # bibtex counts the escaped brace
        (r"{a\}", None),  # a reader that skips escapes would not close the braces
    ],
)
def test_kept_source_is_written_as_it_came_or_left_out_when_it_could_end_its_field(
    value: str, written: str | None
) -> None:
    assert source(value) == written


@pytest.mark.parametrize(
    ("pages", "written"),
    [("12-34", "12--34"), (" 12 - 34 ", "12--34"), ("12--34", "12--34"), ("e12-e34-2", "e12-e34-2"), ("12", "12")],
)
def test_a_page_range_gets_the_en_dash_bibtex_styles_expect(pages: str, written: str) -> None:
    assert page_range(pages) == written
