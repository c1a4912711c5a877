"""Near-duplicate detection (syndicated wire copies, reposts) with MinHash LSH.

Each article is shingled into word 5-grams; an article whose estimated Jaccard
similarity with an earlier one reaches :data:`THRESHOLD` is linked to it as a
duplicate and is not analysed again. Within a batch the index is datasketch's
in-memory LSH; against a stored corpus the same banding (:func:`band_keys`) is kept in
the store, so checking a new batch never loads the corpus's texts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping

import numpy as np
from datasketch import MinHash, MinHashLSH

THRESHOLD = 0.7
NUM_PERM = 128
SHINGLE = 5
_WORD = re.compile(r"\w+")
#: LSH bands and rows per band for THRESHOLD and NUM_PERM, as datasketch chooses them.
_BANDING = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _BANDING.b, _BANDING.r
#: datasketch's hashing scheme (32-bit values): stored signatures are read back with it.
SCHEME = "affine32"

#: Looks up signatures in a stored corpus: ``{key: signature} -> {key: stored id it duplicates}``.
StoredLookup = Callable[[Mapping[str, MinHash]], dict[str, str]]


def minhash(text: str) -> MinHash:
    """MinHash signature of the text's lower-cased word shingles."""
    words = _WORD.findall(text.lower())
    size = min(SHINGLE, max(len(words), 1))
    signature = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    signature.update_batch(" ".join(words[i : i + size]).encode() for i in range(max(len(words) - size + 1, 1)))
    return signature


def band_keys(signature: MinHash) -> list[int]:
    """One 63-bit key per LSH band: texts sharing any band key are candidate duplicates."""
    values = signature.hashvalues.astype(np.uint32)
    return [
        int.from_bytes(hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest()) >> 1
        for b in range(BANDS)
    ]


def signature_bytes(signature: MinHash) -> bytes:
    """A signature as stored: NUM_PERM unsigned 32-bit values."""
    return bytes(signature.hashvalues.astype(np.uint32).tobytes())


def signature_from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint32).copy(), scheme=SCHEME)


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


def find_duplicates(signatures: Mapping[str, MinHash], stored: StoredLookup | None = None) -> dict[str, str]:
    """Map ``id -> id of the earlier near-duplicate`` for ``{id: signature}`` in order.

    ``stored`` looks the batch up in an already-kept corpus (the store) first.
    """
    links = stored(signatures) if stored else {}
    index = DuplicateIndex()
    for key in signatures:
        if key in links:
            continue
        original = index.duplicate_of(signatures[key])
        if original is not None and original != key:
            links[key] = original
        else:
            index.add(key, signatures[key])
    return links
