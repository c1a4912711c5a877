"""Claim alignment: on hand-made similarity matrices and on the fictional harbor story."""

from __future__ import annotations

import numpy as np
import pytest

import storyscope
from storyscope.analysis.claims import coverage_of, group_sentences, one_sided_side, paragraph_pieces
from storyscope.ingest.outlets import Outlet, OutletTable
from tests.conftest import EXAMPLES, OUTLETS, assert_offsets_exact


@pytest.fixture(scope="module")
def harbor() -> storyscope.StoryAnalysis:
    return storyscope.analyze(storyscope.load(EXAMPLES, outlets=OUTLETS))


def claim_with(analysis, needle: str, article_label: str):
    ids = {a.id for a in analysis.articles if a.outlet == article_label}
    for claim in analysis.claims:
        if any(needle in s.text and s.article_id in ids for s in claim.sentences):
            return claim
    raise AssertionError(f"no claim with {needle!r} from {article_label}")


def test_group_sentences_keeps_one_sentence_per_article_and_average_link():
    sim = np.array(
        [
            [1.0, 0.9, 0.8, 0.1],  # a: 0; b: 1, 2; c: 3
            [0.9, 1.0, 0.2, 0.6],
            [0.8, 0.2, 1.0, 0.1],
            [0.1, 0.6, 0.1, 1.0],
        ],
        dtype=np.float32,
    )
    groups = group_sentences(["a", "b", "b", "c"], sim, 0.5)
    # 0-1 merge first; 2 cannot join (same article as 1); 3 joins only if its mean link to {0, 1} >= 0.5: 0.35.
    assert groups == [[0, 1], [2], [3]]
    assert group_sentences(["a", "b", "b", "c"], sim, 0.3) == [[0, 1, 3], [2]]


def test_coverage_and_one_sidedness():
    assert [coverage_of(n, 4) for n in (1, 2, 4)] == ["single", "several", "all"]
    assert one_sided_side({"right"}, {"left", "right"}) == "right"
    assert one_sided_side({"right", "center"}, {"left", "right"}) is None
    assert one_sided_side({"left"}, {"left", "center"}) is None  # no right outlet in the story to miss it


def test_paragraph_pieces_cut_at_blank_lines():
    text = 'He left."\n\n  Protesters gather outside.\n \nEnd'
    pieces = [text[s:e] for s, e in paragraph_pieces(text, 0, len(text))]
    assert pieces == ['He left."', "Protesters gather outside.", "End"]
    assert paragraph_pieces("   ", 0, 3) == []


def test_harbor_claims_align_across_outlets(harbor):
    data = harbor.to_json_dict()
    assert assert_offsets_exact(data) > 300
    duplicate = next(a.id for a in harbor.articles if a.duplicate_of)
    assert all(duplicate not in c.article_ids for c in harbor.claims)
    planned = claim_with(harbor, "1,400", "Coastline Wire")
    assert len(planned.outlets) >= 3 and planned.coverage in {"all", "several"}
    whitcomb = claim_with(harbor, "does not get to punish a city", "Coastline Wire")
    assert "The Calder Ledger" in whitcomb.outlets
    schools = claim_with(harbor, "More than 1,100 students", "The Calder Ledger")
    assert schools.coverage == "single" and schools.one_sided == "left"
    assert [len(c.outlets) for c in harbor.claims] == sorted((len(c.outlets) for c in harbor.claims), reverse=True)
    for claim in harbor.claims:
        assert len(claim.article_ids) == len(claim.sentences)  # at most one sentence per article
    assert harbor.claim_coverage.outlets_by_side == {"center": 1, "left": 2, "right": 2}
    assert harbor.claim_coverage.one_sided is None


def test_one_sided_story_is_flagged(millbrook):
    for record, outlet in zip(millbrook, ("A", "B"), strict=True):
        record["outlet"] = outlet
    table = OutletTable()
    table.add(Outlet("A", "right", ()))
    table.add(Outlet("B", "lean-right", ()))
    analysis = storyscope.analyze(millbrook, outlets=table)
    assert analysis.claim_coverage.one_sided == "right"
    assert all(c.one_sided is None for c in analysis.claims)  # no left outlet to leave a claim out


@pytest.mark.parametrize(
    "text",
    ['"' * 5000, "no sentence here", ("word " * 20000).strip(), "\n\n".join(["x"] * 3000), "“" * 3000 + " a b c d."],
)
def test_bad_input_finishes(text):
    # its time is measured in benchmarks/bad_input.py, never asserted here
    analysis = storyscope.analyze([{"id": "x", "text": text}, {"id": "y", "text": text + " More words here now."}])
    assert analysis.claims is not None and analysis.summary is not None
    assert_offsets_exact(analysis.to_json_dict())


def test_captions_and_widgets_are_not_claims():
    body = "The council voted on Tuesday to close the Harbor ferry after a long meeting."
    caption = "Harbor rally\nRiders hold signs outside the terminal on the night of the vote. Dana Holt/Coastline Wire"
    articles = [
        {"id": "a", "outlet": "Coastline Wire", "text": f"{caption}\n\n{body}\n\nLISTEN:\n\nRiders were angry."},
        {"id": "b", "outlet": "Calder Ledger", "text": f"{body}\n\n{caption}"},
    ]
    analysis = storyscope.analyze(articles)
    texts = [s.text for c in analysis.claims for s in c.sentences]
    assert body in texts
    assert not any("Dana Holt" in t or "Harbor rally" in t or "LISTEN" in t for t in texts)
    assert not any("Dana Holt" in s.text for s in analysis.summary)
