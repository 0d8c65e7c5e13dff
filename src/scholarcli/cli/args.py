"""What `list` and `export` run with, typed: their declared values (options.py), as both parsers read them.

A command's function receives a typed tuple, never the mapping of values (command_args.py has the
other commands' and TYPED, every command's maker). Options that contradict each other are a
Conflict, which the typer parameters report as a usage error and the quick path leaves to typer.
No click or typer here: the quick path reads this module on every `list`, so it makes only the two
tuples that path needs (a named tuple class costs about half a millisecond to make).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from scholarcli.cli.options import EXPORT
from scholarcli.model.named_tuple import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from scholarcli.formats.export_types import ExportOptions, Format
    from scholarcli.model.query import Filters

Values = Mapping[str, object]


class Conflict(ValueError):
    """Options that contradict each other (or the command): a usage error, naming ``option`` when one is to blame.

    Not a ScholarError: it never leaves the parsers, which turn it into click's usage error (exit 2)."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


def text_value(values: Values, name: str) -> str | None:
    value = values[name]
    return value if isinstance(value, str) else None


def number_value(values: Values, name: str) -> int | None:
    value = values[name]
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def filters_from(values: Values) -> Filters:
    """The Filters the filter options' values select by (values already checked)."""
    from scholarcli.model.query import Filters, parse_year_range

    year = text_value(values, "year")
    return Filters(
        venue=text_value(values, "venue"),
        years=parse_year_range(year) if year is not None else None,
        type=text_value(values, "work_type"),
        author=text_value(values, "author"),
        person=text_value(values, "person"),
        search=text_value(values, "search"),
        tag=text_value(values, "tag"),
        selected=bool(values["selected"]),
    )


class ListArgs(NamedTuple):
    filters: Filters
    sort: str
    reverse: bool
    limit: int | None
    fmt: str | None  # None: a table on a terminal, tsv otherwise


def list_args(values: Values) -> ListArgs:
    sort, reverse = str(values["sort"]), bool(values["reverse"])
    return ListArgs(filters_from(values), sort, reverse, number_value(values, "limit"), text_value(values, "fmt"))


class ExportArgs(NamedTuple):
    fmt: str
    output: Path | None  # None: standard output
    keys: str | None  # a file of keys, or - for standard input
    filters: Filters
    options: ExportOptions  # every option a format may take, named as ExportOptions names them
    sort: str
    reverse: bool


def export_args(values: Values) -> ExportArgs:
    from scholarcli.formats import ExportOptions
    from scholarcli.formats.export_types import FORMAT_OPTIONS

    output = values["output"]
    # a choice not given keeps ExportOptions' default, or the format's own (its first --format)
    given: dict[str, Any] = {name: values[name] for name in FORMAT_OPTIONS if values[name] is not None}
    formats = _declared(str(values["fmt"])).formats
    if formats and "cv_format" not in given:
        given["cv_format"] = formats[0]
    args = ExportArgs(
        str(values["fmt"]),
        output if isinstance(output, Path) else None,
        text_value(values, "keys"),
        filters_from(values),
        ExportOptions(**given),
        str(values["sort"]),
        bool(values["reverse"]),
    )
    _export_conflict(values)
    return args


def _declared(fmt: str) -> Format:
    """The declaration of the export format ``fmt``; an empty one for a name no module declares (the
    parsers refuse it)."""
    from scholarcli.formats import Format, export_format, format_names

    return export_format(fmt) if fmt in format_names() else Format(fmt, "")


def _export_conflict(values: Values) -> None:
    """Options that contradict each other or the format: an option the format's declaration does
    not take (a CV option on a bibliography) or one it needs left out, a --format it does not
    write, a page option off the page."""
    from scholarcli.formats import formats_taking
    from scholarcli.formats.export_types import FORMAT_OPTIONS

    fmt = str(values["fmt"])
    declared = _declared(fmt)
    for param in FORMAT_OPTIONS:
        if values[param] not in (None, False) and param not in declared.takes:
            option = EXPORT.option(param).flags[0]
            raise Conflict(f"{option} applies only to: {', '.join(formats_taking(param))}", option)
    for param in sorted(declared.needs):
        if values[param] in (None, False):
            needed = EXPORT.option(param)
            raise Conflict(f"{fmt} needs {needed.flags[0]} {needed.metavar or ''}".rstrip(), needed.flags[0])
    chosen = values["cv_format"]
    if chosen in declared.style_formats and not values["style"]:
        raise Conflict(f"{fmt} writes --format {chosen} only in a citation style (--style NAME|FILE)", "--format")
    if chosen is not None and declared.formats and chosen not in declared.formats + declared.style_formats:
        written = ", ".join(declared.formats)
        raise Conflict(f"{fmt} does not write --format {chosen}; it writes {written}", "--format")
    if values["style"] and (values["abstracts"] or values["thumbnails"]):
        option = "--abstracts" if values["abstracts"] else "--thumbnails"
        raise Conflict(f"{option} applies only to the house style's page, not to a citation style's", option)
    if values["standalone"] and values["cv_format"] != "html":
        raise Conflict("--standalone needs --format html", "--standalone")
    for option in ("--abstracts", "--thumbnails"):
        if values[option[2:]] and not values["standalone"]:
            raise Conflict(f"{option} applies only to the page: cv --format html --standalone", option)
