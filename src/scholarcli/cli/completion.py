"""Shell completion of keys and venue acronyms, read from the index cache so it feels instant."""

from __future__ import annotations

from pathlib import Path

import click


def _library_works(ctx: click.Context) -> tuple[list[str], list[str]]:
    """(keys, venue acronyms) of the library the command line names; nothing if it cannot be read."""
    from scholarcli.library import open_library

    try:
        chosen = ctx.find_root().params.get("library")
        library = open_library(Path(chosen) if chosen else None)
    except Exception:  # completion must never print an error into the user's prompt
        return [], []
    venues = sorted({work.venue for work in library.works if work.venue} | set(library.settings.venues))
    return [work.key for work in library.works], venues


def keys(ctx: click.Context, incomplete: str) -> list[str]:
    return [key for key in _library_works(ctx)[0] if key.startswith(incomplete)]


def venues(ctx: click.Context, incomplete: str) -> list[str]:
    return [venue for venue in _library_works(ctx)[1] if venue.casefold().startswith(incomplete.casefold())]
