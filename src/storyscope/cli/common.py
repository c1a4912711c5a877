"""What every command shares: the stderr console, error lines, progress bars, options."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from storyscope.errors import InputError
from storyscope.ingest import LoadResult, ReadOptions, load_articles
from storyscope.ingest.dedup import StoredLookup
from storyscope.ingest.outlets import OutletTable

console = Console(stderr=True)

DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB store file (default ./storyscope.duckdb).")]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline to load (env STORYSCOPE_SPACY_MODEL; default en_core_web_sm if installed)."),
]
OutletsOption = Annotated[
    Path | None, typer.Option("--outlets", help="Outlet table CSV: outlet, domains, leaning.", exists=False)
]
AllowPrivateOption = Annotated[
    bool, typer.Option("--allow-private", help="Allow fetching URLs on loopback/private/link-local addresses.")
]
FollowLinksOption = Annotated[
    bool, typer.Option("--follow-links", help="Fetch the page each feed entry links to (needs network).")
]


def report_errors(errors: list[InputError]) -> None:
    """One line per failed input, on stderr."""
    for error in errors:
        console.print(f"[bold red]error[/]: {escape(str(error))}", highlight=False, soft_wrap=True)


def info(message: str) -> None:
    console.print(message, highlight=False, soft_wrap=True)


def read_outlets(path: Path | None) -> OutletTable | None:
    return OutletTable.from_csv(path) if path else None


@contextmanager
def progress_bar(description: str, total: int | None) -> Iterator[Progress]:
    """A rich progress bar on stderr (hidden when stderr is not a terminal)."""
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        progress.add_task(description, total=total)
        yield progress


def advance(progress: Progress, amount: int = 1) -> None:
    progress.advance(progress.task_ids[0], amount)


def read_inputs(
    paths: list[str], table: OutletTable | None, options: ReadOptions, stored: StoredLookup | None = None
) -> LoadResult:
    """Read inputs with a progress bar; print one line per failed input."""
    with progress_bar("Reading", total=None) as bar:

        def update(done: int, total: int) -> None:
            bar.update(bar.task_ids[0], completed=done, total=total)

        result = load_articles(paths, table, options, stored=stored, progress=update)
    report_errors(result.errors)
    return result
