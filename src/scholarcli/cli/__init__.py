"""The command line: thin Typer commands over the core (which never imports typer or rich)."""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:  # answered before typer and click are imported (~0.1 s)
        from scholarcli import __version__

        print(f"scholar {__version__}")
        return
    from scholarcli.cli.app import app

    app(prog_name="scholar")
