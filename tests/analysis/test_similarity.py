"""Sentence similarity backends and the hand-annotated gold pairs they are measured on."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

import storyscope
from storyscope.analysis.similarity import (
    SIMILARITY_ENV,
    cosine_matrix,
    default_similarity,
    sentence_features,
    static_similarity,
    tfidf_similarity,
    tfidf_static_similarity,
)
from tests.conftest import EXAMPLES, ROOT

SENTENCES = [
    "The Millbrook council voted 6-1 to close the Eastside ferry terminal.",
    "Millbrook's council closed the Eastside ferry after a 6-1 vote.",
    "Dock worker Lena Ortiz said residents were never consulted about parks.",
]


def spans(nlp):
    return [next(iter(nlp(text).sents)) for text in SENTENCES]


def test_features_normalise_numbers_and_add_entities(nlp):
    features = sentence_features(next(iter(nlp("Agents planned 1,400 arrests, Martin Greeley said.").sents)))
    assert "#1400" in features and "@martin greeley" in features and "arrest" in features


def test_each_similarity_ranks_the_paraphrase_first(nlp):
    for similar in (tfidf_similarity, static_similarity, tfidf_static_similarity):
        matrix = similar(spans(nlp))
        assert matrix.shape == (3, 3)
        assert matrix[0, 1] > matrix[0, 2] and matrix[0, 1] > matrix[1, 2], similar.__name__


def test_cosine_matrix_handles_zero_vectors():
    matrix = cosine_matrix(np.array([[1.0, 0.0], [0.0, 0.0], [2.0, 0.0]]))
    assert matrix[0, 2] == 1.0 and matrix[1, 1] == 0.0


def test_default_similarity_from_environment(monkeypatch):
    monkeypatch.setenv(SIMILARITY_ENV, "tfidf")
    assert default_similarity() == "tfidf"
    monkeypatch.setenv(SIMILARITY_ENV, "no-such-method")
    assert default_similarity() == "tfidf+static"


def test_gold_pairs_point_into_the_example_story():
    pairs = [json.loads(line) for line in (ROOT / "benchmarks" / "data" / "harbor_sentence_pairs.jsonl").open()]
    assert len(pairs) >= 150
    labels = [p["same_claim"] for p in pairs]
    assert 40 <= sum(labels) <= len(pairs) - 40  # both kinds, in numbers
    texts = {Path(a.source_path).name: a.text for a in storyscope.load(EXAMPLES)}
    for pair in pairs:
        for side in ("a", "b"):
            assert texts[pair[f"{side}_file"]][pair[f"{side}_start"] : pair[f"{side}_end"]] == pair[f"{side}_text"]
        assert pair["a_file"] != pair["b_file"]
