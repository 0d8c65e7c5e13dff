"""`export json`: the same JSON as `list --format json`, citation counts included."""

from __future__ import annotations

from collections.abc import Sequence

from scholarcli.formats.export_types import ExportOptions, ExportResult, Format
from scholarcli.formats.listing import render_list
from scholarcli.model import Settings, Work


def render(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
    return ExportResult(render_list(list(works), "json", settings, options.citation_counts))


FORMAT = Format(
    name="json",
    help="scholar's records as JSON, citation counts included (as list --format json)",
    render=render,
    citing=True,
)
