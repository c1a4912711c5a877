"""The learned cue detector: verbs outside the word lists, judged by their shape and embedding."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from storyscope.analysis.quotes.attribution import find_attributions, learned_cue_candidates
from storyscope.analysis.quotes.cue_model import FEATURES, MODEL_PATH, load_cue_model
from storyscope.analysis.quotes.lexicon import (
    AS_VERBS,
    INTENT_VERBS,
    OBJECT_VERBS,
    PREP_VERBS,
    QUOTE_ONLY_VERBS,
    REPORTING_VERBS,
)

LISTED = REPORTING_VERBS | OBJECT_VERBS | INTENT_VERBS | AS_VERBS | QUOTE_ONLY_VERBS | frozenset(PREP_VERBS)


def _texts(text: str, fragments: tuple[tuple[int, int], ...] | None) -> list[str]:
    return [text[s:e] for s, e in fragments or ()]


@pytest.mark.parametrize(
    ("text", "lemma", "source", "cue", "content"),
    [
        ("Ira Voss unveiled a proposal to cap ferry fares.", "unveil", "Ira Voss", "unveiled",
         "a proposal to cap ferry fares"),
        ("The port board rolled out a proposal to cap ferry fares.", "roll", "The port board", "rolled out",
         "a proposal to cap ferry fares"),
    ],
)
def test_a_verb_in_no_word_list_is_a_cue_when_the_model_accepts_its_shape(nlp, text, lemma, source, cue, content):
    assert lemma not in LISTED
    doc = nlp(text)
    assert find_attributions(doc, learned=False) == []
    [attribution] = find_attributions(doc)
    assert _texts(text, attribution.source) == [source]
    assert _texts(text, attribution.cue) == [cue]
    assert _texts(text, attribution.content) == [content]
    assert not attribution.direct


def test_an_ordinary_verb_with_an_object_is_rejected_by_the_model(nlp):
    text = "The harbor crew repaired the ferry engine on Tuesday."
    doc = nlp(text)
    candidates = learned_cue_candidates(doc)
    # the span construction could work it out as a cue; the model is what says no
    assert [_texts(text, a.cue) for a, _ in candidates] == [["repaired"]]
    model = load_cue_model()
    assert not model.accepts(candidates[0][1])
    assert find_attributions(doc) == []


def test_a_verb_inside_reported_content_is_no_candidate(nlp):
    text = "Ira Voss said the port board drafted a proposal to cap ferry fares."
    doc = nlp(text)
    assert learned_cue_candidates(doc) == []
    assert [_texts(text, a.cue) for a in find_attributions(doc)] == [["said"]]


def test_quoted_words_hold_no_candidates(nlp):
    doc = nlp('"We drafted a proposal to cap ferry fares," Ira Voss said.')
    assert learned_cue_candidates(doc) == []


def test_model_is_small_plain_data_with_this_modules_features(tmp_path: Path):
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert MODEL_PATH.stat().st_size < 10_000
    assert tuple(data["features"]) == FEATURES
    assert len(data["coefficients"]) == len(FEATURES)
    assert 0 < data["threshold"] < 1
    stale = tmp_path / "cue_model.json"
    stale.write_text(json.dumps({**data, "features": data["features"][:-1]}), encoding="utf-8")
    with pytest.raises(ValueError, match="other features"):
        load_cue_model.__wrapped__(stale)


def test_a_model_that_accepts_nothing_gives_the_rules_alone(nlp):
    doc = nlp("Ira Voss unveiled a proposal to cap ferry fares. Mayor Ana Ruiz said the pier was unsafe.")
    strict = replace(load_cue_model(), threshold=1.1)
    assert find_attributions(doc, cue_model=strict) == find_attributions(doc, learned=False)
    assert len(find_attributions(doc)) == len(find_attributions(doc, learned=False)) + 1


def test_a_run_on_sentence_of_unlisted_verbs_gives_sensible_contents(nlp):
    # one 95k-character sentence: every verb would be a candidate whose content is the rest of the sentence;
    # its time is measured in benchmarks/attribution.py (bad-input table), never asserted here
    text = "Voss drafted a proposal to cap fares, " * 2500
    found = find_attributions(nlp(text))
    assert all(text[s:e].strip() for a in found for s, e in a.content)
