"""Loaded wording: the high-intensity terms of a sentiment/affect lexicon.

By default VADER's lexicon (Hutto & Gilbert 2014; mean human valence ratings on a
-4..4 scale): a word is loaded when its rating is at least :data:`VADER_LOADED` in
magnitude. When the user supplies the NRC Valence-Arousal-Dominance lexicon
(Mohammad 2018; not redistributable, so never bundled) through ``path`` or the
:data:`NRC_VAD_ENV` variable, a word is loaded when its arousal is at least
:data:`NRC_AROUSAL_LOADED` on the lexicon's 0..1 scale.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

#: Lemmas that attribute a statement to a source ("said", "according to", "tweeted").
REPORTING_LEMMAS = frozenset(
    {"say", "tell", "according", "state", "announce", "add", "claim", "argue", "accuse", "warn", "insist",
     "write", "tweet", "ask", "report", "call", "describe", "allege", "deny", "acknowledge", "note"}
)
#: Environment variable with the path of a user-supplied NRC-VAD lexicon file.
NRC_VAD_ENV = "STORYSCOPE_NRC_VAD"
#: |valence| on VADER's -4..4 scale from which a word counts as high-intensity.
VADER_LOADED = 2.5
#: Arousal on NRC-VAD's 0..1 scale from which a word counts as high-arousal.
NRC_AROUSAL_LOADED = 0.7


@dataclass(frozen=True)
class IntensityLexicon:
    """The set of loaded (high-intensity or high-arousal) lower-case words of one lexicon."""

    name: str
    loaded: frozenset[str]

    def is_loaded(self, word: str) -> bool:
        return word.lower() in self.loaded

    def loaded_share(self, words: Iterable[str]) -> float:
        """Share of ``words`` that are loaded (0.0 for no words)."""
        flags = [self.is_loaded(w) for w in words]
        return sum(flags) / len(flags) if flags else 0.0


@lru_cache(maxsize=1)
def vader_analyzer() -> SentimentIntensityAnalyzer:
    """One shared VADER analyzer (loading its lexicon takes a moment)."""
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def vader_lexicon() -> IntensityLexicon:
    lexicon = vader_analyzer().lexicon
    return IntensityLexicon("vader", frozenset(w for w, v in lexicon.items() if abs(v) >= VADER_LOADED))


@lru_cache(maxsize=4)
def nrc_vad_lexicon(path: str) -> IntensityLexicon:
    """Read an NRC-VAD file: ``word<TAB>valence<TAB>arousal<TAB>dominance`` lines.

    A header line is skipped; a lexicon on the -1..1 scale (NRC-VAD v2) is mapped to 0..1.
    """
    rows: list[tuple[str, float]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 3:
            continue
        try:
            rows.append((fields[0].strip().lower(), float(fields[2])))
        except ValueError:
            continue  # header
    signed = any(arousal < 0 for _, arousal in rows)
    loaded = frozenset(w for w, a in rows if ((a + 1) / 2 if signed else a) >= NRC_AROUSAL_LOADED)
    return IntensityLexicon("nrc-vad", loaded)


def loaded_lexicon(path: str | None = None) -> IntensityLexicon:
    """The NRC-VAD lexicon when a path is given (or set in the environment), else VADER's."""
    path = path or os.environ.get(NRC_VAD_ENV)
    return nrc_vad_lexicon(path) if path else vader_lexicon()
