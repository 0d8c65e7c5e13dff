"""A reader of .bib files that reads them as BibTeX 0.99d does, to judge the exports without running it.

bibtexparser takes ``\\}`` for an escaped brace where BibTeX ends the field, so it cannot judge
whether a value stays in its field. This reader follows bibtex.web instead: a braced value ends at
the brace that balances its opening one, every brace counted, escaped or not; a quoted one at a
``"`` outside braces; values join with ``#``; names are case-insensitive; anything between
entries is a comment. tests/test_properties.py checks that real bibtex reads what this reader
reads, entry by entry and field by field, so that the many examples this reader judges are judged
as BibTeX would judge them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WHITE = " \t\n\r"
# What ends a key, an entry type or a field name (bibtex.web's scan_identifier and the key's scan).
ENDS_NAME = WHITE + "\"#%'(),={}"


# The month macros every standard style defines (plain.bst's MACROs).
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")  # fmt: skip
MONTHS = {name[:3].lower(): name for name in _MONTH_NAMES}


class BibSyntaxError(ValueError):
    """Text BibTeX would complain about, at a position."""


@dataclass
class Entry:
    type: str
    key: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # (lower-case name, value)

    def names(self) -> list[str]:
        return [name for name, _ in self.fields]

    def get(self, name: str) -> str | None:
        return next((value for found, value in self.fields if found == name), None)


@dataclass
class Bib:
    entries: list[Entry]
    strings: dict[str, str]
    between: list[str]  # the text outside entries (BibTeX's comments)


class _Reader:
    def __init__(self, text: str, strings: dict[str, str]) -> None:
        self.text, self.at, self.strings = text, 0, strings

    def fail(self, why: str) -> BibSyntaxError:
        return BibSyntaxError(f"{why} at {self.at}: {self.text[max(0, self.at - 40) : self.at + 40]!r}")

    def skip_white(self) -> None:
        while self.at < len(self.text) and self.text[self.at] in WHITE:
            self.at += 1

    def expect(self, chars: str) -> str:
        self.skip_white()
        if self.at >= len(self.text) or self.text[self.at] not in chars:
            raise self.fail(f"expected one of {chars!r}")
        self.at += 1
        return self.text[self.at - 1]

    def name(self) -> str:
        self.skip_white()
        start = self.at
        while self.at < len(self.text) and self.text[self.at] not in ENDS_NAME:
            self.at += 1
        if self.at == start:
            raise self.fail("expected a name")
        return self.text[start : self.at]

    def braced(self) -> str:
        """From an opening brace to the one that balances it, every brace counted."""
        depth, start = 0, self.at
        while self.at < len(self.text):
            char = self.text[self.at]
            self.at += 1
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return self.text[start + 1 : self.at - 1]
        raise self.fail("a braced value that does not close")

    def quoted(self) -> str:
        depth, start = 0, self.at
        self.at += 1
        while self.at < len(self.text):
            char = self.text[self.at]
            self.at += 1
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth < 0:
                    raise self.fail("a } that closes nothing in a quoted value")
            elif char == '"' and depth == 0:
                return self.text[start + 1 : self.at - 1]
        raise self.fail("a quoted value that does not close")

    def value(self) -> str:
        parts = [self.part()]
        while True:
            self.skip_white()
            if self.at < len(self.text) and self.text[self.at] == "#":
                self.at += 1
                parts.append(self.part())
            else:
                return "".join(parts)

    def part(self) -> str:
        self.skip_white()
        char = self.text[self.at] if self.at < len(self.text) else ""
        if char == "{":
            return self.braced()
        if char == '"':
            return self.quoted()
        name = self.name()
        if name.isdigit():
            return name
        if name.lower() not in self.strings:
            raise self.fail(f"an undefined @string {name!r}")
        return self.strings[name.lower()]

    def entry(self, entry_type: str) -> Entry | None:
        closing = "}" if self.expect("{(") == "{" else ")"
        if entry_type == "string":
            name = self.name().lower()
            self.expect("=")
            self.strings[name] = self.value()
            self.expect(closing)
            return None
        self.skip_white()
        start = self.at
        while self.at < len(self.text) and self.text[self.at] not in f"{WHITE},{closing}":
            self.at += 1
        found = Entry(entry_type, self.text[start : self.at])
        while True:
            if self.expect("," + closing) == closing:
                return found
            self.skip_white()
            if self.at < len(self.text) and self.text[self.at] == closing:
                self.at += 1
                return found
            name = self.name().lower()
            self.expect("=")
            found.fields.append((name, self.value()))


def read_bib(text: str, strings: dict[str, str] | None = None) -> Bib:
    """Every entry of ``text`` as BibTeX reads it; BibSyntaxError where BibTeX would complain."""
    reader = _Reader(text, {**MONTHS, **(strings or {})})
    entries: list[Entry] = []
    between: list[str] = []
    while True:
        start = reader.at
        at = text.find("@", reader.at)
        between.append(text[start : at if at >= 0 else len(text)])
        if at < 0:
            return Bib(entries, reader.strings, between)
        reader.at = at + 1
        entry_type = reader.name().lower()
        found = reader.entry(entry_type)
        if found is not None:
            entries.append(found)


def collapse(value: str) -> str:
    """White space as BibTeX keeps it: each run of ASCII white space one space, none at the ends."""
    return re.sub(r"[ \t\n\r]+", " ", value).strip(" ")


def split_names(value: str) -> list[str]:
    """The names of an author field as BibTeX splits them: at ``and`` between white space, outside braces."""
    names, depth, start, words = [], 0, 0, collapse(value).split(" ")
    for index, word in enumerate(words):
        if depth == 0 and word.lower() == "and" and 0 < index < len(words) - 1:
            names.append(" ".join(words[start:index]))
            start = index + 1
        depth += word.count("{") - word.count("}")
    names.append(" ".join(words[start:]))
    return [name for name in names if name]
