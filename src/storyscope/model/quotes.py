"""Attribution records: who said what, per article and across outlets.

A role of an attribution (its source, cue or content) may be discontinuous, as in
``"We are ready," she said, "and we are not afraid."``. It is a :class:`SpanText`:
``spans`` is a list of ``[start, end)`` character offsets into the article's stored
text, in text order and not overlapping, and ``text`` is the slices joined by one
space: ``text == " ".join(article.text[s:e] for s, e in spans)`` (brat's convention
for discontinuous spans, which PolNeAR uses too).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class SpanText(BaseModel):
    """A possibly discontinuous span of one article: its slices and their joined text."""

    model_config = ConfigDict(frozen=True)

    text: str
    spans: list[tuple[int, int]] = Field(description="[start, end) character offsets, in text order")


class Quote(BaseModel):
    """One attribution relation in one article: ``source`` said ``content`` (``cue``).

    ``direct`` is true when every fragment of ``content`` is quoted text. ``speaker``
    is who the source refers to: the source itself, a fuller name the article gives
    the same person ("Okafor" -> "Renata Okafor"), or for a pronoun source the
    nearest compatible named person before it (the surface pronoun stays in
    ``source``). ``speaker_entity_id`` links that person to the story's entities.
    """

    id: str
    article_id: str
    source: SpanText | None
    cue: SpanText
    content: SpanText
    direct: bool
    speaker: str | None = None
    speaker_entity_id: str | None = None


class WordingChange(BaseModel):
    """One word-level difference between an outlet's wording and the entry's reference wording."""

    op: str = Field(description="replace, insert or delete")
    reference: str
    variant: str


class WordingFragment(BaseModel):
    """Where an outlet's shorter wording sits in the reference wording: a fragment of the longer quote."""

    matched: str = Field(description="the reference's words that this wording carries (normalised)")
    omitted_before: str = Field(description="reference words before the fragment that this outlet left out")
    omitted_after: str = Field(description="reference words after the fragment that this outlet left out")


class Wording(BaseModel):
    """How one article words a ledger entry's statement.

    When the wording is a fragment of the reference (much shorter, and matching part of it),
    ``fragment`` says which part, and ``changes`` compare the wording with that part only.
    """

    quote_id: str
    article_id: str
    text: str
    similarity: float = Field(
        description="rapidfuzz similarity to the reference wording (to its matched part for a fragment), 0-100"
    )
    changes: list[WordingChange]
    fragment: WordingFragment | None = None


class OtherSpeaker(BaseModel):
    """The same words attributed to someone else by other articles."""

    speaker: str | None
    speaker_entity_id: str | None
    article_ids: list[str]


class LedgerEntry(BaseModel):
    """One statement of one speaker across the story, with every article that carries it.

    ``content`` is the reference wording (the longest); ``wordings`` gives each
    article's wording and its differences from it; ``also_attributed_to`` lists other
    speakers to whom other articles attribute the same words.
    """

    id: str
    speaker: str | None
    speaker_entity_id: str | None
    content: str
    direct: bool
    article_ids: list[str]
    quote_ids: list[str]
    wordings: list[Wording]
    also_attributed_to: list[OtherSpeaker]
