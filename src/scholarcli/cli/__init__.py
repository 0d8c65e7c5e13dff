"""The command line: thin Typer commands over the core (which never imports typer or rich).

`--version` and the hot reading commands (quick.py) are answered before typer and click are
imported, which costs about 0.15 s of every other command's start.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        from scholarcli import __version__

        print(f"scholar {__version__}")
        return
    from scholarcli.cli import quick

    status = quick.run(args)
    if status is not None:
        sys.exit(status)
    from scholarcli.cli.app import app

    app(args=args, prog_name="scholar")
