"""A BibTeX field value written bare, as a record's ``macros`` keeps it: @string names, numbers,
braced and quoted texts joined by ``#``. Checked before a record is saved and again before an export
writes it, so that no value can leave its field."""

from __future__ import annotations

import re

# A BibTeX value written bare: @string names, numbers, braced and quoted texts joined by #.
_MACRO_PART = re.compile(r'[A-Za-z][^\s"#%\'(),={}]*|\d+|\{|"')


def bibtex_expression_problem(value: str) -> str | None:
    """What keeps ``value`` from being one BibTeX value (``MCDERMOTT # { and Gerald J. Sussman}``)."""
    index, expect_part = 0, True
    while True:
        while index < len(value) and value[index] in " \t\n":
            index += 1
        if index == len(value):
            return "is empty or ends with #" if expect_part else None
        if not expect_part:
            if value[index] != "#":
                return f"has {value[index]!r} where # or the end belongs"
            index, expect_part = index + 1, True
            continue
        part = _MACRO_PART.match(value, index)
        if part is None:
            return f"has {value[index]!r} where a @string name, a number or a text belongs"
        index = _part_end(value, index) if part.group() in ("{", '"') else part.end()
        if index < 0:
            return "has a text whose braces or quotes do not close"
        expect_part = False


def _part_end(value: str, start: int) -> int:
    """Where a braced or quoted text that opens at ``start`` ends; -1 when it does not close."""
    depth = 0
    for index in range(start, len(value)):
        char = value[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return -1
        if (value[start] == "{" and depth == 0) or (char == '"' and index > start and depth == 0):
            return index + 1
    return -1


_BRACE = re.compile(r"[{}]")
# A backslash with what it escapes, or a brace: what a reader that skips escaped braces counts.
_UNESCAPED_BRACE = re.compile(r"\\.|[{}]", re.DOTALL)


def braces_balance(text: str) -> bool:
    """Whether every } closes a { before it, and every { is closed: BibTeX counts even escaped ones.

    Only the braces are visited (a title has a few among a hundred characters): a loop over every
    character made the check the slowest part of writing an entry.
    """
    if "{" not in text and "}" not in text:
        return True
    depth = 0
    for found in _BRACE.finditer(text):
        depth += 1 if found.group() == "{" else -1
        if depth < 0:
            return False
    return depth == 0


def escaped_braces_balance(text: str) -> bool:
    """Whether the braces balance for a reader that takes ``\\{`` and ``\\}`` as escaped characters
    (bibtexparser, some editors); with braces_balance, every reader ends the field where BibTeX does.

    A value that ends in a lone backslash fails: such a reader would take the closing brace as escaped.
    """
    if "\\" not in text:
        return braces_balance(text)
    if (len(text) - len(text.rstrip("\\"))) % 2:
        return False
    depth = 0
    for found in _UNESCAPED_BRACE.finditer(text):
        token = found.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0
