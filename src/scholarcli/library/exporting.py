"""`export`: the selected works in one format, reusing entries rendered before.

Formats made of independent entries (BibTeX, BibLaTeX) render each work alone, from the work,
the settings and the options. What they rendered is kept in the index (index.entries), keyed by
the scanned line of each work's file, so the next export renders only the works whose files
changed. The key names everything else the text depends on: the library's settings, the record
fields, scholar's version and the modification times of its code, the format and the options.
"""

from __future__ import annotations

import os
import posixpath
import stat
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from pathlib import Path

from scholarcli import __version__
from scholarcli.errors import Problem, ScholarError
from scholarcli.formats import ENTRY_SEPARATOR, ExportOptions, ExportResult, Format
from scholarcli.index import Library, Progress, entries, shards
from scholarcli.index.scanning import ScannedFile
from scholarcli.library import open_citations, open_library
from scholarcli.model import Person, Settings, Work
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.query import CITATIONS, Filters, find_person, pick, select, sort_works
from scholarcli.processes import in_two_processes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.formats.site_files import Found, WritePlan
    from scholarcli.index import Prepare

    Tables = dict[str, dict[str, str]]  # the manifest of a tree export: format -> path -> digest

RENDERS_FORMAT = 1
PARALLEL_RENDER = 1000  # entries to render from which a forked child renders half of them


class Exported(NamedTuple):
    """An export's text, what it warns about, how many works it holds, and the library's problems."""

    text: str
    warnings: list[str]
    work_count: int
    problems: list[Problem]
    root: Path
    data: bytes | None = None  # a binary format's file (cv --format docx)


def _code_stamp() -> int:
    """Changes whenever any of scholar's modules does (an upgrade, or a developer's edit), or the
    bundled venue registry, whose names the entries show."""
    from scholarcli.venues import REGISTRY

    code = [*Path(__file__).parents[1].rglob("*.py"), REGISTRY]
    return max(path.stat().st_mtime_ns for path in code)


def _remembered(library: Library, name: str, options: ExportOptions) -> entries.Remembered | None:
    """The entries of the format ``name`` remembered for this library under these options and
    scholar's code (None when none are kept: a read without the index, or of no file)."""
    assert library.indexed is not None
    fields = (Work._fields, Settings._fields)  # an entry pickled with other fields would be read into the wrong ones
    key = (RENDERS_FORMAT, shards.FORMAT, __version__, fields, library.settings, name, options, _code_stamp())
    return library.indexed.entries(name, key)


def render(library: Library, fmt: Format, works: Sequence[Work], options: ExportOptions) -> ExportResult:
    """``works`` (all of ``library``) rendered as ``fmt``: the same text as ``fmt.render`` gives."""
    # An entry is rendered from its work alone: counts (loaded to sort by them) are no part of it,
    # nor of the key under which entries are remembered.
    alone = options._replace(citation_counts={})
    render_work, indexed = fmt.render_work, library.indexed
    remembered = _remembered(library, fmt.name, alone) if render_work and indexed else None
    if render_work is None or indexed is None or remembered is None:
        assert fmt.render is not None, f"{fmt.name} renders a tree of files: export_tree"
        return fmt.render(works, library.settings, options)
    options = alone
    scanned_as = dict(zip((work.key for work in library.works), indexed.scanned, strict=True))
    lines = [scanned_as[work.key] for work in works]
    found = [remembered.get(line) for line in lines]
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
    for line, entry in zip(lines, made, strict=True):
        remembered.put(line, entry)
    remembered.save(current=indexed.scanned)
    return result


def _rendering(fmt: Format, filters: Filters, keys: list[str] | None, options: ExportOptions) -> Prepare | None:
    """What renders the entries of the works a large read parses, where it parses them (index.load):
    the first export of a library renders them while each process has its half of the works at
    hand, rather than in a second child after the read (whose fork then copies the pages of the
    works both touch). They are rendered as render() would: from the same works, settings (less
    the venues the index found, which only spare look-ups in the registry) and options."""
    render_work = fmt.render_work
    if render_work is None or fmt.personal:
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


