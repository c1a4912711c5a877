"""A learned detector for cue verbs outside the word lists: logistic regression over a verb's shape.

The rules of :mod:`attribution` find cues through word lists written from VerbNet and FrameNet
classes; what they miss on PolNeAR is a long tail of verbs that each occur once or twice
("seized on", "hammered", "floated"). Attribution corpora mark a cue by what it does in its
clause, so this detector judges a verb by features that carry over to words it has never seen:

* its lemma's static embedding (the 64-d model2vec model of ``tokenlearn-static-model``, as in
  :mod:`storyscope.analysis.similarity`) and its nearest cosine to each word-list class (a verb
  near "criticize" or "say" is likely a cue of the same kind);
* its dependency shape: a complement clause (and a "that" one), an infinitive, an object and
  what it is, a prepositional phrase, a passive agent, negation, modals, the verb's own relation
  and tense;
* its subject: a person, an organisation, a pronoun, a common noun, none;
* quotation marks in its sentence and right beside it;
* its WordNet senses (:mod:`storyscope.analysis.quotes.wordnet`, a table derived from WordNet 3.0 at build
  time): the share of them in each supersense (communication, cognition, emotion, social …) and whether
  the first one is, the share with a clause or infinitive frame, and the share whose synonyms or hypernyms
  are word-list verbs ("chastise" is a kind of "criticize"); of the phrasal verb when WordNet has it ("seize on").

The weights are fitted by ``benchmarks/fit_cue_model.py`` (cross-validated over articles) and
shipped as plain JSON (``cue_model.json``: feature names, coefficients, intercept, threshold), read
without pickle. A verb the model accepts is worked out by the same span construction as a listed
verb of saying and of stance (see :func:`storyscope.analysis.quotes.attribution.find_attributions`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from storyscope.analysis.quotes.lexicon import (
    INTENT_VERBS,
    JUDGMENT_NOUNS,
    NOUN_CUES,
    OBJECT_VERBS,
    REPORTING_VERBS,
    SOURCE_TEXT_NOUNS,
)
from storyscope.analysis.quotes.marks import QUOTE_CHARS
from storyscope.analysis.quotes.wordnet import verb_lemma, verb_senses
from storyscope.analysis.similarity import static_model

MODEL_PATH = Path(__file__).with_name("cue_model.json")
#: Word-list classes whose nearest member's cosine to the candidate's lemma is a feature.
LEXICON_CLASSES: dict[str, frozenset[str]] = {
    "reporting": REPORTING_VERBS,
    "object": OBJECT_VERBS,
    "intent": INTENT_VERBS,
    "noun": NOUN_CUES,
}
#: Nouns of saying, judging and texts: an object near one of them ("sent a letter", "took offense",
#: "unleashed a series of tweets") makes a light or figurative verb a cue.
CUE_NOUNS = NOUN_CUES | SOURCE_TEXT_NOUNS | JUDGMENT_NOUNS
_DEPS = ("ROOT", "ccomp", "conj", "advcl", "xcomp", "relcl", "acl", "pcomp", "parataxis")
_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
_MODALS = frozenset("would could will may might should can must".split())
_PERSON_PRONOUNS = frozenset("he she i we you they".split())
_TOPIC_PREPOSITIONS = frozenset("about against for on over of to with at".split())
#: How many tokens either side of a verb count as "beside" a quotation mark.
_MARK_WINDOW = 3

#: What the span construction found for the candidate (given by the caller): a source, a named speaker, the
#: content's length (log of characters), a quoted content.
CONSTRUCTION_FEATURES = ("has_source", "named_speaker", "content_log_chars", "direct")
#: WordNet verb supersenses whose share among the verb's senses (and whether its first sense is one) are features.
VERB_SUPERSENSES = ("communication", "cognition", "emotion", "social", "perception", "possession", "competition")
#: Word-list classes a verb's WordNet senses may be related to (synonym or hypernym: "chastise" -> "criticize").
RELATED_CLASSES = ("reporting", "object", "intent")
#: The verb's WordNet senses (:mod:`storyscope.analysis.quotes.wordnet`): known at all, a phrasal entry
#: ("seize_on"), the share of its senses in each supersense, its first (most frequent) sense's supersense, the
#: share of its senses with a clause / infinitive frame, the share related to each word-list class.
WORDNET_FEATURES: tuple[str, ...] = (
    "wn_known", "wn_phrasal",
    *(f"wn_share_{s}" for s in VERB_SUPERSENSES),
    *(f"wn_first_{s}" for s in VERB_SUPERSENSES),
    "wn_clause_share", "wn_first_clause", "wn_infinitive_share",
    *(f"wn_related_{name}" for name in RELATED_CLASSES),
)
SHAPE_FEATURES: tuple[str, ...] = (
    *(f"dep={d}" for d in _DEPS),
    *(f"tag={t}" for t in _TAGS),
    "ccomp", "ccomp_that", "xcomp", "dobj", "dobj_pronoun", "dobj_entity", "dobj_clause_head",
    "prep_topic", "prep_other", "agent", "passive", "neg", "modal", "particle",
    "subj_person", "subj_org", "subj_pronoun", "subj_noun", "subj_it", "no_subject",
    "subj_speaker", "quote_in_sentence", "quote_beside", "sentence_start",
    "object_sim_noun", "prep_object_sim_noun", *CONSTRUCTION_FEATURES,
    *(f"sim_{name}" for name in LEXICON_CLASSES),
    *WORDNET_FEATURES,
)
DIMENSIONS = 64
FEATURES: tuple[str, ...] = (
    SHAPE_FEATURES + tuple(f"emb_{k}" for k in range(DIMENSIONS)) + tuple(f"object_emb_{k}" for k in range(DIMENSIONS))
)


@lru_cache(maxsize=1)
def _class_vectors() -> dict[str, np.ndarray]:
    """Unit embeddings (rows) of each word-list class, and of the cue nouns, for nearest-member cosines."""
    classes = {**LEXICON_CLASSES, "cue_nouns": CUE_NOUNS}
    return {name: np.asarray(static_model().encode(sorted(words)), dtype=np.float32) for name, words in classes.items()}


@lru_cache(maxsize=8192)
def _unit(lemma: str) -> tuple[float, ...]:
    """The lemma's unit-length static embedding (cached: a text repeats its words)."""
    vector = np.asarray(static_model().encode([lemma])[0], dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return tuple(float(x) for x in (vector / norm if norm > 0 else vector))


def _nearest(lemma: str, name: str) -> float:
    """Cosine of ``lemma`` to the nearest member of class ``name``."""
    return float(np.max(_class_vectors()[name] @ np.asarray(_unit(lemma), dtype=np.float32)))


def _subject_kind(verb: Token, speakers: Set[str]) -> list[str]:
    """What the verb's subject is (a person, an organisation, a pronoun, "it", a noun, or none) and whether
    it names someone the article attributes words to elsewhere (``speakers``: words of those sources)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return ["no_subject"]
    head = subjects[0]
    kinds = []
    if any(t.text in speakers for t in head.subtree):
        kinds.append("subj_speaker")
    if head.lower_ == "it":
        kinds.append("subj_it")
    elif head.lower_ in _PERSON_PRONOUNS and head.pos_ == "PRON":
        kinds.append("subj_pronoun")
    elif head.ent_type_ == "PERSON":
        kinds.append("subj_person")
    elif head.ent_type_ in ("ORG", "GPE", "NORP"):
        kinds.append("subj_org")
    else:
        kinds.append("subj_noun")
    return kinds


def shape_features(verb: Token, inside: Sequence[bool], sentence: tuple[int, int], speakers: Set[str]) -> dict[str, float]:
    """The verb's dependency shape, subject and quotation context (``inside[i]``: token i is quoted;
    ``sentence``: its token range)."""
    doc = verb.doc
    children = list(verb.children)
    deps = {c.dep_ for c in children}
    objects = [c for c in children if c.dep_ == "dobj"]
    preps = [c for c in children if c.dep_ == "prep" and c.i > verb.i]
    prep_objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    features = {f"dep={verb.dep_}": 1.0, f"tag={verb.tag_}": 1.0}
    features.update((kind, 1.0) for kind in _subject_kind(verb, speakers))
    features["ccomp"] = float("ccomp" in deps)
    features["ccomp_that"] = float(any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that"
                                                                  for g in c.children) for c in children))
    features["xcomp"] = float("xcomp" in deps)
    features["dobj"] = float(bool(objects))
    features["dobj_pronoun"] = float(any(o.pos_ == "PRON" for o in objects))
    features["dobj_entity"] = float(any(o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for o in objects))
    features["dobj_clause_head"] = float(any(g.dep_ in ("acl", "relcl", "ccomp") for o in objects for g in o.children))
    features["prep_topic"] = float(any(p.lower_ in _TOPIC_PREPOSITIONS for p in preps))
    features["prep_other"] = float(any(p.lower_ not in _TOPIC_PREPOSITIONS for p in preps))
    features["agent"] = float("agent" in deps)
    features["passive"] = float(bool(deps & {"nsubjpass", "auxpass"}))
    features["neg"] = float("neg" in deps)
    features["modal"] = float(any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children))
    features["particle"] = float("prt" in deps)
    features["quote_in_sentence"] = float(any(inside[sentence[0] : sentence[1]]))
    lo, hi = max(0, verb.i - _MARK_WINDOW), min(len(doc), verb.i + _MARK_WINDOW + 1)
    features["quote_beside"] = float(any(doc[k].is_quote or doc[k].text in QUOTE_CHARS for k in range(lo, hi)))
    features["sentence_start"] = float(verb.i - sentence[0] <= 1)
    features["object_sim_noun"] = max((_nearest(o.lemma_.lower(), "cue_nouns") for o in objects), default=0.0)
    features["prep_object_sim_noun"] = max((_nearest(o.lemma_.lower(), "cue_nouns") for o in prep_objects), default=0.0)
    for name in LEXICON_CLASSES:
        features[f"sim_{name}"] = _nearest(verb.lemma_.lower(), name)
    features.update(wordnet_features(verb))
    return features


def wordnet_features(verb: Token) -> dict[str, float]:
    """The verb's WordNet sense profile (see :data:`WORDNET_FEATURES`), of its phrasal entry when WordNet has one
    for the verb and its particle or the preposition right after it ("seized on", "weighed in")."""
    lemma = verb_lemma(verb.lemma_.lower(), verb.lower_)
    if lemma is None:
        return {}
    particles = [c for c in verb.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == verb.i + 1)]
    phrasal = verb_senses(f"{lemma}_{particles[0].lower_}") if particles else None
    senses = phrasal or verb_senses(lemma)
    if senses is None:
        return {}
    features = {"wn_known": 1.0, "wn_phrasal": float(phrasal is not None)}
    for supersense in VERB_SUPERSENSES:
        features[f"wn_share_{supersense}"] = senses.share(supersense)
        features[f"wn_first_{supersense}"] = float(senses.supersenses[0] == supersense)
    features["wn_clause_share"] = senses.clause_share()
    features["wn_first_clause"] = float(senses.clause[0])
    features["wn_infinitive_share"] = senses.infinitive_share()
    for name in RELATED_CLASSES:
        features[f"wn_related_{name}"] = senses.related_share(LEXICON_CLASSES[name])
    return features


def candidate_vector(
    verb: Token, inside: Sequence[bool], sentence: tuple[int, int], speakers: Set[str], built: Mapping[str, float]
) -> list[float]:
    """The verb's full feature vector, in the order of :data:`FEATURES`: its shape, what the span construction
    found (``built``: :data:`CONSTRUCTION_FEATURES`), its lemma's embedding and its first object's (zeros
    when it has none)."""
    shape = {**shape_features(verb, inside, sentence, speakers), **built}
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    object_vector = _unit(objects[0].lemma_.lower()) if objects else (0.0,) * DIMENSIONS
    return [shape.get(name, 0.0) for name in SHAPE_FEATURES] + list(_unit(verb.lemma_.lower())) + list(object_vector)


@dataclass(frozen=True)
class CueModel:
    """Logistic regression weights over :data:`FEATURES`, with the decision threshold."""

    features: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, vector: Sequence[float]) -> float:
        """P(cue) for one candidate's feature vector."""
        z = self.intercept + sum(w * x for w, x in zip(self.coefficients, vector, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def accepts(self, vector: Sequence[float]) -> bool:
        """Whether the candidate is a cue."""
        return self.probability(vector) >= self.threshold

    def to_json(self, fitted_on: str) -> str:
        """The plain-data form :func:`load_cue_model` reads, naming the data it was fitted on (so a benchmark on
        that data knows to cross-validate instead)."""
        return json.dumps({"fitted_on": fitted_on, "threshold": self.threshold, "intercept": round(self.intercept, 6),
                           "features": list(self.features), "coefficients": [round(c, 6) for c in self.coefficients]})


@lru_cache(maxsize=1)
def load_cue_model(path: Path = MODEL_PATH) -> CueModel:
    """The shipped model; its feature names must be this module's, else the file is stale."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path.name} was fitted on other features; rerun benchmarks/fit_cue_model.py")
    return CueModel(tuple(data["features"]), tuple(float(c) for c in data["coefficients"]),
                    float(data["intercept"]), float(data["threshold"]))
