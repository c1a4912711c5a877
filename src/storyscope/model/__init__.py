"""The one data model that flows through storyscope.

Articles come out of :mod:`storyscope.ingest`, are grouped into a :class:`Story`,
and every analysis section adds its records to one :class:`StoryAnalysis`.
All records are pydantic models, so the JSON Schema published in ``docs/`` is
generated from these classes and cannot drift from them.
"""

from storyscope.model.analysis import SCHEMA_VERSION, StoryAnalysis
from storyscope.model.article import Article, Story
from storyscope.model.claims import Claim, ClaimCoverage, ClaimSentence
from storyscope.model.entities import Entity, EntityAlias, EntityMention, Title
from storyscope.model.framing import DistinctiveTerm, OutletFraming, QuotedSpeaker, Tone
from storyscope.model.quantities import QuantityFact, QuantityMention
from storyscope.model.quotes import (
    LedgerEntry,
    OtherSpeaker,
    Quote,
    SpanText,
    Wording,
    WordingChange,
    WordingFragment,
)
from storyscope.model.spans import Mention, SentenceSpan
from storyscope.model.summary import SummarySentence
from storyscope.model.timeline import TemporalMention, TimelineEntry

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Claim",
    "ClaimCoverage",
    "ClaimSentence",
    "DistinctiveTerm",
    "Entity",
    "EntityAlias",
    "EntityMention",
    "LedgerEntry",
    "Mention",
    "OutletFraming",
    "QuotedSpeaker",
    "QuantityFact",
    "QuantityMention",
    "OtherSpeaker",
    "Quote",
    "SentenceSpan",
    "SpanText",
    "Story",
    "StoryAnalysis",
    "TemporalMention",
    "TimelineEntry",
    "SummarySentence",
    "Tone",
    "Title",
    "Wording",
    "WordingChange",
    "WordingFragment",
]
