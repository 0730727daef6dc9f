"""Merging the extractions of several sources into one story, in plain code: actors resolved
across sources, dates normalised against each source's own date, the same event or claim
reported twice made one entry citing both."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..dates import Anchor, ArticleDates, anchor, sort_key, why_undated
from ..lazy import collector_paused
from ..schema.briefing import (
    BriefingActor,
    BriefingClaim,
    DateInfo,
    Role,
    SourceRecord,
    TimelineEvent,
)
from ..schema.extraction import Extraction
from ..text.senses import senses
from ..text.words import act_head, act_key, act_negated, act_said, act_verb
from ..vocabulary import CLAIM_ROLES, STANCE_ROLES, parties
from .actor_table import ActorIds, actor_ids, resolve_actors
from .compatibility import (
    Named,
    Side,
    act_sides,
    dates_compatible,
    participant_names,
    participants_differ,
    places_differ,
    same_news_cycle,
)
from .folding import Folding
from .matching import (
    SAME_ACT_SHARED_ACTOR,
    SAME_WORDS_SHARED_ACTOR,
    Gist,
    content_stems,
    gist,
    judge,
    name_words,
)

# An event's act among its words, apart from them: two reports whose acts come to the same share it.
# The words with it overlap at least SAME_ACT_SHARED_ACTOR (Dice) whenever ``judge`` joins them on
# their words; reports of one act that is not a saying are compared through it, or through a sense
# their acts share (``_SENSE``: 'issued', 'released'), whatever their words.
_ACT = "\0act:"
_SENSE = "\0sense:"
_ROW = "\0row:"  # a timeline row that cites a claim's sentence, a key no word can be
Describe = Callable[[str], Gist]  # what a description states, as matching compares it


@dataclass
class Story:
    sources: list[SourceRecord]
    actors: list[BriefingActor]
    timeline: list[TimelineEvent]
    claims: list[BriefingClaim]
    warnings: list[str]


@collector_paused(freeze=False)  # a merge of a thousand articles makes millions of short-lived objects
def merge(extractions: Sequence[Extraction], resolved: Sequence[BriefingActor] = ()) -> Story:
    """One story from ``extractions``. ``resolved`` is the actor table of a saved briefing whose
    extractions come first: an update resolves the new article's names against it, not every
    source's again (``actor_table``)."""
    warnings: list[str] = []
    actors, actor_id = resolve_actors(extractions, resolved)
    references: dict[str, date | None] = {}
    for e in extractions:
        found = anchored(e)
        if found.moved:
            warnings.append(f"source {e.source.id}: {found.note()}")
        references[e.source.id] = found.reference
    sources = [
        SourceRecord(
            **e.source.model_dump(),
            reference_date=references[e.source.id],
            cited_outlets=cited_outlets(e),
        )
        for e in extractions
    ]
    describe = describer(actors)
    timeline = _merge_events(extractions, actor_id, references, describe, actors)
    rows: dict[str, set[str]] = defaultdict(set)  # sentence id -> the rows that cite it
    for entry in timeline:
        for citation in entry.citations:
            rows[citation.sentence_id].add(entry.id)
    named = {a.id: content_stems(a.name) for a in actors}
    claims = _merge_claims(extractions, actor_id, describe, rows, named)
    return Story(sources, actors, timeline, claims, warnings)


def anchored(extraction: Extraction) -> Anchor:
    """Where a source's relative dates are read from: its date, or the latest explicit date it
    gives when its date line was stamped long after the events (``anchor``)."""
    return anchor(extraction.source.published, [event.when for event in extraction.events if event.when])


def cited_outlets(extraction: Extraction) -> list[str]:
    """The outlets a source's claims report through ('according to Reuters')."""
    return sorted({c.reported_via for c in extraction.claims if c.reported_via})


def describer(actors: Sequence[BriefingActor]) -> Describe:
    """What each description states, read once (a merge reads each many times), the story's
    actors' names known as names rather than words of what happened."""
    names = name_words(form for a in actors for form in (a.name, *(f.text for f in a.surface_forms)))
    return cache(lambda text: gist(text, names))


