"""The extraction a faithful model would give of an annotated article (its named entities as
actors, one event per sentence that reports one, and a claim too where that event is a saying),
and the events it reports with their gold instances: what ``events`` merges and
``briefed_events`` answers the pipeline with."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..dates import CALENDAR_KINDS, find_dates, value_kind
from ..schema.extraction import (
    Actor,
    Citation,
    Claim,
    Event,
    Extraction,
    Generation,
    Participant,
    SourceInfo,
)
from ..text import Sentence, split_sentences
from .corpus import NAMED_TYPES, article_document

_KINDS = {"PER": "person", "ORG": "other", "LOC": "state"}
# The classes of annotated events that are sayings (ECB+, MEANTIME): a sentence that reports one
# is a claim, made by the first actor it names, as well as the event it stands for.
SAYINGS = frozenset({"ACTION_REPORTING", "NEG_ACTION_REPORTING", "SPEECH_COGNITIVE"})

Item = tuple[str, str]  # (source id, sentence id): one reported event


@dataclass(frozen=True)
class ReportedEvent:
    """One article's report of an event: the sentence that describes it and its gold instance."""

    source: str
    article: str
    sentence: Sentence
    instance: str
    trigger: str  # the annotated words of the event in that sentence
    instances: frozenset[str]  # every event the sentence reports
    saying: str | None = None  # the annotated saying it reports, if any: then it is a claim too

    @property
    def item(self) -> Item:
        return (self.source, self.sentence.id)


def articles_per_instance(articles: Sequence[dict[str, Any]]) -> dict[str, int]:
    seen: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for event in article.get("events", []):
            if event.get("mentions"):
                seen[event["instance_id"]].add(str(article["id"]))
    return {instance: len(ids) for instance, ids in seen.items()}


def as_extraction(
    article: dict[str, Any], source: str, spread: dict[str, int]
) -> tuple[Extraction, list[ReportedEvent]]:
    """The extraction a faithful model would give of an article, and the events it reports."""
    document = article_document(article)
    sentences = split_sentences(document, source)

    def sentence_at(offset: int) -> Sentence | None:
        return next((s for s in sentences if s.start <= offset < s.end), None)

    def cite(sentence: Sentence) -> Citation:
        return Citation(sentence_id=sentence.id, quote=sentence.text, start=sentence.start, end=sentence.end)

    actors: list[Actor] = []
    named_in: dict[str, list[str]] = defaultdict(list)  # sentence id -> actor names
    for entity in article.get("entities", []):
        names = [m for m in entity.get("mentions", []) if m.get("syntactic_type") == "NAM"]
        if entity.get("type") not in NAMED_TYPES or not names:
            continue
        forms = list(dict.fromkeys(m["text"] for m in names))
        cited = [s for m in names if (s := sentence_at(m["start"])) is not None]
        actors.append(
            Actor(
                name=forms[0],
                kind=_KINDS[entity["type"]],  # type: ignore[arg-type]
                aliases=forms[1:],
                citations=[cite(s) for s in dict.fromkeys(cited)],
            )
        )
        for mention in names:  # a participant is one its sentence names, as extraction keeps it
            if (s := sentence_at(mention["start"])) is not None and forms[0] not in named_in[s.id]:
                named_in[s.id].append(forms[0])

    candidates: dict[str, list[tuple[int, str, str]]] = defaultdict(list)  # sentence id -> events
    class_of = {event["instance_id"]: event.get("class") for event in article.get("events", [])}
    for event in article.get("events", []):
        for mention in event.get("mentions", []):
            if (s := sentence_at(mention["start"])) is not None:
                candidates[s.id].append((mention["start"], event["instance_id"], mention["text"]))
    by_id = {s.id: s for s in sentences}
    reports: list[ReportedEvent] = []
    events: list[Event] = []
    claims: list[Claim] = []
    reported: set[str] = set()
    for sentence_id in sorted(candidates, key=lambda i: by_id[i].start):
        sentence = by_id[sentence_id]
        _, instance, trigger = max(sorted(candidates[sentence_id]), key=lambda c: spread[c[1]])
        if instance in reported:
            continue
        reported.add(instance)
        told = frozenset(c[1] for c in candidates[sentence_id])
        saying = next((i for _, i, _ in sorted(candidates[sentence_id]) if class_of.get(i) in SAYINGS), None)
        reports.append(ReportedEvent(source, str(article["id"]), sentence, instance, trigger, told, saying))
        annotated = [
            t["text"]
            for t in sorted(article.get("timexes", []), key=lambda t: t["start"])
            if t.get("type") == "DATE"
            and value_kind(t["value"]) in CALENDAR_KINDS
            and sentence.start <= t["start"] < sentence.end
        ]  # else the date the sentence gives, as a model would read it
        when = next(iter(annotated or [d.text for d in find_dates(sentence.text)]), None)
        events.append(
            Event(
                what=sentence.text,
                act=trigger,
                when=when,
                participants=[Participant(actor=n, role="participant") for n in named_in[sentence.id]],
                citations=[cite(sentence)],
            )
        )
        if saying is not None:
            sayer = next(iter(named_in[sentence.id]), None)
            claims.append(Claim(statement=sentence.text, made_by=sayer, citations=[cite(sentence)]))
    info = SourceInfo(
        id=source,
        name=document.name,
        published=document.published,
        sha256=document.sha256,
        sentences=len(sentences),
    )
    extraction = Extraction(
        source=info,
        actors=actors,
        events=events,
        claims=claims,
        generation=Generation(model="gold annotations", mode="none", templates={}),
    )
    return extraction, reports
