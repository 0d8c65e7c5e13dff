"""`scholar check`: every problem of a library, found from the TOML files themselves."""

from __future__ import annotations

from dataclasses import dataclass

from scholarcli.duplicates import DuplicateIndex
from scholarcli.errors import Problem
from scholarcli.store import Library


@dataclass(frozen=True)
class Report:
    errors: list[Problem]
    warnings: list[Problem]


def check(library: Library) -> Report:
    """Errors make the library wrong; warnings name facts some export will miss."""
    errors = list(library.problems)
    warnings = []
    index = DuplicateIndex()
    for work in library.works:
        path = library.paths[work.key]
        twin = index.find(work)
        if twin:
            errors.append(Problem(path, "duplicate", f"the same work as {twin[0]} (same {twin[1]})"))
        index.add(work)
        if work.venue and library.settings.venue(work.venue) is None:
            warnings.append(Problem(path, "venue", f'"{work.venue}" is not in the venue registry of library.toml'))
        if work.year is None:
            warnings.append(Problem(path, "year", "is missing (BibTeX gets n.d., BibLaTeX and CSL no date)"))
        if not work.authors and not work.is_patent:
            warnings.append(Problem(path, "authors", "is empty (exports have no author)"))
        if work.is_patent and not work.number:
            warnings.append(Problem(path, "number", "is missing (a patent is cited by its number)"))
    return Report(errors, warnings)
