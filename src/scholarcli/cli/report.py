"""How an error reaches the user: one ``error: ...`` line on stderr and an exit status.

Exit codes: 0 success, 1 a user or data error, 2 a usage error (from click), 130 interrupted.
A traceback is shown only with SCHOLAR_DEBUG=1. The command group's boundary (boundary.py) and
the quick path (quick.py) both hand every error here. No click or typer here.
"""

from __future__ import annotations

import os
import sys

from scholarcli.errors import InvalidLibrary, InvalidRecord, ScholarError

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def print_error(message: str) -> None:
    sys.stderr.write(f"error: {message}\n")
    sys.stderr.flush()


def exit_code_for(error: BaseException) -> int | None:
    """Tell the user about ``error`` and give the exit status; None when it should propagate."""
    debug = os.environ.get("SCHOLAR_DEBUG") == "1"
    if isinstance(error, KeyboardInterrupt):
        sys.stderr.write("\n")
        return EXIT_INTERRUPTED
    if isinstance(error, BrokenPipeError):
        # The reader went away (`scholar list | head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    if debug or not isinstance(error, Exception):
        return None
    if isinstance(error, InvalidLibrary | InvalidRecord):
        for problem in error.problems:
            print_error(str(problem))
    elif isinstance(error, ScholarError):
        print_error(str(error))
    elif isinstance(error, OSError):
        where = f": {error.filename}" if error.filename else ""
        print_error(f"{error.strerror or error}{where}")
    else:
        print_error(f"unexpected {type(error).__name__}: {error} (run with SCHOLAR_DEBUG=1 for details)")
    return EXIT_ERROR
