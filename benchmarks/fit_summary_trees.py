"""Non-linear relevance scorers for the summary, cross-validated over NeuS dev roundups.

The summary's relevance is a weighted sum of per-sentence signals whose reward weights are
fitted by ridge regression (``fit_summary_weights.py``; R² 0.34). This script asks whether a
non-linear model of the same signals, and of ten more, ranks candidates better, through
the summary's own MMR, claims and output order:

- gradient-boosted regression trees (scikit-learn ``HistGradientBoostingRegressor``), target
  as in the linear fit (each candidate's ROUGE-1 precision against the reference, centred
  per roundup), signals centred per roundup, monotone (a reward can only raise relevance, a
  penalty only lower it), strongly regularised (depth 2, 100 iterations, learning rate 0.05,
  at least 100 sentences a leaf, L2 1);
- a within-roundup ranking objective, LightGBM's LambdaRank (labels: the candidate's
  precision quintile in its roundup), same constraints, when ``lightgbm`` is installed
  (``pip install '.[fit]'``; the runtime never needs it).

Each learned model stands in for the linear model's fitted part only (centrality,
consensus, headline, shared words, position): outlet coverage and the loaded-wording
penalties stay linear at their hand-set weights (product requirements), and the learned
scores are brought to the mean and spread the fitted linear part has on the training
roundups, so MMR's redundancy and balance terms and the stop rule keep their scale.

Same protocol as ``fit_summary_weights.py``: 5 folds over roundups (same split), each
roundup summarised by a model fitted on the other folds; the mean ROUGE-1 F, the loaded
share, the number of summaries shorter than the budget, and the paired difference
against the linear fit's cross-validated figure (bootstrap 95% interval, roundups better /
worse).

    OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/fit_summary_trees.py [--folds 5] [--limit N]

(``OMP_NUM_THREADS=1``: on a busy machine the trees' OpenMP threads wait on one another.)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from fit_summary_weights import Roundup, fit_weights, load_roundups, paired, weighted, within
from rouge_score import rouge_scorer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import KFold
from summary import DEFAULT_DATA, Story, cut, load_records, loaded_share

from storyscope.analysis.lexicon import loaded_lexicon
from storyscope.analysis.similarity import DEFAULT_SIMILARITY
from storyscope.analysis.summary import (
    PENALTIES,
    SIGNALS,
    SummaryConfig,
    article_vocabularies,
    candidate_signals,
    headline_words,
    others_of,
    select_sentences,
)

#: The signals a learned model replaces; coverage and the penalties stay linear.
LEARNED = ("centrality", "consensus", "headline", "shared_words", "lead")
#: Signals tried linearly in earlier rounds (README), given to the trees as well, with the
#: direction each is constrained to (0: either).
EXTRA = {
    "stop_share": 0, "every_other": 1, "any_other": 1, "shared_content": 1, "proper_share": 0,
    "number_share": 0, "first": 0, "length": 0, "mean_similarity": 1, "headline_precision": 1,
}
#: A model: fitted on training rows (signals, centred targets, roundup sizes), it scores rows.
Scorer = Callable[[np.ndarray], np.ndarray]


def extra_signals(story: Story, index: Sequence[int]) -> np.ndarray:
    """The :data:`EXTRA` signals of the candidates ``index`` (rows) of ``story``."""
    alignment = story.alignment
    vocabulary = article_vocabularies(alignment, story.articles)
    headline = set().union(*headline_words(story.articles))
    article_ids = np.array([u.article_id for u in alignment.units])
    rows = []
    for k in index:
        unit = alignment.units[k]
        words = [t for t in unit.span if t.is_alpha or t.like_num]
        n = max(1, len(words))
        others = others_of(unit.article_id, vocabulary)
        forms = [{t.lower_, t.lemma_.lower()} for t in words]
        content = [f for t, f in zip(words, forms, strict=True) if not t.is_stop]
        content_words = {t.lower_ for t in words if not t.is_stop}
        elsewhere = article_ids != unit.article_id
        rows.append([
            sum(t.is_stop for t in words) / n,
            sum(all(f & o for o in others) for f in forms) / n if others else 0.0,
            sum(any(f & o for o in others) for f in forms) / n if others else 0.0,
            float(np.mean([sum(bool(f & o) for f in content) / max(1, len(content)) for o in others])) if others else 0.0,
            sum(t.pos_ == "PROPN" for t in words) / n,
            sum(t.like_num for t in words) / n,
            float(unit.position == 0),
            len(unit.text.split()),
            float(alignment.similarity[k, elsewhere].mean()) if elsewhere.any() else 0.0,
            len(content_words & headline) / max(1, len(content_words)),
        ])
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(EXTRA))


class Sample:
    """One roundup and its candidates' features: the base signals, then :data:`EXTRA`."""

    def __init__(self, roundup: Roundup) -> None:
        story = roundup.story
        index = candidate_signals(story.alignment, story.claims, story.articles, loaded_lexicon(), story.framing).index
        self.roundup = roundup
        self.features = np.hstack([roundup.signals, extra_signals(story, index)])
        self.targets = roundup.targets


