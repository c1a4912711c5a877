"""The neutral summary: verbatim source sentences, each cited."""

from __future__ import annotations

from pydantic import Field

from storyscope.model.spans import Mention


class SummarySentence(Mention):
    """A verbatim source sentence chosen for the summary.

    ``supporting_article_ids`` are the other articles that report the same claim
    (``claim_id``), so a reader sees who else stands behind the sentence. ``trimmed``
    says a connective or modifier was cut at a clause boundary: the span is still one
    verbatim piece of the source, and the full sentence is in the claim.
    ``contested_fact_id`` marks the two sentences that tell a contested point from both
    sides: the quantity fact (``quantities``) whose figures the outlets disagree on.
    """

    claim_id: str | None = None
    contested_fact_id: str | None = Field(
        default=None, description="set on the sentences telling each side of a figure outlets disagree on"
    )
    trimmed: bool = False
    supporting_article_ids: list[str]
