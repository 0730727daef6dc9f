"""How a count reads in a line people read ('1 call', '2 calls'), and how a value is quoted
there. One home, so every message, progress line, problem and note says them the same way."""

from __future__ import annotations

from .sentences import MAX_SENTENCE_CHARS


def count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 call', '2 calls', '0 re-asks'; ``plural`` for nouns that do not just take an s."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def shown(value: object) -> str:
    """A value as a problem or warning quotes it: whole, unless it is longer than any sentence or
    statement may be (a forged briefing's), then its start and its length, so that one line stays
    a line."""
    if value is None:
        return "none"
    text = str(value)
    if len(text) <= MAX_SENTENCE_CHARS:
        return repr(text)
    return f"{text[:MAX_SENTENCE_CHARS]!r}... ({len(text):,} characters)"
