"""A learned content-selection probe over sentence embeddings, cross-validated over NeuS dev roundups.

The summary's relevance is a weighted sum of per-sentence signals (``fit_summary_weights.py``).
This script asks whether what editors' neutral roundups tend to include can be learned from
the sentences' meaning, as supervised extractive summarisers do over frozen encoders: per
candidate sentence, its embedding ``e`` (the 64-d model2vec static model of the base install,
or all-MiniLM-L6-v2 with ``--encoder minilm`` and the ``minilm`` extra), ``e ⊙ c`` and ``e ⊙ h``
(elementwise products with the story centroid ``c``, the mean of every sentence's unit
embedding, and with ``h``, the mean of the headlines' embeddings), the cosines ``e·c`` and
``e·h``, and the linear fit's learned signals (centrality, consensus, headline overlap, shared
words, position). Features and targets are centred per roundup (only the ranking inside a
roundup matters; ``e − c`` is then the same as ``e``), the target is the candidate's ROUGE-1
precision against the reference (as in the linear fit), and the model is a ridge regression
whose penalty is picked on the training roundups alone (inner 5-fold CV over roundups, the
precision of each roundup's top-ranked candidate).

The probe's score is added to the linear relevance (weights fitted on the same training
folds) at ``β`` times the spread the linear fit's learned part has there; being centred per
roundup it leaves the relevance level, and so the stop rule, where it was. Each roundup is
summarised by models fitted on the other folds (5 folds, the split of the other fit scripts);
printed per feature set and ``β``: the mean ROUGE-1 F, the loaded share, summaries short of the
budget and the paired difference against ``β`` = 0 (the linear fit alone, 5-fold CV).

    PYTHONPATH=src python benchmarks/fit_summary_probe.py [--encoder static|minilm] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from fit_summary_trees import LEARNED, Sample, summarise
from fit_summary_weights import fit_weights, load_roundups, paired, weighted, within
from rouge_score import rouge_scorer
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold
from summary import DEFAULT_DATA, load_records, loaded_share

from storyscope.analysis.lexicon import loaded_lexicon
from storyscope.analysis.similarity import DEFAULT_SIMILARITY, minilm_model, static_model
from storyscope.analysis.summary import SIGNALS, candidate_signals

#: Feature sets compared (names of the blocks of :func:`features`).
FEATURE_SETS = {
    "embedding, its products with centroid and headlines, cosines, signals": ("e", "ec", "eh", "cos", "signals"),
    "embedding blocks and cosines, no signals": ("e", "ec", "eh", "cos"),
    "embedding and signals": ("e", "signals"),
    "cosines and signals": ("cos", "signals"),
}
ALPHAS = (1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0)
BETAS = (0.0, 0.5, 1.0, 1.5)
#: Columns of the linear fit's learned signals.
LEARNED_COLUMNS = [SIGNALS.index(name) for name in LEARNED]
Encoder = Callable[[list[str]], np.ndarray]
Probe = Callable[[np.ndarray], np.ndarray]


def encoder(name: str) -> Encoder:
    """Unit-length sentence embeddings from the static model or MiniLM."""
    model = static_model() if name == "static" else minilm_model()

    def encode(texts: list[str]) -> np.ndarray:
        vectors = np.asarray(model.encode(texts), dtype=np.float64).reshape(len(texts), -1)
        return np.asarray(vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12))

    return encode


def unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def features(sample: Sample, encode: Encoder) -> dict[str, np.ndarray]:
    """The feature blocks of ``sample``'s candidates (rows in candidate order)."""
    story = sample.roundup.story
    index = candidate_signals(story.alignment, story.claims, story.articles, loaded_lexicon(), story.framing).index
    vectors = encode([u.text for u in story.alignment.units])
    centroid = unit(vectors.mean(axis=0))
    titles = [a.title for a in story.articles if a.title]
    headline = unit(encode(titles).mean(axis=0)) if titles else np.zeros_like(centroid)
    e = vectors[index]
    return {
        "e": e,
        "ec": e * centroid,
        "eh": e * headline,
        "cos": np.column_stack([e @ centroid, e @ headline]),
        "signals": sample.roundup.signals[:, LEARNED_COLUMNS],
    }


