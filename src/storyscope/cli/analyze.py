"""``storyscope analyze``: one story from files/URLs, or a batch of stories from JSONL."""

from __future__ import annotations

import json
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
    report_errors,
)
from storyscope.errors import Errors, InputError, StoryscopeError
from storyscope.ingest import ReadOptions, to_article
from storyscope.ingest.outlets import OutletTable
from storyscope.ingest.records import normalise_record
from storyscope.model import Story
from storyscope.pipeline import analyze as analyze_story
from storyscope.report import format_for, write_report
from storyscope.settings import DEFAULT_DB
from storyscope.store import Store

DEFAULT_REPORT = Path("storyscope-report.html")

SummaryWordsOption = Annotated[
    int | None,
    typer.Option(
        "--summary-words", min=1, help="Summary length in words (default: about 100, or 150 for long stories)."
    ),
]


def analyze(
    paths: Annotated[list[str] | None, typer.Argument(help="Article files, directories, globs or URLs: one story.")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Report path: .html, .md or .json.")] = None,
    stories: Annotated[
        Path | None, typer.Option("--stories", help="JSONL of stories {id, articles: [...]}; writes JSONL analyses.")
    ] = None,
    outlets: OutletsOption = None,
    db: DbOption = None,
    model: ModelOption = None,
    allow_private: AllowPrivateOption = False,
    follow_links: FollowLinksOption = False,
    summary_words: SummaryWordsOption = None,
) -> None:
    """Analyse articles as one story and write a report (format from the -o suffix, default HTML)."""
    table = read_outlets(outlets)
    if stories is not None:
        if paths:
            raise StoryscopeError("give either PATH... or --stories, not both")
        failed = _analyze_batch(stories, output, table, db, model, summary_words)
    else:
        if not paths:
            raise StoryscopeError("give at least one PATH (file, directory, glob or URL), or --stories")
        out = output or DEFAULT_REPORT
        format_for(out)  # refuse an unknown suffix before any work
        options = ReadOptions(allow_private, follow_links)
        failed = _analyze_paths(paths, out, table, db or Path(DEFAULT_DB), model, options, summary_words)
    raise typer.Exit(1 if failed else 0)


def _analyze_paths(
    paths: list[str],
    out: Path,
    table: OutletTable | None,
    db: Path,
    model: str | None,
    options: ReadOptions,
    summary_words: int | None,
) -> bool:
    result = read_inputs(paths, table, options)
    if not result.articles:
        raise StoryscopeError(Errors.E018.format())
    with Store(db) as store:
        articles = store.add_articles(result.articles, result.signatures)
        with progress_bar("Parsing", total=sum(a.duplicate_of is None for a in articles)) as bar:
            analysis = analyze_story(
                articles, outlets=table, model=model, store=store, progress=lambda n: advance(bar, n),
                summary_words=summary_words,
            )
    write_report(analysis, out)
    info(f"wrote {out} ({len(analysis.articles)} articles, {len(result.errors)} failed inputs)")
    return bool(result.errors)


def _story_from_line(line: bytes, lineno: int, table: OutletTable | None) -> Story:
    """One ``--stories`` line: ``{"id", "title"?, "articles": [{"id", "title", "text", ...}]}``."""
    raw = json.loads(line)
    if not isinstance(raw, dict) or not isinstance(raw.get("articles"), list):
        raise ValueError('expected {"id", "articles": [...]}')
    articles = [to_article(normalise_record(item, f"article #{i}"), table) for i, item in enumerate(raw["articles"], 1)]
    title = raw.get("title")
    return Story(id=str(raw.get("id") or f"line-{lineno}"), title=str(title) if title else None, articles=articles)


def _analyze_batch(
    stories: Path,
    output: Path | None,
    table: OutletTable | None,
    db: Path | None,
    model: str | None,
    summary_words: int | None,
) -> bool:
    if output is None:
        raise StoryscopeError("--stories needs -o OUT.jsonl")
    errors: list[InputError] = []
    store = Store(db) if db else None
    written = 0
    try:
        with stories.open("rb") as handle, output.open("w", encoding="utf-8") as out, progress_bar(
            "Stories", total=None
        ) as bar:
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    story = _story_from_line(line, lineno, table)
                except (ValueError, StoryscopeError) as exc:
                    errors.append(InputError(f"{stories}:{lineno}", str(exc)))
                    continue
                analysis = analyze_story(
                    story.articles, outlets=table, model=model, store=store, story_id=story.id, title=story.title,
                    summary_words=summary_words,
                )
                out.write(json.dumps(analysis.to_json_dict(), ensure_ascii=False) + "\n")
                written += 1
                advance(bar)
    except OSError as exc:
        raise StoryscopeError(f"{stories}: {exc}") from exc
    finally:
        if store:
            store.close()
    report_errors(errors)
    info(f"wrote {output} ({written} stories, {len(errors)} failed)")
    return bool(errors)

