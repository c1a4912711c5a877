"""Named-entity records."""

from __future__ import annotations

from pydantic import BaseModel

from storyscope.model.spans import Mention


class EntityMention(Mention):
    """One NER mention, with the label the pipeline gave this mention."""

    label: str


class Entity(BaseModel):
    """A person, organisation, place, … as it appears across the story's articles.

    ``id`` is stable within one story analysis; ``canonical`` is the display name;
    ``type`` is the majority NER label over ``mentions``.
    """

    id: str
    canonical: str
    type: str
    mentions: list[EntityMention]
    article_ids: list[str]
