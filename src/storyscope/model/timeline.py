"""Timeline records: resolved temporal expressions and the dated events they belong to."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from storyscope.model.spans import Mention

Granularity = Literal["day", "week", "month", "year"]
Tense = Literal["past", "present", "future"]


class TemporalMention(Mention):
    """One temporal expression (``text``) resolved to an ISO date, month, year or interval.

    ``earliest``/``latest`` bound the resolved interval (inclusive ISO dates). ``event`` is the
    clause or noun phrase the expression dates. ``inferred`` is true when the anchor was not the
    article's own publication date but a date inferred for an undated article.
    """

    resolved: str = Field(description="ISO 8601: YYYY-MM-DD, YYYY-MM, YYYY, or an interval START/END")
    granularity: Granularity
    earliest: str = Field(description="first day of the resolved interval (YYYY-MM-DD)")
    latest: str = Field(description="last day of the resolved interval (YYYY-MM-DD)")
    anchor: str | None = Field(description="publication date (or inferred interval) the expression was resolved against")
    tense: Tense = Field(description="tense of the governing clause, which decides the direction of relative dates")
    caption: bool = Field(description="inside a photo caption or credit line: not part of the story timeline")
    inferred: bool = False
    event: Mention | None = Field(default=None, description="the clause or noun phrase this expression dates")


class TimelineEntry(BaseModel):
    """One dated event of the story, merged across the outlets that report it.

    ``date`` is the date most outlets give (at the finest granularity any of them gives);
    ``date_conflict`` is true when outlets give dates that cannot both be right, and every
    mention keeps the date its own outlet gave.
    """

    id: str
    date: str = Field(description="ISO date (YYYY-MM-DD), month (YYYY-MM), year (YYYY) or week interval")
    granularity: Granularity
    inferred: bool = Field(description="every mention was resolved against an inferred publication date")
    description: str
    mentions: list[TemporalMention]
    article_ids: list[str]
    date_conflict: bool
    dates: list[str] = Field(description="every distinct resolved date the outlets give for this event")
