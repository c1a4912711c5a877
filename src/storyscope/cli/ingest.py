"""``storyscope ingest``: read articles into the store and cache their parses."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyscope.cli.common import (
    AllowPrivateOption,
    DbOption,
    FollowLinksOption,
    ModelOption,
    OutletsOption,
    advance,
    info,
    progress_bar,
    read_inputs,
    read_outlets,
)
from storyscope.ingest import ReadOptions
from storyscope.nlp import load_pipeline
from storyscope.pipeline import parse_articles
from storyscope.settings import DEFAULT_DB
from storyscope.store import Store


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Article files, directories, globs or URLs.")],
    db: DbOption = None,
    outlets: OutletsOption = None,
    model: ModelOption = None,
    allow_private: AllowPrivateOption = False,
    follow_links: FollowLinksOption = False,
) -> None:
    """Store articles (identity = content hash, so re-ingesting adds nothing) and parse new ones."""
    table = read_outlets(outlets)
    with Store(db or Path(DEFAULT_DB)) as store:
        before = store.count_articles()
        result = read_inputs(paths, table, ReadOptions(allow_private, follow_links), stored=store.stored_duplicates)
        stored = store.add_articles(result.articles, result.signatures)
        added = store.count_articles() - before
        todo = [a for a in stored if a.duplicate_of is None]
        nlp = load_pipeline(model)
        with progress_bar("Parsing", total=len(todo)) as bar:
            parse_articles(todo, nlp, store, progress=lambda n: advance(bar, n))
        duplicates = sum(a.duplicate_of is not None for a in stored)
        info(f"{store.path}: {added} new articles ({duplicates} near-duplicates linked), {len(result.errors)} failed inputs")
    raise typer.Exit(1 if result.errors else 0)
