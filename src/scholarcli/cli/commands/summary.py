"""`scholar stats` and `scholar venues`: counts drawn for a person, plain for a script."""

from __future__ import annotations

import json
from typing import Any

import typer

from scholarcli.cli.commands import read_library, state
from scholarcli.cli.env import Environment, note_sample, report_problems

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.cli.command_args import StatsArgs, VenuesArgs


def _chosen(env: Environment, fmt: str | None) -> str:
    return fmt or ("table" if env.stdout_is_terminal else "tsv")


def _tsv(data: dict[str, Any]) -> str:
    """One ``section<TAB>name<TAB>value`` line per number, for cut and awk."""
    lines = [f"total\t\t{data['total']}", f"publications\t\t{data['publications']}"]
    lines += [f"patents\t{status}\t{count}" for status, count in data["patents"].items()]
    lines += [f"equal_contribution\t\t{data['equal_contribution']}", f"undated\t\t{data['undated']}"]
    for section in ("by_year", "by_type", "by_venue"):
        lines += [f"{section.removeprefix('by_')}\t{name}\t{count}" for name, count in data[section].items()]
    for person, counts in data["people"].items():
        lines += [f"person\t{person}\t{name}={count}" for name, count in counts.items()]
    metrics = data["metrics"]
    for section, name, numbers in (
        ("metrics", "", metrics["total"]),
        *(("metrics", person, found) for person, found in metrics["people"].items()),
        *(("recorded", person, found) for person, found in metrics["recorded"].items()),
    ):
        lines += [
            f"{section}\t{name}\t{field}={_tsv_value(value)}"
            for field, value in numbers.items()
            if value not in (None, [])
        ]
    return "\n".join(lines) + "\n"


def _tsv_value(value: object) -> str:
    """A number or text as it is; a list (sources, contradictions) joined by "; "."""
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def stats(ctx: typer.Context, args: StatsArgs) -> None:
    """Count works by year (a bar chart), type, venue and person, with the numbers a CV header wants.

    Citations, h-index and i10-index come from the counts `scholar refresh --citations` keeps, over
    the works that have one; a person's metrics recorded in library.toml are shown beside them.

    Examples:

        scholar stats

        scholar stats --person "Ayan Sengupta" --year 2020..

        scholar stats --format json | jq .by_year
    """
    from scholarcli.library.stats import stats as count

    library_dir, env = state(ctx)
    progress = env.progress("reading records")
    report = count(library_dir, args.filters, args.top, progress)
    progress.clear()
    note_sample(env, report.root, always=True)
    data = report.data
    chosen = _chosen(env, args.fmt)
    if chosen == "json":
        env.out(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif chosen == "tsv":
        env.out(_tsv(data))
    else:
        from scholarcli.cli.terminal import print_stats

        print_stats(env, data)
    for warning in report.warnings:
        env.warn(warning)
    report_problems(env, report.problems, report.root)


def venues(ctx: typer.Context, args: VenuesArgs) -> None:
    """List every venue the library's works name, with acronym, full name and number of works.

    A record names a venue by its acronym in the registry: the one bundled with scholar (about
    1,000 venues of computer science, statistics and the sciences), extended and overridden by
    [venues] in library.toml. --all lists the whole registry.

    Examples:

        scholar venues --format tsv | head

        scholar venues --all --format tsv | grep -i "learning representations"
    """
    from scholarcli.library.stats import venue_counts

    library_dir, env = state(ctx)
    library = read_library(env, library_dir)
    rows = venue_counts(library.works, library.settings, args.everything)
    chosen = _chosen(env, args.fmt)
    if chosen == "json":
        data = [{"acronym": r.acronym, "name": r.name, "kind": r.kind, "works": r.works} for r in rows]
        env.out(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif chosen == "tsv":
        env.out("".join(f"{r.acronym}\t{r.name}\t{r.kind}\t{r.works}\n" for r in rows))
    else:
        from scholarcli.cli.terminal import print_venues

        print_venues(env, rows)
    report_problems(env, library.problems, library.root)