def _merge_events(
    extractions: Sequence[Extraction],
    actor_id: ActorIds,
    references: dict[str, date | None],
    describe: Describe,
    actors: Sequence[BriefingActor],
) -> list[TimelineEvent]:
    names = participant_names(actors)
    acts: dict[int, str | None] = {}  # id of each report -> what its act comes to (``act_key``)
    kinds: dict[int, frozenset[str]] = {}  # id of each report -> its act's common senses (WordNet)
    denied: set[int] = set()  # ids of the reports that tell their act as not done
    said: set[int] = set()  # ids of the reports whose act is a saying ('said', 'denied')

    def act(report: TimelineEvent) -> str | None:
        return acts.get(id(report))

    side = act_sides(actors, act)

    def act_pair(a: TimelineEvent, b: TimelineEvent) -> tuple[str | None, str | None]:
        """The two reports' acts, as one when they share a common sense ('issued', 'released'),
        unless they are one verb with other particles ('check in', 'check out'): two acts."""
        first, second = act(a), act(b)
        if first and second and first != second and act_verb(first) != act_verb(second):
            if kinds[id(a)] & kinds[id(b)]:
                return first, first
        return first, second

    def words(report: TimelineEvent) -> frozenset[str]:
        key = act(report)
        return describe(report.what).words | ({_ACT + key} if key else set())

    def deed(report: TimelineEvent) -> bool:
        """Whether a report names its act, and the act is not a saying."""
        return acts.get(id(report)) is not None and id(report) not in said

    def deeds(report: TimelineEvent) -> frozenset[str]:
        """The act word of a report whose act is not a saying, and its senses: reports sharing one
        are compared."""
        if not deed(report):
            return frozenset()
        return frozenset({_ACT + str(act(report)), *(_SENSE + sense for sense in kinds[id(report)])})

    folding = Folding[TimelineEvent](
        lambda a, b: (
            None
            if (id(a) in denied) != (id(b) in denied)  # one says it was done, the other not
            else _same_event(a, b, describe, act_pair(a, b), names, side, deed(a) and deed(b))
        ),
        combine_events,
        words,
        SAME_ACT_SHARED_ACTOR,
        deeds,
    )
    for extraction in extractions:
        source = extraction.source.id
        reference = references[source]
        dates = ArticleDates(reference) if reference else None  # 'the next day' counts from the last
        for event in extraction.events:
            context = " ".join(c.quote for c in event.citations) or None
            found = dates.read(event.when, context) if event.when and dates else None
            info = DateInfo(
                value=found.value if found else None,
                precision=found.precision if found else (why_undated(event.when) if event.when else None),
                reported_by=None if found else reference,
                expressions={source: event.when} if event.when else {},
            )
            roles = [
                Role(actor=i, role=p.role)
                for p in event.participants
                for i in actor_ids(source, [p.actor], actor_id)
            ]
            candidate = TimelineEvent(
                id="",
                what=event.what,
                date=info,
                where=event.where,
                participants=roles,
                quantities={source: [f"{q.value} {q.what}" for q in event.quantities]}
                if event.quantities
                else {},
                sources=[source],
                citations=event.citations,
            )
            acts[id(candidate)] = key = act_key(event.act) if event.act else None
            head = act_head(event.act) if event.act else None
            kinds[id(candidate)] = senses("_".join(w for w in head if w)) if head else frozenset()
            if key and act_negated(event.what, key):
                denied.add(id(candidate))
            if event.act and act_said(event.act):
                said.add(id(candidate))
            folding.add(candidate)
    merged = folding.entries
    merged.sort(key=lambda e: (sort_key(e.date.value), e.date.reported_by or date.max))
    for n, entry in enumerate(merged, start=1):
        entry.id = f"E{n}"
    return merged


def combine_events(twin: TimelineEvent, other: TimelineEvent) -> None:
    """Adds what ``other`` reports to ``twin``, in new values: the reports keep their own."""
    value, precision = twin.date.value, twin.date.precision
    if value is None or (other.date.value and len(other.date.value) > len(value)):
        value, precision = other.date.value, other.date.precision  # the more precise
    reports = [d for d in (twin.date.reported_by, other.date.reported_by) if d is not None]
    twin.date = twin.date.model_copy(
        update={
            "value": value,
            "precision": precision,
            "reported_by": None if value else min(reports, default=None),  # the earliest report
            "expressions": {**twin.date.expressions, **other.date.expressions},
        }
    )
    known = {(r.actor, r.role) for r in twin.participants}
    twin.participants = [
        *twin.participants,
        *(r for r in other.participants if (r.actor, r.role) not in known),
    ]
    twin.quantities = {**twin.quantities, **other.quantities}
    twin.where = twin.where or other.where


