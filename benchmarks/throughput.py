"""Throughput: raw spaCy ``nlp.pipe`` vs ``storyscope extract`` end to end, on the same texts.

Corpora: the bundled example story repeated to at least 200k words, and
``../shared/data/benchmarks/pac_train.jsonl`` when it is present. For each, prints
words/s of the baseline (``nlp.pipe`` over the texts, model already loaded) and of
``storyscope extract`` run as a user runs it (a subprocess: model load, JSONL in,
every section's per-article extraction, JSONL out), and their ratio, plus the
extract process's peak memory.

Run: ``make bench`` or ``.venv/bin/python benchmarks/throughput.py``.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import storyscope  # noqa: E402
from storyscope.nlp import load_pipeline  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "benchmarks"
MIN_WORDS = 200_000


def example_corpus() -> list[dict[str, str]]:
    articles = [a for a in storyscope.load(ROOT / "examples" / "harbor-story") if a.duplicate_of is None]
    words = sum(len(a.text.split()) for a in articles)
    repeats = -(-MIN_WORDS // words)
    return [{"id": f"{a.id}-{i}", "text": a.text} for i in range(repeats) for a in articles]


def pac_corpus() -> list[dict[str, str]] | None:
    path = SHARED / "pac_train.jsonl"
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as handle:
        return [{"id": str(r["id"]), "text": r["text"]} for r in map(json.loads, handle)]


def measure(name: str, records: list[dict[str, str]]) -> None:
    words = sum(len(r["text"].split()) for r in records)
    nlp = load_pipeline()
    start = time.perf_counter()
    for _ in nlp.pipe((r["text"] for r in records), batch_size=64):
        pass
    baseline = words / (time.perf_counter() - start)

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "storyscope", "extract", str(src), "-o", str(out)],
            check=True, stderr=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - start
        peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    extract = words / elapsed
    print(
        f"| {name} | {len(records)} | {words:,} | {baseline:,.0f} | {extract:,.0f} | {extract / baseline:.2f} | {peak_mb:,.0f} |"
    )


def main() -> None:
    print("| corpus | articles | words | nlp.pipe words/s (baseline) | storyscope extract words/s | ratio | extract peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    measure("example story x N", example_corpus())
    pac = pac_corpus()
    if pac is not None:
        measure("pac_train.jsonl", pac)
    else:
        print(f"(skipped pac_train.jsonl: {SHARED} not found)")


if __name__ == "__main__":
    main()
