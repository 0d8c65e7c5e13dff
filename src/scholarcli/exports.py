"""Exporting a library's works: the format's renderer, reusing entries rendered before.

Formats made of independent entries (BibTeX, BibLaTeX) render each work alone, from the work,
the settings and the options. What they rendered is kept in the cache (cache.read_renders), keyed
by the scan line of each work's file, so the next export renders only the works whose files
changed. The key names everything else the text depends on: the library's settings, the record
fields, scholar's version and the modification times of its code, the format and the options.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from scholarcli import __version__, cache
from scholarcli.formats import ENTRY_SEPARATOR, ExportOptions, ExportResult, entry_renderer, renderer
from scholarcli.formats.common import render_each
from scholarcli.model import Settings, Work
from scholarcli.store import Library

RENDERS_FORMAT = 1


def _code_stamp() -> int:
    """Changes whenever any of scholar's modules does (an upgrade, or a developer's edit)."""
    return max(path.stat().st_mtime_ns for path in Path(__file__).parent.rglob("*.py"))


def export(library: Library, fmt: str, works: Sequence[Work], options: ExportOptions) -> ExportResult:
    """``works`` (all of ``library``) rendered as ``fmt``: the same text as ``renderer(fmt)`` gives."""
    render_work = entry_renderer(fmt)
    if render_work is None or library.resolved is None or not library.stamps:
        return renderer(fmt)(works, library.settings, options)
    stamp_of = dict(zip((work.key for work in library.works), library.stamps, strict=True))
    key = (RENDERS_FORMAT, cache.FORMAT, __version__, Work._fields, library.settings, fmt, options, _code_stamp())
    remembered = cache.read_renders(library.resolved, fmt, key)
    rendered: dict[str, cache.Rendered] = {}

    def remembering(work: Work, settings: Settings, options: ExportOptions) -> tuple[str, list[str]]:
        stamp = stamp_of[work.key]
        entry = remembered.get(stamp)
        if entry is None:
            text, about = render_work(work, settings, options)
            entry = rendered[stamp] = (text, tuple(about))
        return entry[0], list(entry[1])

    result = render_each(remembering, works, library.settings, options, ENTRY_SEPARATOR)
    if rendered:  # written back without the entries of files that changed or went away
        current = set(library.stamps)
        kept = {stamp: entry for stamp, entry in remembered.items() if stamp in current}
        cache.write_renders(library.resolved, fmt, key, kept | rendered)
    return result
