"""Analysis sections: one signature, registered by name, run in registration order.

A section may extract per-article items (``extract(article, doc)``, used by
``storyscope extract`` and reused at story level) and must build its story-level
result onto the :class:`StoryContext` (``build(context)``). Sections read the
results of sections registered before them from ``context.analysis``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from spacy.tokens import Doc

from storyscope.ingest.outlets import OutletTable
from storyscope.model import Article, StoryAnalysis

Extractor = Callable[[Article, Doc], Sequence[Any]]
Builder = Callable[["StoryContext"], None]


@dataclass(frozen=True)
class Section:
    name: str
    build: Builder
    extract: Extractor | None = None


SECTIONS: dict[str, Section] = {}


def register_section(name: str, extract: Extractor | None = None) -> Callable[[Builder], Builder]:
    """Register ``build`` as the story-level builder of section ``name``."""

    def decorator(build: Builder) -> Builder:
        SECTIONS[name] = Section(name=name, build=build, extract=extract)
        return build

    return decorator


class Background(NamedTuple):
    """Term counts of a background corpus: ``counts`` for the terms asked about, ``total``
    over every term, from ``articles`` articles."""

    counts: Counter[str]
    total: int
    articles: int


class TermCorpus(Protocol):
    """A corpus's own-voice term counts, the background of framing's prior.

    Articles are keyed by content hash, so adding one twice counts it once.
    """

    def add(self, counts: Mapping[str, Counter[str]]) -> None: ...

    def background(self, terms: Iterable[str]) -> Background: ...


@dataclass
class StoryContext:
    """What a section sees: the analysed articles, their parses and earlier results,
    (with a store) the corpus they belong to, and the summary length the user asked for
    (None: by input length)."""

    analysis: StoryAnalysis
    docs: dict[str, Doc]
    outlets: OutletTable | None = None
    corpus: TermCorpus | None = None
    summary_words: int | None = None
    _extracted: dict[str, dict[str, Sequence[Any]]] = field(default_factory=dict)

    @property
    def articles(self) -> list[Article]:
        """Articles to analyse: near-duplicates are left out."""
        return [a for a in self.analysis.articles if a.duplicate_of is None]

    def extracted(self, name: str) -> dict[str, Sequence[Any]]:
        """Per-article items of section ``name`` (computed once, keyed by article id)."""
        if name not in self._extracted:
            extract = SECTIONS[name].extract
            assert extract is not None, f"section {name} has no per-article extractor"
            self._extracted[name] = {a.id: extract(a, self.docs[a.id]) for a in self.articles}
        return self._extracted[name]