def _with_counts(
    library: Library, fmt: Format, sort: str, options: ExportOptions
) -> tuple[ExportOptions, list[Problem]]:
    """The options with citations.toml's counts when the export shows or sorts by them, and its problems."""
    if not fmt.citing and sort != CITATIONS and not (options.citations or options.metrics):
        return options, []
    counts, problems = open_citations(library.root)
    return options._replace(citation_counts=counts), problems


class ExportRequest(NamedTuple):
    """Which works an export takes, in which order, and the options it renders them with."""

    filters: Filters = Filters()
    options: ExportOptions = ExportOptions()
    keys: list[str] | None = None  # exactly these works, in this order (filters still apply)
    sort: str = "year"
    reverse: bool = False


def export_works(
    explicit: Path | None, fmt: Format, chosen: ExportRequest, progress: Progress | None = None
) -> Exported:
    """The selected works (or exactly those of ``chosen.keys``, in their order) exported as ``fmt``."""
    filters, options, keys, sort, reverse = chosen
    library = open_library(explicit, progress, prepare=_rendering(fmt, filters, keys, options))
    if fmt.personal:
        whose = whose_cv(library.settings, filters.person, fmt.name)
        filters = filters._replace(person=whose.name)
        options = options._replace(person=whose)
    options, broken = _with_counts(library, fmt, sort, options)
    works = _selected(library, filters, keys, sort, reverse, options)
    result = render(library, fmt, works, options)
    problems = [*library.problems, *broken]
    return Exported(result.text, list(result.warnings), len(works), problems, library.root, result.data)


class TreeWritten(NamedTuple):
    """What a tree export did below its folder (paths relative to it), and what it warns about."""

    written: list[str]
    unchanged: list[str]
    foreign: list[str]  # files there that scholar did not write, or that were changed since: kept
    stale: list[str]  # scholar's files of works no longer selected: kept, and named
    warnings: list[str]
    problems: list[Problem]
    root: Path


# A page is a few kilobytes; a larger file at a page's path is someone else's (and is not read whole).
MAX_PAGE_BYTES = 16 << 20


def _folder_state(folder: Path, relative: str, known: dict[str, bool]) -> bool:
    """Whether files may be made in ``relative`` (a folder below ``folder``): every part of it is a
    real folder or missing, never a link, a file or a FIFO. ``known`` remembers the answers."""
    if relative in ("", "."):
        return True
    if relative not in known:
        parent = posixpath.dirname(relative)
        try:
            info = (folder / relative).lstat()
            known[relative] = _folder_state(folder, parent, known) and stat.S_ISDIR(info.st_mode)
        except FileNotFoundError:
            known[relative] = _folder_state(folder, parent, known)
        except OSError:
            known[relative] = False
    return known[relative]


def _found(folder: Path, paths: Iterable[str]) -> dict[str, Found]:
    """What ``folder`` holds at each path: a regular file's digest, nothing, or something scholar
    never replaces (a link, a folder, a FIFO; a file in the way of a folder). Links are not followed."""
    from scholarcli.formats.site_files import BLOCKED, MISSING, Found, digest
    from scholarcli.store.records import read_regular

    found: dict[str, Found] = {}
    folders: dict[str, bool] = {}
    for relative in paths:
        if not _folder_state(folder, posixpath.dirname(relative), folders):
            found[relative] = BLOCKED
            continue
        try:
            if not stat.S_ISREG((folder / relative).lstat().st_mode):
                found[relative] = BLOCKED
                continue
            found[relative] = Found(digest(read_regular(folder / relative, MAX_PAGE_BYTES)))
        except FileNotFoundError:
            found[relative] = MISSING
        except OSError:  # unreadable, or too large to be a page
            found[relative] = BLOCKED
    return found


