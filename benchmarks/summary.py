"""Summary benchmark on NeuS (AllSides roundups): storyscope vs sumy LexRank / TextRank and lead-1.

Every system gets the same word budget: sentences are taken in the system's order until
the budget is reached, and the output is cut to exactly ``--words`` words before scoring
(ROUGE-1/2/L F1, rouge-score with Porter stemming) against the editors' neutral roundup.
"Loaded" is the share of summary words that are high-intensity terms of VADER's lexicon
(or of the NRC-VAD lexicon, arousal, with ``--nrc-vad PATH``).

sumy's default tokenizer needs NLTK's ``punkt_tab`` data, which is not downloaded here:
sumy gets a tokenizer object built on the same spaCy pipeline storyscope uses
(``to_sentences`` = spaCy sentences, ``to_words`` = non-punctuation tokens).

    PYTHONPATH=src python benchmarks/summary.py [--data FILE] [--words 65] [--limit N] [--oracle]

``--oracle`` adds the extractive ceiling: greedy source sentences chosen with the
reference in hand (an upper bound for any sentence extractor at this budget, not a system).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from statistics import mean
from typing import Any, NamedTuple

from rouge_score import rouge_scorer
from spacy.language import Language
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from storyscope.analysis import build_analysis
from storyscope.analysis.claims import Alignment, align, make_claims
from storyscope.analysis.lexicon import IntensityLexicon, loaded_lexicon
from storyscope.analysis.registry import StoryContext
from storyscope.analysis.similarity import DEFAULT_SIMILARITY, SIMILARITIES
from storyscope.analysis.summary import SummaryConfig, select_sentences
from storyscope.model import Article, Claim, OutletFraming, QuantityFact, StoryAnalysis
from storyscope.nlp import load_pipeline
from storyscope.pipeline import parse_articles

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_DATA = SHARED / "data" / "benchmarks" / "neus_dev.jsonl"
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


class Story(NamedTuple):
    """A parsed, analysed story: its articles, their sentence alignment, claims, framing and
    quantity facts (whose conflicts are the contested points)."""

    articles: list[Article]
    alignment: Alignment
    claims: list[Claim]
    framing: list[OutletFraming] | None
    facts: list[QuantityFact] | None


class SpacyTokenizer:
    """The tokenizer interface sumy expects, on a spaCy pipeline (no NLTK data needed)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def to_sentences(self, paragraph: str) -> list[str]:
        return [s.text.strip() for s in self.nlp(paragraph).sents if s.text.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return [t.text for t in self.nlp.make_doc(sentence) if not (t.is_punct or t.is_space)]


def fill_budget(ranked: Sequence[str], words: int) -> list[str]:
    """Sentences in the given order until ``words`` words are reached."""
    chosen: list[str] = []
    for sentence in ranked:
        if sum(len(s.split()) for s in chosen) >= words:
            break
        chosen.append(sentence)
    return chosen


def cut(sentences: Sequence[str], words: int) -> str:
    return " ".join(" ".join(sentences).split()[:words])


def load_records(path: Path, limit: int | None) -> list[dict] | None:
    """The first ``limit`` NeuS roundups of ``path``; None (and a note) when the file is absent."""
    if not path.exists():
        print(f"skipped: {path} not found")
        return None
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return records[:limit]


def storyscope_story(articles: list[Article], nlp: Language, method: str) -> Story:
    """Every analysis section over ``articles``, then the claims under similarity ``method``:
    what the summary is selected from."""
    docs = parse_articles(articles, nlp)
    analysis = build_analysis(StoryAnalysis(id="bench", model="bench", articles=articles), docs)
    alignment = align(StoryContext(analysis=analysis, docs=docs), method)
    return Story(articles, alignment, make_claims(alignment, articles), analysis.framing, analysis.quantities)


def storyscope_select(story: Story, words: int, config: SummaryConfig | None = None) -> list[str]:
    """The summary sentences storyscope picks for a ``words`` budget (weights of ``config``)."""
    config = replace(config or SummaryConfig(), word_budget=words, min_sentences=1)
    chosen = select_sentences(story.alignment, story.claims, story.articles, config, story.framing, story.facts)
    return [s.text for s in chosen]


def storyscope_summary(articles: list[Article], nlp: Language, words: int, method: str) -> list[str]:
    return storyscope_select(storyscope_story(articles, nlp, method), words)


def sumy_summary(summarizer_class: type, articles: list[Article], nlp: Language, words: int) -> list[str]:
    tokenizer = SpacyTokenizer(nlp)
    document = PlaintextParser.from_string("\n\n".join(a.text for a in articles), tokenizer).document
    summarizer = summarizer_class(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    sentences: list[str] = []
    for count in range(1, len(document.sentences) + 1):
        sentences = [str(s) for s in summarizer(document, count)]
        if sum(len(s.split()) for s in sentences) >= words:
            break
    return sentences


def lead_summary(articles: list[Article], nlp: Language, words: int) -> list[str]:
    firsts = [next((s.text.strip() for s in nlp(a.text).sents if s.text.strip()), "") for a in articles]
    return fill_budget([s for s in firsts if s], words)


def oracle_summary(articles: list[Article], nlp: Language, words: int, reference: str, scorer: Any) -> list[str]:
    """The extractive ceiling: source sentences added greedily, each time the one that most
    raises ROUGE-1 F against the reference (at the same cut), until the budget or no gain."""
    candidates = [s.text.strip() for a in articles for s in nlp(a.text).sents if s.text.strip()]
    chosen: list[str] = []
    best = 0.0
    while sum(len(s.split()) for s in chosen) < words:
        gains = {c: scorer.score(reference, cut([*chosen, c], words))["rouge1"].fmeasure for c in candidates}
        top = max(gains, key=lambda c: gains[c], default=None)
        if top is None or gains[top] <= best:
            break
        best = gains[top]
        chosen.append(top)
        candidates.remove(top)
    return chosen


def loaded_share(text: str, lexicon: IntensityLexicon) -> float:
    return lexicon.loaded_share(WORD.findall(text))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--words", type=int, default=65, help="word budget of every system (NeuS mean reference: 65.8)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--similarity", nargs="+", default=[DEFAULT_SIMILARITY], choices=sorted(SIMILARITIES))
    parser.add_argument("--nrc-vad", default=None, help="path of a user-supplied NRC-VAD lexicon")
    parser.add_argument("--oracle", action="store_true", help="add the extractive oracle (it reads the reference)")
    args = parser.parse_args(argv)
    records = load_records(args.data, args.limit)
    if records is None:
        return 0
    nlp = load_pipeline()
    lexicon = loaded_lexicon(args.nrc_vad)
    systems: dict[str, Callable[[list[Article], str], list[str]]] = {}  # (articles, reference) -> sentences
    for method in args.similarity:
        systems[f"storyscope ({method})"] = lambda arts, ref, m=method: storyscope_summary(arts, nlp, args.words, m)
    systems["sumy LexRank (spaCy tokenizer)"] = lambda arts, ref: sumy_summary(LexRankSummarizer, arts, nlp, args.words)
    systems["sumy TextRank (spaCy tokenizer)"] = lambda arts, ref: sumy_summary(
        TextRankSummarizer, arts, nlp, args.words
    )
    systems["lead-1 per article"] = lambda arts, ref: lead_summary(arts, nlp, args.words)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    if args.oracle:
        systems["extractive oracle (reads the reference: a ceiling)"] = lambda arts, ref: oracle_summary(
            arts, nlp, args.words, ref, scorer
        )
    results: dict[str, dict[str, list[float]]] = {name: {} for name in [*systems, "reference (editors)"]}
    seconds: dict[str, float] = dict.fromkeys(systems, 0.0)
    for record in records:
        articles = [
            Article(id=f"{record['id']}-{i}", title=a["title"], text=a["text"])
            for i, a in enumerate(record["articles"])
            if a["text"].strip()
        ]
        reference = record["reference"]["text"]
        results["reference (editors)"].setdefault("loaded", []).append(loaded_share(reference, lexicon))
        for name, system in systems.items():
            started = time.perf_counter()
            summary = cut(system(articles, reference), args.words)
            seconds[name] += time.perf_counter() - started
            scores = scorer.score(reference, summary)
            row: dict[str, Any] = results[name]
            for key in ("rouge1", "rouge2", "rougeL"):
                row.setdefault(key, []).append(scores[key].fmeasure * 100)
            row.setdefault("loaded", []).append(loaded_share(summary, lexicon))
    print(f"NeuS {args.data.name}: {len(records)} roundups, budget {args.words} words, loaded = {lexicon.name} lexicon")
    print()
    print("| system | ROUGE-1 F | ROUGE-2 F | ROUGE-L F | loaded words % | seconds |")
    print("|---|---|---|---|---|---|")
    for name, row in results.items():
        if "rouge1" in row:
            print(f"| {name} | {mean(row['rouge1']):.2f} | {mean(row['rouge2']):.2f} | {mean(row['rougeL']):.2f} "
                  f"| {100 * mean(row['loaded']):.2f} | {seconds[name]:.1f} |")
        else:
            print(f"| {name} | – | – | – | {100 * mean(row['loaded']):.2f} | – |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
