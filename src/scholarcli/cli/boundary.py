"""The one place where errors become messages and exit codes.

Exit codes: 0 success, 1 a user or data error (one ``error: ...`` line on stderr), 2 a usage
error (from click), 130 interrupted. A traceback is shown only with SCHOLAR_DEBUG=1.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click
from typer.core import TyperGroup

from scholarcli.errors import InvalidLibrary, InvalidRecord, ScholarError

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def print_error(message: str) -> None:
    click.echo(f"error: {message}", err=True)


class ScholarGroup(TyperGroup):
    """The app's command group; every command runs inside its ``invoke``."""

    def invoke(self, ctx: click.Context) -> Any:
        debug = os.environ.get("SCHOLAR_DEBUG") == "1"
        try:
            return super().invoke(ctx)
        except (InvalidLibrary, InvalidRecord) as error:
            if debug:
                raise
            for problem in error.problems:
                print_error(str(problem))
            raise click.exceptions.Exit(EXIT_ERROR) from None
        except ScholarError as error:
            if debug:
                raise
            print_error(str(error))
            raise click.exceptions.Exit(EXIT_ERROR) from None
        except KeyboardInterrupt:
            click.echo("", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (`scholar list | head`): stop quietly, as cat does.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise click.exceptions.Exit(EXIT_ERROR) from None
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as error:
            if debug:
                raise
            where = f": {error.filename}" if error.filename else ""
            print_error(f"{error.strerror or error}{where}")
            raise click.exceptions.Exit(EXIT_ERROR) from None
        except Exception as error:
            if debug:
                raise
            print_error(f"unexpected {type(error).__name__}: {error} (run with SCHOLAR_DEBUG=1 for details)")
            raise click.exceptions.Exit(EXIT_ERROR) from None
