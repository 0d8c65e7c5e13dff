"""The library layer: one function per operation, click-free, each returning a report.

The commands in cli/ parse options, call one of these and print what it returns; everything a
command decides (which works, which key, which folder, what is a duplicate) is decided here, over
the index (scholarcli.index) and the record store (scholarcli.store).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from scholarcli.errors import Problem
from scholarcli.index import Library, Listing, Progress, load, load_listing
from scholarcli.model import Citation
from scholarcli.store.locate import locate

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.index import Prepare

__all__ = ["Library", "Listing", "open_citations", "open_library", "open_listing"]


def open_library(
    explicit: Path | None, progress: Progress | None = None, use_cache: bool = True, prepare: Prepare | None = None
) -> Library:
    """The library the user chose (--library, or the look-up order), every field of every work
    (``prepare``: see index.load)."""
    root, read_only = locate(explicit)
    return load(root, read_only=read_only, use_cache=use_cache, progress=progress, prepare=prepare)


def open_listing(explicit: Path | None, fields: Collection[str], progress: Progress | None = None) -> Listing:
    """The chosen library's works with only ``fields`` read, for a listing."""
    root, _ = locate(explicit)
    return load_listing(root, fields, progress)


def open_citations(root: Path) -> tuple[dict[str, Citation], list[Problem]]:
    """The citation counts of the library at ``root`` (citations.toml, through the cache), and its problems."""
    from scholarcli.index.citation_cache import load as load_citations

    return load_citations(root)
