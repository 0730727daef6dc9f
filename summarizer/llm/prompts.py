"""Prompt templates: Jinja2 files in ``templates/`` beside this module (shipped in the wheel),
rendered with strict undefined so that a missing variable is an error, never an empty string;
and the fence lines that mark untrusted text inside a prompt."""

from __future__ import annotations

import hashlib
import json
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..lazy import deferred
from ..text import tokens

if TYPE_CHECKING:
    import jinja2
else:
    jinja2 = deferred("jinja2")  # loaded with the first prompt rendered

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
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


@cache
def schema_tokens(draft: type[BaseModel]) -> int:
    """Tokens of the schema a call's answer fills, as every request of that kind carries it: the
    tool (name, description, parameters) in the compact JSON the client sends."""
    schema = draft.model_json_schema()
    description = schema.pop("description", "")
    tool = {
        "type": "function",
        "function": {"name": draft.__name__, "description": description, "parameters": schema},
    }
    return tokens.count(json.dumps(tool, separators=(",", ":")))


def fence(label: str, *untrusted: str | None) -> str:
    """The line that marks where untrusted text starts and ends, derived from every untrusted
    string rendered between two such lines (each distinct one once, in order), so that none of
    them can contain it. Hashed as it comes: a story's thousands of strings cost their length."""
    digest = hashlib.sha256()
    for piece in dict.fromkeys(p for p in untrusted if p):
        digest.update(piece.encode() + b"\0")
    return f"====={label} {digest.hexdigest()[:10]}====="


def one_line(value: str | None) -> str | None:
    """Untrusted text as it may stand in a prompt outside a sentence line: one line (it can never
    open a line of its own, let alone a fence or a ``[A1]`` sentence line) and no square brackets
    (it can never read as a sentence id)."""
    if value is None:
        return None
    return " ".join(value.split()).replace("[", "(").replace("]", ")")
