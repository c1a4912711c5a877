"""The outlet an article names as its own newsroom. All text here is fictional."""

from __future__ import annotations

import pytest

from storyscope.ingest.self_reference import outlet_named_in


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The harbor board ignored a request for comment from the Calder Ledger.", "Calder Ledger"),
        ("Voss did not respond to a Bayline request for comment on Friday.", "Bayline"),
        ("Neither answered requests for comment from Voice of America on Monday.", "Voice of America"),
        # the newsroom's staff by title, in any case
        ("Ruiz told Coastline Wire senior reporter Ana Bell that the pier would close.", "Coastline Wire"),
        ("Ruiz told Frontier Daily Deputy Political Editor Tom Hale on Sunday.", "Frontier Daily"),
        ("Copyright 2024 Frontier Daily. All rights reserved.", "Frontier Daily"),
    ],
)
def test_a_newsroom_naming_itself(text, outlet):
    assert outlet_named_in(text) == outlet


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ana Ruiz told the Harbor Tribune on Wednesday that the pier would close.",  # another outlet's interview
        "The board did not respond to requests for comment from reporters.",
        "",
        # two newsrooms named equally often: no guess
        "Requests for comment from Bayline went unanswered. Copyright 2024 Coastline Wire.",
    ],
)
def test_no_newsroom_named(text):
    assert outlet_named_in(text) is None


def test_the_most_often_named_newsroom_wins():
    text = (
        "Ruiz ignored a request for comment from Bayline. Voss ignored requests for "
        "comment from Bayline either. She told Coastline Wire reporter Ana Bell she would appeal."
    )
    assert outlet_named_in(text) == "Bayline"
