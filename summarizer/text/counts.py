"""How a count reads in a line people read: '1 call', '2 calls'. One home, so every message,
progress line and note says it the same way."""

from __future__ import annotations


def count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 call', '2 calls', '0 re-asks'; ``plural`` for nouns that do not just take an s."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
