"""Export formats: each a pure ``render(works, settings, options) -> ExportResult``, in a registry.

The registry names each format's module; a module is imported only when its format is used, so
that a command pays only for what it draws.
"""

from __future__ import annotations

from importlib import import_module

from scholarcli.formats.common import ExportOptions, ExportResult, Renderer

# Format name -> "module:function" of its renderer.
REGISTRY = {
    "bibtex": "scholarcli.formats.bibtex:render",
    "biblatex": "scholarcli.formats.biblatex:render",
    "csl-json": "scholarcli.formats.csl_json:render",
    "json": "scholarcli.formats.json_list:render",
    "cv": "scholarcli.formats.cv_formats:render_cv",
    "json-resume": "scholarcli.formats.cv_formats:render_json_resume",
    "rendercv": "scholarcli.formats.cv_formats:render_rendercv",
}
FORMAT_NAMES = tuple(REGISTRY)
# Formats that draw one person's CV and so need to know whose it is.
PERSONAL = ("cv", "json-resume", "rendercv")


def renderer(name: str) -> Renderer:
    module, function = REGISTRY[name].split(":")
    found: Renderer = getattr(import_module(module), function)
    return found


__all__ = ["FORMAT_NAMES", "PERSONAL", "REGISTRY", "ExportOptions", "ExportResult", "renderer"]
