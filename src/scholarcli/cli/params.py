"""The typer parameters of the declared commands (list, export, stats, refresh, add, import, check, venues, merge),
built from options.py.

``declared(command)`` gives a typer command function the signature the declaration describes;
typer then builds the click parameters from it, and the command receives its values typed once
(args.py). The quick path (quick.py) reads the same declarations.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import click
import typer

from scholarcli.cli import completion
from scholarcli.cli.args import Conflict
from scholarcli.cli.command_args import TYPED
from scholarcli.cli.options import Argument, Command, Option, problem

_TYPES: dict[str, Any] = {
    "text": str | None,
    "flag": bool,
    "int": int | None,
    "year": str | None,
    "rate": str | None,
    "choice": str | None,
    "list": list[str] | None,
}
_COMPLETIONS = {"venues": completion.venues, "keys": completion.keys}


def _checker(declared: Option | Argument) -> Callable[[Any], Any]:
    """A click callback: the value, or a usage error in the words both parsers use."""

    def check(value: Any) -> Any:
        for one in value if isinstance(value, list) else [value]:  # a repeatable option: each value
            if isinstance(one, str) and (found := problem(declared, one)):
                raise typer.BadParameter(found)
        return value

    return check


def _option(option: Option) -> inspect.Parameter:
    extra: dict[str, Any] = {}
    if option.completion:
        extra["autocompletion"] = _COMPLETIONS[option.completion]
    if option.kind == "output":
        annotation: Any = Path | None
    else:
        annotation = _TYPES[option.kind]
    if option.kind == "int" and option.default is not None:
        annotation = int
    info = typer.Option(
        *option.flags,
        help=option.help,
        callback=_checker(option) if option.kind in ("choice", "year", "rate", "text", "list") else None,
        rich_help_panel=option.panel,
        metavar=option.metavar,
        min=option.minimum,
        max=option.maximum,
        **extra,
    )
    return inspect.Parameter(
        option.param, inspect.Parameter.KEYWORD_ONLY, default=option.default, annotation=Annotated[annotation, info]
    )


def _argument(argument: Argument) -> inspect.Parameter:
    info = typer.Argument(metavar=argument.metavar, help=argument.help, callback=_checker(argument))
    if argument.many:  # KEYS...: any number, none included
        many: Any = Annotated[list[str] | None, info]
        return inspect.Parameter(argument.param, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=many)
    if argument.required:
        return inspect.Parameter(argument.param, inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[str, info])
    annotation: Any = Annotated[str | None, info]
    return inspect.Parameter(argument.param, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)


def declared(command: Command) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give ``function(ctx, args)`` the typer signature of ``command``'s declaration.

    Typer reads a function's signature to build its parameters; this one is made from the
    declaration, and the values arrive typed by the command's maker in command_args.TYPED. A Conflict
    between them is click's usage error, naming the option to blame as click names one.
    """

    def wrap(function: Callable[..., None]) -> Callable[..., None]:
        def command_function(ctx: typer.Context, **values: Any) -> None:
            try:
                args = TYPED[command.name](values)
            except Conflict as conflict:
                if conflict.option is None:
                    raise click.UsageError(str(conflict)) from None
                raise typer.BadParameter(str(conflict), param_hint=f"'{conflict.option}'") from None
            function(ctx, args)

        context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
        parameters = [context, *map(_argument, command.arguments), *map(_option, command.options)]
        command_function.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        command_function.__annotations__ = {}
        command_function.__doc__ = function.__doc__
        command_function.__name__ = function.__name__
        return command_function

    return wrap
