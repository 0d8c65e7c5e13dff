"""The one place where errors of a typer command become messages and exit codes (see report.py)."""

from __future__ import annotations

from typing import Any

import click
from typer.core import TyperGroup

from scholarcli.cli.report import exit_code_for


class ScholarGroup(TyperGroup):
    """The app's command group; every command runs inside its ``invoke``."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # usage errors and exits: click reports them itself
        except BaseException as error:
            code = exit_code_for(error)
            if code is None:
                raise
            raise click.exceptions.Exit(code) from None
