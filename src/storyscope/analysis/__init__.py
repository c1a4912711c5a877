"""Story analysis: every registered section, run in order over one story's parses.

Importing this package registers the built-in sections; their order here is the
order they run in and the order the report shows them.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from storyscope.analysis import claims, entities, sentences, summary  # noqa: F401  (registers sections)
from storyscope.analysis.registry import SECTIONS, StoryContext
from storyscope.ingest.outlets import OutletTable
from storyscope.model import Article, StoryAnalysis

__all__ = ["SECTIONS", "StoryContext", "build_analysis", "extract_items"]


def build_analysis(analysis: StoryAnalysis, docs: dict[str, Doc], outlets: OutletTable | None = None) -> StoryAnalysis:
    """Run every section over ``analysis.articles`` (parsed in ``docs``) and fill it in."""
    context = StoryContext(analysis=analysis, docs=docs, outlets=outlets)
    for section in SECTIONS.values():
        section.build(context)
    return analysis


def extract_items(article: Article, doc: Doc) -> dict[str, list[Any]]:
    """Per-article items of every section that has an extractor, as JSON-ready lists."""
    return {
        name: [item.model_dump(mode="json") for item in section.extract(article, doc)]
        for name, section in SECTIONS.items()
        if section.extract is not None
    }
