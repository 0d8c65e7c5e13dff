"""`export`: the selected works in one format, reusing entries rendered before.

Formats made of independent entries (BibTeX, BibLaTeX) render each work alone, from the work,
the settings and the options. What they rendered is kept in the index (index.entries), keyed by
the scanned line of each work's file, so the next export renders only the works whose files
changed. The key names everything else the text depends on: the library's settings, the record
fields, scholar's version and the modification times of its code, the format and the options.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from scholarcli import __version__
from scholarcli.errors import Problem, ScholarError
from scholarcli.formats import ENTRY_SEPARATOR, PERSONAL, ExportOptions, ExportResult, entry_renderer, renderer
from scholarcli.formats.common import render_each
from scholarcli.index import Library, Progress, entries, shards
from scholarcli.library import open_library
from scholarcli.model import Person, Settings, Work
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.query import Filters, find_person, pick, select, sort_works

RENDERS_FORMAT = 1


class Exported(NamedTuple):
    """An export's text, what it warns about, how many works it holds, and the library's problems."""

    text: str
    warnings: list[str]
    work_count: int
    problems: list[Problem]
    root: Path


def _code_stamp() -> int:
    """Changes whenever any of scholar's modules does (an upgrade, or a developer's edit)."""
    return max(path.stat().st_mtime_ns for path in Path(__file__).parents[1].rglob("*.py"))


def render(library: Library, fmt: str, works: Sequence[Work], options: ExportOptions) -> ExportResult:
    """``works`` (all of ``library``) rendered as ``fmt``: the same text as ``renderer(fmt)`` gives."""
    render_work = entry_renderer(fmt)
    if render_work is None or library.resolved is None or not library.scanned:
        return renderer(fmt)(works, library.settings, options)
    scanned_as = dict(zip((work.key for work in library.works), library.scanned, strict=True))
    key = (RENDERS_FORMAT, shards.FORMAT, __version__, Work._fields, library.settings, fmt, options, _code_stamp())
    remembered = entries.read(library.resolved, fmt, key)
    rendered: dict[str, entries.Rendered] = {}

    def remembering(work: Work, settings: Settings, options: ExportOptions) -> tuple[str, list[str]]:
        line = scanned_as[work.key]
        entry = remembered.get(line)
        if entry is None:
            text, about = render_work(work, settings, options)
            entry = rendered[line] = (text, tuple(about))
        return entry[0], list(entry[1])

    result = render_each(remembering, works, library.settings, options, ENTRY_SEPARATOR)
    if rendered:  # written back without the entries of files that changed or went away
        current = set(library.scanned)
        kept = {line: entry for line, entry in remembered.items() if line in current}
        entries.write(library.resolved, fmt, key, kept | rendered)
    return result


def whose_cv(settings: Settings, person: str | None, fmt: str) -> Person:
    """The person a CV format draws: --person, or the library's only person."""
    if person is not None:
        return find_person(settings, person)
    if len(settings.people) == 1:
        return settings.people[0]
    listed = ", ".join(f'"{p.name}"' for p in settings.people) or "none (add [[people]] to library.toml)"
    raise ScholarError(f"{fmt} needs --person NAME to know whose CV it is; the people of this library: {listed}")


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
    library = open_library(explicit, progress)
    if fmt in PERSONAL:
        whose = whose_cv(library.settings, filters.person, fmt)
        filters = filters._replace(person=whose.name)
        options = options._replace(person=whose)
    if keys is not None:
        works = select(pick(library.works, keys), filters, library.settings)
    else:
        works = sort_works(select(library.works, filters, library.settings), sort, reverse)
    result = render(library, fmt, works, options)
    return Exported(result.text, list(result.warnings), len(works), library.problems, library.root)
