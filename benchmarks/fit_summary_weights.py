"""Fit the summary's relevance weights on NeuS dev, cross-validated over roundups.

Each candidate sentence has a signal vector (:func:`storyscope.analysis.summary.candidate_signals`:
coverage, centrality, consensus, headline overlap, shared words, position, and the
loaded-wording penalties). The target is the sentence's ROUGE-1 precision against the
roundup's reference: at a fixed word budget a summary's ROUGE-1 grows with the share of
its words the reference uses. The model is a ridge regression with non-negative
coefficients on standardised signals (penalty signals negated, so every signal is
monotone in the direction it was built for), fitted within roundups (signals and targets
centred per roundup: only the ranking inside a roundup matters).

The fitted weights are rescaled so the reward weights sum to what they sum to in the
hand-set :class:`SummaryConfig` (the redundancy and balance terms keep their meaning), and
the weights of :data:`FLOORED` (outlet coverage and the loaded-wording penalties) are never
weaker than the hand-set ones: telling the most widely reported claims first and keeping
loaded wording out are product requirements, not ROUGE features.

K-fold cross-validation over roundups: each fold is summarised with weights fitted on the
other folds, and the mean ROUGE-1 F over all roundups is the cross-validated figure,
printed next to the hand-set weights on the same roundups with the paired difference (mean,
bootstrap 95% interval, roundups better / worse). Then the weights fitted on all roundups,
to be copied into ``SummaryConfig``.

    PYTHONPATH=src python benchmarks/fit_summary_weights.py [--folds 5] [--alpha 1.0]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold
from summary import DEFAULT_DATA, Story, cut, load_records, loaded_share, storyscope_select, storyscope_story

from storyscope.analysis.lexicon import loaded_lexicon
from storyscope.analysis.similarity import DEFAULT_SIMILARITY, SIMILARITIES
from storyscope.analysis.summary import PENALTIES, REWARDS, SIGNALS, SummaryConfig, candidate_signals
from storyscope.model import Article
from storyscope.nlp import load_pipeline

#: +1 for a reward signal, -1 for a penalty: the direction each signal is constrained to.
DIRECTION = np.array([-1.0 if name in PENALTIES else 1.0 for name in SIGNALS])
#: Signals that serve a product requirement rather than ROUGE, whose weights are never
#: set below the hand-set ones: the claims most outlets share come first, and loaded
#: wording stays out.
FLOORED = ("coverage", *PENALTIES)
#: The relevance weights as they were set by hand before fitting (coarse one-at-a-time
#: sweeps on dev): the comparison row, the floors of :data:`FLOORED`, and the scale the
#: fitted reward weights are brought to.
HAND_SET = {
    "coverage": 1.0, "centrality": 0.5, "consensus": 0.5, "headline": 1.0, "shared_words": 2.0, "lead": 0.3,
    "loaded": 2.0, "distinctive": 1.0, "punctuation": 1.0, "unattributed": 0.3, "quoted": 0.5, "dangling": 0.5,
}


class Roundup:
    """One NeuS roundup: the analysed story, its reference and its candidates' signals and targets."""

    def __init__(self, story: Story, reference: str, scorer: rouge_scorer.RougeScorer) -> None:
        self.story = story
        self.reference = reference
        candidates = candidate_signals(story.alignment, story.claims, story.articles, loaded_lexicon(), story.framing)
        self.signals = candidates.signals
        self.targets = np.array(
            [scorer.score(reference, story.alignment.units[k].text)["rouge1"].precision for k in candidates.index]
        )


def within(values: np.ndarray) -> np.ndarray:
    """``values`` centred on their roundup's mean (rows of one roundup)."""
    return values - values.mean(axis=0, keepdims=True)


def weighted(weights: dict[str, float]) -> SummaryConfig:
    """The default config with these relevance weights."""
    return replace(SummaryConfig(), **{f"{name}_weight": w for name, w in weights.items()})


def fit_weights(roundups: Sequence[Roundup], alpha: float) -> dict[str, float]:
    """Relevance weights fitted on ``roundups`` (see the module docstring)."""
    x = np.vstack([within(r.signals) for r in roundups if len(r.targets)]) * DIRECTION
    y = np.concatenate([within(r.targets) for r in roundups if len(r.targets)])
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = Ridge(alpha=alpha, positive=True, fit_intercept=False).fit(x / scale, y)
    weights = dict(zip(SIGNALS, model.coef_ / scale, strict=True))
    rewards = sum(weights[name] for name in REWARDS)
    factor = sum(HAND_SET[name] for name in REWARDS) / rewards if rewards > 0 else 1.0
    fitted = {name: factor * weights[name] for name in SIGNALS}
    fitted |= {name: max(fitted[name], HAND_SET[name]) for name in FLOORED}
    return {name: round(float(w), 3) for name, w in fitted.items()}


