"""The story analysis: articles plus one list per analysis section.

A section that has not been built is ``None`` and is dropped from the JSON (see
:meth:`StoryAnalysis.to_json_dict`), so an absent section never looks like an
empty finding.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from storyscope.model.article import Article
from storyscope.model.claims import Claim, ClaimCoverage
from storyscope.model.entities import Entity
from storyscope.model.framing import OutletFraming
from storyscope.model.quantities import QuantityFact
from storyscope.model.quotes import LedgerEntry, Quote
from storyscope.model.spans import SentenceSpan
from storyscope.model.summary import SummarySentence
from storyscope.model.timeline import TemporalMention, TimelineEntry

SCHEMA_VERSION = "1.0"

#: Keys that are always present; every other top-level key is a section.
CORE_KEYS = frozenset({"schema_version", "id", "title", "model", "articles"})


class StoryAnalysis(BaseModel):
    """Everything storyscope says about one story, with provenance for each item."""

    schema_version: str = SCHEMA_VERSION
    id: str
    title: str | None = None
    model: str = Field(description="spaCy pipeline name and version used for parsing")
    articles: list[Article]
    sentences: list[SentenceSpan] | None = None
    entities: list[Entity] | None = None
    quantities: list[QuantityFact] | None = None
    quotes: list[Quote] | None = None
    ledger: list[LedgerEntry] | None = None
    timeline: list[TimelineEntry] | None = None
    timeline_captions: list[TemporalMention] | None = Field(
        default=None, description="dates found in photo captions, kept out of the story timeline"
    )
    claims: list[Claim] | None = None
    claim_coverage: ClaimCoverage | None = None
    framing: list[OutletFraming] | None = None
    summary: list[SummarySentence] | None = None

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    @property
    def sections(self) -> list[str]:
        """Names of the sections that were built, in schema order."""
        return [
            name
            for name in type(self).model_fields
            if name not in CORE_KEYS and getattr(self, name) is not None
        ]

    def to_json_dict(self) -> dict[str, Any]:
        """JSON-ready dict with unbuilt sections left out."""
        data = self.model_dump(mode="json")
        for name in list(data):
            if name not in CORE_KEYS and data[name] is None:
                del data[name]
        return data
