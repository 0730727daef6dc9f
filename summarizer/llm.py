"""The one client path: the openai client (sync or async) with its own retries off, transport
retries by tenacity around each HTTP call, and instructor on top for validation and re-asks."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from .settings import Settings

_MAX_TOTAL_WAIT = 120.0  # seconds spent waiting between transport retries of one call, at most


def instructor_mode(name: str) -> Any:
    from instructor import Mode

    return {
        "tools": Mode.TOOLS,
        "json_schema": Mode.JSON_SCHEMA,
        "json": Mode.JSON,
        "md_json": Mode.MD_JSON,
    }[name]


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


def _retrying(settings: Settings, asynchronous: bool) -> Any:
    import tenacity

    def wait(state: tenacity.RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        return _wait_seconds(state.attempt_number, error, settings.retry_wait)

    kind = tenacity.AsyncRetrying if asynchronous else tenacity.Retrying
    return kind(
        retry=tenacity.retry_if_exception(is_transient),
        stop=tenacity.stop_after_attempt(settings.max_retries + 1)
        | tenacity.stop_after_delay(_MAX_TOTAL_WAIT),
        wait=wait,
        reraise=True,
    )


class NotAChatCompletion(Exception):
    """The server answered 200 with something else than a chat completion (an HTML error page)."""

    def __init__(self, body: object) -> None:
        text = " ".join(str(body).split())
        super().__init__(
            f"the model server answered with something other than a chat completion: {text[:80]!r}"
        )


def openai_client(settings: Settings, *, asynchronous: bool = False) -> Any:
    """The openai client for these settings, with its own retries off (tenacity retries instead,
    so the two layers never multiply). Close it when done (``with`` / ``async with``)."""
    import openai

    settings = settings.require_endpoint()
    kind = openai.AsyncOpenAI if asynchronous else openai.OpenAI
    return kind(api_key=settings.api_key, base_url=settings.base_url, timeout=settings.timeout, max_retries=0)


def create_function(settings: Settings, client: Any) -> Callable[..., Any]:
    """``create(response_model=..., messages=..., max_retries=..., hooks=...)``: the client's chat
    completion call, answered from the response cache when it can be, with transport retries
    around each HTTP request, patched by instructor."""
    import instructor
    import openai
    from openai.types.chat import ChatCompletion

    from .cache import ResponseCache

    cache = ResponseCache(settings.cache_dir) if settings.cache_dir else None

    def cached(kwargs: dict[str, Any]) -> tuple[str | None, Any]:
        if cache is None:
            return None, None
        key = cache.key(settings.base_url, kwargs)
        hit = cache.get(key)
        return key, ChatCompletion.model_validate(hit) if hit is not None else None

    def remember(key: str | None, response: Any) -> Any:
        if not isinstance(response, ChatCompletion):
            raise NotAChatCompletion(response)
        if cache is not None and key is not None:
            cache.put(key, response.model_dump(mode="json"))
        return response

    if isinstance(client, openai.AsyncOpenAI):

        async def send_async(**kwargs: Any) -> Any:
            key, hit = cached(kwargs)
            if hit is not None:
                return hit
            async for attempt in _retrying(settings, True):
                with attempt:
                    return remember(key, await client.chat.completions.create(**kwargs))
            raise AssertionError("tenacity either returns or re-raises")

        raw: Callable[..., Any] = send_async
    else:

        def send(**kwargs: Any) -> Any:
            key, hit = cached(kwargs)
            if hit is not None:
                return hit
            for attempt in _retrying(settings, False):
                with attempt:
                    return remember(key, client.chat.completions.create(**kwargs))
            raise AssertionError("tenacity either returns or re-raises")

        raw = send
    return instructor.patch(create=raw, mode=instructor_mode(settings.mode))
