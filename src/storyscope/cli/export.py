"""``storyscope export``: the store's tables as Parquet or JSON lines."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from storyscope.cli.common import DbOption, info
from storyscope.errors import StoryscopeError
from storyscope.settings import DEFAULT_DB
from storyscope.store import Store


class ExportFormat(StrEnum):
    parquet = "parquet"
    jsonl = "jsonl"


class Table(StrEnum):
    articles = "articles"
    stories = "stories"
    analyses = "analyses"


def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="Output file.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="parquet or jsonl.")] = ExportFormat.jsonl,
    table: Annotated[Table, typer.Option("--table", help="What to export.")] = Table.articles,
    db: DbOption = None,
) -> None:
    """Export articles, stories or analyses from the store."""
    path = db or Path(DEFAULT_DB)
    if not path.exists():
        raise StoryscopeError(f"store {path} does not exist (run storyscope ingest first)")
    with Store(path) as store:
        rows = store.export(table.value, fmt.value, output)
    info(f"wrote {output} ({rows} {table.value})")
