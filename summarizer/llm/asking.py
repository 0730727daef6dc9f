"""The one re-ask loop: a structured call to any model, made the same way whatever answers it.
instructor builds the request (the draft schema as ``tools`` or ``response_format``, by mode),
validates each answer against the call's scope, and sends the validation errors back as
corrections; this module counts every attempt's usage, makes the last attempt lenient (what holds
is kept, ungrounded items are dropped one by one), tells the model which answer passed, and words
a call that fails for good as one ``ModelError`` carrying what it cost. Models only complete."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from ..lazy import deferred
from ..schema.usage import Usage
from ..schema.validation import Validation, validating
from .failures import model_error
from .model import Attempt, Draft, Filled, FillRequest, Model

if TYPE_CHECKING:
    import instructor
else:
    instructor = deferred("instructor")  # loads with the first call (the CLI loads it before)


@cache
def _tool_schema(draft: type[Draft]) -> type[Draft]:
    """The draft class as instructor sends it, made once per class: given the plain class,
    instructor derives a new one and its JSON schema on every call (some 5 ms each)."""
    return instructor.openai_schema(draft)


@dataclass
class _Call:
    """One ``fill``: its model and request, its validation, and every attempt with its answer."""

    model: Model
    request: FillRequest[Any]
    validation: Validation
    usage: Usage = field(default_factory=Usage)
    attempts: list[tuple[Attempt, Any]] = field(default_factory=list)

    async def complete(self, **body: Any) -> Any:
        attempt = Attempt(self.request, len(self.attempts), body)
        reask = 1 if attempt.number else 0
        try:
            answer = await self.model.complete(attempt)
        except BaseException:
            self.usage += Usage(calls=1, reasks=reask)  # a failed call counts too
            raise
        counted = getattr(answer, "usage", None)
        self.usage += Usage(
            calls=1,
            reasks=reask,
            prompt_tokens=getattr(counted, "prompt_tokens", 0) or 0,
            completion_tokens=getattr(counted, "completion_tokens", 0) or 0,
        )
        self.attempts.append((attempt, answer))
        self.validation.lenient = attempt.number >= self.model.max_reasks  # last: keep what holds
        return answer


# Set around each ``fill``: instructor calls the function it patched with the request alone.
_current: ContextVar[_Call] = ContextVar("summarizer_call")


async def _complete(**body: Any) -> Any:
    return await _current.get().complete(**body)


@cache
def _create(mode: str) -> Any:
    """instructor's loop around a completion, in ``mode``: made once per mode."""
    return instructor.patch(create=_complete, mode=instructor.Mode[mode.upper()])


async def fill(model: Model, request: FillRequest[Draft]) -> Filled[Draft]:
    """The validated draft ``request`` asks for, and what every attempt cost. Validation failures
    are re-asked up to ``model.max_reasks`` times; raises ``ModelError`` (with the usage) when the
    call fails for good."""
    with validating(request.scope) as validation:
        call = _Call(model, request, validation)
        token = _current.set(call)
        try:
            draft: Draft = await _create(model.mode)(
                response_model=_tool_schema(request.schema),
                messages=request.messages,
                max_retries=model.max_reasks,
            )
        except Exception as error:
            raise model_error(request.step, request.subject, error, call.usage) from None
        finally:
            _current.reset(token)
    model.keep(*call.attempts[-1])  # the answer that passed; failed ones never outlive the call
    return Filled(draft, call.usage, tuple(validation.dropped))
