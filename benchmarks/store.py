"""Storing articles: ``Store.add_articles`` (set-wise lookups and one bulk insert per batch)
vs the row-by-row path it replaced (a hash lookup, an id lookup and an INSERT per article),
on the same articles, in the same run.

The articles are pac_train texts, each varied so that no two are the same; both paths get
the same precomputed MinHash signatures, so only the storing is timed. Each path fills its
own fresh store in batches of 1,000 (what ``ingest`` hands over per input batch).
Prints seconds, ms per article and the ratio. Run: ``.venv/bin/python benchmarks/store.py [N]``
(default 10,000).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyscope.ingest.dedup import minhash  # noqa: E402
from storyscope.model import Article  # noqa: E402
from storyscope.store import _ARTICLE_COLUMNS, Store  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "benchmarks"
BATCH = 1000


def row_by_row(store: Store, articles: list[Article], signatures: dict) -> None:
    """The old ``add_articles``: two lookups and one INSERT per article, then the index."""
    added = {}
    with store._transaction():
        for article in articles:
            if store.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", [article.content_hash]).fetchone():
                continue
            if store.db.execute("SELECT 1 FROM articles WHERE id = ?", [article.id]).fetchone():
                article = article.model_copy(update={"id": f"{article.id}-{article.content_hash[:8]}"})
            placeholders = ", ".join("?" for _ in _ARTICLE_COLUMNS)
            store.db.execute(
                f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) VALUES ({placeholders})",
                [getattr(article, column) for column in _ARTICLE_COLUMNS],
            )
            added[article.id] = signatures[article.content_hash]
        store._index(added)


def fill(path: Path, articles: list[Article], signatures: dict, add) -> float:
    start = time.perf_counter()
    with Store(path) as store:
        for k in range(0, len(articles), BATCH):
            add(store, articles[k : k + BATCH], signatures)
        assert store.count_articles() == len(articles)
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    path = SHARED / "pac_train.jsonl"
    if not path.exists():
        sys.exit(f"{path} not found")
    with path.open(encoding="utf-8") as handle:
        seeds = [r["text"] for r in map(json.loads, handle)]
    articles = [Article(id=f"a{i}", text=f"{seeds[i % len(seeds)]}\n\nVariant {i}.") for i in range(n)]
    signatures = {a.content_hash: minhash(a.text) for a in articles}
    with tempfile.TemporaryDirectory() as tmp:
        old = fill(Path(tmp) / "old.duckdb", articles, signatures, row_by_row)
        new = fill(Path(tmp) / "new.duckdb", articles, signatures, lambda s, b, g: s.add_articles(b, g))
    print(f"storing {n:,} articles in batches of {BATCH:,} (signatures precomputed)")
    print("| path | seconds | ms/article |")
    print("|---|---|---|")
    print(f"| row by row (baseline) | {old:.1f} | {1000 * old / n:.2f} |")
    print(f"| Store.add_articles (storyscope) | {new:.1f} | {1000 * new / n:.2f} |")
    print(f"speed-up: {old / new:.1f}x")


if __name__ == "__main__":
    main()
