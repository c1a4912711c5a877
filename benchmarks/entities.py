"""Entities and quantities on real multi-outlet stories: what canonicalisation changes, and its cost.

Reads at run time (nothing is copied into the repository):
- ``../shared/data/benchmarks/pac_dev.jsonl`` and ``pac_train.jsonl`` (PAC: pairs of articles,
  left and right outlet, on one event), grouped into stories by ``story_id``;
- ``../shared/seeds/*.txt`` (five articles on one story).

For each corpus it prints, next to the peer measured in the same run (the spaCy NER
mentions grouped by exact normalised name, i.e. storyscope's foundation grouping):
- NER mentions vs mentions after the fixes (acronyms, title context, story-wide forms);
- distinct surface forms → entities (how many forms collapse);
- the merge decisions made, by rule (surname, acronym, misspelling), with examples;
- title conflicts found; quantity mentions and facts by status;
- a silver mention recall: occurrences (at word boundaries) of every surface form the
  story's entities have, and the share of them the NER alone and our mentions cover.
  The reference set comes from our own entities, so it measures consistency across the
  story, not recall against a human annotation;
- time for parsing and for each section.

Run: ``PYTHONPATH=src python benchmarks/entities.py [--limit N]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from storyscope.analysis.entities import build_entities, normalise_name
from storyscope.analysis.entities.mentions import NAMED_LABELS
from storyscope.analysis.quantities import build_quantities
from storyscope.analysis.registry import StoryContext
from storyscope.ingest import load_articles
from storyscope.model import Article, StoryAnalysis
from storyscope.nlp import load_pipeline, pipeline_id
from storyscope.pipeline import link_duplicates, parse_articles

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAC_FILES = ("pac_dev.jsonl", "pac_train.jsonl")


def pac_stories(path: Path, limit: int | None) -> list[list[Article]]:
    """PAC articles grouped by story_id, in file order."""
    stories: dict[str, list[Article]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            stories[record["story_id"]].append(
                Article(id=record["id"], outlet=record["source"], title=record["title"], text=record["text"])
            )
    groups = list(stories.values())
    return groups[:limit] if limit else groups


def seed_story() -> list[list[Article]]:
    result = load_articles(sorted(str(p) for p in (SHARED / "seeds").glob("*.txt")))
    return [list(result.articles)] if result.articles else []


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def silver_occurrences(analysis: StoryAnalysis) -> list[tuple[str, int, int]]:
    """Every word-boundary occurrence of the story's entity surface forms (longest first, no overlaps)."""
    forms = sorted({al.text for e in analysis.entities or [] for al in e.aliases if len(al.text) > 1
                    and al.text[:1].isupper()}, key=len, reverse=True)
    found: list[tuple[str, int, int]] = []
    for article in analysis.articles:
        if article.duplicate_of:
            continue
        taken: list[tuple[int, int]] = []
        for form in forms:
            for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", article.text):
                if not _overlaps(match.start(), match.end(), taken):
                    taken.append((match.start(), match.end()))
                    found.append((article.id, match.start(), match.end()))
    return found


