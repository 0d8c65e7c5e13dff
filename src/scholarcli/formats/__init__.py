"""Export formats: each a pure ``render(works, settings, options) -> ExportResult``, in a registry.

The registry names each format's module; a module is imported only when its format is used, so
that a command pays only for what it draws.
"""

from __future__ import annotations

from importlib import import_module

from scholarcli.formats.common import ENTRY_SEPARATOR, ExportOptions, ExportResult, Renderer, WorkRenderer

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
# Formats whose text is their works' entries, each rendered alone and joined by ENTRY_SEPARATOR
# (their render is common.render_each over this function), so an export can reuse entries.
ENTRY_RENDERERS = {
    "bibtex": "scholarcli.formats.bibtex:render_work",
    "biblatex": "scholarcli.formats.biblatex:render_work",
}
# Formats that draw one person's CV and so need to know whose it is.
PERSONAL = ("cv", "json-resume", "rendercv")


def renderer(name: str) -> Renderer:
    module, function = REGISTRY[name].split(":")
    found: Renderer = getattr(import_module(module), function)
    return found


def entry_renderer(name: str) -> WorkRenderer | None:
    """The function that renders one entry of ``name``, for formats made of independent entries."""
    if name not in ENTRY_RENDERERS:
        return None
    module, function = ENTRY_RENDERERS[name].split(":")
    found: WorkRenderer = getattr(import_module(module), function)
    return found


__all__ = [
    "ENTRY_RENDERERS",
    "ENTRY_SEPARATOR",
    "FORMAT_NAMES",
    "PERSONAL",
    "REGISTRY",
    "ExportOptions",
    "ExportResult",
    "entry_renderer",
    "renderer",
]
