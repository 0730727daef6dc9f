"""What calls cost: the price table (a setting) applied to token usage."""

from __future__ import annotations

from ..schema.usage import Usage
from ..settings import price_of


def cost(model: str, usage: Usage) -> float | None:
    price = price_of(model)
    if price is None:
        return None
    return (usage.prompt_tokens * price[0] + usage.completion_tokens * price[1]) / 1_000_000


def describe(model: str, usage: Usage) -> str:
    value = cost(model, usage)
    return (
        f"estimated cost ${value:.4f}"
        if value is not None
        else f"cost unknown (no price for {model}; set SUMMARIZER_PRICES)"
    )
