"""`scholar stats` and `scholar venues`: counts drawn for a person, plain for a script."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from scholarcli.cli import options
from scholarcli.cli.context import finish, load_library, write_stdout

SUMMARY_FORMATS = ("table", "tsv", "json")


Format = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        callback=options.choice(SUMMARY_FORMATS, "format"),
        help="table, tsv or json (default: table on a terminal, tsv otherwise).",
    ),
]


def _chosen(fmt: str | None) -> str:
    return fmt or ("table" if sys.stdout.isatty() else "tsv")


def _tsv(data: dict[str, Any]) -> str:
    """One ``section<TAB>name<TAB>value`` line per number, for cut and awk."""
    lines = [f"total\t\t{data['total']}", f"publications\t\t{data['publications']}"]
    lines += [f"patents\t{status}\t{count}" for status, count in data["patents"].items()]
    lines += [f"equal_contribution\t\t{data['equal_contribution']}", f"undated\t\t{data['undated']}"]
    for section in ("by_year", "by_type", "by_venue"):
        lines += [f"{section.removeprefix('by_')}\t{name}\t{count}" for name, count in data[section].items()]
    for person, counts in data["people"].items():
        lines += [f"person\t{person}\t{name}={count}" for name, count in counts.items()]
    return "\n".join(lines) + "\n"


def stats(
    ctx: typer.Context,
    venue: options.Venue = None,
    year: options.Year = None,
    work_type: options.WorkType = None,
    author: options.Author = None,
    person: options.Person = None,
    search: options.Search = None,
    tag: options.Tag = None,
    selected: options.Selected = False,
    top: Annotated[int, typer.Option("--top", min=1, help="How many venues to show.")] = 10,
    fmt: Format = None,
) -> None:
    """Count works by year (a bar chart), type, venue and person, with the numbers a CV header wants.

    Examples:

        scholar stats

        scholar stats --person "Ayan Sengupta" --year 2020..

        scholar stats --format json | jq .by_year
    """
    from scholarcli.query import select
    from scholarcli.stats import summary

    filters = options.build_filters(venue, year, work_type, author, person, search, tag, selected)
    library = load_library(ctx.find_root().obj)
    data = summary(select(library.works, filters, library.settings), library.settings, top=top)
    chosen = _chosen(fmt)
    if chosen == "json":
        write_stdout(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif chosen == "tsv":
        write_stdout(_tsv(data))
    else:
        from scholarcli.cli.terminal import print_stats

        print_stats(data)
    finish(library)


def venues(ctx: typer.Context, fmt: Format = None) -> None:
    """List every venue the library's works name, with acronym, full name and number of works.

    Example:

        scholar venues --format tsv | head
    """
    from scholarcli.stats import venue_counts

    library = load_library(ctx.find_root().obj)
    rows = venue_counts(library.works, library.settings)
    chosen = _chosen(fmt)
    if chosen == "json":
        data = [{"acronym": r.acronym, "name": r.name, "kind": r.kind, "works": r.works} for r in rows]
        write_stdout(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif chosen == "tsv":
        write_stdout("".join(f"{r.acronym}\t{r.name}\t{r.kind}\t{r.works}\n" for r in rows))
    else:
        from scholarcli.cli.terminal import print_venues

        print_venues(rows)
    finish(library)
