"""Scoring the support checker on statement/evidence pairs (eval/support-pairs.json): per kind of
rewrite, how many unfaithful statements it flags and how many faithful ones it wrongly flags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..documents import COLLECTION_MAX_BYTES, decode_json, read_input
from ..errors import InputError
from ..support import ActorNames, Cited, NameTable, Support, assess


class SupportPair(BaseModel):
    id: str
    faithful: bool
    kind: str
    made: str = ""
    statement: str
    evidence: str | list[str]  # one cited sentence, or several
    reference_date: date | None = None
    actors: list[list[str]] = []
    errors: list[str] = []  # the kinds of error people marked (FRANK's types), where known


class SupportPairs(BaseModel):
    pairs: list[SupportPair]


@dataclass(frozen=True)
class SupportCase:
    pair: SupportPair
    support: Support

    @property
    def flagged(self) -> bool:
        return self.support.verdict == "unsupported"

    @property
    def correct(self) -> bool:
        return self.flagged != self.pair.faithful


@dataclass(frozen=True)
class KindScore:
    kind: str
    faithful: bool
    total: int
    flagged: int

    @property
    def rate(self) -> float:
        return self.flagged / self.total if self.total else 0.0


def load_pairs(path: str | Path) -> list[SupportPair]:
    name, _, raw = read_input(Path(path), COLLECTION_MAX_BYTES)
    try:
        pairs = SupportPairs.model_validate(decode_json(raw, name)).pairs
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(name, f"is not a set of support pairs ({where}: {first['msg']})") from None
    if not pairs:
        raise InputError(name, "holds no pairs")
    return pairs


def evaluate_support(pairs: Sequence[SupportPair]) -> list[SupportCase]:
    cases = []
    for pair in pairs:
        table = NameTable(ActorNames(f"G{i}", tuple(names)) for i, names in enumerate(pair.actors))
        sentences = [pair.evidence] if isinstance(pair.evidence, str) else pair.evidence
        cited = [Cited(f"E{i}", text, pair.reference_date) for i, text in enumerate(sentences, start=1)]
        cases.append(SupportCase(pair, assess(pair.statement, cited, table)))
    return cases


def scores_by_kind(cases: Sequence[SupportCase]) -> list[KindScore]:
    """Unfaithful kinds first (flagged is right), then faithful ones (flagged is wrong)."""
    kinds = sorted({(c.pair.faithful, c.pair.kind) for c in cases})
    return [
        KindScore(
            kind,
            faithful,
            sum(1 for c in cases if (c.pair.faithful, c.pair.kind) == (faithful, kind)),
            sum(1 for c in cases if (c.pair.faithful, c.pair.kind) == (faithful, kind) and c.flagged),
        )
        for faithful, kind in kinds
    ]


@dataclass(frozen=True)
class Separation:
    """How well flags separate unfaithful statements from faithful ones, in one set of pairs:
    recall is the share of unfaithful ones flagged, false flags the share of faithful ones."""

    name: str
    unfaithful: int
    caught: int
    faithful: int
    false_flags: int

    @property
    def recall(self) -> float | None:
        return self.caught / self.unfaithful if self.unfaithful else None

    @property
    def false_flag_rate(self) -> float | None:
        return self.false_flags / self.faithful if self.faithful else None

    @property
    def balanced_accuracy(self) -> float | None:
        if self.recall is None or self.false_flag_rate is None:
            return None
        return (self.recall + 1 - self.false_flag_rate) / 2


def separation(name: str, cases: Sequence[SupportCase]) -> Separation:
    unfaithful = [c for c in cases if not c.pair.faithful]
    faithful = [c for c in cases if c.pair.faithful]
    return Separation(
        name,
        len(unfaithful),
        sum(c.flagged for c in unfaithful),
        len(faithful),
        sum(c.flagged for c in faithful),
    )


def separations(cases: Sequence[SupportCase]) -> list[Separation]:
    """Per kind that has pairs of both sides, then all pairs together."""
    kinds = sorted(
        {c.pair.kind for c in cases if c.pair.faithful} & {c.pair.kind for c in cases if not c.pair.faithful}
    )
    return [*(separation(k, [c for c in cases if c.pair.kind == k]) for k in kinds), separation("all", cases)]


def recall_by_error(cases: Sequence[SupportCase]) -> list[Separation]:
    """Per kind of error people marked (FRANK's types): the unfaithful statements flagged."""
    marked = sorted({e for c in cases for e in c.pair.errors})
    return [separation(e, [c for c in cases if e in c.pair.errors]) for e in marked]
