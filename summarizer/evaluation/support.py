"""Scoring the support checker on statement/evidence pairs (eval/support-pairs.json): per kind of
rewrite, how many unfaithful statements it flags and how many faithful ones it wrongly flags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..documents import decode_json, read_input
from ..errors import InputError
from ..support import ActorNames, Cited, NameTable, Support, assess


class SupportPair(BaseModel):
    id: str
    faithful: bool
    kind: str
    made: str = ""
    statement: str
    evidence: str
    reference_date: date | None = None
    actors: list[list[str]] = []


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
    name, _, raw = read_input(Path(path))
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
        cited = [Cited("E1", pair.evidence, pair.reference_date)]
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
