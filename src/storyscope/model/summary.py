"""The neutral summary: verbatim source sentences, each cited."""

from __future__ import annotations

from storyscope.model.spans import Mention


class SummarySentence(Mention):
    """A verbatim source sentence chosen for the summary.

    ``supporting_article_ids`` are the other articles that report the same claim
    (``claim_id``), so a reader sees who else stands behind the sentence.
    """

    claim_id: str | None = None
    supporting_article_ids: list[str]
