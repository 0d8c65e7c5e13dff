"""One work rendered by a .bib export and read back by bibtexparser: the field tests of BibTeX and
BibLaTeX (test_bibtex_fields.py, test_biblatex_fields.py) judge what each field holds with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bibtexparser.entrypoint import parse_string

from scholarcli.formats.export_types import ExportOptions
from scholarcli.model import Settings, Work

RenderWork = Callable[[Work, Settings, ExportOptions], tuple[str, list[str]]]


def read_entry(
    render_work: RenderWork, work: Work, settings: Settings, options: ExportOptions
) -> tuple[str, dict[str, str], list[str]]:
    """The entry type, the fields bibtexparser reads, and the export's warnings; exactly one entry."""
    text, warnings = render_work(work, settings, options)
    parsed = parse_string(text)
    assert len(parsed.entries) == 1 and not parsed.failed_blocks, text
    read = parsed.entries[0]
    return read.entry_type, {field.key: field.value for field in read.fields}, warnings


def a_work(key: str = "x", **fields: Any) -> Work:
    """A work with a title, an author and a year, and ``fields``."""
    return Work(key=key, **{"title": "T", "authors": ("Ada Lovelace",), "year": 2020, **fields})
