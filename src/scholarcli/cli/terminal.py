"""Drawing for a person at a terminal: rich tables and the `show` view. Imported only when used."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from scholarcli.cli.env import Environment, visible
from scholarcli.formats.listing import NO_COUNTS, Counts, row
from scholarcli.library.stats import VenueCount
from scholarcli.model import Citation, Settings, Work
from scholarcli.model.describe import details
from scholarcli.model.marks import legends


def shown(text: str) -> Text:
    """A text of the library as a cell shows it: control characters written out, never acted on,
    and never read as rich's markup (a key ``[bold]x`` is shown as it is)."""
    return Text(visible(text))


def console(env: Environment) -> Console:
    # Rich honours NO_COLOR and drops colour when stdout is not a terminal.
    return Console(file=env.stdout, highlight=False, soft_wrap=False)


def print_table(env: Environment, works: list[Work], settings: Settings, counts: Counts = NO_COUNTS) -> None:
    caption = f"{len(works)} work{'s' if len(works) != 1 else ''}"
    for mark in legends(works, settings):
        caption += f"   {mark.symbol} {mark.legend}"
    table = Table(box=box.SIMPLE_HEAD, caption=shown(caption), caption_justify="left", header_style="bold")
    table.add_column("Key", style="cyan", no_wrap=True)
    table.add_column("Year", justify="right", no_wrap=True)
    table.add_column("Authors", ratio=2)
    table.add_column("Title", ratio=3, style="bold")
    table.add_column("Venue", ratio=1)
    cited = any(work.key in counts for work in works)  # a column only when some work has a count
    if cited:
        table.add_column("Cited", justify="right", no_wrap=True)
    for work in works:
        key, year, _type, authors, title, venue, count = row(work, settings, counts)
        cells: list[str | Text] = [shown(key), year, shown(authors), shown(title), shown(venue)]
        table.add_row(*cells, *([count] if cited else []))
    console(env).print(table)


def print_details(env: Environment, work: Work, settings: Settings, citation: Citation | None = None) -> None:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in details(work, settings, citation):
        grid.add_row(shown(label), shown(value))
    console(env).print(grid)


def _bar(count: int, largest: int, width: int = 30) -> str:
    return "█" * max(1, round(width * count / largest)) if count else ""


# A run of this many years without works or more is drawn as one row (1963–2002 0), not a row a year.
FOLDED_YEARS = 3


def folded_years(counts: dict[str, int]) -> dict[str, int]:
    """The works by year, with each long run of years without works as one row."""
    rows: dict[str, int] = {}
    empty: list[str] = []
    for year, count in [*counts.items(), ("", 1)]:  # the end flushes the last run
        if count == 0:
            empty.append(year)
            continue
        if len(empty) >= FOLDED_YEARS:
            rows[f"{empty[0]}–{empty[-1]}"] = 0
        else:
            rows.update(dict.fromkeys(empty, 0))
        empty = []
        if year:
            rows[year] = count
    return rows


def print_stats(env: Environment, data: dict[str, Any]) -> None:
    out = console(env)
    patents = data["patents"]
    header = Table.grid(padding=(0, 2))
    header.add_column(style="bold")
    header.add_column(justify="right")
    header.add_row("Works", str(data["total"]))
    header.add_row("Publications", str(data["publications"]))
    header.add_row("Patents", f"{patents['granted']} granted, {patents['pending']} pending, {patents['filed']} filed")
    header.add_row("Equal contribution", str(data["equal_contribution"]))
    total = data["metrics"]["total"]
    if total["counted"]:
        header.add_row("Citations", f"{total['citations']:,}")
        header.add_row("h-index", str(total["h_index"]))
        header.add_row("i10-index", str(total["i10_index"]))
    out.print(header)
    for title, section in (("By year", "by_year"), ("By type", "by_type"), ("Top venues", "by_venue")):
        counts: dict[str, int] = folded_years(data[section]) if section == "by_year" else data[section]
        if not counts:
            continue
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_header=False)
        table.add_column(no_wrap=True)
        table.add_column(justify="right")
        table.add_column(style="cyan", no_wrap=True)
        largest = max(counts.values())
        for name, count in counts.items():
            table.add_row(shown(name), str(count), _bar(count, largest))
        out.print(table)
    if data["people"]:
        people = Table(title="People", title_justify="left", box=box.SIMPLE_HEAD, header_style="bold")
        for column in ("Person", "Works", "First author", "Equal contribution", "Patents"):
            people.add_column(column, justify="left" if column == "Person" else "right")
        for name, counts in data["people"].items():
            people.add_row(
                shown(name),
                *(str(counts[k]) for k in ("works", "first_author", "equal_contribution", "patents")),
            )
        out.print(people)
    out.print(_metrics_table(data["metrics"]))


def _counted(found: dict[str, Any]) -> str:
    """Where the counts came from and how old the oldest is; how many works have none."""
    if not found["counted"]:
        return "no counts"
    where = f"{', '.join(found['sources'])}, oldest {found['oldest']}"
    missing = found["works"] - found["counted"]
    return where + (f"; {missing} without a count" if missing else "")


def _metrics_table(metrics: dict[str, Any]) -> Table:
    """Computed metrics per person and in total, and beside them the metrics recorded in library.toml."""
    table = Table(title="Citation metrics", title_justify="left", box=box.SIMPLE_HEAD, header_style="bold")
    if not metrics["total"]["counted"]:
        table.caption, table.caption_justify = (
            "No citation counts yet: scholar refresh --citations fetches them.",
            "left",
        )
    table.add_column("Person", no_wrap=True)
    table.add_column("")
    for column in ("Works", "Citations", "h-index", "i10-index"):
        table.add_column(column, justify="right")
    table.add_column("Counts from")
    rows = [(name, "computed", found) for name, found in metrics["people"].items()]
    rows.append(("All works", "computed", metrics["total"]))
    for name, kind, found in rows:
        numbers = (found["works"], found["citations"], found["h_index"], found["i10_index"])
        table.add_row(shown(name), kind, *(f"{n:,}" for n in numbers), shown(_counted(found)))
        recorded = metrics["recorded"].get(name) if kind == "computed" else None
        if recorded:
            numbers = (recorded["papers"], recorded["citations"], recorded["h_index"], recorded["i10_index"])
            written = ("" if number is None else f"{number:,}" for number in numbers)
            source = ", ".join(str(part) for part in (recorded["source"], recorded["date"]) if part)
            table.add_row("", "recorded", *written, shown(source))
    return table


def print_venues(env: Environment, rows: list[VenueCount]) -> None:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", caption=f"{len(rows)} venues", caption_justify="left")
    table.add_column("Acronym", style="cyan", no_wrap=True)
    table.add_column("Name")
    table.add_column("Kind")
    table.add_column("Works", justify="right")
    for venue in rows:
        table.add_row(shown(venue.acronym), shown(venue.name), venue.kind, str(venue.works))
    console(env).print(table)