def _recorded(folder: Path, warnings: list[str]) -> Tables | None:
    """The manifest's tables (format -> path -> digest); None when the folder has none (then the
    files scholar wrote are known by their marker). One that cannot be read is a warning, and no
    file is known to be scholar's but those that hold what it writes now."""
    from scholarcli.formats.site_files import MANIFEST, manifest_tables
    from scholarcli.store.fileio import replaced
    from scholarcli.store.records import read_toml

    if not folder.is_dir():
        return None
    path = replaced(folder / MANIFEST)  # a folder or a FIFO there fails before anything is written
    if not path.exists():
        return None
    raw, error = read_toml(path)
    if raw is None:
        warnings.append(f"{path}: {error}; it is written anew, and files scholar wrote before are kept as they are")
        return {}
    return manifest_tables(raw)


def _unrecorded(folder: Path) -> dict[str, str]:
    """What an earlier scholar, which kept no manifest, wrote in ``folder``: its marked pages and their bundles."""
    from scholarcli.formats.site_files import unrecorded
    from scholarcli.store.records import read_regular

    if not folder.is_dir():
        return {}
    existing = {}
    for path in [*folder.glob("*.md"), *folder.glob("*/index.md"), *folder.glob("*/cite.bib")]:
        try:
            if stat.S_ISREG(path.lstat().st_mode):
                existing[path.relative_to(folder).as_posix()] = read_regular(path).decode("utf-8", errors="replace")
        except OSError:  # not there, or nothing scholar would have written
            continue
    return unrecorded(existing)


def _write_planned(folder: Path, fmt: str, plan: WritePlan, written: Mapping[str, str], tables: Tables) -> None:
    """Write the plan's files, then the manifest (``tables``, with ``fmt``'s files as they are now
    in place of ``written``): even when a write fails or the user interrupts (a file and its entry
    are written together), so that no file of scholar's is lost track of."""
    from scholarcli.formats.site_files import MANIFEST, manifest_text
    from scholarcli.store.fileio import interrupts_deferred, write_atomic

    recorded = {path: found for path, found in plan.manifest.items() if path not in plan.write}
    try:
        for relative, text in plan.write.items():
            with interrupts_deferred():
                (folder / relative).parent.mkdir(parents=True, exist_ok=True)
                write_atomic(folder / relative, text, durable=False)
                recorded[relative] = plan.manifest[relative]
    finally:
        recorded |= {path: written[path] for path in plan.write if path not in recorded and path in written}
        if recorded != tables.get(fmt):
            write_atomic(folder / MANIFEST, manifest_text({**tables, fmt: dict(sorted(recorded.items()))}))
        os.sync()  # one flush for the whole tree instead of one per file


def export_tree(
    explicit: Path | None, fmt: Format, chosen: ExportRequest, target: Path, progress: Progress | None = None
) -> TreeWritten:
    """The selected works as a tree of files below ``target`` (hugo, academicpages).

    Every path is decided before any file is written. A re-run writes only the files whose text
    changed, and only where the file there is what scholar wrote (site_files.plan_writes).
    """
    from scholarcli.formats.site_files import plan_writes, safe_relative_path
    from scholarcli.store.fileio import output_folder

    folder = output_folder(target)
    library = open_library(explicit, progress)
    options, broken = _with_counts(library, fmt, chosen.sort, chosen.options)
    works = _selected(library, chosen.filters, chosen.keys, chosen.sort, chosen.reverse, options)
    assert fmt.render_tree is not None, f"{fmt.name} renders text: export_works"
    result = fmt.render_tree(works, library.settings, options)
    new = dict(result.files)
    unsafe = [path for path in new if not safe_relative_path(path)]
    if unsafe:  # page_names makes none; a check that a renderer keeps to it
        raise ScholarError(f"{fmt.name} made a path outside {target}: {unsafe[0]}")
    warnings = list(result.warnings)
    tables = _recorded(folder, warnings)
    written = tables.get(fmt.name, {}) if tables is not None else _unrecorded(folder)
    plan = plan_writes(new, _found(folder, {*new, *written}), written)
    _write_planned(folder, fmt.name, plan, written, tables if tables is not None else {})
    done = (list(plan.write), list(plan.unchanged), list(plan.foreign), list(plan.stale))
    return TreeWritten(*done, warnings, [*library.problems, *broken], library.root)
