"""The command line: parse options, call the library layer, print what it reports.

`--version` and the hot reading commands (quick.py) are answered before typer and click are
imported, which costs about 0.15 s of every other command's start.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point; ``argv`` is given when a test runs it in-process."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        from scholarcli import __version__

        print(f"scholar {__version__}")
        return
    from scholarcli import processes
    from scholarcli.cli import quick
    from scholarcli.cli.env import Environment
    from scholarcli.cli.options import hoisted

    args = hoisted(args)

    own_process = argv is None  # the console script's process, which ends with the command
    if own_process:
        processes.pause_collector_for_process()
    env = Environment.of_process()
    status = quick.run(args, env)
    if status is not None:
        if own_process:
            processes.end_process(status)  # without freeing what the command read
        sys.exit(status)
    processes.resume_collector()
    from scholarcli.cli.app import app

    app(args=args, prog_name="scholar", obj=env)
