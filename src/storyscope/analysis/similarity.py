"""Sentence similarity for aligning claims across articles.

``tfidf``: cosine over TF-IDF vectors of a sentence's content lemmas, its numbers
(normalised, so "1,400" matches "1400") and its named entities (normalised names as
extra features, so a shared entity weighs more than a shared word). The IDF is fitted
on the story's own sentences, so words every sentence shares count little.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.tokens import Span

from storyscope.analysis.entities import NAMED_LABELS, normalise_name

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


#: Similarity functions by name, with the alignment threshold measured for each.
SIMILARITIES: dict[str, tuple[Similarity, float]] = {
    "tfidf": (tfidf_similarity, 0.3),
}
DEFAULT_SIMILARITY = "tfidf"
