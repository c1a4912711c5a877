"""Numeric claims and the facts they report across outlets."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from storyscope.model.spans import Mention

QuantityUnit = Literal["count", "percent", "money", "duration"]
Modality = Literal["actual", "planned"]
FactStatus = Literal["consistent", "conflicting", "single-source"]


class QuantityMention(Mention):
    """One numeric claim ("more than 700", "$2.5 million", "nearly half") and what it counts.

    ``low``/``high`` is the normalised interval the wording allows (``null`` = unbounded):
    "more than 800" → [800, null], "hundreds" → [200, 999], "about 210" → [189, 231].
    Percentages are in percent; money in the currency's units; durations in ``counted`` units.
    """

    low: float | None
    high: float | None
    unit: QuantityUnit
    qualifier: str | None = Field(default=None, description='"more than", "about", "up to", … as written')
    counted: Mention | None = Field(default=None, description="the noun phrase counted (\"sanctuary jurisdictions\")")
    verb: str | None = Field(default=None, description="lemma of the verb the claim depends on (\"arrest\")")
    modality: Modality = Field(default="actual", description="planned/intended/expected vs. reported as done")


class QuantityFact(BaseModel):
    """Quantity mentions across articles that report the same fact.

    ``status`` is ``conflicting`` when two articles' intervals do not overlap,
    ``consistent`` when all overlap, ``single-source`` when one article reports it.
    """

    id: str
    fact: str = Field(description="short description of the counted thing")
    unit: QuantityUnit
    modality: Modality
    status: FactStatus
    mentions: list[QuantityMention]
    article_ids: list[str]
