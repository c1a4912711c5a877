"""Ingestion: paths, globs, directories and URLs in; :class:`Article` records out.

Every reader yields articles or :class:`~storyscope.errors.InputError` records, so
one bad input never stops a batch. :func:`load_articles` adds outlet resolution
(metadata name, URL domain, user outlet table) and near-duplicate links.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from datasketch import MinHash

from storyscope.errors import Errors, InputError, InputFailure, StoryscopeError
from storyscope.ingest import feeds, records, warc
from storyscope.ingest.dedup import StoredLookup, find_duplicates, minhash
from storyscope.ingest.fetch import fetch
from storyscope.ingest.files import decode_utf8, read_bytes
from storyscope.ingest.html import extract_page
from storyscope.ingest.outlets import OutletTable, domain_of
from storyscope.ingest.self_reference import outlet_named_in
from storyscope.ingest.text import split_text_metadata
from storyscope.model import Article
from storyscope.model.article import content_hash

__all__ = ["LoadResult", "OutletTable", "iter_inputs", "load", "load_articles", "read_input"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | {".json", ".jsonl", ".ndjson", ".csv", ".warc", ".warc.gz"}

Draft = dict[str, Any]


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: network permissions."""

    allow_private: bool = False
    follow_links: bool = False


@dataclass
class LoadResult:
    """Articles read (near-duplicates linked, not dropped), the inputs that failed, and each
    article's MinHash signature by content hash (so the store need not compute it again)."""

    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    signatures: dict[str, MinHash] = field(default_factory=dict)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def iter_inputs(sources: Iterable[str]) -> Iterator[str | InputError]:
    """Expand directories (recursively, known file types only, hidden files skipped)
    and globs; pass URLs through; report patterns that match nothing."""
    for source in sources:
        if is_url(source):
            yield source
            continue
        path = Path(source)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and _suffix(child) in KNOWN_SUFFIXES:
                    yield str(child)
        elif path.exists():
            yield source
        elif glob.has_magic(source):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                yield InputError(source, Errors.E021.format(pattern=source))
            yield from iter_inputs(matches)
        else:
            yield InputError(source, Errors.E001.format())


def _from_page(html: bytes, url: str | None) -> Draft:
    page = extract_page(html, url)
    return {
        "title": page.title,
        "outlet": page.sitename,
        "published": page.published,
        "url": page.url,
        "text": page.text,
    }


def _read_file(path: Path, options: ReadOptions) -> Iterator[Draft | InputError]:
    suffix = _suffix(path)
    source = str(path)
    if suffix in TEXT_SUFFIXES:
        fields = split_text_metadata(decode_utf8(read_bytes(path)))
        if not fields.body.strip():
            raise InputFailure(Errors.E007.format())
        yield {
            "title": fields.title,
            "published": fields.published,
            "outlet": fields.outlet,
            "dateline": fields.dateline,
            "source_offset": fields.offset,
            "text": fields.body,
        }
    elif suffix in HTML_SUFFIXES:
        yield _from_page(read_bytes(path), None)
    elif suffix == ".json":
        yield from records.iter_json(read_bytes(path), source)
    elif suffix in (".jsonl", ".ndjson"):
        read_bytes(path, limit=2**62)  # existence / emptiness checks only
        with path.open("rb") as handle:
            yield from records.iter_jsonl(iter(handle), source)
    elif suffix == ".csv":
        yield from records.iter_csv(read_bytes(path), source)
    elif suffix in FEED_SUFFIXES:
        yield from _read_feed(read_bytes(path), source, options)
    elif suffix in (".warc", ".warc.gz"):
        read_bytes(path, limit=2**62)
        with path.open("rb") as handle:
            for url, body in warc.iter_html_responses(handle):
                try:
                    yield _from_page(body, url)
                except InputFailure as exc:
                    yield InputError(f"{source} ({url})", str(exc))
    else:
        raise InputFailure(Errors.E005.format(suffix=suffix or path.name))


def _read_feed(data: bytes, source: str, options: ReadOptions) -> Iterator[Draft | InputError]:
    for number, entry in enumerate(feeds.iter_feed(data), 1):
        where = f"{source} (entry {number}{': ' + entry['url'] if entry['url'] else ''})"
        if options.follow_links and entry["url"]:
            try:
                page = fetch(entry["url"], options.allow_private)
                linked = _from_page(page.body, page.url)
                entry = {**entry, **{k: v for k, v in linked.items() if v}}
            except InputFailure as exc:
                if not entry["text"]:
                    yield InputError(where, str(exc))
                    continue
        if not entry["text"]:
            yield InputError(where, Errors.E007.format())
            continue
        yield entry


