"""Provenance records: every extracted item points into one article's stored text."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Mention(BaseModel):
    """A surface string at ``text[start:end]`` of the article ``article_id``.

    ``start``/``end`` are Python string indices (code points, end exclusive) into
    :attr:`storyscope.model.Article.text`, so ``article.text[start:end] == text``.
    """

    model_config = ConfigDict(frozen=True)

    article_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class SentenceSpan(Mention):
    """One sentence as segmented by the spaCy pipeline."""
