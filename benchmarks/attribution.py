"""Attribution accuracy on PolNeAR dev: storyscope vs textacy's ``direct_quotations``, same run.

Usage (from the repository root, with ``../shared`` beside it):

    python benchmarks/attribution.py [--data ../shared/data/benchmarks/polnear_dev.jsonl] [--limit N]

Both systems read the same spaCy parses. Each role (source, cue, content) is scored on its
own, as in PARC-style evaluations (Pareti 2016; BBC's Citron): a predicted span matches a
gold span of the same role in the same article

* exactly when their fragments are the same character offsets (surrounding whitespace
  ignored), and
* by token overlap when they share at least one non-space character,

each gold span matched at most once (greedy, largest overlap first). Precision = matched
predictions / predictions, recall = matched gold / gold. "Direct" attributions are those
whose content (stripped) starts or ends with a quotation mark, the rule of the data's
README, applied alike to gold and predictions. Speed counts the extraction step only
(the shared parse is timed separately). The bad-input table times parse + extraction.

storyscope's learned cue detector (``cue_model.json``) was fitted on PolNeAR dev; on the data it was
fitted on, each article is scored with the model fitted on the other folds' articles (5-fold
cross-validation over articles, ``benchmarks/fit_cue_model.py``), never with the shipped model. On
any other data (the held-out split) the shipped model is used.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc
from textacy.extract.triples import direct_quotations

from storyscope.analysis.quotes.attribution import find_attributions
from storyscope.analysis.quotes.cue_model import MODEL_PATH
from storyscope.analysis.quotes.marks import QUOTE_CHARS
from storyscope.nlp import load_pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_DATA = SHARED / "data" / "benchmarks" / "polnear_dev.jsonl"
ROLES = ("source", "cue", "content")
Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Item:
    """One attribution with its roles as character fragments (empty tuple: role absent)."""

    source: Fragments
    cue: Fragments
    content: Fragments


def is_direct(text: str, content: Fragments) -> bool:
    """The data README's rule: content (stripped) starts or ends with a quotation mark."""
    joined = " ".join(text[s:e] for s, e in content).strip()
    return bool(joined) and (joined[0] in QUOTE_CHARS or joined[-1] in QUOTE_CHARS)


def gold_items(record: dict) -> list[Item]:
    def frags(spans: list[list[int]]) -> Fragments:
        return tuple((s, e) for s, e in spans)

    return [Item(frags(a["source"]), frags(a["cue"]), frags(a["content"])) for a in record["attributions"]]


def storyscope_items(doc: Doc) -> list[Item]:
    return [Item(a.source or (), a.cue, a.content) for a in find_attributions(doc)]


def storyscope_system(records: list[dict], docs: list[Doc], data: Path) -> tuple[str, Callable[[Doc], list[Item]]]:
    """storyscope with the shipped cue model, or, on the data that model was fitted on, with each article's
    cross-validated model (fitted without that article's fold)."""
    if json.loads(MODEL_PATH.read_text(encoding="utf-8"))["fitted_on"] != data.name:
        return "storyscope", storyscope_items
    from fit_cue_model import candidate_data, cross_validated_models

    models, _ = cross_validated_models(*candidate_data(records, docs), len(records))
    model_of = {id(doc): model for doc, model in zip(docs, models, strict=True)}

    def items(doc: Doc) -> list[Item]:
        return [Item(a.source or (), a.cue, a.content) for a in find_attributions(doc, cue_model=model_of[id(doc)])]

    return "storyscope (learned cues: 5-fold CV)", items


def _token_fragments(tokens: Iterable) -> Fragments:
    """Contiguous token runs as character fragments."""
    fragments: list[tuple[int, int]] = []
    last = None
    for token in sorted(tokens, key=lambda t: t.i):
        if last is not None and token.i == last + 1:
            fragments[-1] = (fragments[-1][0], token.idx + len(token))
        else:
            fragments.append((token.idx, token.idx + len(token)))
        last = token.i
    return tuple(fragments)


def textacy_items(doc: Doc) -> list[Item]:
    """textacy's triples; an article it refuses (odd number of quotation marks) yields nothing."""
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return []
    return [Item(_token_fragments(t.speaker), _token_fragments(t.cue), _token_fragments(t.content)) for t in triples]


def _strip(text: str, fragments: Fragments) -> Fragments:
    out = []
    for s, e in fragments:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out)


def _chars(text: str, fragments: Fragments) -> set[int]:
    return {i for s, e in fragments for i in range(s, e) if not text[i].isspace()}


