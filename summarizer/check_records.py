"""What a note records beside its statements, against what it was made from: each source's
record (against its article and its extraction), each actor's (against the extractions that give
its names), and each event's and claim's (its sources, place, participants, figures, status and
the date it is known by). ``check`` runs these; an update rewrites the source records
(``records_now``) before it checks them."""

from __future__ import annotations

from collections.abc import Sequence

from .schema.briefing import Briefing, BriefingClaim, SourceRecord, TimelineEvent
from .schema.extraction import Extraction
from .stages.actor_table import given_by_name, given_values, owners, same_value
from .stages.merge import anchored, cited_outlets
from .stages.naming import unnamed_participants, unnamed_place, unnamed_via, unwritten_dates
from .stages.synthesise import rule_status, unheld_status
from .store import Problem
from .support import unstated
from .text import Corpus, Sentence, Source, shown, source_of


def record_problems(briefing: Briefing, sources: Sequence[Source]) -> list[Problem]:
    """Problems of what the note records beside its statements (``sources``: those read)."""
    return (
        _records(briefing)
        + _source_records(briefing, sources)
        + _actor_records(briefing)
        + _known_by(briefing)
    )


def _source_records(briefing: Briefing, sources: Sequence[Source]) -> list[Problem]:
    """What the note records of each source, against its article and its extraction: the title,
    outlet, date and address read from the article (not those the user gave), the outlets its
    claims report through, and the date its relative dates were read from."""
    documents = {source.id: source.document for source in sources}
    extractions = {e.source.id: e for e in briefing.extractions}
    problems = []
    for record in briefing.sources:
        where = f"source {record.id} ({record.name})"
        if (document := documents.get(record.id)) is not None:
            for field in record.read:
                recorded, read = getattr(record, field), getattr(document, field)
                if recorded != read:
                    problems.append(
                        Problem(where, f"{field} {shown(recorded)} is not the article's ({shown(read)})")
                    )
        if (extraction := extractions.get(record.id)) is None or record.status != "ok":
            continue
        if record.cited_outlets != cited_outlets(extraction):
            problems.append(
                Problem(
                    where, f"cited outlets {record.cited_outlets} are not those its claims report through"
                )
            )
        if record.reference_date != (reference := anchored(extraction).reference):
            problems.append(
                Problem(
                    where,
                    f"reference date {shown(record.reference_date)} is not its dates' ({shown(reference)})",
                )
            )
    return problems


def records_now(briefing: Briefing, extractions: Sequence[Extraction]) -> list[SourceRecord]:
    """The briefing's source records, each with what its extraction now holds: the metadata read
    from its article, the outlets its claims report through, its reference date."""
    by_id = {e.source.id: e for e in extractions}
    records = []
    for record in briefing.sources:
        if (extraction := by_id.get(record.id)) is not None and record.status == "ok":
            info = extraction.source
            record = record.model_copy(
                update={
                    **{field: getattr(info, field) for field in info.read},
                    "cited_outlets": cited_outlets(extraction),
                    "reference_date": anchored(extraction).reference,
                }
            )
        records.append(record)
    return records


def cited_corpus(briefing: Briefing) -> Corpus:
    """The sentences a briefing cites, as the quotes and names in its note are read against."""
    return Corpus.of(Sentence(s.id, s.start, s.end, s.text) for s in briefing.cited_sentences)


