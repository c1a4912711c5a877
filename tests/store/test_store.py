from __future__ import annotations

import json

import duckdb
import pytest

from storyscope.errors import StoryscopeError
from storyscope.model import Article
from storyscope.store import SCHEMA_VERSION, Store
from tests.conftest import MILLBROOK_A, MILLBROOK_B


def _articles() -> list[Article]:
    return [Article(id="a", outlet="Courier", text=MILLBROOK_A), Article(id="b", outlet="Sentinel", text=MILLBROOK_B)]


def test_reingest_adds_nothing(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_articles(_articles())
        again = store.add_articles(_articles())
        assert store.count_articles() == 2
        assert [a.id for a in again] == ["a", "b"]


def test_same_id_different_text_gets_distinct_id(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_articles([Article(id="a", text=MILLBROOK_A)])
        (stored,) = store.add_articles([Article(id="a", text=MILLBROOK_B)])
        assert stored.id.startswith("a-") and store.count_articles() == 2


def test_repeats_inside_one_batch_are_stored_once_and_ids_stay_unique(tmp_path):
    batch = [
        Article(id="a", outlet="Courier", text=MILLBROOK_A, source_offset=3),
        Article(id="a", text=MILLBROOK_B),
        Article(id="c", text=MILLBROOK_A),
    ]
    with Store(tmp_path / "s.duckdb") as store:
        stored = store.add_articles(batch)
        assert [a.id for a in stored] == ["a", f"a-{batch[1].content_hash[:8]}", "a"]
        assert store.count_articles() == 2
        assert store.articles(["a"])[0].model_dump() == batch[0].model_dump()


def test_failed_batch_leaves_nothing_half_written(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_articles([_articles()[0]])
        with pytest.raises(RuntimeError):
            with store._transaction():
                store.db.execute("INSERT INTO articles (content_hash, id, text) VALUES ('h', 'x', 't')")
                raise RuntimeError("interrupted")
        assert [a.id for a in store.articles()] == ["a"]


def test_parses_round_trip(tmp_path, nlp):
    from storyscope.nlp import doc_from_bytes, doc_to_bytes

    doc = nlp(MILLBROOK_A)
    with Store(tmp_path / "s.duckdb") as store:
        store.add_parses([("h1", doc_to_bytes(doc))], "p1")
        store.add_parses([("h1", doc_to_bytes(doc))], "p1")  # idempotent
        restored = doc_from_bytes(store.get_parses(["h1"], "p1")["h1"], nlp)
    assert [e.text for e in restored.ents] == [e.text for e in doc.ents]
    assert [t.dep_ for t in restored] == [t.dep_ for t in doc]


def test_schema_versioned_and_newer_file_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
    db = duckdb.connect(str(path))
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    db.close()
    with pytest.raises(StoryscopeError, match="newer"):
        Store(path)


def test_export_parquet_and_jsonl(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_articles(_articles())
        assert store.export("articles", "jsonl", tmp_path / "a.jsonl") == 2
        assert store.export("articles", "parquet", tmp_path / "a.parquet") == 2
        rows = store.db.execute(f"SELECT id, text FROM read_parquet('{tmp_path / 'a.parquet'}') ORDER BY id").fetchall()
    assert rows == [("a", MILLBROOK_A), ("b", MILLBROOK_B)]
    lines = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert {line["id"] for line in lines} == {"a", "b"}


def test_older_file_is_migrated_in_place_keeping_data(tmp_path, monkeypatch):
    import storyscope.store as store_module

    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_articles(_articles())
    upgraded = [*store_module.MIGRATIONS, ["ALTER TABLE articles ADD COLUMN language VARCHAR DEFAULT 'en'"]]
    monkeypatch.setattr(store_module, "MIGRATIONS", upgraded)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(upgraded))
    with Store(path) as store:
        assert store.schema_version() == len(upgraded)
        assert store.count_articles() == 2
        assert store.db.execute("SELECT DISTINCT language FROM articles").fetchall() == [("en",)]


def test_corpus_term_counts_add_each_article_once(tmp_path):
    from collections import Counter

    with Store(tmp_path / "s.duckdb") as store:
        first = {"h1": Counter({"city council": 2, "vote": 1}), "h2": Counter({"vote": 3})}
        assert store.add_term_counts(first, "p") == 2
        assert store.add_term_counts({"h2": Counter({"vote": 3}), "h3": Counter({"ferry": 1})}, "p") == 1
        assert store.add_term_counts({"h1": Counter({"vote": 9})}, "other-pipeline") == 1
        counts, total, articles = store.term_counts(["vote", "ferry", "absent"], "p")
    assert counts == Counter({"vote": 4, "ferry": 1}) and total == 7 and articles == 3


def test_repost_of_a_stored_article_is_linked_without_reloading_texts(tmp_path):
    from storyscope.ingest.dedup import find_duplicates, minhash

    repost = "Reposted from the Millbrook Courier.\n\n" + MILLBROOK_A + "\n\nThis story first ran in the Courier."
    with Store(tmp_path / "s.duckdb") as store:
        store.add_articles(_articles())
        batch = {"c": minhash(repost), "d": minhash("A different story about the harbor budget vote.")}
        links = find_duplicates(batch, store.stored_duplicates)
    assert links == {"c": "a"}


def test_store_from_before_the_index_is_indexed_on_upgrade(tmp_path):
    from storyscope.ingest.dedup import minhash

    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_articles(_articles())
    db = duckdb.connect(str(path))  # make it a version-2 file: articles, no index
    db.execute("DROP TABLE minhashes")
    db.execute("DROP TABLE minhash_bands")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.db.execute("SELECT count(*) FROM minhashes").fetchone() == (2,)
        assert store.stored_duplicates({"copy": minhash(MILLBROOK_B)}) == {"copy": "b"}


def test_add_articles_indexes_the_signatures_it_is_given(tmp_path):
    from storyscope.ingest.dedup import minhash

    article = _articles()[0]
    given = minhash(MILLBROOK_B)  # not the article's own: shows the given signature is the one stored
    with Store(tmp_path / "s.duckdb") as store:
        store.add_articles([article], {article.content_hash: given})
        assert store.stored_duplicates({"x": minhash(MILLBROOK_B)}) == {"x": "a"}
        assert store.stored_duplicates({"y": minhash(MILLBROOK_A)}) == {}


def test_store_from_before_outlet_sources_keeps_its_articles_on_upgrade(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_articles(_articles())
    db = duckdb.connect(str(path))  # make it a version-3 file: no outlet_source column
    db.execute("ALTER TABLE articles DROP COLUMN outlet_source")
    db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    db.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        articles = store.articles()
        assert sorted(a.id for a in articles) == sorted(a.id for a in _articles())
        assert all(a.outlet_source is None for a in articles)
