"""Scores for clusterings (actors, events): B³, entity-based CEAF, MUC, and their CoNLL mean."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lazy import deferred

if TYPE_CHECKING:
    import numpy
    from scipy import optimize
else:  # loaded with the first alignment
    numpy = deferred("numpy")
    optimize = deferred("scipy.optimize")


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
    """Entity-based CEAF: the best one-to-one alignment of entities by φ4 = 2|K∩R| / (|K|+|R|)
    (the Hungarian algorithm: scipy's ``linear_sum_assignment``)."""
    return _ceaf(_ceaf_parts(system, gold))


def _ceaf_parts(system: Clustering, gold: Clustering) -> tuple[float, int, int]:
    """(the best alignment's total φ4, system entities, gold entities)."""
    sys_sets = [set(c) for c in system if c]
    gold_sets = [set(c) for c in gold if c]
    if not sys_sets or not gold_sets:
        return 0.0, len(sys_sets), len(gold_sets)
    similarity = numpy.array([[2 * len(g & s) / (len(g) + len(s)) for s in sys_sets] for g in gold_sets])
    rows, columns = optimize.linear_sum_assignment(similarity, maximize=True)
    return float(similarity[rows, columns].sum()), len(sys_sets), len(gold_sets)


def _ceaf(parts: Sequence[float]) -> Scores:
    best, systems, golds = parts
    return Scores(best / systems if systems else 0.0, best / golds if golds else 0.0)


def muc(system: Clustering, gold: Clustering) -> Scores:
    """MUC: the links a clustering needs to make each gold cluster (recall) or each of its own
    (precision), and how many of them the other keeps, counted as the parts each cluster falls
    into in the other (Vilain et al. 1995)."""
    return _muc(_muc_parts(system, gold))


def _muc_parts(system: Clustering, gold: Clustering) -> tuple[int, int, int, int]:
    """(links kept, links of the system's clusters, links kept, links of the gold clusters)."""

    def kept(keys: Clustering, responses: Clustering) -> tuple[int, int]:
        part_of = {m: n for n, c in enumerate(responses) for m in c}
        needed = sum(len(c) - 1 for c in keys if c)
        # a mention the other clustering lacks is a part of its own
        found = sum(len(c) - len({part_of.get(m, ("alone", m)) for m in c}) for c in keys if c)
        return found, needed

    return (*kept(system, gold), *kept(gold, system))


def _muc(parts: Sequence[int]) -> Scores:
    precise, links, recalled, wanted = parts
    return Scores(precise / links if links else 0.0, recalled / wanted if wanted else 0.0)


@dataclass(frozen=True)
class CoNLL:
    """MUC, B³ and entity CEAF of a clustering, and their mean F1: the CoNLL score."""

    muc: Scores
    b3: Scores
    ceaf_e: Scores

    @property
    def f1(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceaf_e.f1) / 3


def conll(parts: Sequence[tuple[Clustering, Clustering]]) -> CoNLL:
    """The CoNLL scores of several parts' clusterings (system, gold) taken together: the topics of
    a set, which never share a cluster, so each is aligned and linked on its own."""
    links = [
        sum(column) for column in zip(*(_muc_parts(system, gold) for system, gold in parts), strict=True)
    ]
    aligned = [
        sum(column) for column in zip(*(_ceaf_parts(system, gold) for system, gold in parts), strict=True)
    ]
    b3 = weighted([(b_cubed(system, gold), sum(len(c) for c in gold)) for system, gold in parts])
    return CoNLL(_muc(links or [0, 0, 0, 0]), b3, _ceaf(aligned or [0.0, 0, 0]))
