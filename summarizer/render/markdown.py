"""Markdown for people: the briefing note (bottom line first, every statement followed by its
[A3] citations, which the Sources section lists) and each source's extraction."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from pydantic import BaseModel

from ..schema.briefing import Briefing, Changes
from ..schema.extraction import Citation, Extraction
from ..support import Support
from ..text import Source
from ..vocabulary import CLAIM_ROLES, DISPUTED, parties, status_label
from ..wording import count, made, outlets, since

Model = TypeVar("Model", bound=BaseModel)
# Characters that would let text from an article or a model open raw HTML, a link or code.
_MARKUP = re.compile(r"([\\<>\[\]`])")


def escape(text: str) -> str:
    """Text from a source or a model as Markdown shows it: one line, markup characters escaped."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def escaped(model: Model) -> Model:
    """A copy of a result whose every string is escaped: nothing the sources or the model wrote
    reaches the note as markup, whichever field it sits in."""

    def walk(value: object) -> object:
        if isinstance(value, str):
            return escape(value)
        if isinstance(value, BaseModel):
            return value.model_copy(
                update={name: walk(getattr(value, name)) for name in type(value).model_fields}
            )
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    copy = walk(model)
    assert isinstance(copy, type(model))
    return copy


def _cites(citations: Sequence[Citation]) -> str:
    return " ".join(f"[{i}]" for i in dict.fromkeys(c.sentence_id for c in citations))


def extraction(result: Extraction) -> str:
    extraction = escaped(result)
    source = extraction.source
    heading = source.title or source.name
    facts = [f"source {source.id}: {source.name}"]
    facts += [v for v in (source.outlet, source.published and source.published.isoformat()) if v]
    lines = [f"# {heading}", "", f"_{' · '.join(facts)}_", ""]

    actors = []
    for actor in extraction.actors:
        extra = ", ".join(v for v in (actor.title, actor.affiliation) if v)
        aka = f" (also: {', '.join(actor.aliases)})" if actor.aliases else ""
        actors.append(
            f"- **{actor.name}**, {actor.kind.replace('_', ' ')}{', ' + extra if extra else ''}{aka} {_cites(actor.citations)}"
        )
    events = []
    for event in extraction.events:
        when = f"**{event.when}**: " if event.when else ""
        who = "; ".join(f"{p.actor} ({p.role})" for p in event.participants)
        numbers = "; ".join(f"{q.value} {q.what}" for q in event.quantities)
        details = " — ".join(v for v in (event.where, who, numbers) if v)
        events.append(f"- {when}{event.what}{' — ' + details if details else ''} {_cites(event.citations)}")
    claims = []
    for claim in extraction.claims:
        parts = [] if claim.made_by else ["unattributed"]
        parts += [
            f"{role.phrase} {', '.join(parties(claim, role))}" for role in CLAIM_ROLES if parties(claim, role)
        ]
        if claim.reported_via:
            parts.append(f"reported via {claim.reported_via}")
        claims.append(f"- {claim.statement} ({'; '.join(parts)}) {_cites(claim.citations)}")
    warnings = [f"- {w}" for w in extraction.warnings]
    for heading, items in (
        ("Actors", actors),
        ("Events", events),
        ("Claims", claims),
        ("Warnings", warnings),
    ):
        if items:  # an empty section says nothing
            lines += [f"## {heading}", "", *items, ""]
    if not (actors or events or claims):
        lines += ["_Nothing grounded was extracted from this source._", ""]
    usage = extraction.generation.usage
    lines += [
        f"_{extraction.generation.model} ({extraction.generation.mode}): {count(usage.calls, 'call')}, "
        f"{count(usage.reasks, 're-ask')}, {usage.prompt_tokens} prompt + {usage.completion_tokens} completion tokens_",
    ]
    return "\n".join(lines)


def changes(found: Changes) -> list[str]:
    """The "What changed" section: one line a change, each citing the new sentences behind it."""
    lines = ["## What changed", ""]
    lines.append(f"_{since(found)}_")
    lines.append("")
    lines += [f"- {change.summary} {_cites(change.citations)}".rstrip() for change in found.items] or [
        "- Nothing."
    ]
    return [*lines, ""]


