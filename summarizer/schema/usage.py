"""What model calls cost, in calls, re-asks and tokens: summed per step and stored in results."""

from __future__ import annotations

from .record import Record


class Usage(Record):
    calls: int = 0
    reasks: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            calls=self.calls + other.calls,
            reasks=self.reasks + other.reasks,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )

    def __radd__(self, other: object) -> Usage:
        return self if other == 0 else NotImplemented
