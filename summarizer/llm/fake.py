"""A model without a network, shipped for tests, benchmarks and library users who want to run
the whole pipeline offline. It answers each attempt from a Python function and wraps the answer
as the chat completion a server would send in its mode, so that the answer goes through the one
re-ask loop (``llm.asking``) exactly as a real model's does: validated against the call's scope,
re-asked with the corrections, the last attempt lenient."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..lazy import deferred
from .failures import CallFailed
from .model import Attempt, FillRequest

if TYPE_CHECKING:
    from openai.types import chat
else:
    chat = deferred("openai.types.chat")  # the chat completion an answer is wrapped as

# (request, attempt number) -> the answer as the JSON a model would send, or a draft, or the text
# itself (a string, sent as it is: truncated JSON, prose); raising an exception stands for a call
# that fails (its message becomes the error's cause).
Responder = Callable[[FillRequest[Any], int], "dict[str, Any] | BaseModel | str"]


class FakeModel:
    def __init__(
        self, respond: Responder, *, name: str = "fake", mode: str = "tools", max_reasks: int = 2
    ) -> None:
        self.respond = respond
        self._name = name
        self._mode = mode
        self._max_reasks = max_reasks
        self.requests: list[FillRequest[Any]] = []  # every request, in the order it was made
        self.feedback: list[str] = []  # the corrections the loop sent back, one per re-ask

    @property
    def name(self) -> str:
        return self._name

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def max_reasks(self) -> int:
        return self._max_reasks

    async def complete(self, attempt: Attempt) -> Any:
        if attempt.number == 0:
            self.requests.append(attempt.request)
        else:
            self.feedback.append(str(attempt.body["messages"][-1]["content"]))
        try:
            answer = self.respond(attempt.request, attempt.number)
        except Exception as error:
            raise CallFailed(str(error)) from None
        if isinstance(answer, BaseModel):
            answer = answer.model_dump(mode="json")
        text = answer if isinstance(answer, str) else json.dumps(answer)
        message: dict[str, Any] = {"role": "assistant", "content": text}
        if self._mode == "tools":
            (tool,) = attempt.body["tools"]
            call = {
                "id": "call_0",
                "type": "function",
                "function": {"name": tool["function"]["name"], "arguments": text},
            }
            message = {"role": "assistant", "content": None, "tool_calls": [call]}
        return chat.ChatCompletion.model_validate(
            {
                "id": f"fake-{len(self.requests)}-{attempt.number}",
                "object": "chat.completion",
                "created": 0,
                "model": self._name,
                "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
            }
        )

    def keep(self, attempt: Attempt, answer: Any) -> None:
        return None

    async def aclose(self) -> None:
        return None
