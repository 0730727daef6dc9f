"""Settings: from the environment, overridden by arguments (the CLI passes its flags here)."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from .errors import ConfigError
from .lazy import deferred

platformdirs = deferred("platformdirs")

# How many sentences each cache of readings holds (words, dates, figures, stances): a cited
# sentence is read by every statement that cites it, by the check of the extractions and by the
# note's; thousands of articles cite tens of thousands, and a smaller cache forgets them between
# two readings (the support verdicts grew faster than the articles past some 4,000).
SENTENCES_REMEMBERED = 65536
MODES = ("tools", "json_schema", "json", "md_json")  # instructor modes, by their names in lower case
DEFAULT_MODEL = "gpt-4o-mini"
# A local server (llama.cpp, Ollama, vLLM) takes any key; the openai client insists on one.
LOCAL_PLACEHOLDER_KEY = "not-needed"

_ENV = {
    "api_key": "OPENAI_API_KEY",
    "base_url": "OPENAI_BASE_URL",
    "model": "SUMMARIZER_MODEL",
    "mode": "SUMMARIZER_MODE",
    "timeout": "SUMMARIZER_TIMEOUT",
    "call_timeout": "SUMMARIZER_CALL_TIMEOUT",
    "max_retries": "SUMMARIZER_MAX_RETRIES",
    "max_reasks": "SUMMARIZER_MAX_REASKS",
    "concurrency": "SUMMARIZER_CONCURRENCY",
    "max_tokens": "SUMMARIZER_MAX_TOKENS",
    "cache_dir": "SUMMARIZER_CACHE_DIR",
    "retry_wait": "SUMMARIZER_RETRY_WAIT",
    "chunk_tokens": "SUMMARIZER_CHUNK_TOKENS",
    "context_tokens": "SUMMARIZER_CONTEXT_TOKENS",
    "batch_poll": "SUMMARIZER_BATCH_POLL",
    "unsupported": "SUMMARIZER_UNSUPPORTED",
}
UNSUPPORTED = ("mark", "drop")  # what becomes of a statement its citations do not support


_ON, _OFF = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")


def _switch(variable: str, raw: str) -> bool:
    """An environment switch: 1, true, yes, on; or 0, false, no, off, empty."""
    value = raw.strip().lower()
    if value not in _ON + _OFF:
        raise ConfigError(f"{variable}={raw!r} is neither on (1, true, yes) nor off (0, false, no)")
    return value in _ON


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("summarizer")) / "responses"


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)  # never printed
    mode: str = "tools"
    timeout: float = 120.0  # seconds per attempt
    call_timeout: float | None = None  # seconds for a whole call, transport retries included
    max_retries: int = 4  # transport retries (429, 5xx, timeouts) per call
    max_reasks: int = 2  # validation re-asks per call, counted apart
    concurrency: int = 4
    temperature: float = 0.0
    # Per answer: what gpt-4o-mini (the default model) can write. It also bounds the article a call
    # takes (3.5 answer tokens an article token), so a smaller one means more, smaller calls.
    max_tokens: int = 16384
    cache_dir: str | None = field(default_factory=lambda: str(default_cache_dir()))  # None: no cache
    retry_wait: float = 0.5  # seconds: the first backoff's upper bound, doubling each retry
    chunk_tokens: int = 6000  # article tokens per extraction call; longer documents are split
    # The model's context (prompt and answer), when the table of known models does not say it or
    # a smaller budget is wanted: no request's prompt and answer together go past it.
    context_tokens: int | None = None
    # Extraction through the Batch API (half the price, answers within 24 hours), polled this often.
    batch: bool = False
    batch_poll: float = 30.0
    # A statement its citations still do not support after the re-asks: kept and marked, or dropped.
    unsupported: str = "mark"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        types = {f.name: f.type for f in fields(cls)}
        for name, variable in _ENV.items():
            raw = env.get(variable, "").strip()
            if raw:
                values[name] = _convert(variable, raw, str(types[name]))
        if _switch("SUMMARIZER_NO_CACHE", env.get("SUMMARIZER_NO_CACHE", "")):
            values["cache_dir"] = None
        no_cache = overrides.pop("no_cache", False)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if no_cache:
            values["cache_dir"] = None
        return cls(**values).validated()

    def validated(self) -> Settings:
        """These settings, or ``ConfigError`` naming the first that cannot work: every setting is
        checked here, before any document is read or any call is made."""
        if self.mode not in MODES:
            raise ConfigError(f"unknown mode {self.mode!r}: choose one of {', '.join(MODES)}")
        if self.unsupported not in UNSUPPORTED:
            raise ConfigError(
                f"unknown handling of unsupported statements {self.unsupported!r}: choose {' or '.join(UNSUPPORTED)}"
            )
        if min(self.concurrency, self.max_tokens, self.chunk_tokens) < 1:
            raise ConfigError("concurrency, max tokens and chunk tokens must be at least 1")
        if self.context_tokens is not None and self.context_tokens <= self.max_tokens:
            raise ConfigError(
                f"a context of {self.context_tokens} tokens leaves no room for a prompt beside answers of up to "
                f"{self.max_tokens} tokens: give more context tokens or fewer max tokens"
            )
        if min(self.max_retries, self.max_reasks) < 0:
            raise ConfigError("retries and re-asks cannot be negative")
        if not (math.isfinite(self.timeout) and self.timeout > 0):
            raise ConfigError(f"timeout {self.timeout!r} is not a positive number of seconds")
        if self.call_timeout is not None and not (math.isfinite(self.call_timeout) and self.call_timeout > 0):
            raise ConfigError(f"call timeout {self.call_timeout!r} is not a positive number of seconds")
        if not (math.isfinite(self.batch_poll) and self.batch_poll > 0):
            raise ConfigError(f"batch poll {self.batch_poll!r} is not a positive number of seconds")
        if not (math.isfinite(self.retry_wait) and self.retry_wait >= 0):
            raise ConfigError(f"retry wait {self.retry_wait!r} is not a number of seconds")
        if self.base_url is not None:
            try:
                parts = urlsplit(self.base_url)
                parts.port  # noqa: B018 (raises for a port that is no number)
            except ValueError:
                parts = urlsplit("")
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ConfigError(
                    f"base URL {self.base_url!r} is not an http(s) address such as http://127.0.0.1:8080/v1"
                )
        if self.cache_dir is not None and Path(self.cache_dir).exists() and not Path(self.cache_dir).is_dir():
            raise ConfigError(f"cache directory {self.cache_dir} is a file")
        prices()  # an unreadable SUMMARIZER_PRICES stops the run now, not after the calls
        return self

    def require_endpoint(self) -> Settings:
        """Settings fit to make calls: a key for OpenAI, or a base URL for a local server."""
        if self.api_key:
            return self
        if self.base_url:
            return replace(self, api_key=LOCAL_PLACEHOLDER_KEY)
        raise ConfigError(
            "no model endpoint: set OPENAI_API_KEY for OpenAI, or OPENAI_BASE_URL "
            "(or --base-url) for an OpenAI-compatible server"
        )


def _convert(variable: str, raw: str, kind: str) -> Any:
    try:
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
    except ValueError:
        raise ConfigError(f"{variable}={raw!r} is not a number") from None
    return raw


# US dollars per million tokens (input, output), list prices of the providers' public pages.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "o3-mini": (1.10, 4.40),
    "o4-mini": (1.10, 4.40),
}


def prices() -> dict[str, tuple[float, float]]:
    """The table, with SUMMARIZER_PRICES (JSON: {"model": [input, output]}) over it."""
    table = dict(PRICES)
    raw = os.environ.get("SUMMARIZER_PRICES", "").strip()
    if raw:
        try:
            extra = json.loads(raw)
            for model, pair in extra.items():
                if not isinstance(pair, list) or len(pair) != 2:
                    raise ValueError(model)
                prompt, answer = (float(v) for v in pair)
                if not all(math.isfinite(v) and v >= 0 for v in (prompt, answer)):
                    raise ValueError(model)
                table[str(model)] = (prompt, answer)
        except (ValueError, TypeError, AttributeError):
            raise ConfigError(
                'SUMMARIZER_PRICES must be JSON like {"my-model": [0.5, 1.5]}: two prices per model, '
                "dollars per million prompt and answer tokens, neither negative"
            ) from None
    return table


# Context windows (prompt and answer together, tokens) of the models a dry run can warn about.
CONTEXTS: dict[str, int] = {
    "gpt-4o-mini": 128_000,
    "gpt-4o": 128_000,
    "gpt-4.1": 1_047_576,
    "gpt-4.1-mini": 1_047_576,
    "gpt-4.1-nano": 1_047_576,
    "o3-mini": 200_000,
    "o4-mini": 200_000,
}

Known = TypeVar("Known")


def _of_family(model: str, table: dict[str, Known]) -> Known | None:
    if model in table:
        return table[model]
    # dated snapshots ('gpt-4o-mini-2024-07-18') are what their family is
    family = max((name for name in table if model.startswith(name + "-")), key=len, default=None)
    return table[family] if family else None


def price_of(model: str) -> tuple[float, float] | None:
    return _of_family(model, prices())


def context_of(model: str) -> int | None:
    return _of_family(model, CONTEXTS)


def context_for(settings: Settings) -> int | None:
    """The model's context, prompt and answer together: the settings', else the known model's."""
    return settings.context_tokens or context_of(settings.model)


def prompt_budget(settings: Settings) -> int | None:
    """The most prompt tokens a request may carry: the context (``context_for``) less the longest
    answer. None when the context is unknown: no bound."""
    context = context_for(settings)
    return None if context is None else max(1, context - settings.max_tokens)
