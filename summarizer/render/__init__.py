"""Rendering results: a registry of formats. A new format is one module in this package with
``briefing(note, sources) -> str`` (and ``extractions(results) -> str``, ``changes(found) -> str``
if it can show those) plus one line in the tables below; the CLI's ``--format`` choices come from
here. What a note says and in what order is ``view.py``'s, built once for every format. A format's
module loads when first used, so that rendering one format never pays for the others."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..lazy import deferred

if TYPE_CHECKING:
    from ..schema.briefing import Briefing, Changes
    from ..schema.extraction import Extraction
    from ..text import Source
    from . import html, json, markdown
else:
    html = deferred(f"{__name__}.html")
    json = deferred(f"{__name__}.json")
    markdown = deferred(f"{__name__}.markdown")

# format name -> the module of this package that renders it
BRIEFING_FORMATS: dict[str, Any] = {"md": markdown, "json": json, "html": html}
EXTRACTION_FORMATS: dict[str, Any] = {"md": markdown, "json": json}
CHANGES_FORMATS: dict[str, Any] = {"md": markdown, "json": json}


def render_briefing(note: Briefing, fmt: str = "md", sources: Sequence[Source] = ()) -> str:
    """The note in a format; ``sources`` (the articles it was made from) let a format show their
    full text (the HTML page does)."""
    text: str = BRIEFING_FORMATS[fmt].briefing(note, sources)
    return text


def render_extractions(results: Sequence[Extraction], fmt: str = "md") -> str:
    text: str = EXTRACTION_FORMATS[fmt].extractions(results)
    return text


def render_changes(found: Changes, fmt: str = "md") -> str:
    """What changed between two briefings (``summarizer.diff``'s result) in a format."""
    text: str = CHANGES_FORMATS[fmt].changes(found)
    return text