def _marked(support: Support | None) -> str:
    """What a statement's support verdict adds after it: nothing when its citations support it."""
    if support is None or support.verdict == "supported":
        return ""
    if support.verdict == "unchecked":
        return " _(unchecked)_"
    return f" ⚠ _unsupported: {support.summary()}_"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def briefing(note: Briefing, sources: Sequence[Source] = ()) -> str:
    """The note a person reads: bottom line first, every statement followed by its [A3] citations,
    which the Sources section lists."""
    briefing = escaped(note.model_copy(update={"extractions": []}))  # the note does not show them
    actors = {a.id: a.name for a in briefing.actors}

    def who(ids: list[str]) -> str:
        return ", ".join(actors.get(i, i) for i in ids)

    ok = [s for s in briefing.sources if s.status == "ok"]
    lines = [f"# {briefing.title}", ""]
    lines += [
        f"_Briefing from {count(len(ok), 'source')} ({outlets(ok)}). "
        "Every bracketed id cites a source sentence listed at the end._",
        "",
    ]
    if any(said.support and said.support.verdict != "supported" for said in note.statements()):
        lines += [
            "_⚠ marks a statement that its citations do not support, as code checked it; (unchecked), "
            "one that no rule could check._",
            "",
        ]
    if briefing.changes is not None:
        lines += changes(briefing.changes)
    if briefing.bottom_line:
        lines += ["## Bottom line", ""]
        lines += [
            " ".join(f"{s.text}{_marked(s.support)} {_cites(s.citations)}" for s in briefing.bottom_line),
            "",
        ]
    if briefing.key_points:
        lines += (
            ["## Key points", ""]
            + [f"- {s.text}{_marked(s.support)} {_cites(s.citations)}" for s in briefing.key_points]
            + [""]
        )
    if briefing.timeline:
        lines += ["## Timeline", "", "| Date | Event | Sources |", "| --- | --- | --- |"]
        for event in briefing.timeline:
            written = "; ".join(f"{k}: “{v}”" for k, v in event.date.expressions.items())
            when = event.date.shown()
            when += f" ({written})" if written else ""
            numbers = "; ".join(q for qs in event.quantities.values() for q in qs)
            what = event.what + (f" [{numbers}]" if numbers else "") + _marked(event.support)
            lines.append(f"| {_cell(when)} | {_cell(what)} | {_cites(event.citations)} |")
        lines.append("")
    if briefing.actors:
        lines += [
            "## Actors",
            "",
            "| Actor | Kind | Title or role | Named as | Sources |",
            "| --- | --- | --- | --- | --- |",
        ]
        for actor in briefing.actors:
            named = "; ".join(
                f"{f.text} ({', '.join(f.sources)})" for f in actor.surface_forms if f.text != actor.name
            )
            role = "; ".join([*actor.titles, *actor.affiliations])
            lines.append(
                f"| {_cell(actor.name)} | {actor.kind.replace('_', ' ')} | {_cell(role)} | {_cell(named)} | "
                f"{', '.join(actor.sources)} |"
            )
        lines.append("")
    disputed = [c for c in briefing.claims if c.status in DISPUTED]
    others = [c for c in briefing.claims if c.status not in DISPUTED]
    for heading, claims in (("## Disputed claims", disputed), ("## Other claims", others)):
        if not claims:
            continue
        lines += [heading, ""]
        for claim in claims:
            status = status_label(claim.status)
            lines.append(f"### {claim.id}. {claim.statement}{_marked(claim.support)}")
            lines.append("")
            lines.append(
                f"Status: **{status}**{' (by rule)' if claim.status_by == 'rule' else ''}. {_cites(claim.citations)}"
            )
            lines.append("")
            for claim_role in CLAIM_ROLES:
                if ids := parties(claim, claim_role):
                    lines.append(f"- {claim_role.label}: {who(ids)}")
            if claim.reported_via:
                lines.append(f"- Reported via: {', '.join(claim.reported_via)}")
            if claim.explanation:
                lines.append(
                    f"- {claim.explanation}{_marked(claim.explanation_support)} {_cites(claim.explanation_citations)}"
                )
            lines.append("")
    if briefing.discrepancies:
        lines += ["## Where the sources disagree", ""]
        labels = {s.id: f"{s.id} ({s.outlet})" if s.outlet else s.id for s in briefing.sources}
        for discrepancy in briefing.discrepancies:
            lines += [f"### {discrepancy.topic}", ""]
            lines += [
                f"- **{labels.get(p.source, p.source)}**: {p.says}{_marked(p.support)} {_cites(p.citations)}"
                for p in discrepancy.positions
            ]
            lines.append("")
    lines += ["## Sources", ""]
    by_source: dict[str, list[str]] = {}
    for sentence in briefing.cited_sentences:
        by_source.setdefault(sentence.source, []).append(f"- [{sentence.id}] {sentence.text}")
    for source in briefing.sources:
        facts = [
            v for v in (source.outlet, source.published and f"published {source.published.isoformat()}") if v
        ]
        if source.cited_outlets:
            facts.append(f"cites {', '.join(source.cited_outlets)}")
        if source.status == "failed":
            facts.append("could not be extracted")
        lines += [
            f"### {source.id}. {source.title or source.name}",
            "",
            f"_{source.name}{' · ' if facts else ''}{' · '.join(facts)}_",
            "",
        ]
        lines += by_source.get(source.id, [])
        lines.append("")
    if briefing.warnings:
        lines += ["## Notes on this briefing", ""] + [f"- {w}" for w in briefing.warnings] + [""]
    lines.append(f"_Made with {made(briefing.generation)}._")
    return "\n".join(lines) + "\n"


def extractions(results: Sequence[Extraction]) -> str:
    return "\n\n".join(extraction(r) for r in results)
