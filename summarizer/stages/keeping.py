"""What extraction keeps of a model's answer (``ExtractionDraft``) for one source: the citations
that hold, with their offsets; the items with at least one; actors named in the sentences they
cite, with only the other names their article writes; references to actors that resolve; and of
an event, the act, place, participants and figures its cited sentences give. Everything dropped
is named among the warnings, in the words ``check`` and an update use for the same faults."""

from __future__ import annotations

from .. import support  # the figures rule loads with the first quantity checked
from ..actors import ActorIndex, name_key
from ..schema.drafts import ExtractionDraft
from ..schema.extraction import Actor, Citation, Claim, Event, Participant, Quantity
from ..text import Corpus
from ..vocabulary import CLAIM_ROLES, parties
from .citing import cite
from .naming import (
    date_written,
    dropped_date,
    dropped_name,
    dropped_participant,
    dropped_place,
    dropped_title,
    dropped_via,
    participant_named,
    phrase_named,
    unnamed_via,
    unstated_title,
    written,
)
from .naming import named as names_itself


def verify(
    draft: ExtractionDraft, corpus: Corpus, warnings: list[str]
) -> tuple[list[Actor], list[Event], list[Claim]]:
    """Keep what the sources support: citations that hold (with offsets), items with at least one
    such citation, actor references that resolve. Everything dropped is named in ``warnings``."""
    actors: dict[str, Actor] = {}
    article = "\n".join(s.text for s in corpus.sentences.values())
    for actor in draft.actors:
        citations = cite(f"actor {actor.name!r}", actor.evidence, corpus, warnings)
        if not citations:
            continue
        key = name_key(actor.name)
        aliases = []
        for alias in dict.fromkeys(a for a in actor.aliases if name_key(a) != key):
            if written(alias, article):
                aliases.append(alias)
            else:  # resolution joins actors by their names: only the article's may join them
                warnings.append(dropped_name(actor.name, alias))
        grounded = Actor(
            name=actor.name,
            kind=actor.kind,
            title=actor.title,
            affiliation=actor.affiliation,
            aliases=aliases,
            citations=citations,
        )
        if not names_itself(grounded, citations, corpus):  # as ``check`` would find it
            warnings.append(f"actor {actor.name!r}: dropped, named in none of the sentences it cites")
            continue
        if (title := unstated_title(grounded, corpus)) is not None:  # the note shows it as the sources'
            warnings.append(dropped_title(actor.name, title))
            grounded.title = None
        if key in actors:  # the same actor listed twice: one entry with both's evidence
            known = actors[key]
            known.aliases = list(dict.fromkeys([*known.aliases, *aliases]))
            known.citations += citations
            continue
        actors[key] = grounded
    index = ActorIndex([(a.name, a.aliases, a.kind) for a in actors.values()])
    dropped = {name_key(a.name): a for a in draft.actors if name_key(a.name) not in actors}
    dropped_index = ActorIndex([(a.name, a.aliases, a.kind) for a in dropped.values()])

    def rescue(name: str, where: str, evidence: list[Citation]) -> str | None:
        """An actor whose own citations failed, kept after all when a sentence that the referring
        item cites names it: that sentence is its evidence."""
        known = dropped.get(name_key(dropped_index.find(name) or name))
        for form in dict.fromkeys([name, *((known.name, *known.aliases) if known else ())]):
            for cited in evidence:
                span = corpus.span(cited.sentence_id, form)
                if isinstance(span, str):
                    continue
                actor = Actor(
                    name=known.name if known else name,
                    kind=known.kind if known else "other",
                    title=known.title if known else None,
                    affiliation=known.affiliation if known else None,
                    aliases=[
                        a for a in (known.aliases if known else []) if name_key(a) != name_key(known.name)
                    ]
                    if known
                    else [],
                    citations=[
                        Citation(sentence_id=cited.sentence_id, quote=form, start=span[0], end=span[1])
                    ],
                )
                actors[name_key(actor.name)] = actor
                index.add(actor.name, actor.aliases, actor.kind)
                warnings.append(
                    f"{where}: kept actor {actor.name!r}, named in {cited.sentence_id}, which it cites"
                )
                return actor.name
        return None

    def resolve(name: str, where: str, evidence: list[Citation]) -> str | None:
        found = index.find(name) or rescue(name, where, evidence)
        if found is None:
            warnings.append(f"{where}: dropped reference to {name!r}, not a grounded actor")
        return found

    events: list[Event] = []
    for event in draft.events:
        label = f"event {event.what[:60]!r}"
        citations = cite(label, event.evidence, corpus, warnings)
        if not citations:
            continue
        participants = []
        for p in event.participants:
            if (name := resolve(p.actor, label, citations)) is None:
                continue
            known = actors[name_key(name)]
            ids = (c.sentence_id for c in citations)
            if participant_named(known.name, known.aliases, known.kind, ids, corpus):
                participants.append(Participant(actor=name, role=p.role))
            else:  # the row shows who took part, and the merge tells events apart by it
                warnings.append(dropped_participant(event.what, name))
        act = (event.act or "").strip() or None
        if act and not corpus.stands_in_any(act, (c.sentence_id for c in citations)):
            warnings.append(f"{label}: dropped act {act!r}, not words of the sentences it cites")
            act = None  # what names the act is checked like a quote: the merge joins reports by it
        where = (event.where or "").strip() or None
        if where and not phrase_named(where, (c.sentence_id for c in citations), corpus):
            warnings.append(dropped_place(event.what, where))
            where = None  # the note shows the place: a sentence it cites must name it
        when = (event.when or "").strip() or None
        if when and not date_written(when, (c.sentence_id for c in citations), corpus):
            warnings.append(dropped_date(event.what, when))
            when = None  # the timeline's date is read from it: a sentence it cites must write it
        cited_texts = [corpus.sentences[c.sentence_id].text for c in citations]
        quantities = []
        for q in event.quantities:
            if (figure := support.unstated(q.value, cited_texts)) is not None:
                warnings.append(
                    f"{label}: dropped quantity {q.value!r} ({q.what}): no cited sentence states {figure}"
                )
            else:
                quantities.append(Quantity(value=q.value, what=q.what))
        events.append(
            Event(
                what=event.what,
                act=act,
                when=when,
                where=where,
                participants=participants,
                quantities=quantities,
                citations=citations,
            )
        )

    claims: list[Claim] = []
    for claim in draft.claims:
        label = f"claim {claim.statement[:60]!r}"
        citations = cite(label, claim.evidence, corpus, warnings)
        if not citations:
            continue

        named = {
            role.field: [n for v in parties(claim, role) if (n := resolve(v, label, citations)) is not None]
            for role in CLAIM_ROLES
        }
        kept = Claim(
            statement=claim.statement,
            made_by=next(iter(named.pop("made_by")), None),
            **named,
            reported_via=claim.reported_via,
            citations=citations,
        )
        for via in unnamed_via(kept, corpus):  # the note credits the claim to it
            warnings.append(dropped_via(claim.statement, via))
            kept.reported_via = None
        claims.append(kept)
    return list(actors.values()), events, claims
