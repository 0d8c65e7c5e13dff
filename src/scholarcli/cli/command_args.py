"""What the commands only the typer app runs (stats, venues, check, merge, add, import, refresh) run
with, typed from their declared values (options.py); and TYPED, every declared command's maker, which
the typer parameters (params.py) call. list's and export's are in args.py, which the quick path reads.
"""

from __future__ import annotations

from collections.abc import Callable

from scholarcli.cli.args import Conflict, Values, export_args, filters_from, list_args, number_value, text_value
from scholarcli.cli.options import ADD, RECORD_PANEL
from scholarcli.model.named_tuple import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from scholarcli.model.query import Filters


class StatsArgs(NamedTuple):
    filters: Filters
    top: int
    fmt: str | None  # None: a table on a terminal, tsv otherwise


def stats_args(values: Values) -> StatsArgs:
    return StatsArgs(filters_from(values), int(str(values["top"])), text_value(values, "fmt"))


class VenuesArgs(NamedTuple):
    everything: bool  # the whole registry, not only the venues the works name
    fmt: str | None


def venues_args(values: Values) -> VenuesArgs:
    return VenuesArgs(bool(values["everything"]), text_value(values, "fmt"))


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
    fields = {name: values[name] for name in record}
    dry_run, update = bool(values["dry_run"]), bool(values["update"])
    args = AddArgs(text_value(values, "identifier"), text_value(values, "key"), fields, dry_run, update)
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
    profiles = [(kind, text) for kind in kinds if (text := text_value(values, kind)) is not None]
    source, input_format = text_value(values, "source"), text_value(values, "input_format")
    args = ImportArgs(source, None, input_format, bool(values["allow_duplicates"]))
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
    keys, rate = values["keys"], text_value(values, "rate")
    args = RefreshArgs(
        [str(key) for key in keys] if isinstance(keys, list) else [],
        filters_from(values),
        bool(values["write"]),
        bool(values["citations"]),
        text_value(values, "source"),
        number_value(values, "jobs"),
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