def _combine_claims(twin: BriefingClaim, other: BriefingClaim) -> None:
    for field in (*(role.field for role in CLAIM_ROLES), "reported_via"):
        setattr(twin, field, list(dict.fromkeys([*getattr(twin, field), *getattr(other, field)])))


def _same_event(
    a: TimelineEvent,
    b: TimelineEvent,
    describe: Describe,
    acts: tuple[str | None, str | None],
    names: Mapping[str, Named],
    side: Side,
    deed: bool = False,
) -> bool | None:
    """Two reports of one event: at compatible dates, by participants who may be the same
    (``participants_differ``, which reads which ``side`` of each act they take), telling of the same
    kind of act (when both name theirs: ``acts``, as one when they share a sense) or in words that
    tell of the same happening; None when they are at odds. The same act (``deed``: not a saying) in one news cycle is one event whatever
    other words each uses ('Colts beat Chiefs', 'the Colts clinched a playoff spot, beating Kansas
    City'); so is the same act by the same two or more participants ('the 76ers fired Cheeks',
    'Cheeks was fired as coach of the 76ers')."""
    if not dates_compatible(a, b) or participants_differ(a, b, names, side) or places_differ(a, b):
        return None
    mine, theirs = {r.actor for r in a.participants}, {r.actor for r in b.participants}
    first, second = describe(a.what), describe(b.what)
    same_parties = len(mine) >= 2 and mine == theirs
    one_time = deed and same_news_cycle(a, b)
    return judge(first, second, bool(mine & theirs), acts, same_parties, one_time)


def _merge_claims(
    extractions: Sequence[Extraction],
    actor_id: ActorIds,
    describe: Describe,
    rows: Mapping[str, set[str]],
    named: Mapping[str, frozenset[str]],
) -> list[BriefingClaim]:
    def told(claim: BriefingClaim) -> frozenset[str]:
        return frozenset(_ROW + row for c in claim.citations for row in rows.get(c.sentence_id, ()))

    def one_party(a: BriefingClaim, b: BriefingClaim) -> bool:
        """Whether one party makes, denies or disputes both: one actor, or two whose names are
        one within the other ('the navy', 'the Indian Navy'; not 'Kosovo police', 'Serbian police')."""
        return any(
            _within(named.get(x, frozenset()), named.get(y, frozenset()))
            for x in _stance(a)
            for y in _stance(b)
        )

    folding = Folding[BriefingClaim](
        lambda a, b: _same_claim(a, b, describe, told, one_party),
        _combine_claims,
        lambda c: describe(c.statement).words,
        SAME_WORDS_SHARED_ACTOR,
        told,
    )
    for extraction in extractions:
        source = extraction.source.id

        def ids(names: Sequence[str], source: str = source) -> list[str]:
            return actor_ids(source, names, actor_id)

        for claim in extraction.claims:
            candidate = BriefingClaim.model_validate(
                {
                    "id": "",
                    "statement": claim.statement,
                    **{role.field: ids(parties(claim, role)) for role in CLAIM_ROLES},
                    "reported_via": [claim.reported_via] if claim.reported_via else [],
                    "sources": [source],
                    "citations": claim.citations,
                }
            )
            folding.add(candidate)
    for n, entry in enumerate(folding.entries, start=1):
        entry.id = f"C{n}"
    return folding.entries


def _same_claim(
    a: BriefingClaim,
    b: BriefingClaim,
    describe: Describe,
    told: Callable[[BriefingClaim], frozenset[str]],
    one_party: Callable[[BriefingClaim, BriefingClaim], bool],
) -> bool | None:
    """Two reports of one claim: worded alike, or a little less alike when the same party makes,
    denies or disputes it; None when they are at odds. One party telling of one event (their
    cited sentences are cited by one timeline row, ``told``) is one claim too."""
    shared = bool(_stance(a) & _stance(b))
    verdict = judge(describe(a.statement), describe(b.statement), shared_actor=shared)
    if verdict is False and told(a) & told(b) and (shared or one_party(a, b)):
        return True
    return verdict


def _within(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and (a <= b or b <= a)


def _stance(claim: BriefingClaim) -> set[str]:
    """The actors who make, deny or dispute a claim."""
    return {actor for field in STANCE_ROLES for actor in getattr(claim, field)}
