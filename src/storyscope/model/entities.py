"""Named-entity records: mentions, the titles outlets give, and entities across the story."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from storyscope.model.spans import Mention

#: How a mention was found: the parser's NER, or one of the fixes applied on top of it.
MentionSource = Literal["ner", "acronym", "title-context", "story-form", "coordination", "given-name", "platform"]

#: Why a surface form joined an entity (see :mod:`storyscope.analysis.entities`).
MergeRule = Literal["same-name", "surname", "acronym", "misspelling", "name-variant", "short-form"]


class Title(Mention):
    """A title or role one article gives an entity ("Port Calder Mayor", "the agency's acting director").

    ``role`` is the normalised role the conflict check compares: rank words
    (acting, deputy, former, …) and the role noun, lower-case, abbreviations expanded.
    """

    role: str
    pattern: Literal["pre-name", "apposition"]


class EntityMention(Mention):
    """One mention of a named entity.

    ``label`` is the type this mention was given (the NER label, or the label the
    fix that found it assigned); ``titles`` are the titles attached to this mention.
    """

    label: str
    source: MentionSource = "ner"
    titles: list[Title] = Field(default_factory=list)


class EntityAlias(BaseModel):
    """A distinct surface form of an entity and the rule that put it there."""

    text: str
    rule: MergeRule
    score: float | None = Field(default=None, description="similarity (0-100) for fuzzy merges")
    count: int


class Entity(BaseModel):
    """A person, organisation, place, … as it appears across the story's articles.

    ``id`` is stable within one story analysis (entities are numbered in salience
    order); ``canonical`` is the display name (the most frequent full form);
    ``type`` is the majority type over ``mentions``.
    """

    id: str
    canonical: str
    type: str
    mentions: list[EntityMention]
    article_ids: list[str]
    aliases: list[EntityAlias] = Field(default_factory=list)
    titles: list[Title] = Field(default_factory=list)
    title_conflict: bool = False
    conflicting_titles: list[Title] = Field(
        default_factory=list,
        description="titles whose roles disagree across articles (same office, different rank; or different offices)",
    )
    salience: float = Field(
        default=0.0, description="0.5 × share of analysed articles naming it + 0.5 × mentions / most mentions"
    )
