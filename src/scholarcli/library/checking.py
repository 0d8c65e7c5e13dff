"""`scholar check`: every problem of a library, found from the TOML files themselves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from scholarcli.errors import Problem
from scholarcli.index import Library
from scholarcli.library.venues import Linker, venue_warning
from scholarcli.model import Work
from scholarcli.model.duplicates import DuplicateIndex
from scholarcli.model.named_tuple import NamedTuple


class CheckReport(NamedTuple):
    """What `check` found: errors make the library wrong, warnings name facts an export will miss."""

    root: Path
    works: int
    errors: list[Problem]
    warnings: list[Problem]


def _missing(field: str, work: Work, otherwise: str) -> str:
    """What `check` says of a missing year or author list: an import may have kept the source's."""
    if field in work.macros:
        return f"is empty: its BibTeX is the @string {work.macros[field]}, which BibTeX exports write bare"
    if field in work.extra:
        return f"is empty: its BibTeX source ({work.extra[field]}) is kept in extra and exported as it came"
    return f"is missing ({otherwise})" if field == "year" else f"is empty ({otherwise})"


def check_library(explicit: Path | None) -> CheckReport:
    """Every problem of the chosen library, read from its TOML files (never the index)."""
    from scholarcli.library import open_library
    from scholarcli.processes import collector_paused
    from scholarcli.store.fileio import remove_stale_temp_files
    from scholarcli.store.records import write_lock

    library = open_library(explicit, use_cache=False)
    if not library.read_only:
        with write_lock(library.root):  # no writer is mid-write while its temp files are removed
            remove_stale_temp_files(library.root)
    with collector_paused():  # the works' millions of objects made each full collection cost more
        report = check(library)  # than the whole check (100,000 works: 1.9 s, 1.0 s without it)
    errors, warnings = _citation_problems(library)
    return report._replace(errors=report.errors + errors, warnings=report.warnings + warnings)


def _citation_problems(library: Library) -> tuple[list[Problem], list[Problem]]:
    """citations.toml's broken entries (errors), and counts of keys no work has (warnings)."""
    from scholarcli.store.citations_file import read_citations
    from scholarcli.store.records import CITATIONS_FILE

    counts, errors = read_citations(library.root)
    keys = set(library.paths)
    orphans = [
        Problem(CITATIONS_FILE, key, "no work has this key (renamed or removed?); its count is not shown")
        for key in counts
        if key not in keys
    ]
    return errors, orphans


# Years a work can plausibly have: printed works, up to a little after this year (in press).
FIRST_YEAR = 1450


def _link_warnings(work: Work, path: str, is_safe_url: Callable[[str], bool]) -> list[Problem]:
    """Addresses no export will link to: not http(s) or mailto (javascript:, data:, a bare word)."""
    named = [("url", work.url)] if work.url else []
    named += [(f"links.{name}", url) for name, url in work.links.items() if name not in ("thumbnail", "preview")]
    return [
        Problem(path, field, f"{url!r} is not an http(s) or mailto address; exports will not link to it")
        for field, url in named
        if not is_safe_url(url)
    ]


def _year_warnings(work: Work, path: str, latest: int) -> list[Problem]:
    if work.year is not None and not FIRST_YEAR <= work.year <= latest:
        return [Problem(path, "year", f"{work.year} is an unlikely year for a work (expected {FIRST_YEAR}-{latest})")]
    return []


def check(library: Library) -> CheckReport:
    """Errors make the library wrong; warnings name facts some export will miss."""
    import datetime as dt

    from scholarcli.formats.cv import is_safe_url

    latest = dt.date.today().year + 2
    errors = list(library.problems)
    warnings = []
    index = DuplicateIndex()
    venues = Linker(library.settings)
    for work in library.works:
        path = library.paths[work.key]
        twin = index.find_and_add(work)
        if twin and twin[1] == "key":  # another work's key among its other keys (ids): \cite is ambiguous
            errors.append(Problem(path, "duplicate", f'a key of "{work.key}" is a key of "{twin[0]}" too (ids)'))
        elif twin:  # two records an import kept apart, or added by hand: the user decides
            warnings.append(
                Problem(
                    path,
                    "duplicate",
                    f'"{work.key}" is likely the same work as "{twin[0]}" (same {twin[1]});'
                    f" scholar merge {twin[0]} {work.key} makes them one",
                )
            )
        if venue := venue_warning(work, path, venues):
            warnings.append(venue)
        if work.year is None:
            warnings.append(Problem(path, "year", _missing("year", work, "exports have no date")))
        if not work.authors and not work.is_patent:
            warnings.append(Problem(path, "authors", _missing("author", work, "exports have no author")))
        if work.is_patent and not work.number:
            warnings.append(Problem(path, "number", "is missing (a patent is cited by its number)"))
        if work.url or work.links:
            warnings += _link_warnings(work, path, is_safe_url)
        warnings += _year_warnings(work, path, latest)
    return CheckReport(library.root, len(library.works), errors, warnings)
