"""Rendering results: a registry of formats. A new format is one module in this package with
``briefing(note, sources) -> str`` (and ``extractions(results) -> str`` if it can show those) plus one line
below; the CLI's ``--format`` choices come from here. Modules load when first used."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..schema.briefing import Briefing
    from ..schema.extraction import Extraction
    from ..text import Source

# format name -> module of this package that renders it
BRIEFING_FORMATS = {"md": "markdown", "json": "json", "html": "html"}
EXTRACTION_FORMATS = {"md": "markdown", "json": "json"}


def render_briefing(note: Briefing, fmt: str = "md", sources: Sequence[Source] = ()) -> str:
    """The note in a format; ``sources`` (the articles it was made from) let a format show their
    full text (the HTML page does)."""
    text: str = import_module(f"{__name__}.{BRIEFING_FORMATS[fmt]}").briefing(note, sources)
    return text


def render_extractions(results: Sequence[Extraction], fmt: str = "md") -> str:
    text: str = import_module(f"{__name__}.{EXTRACTION_FORMATS[fmt]}").extractions(results)
    return text
