"""Prompt templates: Jinja2 files in ``prompts/`` (inside the package once installed), rendered
with strict undefined so that a missing variable is an error, never an empty string."""

from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2


def prompt_dir() -> Path:
    packaged = Path(__file__).parent / "prompts"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "prompts"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(prompt_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **variables: Any) -> str:
    return _environment().get_template(f"{name}.j2").render(**variables).strip()


@cache
def version(name: str) -> str:
    """Content hash of a template: recorded in every result it helped make."""
    return hashlib.sha256((prompt_dir() / f"{name}.j2").read_bytes()).hexdigest()[:12]
