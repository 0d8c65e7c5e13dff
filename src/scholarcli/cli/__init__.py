"""The command line: thin Typer commands over the core (which never imports typer or rich)."""

from __future__ import annotations


def main() -> None:
    """Console-script entry point."""
    from scholarcli.cli.app import app

    app(prog_name="scholar")
