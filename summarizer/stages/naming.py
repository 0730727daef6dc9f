"""Whether an actor (and its title), an event's place, date or a participant in it, or the outlet
a claim is reported through, is named in the sentences it cites: extraction keeps it only if so,
and ``check`` vouches for it in a saved briefing by the same rule, so the tool's own output
passes its own check."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..actors import ActorIndex, Mention, resolve
from ..schema.briefing import BriefingActor, BriefingClaim, TimelineEvent
from ..schema.extraction import Actor, Citation, Claim, Event
from ..support.names import occurrences, same_word
from ..text import Corpus, source_of
from ..text.grounding import plain
from ..text.words import FUNCTION_WORDS, tokens
from .supporting import naming_forms


def forms(actor: Actor) -> tuple[str, ...]:
    """How a text may name the actor: its name, its aliases, a person's surname."""
    return naming_forms(actor.name, actor.aliases, actor.kind)


def named(actor: Actor, citations: Sequence[Citation], corpus: Corpus) -> bool:
    """Whether the sentences name the actor: by its name, or by an alias (or a person's surname)
    that is the same name, or shares a word with it ('KFOR' for 'Kosovo Force', 'Serbian
    leadership' for 'Serbia', 'police' for 'Kosovo police'; an alias left beside a name that was
    changed is not)."""
    found = [form for form in forms(actor) if corpus.stands_in_any(form, (c.sentence_id for c in citations))]
    if actor.name in found or any(_kin(actor.name, form) for form in found):
        return True
    mentions = [Mention("name", actor.name, actor.kind)] + [
        Mention("text", form, actor.kind) for form in found
    ]
    return any(len({m.source for m in cluster.mentions}) == 2 for cluster in resolve(mentions))


def dropped_place(what: str, place: str) -> str:
    """The warning of an event's place that no sentence it cites names, as extraction drops it."""
    return f"event {what[:60]!r}: dropped place {place!r}, not named in the sentences it cites"


def dropped_date(what: str, when: str) -> str:
    """The warning of an event's date that no sentence it cites writes, as extraction drops it."""
    return f"event {what[:60]!r}: dropped date {when!r}, not written in the sentences it cites"


def dropped_participant(what: str, actor: str) -> str:
    """The warning of a participant of an event that no sentence it cites names, as extraction
    drops it."""
    return f"event {what[:60]!r}: dropped participant {actor!r}, not named in the sentences it cites"


def participant_named(
    name: str, others: Sequence[str], kind: str | None, sentence_ids: Iterable[str], corpus: Corpus
) -> bool:
    """Whether one of these sentences names a participant: by a name it goes by (``others``: its
    article's other names for it, as written there; a person's surname), or by a word like one of
    its name's ('Serbian forces' for 'Serbia'). The row shows who took part, and the merge tells
    events apart by it, so a participant a cited sentence only refers to ('he') is not kept."""
    ids = list(sentence_ids)
    if any(corpus.stands_in_any(form, ids) for form in naming_forms(name, others, kind)):
        return True
    return any(_kin(name, sentence.text) for i in ids if (sentence := corpus.sentences.get(i.strip())))


def unnamed_participants(
    event: TimelineEvent, actors: Mapping[str, BriefingActor], corpus: Corpus
) -> list[str]:
    """The ids of the participants of a note's event (into ``actors``) that no sentence it cites
    names (``participant_named``), by any name the sources use for them."""
    ids = [c.sentence_id for c in event.citations]
    unnamed = []
    for role in event.participants:
        actor = actors.get(role.actor)
        if actor is None:
            continue  # an id no actor has is check's own problem
        others = [f.text for f in actor.surface_forms]
        if not participant_named(actor.name, others, actor.kind, ids, corpus):
            unnamed.append(role.actor)
    return unnamed


def unnamed_in_extraction(
    event: Event, actors: Mapping[str, Actor], corpus: Corpus, index: ActorIndex | None = None
) -> list[str]:
    """The participants of an extraction's event (as it names them) that are actors of its own
    (``actors``: by name; ``index`` finds one by another name, where it is given) that no sentence
    the event cites names (``participant_named``)."""
    ids = [c.sentence_id for c in event.citations]
    unnamed = []
    for participant in event.participants:
        actor = actors.get(participant.actor)
        if actor is None and index is not None:
            actor = actors.get(index.find(participant.actor) or "")
        if actor is not None and not participant_named(actor.name, actor.aliases, actor.kind, ids, corpus):
            unnamed.append(participant.actor)
    return unnamed


