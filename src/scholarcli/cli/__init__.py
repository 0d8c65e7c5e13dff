"""The command line: thin Typer commands over the core (which never imports typer or rich).

`--version` and the hot reading commands (quick.py) are answered before typer and click are
imported, which costs about 0.15 s of every other command's start.
"""

from __future__ import annotations

import sys


def _exit_now(status: int) -> None:
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a reader that went away; the command has said what it had to
        pass
    os._exit(status)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        from scholarcli import __version__

        print(f"scholar {__version__}")
        return
    import gc

    # The console script's process ends right after a quick command (see _exit_now), so the
    # garbage collector stays off for it: turned on again, its first pass would walk everything
    # the command read (about 4 ms for 10,000 works). quick.run turns it off for its command anyway.
    if argv is None:
        gc.disable()
    from scholarcli.cli import quick

    status = quick.run(args)
    if status is not None:
        if argv is None:  # the process of the console script: end it without freeing what it read
            _exit_now(status)
        sys.exit(status)
    gc.enable()
    from scholarcli.cli.app import app

    app(args=args, prog_name="scholar")
