"""The end-to-end path: articles → parses (cached) → one story analysis.

This is the one place the stages meet: ingest produced the articles, the nlp stage
parses each text once (reusing DocBin parses from the store when given one), and
the analysis sections fill in the :class:`StoryAnalysis`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from storyscope.analysis import build_analysis, extract_items
from storyscope.analysis.registry import Background
from storyscope.errors import Errors, StoryscopeError
from storyscope.ingest import to_article
from storyscope.ingest.dedup import find_duplicates, minhash
from storyscope.ingest.outlets import OutletTable
from storyscope.ingest.records import normalise_record
from storyscope.model import Article, StoryAnalysis
from storyscope.nlp import doc_from_bytes, doc_to_bytes, load_pipeline, parse, pipeline_id
from storyscope.store import Store

Progress = Callable[[int], None]


def as_article(item: Article | Mapping[str, Any], outlets: OutletTable | None = None) -> Article:
    """Accept Article records or plain dicts (id, title, text, outlet, published, url)."""
    if isinstance(item, Article):
        article = item
    else:
        article = to_article(normalise_record(dict(item), str(item.get("id", "record"))), None)
    if outlets is not None and article.leaning is None:
        entry = outlets.resolve(article.outlet, article.url)
        if entry is not None:
            article = article.model_copy(update={"outlet": entry.name, "leaning": entry.leaning})
    return article


def link_duplicates(articles: Sequence[Article]) -> list[Article]:
    """Link near-duplicates among articles not linked already."""
    links = find_duplicates({a.id: minhash(a.text) for a in articles if a.duplicate_of is None})
    return [a.model_copy(update={"duplicate_of": links[a.id]}) if a.id in links else a for a in articles]


def parse_articles(
    articles: Sequence[Article], nlp: Language, store: Store | None = None, progress: Progress | None = None
) -> dict[str, Doc]:
    """Parse each article once; with a store, reuse and save DocBin parses."""
    key = pipeline_id(nlp)
    cached = store.get_parses((a.content_hash for a in articles), key) if store else {}
    docs: dict[str, Doc] = {}
    todo = []
    for article in articles:
        if article.content_hash in cached:
            docs[article.id] = doc_from_bytes(cached[article.content_hash], nlp)
            if progress:
                progress(1)
        else:
            todo.append(article)
    fresh: list[tuple[str, bytes]] = []
    for article, doc in zip(todo, parse((a.text for a in todo), nlp), strict=True):
        docs[article.id] = doc
        if store is not None:
            fresh.append((article.content_hash, doc_to_bytes(doc)))
        if progress:
            progress(1)
    if store is not None and fresh:
        store.add_parses(fresh, key)
    return docs


class StoreCorpus:
    """The store's corpus term counts for one pipeline, as framing's background."""

    def __init__(self, store: Store, pipeline: str) -> None:
        self.store, self.pipeline = store, pipeline

    def add(self, counts: Mapping[str, Counter[str]]) -> None:
        self.store.add_term_counts(counts, self.pipeline)

    def background(self, terms: Iterable[str]) -> Background:
        return Background(*self.store.term_counts(terms, self.pipeline))


def story_id_for(articles: Iterable[Article]) -> str:
    """A stable id for a set of articles: hash of their sorted content hashes."""
    digest = hashlib.sha256("".join(sorted(a.content_hash for a in articles)).encode()).hexdigest()
    return f"story-{digest[:12]}"


def analyze(
    articles: Iterable[Article | Mapping[str, Any]],
    *,
    outlets: OutletTable | None = None,
    model: str | None = None,
    store: Store | None = None,
    story_id: str | None = None,
    title: str | None = None,
    progress: Progress | None = None,
    summary_words: int | None = None,
) -> StoryAnalysis:
    """Analyse ``articles`` as one story (the Python API).

    Near-duplicates are linked and listed but analysed once. With ``store``, parses
    are cached, the analysis is saved, and framing takes its prior from the stored corpus.
    ``summary_words`` sets the summary's length in words (default: about 100 for short
    inputs, 150 for long ones); it still has 3 to 7 sentences.
    """
    if summary_words is not None and summary_words < 1:
        raise StoryscopeError(Errors.E022.format(value=summary_words))
    records = link_duplicates([as_article(a, outlets) for a in articles])
    if not records:
        raise StoryscopeError(Errors.E018.format())
    nlp = load_pipeline(model)
    unique = [a for a in records if a.duplicate_of is None]
    docs = parse_articles(unique, nlp, store, progress)
    analysis = StoryAnalysis(
        id=story_id or story_id_for(records),
        title=title or next((a.title for a in unique if a.title), None),
        model=pipeline_id(nlp),
        articles=records,
    )
    corpus = StoreCorpus(store, pipeline_id(nlp)) if store is not None else None
    build_analysis(analysis, docs, outlets, corpus, summary_words)
    if store is not None:
        store.save_analysis(analysis, pipeline_id(nlp))
    return analysis


def extract(
    articles: Iterable[Article], *, model: str | None = None, batch_size: int = 64
) -> Iterator[dict[str, Any]]:
    """Per-article items with offsets, streaming (``storyscope extract``)."""
    nlp = load_pipeline(model)
    stream = iter(articles)
    pending: list[Article] = []

    def flush() -> Iterator[dict[str, Any]]:
        for article, doc in zip(pending, parse((a.text for a in pending), nlp, batch_size), strict=True):
            yield {"id": article.id, **extract_items(article, doc)}
        pending.clear()

    for article in stream:
        pending.append(article)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
