"""Results as text for people (Markdown) or machines (JSON)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .results import Citation, Extraction


def to_json(extractions: Sequence[Extraction]) -> str:
    return json.dumps([e.model_dump(mode="json") for e in extractions], indent=2, ensure_ascii=False)


def _cites(citations: Sequence[Citation]) -> str:
    return " ".join(f"[{c.sentence_id}]" for c in citations)


def extraction_markdown(extraction: Extraction) -> str:
    source = extraction.source
    heading = source.title or source.name
    facts = [f"source {source.id}: {source.name}"]
    facts += [v for v in (source.outlet, source.published and source.published.isoformat()) if v]
    lines = [f"# {heading}", "", f"_{' · '.join(facts)}_", ""]

    lines += ["## Actors", ""]
    for actor in extraction.actors:
        extra = ", ".join(v for v in (actor.title, actor.affiliation) if v)
        aka = f" (also: {', '.join(actor.aliases)})" if actor.aliases else ""
        lines.append(
            f"- **{actor.name}**, {actor.kind.replace('_', ' ')}{', ' + extra if extra else ''}{aka} {_cites(actor.citations)}"
        )
    lines += ["", "## Events", ""]
    for event in extraction.events:
        when = f"**{event.when}**: " if event.when else ""
        who = "; ".join(f"{p.actor} ({p.role})" for p in event.participants)
        numbers = "; ".join(f"{q.value} {q.what}" for q in event.quantities)
        details = " — ".join(v for v in (event.where, who, numbers) if v)
        lines.append(f"- {when}{event.what}{' — ' + details if details else ''} {_cites(event.citations)}")
    lines += ["", "## Claims", ""]
    for claim in extraction.claims:
        parts = [f"by {claim.made_by}" if claim.made_by else "unattributed"]
        parts += [
            f"{label} {', '.join(names)}"
            for label, names in (
                ("supported by", claim.supported_by),
                ("denied by", claim.denied_by),
                ("disputed by", claim.disputed_by),
            )
            if names
        ]
        if claim.reported_via:
            parts.append(f"reported via {claim.reported_via}")
        lines.append(f"- {claim.statement} ({'; '.join(parts)}) {_cites(claim.citations)}")
    if extraction.warnings:
        lines += ["", "## Warnings", ""] + [f"- {w}" for w in extraction.warnings]
    usage = extraction.generation.usage
    lines += [
        "",
        f"_{extraction.generation.model} ({extraction.generation.mode}): {usage.calls} calls, "
        f"{usage.reasks} re-asks, {usage.prompt_tokens} prompt + {usage.completion_tokens} completion tokens_",
    ]
    return "\n".join(lines)