def column(names: Sequence[str]) -> list[int]:
    """Feature columns of ``names`` (base signals, then :data:`EXTRA`)."""
    order = [*SIGNALS, *EXTRA]
    return [order.index(name) for name in names]


def direction(name: str) -> int:
    return int(EXTRA[name]) if name in EXTRA else (-1 if name in PENALTIES else 1)


def hgb(features: Sequence[str]) -> Callable[[np.ndarray, np.ndarray, list[int]], Scorer]:
    """Monotone, shallow gradient-boosted regression trees on ``features``."""

    def fit(x: np.ndarray, y: np.ndarray, sizes: list[int]) -> Scorer:
        model = HistGradientBoostingRegressor(
            max_depth=2, max_iter=100, learning_rate=0.05, min_samples_leaf=100, l2_regularization=1.0,
            monotonic_cst=[direction(n) for n in features], random_state=0,
        ).fit(x, y)
        return lambda rows: np.asarray(model.predict(rows), dtype=np.float64)

    return fit


def lambdarank(features: Sequence[str]) -> Callable[[np.ndarray, np.ndarray, list[int]], Scorer]:
    """LightGBM LambdaRank on ``features``, labels the precision quintile within the roundup."""
    import lightgbm

    def fit(x: np.ndarray, y: np.ndarray, sizes: list[int]) -> Scorer:
        labels = np.concatenate([quintiles(part) for part in np.split(y, np.cumsum(sizes)[:-1])])
        model = lightgbm.LGBMRanker(
            objective="lambdarank", n_estimators=100, learning_rate=0.05, num_leaves=4, max_depth=2,
            min_child_samples=100, reg_lambda=1.0, monotone_constraints=[direction(n) for n in features],
            random_state=0, n_jobs=1, verbose=-1,
        ).fit(x, labels, group=sizes)
        return lambda rows: np.asarray(model.predict(rows), dtype=np.float64)

    return fit


def quintiles(values: np.ndarray) -> np.ndarray:
    """Each value's quintile (0-4) by rank within ``values``."""
    ranks = np.argsort(np.argsort(values, kind="stable"), kind="stable")
    return np.floor(4.999 * ranks / max(1, len(values) - 1)).astype(int)


class Relevance:
    """Relevance of a learned model: its scores at the mean and spread of the linear fit's
    learned part on the training roundups, plus coverage and the penalties, linear at their
    hand-set weights."""

    def __init__(self, train: Sequence[Sample], features: Sequence[str], fit: Any) -> None:
        self.columns = column(features)
        rows = [s for s in train if len(s.targets)]
        x = np.vstack([within(s.features[:, self.columns]) for s in rows])
        y = np.concatenate([within(s.targets) for s in rows])
        self.model = fit(x, y, [len(s.targets) for s in rows])
        linear = weighted(fit_weights([s.roundup for s in rows], 1.0)).signal_weights()
        learned = np.array([name in LEARNED for name in SIGNALS])
        reference = np.concatenate([s.roundup.signals[:, learned] @ linear[learned] for s in rows])
        scores = np.concatenate([self.model(within(s.features[:, self.columns])) for s in rows])
        self.scale = reference.std() / max(scores.std(), 1e-9)
        self.shift = reference.mean() - self.scale * scores.mean()
        self.fixed = np.where(learned, 0.0, SummaryConfig().signal_weights())

    def __call__(self, features: np.ndarray) -> np.ndarray:
        learned = self.model(within(features[:, self.columns])) if len(features) else np.zeros(0)
        return np.asarray(self.scale * learned + self.shift + features[:, : len(SIGNALS)] @ self.fixed)


