"""Export formats: each a module of formats/exports/ named after it, declaring its ``FORMAT``.

The names come from the folder's file names, so that the command line can offer and check them
without importing any format; a format's module is imported when the format is used.
"""

from __future__ import annotations

import functools
import importlib
import os

import scholarcli.formats.exports
from scholarcli.formats.export_types import (
    ENTRY_SEPARATOR,
    ExportOptions,
    ExportResult,
    Format,
    Renderer,
    TreeRenderer,
    render_each,
)


def format_names() -> tuple[str, ...]:
    """Every export format's name, in alphabetical order (csl_json.py is csl-json): the folder's
    file names, read without pkgutil, which would import typing into every `export`."""
    found = set()
    for folder in scholarcli.formats.exports.__path__:
        with os.scandir(folder) as files:
            found |= {file.name[:-3].replace("_", "-") for file in files if file.name.endswith(".py")}
    return tuple(sorted(found - {"--init--"}))


@functools.cache
def export_format(name: str) -> Format:
    """The declaration of the format ``name`` (KeyError for a name no module declares)."""
    if name not in format_names():
        raise KeyError(name)
    module = importlib.import_module(f"scholarcli.formats.exports.{name.replace('-', '_')}")
    declared = getattr(module, "FORMAT", None)
    if not isinstance(declared, Format) or declared.name != name:
        raise AssertionError(f"{module.__name__} declares no FORMAT named {name}")
    if declared.render is None and declared.render_work is not None:  # its entries, joined
        declared = declared._replace(
            render=functools.partial(render_each, declared.render_work, separator=ENTRY_SEPARATOR)
        )
    if (declared.render is None) == (declared.render_tree is None):
        raise AssertionError(f"{module.__name__}: a format renders text or a tree of files, one of the two")
    return declared


def renderer(name: str) -> Renderer:
    """The function that renders the text of the format ``name`` (not a tree format's)."""
    render = export_format(name).render
    if render is None:
        raise ValueError(f"{name} renders a tree of files: tree_renderer")
    return render


def tree_renderer(name: str) -> TreeRenderer:
    """The function that renders the files of the tree format ``name`` (hugo, academicpages)."""
    render = export_format(name).render_tree
    if render is None:
        raise ValueError(f"{name} renders text: renderer")
    return render


def formats_taking(option: str) -> tuple[str, ...]:
    """The names of the formats that take one of export_types.FORMAT_OPTIONS (every module imported)."""
    return tuple(name for name in format_names() if option in export_format(name).takes)


__all__ = [
    "ENTRY_SEPARATOR",
    "ExportOptions",
    "ExportResult",
    "Format",
    "export_format",
    "format_names",
    "formats_taking",
    "renderer",
    "tree_renderer",
]
