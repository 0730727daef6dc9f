"""Near-duplicate articles: a syndicated or lightly edited copy of an article is one source, its
outlets listed. Found with MinHash signatures of word shingles (datasketch's LSH finds the
candidates in linear time), then confirmed by the shingles' exact Jaccard similarity, since a
signature only estimates it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..lazy import deferred

if TYPE_CHECKING:
    import datasketch
    import numpy
else:
    datasketch = deferred("datasketch")  # loaded with the first articles compared
    numpy = deferred("numpy")

SHINGLE = 5  # words a shingle: short enough for an edit to touch few, long enough to be rare
COPY_SIMILARITY = 0.8  # Jaccard of shingles at or above which two articles are one text
PERMUTATIONS = 128
# LSH proposes pairs from this estimated similarity on: a pair just above COPY_SIMILARITY would be
# missed a fair share of the time if LSH looked for that itself; the exact test then decides.
CANDIDATE_SIMILARITY = 0.5
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def signature(text: str) -> numpy.ndarray:
    """The MinHash signature of a text's shingles: what LSH indexes."""
    return _signed(shingles(text))


def _signed(shingled: set[str]) -> numpy.ndarray:
    hashed = datasketch.MinHash(num_perm=PERMUTATIONS, seed=1)
    hashed.update_batch(w.encode("utf-8") for w in shingled)
    return hashed.hashvalues


def copy_groups(
    texts: Sequence[str], threshold: float = COPY_SIMILARITY, signed: Sequence[numpy.ndarray] | None = None
) -> list[list[int]]:
    """The texts with near-copies together: lists of indices, each in order, the groups in the
    order of their first text. The first of a group stands for it (an earlier article is the
    original more often than not). ``signed``: the texts' signatures, if they were worked out
    elsewhere (on the workers of a distributed engine)."""
    words = [shingles(text) for text in texts]
    lsh = datasketch.MinHashLSH(threshold=min(threshold, CANDIDATE_SIMILARITY), num_perm=PERMUTATIONS)
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for index, shingled in enumerate(words):
        values = signed[index] if signed is not None else _signed(shingled)
        hashed = datasketch.MinHash(num_perm=PERMUTATIONS, seed=1, hashvalues=values)
        for other in lsh.query(hashed):
            if jaccard(shingled, words[other]) >= threshold:
                parent[root(index)] = root(other)
        lsh.insert(index, hashed)
    groups: dict[int, list[int]] = {}
    for index in range(len(texts)):
        groups.setdefault(root(index), []).append(index)
    return sorted(groups.values(), key=lambda members: members[0])
