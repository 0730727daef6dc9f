"""A run's model: the caller's, or an OpenAI-compatible one opened from the settings for the run
and closed after it; and one model shared by several briefings within one bound."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

from ..errors import ConfigError
from ..settings import Settings
from .model import Attempt, Model
from .openai_model import OpenAIModel


def settings_of(
    settings: Settings | None, overrides: dict[str, Any], model: Model | str | None = None
) -> tuple[Settings, Model | None]:
    """A run's settings (those given, or the environment's with ``overrides``: ``base_url=``,
    ``mode=``...) and the model it was handed: a ``Model``, or a model's name ('gpt-4o-mini'),
    which the settings take, the run then opening that model itself."""
    if isinstance(model, str):
        if settings is not None:
            settings = replace(settings, model=model)
        overrides = {**overrides, "model": model}
        model = None
    elif model is not None and not callable(getattr(model, "complete", None)):
        raise ConfigError(
            f"model= takes a model's name ('gpt-4o-mini') or a summarizer.Model, not a {type(model).__name__}"
        )
    return settings or Settings.from_env(**overrides), model


@asynccontextmanager
async def opened(model: Model | None, settings: Settings) -> AsyncIterator[Model]:
    """The caller's model, or an OpenAI-compatible one opened for this run and closed after it."""
    if model is not None:
        yield model
        return
    own = OpenAIModel(settings)
    try:
        yield own
    finally:
        await own.aclose()


class Bounded:
    """A model shared by several briefings at once (the stories of a day) that lets at most
    ``limit`` calls be in flight among them all, as ``--concurrency`` promises."""

    def __init__(self, model: Model, limit: int) -> None:
        self.model = model
        self.gate = asyncio.Semaphore(limit)
        self.name, self.mode, self.max_reasks = model.name, model.mode, model.max_reasks

    async def complete(self, attempt: Attempt) -> Any:
        async with self.gate:
            return await self.model.complete(attempt)

    def keep(self, attempt: Attempt, answer: Any) -> None:
        self.model.keep(attempt, answer)

    async def aclose(self) -> None:
        """The shared model is closed by whoever opened it, once every briefing is done."""
