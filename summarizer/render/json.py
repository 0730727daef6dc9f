"""JSON for machines: the briefing (its schema from ``summarizer schema``) and extractions."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..schema.briefing import Briefing, Changes
from ..schema.extraction import Extraction
from ..text import Source


def briefing(note: Briefing, sources: Sequence[Source] = ()) -> str:
    return note.model_dump_json(indent=2) + "\n"


def extractions(results: Sequence[Extraction]) -> str:
    return json.dumps([e.model_dump(mode="json") for e in results], indent=2, ensure_ascii=False)


def changes(found: Changes) -> str:
    return json.dumps(found.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
