"""Export formats: each a pure ``render(works, settings, options) -> ExportResult``, in a registry.

The registry names each format's module; a module is imported only when its format is used, so
that a command pays only for what it draws.
"""

from __future__ import annotations

from importlib import import_module

from scholarcli.formats.export_types import (
    ENTRY_SEPARATOR,
    ExportOptions,
    ExportResult,
    Renderer,
    TreeRenderer,
    WorkRenderer,
)

# Format name -> "module:function" of its renderer.
REGISTRY = {
    "bibtex": "scholarcli.formats.bibtex:render",
    "biblatex": "scholarcli.formats.biblatex:render",
    "csl-json": "scholarcli.formats.csl_json:render",
    "json": "scholarcli.formats.json_list:render",
    "cv": "scholarcli.formats.cv_formats:render_cv",
    "json-resume": "scholarcli.formats.cv_formats:render_json_resume",
    "rendercv": "scholarcli.formats.cv_formats:render_rendercv",
    "al-folio": "scholarcli.formats.al_folio:render",
}
# Formats whose text is their works' entries, each rendered alone and joined by ENTRY_SEPARATOR
# (their render is common.render_each over this function), so an export can reuse entries.
ENTRY_RENDERERS = {
    "bibtex": "scholarcli.formats.bibtex:render_work",
    "biblatex": "scholarcli.formats.biblatex:render_work",
}
# Formats that draw one person's CV and so need to know whose it is.
PERSONAL = ("cv", "json-resume", "rendercv")

# Formats whose export is a tree of files, written below an output directory (-o DIR): each a
# ``render_files(works, settings, options) -> TreeResult`` (relative path -> text);
# site_files.plan_writes decides which files a re-run may write.
TREE_REGISTRY = {
    "hugo": "scholarcli.formats.hugo:render_files",
    "academicpages": "scholarcli.formats.academicpages:render_files",
}
FORMAT_NAMES = (*REGISTRY, *TREE_REGISTRY)


def renderer(name: str) -> Renderer:
    module, function = REGISTRY[name].split(":")
    found: Renderer = getattr(import_module(module), function)
    return found


def tree_renderer(name: str) -> TreeRenderer:
    """The renderer of a format whose export is a tree of files (hugo, academicpages)."""
    module, function = TREE_REGISTRY[name].split(":")
    found: TreeRenderer = getattr(import_module(module), function)
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
    "TREE_REGISTRY",
    "ExportOptions",
    "ExportResult",
    "entry_renderer",
    "renderer",
    "tree_renderer",
]
