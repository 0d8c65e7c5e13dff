"""Drawing for a person at a terminal: rich tables and the `show` view. Imported only when used."""

from __future__ import annotations

import sys

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from scholarcli.describe import details, has_equal_contribution
from scholarcli.model import Settings, Work
from scholarcli.output import row


def console() -> Console:
    # Rich honours NO_COLOR and drops colour when stdout is not a terminal.
    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def print_table(works: list[Work], settings: Settings) -> None:
    mark = settings.equal_contribution
    caption = f"{len(works)} work{'s' if len(works) != 1 else ''}"
    if has_equal_contribution(works):
        caption += f"   {mark.symbol} {mark.legend}"
    table = Table(box=box.SIMPLE_HEAD, caption=caption, caption_justify="left", header_style="bold")
    table.add_column("Key", style="cyan", no_wrap=True)
    table.add_column("Year", justify="right", no_wrap=True)
    table.add_column("Authors", ratio=2)
    table.add_column("Title", ratio=3, style="bold")
    table.add_column("Venue", ratio=1)
    for work in works:
        key, year, _type, authors, title, venue = row(work, settings)
        table.add_row(key, year, Text(authors), Text(title), Text(venue))
    console().print(table)


def print_details(work: Work, settings: Settings) -> None:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in details(work, settings):
        grid.add_row(label, Text(value))
    console().print(grid)