def fit_probe(rows: Sequence[np.ndarray], targets: Sequence[np.ndarray], alpha: float) -> Probe:
    """Ridge on standardised, per-roundup-centred features predicting centred targets."""
    x = np.vstack([within(r) for r in rows])
    y = np.concatenate([within(t) for t in targets])
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    coef = Ridge(alpha=alpha, fit_intercept=False).fit(x / scale, y).coef_
    return lambda block: np.asarray((within(block) / scale) @ coef) if len(block) else np.zeros(0)


def pick_alpha(rows: Sequence[np.ndarray], targets: Sequence[np.ndarray]) -> float:
    """The ridge penalty whose top-ranked candidate has the best mean precision, inner 5-fold CV."""
    quality = {}
    for alpha in ALPHAS:
        tops = []
        for train, test in KFold(5, shuffle=True, random_state=1).split(np.arange(len(rows))):
            probe = fit_probe([rows[i] for i in train], [targets[i] for i in train], alpha)
            tops += [targets[i][int(np.argmax(probe(rows[i])))] for i in test]
        quality[alpha] = float(np.mean(tops))
    return max(quality, key=lambda a: quality[a])


def constant(scores: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """A relevance scorer that gives the precomputed ``scores`` whatever the candidates' signals."""
    return lambda _: scores


def cross_validate(
    samples: Sequence[Sample], blocks: Sequence[dict[str, np.ndarray]], names: Sequence[str], words: int,
    scorer: rouge_scorer.RougeScorer,
) -> dict[float, np.ndarray]:
    """Per ``β`` and roundup: ROUGE-1 F, loaded share (×100) and whether the summary fell short."""
    lexicon = loaded_lexicon()
    rows = [np.hstack([b[name] for name in names]) for b in blocks]
    results = {beta: np.zeros((len(samples), 3)) for beta in BETAS}
    for train, test in KFold(5, shuffle=True, random_state=0).split(np.arange(len(samples))):
        kept = [i for i in train if len(samples[i].targets)]
        config = weighted(fit_weights([samples[i].roundup for i in train], 1.0))
        weights = config.signal_weights()
        train_rows, train_targets = [rows[i] for i in kept], [samples[i].targets for i in kept]
        probe = fit_probe(train_rows, train_targets, pick_alpha(train_rows, train_targets))
        linear = np.concatenate([within(samples[i].roundup.signals[:, LEARNED_COLUMNS] @ weights[LEARNED_COLUMNS]) for i in kept])
        spread = linear.std() / max(float(np.concatenate([probe(r) for r in train_rows]).std()), 1e-9)
        for i in test:
            base = samples[i].roundup.signals @ weights
            for beta in BETAS:
                relevance = base + beta * spread * probe(rows[i]) if len(base) else base
                summary = summarise(samples[i], config, constant(relevance), words)
                rouge1 = scorer.score(samples[i].roundup.reference, summary)["rouge1"].fmeasure
                results[beta][i] = 100 * rouge1, 100 * loaded_share(summary, lexicon), len(summary.split()) < words
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--words", type=int, default=65)
    parser.add_argument("--encoder", choices=("static", "minilm"), default="static")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    records = load_records(args.data, args.limit)
    if records is None:
        return 0
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    samples = [Sample(roundup) for roundup in load_roundups(records, DEFAULT_SIMILARITY, scorer)]
    encode = encoder(args.encoder)
    blocks = [features(sample, encode) for sample in samples]
    print(f"NeuS {args.data.name}: {len(samples)} roundups, budget {args.words} words, encoder {args.encoder}, "
          "5-fold CV over roundups; β = 0 is the linear fit alone")
    print()
    print("| probe features | β | ROUGE-1 F | loaded words % | summaries short of budget | paired difference vs β = 0 [95% bootstrap] |")
    print("|---|---|---|---|---|---|")
    for label, names in FEATURE_SETS.items():
        results = cross_validate(samples, blocks, names, args.words, scorer)
        for beta, scores in results.items():
            difference = "–" if beta == 0 else paired(scores[:, 0], results[0.0][:, 0])
            print(f"| {label} | {beta} | {scores[:, 0].mean():.2f} | {scores[:, 1].mean():.2f} | "
                  f"{int(scores[:, 2].sum())} | {difference} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
