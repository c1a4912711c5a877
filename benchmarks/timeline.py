"""Timeline accuracy: storyscope's resolution of temporal expressions vs plain dateparser.

Gold set: ``benchmarks/data/timeline_gold.jsonl``, written by hand for this benchmark. Each line
names an expression (its ``occurrence``-th appearance) in either a fictional sentence of our own
(``text``) or an article of ``examples/harbor-story`` (``article``), the publication date to
anchor on (``published``), the expected ISO resolution (``expected``: a day, month, year or a
START/END interval for weeks; null for durations and words that are not dates) and whether it
sits in a photo caption.

Scoring, per item:
- storyscope: ``extract_temporal_mentions`` on the text with that publication date; the mention
  overlapping the gold span must resolve to exactly ``expected`` (no mention when ``expected`` is
  null). Caption separation: the mention must also carry ``caption=true``.
- dateparser (the peer): ``dateparser.parse(expression, settings={"RELATIVE_BASE": anchor})``
  on the gold expression string, so it is spared the search for the expression; it counts as
  correct when its date agrees with ``expected`` at the gold granularity (same day, same month,
  same year, or inside the week interval), or returns None for a null item. A second peer row
  adds ``PREFER_DATES_FROM="past"``, the usual setting for news.

Second part, when ``../shared/data/benchmarks/pac_dev.jsonl`` / ``pac_train.jsonl`` are present (real
two-outlet stories, read at run time, never copied): publication-date inference. For every story whose two articles
are both dated, each article in turn has its date hidden and the story is analysed; storyscope's
``published_inferred`` window is scored for containing the true day, for its width, and for
giving a wrong single day. Peers in the same run: htmldate 1.11 ``find_date`` (extensive search,
original date) on the article text as HTML paragraphs, and copying the other article's date.

Run: ``.venv/bin/python benchmarks/timeline.py``.
"""

from __future__ import annotations

import html
import json
import statistics
import sys
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import dateparser  # noqa: E402
import htmldate  # noqa: E402
from spacy.language import Language  # noqa: E402

import storyscope  # noqa: E402
from storyscope.analysis import build_analysis  # noqa: E402
from storyscope.analysis.timeline import extract_temporal_mentions  # noqa: E402
from storyscope.model import Article, StoryAnalysis, TemporalMention  # noqa: E402
from storyscope.nlp import load_pipeline  # noqa: E402

GOLD = ROOT / "benchmarks" / "data" / "timeline_gold.jsonl"
EXAMPLES = ROOT / "examples" / "harbor-story"
SHARED = ROOT.parent / "shared" / "data" / "benchmarks"
#: PAC files scored for publication-date inference (both were examined while building the rules).
PAC_FILES = ("pac_dev.jsonl", "pac_train.jsonl")


def load_gold() -> list[dict[str, Any]]:
    """Gold items with their full text and the character span of the expression."""
    texts = {Path(a.source_path or "").name: a.text for a in storyscope.load(EXAMPLES)}
    items = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text = item.get("text") or texts[item["article"]]
        start = -1
        for _ in range(item["occurrence"]):
            start = text.index(item["expression"], start + 1)
        items.append({**item, "text": text, "start": start, "end": start + len(item["expression"])})
    return items


def agrees(expected: str | None, value: date | None) -> bool:
    """A point date agrees with a gold resolution at the gold's own granularity."""
    if expected is None or value is None:
        return expected is None and value is None
    if "/" in expected:
        first, last = (date.fromisoformat(part) for part in expected.split("/"))
        return first <= value <= last
    return value.isoformat()[: len(expected)] == expected


def dateparser_guess(item: dict[str, Any], settings: dict[str, Any]) -> date | None:
    anchor = datetime.fromisoformat(item["published"])
    parsed = dateparser.parse(item["expression"], languages=["en"], settings={"RELATIVE_BASE": anchor, **settings})
    return parsed.date() if parsed else None


def storyscope_guess(item: dict[str, Any], mentions: list[TemporalMention]) -> TemporalMention | None:
    overlapping = [m for m in mentions if m.start < item["end"] and item["start"] < m.end]
    return min(overlapping, key=lambda m: abs(m.start - item["start"])) if overlapping else None


def window_bounds(label: str | None) -> tuple[date, date | None] | None:
    """(first, last) of a ``published_inferred`` label; last is None for an open interval."""
    if not label:
        return None
    first, _, last = label.partition("/")
    return date.fromisoformat(first), (None if last == ".." else date.fromisoformat(last or first))


def htmldate_guess(text: str) -> date | None:
    page = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip()) + "</body></html>"
    found = htmldate.find_date(page, extensive_search=True, original_date=True)
    return date.fromisoformat(found) if found else None


