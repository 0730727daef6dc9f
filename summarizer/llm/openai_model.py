"""The model behind an OpenAI-compatible endpoint: the openai async client with its own retries
off, transport retries by tenacity around each HTTP call, answers served from and stored in the
response cache, and instructor on top for validation and re-asks. Opened once per run."""

from __future__ import annotations

import asyncio
import logging
import random
import sys
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from ..lazy import collector_paused
from ..schema.usage import Usage
from ..schema.validation import validating
from ..settings import Settings
from .failures import CallTimedOut, NotAChatCompletion, describe_api_error, model_error, redact
from .model import Draft, Filled, FillRequest

log = logging.getLogger("summarizer")
_MAX_TOTAL_WAIT = 120.0  # seconds spent waiting between transport retries of one call, at most
_UNUSED_TRANSPORTS = ("aiohttp",)  # optional transports openai loads if installed, unused here


def load_libraries() -> None:
    """Import the client's libraries (openai, instructor) for a command line, before its first
    call, with the garbage collector paused (about a tenth of a cold start), and leave what they
    loaded out of later collections.

    openai also loads its optional aiohttp transport whenever aiohttp is installed (instructor
    requires it), some 0.1 s of a cold start, though the client here speaks through httpx. While
    openai loads, aiohttp reads as not installed, which openai answers by leaving that transport
    out; afterwards aiohttp can be imported as usual."""
    hidden = [name for name in _UNUSED_TRANSPORTS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # 'import aiohttp' raises ImportError
    try:
        with collector_paused(freeze=True):
            import instructor
            import openai  # noqa: F401

            instructor.patch  # noqa: B018 (loads instructor's client and its OpenAI handlers)
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


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


def _retrying(settings: Settings, subject: str) -> Any:
    import tenacity

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


@dataclass
class _Call:
    """What one ``fill`` shares with the HTTP calls it makes: whom to name, what it received."""

    subject: str
    answers: list[tuple[str, Any]] = field(default_factory=list)


@cache
def _tool_schema(draft: type[Draft]) -> type[Draft]:
    """The draft class as instructor sends it, made once per class: given the plain class,
    instructor derives a new one and its JSON schema on every call (some 5 ms each)."""
    import instructor

    return instructor.openai_schema(draft)


# Set around each ``fill``, read by ``_send``: instructor calls ``_send`` with the request alone.
_current: ContextVar[_Call | None] = ContextVar("summarizer_call", default=None)


class OpenAIModel:
    """``Model`` for OpenAI or any OpenAI-compatible server (llama.cpp, Ollama, vLLM)."""

    def __init__(self, settings: Settings) -> None:
        import instructor
        import openai

        from .cache import ResponseCache

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
        call = _current.get() or _Call("the model")
        try:
            response = await asyncio.wait_for(self._post(kwargs, call.subject), self.settings.call_timeout)
        except asyncio.TimeoutError:
            raise CallTimedOut(self.settings.call_timeout) from None
        if key is not None:
            call.answers.append((key, response))  # cached by ``fill`` once it has passed
        return response

    async def _post(self, body: dict[str, Any], subject: str) -> Any:
        """The request, with transport retries (each attempt bounded by ``timeout``)."""
        from openai.types.chat import ChatCompletion

        async for attempt in _retrying(self.settings, subject):
            with attempt:
                # The client's low-level post, not ``client.chat.completions``: the same request,
                # without loading the whole chat resource module tree (half a second per run).
                response = await self.client.post(
                    "/chat/completions",
                    body=body,
                    cast_to=ChatCompletion,
                    options={"security": {"bearer_auth": True}},
                )
                if not isinstance(response, ChatCompletion):
                    raise NotAChatCompletion(response)
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
        call = _Call(request.subject)
        token = _current.set(call)
        with validating(request.scope):
            try:
                draft: Draft = await self._create(
                    response_model=_tool_schema(request.schema),
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
                _current.reset(token)
        if self.cache is not None and call.answers:
            key, response = call.answers[-1]  # the answer that passed; failed ones never outlive the run
            self.cache.put(key, response.model_dump(mode="json"))
        return Filled(draft, usage)

    async def aclose(self) -> None:
        await self.client.close()
