"""The one error hierarchy of scholar; the CLI catches ScholarError at its boundary."""

from __future__ import annotations

from scholarcli.model.named_tuple import NamedTuple


class ScholarError(Exception):
    """A user or data error: shown as one ``error: ...`` line, exit status 1."""


class LibraryNotFound(ScholarError):
    """No usable library at the place the user named."""


class UnknownKey(ScholarError):
    """A citation key that is not in the library."""


class UnknownPerson(ScholarError):
    """A --person that is not one of the library's people."""


class WriteFailed(ScholarError):
    """A file could not be written; ``errno`` says why (a full disk stops an import, a bad name does not)."""

    def __init__(self, message: str, errno: int | None = None) -> None:
        super().__init__(message)
        self.errno = errno


class UnsafeOutput(ScholarError):
    """An export was about to write a value that could leave its place (a slip in scholar): refused,
    so that nothing a record holds can become a field, an entry or markup of its own."""


class Problem(NamedTuple):
    """One problem found in a file of the library, located by file and field."""

    path: str
    field: str
    message: str

    def __str__(self) -> str:
        if self.field:
            return f"{self.path}: {self.field}: {self.message}"
        return f"{self.path}: {self.message}"


class InvalidLibrary(ScholarError):
    """library.toml itself is broken, so no record can be read."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class InvalidRecord(ScholarError):
    """A record that would be written is not valid; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))
