"""One model call with grounding: the request, re-asks counted, the last attempt lenient, usage
summed over every attempt, failures turned into one clear line. Extraction and synthesis both
go through it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .errors import ModelError
from .grounding import Corpus, Scope, grounding
from .results import Citation, Usage
from .schemas import CitationDraft
from .settings import Settings


@dataclass
class ModelCall:
    step: str  # 'extraction', 'synthesis': named in errors
    source: str  # what the call is about, for errors: a file name, 'the briefing'
    settings: Settings
    scope: Scope
    usage: Usage = field(default_factory=Usage)

    def hooks(self) -> Any:
        from instructor.core.hooks import Hooks

        hooks = Hooks()

        def on_response(response: Any) -> None:
            usage = getattr(response, "usage", None)
            self.usage = self.usage.add(
                Usage(
                    calls=1,
                    reasks=1 if self.usage.calls else 0,
                    prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
                    completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
                )
            )
            if self.usage.calls >= self.settings.max_reasks + 1:
                self.scope.strict = False  # last attempt: keep what holds, drop the rest

        hooks.on("completion:response", on_response)
        return hooks

    def request(self, response_model: type[BaseModel], messages: list[dict[str, str]]) -> dict[str, Any]:
        return {
            "response_model": response_model,
            "messages": messages,
            "model": self.settings.model,
            "temperature": self.settings.temperature,
            "max_tokens": self.settings.max_tokens,
            "max_retries": self.settings.max_reasks,
            "hooks": self.hooks(),
        }

    def run(self, create: Any, response_model: type[BaseModel], messages: list[dict[str, str]]) -> Any:
        with grounding(self.scope):
            try:
                return create(**self.request(response_model, messages))
            except Exception as error:
                raise self.failure(error) from None

    async def arun(self, create: Any, response_model: type[BaseModel], messages: list[dict[str, str]]) -> Any:
        with grounding(self.scope):
            try:
                return await create(**self.request(response_model, messages))
            except Exception as error:
                raise self.failure(error) from None

    def failure(self, error: Exception) -> ModelError:
        failed = model_error(self.step, self.source, error, self.settings)
        failed.usage = self.usage
        return failed


def fence(label: str, text: str) -> str:
    """A fence line derived from the fenced text itself: the text cannot contain its own fence."""
    import hashlib

    return f"====={label} {hashlib.sha256(text.encode()).hexdigest()[:10]}====="


def model_error(step: str, source: str, error: Exception, settings: Settings) -> ModelError:
    """One clear line for a failed model call: transport cause, truncated or unusable answer."""
    from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

    cause: BaseException = error
    if isinstance(error, InstructorRetryException) and error.__cause__ is not None:
        cause = error.__cause__
    if isinstance(cause, IncompleteOutputException):
        text = "the answer was cut off at the token limit"
    elif _is_api_error(cause):
        text = _describe_api_error(cause)
    elif type(cause).__name__ == "NotAChatCompletion":
        text = str(cause)
    elif isinstance(error, InstructorRetryException):
        text = f"no usable answer after {error.n_attempts} attempts ({_summary(cause)})"
    else:
        text = f"{type(cause).__name__}: {cause}"
    return ModelError(step, source, redact(text, settings.api_key))


def _summary(error: BaseException) -> str:
    """The first few problems of an unusable answer, on one line."""
    from pydantic import ValidationError

    if isinstance(error, ValidationError):
        problems = [f"{'.'.join(map(str, e['loc'])) or 'answer'}: {e['msg']}" for e in error.errors()]
        more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        return "; ".join(problems[:3]) + more
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__


def _is_api_error(error: BaseException) -> bool:
    import openai

    return isinstance(error, openai.APIError)


def _describe_api_error(error: BaseException) -> str:
    import openai

    if isinstance(error, openai.APITimeoutError):
        return "the model server did not answer in time"
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


def cite(label: str, evidence: list[CitationDraft], corpus: Corpus, warnings: list[str]) -> list[Citation]:
    kept: list[Citation] = []
    for cited in evidence:
        span = corpus.span(cited.sentence_id, cited.quote)
        if isinstance(span, str):
            warnings.append(f"{label}: dropped citation {cited.sentence_id} {cited.quote!r}: {span}")
            continue
        kept.append(
            Citation(sentence_id=cited.sentence_id.strip(), quote=cited.quote, start=span[0], end=span[1])
        )
    if not kept:
        warnings.append(f"{label}: dropped, no citation holds")
    return kept
