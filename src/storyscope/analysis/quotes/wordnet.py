"""WordNet senses of a verb (supersenses, sentence frames, synonyms and hypernyms), from a table in the package.

Attribution corpora mark as a cue any verb used to report what someone said, thinks or intends; whether a
verb outside the word lists can do that is told by what kinds of senses it has. WordNet files every sense
under a lexicographer file, its supersense (``verb.communication``: "chastise", "pooh-pooh";
``verb.cognition``: "seize on"; ``verb.emotion``; ``verb.social`` …), gives verbs generic sentence frames
("Somebody ----s that CLAUSE") and places each sense under hypernyms ("chastise" is a kind of "criticize").
The shares of a verb's senses in each supersense, with a clause frame or related to a word-list verb are
general signals that carry over to rare verbs the learned cue detector has never seen
(:mod:`storyscope.analysis.quotes.cue_model`).

The table (``wordnet_verbs.tsv.gz``) is derived at build time by ``scripts/build_wordnet_senses.py`` from
WordNet 3.0 (Copyright 2006 by Princeton University; its licence, which permits redistribution with its
notice, is ``wordnet_LICENSE`` beside the table). Nothing but the shipped file is read at run time.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("wordnet_verbs.tsv.gz")
#: WordNet's detachment rules for verbs (its "morphy"): a form the tagger's lemmatiser gets wrong is looked up
#: with these endings undone ("pooh-poohed" -> "pooh-pooh", which the small English model lemmatises "poohe").
_DETACHMENTS = (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""))


@dataclass(frozen=True)
class VerbSenses:
    """A verb's senses in WordNet's frequency order: per sense its supersense, whether one of its frames takes a
    clause / an infinitive, and its relatives (the other words of its synset and of its hypernyms two steps up)."""

    supersenses: tuple[str, ...]
    clause: tuple[bool, ...]
    infinitive: tuple[bool, ...]
    relatives: tuple[frozenset[str], ...]

    def share(self, supersense: str) -> float:
        """The share of the senses filed under ``supersense`` ("communication", "cognition", …)."""
        return sum(s == supersense for s in self.supersenses) / len(self.supersenses)

    def clause_share(self) -> float:
        """The share of the senses with a clause frame ("Somebody ----s that CLAUSE")."""
        return sum(self.clause) / len(self.clause)

    def infinitive_share(self) -> float:
        """The share of the senses with an infinitive frame ("Somebody ----s to INFINITIVE")."""
        return sum(self.infinitive) / len(self.infinitive)

    def related_share(self, words: frozenset[str]) -> float:
        """The share of the senses with a synonym or hypernym among ``words``."""
        return sum(bool(r & words) for r in self.relatives) / len(self.relatives)


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    """Verb -> its raw senses and relatives fields (parsed on demand: most verbs are never asked for)."""
    with gzip.open(TABLE_PATH, "rt", encoding="utf-8") as lines:
        return {lemma: (senses, related) for lemma, senses, related in (line.rstrip("\n").split("\t") for line in lines)}


@lru_cache(maxsize=8192)
def verb_senses(lemma: str) -> VerbSenses | None:
    """The senses of ``lemma`` (lowercase; a phrasal verb joined by "_": "seize_on"), None if WordNet has no
    such verb."""
    fields = _table().get(lemma)
    if fields is None:
        return None
    senses = fields[0].split()
    return VerbSenses(
        tuple(s.split("+")[0] for s in senses),
        tuple("+c" in s for s in senses),
        tuple("+i" in s for s in senses),
        tuple(frozenset(r.split(",")) - {""} for r in fields[1].split("|")),
    )


def verb_lemma(lemma: str, word: str) -> str | None:
    """WordNet's verb for a token with spaCy lemma ``lemma`` and lowercase form ``word``: the lemma if WordNet has
    it, else the form with a detachment rule undone (or also a doubled final consonant: "pitted" -> "pit");
    None if neither is a WordNet verb."""
    table = _table()
    if lemma in table:
        return lemma
    for ending, replacement in _DETACHMENTS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            for base in (stem + replacement, stem[:-1]):
                if base and base in table:
                    return base
    return None