def match_counts(text: str, gold: list[Fragments], pred: list[Fragments]) -> tuple[int, int]:
    """(exact matches, overlap matches) between gold and predicted spans of one role in one article."""
    gold = [_strip(text, g) for g in gold if g]
    pred = [_strip(text, p) for p in pred if p]
    exact_pool = list(gold)
    exact = 0
    for p in pred:
        if p in exact_pool:
            exact_pool.remove(p)
            exact += 1
    gold_chars = [_chars(text, g) for g in gold]
    pairs = sorted(
        ((len(gc & _chars(text, p)), gi, pi) for pi, p in enumerate(pred) for gi, gc in enumerate(gold_chars)),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for shared, gi, pi in pairs:
        if shared == 0:
            break
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
    return exact, len(used_gold)


def _in_subset(text: str, item: Item, subset: str) -> bool:
    return subset == "all" or is_direct(text, item.content) == (subset == "direct")


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, text: str, gold: list[Fragments], pred: list[Fragments]) -> None:
        exact, overlap = match_counts(text, gold, pred)
        self.gold += sum(1 for g in gold if g)
        self.pred += sum(1 for p in pred if p)
        self.exact += exact
        self.overlap += overlap

    def prf(self, matched: int) -> tuple[float, float, float]:
        p = matched / self.pred if self.pred else 0.0
        r = matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(records: list[dict], docs: list[Doc], system: Callable[[Doc], list[Item]]) -> tuple[dict, float]:
    """Tallies per (subset, role) and the extraction time in seconds."""
    tallies = {(subset, role): Tally() for subset in ("all", "direct", "indirect") for role in ROLES}
    elapsed = 0.0
    for record, doc in zip(records, docs, strict=True):
        text = record["text"]
        started = time.perf_counter()
        predicted = system(doc)
        elapsed += time.perf_counter() - started
        gold = gold_items(record)
        for subset in ("all", "direct", "indirect"):
            kept_gold = [g for g in gold if _in_subset(text, g, subset)]
            kept_pred = [p for p in predicted if _in_subset(text, p, subset)]
            for role in ROLES:
                tallies[(subset, role)].add(
                    text, [getattr(g, role) for g in kept_gold], [getattr(p, role) for p in kept_pred]
                )
    return tallies, elapsed


def bad_inputs() -> dict[str, str]:
    """Pathological texts the issue names (generated here, nothing copied from any corpus)."""
    return {
        "6,000 quotation marks": "x " + "\u201c" * 3000 + " said " + '"' * 3000,
        "no sentences (100k chars, no punctuation)": "word " * 20000,
        "one 100k-character paragraph": 'A long clause, she said, "and another part" ' * 2200,
        "only quotes": '"' + '" "'.join(["quoted words here"] * 2000) + '"',
        "a chain of 2,000 nested cues": "Board claims " * 2000,
        "2,000 times 'according to'": "according to him, " * 2000,
        "a run-on sentence of 2,500 unlisted verbs": "Voss drafted a proposal to cap fares, " * 2500,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"skipped: {args.data} not found")
    records = [json.loads(line) for line in args.data.open(encoding="utf-8")][: args.limit]
    nlp = load_pipeline()
    started = time.perf_counter()
    docs = list(nlp.pipe(r["text"] for r in records))
    parse_seconds = time.perf_counter() - started
    name, storyscope = storyscope_system(records, docs, args.data)
    systems = {name: storyscope, "textacy": textacy_items}
    results = {name: evaluate(records, docs, system) for name, system in systems.items()}
    refused = sum(1 for doc in docs if _textacy_refuses(doc))

    print(f"{args.data.name}: {len(records)} articles, {sum(len(r['attributions']) for r in records)} gold attributions; "
          f"spaCy {nlp.meta['name']}-{nlp.meta['version']}; parse {len(records) / parse_seconds:.1f} articles/s")
    print(f"textacy refused {refused} articles (odd number of quotation marks)\n")
    print("| subset | role | system | gold | pred | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |"
          )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for subset in ("all", "direct", "indirect"):
        for role in ROLES:
            for name, (tallies, _) in results.items():
                t = tallies[(subset, role)]
                ep, er, ef = t.prf(t.exact)
                op, orr, of = t.prf(t.overlap)
                print(f"| {subset} | {role} | {name} | {t.gold} | {t.pred} | {ep:.3f} | {er:.3f} | {ef:.3f} "
                      f"| {op:.3f} | {orr:.3f} | {of:.3f} |")
    print()
    for name, (_, seconds) in results.items():
        print(f"{name}: extraction {len(records) / seconds:.1f} articles/s")
    started = time.perf_counter()
    for doc in docs:
        find_attributions(doc, learned=False)
    print(f"storyscope, rules only (learned cues off): extraction {len(records) / (time.perf_counter() - started):.1f} "
          "articles/s")
    print("\n| bad input | chars | storyscope attributions | storyscope s (parse+extract) | textacy |")
    print("|---|---:|---:|---:|---|")
    for label, text in bad_inputs().items():
        started = time.perf_counter()
        doc = nlp(text)
        found = find_attributions(doc)
        seconds = time.perf_counter() - started
        try:
            outcome = f"{len(list(direct_quotations(doc)))} quotations"
        except ValueError as exc:
            outcome = f"raises ValueError ({str(exc).split(',')[0]})"
        print(f"| {label} | {len(text)} | {len(found)} | {seconds:.2f} | {outcome} |")


def _textacy_refuses(doc: Doc) -> bool:
    return sum(1 for t in doc if t.is_quote) % 2 != 0


if __name__ == "__main__":
    main()
