"""Shared fixtures. All article text here is fictional, written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from storyscope.model import Article
from storyscope.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "harbor-story"
OUTLETS = ROOT / "examples" / "outlets.csv"
SHARED = ROOT.parent / "shared"

MILLBROOK_A = (
    "MILLBROOK, Ore. — The Millbrook City Council voted 6-1 on Tuesday to close the Eastside ferry terminal, "
    "a decision Mayor Clara Voss called \"painful but necessary.\"\n\n"
    "Voss said the city would spend $3 million on a replacement bus line. Transit director Omar Haddad "
    "warned that about 900 daily riders would lose their direct route.\n\n"
    "The ferry has operated since 1962, according to the Millbrook Historical Society."
)
MILLBROOK_B = (
    "Millbrook's council shut down the Eastside ferry on Tuesday night after a heated meeting.\n\n"
    "Mayor Clara Voss told reporters the closure was \"painful but necessary\" and promised a new bus line "
    "costing $2.5 million. Omar Haddad, the city's transit chief, said more than 1,000 riders use the ferry "
    "every day.\n\n"
    "Residents who spoke at the meeting asked the council to wait. \"We were never consulted,\" said "
    "dock worker Lena Ortiz."
)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture()
def millbrook() -> list[dict[str, Any]]:
    return [
        {"id": "mb-a", "outlet": "Millbrook Courier", "title": "Council closes ferry", "published": "2024-05-08",
         "text": MILLBROOK_A},
        {"id": "mb-b", "outlet": "Valley Sentinel", "title": "Ferry shut after heated meeting",
         "published": "2024-05-09", "text": MILLBROOK_B},
    ]


def iter_spans(node: Any) -> list[dict[str, Any]]:
    """Every dict in a JSON tree that carries article_id/start/end provenance."""
    found = []
    if isinstance(node, dict):
        if {"article_id", "start", "end"} <= node.keys():
            found.append(node)
        for value in node.values():
            found.extend(iter_spans(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(iter_spans(value))
    return found


def iter_span_texts(node: Any, article_id: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Every ``{"text", "spans"}`` object in a JSON tree, with the article id of the nearest enclosing item."""
    found = []
    if isinstance(node, dict):
        article_id = node.get("article_id", article_id)
        if {"text", "spans"} <= node.keys() and article_id is not None:
            found.append((article_id, node))
        for value in node.values():
            found.extend(iter_span_texts(value, article_id))
    elif isinstance(node, list):
        for value in node:
            found.extend(iter_span_texts(value, article_id))
    return found


def assert_offsets_exact(data: dict[str, Any]) -> int:
    """Every provenance span in an analysis slices its article's text to its surface string.

    Spans are ``article_id``/``start``/``end``[/``text``] dicts, and ``{"text", "spans"}``
    objects (possibly discontinuous) under an item with ``article_id``, whose ``text`` is
    the slices joined by one space.
    """
    texts = {a["id"]: a["text"] for a in data["articles"]}
    spans = [s for key, value in data.items() if key != "articles" for s in iter_spans(value)]
    for span in spans:
        text = texts[span["article_id"]]
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        if "text" in span:
            assert text[span["start"] : span["end"]] == span["text"], span
    multi = [s for key, value in data.items() if key != "articles" for s in iter_span_texts(value)]
    for article_id, node in multi:
        text = texts[article_id]
        bounds = [tuple(pair) for pair in node["spans"]]
        assert bounds and all(0 <= s < e <= len(text) for s, e in bounds), node
        assert all(bounds[i][1] <= bounds[i + 1][0] for i in range(len(bounds) - 1)), node
        assert node["text"] == " ".join(text[s:e] for s, e in bounds), node
    return len(spans) + len(multi)


__all__ = ["EXAMPLES", "OUTLETS", "SHARED", "Article", "assert_offsets_exact", "iter_span_texts", "iter_spans"]
