"""Claim records: sentences of different articles that report the same fact."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from storyscope.model.spans import Mention

#: How widely a claim is reported: by every outlet, by several, or by one only.
Coverage = Literal["all", "several", "single"]
#: Side of the spectrum an outlet leaning belongs to.
Side = Literal["left", "center", "right"]


class ClaimSentence(Mention):
    """One source sentence supporting a claim."""


class Claim(BaseModel):
    """A fact as reported across the story: its supporting sentences, at most one per article.

    ``coverage`` counts outlets, not articles. ``sides`` counts supporting outlets per side
    of the spectrum (only outlets with a known leaning). ``one_sided`` names the side when
    every supporting outlet with a known leaning is on it while the story also has outlets
    on the opposite side that do not report the claim (a per-claim "blindspot").
    """

    id: str
    sentences: list[ClaimSentence]
    article_ids: list[str]
    outlets: list[str]
    coverage: Coverage
    sides: dict[str, int] = Field(default_factory=dict)
    one_sided: Side | None = None


class ClaimCoverage(BaseModel):
    """Story-level view of the claims: how each side of the spectrum covers them.

    ``one_sided`` is set when at least ``one_sided_share`` of the outlets with a known
    leaning are on one side (the story's own "blindspot" for the other side).
    """

    similarity: str = Field(description="sentence similarity used to align claims")
    threshold: float
    outlets_by_side: dict[str, int]
    claims_by_side: dict[str, int] = Field(description="claims reported by at least one outlet of each side")
    one_sided_claims: dict[str, int] = Field(description="claims reported by one side only, per side")
    one_sided_share: float
    one_sided: Side | None = None
