"""Fit the learned cue detector on PolNeAR dev and measure it by cross-validation over articles.

Usage (from the repository root, with ``../shared`` beside it):

    python benchmarks/fit_cue_model.py [--data ../shared/data/benchmarks/polnear_dev.jsonl] [--folds 5] [--write]

Candidates are the verbs the rules leave alone (:func:`learned_cue_candidates`: outside quotations,
outside every attribution the rules found, lemma in no word list) for which the span construction
yields an attribution; a candidate is a positive when that attribution's cue overlaps a gold cue.
Logistic regression (scikit-learn), its regularisation chosen by an inner cross-validation on the
training articles only (log loss); a verb is accepted when it is more likely a cue than not (threshold
0.5). Each fold's articles are scored with the model fitted on the other folds, through the whole
extractor; the table compares that with the rules alone on the same parses, with a 95 % per-article
bootstrap interval of the difference. ``--write``
stores the model fitted on all of dev as ``src/storyscope/analysis/quotes/cue_model.json`` (plain data:
feature names, coefficients on the raw features, intercept, threshold).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np
from attribution import DEFAULT_DATA, ROLES, Tally, _chars, _strip, gold_items
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.preprocessing import StandardScaler
from spacy.tokens import Doc

from storyscope.analysis.quotes.attribution import find_attributions, learned_cue_candidates
from storyscope.analysis.quotes.cue_model import FEATURES, MODEL_PATH, CueModel
from storyscope.nlp import load_pipeline

#: Regularisation strengths the inner cross-validation chooses from.
C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1)
#: Accept a verb when it is more likely a cue than not.
THRESHOLD = 0.5
BOOTSTRAP = 2000


def candidate_data(records: list[dict], docs: list[Doc]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature matrix, labels (its cue overlaps a gold cue) and article index of every candidate verb."""
    rows, labels, articles = [], [], []
    for k, (record, doc) in enumerate(zip(records, docs, strict=True)):
        text = record["text"]
        gold = set().union(*(_chars(text, _strip(text, g.cue)) for g in gold_items(record)))
        for attribution, vector in learned_cue_candidates(doc):
            rows.append(vector)
            labels.append(int(bool(_chars(text, _strip(text, attribution.cue)) & gold)))
            articles.append(k)
    return np.asarray(rows, dtype=np.float64), np.asarray(labels), np.asarray(articles)


def fit(x: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int) -> tuple[CueModel, float]:
    """Logistic regression on standardised features, C chosen by grouped inner CV (log loss); the
    scaling is folded into the coefficients so the shipped model reads raw features."""
    scaler = StandardScaler().fit(x)
    z = scaler.transform(x)
    inner = GroupKFold(n_splits=min(folds, len(set(groups.tolist()))))
    best_c, best_loss = C_GRID[0], float("inf")
    for c in C_GRID:
        p = cross_val_predict(LogisticRegression(C=c, max_iter=5000), z, y, groups=groups, cv=inner,
                              method="predict_proba")[:, 1]
        p = np.clip(p, 1e-9, 1 - 1e-9)
        loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        if loss < best_loss:
            best_c, best_loss = c, loss
    model = LogisticRegression(C=best_c, max_iter=5000).fit(z, y)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    weights = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - np.sum(weights * scaler.mean_))
    return CueModel(FEATURES, tuple(float(w) for w in weights), intercept, THRESHOLD), best_c


def article_tallies(record: dict, doc: Doc, model: CueModel | None) -> dict[str, Tally]:
    """Per-role overlap tallies of one article (``model`` None: the rules alone)."""
    text = record["text"]
    predicted = find_attributions(doc, cue_model=model, learned=model is not None)
    gold = gold_items(record)
    tallies = {}
    for role in ROLES:
        tally = Tally()
        tally.add(text, [getattr(g, role) for g in gold], [getattr(p, role) or () for p in predicted])
        tallies[role] = tally
    return tallies


def f1(per_article: list[dict[str, Tally]], role: str, articles: list[int], exact: bool = False) -> float:
    """Micro F1 of ``role`` over the given articles (indices may repeat: bootstrap samples)."""
    total = Tally()
    for k in articles:
        t = per_article[k][role]
        total.gold += t.gold
        total.pred += t.pred
        total.exact += t.exact
        total.overlap += t.overlap
    return total.prf(total.exact if exact else total.overlap)[2]


def cross_validated_models(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, articles: int, folds: int = 5, seed: int = 0
) -> tuple[list[CueModel], list[float]]:
    """For each of the ``articles``, the model fitted on the other folds' candidates (folds drawn by a
    seeded shuffle of the articles), and the C each fold chose."""
    order = list(range(articles))
    random.Random(seed).shuffle(order)
    fold_of = {k: position % folds for position, k in enumerate(order)}
    models: dict[int, CueModel] = {}
    chosen = []
    for fold in range(folds):
        train = np.array([fold_of[int(g)] != fold for g in groups])
        model, c = fit(x[train], y[train], groups[train], folds)
        chosen.append(c)
        models.update((k, model) for k in range(articles) if fold_of[k] == fold)
    return [models[k] for k in range(articles)], chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write", action="store_true", help="store the model fitted on all articles in the package")
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"skipped: {args.data} not found")
    records = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    nlp = load_pipeline()
    docs = list(nlp.pipe(r["text"] for r in records))
    x, y, groups = candidate_data(records, docs)
    print(f"{args.data.name}: {len(records)} articles; {len(y)} candidate verbs, {int(y.sum())} overlap a gold cue; "
          f"{len(FEATURES)} features")
    models, chosen = cross_validated_models(x, y, groups, len(records), args.folds, args.seed)
    print(f"{args.folds}-fold CV over articles; C chosen by inner CV per fold: {chosen}; threshold {THRESHOLD}\n")
    rules = [article_tallies(r, d, None) for r, d in zip(records, docs, strict=True)]
    learned = [article_tallies(r, d, m) for r, d, m in zip(records, docs, models, strict=True)]

    everything = list(range(len(records)))
    rng = random.Random(args.seed)
    samples = [[rng.randrange(len(records)) for _ in everything] for _ in range(BOOTSTRAP)]
    print("| role | rules overlap F1 | rules + learned cues, CV overlap F1 | difference | 95 % bootstrap interval "
          "| rules exact F1 | CV exact F1 |")
    print("|---|---:|---:|---:|---|---:|---:|")
    sums = np.zeros(BOOTSTRAP)
    for role in (*ROLES, "sum"):
        roles = ROLES if role == "sum" else (role,)
        base = sum(f1(rules, r, everything) for r in roles)
        cv = sum(f1(learned, r, everything) for r in roles)
        diffs = np.array([sum(f1(learned, r, s) - f1(rules, r, s) for r in roles) for s in samples])
        if role == "sum":
            sums = diffs
        lo, hi = np.percentile(diffs, [2.5, 97.5])
        exact = (f"{sum(f1(rules, r, everything, True) for r in roles):.3f} | "
                 f"{sum(f1(learned, r, everything, True) for r in roles):.3f}")
        print(f"| {role} | {base:.3f} | {cv:.3f} | {cv - base:+.3f} | [{lo:+.3f}, {hi:+.3f}] | {exact} |")
    print(f"\nshare of bootstrap samples where the learned cues raise the sum of the three overlap F1: "
          f"{float(np.mean(sums > 0)):.2f}")
    if args.write:
        model, c = fit(x, y, groups, args.folds)
        MODEL_PATH.write_text(model.to_json(fitted_on=args.data.name) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH} (C={c}, fitted on all {len(records)} articles)")


if __name__ == "__main__":
    main()
