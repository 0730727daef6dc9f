"""How the lines people read say things that several of them say: counts ("1 call", "2 calls"),
a briefing's byline and what an update starts from; one home, so the note and the page agree."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .schema.briefing import BriefingGeneration, Changes, SourceRecord

BYLINE_OUTLETS = 5


def count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 call', '2 calls', '0 re-asks'; ``plural`` for nouns that do not just take an s."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def outlets(sources: Sequence[SourceRecord]) -> str:
    """The outlets of the sources, each once, the first few named: 'Wions, source B'."""
    labels = list(dict.fromkeys(s.outlet or f"source {s.id}" for s in sources))
    if len(labels) <= BYLINE_OUTLETS:
        return ", ".join(labels)
    return f"{', '.join(labels[:BYLINE_OUTLETS])} and {count(len(labels) - BYLINE_OUTLETS, 'other')}"


def since(changes: Changes) -> str:
    """What an update starts from: 'Since the briefing from 1 source (A); new: B.'"""
    return (
        f"Since the briefing from {count(len(changes.previous_sources), 'source')} "
        f"({', '.join(changes.previous_sources)}); new: {', '.join(changes.new_sources) or 'none'}."
    )


def made(generation: BriefingGeneration) -> str:
    """How a briefing was made: 'gpt-4o-mini (tools): 3 model calls, 9123 tokens'."""
    calls = sum(u.calls for u in generation.usage.values())
    tokens = sum(u.prompt_tokens + u.completion_tokens for u in generation.usage.values())
    return f"{generation.model} ({generation.mode}): {count(calls, 'model call')}, {tokens} tokens"
