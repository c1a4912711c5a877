"""``storyscope extract``: per-article items with offsets, streamed JSONL to JSONL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from storyscope.cli.common import ModelOption, advance, info, progress_bar, report_errors
from storyscope.errors import InputError, StoryscopeError
from storyscope.ingest import to_article
from storyscope.ingest.records import iter_jsonl
from storyscope.model import Article
from storyscope.pipeline import extract as extract_articles


def extract(
    articles: Annotated[Path, typer.Argument(help="JSONL: {id, text, title?, outlet?, published?} per line.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output JSONL, one line per input article.")],
    model: ModelOption = None,
) -> None:
    """Extract items with offsets from each article (for corpus work)."""
    errors: list[InputError] = []

    def valid() -> Iterator[Article]:
        with articles.open("rb") as handle:
            for item in iter_jsonl(iter(handle), str(articles)):
                if isinstance(item, InputError):
                    errors.append(item)
                else:
                    yield to_article(item, None)

    written = 0
    try:
        with output.open("w", encoding="utf-8") as out, progress_bar("Extracting", total=None) as bar:
            for line in extract_articles(valid(), model=model):
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                written += 1
                advance(bar)
    except OSError as exc:
        raise StoryscopeError(f"{exc.filename or articles}: {exc.strerror or exc}") from exc
    report_errors(errors)
    info(f"wrote {output} ({written} articles, {len(errors)} failed)")
    raise typer.Exit(1 if errors else 0)
