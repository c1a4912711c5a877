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

Run: ``.venv/bin/python benchmarks/timeline.py``.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import dateparser  # noqa: E402

import storyscope  # noqa: E402
from storyscope.analysis.timeline import extract_temporal_mentions  # noqa: E402
from storyscope.model import Article, TemporalMention  # noqa: E402
from storyscope.nlp import load_pipeline  # noqa: E402

GOLD = ROOT / "benchmarks" / "data" / "timeline_gold.jsonl"
EXAMPLES = ROOT / "examples" / "harbor-story"


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

    def pct(values: list[bool]) -> str:
        return f"{100 * sum(values) / len(values):.1f}% ({sum(values)}/{len(values)})"

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


if __name__ == "__main__":
    main()
