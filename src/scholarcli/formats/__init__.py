"""Export formats: each a pure ``render(works, settings, options) -> ExportResult``, in a registry."""

from __future__ import annotations

from collections.abc import Sequence

from scholarcli.formats import biblatex, bibtex, csl_json
from scholarcli.formats.common import ExportOptions, ExportResult, Renderer
from scholarcli.model import Settings, Work
from scholarcli.output import render_list


def _json(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
    return ExportResult(render_list(list(works), "json", settings))


FORMATS: dict[str, Renderer] = {
    "bibtex": bibtex.render,
    "biblatex": biblatex.render,
    "csl-json": csl_json.render,
    "json": _json,
}

__all__ = ["FORMATS", "ExportOptions", "ExportResult"]