def dropped_name(actor: str, alias: str) -> str:
    """The warning of another name of an actor that its article does not write, dropped."""
    return f"actor {actor!r}: dropped other name {alias!r}, which the article does not use"


def written(form: str, text: str) -> bool:
    """Whether ``text`` writes the name ``form`` (case aside, as a whole word): an actor's other
    names must be the article's, since resolution joins actors by them."""
    return bool(occurrences(plain(form), plain(text)))  # 'Britain's' is how it writes 'Britain’s'


def unnamed_place(event: Event | TimelineEvent, corpus: Corpus) -> str | None:
    """The place an event gives that no sentence it cites names (``phrase_named``), or None."""
    if not event.where or phrase_named(event.where, (c.sentence_id for c in event.citations), corpus):
        return None
    return event.where


def unwritten_date(event: Event, corpus: Corpus) -> str | None:
    """The date an event gives as written that no sentence it cites writes (``date_written``), or
    None: the timeline's date is read from it, so a date the model made up would stand unread."""
    if not event.when or date_written(event.when, (c.sentence_id for c in event.citations), corpus):
        return None
    return event.when


def unwritten_dates(row: TimelineEvent, corpus: Corpus) -> dict[str, str]:
    """Of a timeline row, each source's date as written that none of the sentences it cites from
    that source writes."""
    return {
        source: when
        for source, when in row.date.expressions.items()
        if not date_written(
            when, (c.sentence_id for c in row.citations if source_of(c.sentence_id) == source), corpus
        )
    }


def date_written(when: str, sentence_ids: Iterable[str], corpus: Corpus) -> bool:
    """Whether one of these sentences has every word of a date as written but the small ones,
    figures included, case aside: 'on Thursday (Sep 28)' for 'Thursday (Sep 28)', never 'Sep 26'."""
    return _all_in_one({w.lower for w in tokens(when) if w.lower not in FUNCTION_WORDS}, sentence_ids, corpus)


def unstated_title(actor: Actor, corpus: Corpus) -> str | None:
    """The title an actor is given that no sentence it cites states (``phrase_named``), or None:
    the note shows it beside the name as the sources' word ('Serbian President')."""
    if not actor.title or phrase_named(actor.title, (c.sentence_id for c in actor.citations), corpus):
        return None
    return actor.title


def dropped_title(actor: str, title: str) -> str:
    """The warning of an actor's title that no sentence it cites states, as extraction drops it."""
    return f"actor {actor!r}: dropped title {title!r}, stated in none of the sentences it cites"


def unnamed_via(claim: Claim | BriefingClaim, corpus: Corpus) -> list[str]:
    """The outlets or people a claim is reported through ('according to Al Jazeera') that no
    sentence it cites names (``phrase_named``): the note credits the claim to them."""
    via = [claim.reported_via] if isinstance(claim, Claim) else claim.reported_via
    ids = [c.sentence_id for c in claim.citations]
    return [v for v in via if v and not phrase_named(v, ids, corpus)]


def dropped_via(statement: str, via: str) -> str:
    """The warning of an outlet a claim is said to be reported through that no sentence it cites
    names, as extraction drops it."""
    return (
        f"claim {statement[:60]!r}: dropped 'reported via' {via!r}, named in none of the sentences it cites"
    )


def phrase_named(phrase: str, sentence_ids: Iterable[str], corpus: Corpus) -> bool:
    """Whether one of these sentences has every word of ``phrase`` that carries content of its own,
    case aside: a place or title given in other small words ('border with Kosovo' for 'near the
    Kosovo border'), never one the sentence does not name ('in northern Kosovo')."""
    return _all_in_one({w.lower for w in tokens(phrase) if w.content}, sentence_ids, corpus)


def _all_in_one(wanted: set[str], sentence_ids: Iterable[str], corpus: Corpus) -> bool:
    """Whether one of these sentences has every one of these words (lower-cased)."""
    return any(
        wanted <= {w.lower for w in tokens(sentence.text)}
        for i in sentence_ids
        if (sentence := corpus.sentences.get(i.strip())) is not None
    )


def _kin(name: str, form: str) -> bool:
    """Whether two names share a word, or one word in two forms ('Serbia', 'Serbian')."""
    words = [w for w in re.findall(r"\w+", name) if len(w) > 2]
    return any(same_word(a, b) for a in words for b in re.findall(r"\w+", form) if len(b) > 2)
