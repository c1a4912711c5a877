"""Near-duplicate check against a stored corpus: the store's LSH index vs reloading texts.

A store is filled with N kept articles (pac_train texts with half their words replaced
by random tokens, so no two are near-duplicates), then a batch of new articles is
checked against it: half are reposts of stored ones (1% of words changed), half new.

- baseline: what ingest did before the index, reading every stored text back,
  MinHashing it and building datasketch's in-memory LSH, then querying;
- storyscope: ``Store.stored_duplicates``, a join on the stored band keys plus a
  Jaccard check of the candidates' stored signatures.

Prints seconds for each, their ratio, and whether both found the same links.
Run: ``.venv/bin/python benchmarks/dedup.py [N]`` (default 20,000).
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyscope.ingest.dedup import DuplicateIndex, find_duplicates, minhash  # noqa: E402
from storyscope.model import Article  # noqa: E402
from storyscope.store import Store  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "benchmarks"
BATCH = 200


def varied(text: str, rng: random.Random, share: float) -> str:
    """The text with a share of its words replaced by random tokens."""
    words = text.split()
    for i in rng.sample(range(len(words)), int(len(words) * share)):
        words[i] = f"w{rng.randrange(10**9)}"
    return " ".join(words)


def corpus(n: int, rng: random.Random) -> list[str]:
    path = SHARED / "pac_train.jsonl"
    if not path.exists():
        sys.exit(f"{path} not found")
    with path.open(encoding="utf-8") as handle:
        seeds = [r["text"] for r in map(json.loads, handle) if len(r["text"].split()) > 100]
    return [varied(seeds[i % len(seeds)], rng, 0.5) for i in range(n)]


def baseline(store: Store, batch: list[tuple[str, str]]) -> dict[str, str]:
    """Reload every kept text, MinHash it, index it in memory, then check the batch."""
    index = DuplicateIndex()
    cursor = store.db.execute("SELECT id, text FROM articles WHERE duplicate_of IS NULL")
    while rows := cursor.fetchmany(1000):
        for key, text in rows:
            index.add(key, minhash(text))
    links = {}
    for key, text in batch:
        original = index.duplicate_of(minhash(text))
        if original is not None:
            links[key] = original
    return links


def timed(function, *args):
    tracemalloc.start()
    start = time.perf_counter()
    result = function(*args)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, seconds, peak


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    rng = random.Random(7)
    texts = corpus(n, rng)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        start = time.perf_counter()
        for k in range(0, n, 1000):
            store.add_articles(Article(id=f"a{i}", text=t) for i, t in enumerate(texts[k : k + 1000], k))
        print(f"stored {n:,} articles in {time.perf_counter() - start:.1f} s (signatures and band keys included)")
        reposts = [(f"r{i}", varied(texts[i], rng, 0.01)) for i in rng.sample(range(n), BATCH // 2)]
        fresh = [(f"f{i}", t) for i, t in enumerate(corpus(BATCH // 2, random.Random(99)))]
        batch = reposts + fresh
        expected = {key: f"a{key[1:]}" for key, _ in reposts}
        old, old_s, old_mb = timed(baseline, store, batch)
        new, new_s, new_mb = timed(
            lambda: find_duplicates({key: minhash(text) for key, text in batch}, store.stored_duplicates)
        )
    print(f"batch of {len(batch)} new articles ({len(reposts)} reposts) against {n:,} stored")
    print("| method | seconds | peak traced MB | reposts found | false links |")
    print("|---|---|---|---|---|")
    for name, links, seconds, peak in (("reload texts + in-memory LSH (baseline)", old, old_s, old_mb),
                                       ("store LSH index (storyscope)", new, new_s, new_mb)):
        found = sum(links.get(k) == v for k, v in expected.items())
        false = sum(k not in expected for k in links)
        print(f"| {name} | {seconds:.2f} | {peak:.0f} | {found}/{len(expected)} | {false} |")
    print(f"speed-up: {old_s / new_s:.1f}x")


if __name__ == "__main__":
    main()
