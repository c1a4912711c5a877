"""Articles and stories."""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from pydantic import BaseModel, Field


def content_hash(text: str) -> str:
    """SHA-256 of the stored text: an article's identity in the store."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Article(BaseModel):
    """One news article, its stored text, and what is known about where it came from.

    ``text`` is the text every offset in the analysis refers to. For JSON/JSONL/CSV
    input it is exactly the caller's text; for files it is the extracted body, and
    ``source_offset`` says where it starts in the decoded source file when the body
    is a contiguous slice of it.
    """

    id: str
    title: str | None = None
    outlet: str | None = None
    outlet_source: str | None = Field(
        default=None,
        description="where `outlet` came from: metadata, table (the user's outlet table), url (the domain), "
        "text (the article names its own newsroom: 'a request for comment from X') or null",
    )
    leaning: str | None = None
    published: str | None = Field(default=None, description="ISO date (YYYY-MM-DD) or null")
    published_source: str | None = Field(
        default=None, description="where `published` came from: metadata, text or null"
    )
    published_inferred: str | None = Field(
        default=None,
        description="for an article without `published`: the publication date inferred from its text and the "
        "other articles, as an ISO date, an interval START/END, or an open interval START/..; never more "
        "precise than the evidence",
    )
    url: str | None = None
    source_path: str | None = None
    source_offset: int | None = None
    dateline: str | None = None
    text: str
    content_hash: str = ""
    duplicate_of: str | None = Field(
        default=None, description="id of the article this one is a near-duplicate of"
    )

    def model_post_init(self, __context: object) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)

    @property
    def label(self) -> str:
        """A short human name: the outlet, else the source file's name, else the id."""
        if self.outlet:
            return self.outlet
        if self.source_path:
            return PurePath(self.source_path).stem
        return self.id


class Story(BaseModel):
    """Articles that tell one story (one line of ``analyze --stories`` input)."""

    id: str
    title: str | None = None
    articles: list[Article]
