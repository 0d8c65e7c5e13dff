"""`export json`: the same JSON as `list --format json`."""

from __future__ import annotations

from collections.abc import Sequence

from scholarcli.formats.common import ExportOptions, ExportResult
from scholarcli.model import Settings, Work
from scholarcli.output import render_list


def render(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
    return ExportResult(render_list(list(works), "json", settings))
