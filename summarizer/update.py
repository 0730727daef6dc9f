"""What an update (``--since``) starts from: a saved briefing that passes ``check`` (support
verdicts aside: they are worked out again) against its sources, read again, with the
extractions it carries, once what this version's extraction would not keep is taken out of them
and said (``as_extracted_now``); refused in one line, before any model call, otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .check import verify_briefing
from .check_records import cited_corpus, records_now
from .errors import InputError
from .schema.briefing import Briefing, BriefingActor, DateInfo, SourceRecord, SurfaceForm, TimelineEvent
from .stages.actor_table import given_by_name, given_values, names_given, owners, same_value
from .stages.naming import (
    dropped_date,
    dropped_name,
    dropped_participant,
    dropped_place,
    dropped_title,
    dropped_via,
    unnamed_in_extraction,
    unnamed_participants,
    unnamed_place,
    unnamed_via,
    unstated_title,
    unwritten_date,
    unwritten_dates,
    written,
)
from .store import load_briefing, read_sources
from .text import Corpus, Source, count, shown
from .verified import Verified


@dataclass(frozen=True)
class Previous:
    """The briefing an update starts from, checked, with its sources read again."""

    name: str  # where it was read from
    briefing: Briefing
    sources: list[Source]

    def nothing_to_add(self) -> InputError:
        return InputError(self.name, "already holds every input; there is nothing to add")


def previous_briefing(
    path: str | Path, given: Sequence[str | Path] = (), cache_dir: str | None = None
) -> Previous:
    """The saved briefing at ``path``, fit to be updated: it passes ``check`` (support verdicts
    aside) against its sources (found where it names them, or among ``given``) and holds its
    extractions; those this installation already checked, as remembered beside the response
    cache in ``cache_dir``, are not checked again (``verified``). One ``InputError`` naming the
    file otherwise."""
    name = str(path)
    briefing, base = load_briefing(path)
    sources, unread = read_sources(briefing, given, base)  # read and split once, checked and kept
    briefing = as_extracted_now(briefing, sources)
    # Statements kept and marked unsupported do not stop an update: its verdicts are worked out again.
    problems = unread + verify_briefing(briefing, sources, support=False, verified=Verified.beside(cache_dir))
    if problems:
        more = (
            f" (and {count(len(problems) - 1, 'other problem')}; `summarizer check` lists them)"
            if len(problems) > 1
            else ""
        )
        raise InputError(name, f"cannot be updated: {problems[0]}{more}")
    if not briefing.extractions and any(s.status == "ok" for s in briefing.sources):
        raise InputError(name, "holds no extractions (a version 1 briefing); make it again to update it")
    return Previous(name, briefing, sources)


def as_extracted_now(briefing: Briefing, sources: Sequence[Source]) -> Briefing:
    """The briefing with what this version's extraction would not keep taken out of the
    extractions it carries, each said among that extraction's warnings: a place that no sentence
    its event cites names, a participant none of them names, another name of an actor that its
    article does not write (with the actor table's listing of it); and a place or participant of
    the note's timeline that no cited sentence names. A title, outlet, date or address read from
    an article is read again, as this version reads it, and its source's record follows.
    A briefing an earlier version saved is updated, not refused, for rules it did not know."""
    by_id = {s.id: s for s in sources}
    extractions = []
    for extraction in briefing.extractions:
        source = by_id.get(extraction.source.id)
        if source is None or source.document.sha256 != extraction.source.sha256:
            extractions.append(extraction)  # check says what is wrong with it
            continue
        corpus = Corpus.of(source.sentences)
        info = extraction.source  # what was read from the article, as this version reads it
        fresh: dict[str, Any] = {
            f: getattr(source.document, f)
            for f in info.read
            if getattr(info, f) != getattr(source.document, f)
        }
        notes: list[str] = [
            f"{f} read again from the article: {shown(value)} (was {shown(getattr(info, f))})"
            for f, value in fresh.items()
        ]
        events = []
        by_name = {a.name: a for a in extraction.actors}  # as extraction names participants
        for event in extraction.events:
            if (place := unnamed_place(event, corpus)) is not None:
                notes.append(dropped_place(event.what, place))
                event = event.model_copy(update={"where": None})
            if (when := unwritten_date(event, corpus)) is not None:
                notes.append(dropped_date(event.what, when))
                event = event.model_copy(update={"when": None})
            if unsaid := unnamed_in_extraction(event, by_name, corpus):
                notes += [dropped_participant(event.what, name) for name in unsaid]
                taking_part = [p for p in event.participants if p.actor not in unsaid]
                event = event.model_copy(update={"participants": taking_part})
            events.append(event)
        claims = []
        for claim in extraction.claims:
            if unsaid := unnamed_via(claim, corpus):
                notes += [dropped_via(claim.statement, via) for via in unsaid]
                claim = claim.model_copy(update={"reported_via": None})
            claims.append(claim)
        actors = []
        for actor in extraction.actors:
            kept = [a for a in actor.aliases if written(a, source.document.text)]
            notes += [dropped_name(actor.name, a) for a in actor.aliases if a not in kept]
            changed: dict[str, Any] = {"aliases": kept} if kept != actor.aliases else {}
            if (title := unstated_title(actor, corpus)) is not None:
                notes.append(dropped_title(actor.name, title))
                changed["title"] = None
            actors.append(actor.model_copy(update=changed) if changed else actor)
        update = {
            "source": info.model_copy(update=fresh),
            "events": events,
            "claims": claims,
            "actors": actors,
            "warnings": [*extraction.warnings, *notes],
        }
        extractions.append(extraction.model_copy(update=update) if notes else extraction)
    if all(new is old for new, old in zip(extractions, briefing.extractions, strict=True)):
        corrected = briefing
    else:
        given = names_given(extractions)
        extracted = {e.source.id for e in extractions}

        def listed(form: SurfaceForm) -> SurfaceForm:
            return form.model_copy(
                update={"sources": [s for s in form.sources if s not in extracted or (s, form.text) in given]}
            )

        giving = given_by_name(extractions)

        def kept_titles(actor: BriefingActor) -> list[str]:
            """The actor's titles that an extraction of its names still gives."""
            made_of = owners(actor, giving) or []
            titles = given_values(made_of, "title")
            return [t for t in actor.titles if same_value(t) in titles] if made_of else actor.titles

        table = []
        for saved in briefing.actors:
            entry = saved.model_copy(
                update={"surface_forms": [f for f in map(listed, saved.surface_forms) if f.sources]}
            )
            table.append(entry.model_copy(update={"titles": kept_titles(entry)}))
        corrected = briefing.model_copy(update={"extractions": extractions, "actors": table})
    cited = cited_corpus(corrected)
    table_by_id = {a.id: a for a in corrected.actors}
    timeline = []
    records = {s.id: s for s in corrected.sources}
    for row in corrected.timeline:
        if unnamed_place(row, cited) is not None:
            row = row.model_copy(update={"where": None})
        if unwritten := unwritten_dates(row, cited):
            row = row.model_copy(update={"date": _dated_by_the_rest(row, unwritten, records)})
        if absent := unnamed_participants(row, table_by_id, cited):
            row = row.model_copy(
                update={"participants": [r for r in row.participants if r.actor not in absent]}
            )
        timeline.append(row)
    noted_claims = []
    for noted in corrected.claims:
        if unsaid := unnamed_via(noted, cited):
            noted = noted.model_copy(
                update={"reported_via": [v for v in noted.reported_via if v not in unsaid]}
            )
        noted_claims.append(noted)
    return corrected.model_copy(
        update={
            "timeline": timeline,
            "claims": noted_claims,
            "sources": records_now(corrected, corrected.extractions),
        }
    )


def _dated_by_the_rest(
    row: TimelineEvent, unwritten: dict[str, str], records: dict[str, SourceRecord]
) -> DateInfo:
    """A row's date without the dates as written that its cited sentences do not write: dated by
    the sources' others if any remain (``check`` reads the value again from them), else undated,
    reported by its earliest source."""
    kept = {s: w for s, w in row.date.expressions.items() if s not in unwritten}
    if kept:
        return row.date.model_copy(update={"expressions": kept})
    reported = [d for s in row.sources if s in records and (d := records[s].read_as_of) is not None]
    return DateInfo(value=None, precision=None, reported_by=min(reported, default=None), expressions={})
