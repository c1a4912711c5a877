"""Framing records: the terms each outlet uses distinctively, its tone, whom it quotes."""

from __future__ import annotations

from pydantic import BaseModel, Field

from storyscope.model.spans import Mention


class DistinctiveTerm(BaseModel):
    """A word or phrase an outlet uses more than the other outlets of the story.

    ``log_odds_z`` is the z-score of the log-odds ratio with an informative Dirichlet prior
    (Monroe, Colaresi & Quinn 2008) over the outlet's own voice; ``count`` is its use in the
    outlet's own voice, ``quoted_count`` inside the direct quotes it prints, ``others_count``
    in the own voice of the other outlets. ``mentions`` are the own-voice occurrences.
    """

    term: str
    log_odds_z: float
    count: int
    quoted_count: int
    others_count: int
    mentions: list[Mention]


class Tone(BaseModel):
    """Mean VADER compound score of the outlet's own voice and of the voices it quotes."""

    own_voice: float | None = Field(description="mean compound over own-voice sentence parts")
    quoted_voice: float | None = Field(description="mean compound over direct quotes")
    own_segments: int
    quoted_segments: int
    own_loaded_share: float = Field(description="share of own-voice words that are high-intensity lexicon terms")
    lexicon: str


class QuotedSpeaker(BaseModel):
    """A speaker an outlet quotes, with how many quotes it gives them."""

    name: str
    quotes: int
    direct: int


class OutletFraming(BaseModel):
    """How one article (one outlet) frames the story."""

    article_id: str
    outlet: str | None = None
    leaning: str | None = None
    distinctive_terms: list[DistinctiveTerm]
    tone: Tone
    quoted_speakers: list[QuotedSpeaker]
    prior_articles: int = Field(
        description="Articles behind the log-odds prior: the corpus framed so far with the store, else the story."
    )
