"""Rendering results: a registry of formats. A new format is one module in this package with
``briefing(note, sources) -> str`` (and ``extractions(results) -> str``, ``changes(found) -> str``
if it can show those) plus one line in the tables below; the CLI's ``--format`` choices come from
here. What a note says and in what order is ``view.py``'s, built once for every format. A format's
module loads when first used, so that rendering one format never pays for the others."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..schema.briefing import Briefing, Changes
    from ..schema.extraction import Extraction
    from ..text import Source

# format name -> module of this package that renders it
BRIEFING_FORMATS = {"md": "markdown", "json": "json", "html": "html"}
EXTRACTION_FORMATS = {"md": "markdown", "json": "json"}
CHANGES_FORMATS = {"md": "markdown", "json": "json"}


def _format(module: str) -> Any:
    return import_module(f"{__name__}.{module}")


def render_briefing(note: Briefing, fmt: str = "md", sources: Sequence[Source] = ()) -> str:
    """The note in a format; ``sources`` (the articles it was made from) let a format show their
    full text (the HTML page does)."""
    text: str = _format(BRIEFING_FORMATS[fmt]).briefing(note, sources)
    return text


def render_extractions(results: Sequence[Extraction], fmt: str = "md") -> str:
    text: str = _format(EXTRACTION_FORMATS[fmt]).extractions(results)
    return text


def render_changes(found: Changes, fmt: str = "md") -> str:
    """What changed between two briefings (``summarizer.diff``'s result) in a format."""
    text: str = _format(CHANGES_FORMATS[fmt]).changes(found)
    return text
