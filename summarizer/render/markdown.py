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
from ..text import Source, count
from ..vocabulary import CLAIM_ROLES, parties
from . import view

Model = TypeVar("Model", bound=BaseModel)
# Characters that would let text from an article or a model open raw HTML, a link, code, emphasis
# or strikethrough; '_' only at a word's edge, where it opens or closes emphasis ('armed_force'
# is left as it is).
_MARKUP = re.compile(r"([\\<>\[\]`*~])")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# What GitHub's Markdown turns into a link by itself, and the escaped form that it does not: a
# scheme's '://', 'www.', an address's '@'; each looked for only when its mark is in the text.
_AUTOLINKS = (
    ("://", re.compile(r"(?<=[A-Za-z])://"), r"\\://"),
    ("www.", re.compile(r"(?<![\w.])(www)\.", re.IGNORECASE), r"\1\\."),
    ("@", re.compile(r"(?<=\w)@(?=\w)"), r"\\@"),
)


def escape(text: str) -> str:
    """Text from a source or a model as Markdown shows it: one line, markup characters escaped
    (emphasis and strikethrough too), and nothing a renderer would make a link of by itself."""
    text = _MARKUP.sub(r"\\\1", " ".join(text.split()))
    if "_" in text:
        text = _UNDERSCORE.sub(r"\\_", text)
    for mark, pattern, escaped_form in _AUTOLINKS:
        if mark in text.lower():
            text = pattern.sub(escaped_form, text)
    return text


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


def changes(found: Changes) -> str:
    """What changed between two briefings (``summarizer diff``): the section alone."""
    return "\n".join(_changes(view.since(found), view.changed(escaped(found))))


def _changes(since: str, changed: Sequence[view.Said]) -> list[str]:
    """The "What changed" section: one line a change, each citing the new sentences behind it."""
    lines = ["## What changed", "", f"_{since}_", ""]
    lines += [f"- {said.text} {_cites(said.citations)}".rstrip() for said in changed] or ["- Nothing."]
    return [*lines, ""]


def _marked(support: Support | None) -> str:
    """What a statement's support verdict adds after it: nothing when its citations support it."""
    if support is None or support.verdict == "supported":
        return ""
    if support.verdict == "unchecked":
        return " _(unchecked)_"
    return f" ⚠ _unsupported: {support.summary()}_"


def _said(said: view.Said) -> str:
    return f"{said.text}{_marked(said.support)} {_cites(said.citations)}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def briefing(note: Briefing, sources: Sequence[Source] = ()) -> str:
    """The note a person reads: bottom line first, every statement followed by its [A3] citations,
    which the Sources section lists."""
    shown = escaped(note.model_copy(update={"extractions": []}))  # the note does not show them
    page = view.view(shown)
    lines = [f"# {page.title}", ""]
    lines += [
        f"_Briefing from {page.byline}. Every bracketed id cites a source sentence listed at the end._",
        "",
    ]
    if any(said.support and said.support.verdict != "supported" for said in note.statements()):
        lines += [
            "_⚠ marks a statement that its citations do not support, as code checked it; (unchecked), "
            "one that no rule could check._",
            "",
        ]
    if page.since is not None:
        lines += _changes(page.since, page.changes)
    if page.bottom_line:
        lines += ["## Bottom line", "", " ".join(_said(s) for s in page.bottom_line), ""]
    if page.key_points:
        lines += ["## Key points", ""] + [f"- {_said(s)}" for s in page.key_points] + [""]
    if page.timeline:
        lines += ["## Timeline", "", "| Date | Event | Sources |", "| --- | --- | --- |"]
        for event in page.timeline:
            when = event.shown + (f" ({event.written})" if event.written else "")
            numbers = f" [{event.numbers}]" if event.numbers else ""
            what = event.said.text + numbers + _marked(event.said.support)
            lines.append(f"| {_cell(when)} | {_cell(what)} | {_cites(event.said.citations)} |")
        lines.append("")
    if page.actors:
        lines += [
            "## Actors",
            "",
            "| Actor | Kind | Title or role | Named as | Sources |",
            "| --- | --- | --- | --- | --- |",
        ]
        lines += [
            f"| {_cell(a.said.text)} | {a.kind} | {_cell(a.role)} | {_cell(a.named)} | {a.sources} |"
            for a in page.actors
        ]
        lines.append("")
    for group in page.claim_groups:
        lines += [f"## {group.heading}", ""]
        for claim in group.claims:
            lines += [f"### {claim.id}. {claim.said.text}{_marked(claim.said.support)}", ""]
            by_rule = " (by rule)" if claim.by_rule else ""
            lines += [f"Status: **{claim.status_label}**{by_rule}. {_cites(claim.said.citations)}", ""]
            lines += [f"- {role.label}: {names}" for role, names in claim.parties]
            if claim.corroboration:
                lines.append(f"- Corroboration: {claim.corroboration}")  # names escaped with the note
            if claim.reported_via:
                lines.append(f"- Reported via: {', '.join(claim.reported_via)}")
            if claim.explanation:
                lines.append(f"- {_said(claim.explanation)}")
            lines.append("")
    if page.disagreements:
        lines += ["## Where the sources disagree", ""]
        for disagreement in page.disagreements:
            lines += [f"### {disagreement.topic}", ""]
            lines += [f"- **{p.source}**: {_said(p.said)}" for p in disagreement.positions]
            lines.append("")
    lines += ["## Sources", ""]
    by_source: dict[str, list[str]] = {}
    for sentence in shown.cited_sentences:
        by_source.setdefault(sentence.source, []).append(f"- [{sentence.id}] {sentence.text}")
    for source in page.sources:
        facts = list(source.facts)
        if source.cited_outlets:
            facts.append(f"cites {', '.join(source.cited_outlets)}")
        if source.failed:
            facts.append("could not be extracted")
        if source.url:
            facts.append(source.url)  # shown, escaped, not a link: the address is the article's word
        lines += [f"### {source.id}. {source.title}", "", f"_{' · '.join([source.name, *facts])}_", ""]
        lines += by_source.get(source.id, [])
        lines.append("")
    if page.notes:
        lines += ["## Notes on this briefing", ""] + [f"- {w}" for w in page.notes] + [""]
    lines.append(f"_Made with {page.made}._")
    return "\n".join(lines) + "\n"


def extractions(results: Sequence[Extraction]) -> str:
    return "\n\n".join(extraction(r) for r in results)
