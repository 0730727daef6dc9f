"""A model without a network, shipped for tests, benchmarks and library users who want to run
the whole pipeline offline. Its answers are plain data that go through the same validation as a
real model's: checked against the call's scope, re-asked when they fail, the last attempt
lenient, and a failure for good raised as ``ModelError`` with its usage."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import ModelError
from ..schema.usage import Usage
from ..schema.validation import validating
from .failures import describe_invalid
from .model import Draft, Filled, FillRequest

# (request, attempt) -> the answer as the JSON a model would send, or a draft; raising an
# exception stands for a call that fails (its message becomes the error's cause).
Responder = Callable[[FillRequest[Any], int], "dict[str, Any] | BaseModel"]


class FakeModel:
    def __init__(
        self, respond: Responder, *, name: str = "fake", mode: str = "tools", max_reasks: int = 2
    ) -> None:
        self.respond = respond
        self._name = name
        self._mode = mode
        self.max_reasks = max_reasks
        self.requests: list[FillRequest[Any]] = []  # every request, in the order it was made
        self.feedback: list[str] = []  # the corrections a real model would have been sent

    @property
    def name(self) -> str:
        return self._name

    @property
    def mode(self) -> str:
        return self._mode

    async def fill(self, request: FillRequest[Draft]) -> Filled[Draft]:
        self.requests.append(request)
        usage = Usage()
        problem = "no attempt made"
        for attempt in range(self.max_reasks + 1):
            request.scope.strict = attempt < self.max_reasks
            usage += Usage(calls=1, reasks=1 if attempt else 0)
            try:
                answer = self.respond(request, attempt)
            except Exception as error:
                raise ModelError(request.step, request.subject, str(error), usage) from None
            data = answer.model_dump() if isinstance(answer, BaseModel) else answer
            try:
                with validating(request.scope):
                    return Filled(request.schema.model_validate(data), usage)
            except ValidationError as error:
                problem = describe_invalid(error)
                self.feedback.append(str(error))
        raise ModelError(
            request.step,
            request.subject,
            f"no usable answer after {self.max_reasks + 1} attempts ({problem})",
            usage,
        )

    async def aclose(self) -> None:
        return None