def _records(briefing: Briefing) -> list[Problem]:
    """What the note records of each event and claim, against what it cites and rules: its
    sources are those of its citations (a source listed but not cited would corroborate it); an
    event's place and participants are named in a sentence it cites, and its figures stated in
    those it cites from the source that gives them; a claim's outlet is named in a sentence it
    cites, and its status given by rule is the rule's. (A status the model gave is its reading,
    with an explanation citing what it rests on: 'single source' of a party's word that two
    outlets carry is one.)"""
    problems = []
    items: list[tuple[str, TimelineEvent | BriefingClaim]] = [
        *((f"timeline {e.id}", e) for e in briefing.timeline),
        *((f"claim {c.id}", c) for c in briefing.claims),
    ]
    for where, item in items:
        cited = sorted({source_of(c.sentence_id) for c in item.citations})
        if cited and sorted(set(item.sources)) != cited:
            problems.append(Problem(where, f"lists sources {item.sources} but cites sources {cited}"))
    texts = {s.id: s.text for s in briefing.cited_sentences}
    corpus = cited_corpus(briefing)
    actors = {a.id: a for a in briefing.actors}
    for event in briefing.timeline:
        if (place := unnamed_place(event, corpus)) is not None:
            problems.append(
                Problem(f"timeline {event.id}", f"place {place!r} is named in none of its cited sentences")
            )
        for source, when in unwritten_dates(event, corpus).items():
            problems.append(
                Problem(
                    f"timeline {event.id}",
                    f"date {when!r} (source {source}) is written in none of its cited sentences from {source}",
                )
            )
        for actor in unnamed_participants(event, actors, corpus):
            problems.append(
                Problem(
                    f"timeline {event.id}",
                    f"participant {actors[actor].name!r} ({actor}) is named in none of its cited sentences",
                )
            )
        for source, figures in event.quantities.items():
            cited = [
                texts[c.sentence_id]
                for c in event.citations
                if source_of(c.sentence_id) == source and c.sentence_id in texts
            ]
            for said in figures:
                if (figure := unstated(said, cited)) is not None:
                    problems.append(
                        Problem(
                            f"timeline {event.id}",
                            f"source {source}'s figure {said!r}: {figure} is in none of its cited sentences",
                        )
                    )
    for claim in briefing.claims:
        for via in unnamed_via(claim, corpus):
            problems.append(
                Problem(f"claim {claim.id}", f"reported via {via!r}, whom none of its cited sentences names")
            )
        if claim.status_by == "rule" and claim.status != (rule := rule_status(claim)):
            problems.append(Problem(f"claim {claim.id}", f"status {claim.status} is not the rule's ({rule})"))
        explained_by = [c.sentence_id for c in claim.explanation_citations]
        if claim.status and (why := unheld_status(claim, claim.status, explained_by)) is not None:
            problems.append(Problem(f"claim {claim.id}", f"status {why}"))
    return problems


def _actor_records(briefing: Briefing) -> list[Problem]:
    """What the table records of each actor whose every name comes from a carried extraction,
    against the actors those extractions give: its sources are those that use its names, its kind
    one they give it, its titles and affiliations among theirs, and its citations among theirs
    (each of which ``check_extractions`` vouches names it)."""
    given = given_by_name(briefing.extractions)
    problems = []
    for actor in briefing.actors:
        where = f"actors {actor.id}"
        used = sorted({source for form in actor.surface_forms for source in form.sources})
        if actor.sources != used:
            problems.append(Problem(where, f"lists sources {actor.sources} but its names are used by {used}"))
        if (made_of := owners(actor, given)) is None:
            continue  # a name no carried extraction gives: ``check`` says so of the name
        if actor.kind not in {owner.kind for owner in made_of}:
            kinds = sorted({owner.kind for owner in made_of})
            problems.append(Problem(where, f"kind {actor.kind!r} is none its sources give it ({kinds})"))
        for field, values in (("title", actor.titles), ("affiliation", actor.affiliations)):
            allowed = given_values(made_of, field)
            for value in values:
                if same_value(value) not in allowed:
                    problems.append(Problem(where, f"{field} {value!r} is none its sources give it"))
        cited = {c.sentence_id for owner in made_of for c in owner.citations}
        for citation in actor.citations:
            if citation.sentence_id not in cited:
                problems.append(
                    Problem(where, f"cites {citation.sentence_id}, where its sources do not name it")
                )
    return problems


def _known_by(briefing: Briefing) -> list[Problem]:
    """An undated event is known by the date of the earliest source that reports it (the date its
    source's dates are read from); a dated one by its date alone."""
    references = {s.id: s.reference_date for s in briefing.sources}
    problems = []
    for event in briefing.timeline:
        expected = (
            None
            if event.date.value is not None
            else min((r for s in event.sources if (r := references.get(s)) is not None), default=None)
        )
        if event.date.reported_by != expected:
            said = (
                "a dated event is known by its date"
                if event.date.value is not None
                else f"it is known by the date of its earliest source ({shown(expected)})"
            )
            problems.append(
                Problem(f"timeline {event.id}", f"reported by {shown(event.date.reported_by)}, but {said}")
            )
    return problems
