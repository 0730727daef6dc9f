"""What one briefing of a story says that an earlier one did not: new sources, events, actors,
claims and disagreements, events dated more precisely, claims whose status moved, and statements
of the earlier bottom line that a claim now disputes. Plain code, no model: ``brief --since``
puts it in the new note, ``summarizer diff`` prints it for any two briefings of one story. Each
change cites the new sources' sentences that caused it."""

from __future__ import annotations

from collections.abc import Iterable

from .schema.briefing import Briefing, BriefingClaim, Change, ChangeKind, Changes
from .schema.extraction import Citation
from .text import source_of
from .vocabulary import DISPUTED, status_label


def _precision(value: str | None) -> int:
    """How much a date value says: undated 0, then longer values say more (2023 < 2023-09 < 2023-09-27)."""
    return len(value) if value else 0


def diff(old: Briefing, new: Briefing) -> Changes:
    known = {s.sha256 for s in old.sources}
    fresh = {s.id for s in new.sources if s.sha256 not in known}

    def new_citations(citations: Iterable[Citation]) -> list[Citation]:
        return [c for c in citations if source_of(c.sentence_id) in fresh]

    items: list[Change] = []

    def add(kind: ChangeKind, item: str | None, summary: str, cited: Iterable[Citation] = ()) -> None:
        items.append(Change(kind=kind, item=item, summary=summary, citations=new_citations(cited)))

    for source in new.sources:
        if source.id in fresh:
            add("new_source", source.id, f"New source {source.id}: {source.title or source.name}")
    old_actors = {a.id for a in old.actors}
    for actor in new.actors:
        if actor.id not in old_actors:
            add("new_actor", actor.id, f"New actor {actor.id}: {actor.name}", actor.citations)
    old_events = {e.id: e for e in old.timeline}
    for event in new.timeline:
        before = old_events.get(event.id)
        if before is None:
            when = event.date.shown()
            add("new_event", event.id, f"New event {event.id} ({when}): {event.what}", event.citations)
        elif _precision(event.date.value) > _precision(before.date.value):
            was = before.date.shown()
            add(
                "event_dated",
                event.id,
                f"{event.id} is now dated {event.date.value} (was {was})",
                event.citations,
            )
    old_claims = {c.id: c for c in old.claims}
    moved: list[BriefingClaim] = []
    for claim in new.claims:
        before_claim = old_claims.get(claim.id)
        evidence = [*claim.citations, *claim.explanation_citations]
        if before_claim is None:
            add(
                "new_claim",
                claim.id,
                f"New claim {claim.id} ({status_label(claim.status)}): {claim.statement}",
                evidence,
            )
        elif claim.status != before_claim.status:
            moved.append(claim)
            now, was = status_label(claim.status), status_label(before_claim.status)
            add("claim_status", claim.id, f"{claim.id} is now {now} (was {was}): {claim.statement}", evidence)
    old_topics = {" ".join(d.topic.casefold().split()) for d in old.discrepancies}
    for discrepancy in new.discrepancies:
        if " ".join(discrepancy.topic.casefold().split()) not in old_topics:
            cited = [c for p in discrepancy.positions for c in p.citations]
            add("new_disagreement", None, f"The sources now disagree: {discrepancy.topic}", cited)
    for i, statement in enumerate(old.bottom_line, 1):
        sentences = {c.sentence_id for c in statement.citations}
        for claim in moved:
            if claim.status in DISPUTED and sentences & {c.sentence_id for c in claim.citations}:
                add(
                    "bottom_line_disputed",
                    claim.id,
                    f"The earlier bottom line's statement {i} rests on {claim.id}, now "
                    f"{status_label(claim.status)}: {statement.text}",
                    [*claim.citations, *claim.explanation_citations],
                )
    return Changes(
        previous_sources=[s.id for s in old.sources],
        new_sources=sorted(fresh, key=lambda i: (len(i), i)),
        items=items,
    )
