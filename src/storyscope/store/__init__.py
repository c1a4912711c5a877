"""The store: one embedded DuckDB file holding articles, parses, stories and analyses.

Articles are keyed by the SHA-256 of their stored text, so ingesting the same
article twice adds nothing. Every write runs in one transaction: a failed batch
leaves no half-written article. The schema is versioned; :data:`MIGRATIONS`
upgrades older files in place.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType

import duckdb
from datasketch import MinHash

from storyscope.errors import Errors, StoryscopeError
from storyscope.ingest.dedup import THRESHOLD, band_keys, minhash, signature_bytes, signature_from_bytes
from storyscope.model import Article, StoryAnalysis

#: Ordered schema migrations; version N is reached by running MIGRATIONS[N-1]: SQL statements,
#: or functions of the store for steps SQL cannot do (computing signatures of stored texts).
MIGRATIONS: list[list[str | Callable[[Store], None]]] = [
    [
        "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """CREATE TABLE articles (
            content_hash VARCHAR PRIMARY KEY,
            id VARCHAR NOT NULL UNIQUE,
            title VARCHAR, outlet VARCHAR, leaning VARCHAR,
            published VARCHAR, published_source VARCHAR,
            url VARCHAR, source_path VARCHAR, source_offset INTEGER, dateline VARCHAR,
            text VARCHAR NOT NULL,
            duplicate_of VARCHAR,
            ingested_at TIMESTAMP DEFAULT current_timestamp)""",
        """CREATE TABLE parses (
            content_hash VARCHAR NOT NULL, pipeline VARCHAR NOT NULL, docbin BLOB NOT NULL,
            PRIMARY KEY (content_hash, pipeline))""",
        "CREATE TABLE stories (id VARCHAR PRIMARY KEY, title VARCHAR, created_at TIMESTAMP DEFAULT current_timestamp)",
        """CREATE TABLE story_articles (
            story_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, PRIMARY KEY (story_id, article_id))""",
        """CREATE TABLE analyses (
            story_id VARCHAR PRIMARY KEY, pipeline VARCHAR, schema_version VARCHAR,
            created_at TIMESTAMP DEFAULT current_timestamp, analysis JSON NOT NULL)""",
    ],
    [  # 2: corpus term counts, the background of framing's prior (aggregated, so vocabulary-sized)
        """CREATE TABLE corpus_articles (
            content_hash VARCHAR NOT NULL, pipeline VARCHAR NOT NULL, PRIMARY KEY (content_hash, pipeline))""",
        """CREATE TABLE corpus_terms (
            pipeline VARCHAR NOT NULL, term VARCHAR NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (pipeline, term))""",
    ],
    [  # 3: the near-duplicate index (MinHash signatures and LSH band keys of kept articles)
        "CREATE TABLE minhashes (article_id VARCHAR PRIMARY KEY, signature BLOB NOT NULL)",
        "CREATE TABLE minhash_bands (band SMALLINT NOT NULL, key BIGINT NOT NULL, article_id VARCHAR NOT NULL)",
        lambda store: store._index_kept_articles(),
    ],
    [  # 4: where each article's outlet came from
        "ALTER TABLE articles ADD COLUMN IF NOT EXISTS outlet_source VARCHAR",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)

_ARTICLE_COLUMNS = [
    "content_hash", "id", "title", "outlet", "outlet_source", "leaning", "published", "published_source",
    "url", "source_path", "source_offset", "dateline", "text", "duplicate_of",
]  # fmt: skip


class Store:
    """A storyscope DuckDB file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = duckdb.connect(self.path)
        except duckdb.Error as exc:
            raise StoryscopeError(f"store {self.path}: {exc}") from exc
        self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: tuple[type[BaseException] | None, BaseException | None, TracebackType | None]) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- schema ---------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.db.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoryscopeError(Errors.E020.format(path=self.path, found=current, supported=SCHEMA_VERSION))
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self._transaction():
                for statement in MIGRATIONS[version - 1]:
                    if isinstance(statement, str):
                        self.db.execute(statement)
                    else:
                        statement(self)
                self.db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
                )

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)

    # -- articles -------------------------------------------------------------
    def add_articles(
        self, articles: Iterable[Article], signatures: Mapping[str, MinHash] | None = None
    ) -> list[Article]:
        """Insert new articles in one transaction; return them as stored.

        An article whose text is already stored (or earlier in the same batch) is returned as
        the stored one (its id may differ from the one given); a new text whose id is taken gets
        a suffixed id. Kept articles join the near-duplicate index, with their ``signatures`` (by
        content hash) when the caller has them already. The batch is looked up and inserted in
        a few set-wise statements, not one per article, so ingest stays fast at corpus scale.
        """
        batch = list(articles)
        if not batch:
            return []
        stored: list[Article] = []
        new: list[Article] = []
        added: dict[str, MinHash] = {}
        with self._transaction():
            known = {a.content_hash: a for a in self._articles(
                "WHERE content_hash IN (SELECT unnest(?))", [[a.content_hash for a in batch]])}
            taken = self._taken_ids([a.id for a in batch])
            for article in batch:
                if article.content_hash in known:
                    stored.append(known[article.content_hash])
                    continue
                if article.id in taken:
                    article = article.model_copy(update={"id": f"{article.id}-{article.content_hash[:8]}"})
                taken.add(article.id)
                known[article.content_hash] = article
                new.append(article)
                stored.append(article)
                if article.duplicate_of is None:
                    signature = (signatures or {}).get(article.content_hash)
                    added[article.id] = signature if signature is not None else minhash(article.text)
            if new:
                self.db.execute(
                    f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
                    f"SELECT {', '.join('unnest(?)' for _ in _ARTICLE_COLUMNS)}",
                    [[getattr(a, column) for a in new] for column in _ARTICLE_COLUMNS],
                )
            self._index(added)
        return stored

    def _taken_ids(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` stored articles already have."""
        rows = self.db.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {row[0] for row in rows}

    def _articles(self, where: str = "", params: list[object] | None = None) -> list[Article]:
        rows = self.db.execute(
            f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles {where} ORDER BY ingested_at, id", params or []
        ).fetchall()
        return [Article(**dict(zip(_ARTICLE_COLUMNS, row, strict=True))) for row in rows]

    def get_article_by_hash(self, digest: str) -> Article | None:
        found = self._articles("WHERE content_hash = ?", [digest])
        return found[0] if found else None

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """All stored articles, or those with the given ids (in store order)."""
        if ids is None:
            return self._articles()
        wanted = list(ids)
        return self._articles("WHERE id IN (SELECT unnest(?))", [wanted]) if wanted else []

    # -- near-duplicate index -------------------------------------------------
    def _index(self, signatures: Mapping[str, MinHash]) -> None:
        """Add kept articles' signatures and band keys to the near-duplicate index, in two statements."""
        if not signatures:
            return
        ids = list(signatures)
        self.db.execute(
            "INSERT INTO minhashes SELECT unnest(?), unnest(?)", [ids, [signature_bytes(signatures[i]) for i in ids]]
        )
        bands = [(band, key, article_id) for article_id in ids for band, key in enumerate(band_keys(signatures[article_id]))]
        self.db.execute(
            "INSERT INTO minhash_bands SELECT unnest(?), unnest(?), unnest(?)",
            [[b for b, _, _ in bands], [k for _, k, _ in bands], [a for _, _, a in bands]],
        )

    def _index_kept_articles(self) -> None:
        """Index every stored kept article (upgrading a store that predates the index)."""
        cursor = self.db.cursor().execute("SELECT id, text FROM articles WHERE duplicate_of IS NULL")
        while rows := cursor.fetchmany(1000):
            self._index({article_id: minhash(text) for article_id, text in rows})

    def stored_duplicates(self, signatures: Mapping[str, MinHash]) -> dict[str, str]:
        """For a batch ``{key: signature}``, the stored kept article each key near-duplicates:
        candidates share an LSH band key, and the most similar one at or above the threshold wins."""
        keys, bands, band_values = [], [], []
        for key, signature in signatures.items():
            for band, value in enumerate(band_keys(signature)):
                keys.append(key)
                bands.append(band)
                band_values.append(value)
        if not keys:
            return {}
        pairs = self.db.execute(
            "SELECT DISTINCT q.key, b.article_id FROM (SELECT unnest(?) AS key, unnest(?) AS band, unnest(?) AS value) q "
            "JOIN minhash_bands b ON b.band = q.band AND b.key = q.value",
            [keys, bands, band_values],
        ).fetchall()
        candidates = {article_id for _, article_id in pairs}
        stored = dict(
            self.db.execute(
                "SELECT article_id, signature FROM minhashes WHERE article_id IN (SELECT unnest(?))", [list(candidates)]
            ).fetchall()
        ) if candidates else {}
        best: dict[str, tuple[float, str]] = {}
        for key, article_id in pairs:
            if article_id == key:
                continue
            score = signatures[key].jaccard(signature_from_bytes(stored[article_id]))
            if score >= THRESHOLD and score > best.get(key, (0.0, ""))[0]:
                best[key] = (score, article_id)
        return {key: article_id for key, (_, article_id) in best.items()}

    def count_articles(self) -> int:
        row = self.db.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0

    # -- parses ---------------------------------------------------------------
    def get_parses(self, digests: Iterable[str], pipeline: str) -> dict[str, bytes]:
        wanted = list(digests)
        if not wanted:
            return {}
        rows = self.db.execute(
            "SELECT content_hash, docbin FROM parses WHERE pipeline = ? AND content_hash IN (SELECT unnest(?))",
            [pipeline, wanted],
        ).fetchall()
        return {digest: bytes(blob) for digest, blob in rows}

    def add_parses(self, parses: Iterable[tuple[str, bytes]], pipeline: str) -> None:
        with self._transaction():
            for digest, blob in parses:
                self.db.execute("INSERT OR IGNORE INTO parses VALUES (?, ?, ?)", [digest, pipeline, blob])

    # -- corpus term counts ---------------------------------------------------
    def add_term_counts(self, counts: Mapping[str, Counter[str]], pipeline: str) -> int:
        """Add articles' term counts (keyed by content hash) to the corpus totals, once per
        article and pipeline; return how many articles were new."""
        with self._transaction():
            known = {
                row[0]
                for row in self.db.execute(
                    "SELECT content_hash FROM corpus_articles WHERE pipeline = ? AND content_hash IN (SELECT unnest(?))",
                    [pipeline, list(counts)],
                ).fetchall()
            }
            new = [digest for digest in counts if digest not in known]
            if not new:
                return 0
            total: Counter[str] = sum((counts[digest] for digest in new), Counter())
            self.db.execute(
                "INSERT INTO corpus_articles SELECT unnest(?), ?", [new, pipeline]
            )
            self.db.execute(
                "INSERT INTO corpus_terms SELECT ?, unnest(?), unnest(?) "
                "ON CONFLICT (pipeline, term) DO UPDATE SET n = corpus_terms.n + excluded.n",
                [pipeline, list(total), list(total.values())],
            )
        return len(new)

    def term_counts(self, terms: Iterable[str], pipeline: str) -> tuple[Counter[str], int, int]:
        """Corpus counts of ``terms``, the count over every term, and the number of articles."""
        wanted = list(terms)
        rows = self.db.execute(
            "SELECT term, n FROM corpus_terms WHERE pipeline = ? AND term IN (SELECT unnest(?))", [pipeline, wanted]
        ).fetchall() if wanted else []
        total = self.db.execute("SELECT coalesce(sum(n), 0) FROM corpus_terms WHERE pipeline = ?", [pipeline]).fetchone()
        articles = self.db.execute("SELECT count(*) FROM corpus_articles WHERE pipeline = ?", [pipeline]).fetchone()
        return Counter(dict(rows)), int(total[0]) if total else 0, int(articles[0]) if articles else 0

    # -- stories and analyses -------------------------------------------------
    def save_analysis(self, analysis: StoryAnalysis, pipeline: str) -> None:
        """Store the story, its membership and its analysis in one transaction."""
        with self._transaction():
            self.db.execute("INSERT OR REPLACE INTO stories (id, title) VALUES (?, ?)", [analysis.id, analysis.title])
            self.db.execute("DELETE FROM story_articles WHERE story_id = ?", [analysis.id])
            for article in analysis.articles:
                self.db.execute("INSERT INTO story_articles VALUES (?, ?)", [analysis.id, article.id])
            self.db.execute(
                "INSERT OR REPLACE INTO analyses (story_id, pipeline, schema_version, analysis) VALUES (?, ?, ?, ?)",
                [analysis.id, pipeline, analysis.schema_version, json.dumps(analysis.to_json_dict())],
            )

    def get_analysis(self, story_id: str) -> StoryAnalysis | None:
        row = self.db.execute("SELECT analysis FROM analyses WHERE story_id = ?", [story_id]).fetchone()
        return StoryAnalysis.model_validate_json(row[0]) if row else None

    # -- export ---------------------------------------------------------------
    def export(self, table: str, fmt: str, out: str | Path) -> int:
        """Write ``articles``, ``stories`` or ``analyses`` as Parquet or JSON lines."""
        queries = {
            "articles": f"SELECT {', '.join(_ARTICLE_COLUMNS)}, ingested_at FROM articles ORDER BY ingested_at, id",
            "stories": "SELECT s.id, s.title, list(sa.article_id ORDER BY sa.article_id) AS article_ids "
            "FROM stories s LEFT JOIN story_articles sa ON sa.story_id = s.id GROUP BY s.id, s.title ORDER BY s.id",
            "analyses": "SELECT story_id, pipeline, schema_version, analysis FROM analyses ORDER BY story_id",
        }
        if table not in queries:
            raise StoryscopeError(f"unknown table '{table}' (choose from {', '.join(queries)})")
        formats = {"parquet": "FORMAT parquet", "jsonl": "FORMAT json"}
        if fmt not in formats:
            raise StoryscopeError(f"unknown export format '{fmt}' (choose parquet or jsonl)")
        target = str(out).replace("'", "''")
        self.db.execute(f"COPY ({queries[table]}) TO '{target}' ({formats[fmt]})")
        row = self.db.execute(f"SELECT count(*) FROM ({queries[table]})").fetchone()
        return int(row[0]) if row else 0


class _Transaction:
    """BEGIN … COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, db: duckdb.DuckDBPyConnection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
