"""Scores for clusterings (actors, events): B³ and entity-based CEAF."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


Clustering = Sequence[Sequence[Hashable]]


def weighted(scores: Sequence[tuple[Scores, int]]) -> Scores:
    """Scores of several parts taken together, each weighted by its number of items (the topics of
    a set: B³ over all their mentions at once, since topics never share a cluster)."""
    total = sum(n for _, n in scores)
    if not total:
        return Scores(0.0, 0.0)
    return Scores(
        sum(s.precision * n for s, n in scores) / total, sum(s.recall * n for s, n in scores) / total
    )


def b_cubed(system: Clustering, gold: Clustering) -> Scores:
    """B³ over the mentions both clusterings contain."""
    sys_of = {m: frozenset(c) for c in system for m in c}
    gold_of = {m: frozenset(c) for c in gold for m in c}
    mentions = [m for m in gold_of if m in sys_of]
    if not mentions:
        return Scores(0.0, 0.0)
    precision = sum(len(sys_of[m] & gold_of[m]) / len(sys_of[m]) for m in mentions) / len(mentions)
    recall = sum(len(sys_of[m] & gold_of[m]) / len(gold_of[m]) for m in mentions) / len(mentions)
    return Scores(precision, recall)


def ceaf_e(system: Clustering, gold: Clustering) -> Scores:
    """Entity-based CEAF: the best one-to-one alignment of entities by φ4 = 2|K∩R| / (|K|+|R|)."""
    sys_sets = [set(c) for c in system if c]
    gold_sets = [set(c) for c in gold if c]
    if not sys_sets or not gold_sets:
        return Scores(0.0, 0.0)
    similarity = [[2 * len(g & s) / (len(g) + len(s)) for s in sys_sets] for g in gold_sets]
    best = _max_assignment(similarity)
    return Scores(best / len(sys_sets), best / len(gold_sets))


def _max_assignment(weights: list[list[float]]) -> float:
    """Total weight of the best one-to-one assignment of rows to columns (Hungarian algorithm)."""
    rows, cols = len(weights), len(weights[0])
    n = max(rows, cols)
    cost = [[-(weights[i][j] if i < rows and j < cols else 0.0) for j in range(n)] for i in range(n)]
    inf = float("inf")
    u, v, match, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j], way[j] = current, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return -sum(cost[match[j] - 1][j - 1] for j in range(1, n + 1) if match[j])
