"""How the lines people read say numbers: one home, so that every command says "1 call" and "2 calls"."""

from __future__ import annotations


def count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 call', '2 calls', '0 re-asks'; ``plural`` for nouns that do not just take an s."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
