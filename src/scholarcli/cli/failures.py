"""How an error reaches the user: one ``error: ...`` line on stderr and an exit status.

A traceback is shown only with SCHOLAR_DEBUG=1. The typer app's boundary (boundary.py) and the
quick path (quick.py) both hand every error here. No click or typer here.
"""

from __future__ import annotations

import os

from scholarcli.cli.env import Environment, ExitStatus
from scholarcli.errors import InvalidLibrary, InvalidRecord, ScholarError


def exit_status_for(error: BaseException, env: Environment) -> ExitStatus | None:
    """Tell the user about ``error`` and give the exit status; None when it should propagate."""
    if isinstance(error, KeyboardInterrupt):
        env.say_raw("\n")
        return ExitStatus.INTERRUPTED
    if isinstance(error, BrokenPipeError):
        # The reader went away (`scholar list | head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, env.stdout.fileno())
        return ExitStatus.ERROR
    if os.environ.get("SCHOLAR_DEBUG") == "1" or not isinstance(error, Exception):
        return None
    if isinstance(error, InvalidLibrary | InvalidRecord):
        for problem in error.problems:
            env.error(problem)
    elif isinstance(error, ScholarError):
        env.error(error)
    elif isinstance(error, UnicodeError):  # bytes on the command line or in a file that are no UTF-8
        env.error(f"text that is not valid UTF-8: {error}")
    elif isinstance(error, OSError):
        where = f": {error.filename}" if error.filename else ""
        env.error(f"{error.strerror or error}{where}")
    else:
        env.error(f"unexpected {type(error).__name__}: {error} (run with SCHOLAR_DEBUG=1 for details)")
    return ExitStatus.ERROR
