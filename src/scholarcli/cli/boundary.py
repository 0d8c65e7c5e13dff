"""The one place where errors of a typer command become messages and exit codes (see failures.py)."""

from __future__ import annotations

from typing import Any

import click
from typer.core import TyperGroup

from scholarcli.cli.env import Environment, State
from scholarcli.cli.failures import exit_status_for


class ScholarGroup(TyperGroup):
    """The app's command group; every command runs inside its ``invoke``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # From click 8.4 an unknown command's error names the closest ones itself ("Did you mean
        # 'list'?"); typer's own suggestion would say it a second time.
        if hasattr(click.exceptions, "NoSuchCommand"):
            self.suggest_commands = False

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # usage errors and exits: click reports them itself
        except BaseException as error:
            state = ctx.find_root().obj
            env = state.env if isinstance(state, State) else Environment.of_process()
            code = exit_status_for(error, env)
            if code is None:
                raise
            raise click.exceptions.Exit(int(code)) from None
