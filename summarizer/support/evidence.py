"""What a statement is checked against: the sentences it cites and the parties its claim
recorded. Shared by the checker and the rules that read stance and roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Cited:
    """A sentence a statement cites: its text, the date its source is read from, and the actors
    whose own verified evidence is this sentence (so 'he said' there may stand for them)."""

    id: str
    text: str
    reference: date | None = None
    actors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Roles:
    """The record of a claim: its parties as the extraction recorded them (actor ids), by
    stance, and the sources that report it."""

    claim: frozenset[str] = frozenset()
    confirm: frozenset[str] = frozenset()
    deny: frozenset[str] = frozenset()
    dispute: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