def inference_benchmark(nlp: Language, path: Path) -> None:
    """Hide each dated article's date in turn in the PAC stories of ``path`` and infer it back."""
    if not path.exists():
        print(f"\n(skipped publication-date inference: {path} not found)")
        return
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    stories: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        stories[record["story_id"]].append(record)
    pairs = [pair for pair in stories.values() if len(pair) == 2 and all(r.get("date") for r in pair)]
    docs = {r["id"]: nlp(r["text"]) for pair in pairs for r in pair}
    ours: dict[str, list[Any]] = defaultdict(list)
    peers: dict[str, list[bool]] = defaultdict(list)
    for pair in pairs:
        for hidden in pair:
            truth = date.fromisoformat(hidden["date"])
            articles = [Article(id=r["id"], text=r["text"], published=None if r is hidden else r["date"]) for r in pair]
            analysis = build_analysis(StoryAnalysis(id="pac", model="bench", articles=articles), docs)
            bounds = window_bounds(analysis.article(hidden["id"]).published_inferred)
            ours["given"].append(bounds is not None)
            contains = bounds is not None and bounds[0] <= truth and (bounds[1] is None or truth <= bounds[1])
            ours["contains"].append(contains)
            if bounds is not None and bounds[1] is not None:
                ours["width"].append((bounds[1] - bounds[0]).days + 1)
                ours["wrong_day"].append(bounds[0] == bounds[1] and bounds[0] != truth)
            guess = htmldate_guess(hidden["text"])
            peers["htmldate_given"].append(guess is not None)
            peers["htmldate_right"].append(guess == truth)
            other = next(r for r in pair if r is not hidden)
            peers["copy_right"].append(date.fromisoformat(other["date"]) == truth)
            peers["copy_within3"].append(abs((date.fromisoformat(other["date"]) - truth).days) <= 3)
    n = len(ours["given"])

    print(f"\nPublication-date inference, {path.name}: {len(pairs)} two-article stories with both dates, {n} trials")
    print()
    print("| method | answers | true day covered | wrong precise day | median window (days) |")
    print("|---|---|---|---|---|")
    widths = ours["width"]
    median = f"{statistics.median(widths):g}" if widths else "-"
    print(f"| storyscope published_inferred | {pct(ours['given'])} | {pct(ours['contains'])} "
          f"| {pct(ours['wrong_day'])} | {median} (closed windows: {len(widths)}) |")
    wrong_htmldate = [g and not r for g, r in zip(peers["htmldate_given"], peers["htmldate_right"], strict=True)]
    print(f"| htmldate find_date | {pct(peers['htmldate_given'])} | {pct(peers['htmldate_right'])} "
          f"| {pct(wrong_htmldate)} | 1 |")
    wrong_copy = [not r for r in peers["copy_right"]]
    print(f"| other article's date | 100.0% ({n}/{n}) | {pct(peers['copy_right'])} | {pct(wrong_copy)} | 1 "
          f"(within ±3 days: {pct(peers['copy_within3'])}) |")


def pct(values: list[bool]) -> str:
    """Share of true values, with the counts."""
    return f"{100 * sum(values) / len(values):.1f}% ({sum(values)}/{len(values)})" if values else "-"


def main() -> None:
    items = load_gold()
    nlp = load_pipeline()
    cache: dict[tuple[str, str], list[TemporalMention]] = {}
    rows: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    captions: list[bool] = []
    misses = []
    for item in items:
        key = (item["text"], item["published"])
        if key not in cache:
            article = Article(id=item["id"], text=item["text"], published=item["published"])
            cache[key] = extract_temporal_mentions(article, nlp(item["text"]))
        mention = storyscope_guess(item, cache[key])
        ours = (mention is None) if item["expected"] is None else (mention is not None
                                                                    and mention.resolved == item["expected"])
        if not ours:
            misses.append((item["id"], item["expression"], item["expected"], mention.resolved if mention else None))
        peer = agrees(item["expected"], dateparser_guess(item, {}))
        peer_past = agrees(item["expected"], dateparser_guess(item, {"PREFER_DATES_FROM": "past"}))
        for category in ("all", item["category"]):
            rows[category]["storyscope"].append(ours)
            rows[category]["dateparser"].append(peer)
            rows[category]["dateparser_past"].append(peer_past)
        if item["caption"]:
            captions.append(mention is not None and mention.caption)

    print(f"Timeline gold set: {len(items)} expressions ({GOLD.relative_to(ROOT)}), dateparser {dateparser.__version__}")
    print()
    print("| category | n | storyscope | dateparser (RELATIVE_BASE) | dateparser (+ PREFER_DATES_FROM=past) |")
    print("|---|---|---|---|---|")
    for category in ["all", *sorted(c for c in rows if c != "all")]:
        row = rows[category]
        print(f"| {category} | {len(row['storyscope'])} | {pct(row['storyscope'])} | {pct(row['dateparser'])} "
              f"| {pct(row['dateparser_past'])} |")
    print()
    print(f"Caption dates kept out of the timeline (storyscope): {pct(captions)}; dateparser has no notion of captions.")
    if misses:
        print()
        print("storyscope misses (id, expression, expected, got):")
        for miss in misses:
            print("  ", *miss)
    for name in PAC_FILES:
        inference_benchmark(nlp, SHARED / name)


if __name__ == "__main__":
    main()
