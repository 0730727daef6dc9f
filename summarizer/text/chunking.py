"""Splitting a long document into parts that fit the token budget of one extraction call."""

from __future__ import annotations

from collections.abc import Sequence

from . import tokens
from .sentences import Sentence

LINE_OVERHEAD = 4  # the id in brackets and the line break around each sentence in the prompt


def chunk(sentences: Sequence[Sentence], budget: int) -> list[list[Sentence]]:
    """Consecutive sentences in parts of at most ``budget`` tokens (a longer sentence alone)."""
    if sum(len(s.text.encode()) + LINE_OVERHEAD for s in sentences) <= budget:
        return [list(sentences)]  # a token is at least a byte: it fits without loading the tokenizer
    parts: list[list[Sentence]] = [[]]
    used = 0
    for sentence in sentences:
        size = tokens.count(sentence.text) + LINE_OVERHEAD
        if parts[-1] and used + size > budget:
            parts.append([])
            used = 0
        parts[-1].append(sentence)
        used += size
    return parts