def run_corpus(name: str, stories: list[list[Article]]) -> dict[str, Any]:
    nlp = load_pipeline()
    totals: Counter[str] = Counter()
    merges: dict[str, list[str]] = defaultdict(list)
    timing: Counter[str] = Counter()
    for articles in stories:
        articles = link_duplicates(articles)
        unique = [a for a in articles if a.duplicate_of is None]
        started = time.perf_counter()
        docs = parse_articles(unique, nlp)
        timing["parse"] += time.perf_counter() - started
        ner = {a.id: [(e.start_char, e.end_char) for e in docs[a.id].ents if e.label_ in NAMED_LABELS]
               for a in unique}
        ner_forms = {normalise_name(docs[a.id].char_span(s, e).text) for a in unique for s, e in ner[a.id]}
        totals["articles"] += len(unique)
        totals["ner_mentions"] += sum(len(v) for v in ner.values())
        totals["peer_entities"] += len(ner_forms - {""})

        analysis = StoryAnalysis(id=name, model=pipeline_id(nlp), articles=articles)
        context = StoryContext(analysis=analysis, docs=docs)
        started = time.perf_counter()
        build_entities(context)
        timing["entities"] += time.perf_counter() - started
        started = time.perf_counter()
        build_quantities(context)
        timing["quantities"] += time.perf_counter() - started

        entities = analysis.entities or []
        totals["our_mentions"] += sum(len(e.mentions) for e in entities)
        for e in entities:
            for m in e.mentions:
                totals[f"source:{m.source}"] += 1
                totals["retyped"] += m.label != e.type
            totals["surface_forms"] += len({normalise_name(al.text) for al in e.aliases})
            for al in e.aliases:
                if al.rule != "same-name":
                    totals[f"merge:{al.rule}"] += 1
                    score = f" {al.score:.0f}" if al.score else ""
                    merges[al.rule].append(f"{al.text} → {e.canonical}{score}")
            totals["titles"] += len(e.titles)
            totals["title_conflicts"] += e.title_conflict
        totals["entities"] += len(entities)
        for fact in analysis.quantities or []:
            totals["quantity_mentions"] += len(fact.mentions)
            totals[f"facts:{fact.status}"] += 1

        ours = {a.id: [(m.start, m.end) for e in entities for m in e.mentions if m.article_id == a.id] for a in unique}
        for aid, start, end in silver_occurrences(analysis):
            totals["silver"] += 1
            totals["silver_ner"] += _overlaps(start, end, ner[aid])
            totals["silver_ours"] += _overlaps(start, end, ours[aid])
    return {"name": name, "stories": len(stories), "totals": totals, "merges": merges, "timing": timing}


def report(result: dict[str, Any]) -> None:
    t, timing = result["totals"], result["timing"]
    print(f"\n## {result['name']}: {result['stories']} stories, {t['articles']} articles")
    print("| | spaCy NER + exact normalised name (peer) | storyscope entities |")
    print("|---|---|---|")
    print(f"| mentions | {t['ner_mentions']} | {t['our_mentions']} |")
    print(f"| entities | {t['peer_entities']} | {t['entities']} (from {t['surface_forms']} distinct surface forms) |")
    if t["silver"]:
        print(f"| silver mention recall | {t['silver_ner'] / t['silver']:.1%} | {t['silver_ours'] / t['silver']:.1%} "
              f"(of {t['silver']} occurrences) |")
    print(f"| time | parse {timing['parse']:.1f} s | entities {timing['entities']:.2f} s, "
          f"quantities {timing['quantities']:.2f} s |")
    sources = ", ".join(f"{k.split(':', 1)[1]} {v}" for k, v in sorted(t.items()) if k.startswith("source:"))
    rules = ", ".join(f"{k.split(':', 1)[1]} {v}" for k, v in sorted(t.items()) if k.startswith("merge:"))
    facts = ", ".join(f"{k.split(':', 1)[1]} {v}" for k, v in sorted(t.items()) if k.startswith("facts:"))
    print(f"\nmentions by source: {sources}")
    print(f"merged surface forms by rule: {rules or 'none'}")
    print(f"mentions whose own label differs from their entity's (majority / person) type: {t['retyped']}")
    print(f"titles: {t['titles']}, entities with a title conflict: {t['title_conflicts']}")
    print(f"quantity mentions: {t['quantity_mentions']}; facts: {facts or 'none'}")
    for rule, examples in sorted(result["merges"].items()):
        shown = examples if rule != "surname" else examples[:10]
        print(f"  {rule} ({len(examples)}): " + "; ".join(shown[:40]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="at most N stories per PAC file")
    args = parser.parse_args()
    corpora = []
    seeds = seed_story()
    if seeds:
        corpora.append(("seed story", seeds))
    for file in PAC_FILES:
        path = SHARED / "data" / "benchmarks" / file
        if path.exists():
            corpora.append((file, pac_stories(path, args.limit)))
    if not corpora:
        print(f"no benchmark data under {SHARED}; nothing to measure", file=sys.stderr)
        return 0
    print(f"pipeline: {pipeline_id(load_pipeline())}")
    for name, stories in corpora:
        report(run_corpus(name, stories))
    return 0


if __name__ == "__main__":
    sys.exit(main())
