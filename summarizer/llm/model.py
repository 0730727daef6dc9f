"""The one seam between summarizer and a model. A model does one thing, ``complete``: one chat
completion for one attempt. Everything else about a structured call (the schema sent, validation
against the call's scope, re-asks with the corrections, the lenient last attempt, usage, one-line
errors) is the re-ask loop's, ``llm.asking.fill``, the same for every model: the OpenAI-compatible
client and ``FakeModel`` alike. The pipeline opens one model per run; tests, benchmarks and
library users can pass their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

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
    dropped: tuple[str, ...] = ()  # items the lenient last attempt dropped, each with its reason


@dataclass(frozen=True)
class Attempt:
    """One attempt of a call: what was asked, which attempt this is (0, then each re-ask), and
    the chat completion request as the loop built it (``messages`` with the corrections of
    earlier attempts, and the schema as ``tools`` or ``response_format``, by mode)."""

    request: FillRequest[Any]
    number: int
    body: dict[str, Any]


class Model(Protocol):
    """Answers attempts. ``complete`` returns an ``openai.types.chat.ChatCompletion`` (or raises:
    the loop words the failure as one line); ``keep`` hears the answer that passed validation
    (a model with a response cache stores it there; nothing that failed is ever kept)."""

    @property
    def name(self) -> str: ...

    @property
    def mode(self) -> str: ...  # instructor mode: tools, json, json_schema, md_json

    @property
    def max_reasks(self) -> int: ...

    async def complete(self, attempt: Attempt) -> Any: ...

    def keep(self, attempt: Attempt, answer: Any) -> None: ...

    async def aclose(self) -> None: ...