def summarise(sample: Sample, config: SummaryConfig, relevance: Scorer | None, words: int) -> str:
    """The summary of ``sample`` (cut at ``words``) under ``config``, scored by ``relevance``
    when given."""
    story = sample.roundup.story
    config = replace(config, word_budget=words, min_sentences=1)
    # select_sentences builds the same candidates, in the same order, as the rows of sample.features.
    chosen = select_sentences(
        story.alignment, story.claims, story.articles, config, story.framing, story.facts,
        None if relevance is None else lambda candidates: relevance(sample.features),
    )
    return cut([s.text for s in chosen], words)


def cross_validate(
    samples: Sequence[Sample], features: Sequence[str] | None, fit: Any, folds: int, words: int,
    scorer: rouge_scorer.RougeScorer,
) -> np.ndarray:
    """Per roundup: ROUGE-1 F, loaded share (both ×100) and whether the summary fell short
    of ``words``, each roundup summarised by a scorer fitted on the other folds (the linear
    fit when ``features`` is None)."""
    lexicon = loaded_lexicon()
    scores = np.zeros((len(samples), 3))
    for train, test in KFold(folds, shuffle=True, random_state=0).split(np.arange(len(samples))):
        rows = [samples[i] for i in train]
        if features is None:
            config, relevance = weighted(fit_weights([s.roundup for s in rows], 1.0)), None
        else:
            config, relevance = SummaryConfig(), Relevance(rows, features, fit)
        for i in test:
            summary = summarise(samples[i], config, relevance, words)
            rouge1 = scorer.score(samples[i].roundup.reference, summary)["rouge1"].fmeasure
            scores[i] = 100 * rouge1, 100 * loaded_share(summary, lexicon), len(summary.split()) < words
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--words", type=int, default=65)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    records = load_records(args.data, args.limit)
    if records is None:
        return 0
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    samples = [Sample(roundup) for roundup in load_roundups(records, DEFAULT_SIMILARITY, scorer)]
    models: dict[str, tuple[Sequence[str] | None, Any]] = {
        "linear (ridge, the default's fit)": (None, None),
        "trees, the linear fit's signals": (LEARNED, hgb(LEARNED)),
        "trees, + 10 extra signals": ((*LEARNED, *EXTRA), hgb((*LEARNED, *EXTRA))),
    }
    try:
        models["LambdaRank, the linear fit's signals"] = (LEARNED, lambdarank(LEARNED))
        models["LambdaRank, + 10 extra signals"] = ((*LEARNED, *EXTRA), lambdarank((*LEARNED, *EXTRA)))
    except ImportError:
        print("lightgbm not installed (pip install '.[fit]'): LambdaRank skipped")
    results = {name: cross_validate(samples, f, fit, args.folds, args.words, scorer) for name, (f, fit) in models.items()}
    linear = results["linear (ridge, the default's fit)"]
    print(f"NeuS {args.data.name}: {len(samples)} roundups, {sum(len(s.targets) for s in samples)} candidate "
          f"sentences, budget {args.words} words, {args.folds}-fold CV over roundups")
    print()
    print("| relevance scorer | ROUGE-1 F | loaded words % | summaries short of budget | paired difference vs linear [95% bootstrap] |")
    print("|---|---|---|---|---|")
    for name, scores in results.items():
        difference = "–" if scores is linear else paired(scores[:, 0], linear[:, 0])
        print(f"| {name} | {scores[:, 0].mean():.2f} | {scores[:, 1].mean():.2f} | {int(scores[:, 2].sum())} | {difference} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
