"""The verdict the checker gives a statement, as briefings store it: a plain model with no rules
of its own, so that reading, rendering and checking a saved briefing's shape never loads the
checker."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Verdict = Literal["supported", "unsupported", "unchecked"]
Rule = Literal["number", "name", "date", "polarity", "role", "wording"]
RULES: tuple[Rule, ...] = ("number", "name", "date", "polarity", "role", "wording")


class Fault(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: Rule
    word: str = Field(description="The word of the statement at fault, as written.")
    reason: str


class Support(BaseModel):
    """Whether a statement says what its cited sentences say, as code checked it."""

    model_config = ConfigDict(extra="forbid")

    verdict: Verdict = Field(
        description="supported: every number, name, date and stance was found in the cited sentences, and no phrase "
        "said twice over that they say once; "
        "unsupported: one was not (see faults); unchecked: the statement has nothing these rules read."
    )
    faults: list[Fault] = Field(default_factory=list)

    def summary(self) -> str:
        """One line: 'number "five": the cited sentences state 3'."""
        return "; ".join(f'{f.rule} "{f.word}": {f.reason}' for f in self.faults) or self.verdict
