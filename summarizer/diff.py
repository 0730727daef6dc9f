"""What one briefing of a story says that an earlier one did not: new sources, events, actors,
claims and disagreements, events dated more precisely, claims whose status moved, and statements
of the earlier bottom line that a claim now disputes. Plain code, no model: ``brief --since``
puts it in the new note, ``summarizer diff`` prints it for any two briefings of one story. Each
change cites the new sources' sentences that caused it."""

from __future__ import annotations

from collections.abc import Iterable

from .schema.briefing import Briefing, BriefingClaim, Change, Changes
from .schema.extraction import Citation
from .text import source_of

STATUS_WORDS = {
    "corroborated": "corroborated",
    "single_source": "single source",
    "contested": "contested",
    "sources_disagree": "disputed between the sources",
    None: "unassessed",
}
DISPUTED = ("contested", "sources_disagree")


def _precision(value: str | None) -> int:
    """How much a date value says: undated 0, then longer values say more (2023 < 2023-09 < 2023-09-27)."""
    return len(value) if value else 0


def diff(old: Briefing, new: Briefing) -> Changes:
    known = {s.sha256 for s in old.sources}
    fresh = {s.id for s in new.sources if s.sha256 not in known}

    def new_citations(citations: Iterable[Citation]) -> list[Citation]:
        return [c for c in citations if source_of(c.sentence_id) in fresh]

    items: list[Change] = []
    for source in new.sources:
        if source.id in fresh:
            items.append(
                Change(
                    kind="new_source",
                    item=source.id,
                    summary=f"New source {source.id}: {source.title or source.name}",
                )
            )
    old_actors = {a.id for a in old.actors}
    for actor in new.actors:
        if actor.id not in old_actors:
            items.append(
                Change(
                    kind="new_actor",
                    item=actor.id,
                    summary=f"New actor {actor.id}: {actor.name}",
                    citations=new_citations(actor.citations),
                )
            )
    old_events = {e.id: e for e in old.timeline}
    for event in new.timeline:
        before = old_events.get(event.id)
        if before is None:
            when = event.date.value or "undated"
            items.append(
                Change(
                    kind="new_event",
                    item=event.id,
                    summary=f"New event {event.id} ({when}): {event.what}",
                    citations=new_citations(event.citations),
                )
            )
        elif _precision(event.date.value) > _precision(before.date.value):
            was = before.date.value or "undated"
            items.append(
                Change(
                    kind="event_dated",
                    item=event.id,
                    summary=f"{event.id} is now dated {event.date.value} (was {was})",
                    citations=new_citations(event.citations),
                )
            )
    old_claims = {c.id: c for c in old.claims}
    moved: list[BriefingClaim] = []
    for claim in new.claims:
        before_claim = old_claims.get(claim.id)
        evidence = new_citations([*claim.citations, *claim.explanation_citations])
        if before_claim is None:
            status = STATUS_WORDS.get(claim.status, claim.status)
            items.append(
                Change(
                    kind="new_claim",
                    item=claim.id,
                    summary=f"New claim {claim.id} ({status}): {claim.statement}",
                    citations=evidence,
                )
            )
        elif claim.status != before_claim.status:
            moved.append(claim)
            items.append(
                Change(
                    kind="claim_status",
                    item=claim.id,
                    summary=f"{claim.id} is now {STATUS_WORDS.get(claim.status, claim.status)} "
                    f"(was {STATUS_WORDS.get(before_claim.status, before_claim.status)}): {claim.statement}",
                    citations=evidence,
                )
            )
    old_topics = {" ".join(d.topic.casefold().split()) for d in old.discrepancies}
    for discrepancy in new.discrepancies:
        if " ".join(discrepancy.topic.casefold().split()) not in old_topics:
            cited = [c for p in discrepancy.positions for c in p.citations]
            items.append(
                Change(
                    kind="new_disagreement",
                    item=None,
                    summary=f"The sources now disagree: {discrepancy.topic}",
                    citations=new_citations(cited),
                )
            )
    for i, statement in enumerate(old.bottom_line, 1):
        sentences = {c.sentence_id for c in statement.citations}
        for claim in moved:
            if claim.status in DISPUTED and sentences & {c.sentence_id for c in claim.citations}:
                items.append(
                    Change(
                        kind="bottom_line_disputed",
                        item=claim.id,
                        summary=f"The earlier bottom line's statement {i} rests on {claim.id}, now "
                        f"{STATUS_WORDS.get(claim.status, claim.status)}: {statement.text}",
                        citations=new_citations([*claim.citations, *claim.explanation_citations]),
                    )
                )
    return Changes(
        previous_sources=[s.id for s in old.sources],
        new_sources=sorted(fresh, key=lambda i: (len(i), i)),
        items=items,
    )
