"""`export`: the selected works in one format, reusing entries rendered before.

Formats made of independent entries (BibTeX, BibLaTeX) render each work alone, from the work,
the settings and the options. What they rendered is kept in the index (index.entries), keyed by
the scanned line of each work's file, so the next export renders only the works whose files
changed. The key names everything else the text depends on: the library's settings, the record
fields, scholar's version and the modification times of its code, the format and the options.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from pathlib import Path

from scholarcli import __version__
from scholarcli.errors import Problem, ScholarError
from scholarcli.formats import ENTRY_SEPARATOR, PERSONAL, ExportOptions, ExportResult, entry_renderer, renderer
from scholarcli.index import Library, Progress, entries, shards
from scholarcli.index.scanning import ScannedFile
from scholarcli.library import open_citations, open_library
from scholarcli.model import Person, Settings, Work
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.query import CITATIONS, Filters, find_person, pick, select, sort_works
from scholarcli.speed import in_two_processes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from scholarcli.index import Prepare

RENDERS_FORMAT = 1
PARALLEL_RENDER = 1000  # entries to render from which a forked child renders half of them


class Exported(NamedTuple):
    """An export's text, what it warns about, how many works it holds, and the library's problems."""

    text: str
    warnings: list[str]
    work_count: int
    problems: list[Problem]
    root: Path


def _code_stamp() -> int:
    """Changes whenever any of scholar's modules does (an upgrade, or a developer's edit), or the
    bundled venue registry, whose names the entries show."""
    from scholarcli.venues import REGISTRY

    code = [*Path(__file__).parents[1].rglob("*.py"), REGISTRY]
    return max(path.stat().st_mtime_ns for path in code)


def render(library: Library, fmt: str, works: Sequence[Work], options: ExportOptions) -> ExportResult:
    """``works`` (all of ``library``) rendered as ``fmt``: the same text as ``renderer(fmt)`` gives."""
    render_work = entry_renderer(fmt)
    if render_work is None or library.resolved is None or not library.scanned:
        return renderer(fmt)(works, library.settings, options)
    # An entry is rendered from its work alone: counts (loaded to sort by them) are no part of it,
    # nor of the key under which entries are remembered.
    options = options._replace(citation_counts={})
    scanned_as = dict(zip((work.key for work in library.works), library.scanned, strict=True))
    key = (RENDERS_FORMAT, shards.FORMAT, __version__, Work._fields, library.settings, fmt, options, _code_stamp())
    remembered = entries.read(library.resolved, fmt, key)
    lines = [scanned_as[work.key] for work in works]
    found: list[entries.Rendered | None] = [remembered.get(line) or library.prepared.get(line) for line in lines]
    unrendered = [work for work, entry in zip(works, found, strict=True) if entry is None]

    def render_all(part: Sequence[Work]) -> list[entries.Rendered]:
        return [
            (text, tuple(about)) for text, about in map(render_work, part, repeat(library.settings), repeat(options))
        ]

    parallel = len(unrendered) >= PARALLEL_RENDER  # the first export of a library: in two processes
    fresh = iter(in_two_processes(render_all, unrendered) if parallel else render_all(unrendered))
    made: list[entries.Rendered] = [entry if entry is not None else next(fresh) for entry in found]
    # joined as render_each joins them, without a call for each entry
    result = ExportResult(ENTRY_SEPARATOR.join([text for text, _ in made]), [w for _, about in made for w in about])
    rendered: dict[str, entries.Rendered] = {
        line: entry for line, entry in zip(lines, made, strict=True) if line not in remembered
    }
    if rendered:  # written back without the entries of files that changed or went away
        current = set(library.scanned)
        kept = {line: entry for line, entry in remembered.items() if line in current}
        entries.write(library.resolved, fmt, key, kept | rendered if kept else rendered)
    return result


def _rendering(fmt: str, filters: Filters, keys: list[str] | None, options: ExportOptions) -> Prepare | None:
    """What renders the entries of the works a large read parses, where it parses them (index.load):
    the first export of a library renders them while each process has its half of the works at
    hand, rather than in a second child after the read (whose fork then copies the pages of the
    works both touch). They are rendered as render() would: from the same works, settings (less
    the venues the index found, which only spare look-ups in the registry) and options."""
    render_work = entry_renderer(fmt)
    if render_work is None:
        return None
    options = options._replace(citation_counts={})
    wanted = None if keys is None else set(keys)

    def prepare(settings: Settings, parsed: list[tuple[ScannedFile, Work]]) -> dict[ScannedFile, entries.Rendered]:
        try:
            chosen = {work.key for work in select([work for _, work in parsed], filters, settings)}
        except ScholarError:  # a filter that fails (an unknown --person) fails again, and says why, in render
            return {}
        made: dict[ScannedFile, entries.Rendered] = {}
        for line, work in parsed:
            if work.key in chosen and (wanted is None or work.key in wanted):
                text, about = render_work(work, settings, options)
                made[line] = (text, tuple(about))
        return made

    return prepare


def whose_cv(settings: Settings, person: str | None, fmt: str) -> Person:
    """The person a CV format draws: --person, or the library's only person."""
    if person is not None:
        return find_person(settings, person)
    if len(settings.people) == 1:
        return settings.people[0]
    listed = ", ".join(f'"{p.name}"' for p in settings.people) or "none (add [[people]] to library.toml)"
    raise ScholarError(f"{fmt} needs --person NAME to know whose CV it is; the people of this library: {listed}")