def _read_url(url: str, options: ReadOptions) -> Iterator[Draft | InputError]:
    page = fetch(url, options.allow_private)
    body = page.body
    if "json" in page.content_type:
        yield from records.iter_json(body, url)
    elif feeds.looks_like_feed(body) or page.content_type in ("application/rss+xml", "application/atom+xml"):
        yield from _read_feed(body, url, options)
    elif page.content_type == "text/plain":
        fields = split_text_metadata(decode_utf8(body))
        yield {
            "title": fields.title,
            "published": fields.published,
            "outlet": fields.outlet,
            "url": page.url,
            "text": fields.body,
        }
    else:
        yield _from_page(body, page.url)


def read_input(source: str, options: ReadOptions = ReadOptions()) -> Iterator[Draft | InputError]:
    """Draft article fields from one file or URL; failures come back as InputError."""
    try:
        if is_url(source):
            for item in _read_url(source, options):
                yield item if isinstance(item, InputError) else {"url": source, **item}
        else:
            for item in _read_file(Path(source), options):
                yield item if isinstance(item, InputError) else {**item, "source_path": source}
    except InputFailure as exc:
        yield InputError(source, str(exc))
    except (OSError, MemoryError) as exc:
        yield InputError(source, f"cannot read: {exc}")
    except Exception as exc:  # a parser library failing on hostile input must not end the batch
        yield InputError(source, f"cannot parse: {type(exc).__name__}: {exc}")


def to_article(draft: Draft, outlets: OutletTable | None) -> Article:
    """Build the Article: outlet from the table (by name, then URL), else metadata, else domain,
    else the newsroom the text names as its own (:mod:`storyscope.ingest.self_reference`)."""
    text: str = draft["text"]
    name, url = draft.get("outlet"), draft.get("url")
    source = "metadata" if name else "url" if url else None
    if not name and not url and (named := outlet_named_in(text)):
        name, source = named, "text"
    entry = outlets.resolve(name, url) if outlets else None
    outlet = entry.name if entry else (name or (domain_of(url) if url else None))
    if entry is not None and source != "text":
        source = "table"
    digest = content_hash(text)
    return Article(
        id=draft.get("id") or digest[:12],
        title=draft.get("title"),
        outlet=outlet,
        outlet_source=source if outlet else None,
        leaning=entry.leaning if entry else None,
        published=draft.get("published"),
        published_source="metadata" if draft.get("published") else None,
        url=url,
        source_path=draft.get("source_path"),
        source_offset=draft.get("source_offset"),
        dateline=draft.get("dateline"),
        text=text,
        content_hash=digest,
    )


def load_articles(
    sources: Iterable[str],
    outlets: OutletTable | None = None,
    options: ReadOptions = ReadOptions(),
    stored: StoredLookup | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> LoadResult:
    """Read every source; exact repeats are dropped, near-duplicates linked.

    ``stored`` looks signatures up among articles already kept elsewhere (the store), so
    a repost of a stored article is linked to it. ``progress(done, total)`` is called
    after each input.
    """
    result = LoadResult()
    seen_hashes: set[str] = set()
    seen_ids: set[str] = set()
    inputs = list(iter_inputs(sources))
    for done, source in enumerate(inputs, 1):
        if progress:
            progress(done, len(inputs))
        if isinstance(source, InputError):
            result.errors.append(source)
            continue
        for item in read_input(source, options):
            if isinstance(item, InputError):
                result.errors.append(item)
                continue
            article = to_article(item, outlets)
            if article.content_hash in seen_hashes:
                continue
            if article.id in seen_ids:  # same id, different text: keep both, distinctly
                article = article.model_copy(update={"id": f"{article.id}-{article.content_hash[:8]}"})
            seen_hashes.add(article.content_hash)
            seen_ids.add(article.id)
            result.articles.append(article)
    signatures = {a.id: minhash(a.text) for a in result.articles}
    links = find_duplicates(signatures, stored)
    result.signatures = {a.content_hash: signatures[a.id] for a in result.articles}
    result.articles = [
        a.model_copy(update={"duplicate_of": links[a.id]}) if a.id in links else a for a in result.articles
    ]
    return result


def load(
    path_or_url: str | Path,
    outlets: OutletTable | str | Path | None = None,
    allow_private: bool = False,
) -> list[Article]:
    """Read articles from a file, directory, glob or URL (the Python API).

    Raises :class:`StoryscopeError` naming every input that failed.
    """
    table = OutletTable.from_csv(outlets) if isinstance(outlets, (str, Path)) else outlets
    result = load_articles([str(path_or_url)], table, ReadOptions(allow_private=allow_private))
    if result.errors:
        raise StoryscopeError("; ".join(str(error) for error in result.errors))
    return result.articles
