"""The one seam between summarizer and a model: ``Model.fill`` takes a draft schema, the messages
and the validation scope, and returns the validated draft with what it cost. The pipeline opens
one model per run; tests, benchmarks and library users can pass ``FakeModel`` instead of the
OpenAI-compatible client."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from pydantic import BaseModel

from ..schema.usage import Usage
from ..schema.validation import Scope

Draft = TypeVar("Draft", bound=BaseModel)
Messages = list[dict[str, str]]


@dataclass(frozen=True)
class FillRequest(Generic[Draft]):
    step: str  # 'extraction', 'synthesis': named in errors
    subject: str  # what the call is about, named in errors: a file name, 'the briefing'
    schema: type[Draft]
    messages: Messages
    scope: Scope


@dataclass(frozen=True)
class Filled(Generic[Draft]):
    draft: Draft
    usage: Usage  # every attempt, re-asks included


class Model(Protocol):
    """Fills drafts. Validation failures are re-asked (bounded), the last attempt is lenient, and a
    call that fails for good raises ``ModelError`` carrying its usage."""

    @property
    def name(self) -> str: ...

    @property
    def mode(self) -> str: ...

    async def fill(self, request: FillRequest[Draft]) -> Filled[Draft]: ...

    async def aclose(self) -> None: ...
