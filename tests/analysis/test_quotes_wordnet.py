"""WordNet verb senses (the shipped table) and the cue detector's features drawn from them."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from storyscope.analysis.quotes.attribution import find_attributions, learned_cue_candidates
from storyscope.analysis.quotes.cue_model import FEATURES, WORDNET_FEATURES, load_cue_model, wordnet_features
from storyscope.analysis.quotes.lexicon import OBJECT_VERBS, REPORTING_VERBS
from storyscope.analysis.quotes.wordnet import TABLE_PATH, verb_lemma, verb_senses

ROOT = Path(__file__).resolve().parents[2]


def test_the_table_and_its_licence_are_package_data():
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["storyscope"]
    for path in (TABLE_PATH, TABLE_PATH.with_name("wordnet_LICENSE")):
        assert path.is_file()
        assert f"analysis/quotes/{path.name}" in package_data
    assert "Princeton University" in TABLE_PATH.with_name("wordnet_LICENSE").read_text(encoding="utf-8")


def test_a_verb_of_saying_has_communication_senses_with_clause_frames():
    senses = verb_senses("say")
    assert senses is not None
    assert senses.supersenses[0] == "communication"
    assert senses.clause[0]
    assert senses.share("communication") > 0.5
    assert 0 < senses.clause_share() < 1


def test_phrasal_verbs_and_unknown_words():
    seize_on = verb_senses("seize_on")
    assert seize_on is not None and seize_on.supersenses == ("cognition",)
    assert verb_senses("ferryboatify") is None


def test_a_sense_is_related_to_the_word_lists_through_its_hypernyms():
    senses = verb_senses("chastise")
    assert senses is not None
    assert "chastise" not in OBJECT_VERBS
    assert senses.related_share(OBJECT_VERBS) == 1.0  # a kind of "criticize"
    repair = verb_senses("repair")
    assert repair is not None and repair.related_share(REPORTING_VERBS | OBJECT_VERBS) == 0.0


@pytest.mark.parametrize(
    ("lemma", "word", "expected"),
    [("say", "said", "say"), ("poohe", "pooh-poohed", "pooh-pooh"), ("pit", "pitted", "pit"), ("x", "xyzzy", None)],
)
def test_a_mislemmatised_form_is_looked_up_by_wordnets_detachment_rules(lemma, word, expected):
    assert verb_lemma(lemma, word) == expected


def test_features_of_a_phrasal_verb_come_from_its_phrasal_entry(nlp):
    doc = nlp("The ferry union seized on the delay.")
    features = wordnet_features(doc[3])
    assert features["wn_phrasal"] == 1.0
    assert features["wn_share_cognition"] == 1.0
    assert set(features) <= set(WORDNET_FEATURES)


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("Councillor Ida Brenn extolled the new ferry schedule.", "Councillor Ida Brenn", "extolled",
         "the new ferry schedule"),
        ("Ira Voss disparaged the fare plan.", "Ira Voss", "disparaged", "the fare plan"),
    ],
)
def test_a_rare_verb_of_judging_is_a_cue_through_its_wordnet_senses(nlp, text, source, cue, content):
    doc = nlp(text)
    model = load_cue_model()
    without = replace(model, coefficients=tuple(0.0 if name in WORDNET_FEATURES else weight
                                                for name, weight in zip(FEATURES, model.coefficients, strict=True)))
    [(_, vector)] = learned_cue_candidates(doc)
    assert model.accepts(vector) and not without.accepts(vector)
    [attribution] = find_attributions(doc)
    assert [text[s:e] for s, e in attribution.source or ()] == [source]
    assert [text[s:e] for s, e in attribution.cue] == [cue]
    assert [text[s:e] for s, e in attribution.content] == [content]
