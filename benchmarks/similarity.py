"""Sentence similarity for claim alignment, measured on hand-annotated sentence pairs.

``benchmarks/data/harbor_sentence_pairs.jsonl``: 185 cross-article sentence pairs from the
fictional harbor story (examples/harbor-story), each labelled by hand ``same_claim`` (the two
sentences state a shared fact or statement, numbers may differ) or not. Candidates were drawn
from the top TF-IDF pairs, the top rapidfuzz token-set pairs, mid-range TF-IDF pairs and
random pairs, then shuffled and labelled.

For each similarity: ROC AUC and average precision of the raw score; the F1 of the
threshold chosen by 5-fold cross-validation (choose on 4/5, score the held-out 1/5); the
F1 of the alignment the claims section builds with the method's configured threshold (a
pair is predicted same-claim when both sentences land in one claim); and sentences/second.

    PYTHONPATH=src python benchmarks/similarity.py [--methods tfidf static minilm tfidf+static]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

import storyscope
from storyscope.analysis.claims import group_sentences, sentence_units
from storyscope.analysis.registry import StoryContext
from storyscope.analysis.similarity import SIMILARITIES
from storyscope.model import StoryAnalysis
from storyscope.nlp import load_pipeline
from storyscope.pipeline import parse_articles

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "benchmarks" / "data" / "harbor_sentence_pairs.jsonl"
EXAMPLES = ROOT / "examples" / "harbor-story"
NEEDS = {"static": "model2vec", "minilm": "sentence_transformers", "tfidf+static": "model2vec"}


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The score threshold with the best F1 on these pairs."""
    candidates = np.unique(scores)
    return float(max(candidates, key=lambda t: (f1_score(labels, scores >= t, zero_division=0), -t)))


def cross_validated_f1(scores: np.ndarray, labels: np.ndarray, folds: int = 5) -> float:
    """F1 over all pairs, each predicted with a threshold chosen on the other folds."""
    predicted = np.zeros_like(labels)
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(scores, labels):
        predicted[test] = scores[test] >= best_threshold(scores[train], labels[train])
    return float(f1_score(labels, predicted))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--methods", nargs="+", default=list(SIMILARITIES), choices=list(SIMILARITIES))
    args = parser.parse_args(argv)
    articles = [a for a in storyscope.load(EXAMPLES) if a.duplicate_of is None]
    file_of = {a.id: Path(a.source_path or a.id).name for a in articles}
    docs = parse_articles(articles, load_pipeline())
    context = StoryContext(analysis=StoryAnalysis(id="gold", model="gold", articles=articles), docs=docs)
    units = sentence_units(context)
    index = {(file_of[u.article_id], u.start, u.end): k for k, u in enumerate(units)}
    annotated = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    keys = [((p["a_file"], p["a_start"], p["a_end"]), (p["b_file"], p["b_start"], p["b_end"])) for p in annotated]
    # A sentence the claims section no longer treats as a claim (a photo caption is page furniture) drops its pairs.
    pairs = [p for p, (a, b) in zip(annotated, keys, strict=True) if a in index and b in index]
    ij = np.array([(index[a], index[b]) for a, b in keys if a in index and b in index])
    labels = np.array([p["same_claim"] for p in pairs], dtype=int)
    print(f"{len(pairs)} annotated pairs ({labels.sum()} same-claim; {len(annotated) - len(pairs)} left out: a sentence "
          f"is page furniture, not a claim), {len(units)} sentences in the story")
    print()
    print("| similarity | ROC AUC | avg. precision | F1 (5-fold CV threshold) | alignment F1 (threshold) "
          "| sentences/s |")
    print("|---|---|---|---|---|---|")
    for method in args.methods:
        if method in NEEDS and importlib.util.find_spec(NEEDS[method]) is None:
            print(f"| {method} | not installed ({NEEDS[method]}) | | | | |")
            continue
        similar, threshold = SIMILARITIES[method]
        spans = [u.span for u in units]
        similar(spans[:2])  # load the model outside the timing
        started = time.perf_counter()
        matrix = similar(spans)
        rate = len(spans) / (time.perf_counter() - started)
        scores = matrix[ij[:, 0], ij[:, 1]]
        groups = group_sentences([u.article_id for u in units], matrix, threshold)
        group_of = {k: g for g, members in enumerate(groups) for k in members}
        aligned = np.array([group_of[i] == group_of[j] for i, j in ij], dtype=int)
        print(f"| {method} | {roc_auc_score(labels, scores):.3f} | {average_precision_score(labels, scores):.3f} "
              f"| {cross_validated_f1(scores, labels):.3f} | {f1_score(labels, aligned):.3f} ({threshold}) "
              f"| {rate:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
