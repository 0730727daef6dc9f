"""What calls cost: a price table for common models, overridable, applied to token usage."""

from __future__ import annotations

import json
import os

from ..errors import ConfigError
from ..schema.usage import Usage

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
            table.update({str(k): (float(v[0]), float(v[1])) for k, v in extra.items()})
        except (ValueError, TypeError, IndexError, AttributeError):
            raise ConfigError('SUMMARIZER_PRICES must be JSON like {"my-model": [0.5, 1.5]}') from None
    return table


def price_of(model: str) -> tuple[float, float] | None:
    table = prices()
    if model in table:
        return table[model]
    # dated snapshots ('gpt-4o-mini-2024-07-18') cost what their family costs
    family = max((name for name in table if model.startswith(name + "-")), key=len, default=None)
    return table[family] if family else None


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
