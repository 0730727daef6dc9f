"""Events the model reads as one happening (``same_events`` of the synthesis), joined only when
code finds nothing against it, the way it checks a quote. The merge joins reports whose words,
or whose one act in one news cycle, say they are one event; the model may see what these do not
('built up' and 'deployed' tanks, 'spoke to' and 'expressed concern to'), so it may propose
joins of timeline rows the merge kept apart. Each proposed pair must come from different
sources (one article that tells two events means two), at dates one within the other, with no
person each names that the other does not, and with descriptions whose figures, periods and
names agree. A join that fails any of these is refused, and the note's warnings say which and
why; a join that passes is made as the merge makes one, and the warnings say so too."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..schema.briefing import TimelineEvent
from .citing import unique_citations
from .compatibility import Named, dates_compatible, participant_names, participants_differ
from .matching import compatible
from .merge import Describe, Story, combine_events, describer


def _refusal(
    a: TimelineEvent, b: TimelineEvent, describe: Describe, names: Mapping[str, Named]
) -> str | None:
    """Why ``a`` and ``b`` cannot be one event, or None."""
    shared = sorted(set(a.sources) & set(b.sources))
    if shared:
        return f"source {', '.join(shared)} reports them as two events"
    if not dates_compatible(a, b):
        return f"their dates differ ({a.date.value or 'undated'}, {b.date.value or 'undated'})"
    if differ := participants_differ(a, b, names):
        return differ
    if not compatible(describe(a.what), describe(b.what)):
        return "their figures, periods or names differ"
    return None


def join_proposed(story: Story, proposals: Sequence[Sequence[str]]) -> tuple[Story, list[str]]:
    """The story with each proposed group of events that code finds nothing against joined into
    its first row (the others' rows go), and a warning for each join made or refused."""
    if not proposals:
        return story, []
    describe = describer(story.actors)
    # the model read the two as one: only different people gainsay it, as a place or body named
    # at another grain ('Queens', 'New York'; 'police', 'NYPD') need not
    names = participant_names(story.actors, kinds=("person",))
    rows = {e.id: e for e in story.timeline}
    into: dict[str, str] = {}  # an event joined into another -> that one
    warnings: list[str] = []
    for group in proposals:
        ids = [into.get(i, i) for i in dict.fromkeys(group) if i in rows]
        ids = list(dict.fromkeys(ids))
        if len(ids) < 2:
            continue
        first = rows[ids[0]]
        for other_id in ids[1:]:
            other = rows[other_id]
            reason = _refusal(first, other, describe, names)
            if reason:
                warnings.append(
                    f"synthesis: {first.id} and {other.id} kept apart though read as one event: {reason}"
                )
                continue
            twin = first.model_copy()
            twin.sources = sorted({*first.sources, *other.sources})
            twin.citations = unique_citations([*first.citations, *other.citations])
            combine_events(twin, other)
            rows[first.id] = first = twin
            del rows[other.id]
            into[other.id] = first.id
            warnings.append(
                f"synthesis: {other.id} joined into {first.id}, read as one event; nothing in them disagrees"
            )
    timeline = [rows[e.id] for e in story.timeline if e.id in rows]
    return replace(story, timeline=timeline), warnings
