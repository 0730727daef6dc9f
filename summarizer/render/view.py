"""The note as people read it, whatever the format: what goes in which section and in what order,
and how its facts are phrased (the byline, written dates, figures, source labels, an actor's
"named as", disputed claims first, publication facts, how the note was made). Built once from a
``Briefing``; each renderer only formats it (Markdown escapes and lays out lines, the page lays
out elements), so the two never disagree on what the note says."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..schema.briefing import (
    Briefing,
    BriefingActor,
    BriefingClaim,
    BriefingGeneration,
    Changes,
    SourceRecord,
    TimelineEvent,
)
from ..schema.extraction import Citation
from ..support import Support
from ..text import count, source_of
from ..text.copies import same_words
from ..vocabulary import CLAIM_ROLES, DISPUTED, ClaimRole, parties, status_label

BYLINE_OUTLETS = 5


@dataclass(frozen=True)
class Said:
    """A statement of the note: where it sits (``key``: 'bl1', 'E2', 'C1-why'), how a cited
    sentence names it (``label``: 'bottom line 1'), its text, citations and support verdict."""

    key: str
    label: str
    text: str
    citations: Sequence[Citation]
    support: Support | None = None


@dataclass(frozen=True)
class Event:
    said: Said
    value: str | None  # the TIMEX value, None when undated
    shown: str  # the date as the note shows it (the value, or what is known of an undated event)
    reported: str | None  # the date of the earliest source reporting it (ISO)
    written: str  # each source's expression as written: 'A: “on Monday”; B: “Monday”'
    numbers: str  # its figures, each source's: '300 workers; 250 workers'


@dataclass(frozen=True)
class Actor:
    said: Said  # the name, with the citations it rests on
    kind: str
    role: str  # titles and affiliations
    named: str  # every other name the sources used, each with its sources
    sources: str


@dataclass(frozen=True)
class Claim:
    said: Said
    id: str
    status: str
    status_label: str
    by_rule: bool  # the status was set by rule, not by the model
    parties: tuple[tuple[ClaimRole, str], ...]  # each role that has parties, with their names
    names: dict[str, str]  # role field -> the names in it ('' when none)
    reported_via: tuple[str, ...]
    explanation: Said | None
    corroboration: str | None = (
        None  # what 'corroborated' rests on: copied attribution, or independent reports
    )


@dataclass(frozen=True)
class ClaimGroup:
    slug: str
    heading: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Position:
    said: Said
    source: str  # its label: 'A (Wions)'


@dataclass(frozen=True)
class Disagreement:
    topic: str
    positions: tuple[Position, ...]


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    name: str
    facts: tuple[str, ...]  # outlet and publication date, those known
    cited_outlets: tuple[str, ...]
    failed: bool
    url: str | None  # where the article was published: a web address (http or https) only


@dataclass(frozen=True)
class NoteView:
    title: str
    byline: str  # '2 sources (Wions, source B)'
    since: str | None  # what an update starts from
    changes: tuple[Said, ...]
    bottom_line: tuple[Said, ...]
    key_points: tuple[Said, ...]
    timeline: tuple[Event, ...]
    actors: tuple[Actor, ...]
    claims: tuple[Claim, ...]  # in the briefing's order
    claim_groups: tuple[ClaimGroup, ...]  # disputed claims first, groups without claims left out
    disagreements: tuple[Disagreement, ...]
    sources: tuple[Source, ...]
    notes: tuple[str, ...]
    made: str  # how the note was made: 'gpt-4o-mini (tools): 3 model calls, 9123 tokens'
    cost: float | None


def count_outlets(sources: Sequence[SourceRecord]) -> str:
    """The outlets of the sources, each once, the first few named: 'Wions, source B'."""
    labels = list(dict.fromkeys(s.outlet or f"source {s.id}" for s in sources))
    if len(labels) <= BYLINE_OUTLETS:
        return ", ".join(labels)
    return f"{', '.join(labels[:BYLINE_OUTLETS])} and {count(len(labels) - BYLINE_OUTLETS, 'other')}"


def since(changes: Changes) -> str:
    """What an update starts from: 'Since the briefing from 1 source (A); new: B.'"""
    return (
        f"Since the briefing from {count(len(changes.previous_sources), 'source')} "
        f"({', '.join(changes.previous_sources)}); new: {', '.join(changes.new_sources) or 'none'}."
    )


def made(generation: BriefingGeneration) -> str:
    """How a briefing was made: 'gpt-4o-mini (tools): 3 model calls, 9123 tokens'."""
    calls = sum(u.calls for u in generation.usage.values())
    tokens = sum(u.prompt_tokens + u.completion_tokens for u in generation.usage.values())
    return f"{generation.model} ({generation.mode}): {count(calls, 'model call')}, {tokens} tokens"


def changed(found: Changes) -> tuple[Said, ...]:
    return tuple(
        Said(f"ch{i}", f"change {i}", change.summary, change.citations)
        for i, change in enumerate(found.items, 1)
    )


def view(note: Briefing) -> NoteView:
    """The note's view: every section arranged and phrased, nothing formatted."""
    names = {a.id: a.name for a in note.actors}
    ok = [s for s in note.sources if s.status == "ok"]
    texts = {s.id: s.text for s in note.cited_sentences}
    claims = [_claim(c, names, texts) for c in note.claims]
    labels = {s.id: f"{s.id} ({s.outlet})" if s.outlet else s.id for s in note.sources}
    groups = (
        ClaimGroup("disputed", "Disputed claims", tuple(c for c in claims if c.status in DISPUTED)),
        ClaimGroup("claims", "Other claims", tuple(c for c in claims if c.status not in DISPUTED)),
    )
    return NoteView(
        title=note.title,
        byline=f"{count(len(ok), 'source')} ({count_outlets(ok)})",
        since=since(note.changes) if note.changes is not None else None,
        changes=changed(note.changes) if note.changes is not None else (),
        bottom_line=tuple(
            Said(f"bl{i}", f"bottom line {i}", s.text, s.citations, s.support)
            for i, s in enumerate(note.bottom_line, 1)
        ),
        key_points=tuple(
            Said(f"kp{i}", f"key point {i}", s.text, s.citations, s.support)
            for i, s in enumerate(note.key_points, 1)
        ),
        timeline=tuple(_event(e) for e in note.timeline),
        actors=tuple(_actor(a) for a in note.actors),
        claims=tuple(claims),
        claim_groups=tuple(g for g in groups if g.claims),
        disagreements=tuple(
            Disagreement(
                d.topic,
                tuple(
                    Position(
                        Said(f"d{i}-{p.source}", f"disagreement {i}", p.says, p.citations, p.support),
                        labels.get(p.source, p.source),
                    )
                    for p in d.positions
                ),
            )
            for i, d in enumerate(note.discrepancies, 1)
        ),
        sources=tuple(_source(s) for s in note.sources),
        notes=tuple(note.warnings),
        made=made(note.generation),
        cost=note.generation.cost_usd,
    )


