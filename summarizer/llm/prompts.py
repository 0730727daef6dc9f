"""Prompt templates: Jinja2 files in ``templates/`` beside this module (shipped in the wheel),
rendered with strict undefined so that a missing variable is an error, never an empty string;
and the fence lines that mark untrusted text inside a prompt."""

from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
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
    return hashlib.sha256((TEMPLATES / f"{name}.j2").read_bytes()).hexdigest()[:12]


def versions(names: tuple[str, ...]) -> dict[str, str]:
    return {name: version(name) for name in names}


def fence(label: str, text: str) -> str:
    """A fence line derived from the fenced text itself: the text cannot contain its own fence."""
    return f"====={label} {hashlib.sha256(text.encode()).hexdigest()[:10]}====="