def evaluate(roundup: Roundup, config: SummaryConfig, words: int, scorer: rouge_scorer.RougeScorer) -> tuple[float, float]:
    """ROUGE-1 F and the share of high-intensity lexicon words (both ×100) of the summary
    ``config`` picks, cut at ``words`` words as in the benchmark."""
    summary = cut(storyscope_select(roundup.story, words, config), words)
    rouge1 = scorer.score(roundup.reference, summary)["rouge1"].fmeasure
    return 100 * rouge1, 100 * loaded_share(summary, loaded_lexicon())


def evaluate_all(
    roundups: Sequence[Roundup], config: SummaryConfig, words: int, scorer: rouge_scorer.RougeScorer
) -> np.ndarray:
    """Per roundup: ROUGE-1 F and loaded share (columns) under ``config``."""
    return np.array([evaluate(r, config, words, scorer) for r in roundups]).reshape(len(roundups), 2)


def cross_validate(
    roundups: Sequence[Roundup], folds: int, alpha: float, words: int, scorer: rouge_scorer.RougeScorer
) -> np.ndarray:
    """Per roundup: ROUGE-1 F and loaded share, each roundup summarised with weights fitted
    on the folds it is not in."""
    scores = np.zeros((len(roundups), 2))
    for train, test in KFold(folds, shuffle=True, random_state=0).split(np.arange(len(roundups))):
        config = weighted(fit_weights([roundups[i] for i in train], alpha))
        scores[test] = evaluate_all([roundups[i] for i in test], config, words, scorer)
    return scores


def paired(new: np.ndarray, old: np.ndarray, samples: int = 10_000) -> str:
    """Mean paired difference, its bootstrap 95% interval, and roundups better / worse."""
    diff = new - old
    rng = np.random.default_rng(0)
    means = diff[rng.integers(0, len(diff), size=(samples, len(diff)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return f"{diff.mean():+.2f} [{low:+.2f}, {high:+.2f}], better {int((diff > 0).sum())} / worse {int((diff < 0).sum())}"


def load_roundups(records: Sequence[dict], similarity: str, scorer: rouge_scorer.RougeScorer) -> list[Roundup]:
    """Each NeuS record analysed as a story under ``similarity``, with its reference and candidate signals."""
    nlp = load_pipeline()
    roundups = []
    for record in records:
        articles = [
            Article(id=f"{record['id']}-{i}", title=a["title"], text=a["text"])
            for i, a in enumerate(record["articles"])
            if a["text"].strip()
        ]
        story = storyscope_story(articles, nlp, similarity)
        roundups.append(Roundup(story, record["reference"]["text"], scorer))
    return roundups


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--words", type=int, default=65)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--alpha", type=float, default=1.0, help="ridge penalty on standardised signals")
    parser.add_argument("--similarity", default=DEFAULT_SIMILARITY, choices=sorted(SIMILARITIES))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    records = load_records(args.data, args.limit)
    if records is None:
        return 0
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    roundups = load_roundups(records, args.similarity, scorer)
    hand = evaluate_all(roundups, weighted(HAND_SET), args.words, scorer)
    crossed = cross_validate(roundups, args.folds, args.alpha, args.words, scorer)
    fitted = fit_weights(roundups, args.alpha)
    final = evaluate_all(roundups, weighted(fitted), args.words, scorer)
    print(f"NeuS {args.data.name}: {len(roundups)} roundups, {sum(len(r.targets) for r in roundups)} candidate "
          f"sentences, budget {args.words} words, similarity {args.similarity}, ridge alpha {args.alpha}")
    print()
    print("| relevance weights | ROUGE-1 F | loaded words % | paired difference vs hand-set [95% bootstrap] |")
    print("|---|---|---|---|")
    rows = {
        "hand-set (tuned on these roundups)": hand,
        f"fitted, {args.folds}-fold CV over roundups": crossed,
        "fitted on all roundups (in-sample)": final,
    }
    for name, scores in rows.items():
        difference = "–" if scores is hand else paired(scores[:, 0], hand[:, 0])
        print(f"| {name} | {scores[:, 0].mean():.2f} | {scores[:, 1].mean():.2f} | {difference} |")
    print()
    print("Weights fitted on all roundups (SummaryConfig):")
    for name in SIGNALS:
        print(f"    {name}_weight: float = {fitted[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
