"""A run's model: the caller's, or an OpenAI-compatible one opened from the settings for the run
and closed after it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from ..settings import Settings
from .model import Model
from .openai_model import OpenAIModel


def settings_of(settings: Settings | None, overrides: dict[str, Any]) -> Settings:
    """The settings given, or the environment's with ``overrides`` (``model=``, ``base_url=``...)."""
    return settings or Settings.from_env(**overrides)


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
