"""The model behind an OpenAI-compatible endpoint: the openai async client with its own retries
off, transport retries by tenacity around each HTTP call, answers served from and stored in the
response cache. Validation and re-asks are the loop's (``llm.asking``), the same for every model.
Opened once per run."""

from __future__ import annotations

import asyncio
import logging
import random
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from ..lazy import deferred
from ..schema.usage import Usage
from ..settings import Settings
from .cache import ResponseCache
from .failures import CallFailed, CallTimedOut, NotAChatCompletion, describe_api_error, redact
from .model import Attempt

if TYPE_CHECKING:
    import openai
    import tenacity
    from openai.types import chat
else:  # loaded with the model (the CLI loads them before its first call)
    openai = deferred("openai")
    tenacity = deferred("tenacity")
    chat = deferred("openai.types.chat")

log = logging.getLogger("summarizer")
# One record an answer served from the response cache, its ``usage`` what it cost when first
# asked: a command line tells a run's own spending from what its answers cost once.
served = logging.getLogger("summarizer.cache")
_MAX_TOTAL_WAIT = 120.0  # seconds spent waiting between transport retries of one call, at most


def is_transient(error: BaseException) -> bool:
    return isinstance(
        error,
        (openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError),
    ) or (isinstance(error, openai.APIStatusError) and error.status_code in (408, 409, 502, 503, 504))


def _wait_seconds(attempt: int, error: BaseException | None, base: float = 0.5) -> float:
    """Retry-After when the server sends one, else exponential backoff with full jitter."""
    response = getattr(error, "response", None)
    header = response.headers.get("retry-after") if response is not None else None
    if header:
        try:
            return min(float(header), 60.0)
        except ValueError:
            pass
    return random.uniform(0, min(30.0, base * 2**attempt))


def _retrying(settings: Settings, subject: str) -> Any:
    def wait(state: tenacity.RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        return _wait_seconds(state.attempt_number, error, settings.retry_wait)

    def announce(state: tenacity.RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        pause = state.next_action.sleep if state.next_action else 0.0
        cause = redact(describe_api_error(error), settings.api_key) if error is not None else "no answer"
        log.warning(
            "%s: %s; retrying in %.1f s (attempt %d of %d)",
            subject,
            cause,
            pause,
            state.attempt_number + 1,
            settings.max_retries + 1,
        )

    return tenacity.AsyncRetrying(
        retry=tenacity.retry_if_exception(is_transient),
        stop=tenacity.stop_after_attempt(settings.max_retries + 1)
        | tenacity.stop_after_delay(_MAX_TOTAL_WAIT),
        wait=wait,
        before_sleep=announce,
        reraise=True,
    )


class OpenAIModel:
    """``Model`` for OpenAI or any OpenAI-compatible server (llama.cpp, Ollama, vLLM)."""

    def __init__(self, settings: Settings) -> None:
        settings = settings.require_endpoint()  # the one endpoint check of a run
        self.settings = settings
        # Over plain HTTP (a local server) no TLS ever happens, so the certificate store (a tenth
        # of a second to load) is not; redirects are not followed, so it never can happen either.
        plain = urlsplit(settings.base_url or "").scheme == "http"
        self.client = openai.AsyncOpenAI(
            api_key=settings.api_key,
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=0,
            http_client=openai.DefaultAsyncHttpxClient(verify=False, follow_redirects=False)
            if plain
            else None,
        )
        self.cache = ResponseCache(settings.cache_dir) if settings.cache_dir else None

    @property
    def name(self) -> str:
        return self.settings.model

    @property
    def mode(self) -> str:
        return self.settings.mode

    @property
    def max_reasks(self) -> int:
        return self.settings.max_reasks

    async def complete(self, attempt: Attempt) -> Any:
        """One chat completion: from the cache when it holds the answer, else from the server with
        transport retries around the HTTP call; a failure for good is one line, the key removed."""
        settings = self.settings
        body = self.body_of(attempt)
        if self.cache is not None:
            key = self.cache.key(settings.base_url, body)
            hit = self.cache.get(key)
            if hit is not None:
                try:
                    answer = chat.ChatCompletion.model_validate(hit)
                except ValidationError:  # a corrupt entry is a miss, replaced by this call's answer
                    self.cache.forget(key)
                else:
                    counted = answer.usage
                    served.info(
                        "%s: an answer served from the cache",
                        attempt.request.subject,
                        extra={
                            "usage": Usage(
                                calls=1,
                                prompt_tokens=counted.prompt_tokens if counted else 0,
                                completion_tokens=counted.completion_tokens if counted else 0,
                            )
                        },
                    )
                    return answer
        try:
            return await asyncio.wait_for(self._post(body, attempt.request.subject), settings.call_timeout)
        except asyncio.TimeoutError:
            raise CallTimedOut(settings.call_timeout) from None
        except Exception as error:
            raise CallFailed(redact(describe_api_error(error), settings.api_key)) from None

    def keep(self, attempt: Attempt, answer: Any) -> None:
        if self.cache is not None:
            key = self.cache.key(self.settings.base_url, self.body_of(attempt))
            self.cache.put(key, answer.model_dump(mode="json"))

    def cached(self, body: dict[str, Any]) -> bool:
        """Whether the response cache holds the answer to ``body`` (a batch leaves it out)."""
        return self.cache is not None and self.cache.holds(self.cache.key(self.settings.base_url, body))

    def body_of(self, attempt: Attempt) -> dict[str, Any]:
        """The request as sent: the loop's (messages, schema) with this endpoint's parameters."""
        settings = self.settings
        return {
            "model": settings.model,
            **attempt.body,
            "temperature": settings.temperature,
            "max_tokens": settings.max_tokens,
        }

    async def _post(self, body: dict[str, Any], subject: str) -> Any:
        """The request, with transport retries (each attempt bounded by ``timeout``)."""
        async for attempt in _retrying(self.settings, subject):
            with attempt:
                # The client's low-level post, not ``client.chat.completions``: the same request,
                # without loading the whole chat resource module tree (half a second per run).
                response = await self.client.post(
                    "/chat/completions",
                    body=body,
                    cast_to=chat.ChatCompletion,
                    options={"security": {"bearer_auth": True}},
                )
                if not isinstance(response, chat.ChatCompletion):
                    raise NotAChatCompletion(response)
                return response
        raise AssertionError("tenacity either returns or re-raises")

    async def aclose(self) -> None:
        await self.client.close()