def _event(event: TimelineEvent) -> Event:
    return Event(
        Said(event.id, event.id, event.what, event.citations, event.support),
        value=event.date.value,
        shown=event.date.shown(),
        reported=event.date.reported_by.isoformat() if event.date.reported_by else None,
        written="; ".join(f"{k}: “{v}”" for k, v in event.date.expressions.items()),
        numbers="; ".join(q for qs in event.quantities.values() for q in qs),
    )


def _actor(actor: BriefingActor) -> Actor:
    return Actor(
        Said(actor.id, actor.id, actor.name, actor.citations),
        kind=actor.kind.replace("_", " "),
        role="; ".join([*actor.titles, *actor.affiliations]),
        named="; ".join(
            f"{f.text} ({', '.join(f.sources)})" for f in actor.surface_forms if f.text != actor.name
        ),
        sources=", ".join(actor.sources),
    )


def _claim(claim: BriefingClaim, names: dict[str, str], texts: Mapping[str, str]) -> Claim:
    def who(ids: list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids)

    explanation = None
    if claim.explanation:
        explanation = Said(
            f"{claim.id}-why",
            f"{claim.id} why",
            claim.explanation,
            claim.explanation_citations,
            claim.explanation_support,
        )
    return Claim(
        Said(claim.id, claim.id, claim.statement, claim.citations, claim.support),
        id=claim.id,
        status=claim.status or "unassessed",
        status_label=status_label(claim.status),
        by_rule=claim.status_by == "rule",
        parties=tuple((r, who(ids)) for r in CLAIM_ROLES if (ids := parties(claim, r))),
        names={r.field: who(parties(claim, r)) for r in CLAIM_ROLES},
        reported_via=tuple(claim.reported_via),
        explanation=explanation,
        corroboration=_corroboration(claim, who, texts),
    )


def _corroboration(
    claim: BriefingClaim, who: Callable[[list[str]], str], texts: Mapping[str, str]
) -> str | None:
    """Whether several sources confirm a claim, or report that its author made it: sources that
    each attribute it to the same party corroborate that it was said, not that it holds; and
    sources that carry the same sentence word for word carry one report (a wire story), not
    several. A claim several sources carry that the model judged to rest on a single source is
    said to be so, so that its sources and its status do not seem to disagree."""
    if claim.status not in ("corroborated", "single_source") or len(claim.sources) < 2:
        return None
    sources = ", ".join(claim.sources)
    if _copied(claim, texts):
        return f"carried by sources {sources} in the same words: one report copied, not independent sources"
    if claim.made_by and not claim.supported_by:
        said = f"reported by sources {sources}, each attributing it to {who(claim.made_by)}"
        if claim.status == "single_source":
            return f"{said}: one party's word, a single source"
        return f"{said}: corroborated as said, not confirmed as fact"
    if claim.status == "single_source":
        return f"reported by sources {sources}, resting on a single source"
    backers = f", and supported by {who(claim.supported_by)}" if claim.supported_by else ""
    return f"confirmed independently by sources {sources}{backers}"


def _copied(claim: BriefingClaim, texts: Mapping[str, str]) -> bool:
    """Whether every source of the claim cites a sentence another source has word for word."""
    by_source: dict[str, list[str]] = {}
    for citation in claim.citations:
        if (text := texts.get(citation.sentence_id)) is not None:
            by_source.setdefault(source_of(citation.sentence_id), []).append(text)
    if len(by_source) < 2:
        return False
    return all(
        any(
            same_words(mine, theirs)
            for mine in said
            for other, cited in by_source.items()
            if other != source
            for theirs in cited
        )
        for source, said in by_source.items()
    )


def _source(record: SourceRecord) -> Source:
    facts = [
        v for v in (record.outlet, record.published and f"published {record.published.isoformat()}") if v
    ]
    return Source(
        id=record.id,
        title=record.title or record.name,
        name=record.name,
        facts=tuple(facts),
        cited_outlets=tuple(record.cited_outlets),
        failed=record.status == "failed",
        url=_web_address(record.url),
    )


def _web_address(url: str | None) -> str | None:
    """The article's address when it is a web address; anything else (javascript:, a file, what
    cannot be read as an address) is shown nowhere."""
    try:  # (read past Markdown's escapes: its note is built from an escaped copy)
        scheme = urlsplit(url.replace("\\", "")).scheme.lower() if url else ""
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None
