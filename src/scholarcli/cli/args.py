"""What each command runs with, typed: its declared values (options.py), as the parsers read them.

A command's function receives one of these tuples, never the mapping of values: TYPED names the
function that makes it, from the values both parsers give (params.py for the typer app, quick.py
for `list` and `export`). Options that contradict each other are a Conflict, which the typer
parameters report as a usage error and the quick path leaves to typer. No click or typer here:
the quick path reads this module on every `list`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from scholarcli.cli.options import ADD, EXPORT, RECORD_PANEL
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


def _text(values: Values, name: str) -> str | None:
    value = values[name]
    return value if isinstance(value, str) else None


def _number(values: Values, name: str) -> int | None:
    value = values[name]
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def filters_from(values: Values) -> Filters:
    """The Filters the filter options' values select by (values already checked)."""
    from scholarcli.model.query import Filters, parse_year_range

    year = _text(values, "year")
    return Filters(
        venue=_text(values, "venue"),
        years=parse_year_range(year) if year is not None else None,
        type=_text(values, "work_type"),
        author=_text(values, "author"),
        person=_text(values, "person"),
        search=_text(values, "search"),
        tag=_text(values, "tag"),
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
    return ListArgs(filters_from(values), sort, reverse, _number(values, "limit"), _text(values, "fmt"))


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
        _text(values, "keys"),
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
    if chosen is not None and declared.formats and chosen not in declared.formats:
        written = ", ".join(declared.formats)
        raise Conflict(f"{fmt} does not write --format {chosen}; it writes {written}", "--format")
    if values["standalone"] and values["cv_format"] != "html":
        raise Conflict("--standalone needs --format html", "--standalone")
    for option in ("--abstracts", "--thumbnails"):
        if values[option[2:]] and not values["standalone"]:
            raise Conflict(f"{option} applies only to the page: cv --format html --standalone", option)


class StatsArgs(NamedTuple):
    filters: Filters
    top: int
    fmt: str | None  # None: a table on a terminal, tsv otherwise


def stats_args(values: Values) -> StatsArgs:
    return StatsArgs(filters_from(values), int(str(values["top"])), _text(values, "fmt"))


class VenuesArgs(NamedTuple):
    everything: bool  # the whole registry, not only the venues the works name
    fmt: str | None


def venues_args(values: Values) -> VenuesArgs:
    return VenuesArgs(bool(values["everything"]), _text(values, "fmt"))


class CheckArgs(NamedTuple):
    strict: bool
    fix: bool


def check_args(values: Values) -> CheckArgs:
    return CheckArgs(bool(values["strict"]), bool(values["fix"]))


class MergeArgs(NamedTuple):
    keep: str
    other: str
    prefer_other: bool
    dry_run: bool


def merge_args(values: Values) -> MergeArgs:
    return MergeArgs(str(values["keep"]), str(values["other"]), values["prefer"] == "other", bool(values["dry_run"]))


class AddArgs(NamedTuple):
    identifier: str | None  # a DOI, arXiv id or DBLP key to fetch; None: a typed work
    key: str | None
    fields: dict[str, Any]  # the Record options' values by name, None when not given
    dry_run: bool
    update: bool


def add_args(values: Values) -> AddArgs:
    from scholarcli.model.validate import KEY_RULE, is_valid_key

    record = [option.param for option in ADD.options if option.panel == RECORD_PANEL and option.param != "key"]
    fields = {name: values[name] or ([] if isinstance(values[name], list) else values[name]) for name in record}
    dry_run, update = bool(values["dry_run"]), bool(values["update"])
    args = AddArgs(_text(values, "identifier"), _text(values, "key"), fields, dry_run, update)
    if args.key is not None and not is_valid_key(args.key):
        raise Conflict(f"{args.key!r} is not a citation key ({KEY_RULE})", "--key")
    if args.update and args.identifier is None:
        raise Conflict("--update needs an IDENTIFIER to fetch", "--update")
    return args


class ImportArgs(NamedTuple):
    source: str | None  # a file, or - for standard input; None: a profile
    profile: tuple[str, str] | None  # (service, the person's id there)
    input_format: str | None
    allow_duplicates: bool


def import_args(values: Values) -> ImportArgs:
    from scholarcli.library.fetching import profile_sources

    kinds = tuple(profile_sources())
    profiles = [(kind, text) for kind in kinds if (text := _text(values, kind)) is not None]
    args = ImportArgs(_text(values, "source"), None, _text(values, "input_format"), bool(values["allow_duplicates"]))
    if len(profiles) + (args.source is not None) != 1:
        given = [f"--{kind}" for kind, _ in profiles] + (["FILE"] if args.source is not None else [])
        options = ", ".join(f"--{kind}" for kind in kinds)
        raise Conflict(f"give exactly one of FILE, {options} (given: {', '.join(given) or 'none'})")
    if profiles and args.input_format is not None:
        raise Conflict("--from applies only to FILE")
    return args._replace(profile=profiles[0] if profiles else None)


class RefreshArgs(NamedTuple):
    keys: list[str]  # none: every work the filters select
    filters: Filters
    write: bool
    citations: bool
    source: str | None  # --citations from this service; None: the first of citation_sources()
    jobs: int | None  # None: each service's documented limit
    rate: float | None


def refresh_args(values: Values) -> RefreshArgs:
    keys, rate = values["keys"], _text(values, "rate")
    args = RefreshArgs(
        [str(key) for key in keys] if isinstance(keys, list) else [],
        filters_from(values),
        bool(values["write"]),
        bool(values["citations"]),
        _text(values, "source"),
        _number(values, "jobs"),
        float(rate) if rate is not None else None,  # checked by the parsers already
    )
    if args.source is not None and not args.citations:
        raise Conflict("--source applies only to --citations", "--source")
    return args


# Every declared command's maker of its typed arguments (a test holds that each reads every value).
TYPED: dict[str, Callable[[Values], object]] = {
    "list": list_args,
    "export": export_args,
    "stats": stats_args,
    "venues": venues_args,
    "check": check_args,
    "merge": merge_args,
    "add": add_args,
    "import": import_args,
    "refresh": refresh_args,
}
