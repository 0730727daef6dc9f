"""A failed model call as one clear line: the transport cause, a truncated or unusable answer, a
page that is not a chat completion; with the API key, and anything shaped like one, removed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..errors import AnswerCutOff, ModelError
from ..lazy import deferred
from ..schema.usage import Usage

if TYPE_CHECKING:
    import openai
    from instructor.core import exceptions
else:  # loaded with the first failure worded
    openai = deferred("openai")
    exceptions = deferred("instructor.core.exceptions")


class NotAChatCompletion(Exception):
    """The server answered 200 with something else than a chat completion (an HTML error page)."""

    def __init__(self, body: object) -> None:
        text = " ".join(str(body).split())
        super().__init__(
            f"the model server answered with something other than a chat completion: {text[:80]!r}"
        )


class CallFailed(Exception):
    """A completion that failed for a reason already worded for people, secrets removed: what a
    model raises from ``complete`` for a failure of its own (transport, server, a fake's refusal)."""


class CallTimedOut(CallFailed):
    """The whole call, retries included, outlasted ``call_timeout``."""

    def __init__(self, seconds: float | None) -> None:
        super().__init__(f"no answer within {seconds:g} s (the bound on a whole call, retries included)")


def model_error(step: str, subject: str, error: Exception, usage: Usage) -> ModelError:
    """One clear line for a failed model call: the model's own failure, a truncated or unusable
    answer; anything shaped like a key removed."""
    cause: BaseException = error
    if isinstance(error, exceptions.InstructorRetryException) and error.__cause__ is not None:
        cause = error.__cause__
    if isinstance(cause, exceptions.IncompleteOutputException):
        return AnswerCutOff(step, subject, "the answer was cut off at the token limit", usage)
    if isinstance(cause, CallFailed):
        text = str(cause)
    elif isinstance(error, exceptions.InstructorRetryException):
        text = f"no usable answer after {error.n_attempts} attempts ({describe_invalid(cause)})"
    else:
        text = f"{type(cause).__name__}: {cause}"
    return ModelError(step, subject, redact(text, None), usage)


def describe_invalid(error: BaseException) -> str:
    """The first few problems of an unusable answer, on one line."""
    if isinstance(error, ValidationError):
        problems = [f"{'.'.join(map(str, e['loc'])) or 'answer'}: {e['msg']}" for e in error.errors()]
        more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        return "; ".join(problems[:3]) + more
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__


def describe_api_error(error: BaseException) -> str:
    """What went wrong with one HTTP call, in a few words."""
    if isinstance(error, (NotAChatCompletion, CallTimedOut)):
        return str(error)
    if isinstance(error, openai.APITimeoutError):
        return (
            "the model server did not answer in time (a longer --timeout may help, or a lower "
            "--concurrency where the server answers one request at a time)"
        )
    if isinstance(error, openai.APIConnectionError):
        return "cannot reach the model server"
    if isinstance(error, openai.APIStatusError):
        body = error.body
        detail = body.get("message") if isinstance(body, dict) else None
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            detail = body["error"].get("message")
        if not isinstance(detail, str) or not detail.strip():
            detail = error.message if isinstance(error.message, str) else ""
        return f"the model server answered HTTP {error.status_code}: {detail.splitlines()[0][:200] if detail else ''}".strip()
    return f"{type(error).__name__}: {error}"


_KEYLIKE = re.compile(r"\b(sk-[A-Za-z0-9_*\-]{6,})")


def redact(text: str, api_key: str | None) -> str:
    """Remove the API key, and anything shaped like one, from text meant for people."""
    if api_key and len(api_key) >= 4:
        text = text.replace(api_key, "[redacted]")
    return _KEYLIKE.sub("[redacted]", " ".join(text.split()))
