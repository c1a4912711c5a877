"""Story analysis: every registered section, run in order over one story's parses.

Importing this package registers the built-in sections; :data:`ORDER` is the order
they run in.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from storyscope.analysis import (  # noqa: F401  (registers sections)
    claims,
    entities,
    framing,
    quantities,
    quotes,
    sentences,
    summary,
    timeline,
)
from storyscope.analysis.registry import SECTIONS, StoryContext, TermCorpus
from storyscope.ingest.outlets import OutletTable
from storyscope.model import Article, StoryAnalysis

__all__ = ["ORDER", "SECTIONS", "StoryContext", "build_analysis", "extract_items"]

#: Run order of the sections: later ones read earlier results (quantities and quotes use entities;
#: claims read sentences; framing reads quotes; summary reads claims and framing).
ORDER = ("sentences", "entities", "quantities", "quotes", "timeline", "claims", "framing", "summary")
assert set(ORDER) == set(SECTIONS), f"sections registered but not ordered: {set(SECTIONS) ^ set(ORDER)}"


def build_analysis(
    analysis: StoryAnalysis,
    docs: dict[str, Doc],
    outlets: OutletTable | None = None,
    corpus: TermCorpus | None = None,
    summary_words: int | None = None,
) -> StoryAnalysis:
    """Run every section over ``analysis.articles`` (parsed in ``docs``) and fill it in;
    ``summary_words`` is the summary's word budget (None: about 100 or 150 by input length)."""
    context = StoryContext(analysis=analysis, docs=docs, outlets=outlets, corpus=corpus, summary_words=summary_words)
    for name in ORDER:
        SECTIONS[name].build(context)
    return analysis


def extract_items(article: Article, doc: Doc) -> dict[str, list[Any]]:
    """Per-article items of every section that has an extractor, as JSON-ready lists."""
    return {
        name: [item.model_dump(mode="json") for item in extract(article, doc)]
        for name in ORDER
        if (extract := SECTIONS[name].extract) is not None
    }
