"""End to end through the Python API: provenance of every item is exact."""

from __future__ import annotations

import pytest

import storyscope
from storyscope.errors import StoryscopeError
from storyscope.model import Article, StoryAnalysis
from tests.conftest import EXAMPLES, OUTLETS, assert_offsets_exact


def test_analyze_dicts_keeps_ids_and_texts(millbrook):
    analysis = storyscope.analyze(millbrook)
    data = analysis.to_json_dict()
    assert [a["id"] for a in data["articles"]] == ["mb-a", "mb-b"]
    assert [a["text"] for a in data["articles"]] == [m["text"] for m in millbrook]
    assert assert_offsets_exact(data) > 10
    voss = [e for e in data["entities"] if e["canonical"] == "Clara Voss"]
    assert voss and set(voss[0]["article_ids"]) == {"mb-a", "mb-b"}
    assert data["sentences"][0]["text"].startswith("MILLBROOK, Ore.")


def test_unbuilt_sections_are_absent():
    analysis = StoryAnalysis(id="s", model="m", articles=[Article(id="a", text="Some text.")])
    data = analysis.to_json_dict()
    assert set(data) == {"schema_version", "id", "title", "model", "articles"}
    analysis.entities = []
    assert analysis.to_json_dict()["entities"] == [] and analysis.sections == ["entities"]


def test_example_story_provenance_and_duplicates():
    articles = storyscope.load(EXAMPLES, outlets=OUTLETS)
    analysis = storyscope.analyze(articles)
    data = analysis.to_json_dict()
    assert assert_offsets_exact(data) > 200
    duplicates = [a for a in data["articles"] if a["duplicate_of"]]
    assert len(duplicates) == 1
    analysed = {m["article_id"] for e in data["entities"] for m in e["mentions"]}
    assert duplicates[0]["id"] not in analysed
    assert {a["leaning"] for a in data["articles"]} >= {"left", "right", "center"}


def test_no_articles_is_an_error():
    with pytest.raises(StoryscopeError, match="no articles"):
        storyscope.analyze([])


def test_load_raises_naming_the_file(tmp_path):
    (tmp_path / "x.bin").write_bytes(b"\x00\x01")
    with pytest.raises(StoryscopeError, match="x.bin"):
        storyscope.load(tmp_path / "x.bin")


def test_framing_prior_comes_from_the_stored_corpus(tmp_path, millbrook):
    from storyscope.store import Store

    with Store(tmp_path / "s.duckdb") as store:
        first = storyscope.analyze(millbrook, store=store)
        assert {f.prior_articles for f in first.framing} == {2}
        other = [{"id": "x", "outlet": "Gazette", "text": "The ferry schedule changes on Friday. Riders were told early."},
                 {"id": "y", "outlet": "Herald", "text": "Ferry riders face a new schedule from Friday, the port said."}]
        second = storyscope.analyze(other, store=store)
        again = storyscope.analyze(millbrook, store=store)
    assert {f.prior_articles for f in second.framing} == {4}
    assert {f.prior_articles for f in again.framing} == {4}  # re-analysing adds nothing to the corpus
