"""Near-duplicate articles: a syndicated or lightly edited copy of an article is one source, its
outlets listed. Found with MinHash signatures of word shingles (datasketch's LSH finds the
candidates in linear time), then confirmed by the shingles' exact Jaccard similarity, since a
signature only estimates it."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import cache
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


def same_words(a: str, b: str) -> bool:
    """Whether two texts say it in the same words, as a copy does (an article, or one sentence of
    a wire report that two outlets each carry)."""
    return jaccard(shingles(a), shingles(b)) >= COPY_SIMILARITY


def signature(text: str) -> numpy.ndarray:
    """The MinHash signature of a text's shingles: what LSH indexes."""
    return _signed(shingles(text))


@cache
def _permutations() -> tuple[numpy.ndarray, numpy.ndarray]:
    """The hash permutations every signature uses: drawn once (datasketch draws them for every
    MinHash it makes otherwise, most of the cost of a short text's signature)."""
    return datasketch.MinHash(num_perm=PERMUTATIONS, seed=1).permutations


def _minhash(values: numpy.ndarray | None = None) -> datasketch.MinHash:
    # CRC-32 hashes a shingle in C, the same in every process (Python's hash is salted per run)
    return datasketch.MinHash(
        num_perm=PERMUTATIONS, seed=1, hashfunc=zlib.crc32, hashvalues=values, permutations=_permutations()
    )


def _signed(shingled: set[str]) -> numpy.ndarray:
    hashed = _minhash()
    hashed.update_batch(w.encode("utf-8") for w in shingled)
    return hashed.hashvalues


# Up to this many pairs, comparing every new text with every other exactly costs less than
# signing them all (an update adds a few articles to hundreds).
EXACT_PAIRS = 20_000


def copy_groups(
    texts: Sequence[str],
    threshold: float = COPY_SIMILARITY,
    signed: Sequence[numpy.ndarray] | None = None,
    fresh_from: int = 0,
) -> list[list[int]]:
    """The texts with near-copies together: lists of indices, each in order, the groups in the
    order of their first text. The first of a group stands for it (an earlier article is the
    original more often than not). ``signed``: the texts' signatures, if they were worked out
    elsewhere (on the workers of a distributed engine). ``fresh_from``: the texts before it were
    compared with each other already (an earlier run's), so only pairs with a later one are."""
    words = [shingles(text) for text in texts]
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(index: int, other: int) -> None:
        if jaccard(words[index], words[other]) >= threshold:
            parent[root(index)] = root(other)

    if signed is None and (len(texts) - fresh_from) * len(texts) <= EXACT_PAIRS:
        for index in range(max(fresh_from, 1), len(texts)):
            for other in range(index):
                join(index, other)
    else:
        lsh = datasketch.MinHashLSH(threshold=min(threshold, CANDIDATE_SIMILARITY), num_perm=PERMUTATIONS)
        for index, shingled in enumerate(words):
            hashed = _minhash(signed[index] if signed is not None else _signed(shingled))
            if index >= fresh_from:
                for other in lsh.query(hashed):
                    join(index, other)
            lsh.insert(index, hashed)
    groups: dict[int, list[int]] = {}
    for index in range(len(texts)):
        groups.setdefault(root(index), []).append(index)
    return sorted(groups.values(), key=lambda members: members[0])
