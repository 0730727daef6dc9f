"""The model behind an OpenAI-compatible endpoint: the openai async client with its own retries
off, transport retries by tenacity around each HTTP call, answers served from and stored in the
response cache, and instructor on top for validation and re-asks. Opened once per run."""

from __future__ import annotations

import random
from contextvars import ContextVar
from typing import Any

from ..schema.usage import Usage
from ..schema.validation import validating
from ..settings import Settings
from .failures import NotAChatCompletion, model_error
from .model import Draft, Filled, FillRequest

# The answers a ``fill`` has received so far, so that only the one that passed is cached.
_answers: ContextVar[list[tuple[str, Any]] | None] = ContextVar("summarizer_answers", default=None)
_MAX_TOTAL_WAIT = 120.0  # seconds spent waiting between transport retries of one call, at most


def is_transient(error: BaseException) -> bool:
    import openai

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


def _retrying(settings: Settings) -> Any:
    import tenacity

    def wait(state: tenacity.RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        return _wait_seconds(state.attempt_number, error, settings.retry_wait)

    return tenacity.AsyncRetrying(
        retry=tenacity.retry_if_exception(is_transient),
        stop=tenacity.stop_after_attempt(settings.max_retries + 1)
        | tenacity.stop_after_delay(_MAX_TOTAL_WAIT),
        wait=wait,
        reraise=True,
    )


class OpenAIModel:
    """``Model`` for OpenAI or any OpenAI-compatible server (llama.cpp, Ollama, vLLM)."""

    def __init__(self, settings: Settings) -> None:
        import instructor
        import openai

        from .cache import ResponseCache

        settings = settings.require_endpoint()  # the one endpoint check of a run
        self.settings = settings
        self.client = openai.AsyncOpenAI(
            api_key=settings.api_key, base_url=settings.base_url, timeout=settings.timeout, max_retries=0
        )
        self.cache = ResponseCache(settings.cache_dir) if settings.cache_dir else None
        self._create: Any = instructor.patch(create=self._send, mode=instructor.Mode[settings.mode.upper()])

    @property
    def name(self) -> str:
        return self.settings.model

    @property
    def mode(self) -> str:
        return self.settings.mode

    async def _send(self, **kwargs: Any) -> Any:
        """One chat completion: from the cache when it holds the answer, else from the server with
        transport retries around the HTTP call."""
        from openai.types.chat import ChatCompletion

        key = self.cache.key(self.settings.base_url, kwargs) if self.cache else None
        if self.cache is not None and key is not None:
            hit = self.cache.get(key)
            if hit is not None:
                return ChatCompletion.model_validate(hit)
        async for attempt in _retrying(self.settings):
            with attempt:
                # The client's low-level post, not ``client.chat.completions``: the same request,
                # without loading the whole chat resource module tree (half a second per run).
                response = await self.client.post(
                    "/chat/completions",
                    body=kwargs,
                    cast_to=ChatCompletion,
                    options={"security": {"bearer_auth": True}},
                )
                if not isinstance(response, ChatCompletion):
                    raise NotAChatCompletion(response)
                answers = _answers.get()
                if answers is not None and key is not None:
                    answers.append((key, response))  # cached by ``fill`` once it has passed
                return response
        raise AssertionError("tenacity either returns or re-raises")

    async def fill(self, request: FillRequest[Draft]) -> Filled[Draft]:
        from instructor.core.hooks import Hooks

        usage = Usage()
        hooks = Hooks()

        def on_response(response: Any) -> None:
            nonlocal usage
            counted = getattr(response, "usage", None)
            usage += Usage(
                calls=1,
                reasks=1 if usage.calls else 0,
                prompt_tokens=getattr(counted, "prompt_tokens", 0) or 0,
                completion_tokens=getattr(counted, "completion_tokens", 0) or 0,
            )
            if usage.calls >= self.settings.max_reasks + 1:
                request.scope.strict = False  # last attempt: keep what holds, drop the rest

        hooks.on("completion:response", on_response)
        answers: list[tuple[str, Any]] = []
        token = _answers.set(answers)
        with validating(request.scope):
            try:
                draft: Draft = await self._create(
                    response_model=request.schema,
                    messages=request.messages,
                    model=self.settings.model,
                    temperature=self.settings.temperature,
                    max_tokens=self.settings.max_tokens,
                    max_retries=self.settings.max_reasks,
                    hooks=hooks,
                )
            except Exception as error:
                raise model_error(
                    request.step, request.subject, error, self.settings.api_key, usage
                ) from None
            finally:
                _answers.reset(token)
        if self.cache is not None and answers:
            key, response = answers[-1]  # the answer that passed; failed ones never outlive the run
            self.cache.put(key, response.model_dump(mode="json"))
        return Filled(draft, usage)

    async def aclose(self) -> None:
        await self.client.close()
