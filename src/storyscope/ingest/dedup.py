"""Near-duplicate detection (syndicated wire copies, reposts) with MinHash LSH.

Each article is shingled into word 5-grams; an article whose estimated Jaccard
similarity with an earlier one reaches :data:`THRESHOLD` is linked to it as a
duplicate and is not analysed again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from datasketch import MinHash, MinHashLSH

THRESHOLD = 0.7
NUM_PERM = 128
SHINGLE = 5
_WORD = re.compile(r"\w+")


def minhash(text: str) -> MinHash:
    """MinHash signature of the text's lower-cased word shingles."""
    words = _WORD.findall(text.lower())
    size = min(SHINGLE, max(len(words), 1))
    signature = MinHash(num_perm=NUM_PERM)
    signature.update_batch(" ".join(words[i : i + size]).encode() for i in range(max(len(words) - size + 1, 1)))
    return signature


class DuplicateIndex:
    """An LSH index of kept articles; ask it whether a new text duplicates one."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    def add(self, key: str, signature: MinHash) -> None:
        if key not in self._signatures:
            self._lsh.insert(key, signature)
            self._signatures[key] = signature

    def duplicate_of(self, signature: MinHash) -> str | None:
        """The most similar indexed key at or above the threshold, if any."""
        best, best_score = None, 0.0
        for key in self._lsh.query(signature):
            score = signature.jaccard(self._signatures[key])
            if score >= self.threshold and score > best_score:
                best, best_score = key, score
        return best


def find_duplicates(items: Sequence[tuple[str, str]], known: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """Map ``id -> id of the earlier near-duplicate`` for ``(id, text)`` items.

    ``known`` are already-kept articles (e.g. from the store) checked first.
    """
    index = DuplicateIndex()
    for key, text in known:
        index.add(key, minhash(text))
    links: dict[str, str] = {}
    for key, text in items:
        signature = minhash(text)
        original = index.duplicate_of(signature)
        if original is not None and original != key:
            links[key] = original
        else:
            index.add(key, signature)
    return links
