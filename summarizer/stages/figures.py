"""Where sources that report one event give it different figures: a discrepancy the note shows,
found by code, not a silent merge. The merge joins two reports of one event even when their
counts differ (a toll revised from 14 to 21 is still one earthquake); each source's figures
stay with the event (``quantities``: what each source counts, as extracted). Two figures
disagree when they count the same thing (their words for it share a stem), both are stated as
exact ('at least 14' and '21' can both hold) and their values cannot both hold. Each source's position is its own figure,
citing the event's sentences from that source, and is checked for support like any statement."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..schema.briefing import Discrepancy, Position, TimelineEvent
from ..text import source_of
from ..text.quantities import Figure, stated
from .matching import content_stems


@dataclass(frozen=True)
class _Count:
    source: str
    text: str  # as the source's extraction gave it: 'at least 14 people killed'
    figure: Figure
    counted: frozenset[str]  # stems of what it counts


def _counts(event: TimelineEvent) -> list[_Count]:
    found = []
    for source, quantities in event.quantities.items():
        for text in quantities:
            figures = stated(text)
            if not figures:
                continue
            figure = figures[0]
            counted = content_stems(text[figure.end :])
            if counted:
                found.append(_Count(source, text, figure, counted))
    return found


def _disagree(a: _Count, b: _Count) -> bool:
    if a.source == b.source or not (a.counted & b.counted):
        return False
    if (a.figure.percent, a.figure.money) != (b.figure.percent, b.figure.money):
        return False
    if a.figure.approximate or b.figure.approximate:  # 'at least 14' and '21' can both hold
        return False
    # read as any value their words may mean: '60m' is 60 metres as well as 60 million; a length
    # and a count are never one figure
    return all(
        x.high < y.low or y.high < x.low or x.metres != y.metres
        for x in a.figure.readings()
        for y in b.figure.readings()
    )


def figure_discrepancies(timeline: Sequence[TimelineEvent]) -> list[Discrepancy]:
    """One discrepancy for each event whose sources' counts of one thing disagree."""
    found = []
    for event in timeline:
        counts = _counts(event)
        clash = [(a, b) for i, a in enumerate(counts) for b in counts[i + 1 :] if _disagree(a, b)]
        if not clash:
            continue
        first, _ = clash[0]
        taking = [c for c in counts if c.counted & first.counted]
        positions = []
        for source in dict.fromkeys(c.source for c in taking):
            said = [c.text for c in taking if c.source == source]
            cited = [c for c in event.citations if source_of(c.sentence_id) == source]
            if cited:
                positions.append(Position(source=source, says="; ".join(said), citations=cited))
        if len({p.source for p in positions}) >= 2:
            found.append(Discrepancy(topic=f"Figures for {event.id}: {event.what}", positions=positions))
    return found
