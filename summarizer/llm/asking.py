"""The one re-ask loop: a structured call to any model, made the same way whatever answers it.
instructor builds the request (the draft schema as ``tools`` or ``response_format``, by mode),
validates each answer against the call's scope, and sends the validation errors back as
corrections; this module counts every attempt's usage, makes the last attempt lenient (what holds
is kept, ungrounded items are dropped one by one), tells the model which answer passed, and words
a call that fails for good as one ``ModelError`` carrying what it cost. Models only complete."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..schema.usage import Usage
from ..schema.validation import validating
from .failures import model_error
from .model import Attempt, Draft, Filled, FillRequest, Model


@cache
def _tool_schema(draft: type[Draft]) -> type[Draft]:
    """The draft class as instructor sends it, made once per class: given the plain class,
    instructor derives a new one and its JSON schema on every call (some 5 ms each)."""
    import instructor

    return instructor.openai_schema(draft)


async def fill(model: Model, request: FillRequest[Draft]) -> Filled[Draft]:
    """The validated draft ``request`` asks for, and what every attempt cost. Validation failures
    are re-asked up to ``model.max_reasks`` times; raises ``ModelError`` (with the usage) when the
    call fails for good."""
    import instructor

    usage = Usage()
    attempts: list[tuple[Attempt, Any]] = []
    with validating(request.scope) as validation:

        async def complete(**body: Any) -> Any:
            nonlocal usage
            attempt = Attempt(request, len(attempts), body)
            try:
                answer = await model.complete(attempt)
            except BaseException:
                usage += Usage(calls=1, reasks=1 if attempt.number else 0)  # a failed call counts too
                raise
            counted = getattr(answer, "usage", None)
            usage += Usage(
                calls=1,
                reasks=1 if attempt.number else 0,
                prompt_tokens=getattr(counted, "prompt_tokens", 0) or 0,
                completion_tokens=getattr(counted, "completion_tokens", 0) or 0,
            )
            attempts.append((attempt, answer))
            validation.lenient = attempt.number >= model.max_reasks  # last: keep what holds
            return answer

        create = instructor.patch(create=complete, mode=instructor.Mode[model.mode.upper()])
        try:
            draft: Draft = await create(
                response_model=_tool_schema(request.schema),
                messages=request.messages,
                max_retries=model.max_reasks,
            )
        except Exception as error:
            raise model_error(request.step, request.subject, error, usage) from None
    model.keep(*attempts[-1])  # the answer that passed; failed ones never outlive the call
    return Filled(draft, usage, tuple(validation.dropped))
