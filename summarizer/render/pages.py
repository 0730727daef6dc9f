"""What every page summarizer writes shares: one Jinja2 environment over the templates here
(autoescaped: every string from an article or a model is text, never markup), and a
Content-Security-Policy that allows exactly the page's own inline style and script, by hash."""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..lazy import deferred

if TYPE_CHECKING:
    import jinja2
else:
    jinja2 = deferred("jinja2")  # loaded with the first page rendered

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def policy(css: str, js: str | None = None) -> str:
    """A policy that lets the page fetch nothing and run nothing but its own ``css`` and ``js``."""
    script = f"'{_digest(js)}'" if js is not None else "'none'"
    return (
        f"default-src 'none'; style-src '{_digest(css)}'; script-src {script}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
