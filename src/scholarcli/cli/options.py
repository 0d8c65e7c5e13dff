"""Options shared by the reading commands (`list`, and later `export`), parsed once here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from scholarcli.cli import completion
from scholarcli.model import WORK_TYPES
from scholarcli.output import LIST_FORMATS
from scholarcli.query import SORT_FIELDS, Filters, YearRange, parse_year_range

FILTERS = "Filters"


def _year_range(value: str | None) -> YearRange | None:
    if value is None:
        return None
    try:
        return parse_year_range(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def choice(allowed: tuple[str, ...], what: str) -> Callable[[str | None], str | None]:
    """An option callback: a usage error that lists what is allowed."""

    def check(value: str | None) -> str | None:
        if value is not None and value not in allowed:
            raise typer.BadParameter(f'"{value}" is not a {what}; use one of: {", ".join(allowed)}')
        return value

    return check


def check_year(value: str | None) -> str | None:
    _year_range(value)
    return value


check_type = choice(WORK_TYPES, "work type")
check_sort = choice(SORT_FIELDS, "sort order")
check_list_format = choice(LIST_FORMATS, "format")


Venue = Annotated[
    str | None,
    typer.Option(
        "--venue",
        help="Venue acronym, full name or alias, as whole words, any case.",
        rich_help_panel=FILTERS,
        autocompletion=completion.venues,
    ),
]
Year = Annotated[
    str | None,
    typer.Option(
        "--year",
        callback=check_year,
        help="A year or range: 2024, 2021..2023, 2023.., ..2020.",
        rich_help_panel=FILTERS,
    ),
]
WorkType = Annotated[
    str | None,
    typer.Option("--type", callback=check_type, help=f"One type: {', '.join(WORK_TYPES)}.", rich_help_panel=FILTERS),
]
Author = Annotated[
    str | None,
    typer.Option("--author", help="Any author or inventor whose name has these words.", rich_help_panel=FILTERS),
]
Person = Annotated[
    str | None,
    typer.Option("--person", help="A person of library.toml (name or variant): their works.", rich_help_panel=FILTERS),
]
Search = Annotated[
    str | None,
    typer.Option("--search", help="Words that must all occur in title, abstract or authors.", rich_help_panel=FILTERS),
]
Tag = Annotated[str | None, typer.Option("--tag", help="Works with this tag.", rich_help_panel=FILTERS)]
Selected = Annotated[
    bool, typer.Option("--selected", help="Only works marked selected = true.", rich_help_panel=FILTERS)
]
Sort = Annotated[str, typer.Option("--sort", callback=check_sort, help="year (newest first), title, venue or key.")]
Reverse = Annotated[bool, typer.Option("--reverse", help="Reverse the order.")]


def build_filters(
    venue: str | None,
    year: str | None,
    work_type: str | None,
    author: str | None,
    person: str | None,
    search: str | None,
    tag: str | None,
    selected: bool,
) -> Filters:
    """The Filters for the options as given (already checked by their callbacks)."""
    return Filters(
        venue=venue,
        years=_year_range(year),
        type=work_type,
        author=author,
        person=person,
        search=search,
        tag=tag,
        selected=selected,
    )