def _selected(
    library: Library, filters: Filters, keys: list[str] | None, sort: str, reverse: bool, options: ExportOptions
) -> list[Work]:
    """The works ``filters`` select, sorted; or exactly those of ``keys``, in their order."""
    if keys is not None:
        return select(pick(library.works, keys), filters, library.settings)
    works = select(library.works, filters, library.settings)
    return sort_works(works, sort, reverse, options.citation_counts)


# The formats that show citation counts whatever the options (cv shows them when asked).
CITING = ("json",)


def _with_counts(library: Library, fmt: str, sort: str, options: ExportOptions) -> tuple[ExportOptions, list[Problem]]:
    """The options with citations.toml's counts when the export shows or sorts by them, and its problems."""
    if fmt not in CITING and sort != CITATIONS and not (options.citations or options.metrics):
        return options, []
    counts, problems = open_citations(library.root)
    return options._replace(citation_counts=counts), problems


def export_works(
    explicit: Path | None,
    fmt: str,
    filters: Filters,
    options: ExportOptions,
    keys: list[str] | None = None,
    sort: str = "year",
    reverse: bool = False,
    progress: Progress | None = None,
) -> Exported:
    """The selected works (or exactly those of ``keys``, in their order) exported as ``fmt``."""
    prepare = _rendering(fmt, filters, keys, options) if fmt not in PERSONAL else None
    library = open_library(explicit, progress, prepare=prepare)
    if fmt in PERSONAL:
        whose = whose_cv(library.settings, filters.person, fmt)
        filters = filters._replace(person=whose.name)
        options = options._replace(person=whose)
    options, broken = _with_counts(library, fmt, sort, options)
    works = _selected(library, filters, keys, sort, reverse, options)
    result = render(library, fmt, works, options)
    return Exported(result.text, list(result.warnings), len(works), [*library.problems, *broken], library.root)


class TreeWritten(NamedTuple):
    """What a tree export did below its folder (paths relative to it), and what it warns about."""

    written: list[str]
    unchanged: list[str]
    foreign: list[str]  # files there that scholar did not write: left alone
    stale: list[str]  # scholar's files of works no longer selected: left, and named
    warnings: list[str]
    problems: list[Problem]
    root: Path


def _existing(target: Path, new: dict[str, str]) -> dict[str, str]:
    """The files below ``target`` a tree export might touch: every path it makes, and the pages there."""
    from scholarcli.store.records import read_regular

    paths = set(new)
    if target.is_dir():
        found = [*target.glob("*.md"), *target.glob("*/index.md"), *target.glob("*/cite.bib")]
        paths |= {path.relative_to(target).as_posix() for path in found}
    existing = {}
    for relative in sorted(paths):
        try:
            existing[relative] = read_regular(target / relative).decode("utf-8", errors="replace")
        except OSError:  # not there, or nothing scholar would have written
            continue
    return existing


def export_tree(explicit: Path | None, fmt: str, filters: Filters, target: Path, **choices: Any) -> TreeWritten:
    """The selected works as a tree of files below ``target`` (hugo, academicpages).

    A re-run writes only the files whose text changed, and never a file that scholar did not write.
    ``choices`` are export_works's: options, keys, sort, reverse, progress.
    """
    from scholarcli.formats import tree_renderer
    from scholarcli.formats.site_files import plan_writes, safe_relative_path
    from scholarcli.store.fileio import write_atomic

    library = open_library(explicit, choices.get("progress"))
    sort = choices.get("sort", "year")
    options, broken = _with_counts(library, fmt, sort, choices.get("options") or ExportOptions())
    works = _selected(library, filters, choices.get("keys"), sort, choices.get("reverse", False), options)
    result = tree_renderer(fmt)(works, library.settings, options)
    new = dict(result.files)
    unsafe = [path for path in new if not safe_relative_path(path)]
    if unsafe:
        raise ScholarError(f"{fmt} made a path outside {target}: {unsafe[0]}")
    plan = plan_writes(new, _existing(target, new))
    for relative, text in plan.write.items():
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target / relative, text)
    done = (list(plan.write), list(plan.unchanged), list(plan.foreign), list(plan.stale))
    return TreeWritten(*done, list(result.warnings), [*library.problems, *broken], library.root)
