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
from ..text.words import tokens
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
    # sentence id -> (start, end, name, kind) of every mention of an actor, named or not ('the
    # Indian navy'), by its name where the article names it: who makes a claim (``_speaker``)
    spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for entity in article.get("entities", []):
        if entity.get("type") not in NAMED_TYPES:
            continue
        mentions = entity.get("mentions", [])
        names = [m for m in mentions if m.get("syntactic_type") == "NAM"]
        forms = list(dict.fromkeys(m["text"] for m in names))
        described = [m["text"] for m in mentions if any(w.content for w in tokens(m["text"]))]
        called = forms[0] if forms else next(iter(described), None)
        kind = _KINDS[entity["type"]]
        for mention in mentions if called is not None else []:
            if called is not None and (s := sentence_at(mention["start"])) is not None:
                spans[s.id].append((mention["start"], mention["start"] + len(mention["text"]), called, kind))
        if not names:
            continue
        cited = [s for m in names if (s := sentence_at(m["start"])) is not None]
        actors.append(
            Actor(
                name=forms[0],
                kind=kind,  # type: ignore[arg-type]
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
        said = next((c for c in sorted(candidates[sentence_id]) if class_of.get(c[1]) in SAYINGS), None)
        saying = said[1] if said else None
        reports.append(ReportedEvent(source, str(article["id"]), sentence, instance, trigger, told, saying))
        annotated = [
            t["text"]
            for t in sorted(article.get("timexes", []), key=lambda t: t["start"])
            if t.get("type") == "DATE"
            and value_kind(t["value"]) in CALENDAR_KINDS
            and sentence.start <= t["start"] < sentence.end
        ]  # else the date the sentence gives, as a model would read it
        when = next(iter(annotated or [d.text for d in find_dates(sentence.text)]), None)
        sayer = _speaker(document.text, said[0], spans[sentence.id]) if said is not None else None
        # who only reports the event ('..., her publicist Jack Ketsoyan said') takes no part in it
        reporter = sayer[0] if sayer and instance != saying else None
        events.append(
            Event(
                what=sentence.text,
                act=trigger,
                when=when,
                participants=[
                    Participant(actor=n, role="participant") for n in named_in[sentence.id] if n != reporter
                ],
                citations=[cite(sentence)],
            )
        )
        if said is not None:
            if sayer and all(sayer[0] != a.name for a in actors):  # a speaker the article never names
                actors.append(Actor(name=sayer[0], kind=sayer[1], citations=[cite(sentence)]))  # type: ignore[arg-type]
            made_by = sayer[0] if sayer else None
            claims.append(Claim(statement=sentence.text, made_by=made_by, citations=[cite(sentence)]))
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


def _speaker(text: str, at: int, mentions: Sequence[tuple[int, int, str, str]]) -> tuple[str, str] | None:
    """Who makes the saying whose word starts at ``at``, as a faithful model would name them (and
    their kind): the actor mentioned right before it, with nothing but a comma between ('Seacom
    announced', 'the police explained'), or right after it ('..., said Smith'); None otherwise."""
    before = [(end, (name, kind)) for _, end, name, kind in mentions if end <= at]
    if before:
        end, sayer = max(before)
        if not text[end:at].strip(" ,"):
            return sayer
    after = [(start, (name, kind)) for start, _, name, kind in mentions if start >= at]
    if after:
        start, sayer = min(after)
        if len(text[at:start].split()) <= 1:  # 'said Smith', 'told Reuters'
            return sayer
    return None
