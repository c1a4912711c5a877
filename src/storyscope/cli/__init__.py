"""The ``storyscope`` command line (Typer); one module per command."""

from __future__ import annotations

import sys

import typer
from rich.markup import escape

from storyscope.cli.analyze import analyze
from storyscope.cli.common import console
from storyscope.cli.export import export
from storyscope.cli.extract import extract
from storyscope.cli.ingest import ingest
from storyscope.errors import StoryscopeError

app = typer.Typer(
    name="storyscope",
    help="Read one news story as told by many outlets and tell it back across them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command()(analyze)
app.command()(extract)
app.command()(ingest)
app.command()(export)


def main() -> None:
    """Entry point: user errors become one red line and exit status 1, never a traceback."""
    try:
        app(standalone_mode=True)
    except StoryscopeError as exc:
        console.print(f"[bold red]error[/]: {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(1)
