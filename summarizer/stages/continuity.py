"""An update's story, told in the earlier briefing's ids: an actor, event or claim that continues
one of the earlier briefing keeps its id, so that "C3 is now contested" means the same C3; what
is new gets ids after the earlier ones. Plain code. Two items are the same when they share a
cited sentence: the earlier sources are merged again from their saved extractions, so every
continuing item still cites what it cited before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ..schema.briefing import Briefing
from ..schema.extraction import Citation
from ..vocabulary import CLAIM_ROLES
from .merge import Story


class _Cited(Protocol):
    id: str
    citations: list[Citation]


def _renumber(items: Sequence[_Cited], earlier: Sequence[_Cited], prefix: str) -> dict[str, str]:
    """Each item's id in the update: the earliest id of the earlier items it shares a cited
    sentence with, else the next free one."""
    owner: dict[tuple[str, int], str] = {}
    for item in earlier:
        for citation in item.citations:
            owner.setdefault((citation.sentence_id, citation.start), item.id)
    taken = {item.id for item in earlier}
    following = 1 + max(
        (int(m.group(1)) for i in taken if (m := re.fullmatch(rf"{prefix}(\d+)", i))), default=0
    )
    ids: dict[str, str] = {}
    for item in items:
        matches = sorted(
            {owner[key] for c in item.citations if (key := (c.sentence_id, c.start)) in owner}
            - set(ids.values()),
            key=lambda i: (len(i), i),
        )
        if matches:
            ids[item.id] = matches[0]
        else:
            ids[item.id] = f"{prefix}{following}"
            following += 1
    return ids


def carry_ids(story: Story, earlier: Briefing) -> Story:
    """``story`` with the ids of ``earlier`` wherever its items continue them."""
    actors = _renumber(story.actors, earlier.actors, "P")
    events = _renumber(story.timeline, earlier.timeline, "E")
    claims = _renumber(story.claims, earlier.claims, "C")

    def who(ids: list[str]) -> list[str]:
        return [actors.get(i, i) for i in ids]

    return Story(
        sources=story.sources,
        actors=[a.model_copy(update={"id": actors[a.id]}) for a in story.actors],
        timeline=[
            e.model_copy(
                update={
                    "id": events[e.id],
                    "participants": [
                        r.model_copy(update={"actor": actors.get(r.actor, r.actor)}) for r in e.participants
                    ],
                }
            )
            for e in story.timeline
        ],
        claims=[
            c.model_copy(
                update={"id": claims[c.id], **{r.field: who(getattr(c, r.field)) for r in CLAIM_ROLES}}
            )
            for c in story.claims
        ],
        warnings=story.warnings,
    )
