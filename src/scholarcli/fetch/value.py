"""A service's JSON read without trusting its types: each reading names the type it wants, and gets
that or nothing.

A service may answer with any JSON in any place: a list where an object was, a number where a
string was, a count of -5, an integer TOML cannot hold. The parsers read answers through
:class:`Value`, so that no shape of answer raises anything but the FetchError a parser raises on
purpose::

    message = Value(data)["message"]
    message["title"].first_text()                  # a string, or the first of a list of strings, or None
    [a["family"].text() for a in message["author"].items()]
    message["is-referenced-by-count"].whole()      # an int in 0..2**63-1, or None
"""

from __future__ import annotations

import re

# The largest integer TOML 1.0 holds (a signed 64-bit one), so the largest count a library can keep.
MAX_WHOLE = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")  # ASCII digits only: int() would also read "١٢", "1_000" and " +7 "


class Value:
    """One value of an answer, of any JSON type (or missing: ``raw`` None)."""

    __slots__ = ("raw",)

    def __init__(self, raw: object = None) -> None:
        self.raw = raw

    def __getitem__(self, name: str) -> Value:
        """An object's member; nothing for a missing member and for any value that is no object."""
        return Value(self.raw.get(name)) if isinstance(self.raw, dict) else Value()

    def at(self, *names: str) -> Value:
        """The member at a path of names: ``at("name", "given-names", "value")``."""
        found = self
        for name in names:
            found = found[name]
        return found

    def is_object(self) -> bool:
        return isinstance(self.raw, dict)

    def items(self) -> list[Value]:
        """A list's items; none for anything else."""
        return [Value(item) for item in self.raw] if isinstance(self.raw, list) else []

    def one_or_many(self) -> list[Value]:
        """A list's items, or the value alone when it is no list (DBLP gives one author bare, several in a list)."""
        if isinstance(self.raw, list):
            return self.items()
        return [] if self.raw is None else [self]

    def members(self) -> list[tuple[str, Value]]:
        """An object's members, in order; none for anything else."""
        return [(name, Value(item)) for name, item in self.raw.items()] if isinstance(self.raw, dict) else []

    def text(self) -> str | None:
        """A string that is not blank, stripped; None for anything else."""
        raw = self.raw
        return raw.strip() if isinstance(raw, str) and raw.strip() else None

    def first_text(self) -> str | None:
        """:meth:`text`, or the first text of a list (Crossref gives titles as lists, CSL-JSON as strings)."""
        if isinstance(self.raw, list):
            return next((found for item in self.items() if (found := item.text())), None)
        return self.text()

    def whole(self, low: int = 0, high: int = MAX_WHOLE) -> int | None:
        """An integer from ``low`` to ``high``, given as a JSON integer or a string of digits; else None.

        Never a boolean, a float (2018.7, NaN), nor a number TOML cannot hold.
        """
        raw = self.raw
        if type(raw) is int:
            number = raw
        elif isinstance(raw, str) and _DIGITS.fullmatch(raw.strip()):
            number = int(raw.strip())
        else:
            return None
        return number if low <= number <= high else None

    def label(self) -> str | None:
        """A volume, issue or page: text, or a whole number written out; None for anything else."""
        if type(self.raw) is int:
            number = self.whole()
            return None if number is None else str(number)
        return self.text()
