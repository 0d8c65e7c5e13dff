"""Where the library is: the documented look-up order, and the platform's directories."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from scholarcli.errors import LibraryNotFound
from scholarcli.store.records import SETTINGS_FILE

LIBRARY_ENV = "SCHOLAR_LIBRARY"


def user_data_dir() -> Path:
    """Where `scholar init` puts the user's library, by the platform's convention."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "scholar"


def bundled_library_dir() -> Path:
    """The sample library: shipped inside the wheel, or the repository's data/ in a source tree."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data"
    if (packaged / SETTINGS_FILE).is_file():
        return packaged
    return package.parents[1] / "data"


def locate(explicit: Path | None = None, cwd: Path | None = None) -> tuple[Path, bool]:
    """The library directory to use and whether it is the read-only bundled sample.

    First match wins: the explicit directory, $SCHOLAR_LIBRARY, the nearest library.toml from
    the working directory upwards, the user's library, the bundled sample.
    """
    chosen = explicit
    if chosen is None and os.environ.get(LIBRARY_ENV):
        chosen = Path(os.environ[LIBRARY_ENV])
    if chosen is not None:
        if not (chosen / SETTINGS_FILE).is_file():
            raise LibraryNotFound(f"{chosen} is not a scholar library (it has no {SETTINGS_FILE})")
        return chosen, False
    start = (cwd or Path.cwd()).resolve()
    for directory in (start, *start.parents):
        if (directory / SETTINGS_FILE).is_file():
            return directory, False
    if (user_data_dir() / SETTINGS_FILE).is_file():
        return user_data_dir(), False
    return bundled_library_dir(), True


def sample_explained() -> str:
    """Why the look-up order ended at the bundled sample library, and how to choose a library instead."""
    return (
        f"no library was found (no {SETTINGS_FILE} in {Path.cwd()} or above, no ${LIBRARY_ENV}, none in "
        f"{user_data_dir()}), so scholar reads its bundled sample library, which is read-only; choose yours "
        f"with -L DIR or `export {LIBRARY_ENV}=DIR`, or make one with `scholar init`"
    )
