"""What `list` and `export` do once their options are read.

The typer commands (listing.py, export.py) and the quick path (quick.py) both end here, so the
two print the same for the same arguments. No click or typer here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scholarcli import store
from scholarcli.cli.context import finish, load_library, warn, write_stdout
from scholarcli.errors import ScholarError
from scholarcli.model import Person, Settings
from scholarcli.query import Filters, find_person, parse_key_list, pick, select, sort_works

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.formats import ExportOptions

TABLE_ROWS = 500  # drawing a wrapped table costs about a millisecond a row; nobody reads thousands
# The list formats that show a few fields, and every field they, the filters and the sort orders
# read (--search reads the abstract too): a listing reads only these (store.load).
BRIEF_FORMATS = frozenset(("table", "tsv", "csv", "keys"))
LISTING_FIELDS = frozenset(
    {
        "key",
        "type",
        "title",
        "authors",
        "authors_truncated",
        "equal_contribution",
        "people",
        "venue",
        "track",
        "year",
        "month",
        "day",
        "tags",
        "selected",
    }
)


def list_works(
    library_dir: Path | None, filters: Filters, sort: str, reverse: bool, limit: int | None, fmt: str | None
) -> store.Library:
    """List the selected works; the library is returned for a caller that would rather not free it (quick.py)."""
    chosen = fmt or ("table" if sys.stdout.isatty() else "tsv")
    fields = None
    if chosen in BRIEF_FORMATS:
        fields = LISTING_FIELDS | {"abstract"} if filters.search else LISTING_FIELDS
    library = load_library(library_dir, fields)
    works = sort_works(select(library.works, filters, library.settings), sort, reverse)
    if limit is not None:
        works = works[:limit]
    if chosen == "table":
        from scholarcli.cli.terminal import print_table

        if len(works) > TABLE_ROWS and limit is None:
            warn(f"showing {TABLE_ROWS} of {len(works)} works; use --limit N, or --format tsv for all")
            works = works[:TABLE_ROWS]
        print_table(works, library.settings)
    else:
        from scholarcli.output import render_list

        write_stdout(render_list(works, chosen, library.settings))
    finish(library)
    return library


def _whose(settings: Settings, person: str | None, fmt: str) -> Person:
    if person is not None:
        return find_person(settings, person)
    if len(settings.people) == 1:
        return settings.people[0]
    listed = ", ".join(f'"{p.name}"' for p in settings.people) or "none (add [[people]] to library.toml)"
    raise ScholarError(f"{fmt} needs --person NAME to know whose CV it is; the people of this library: {listed}")


def _read_keys(source: str) -> list[str]:
    if source == "-":
        return parse_key_list(sys.stdin.read())
    return parse_key_list(Path(source).read_text(encoding="utf-8"))


def export_works(
    library_dir: Path | None,
    fmt: str,
    filters: Filters,
    keys: str | None,
    output: Path | None,
    sort: str,
    reverse: bool,
    options: ExportOptions,
) -> store.Library:
    """Export the selected works (or exactly those of ``keys``, a file or - for stdin) in ``fmt``.

    The library is returned for a caller that would rather not free it (quick.py)."""
    from scholarcli.exports import export
    from scholarcli.fileio import check_directory
    from scholarcli.formats import PERSONAL

    if output is not None:
        check_directory(output)
    library = load_library(library_dir)
    if fmt in PERSONAL:
        whose = _whose(library.settings, filters.person, fmt)
        filters = filters._replace(person=whose.name)
        options = options._replace(person=whose)
    if keys is not None:
        works = select(pick(library.works, _read_keys(keys)), filters, library.settings)
    else:
        works = sort_works(select(library.works, filters, library.settings), sort, reverse)
    result = export(library, fmt, works, options)
    for warning in result.warnings:
        warn(f"warning: {warning}")
    if output is None:
        write_stdout(result.text)
    else:
        from scholarcli.fileio import write_atomic

        write_atomic(output, result.text)
        warn(f"wrote {len(works)} work{'s' if len(works) != 1 else ''} to {output}")
    finish(library)
    return library
