"""Whether two reports may tell of one event, by what each states of it apart from its words:
when it happened, who took part and where. The merge and the joins the synthesis proposes both
refuse a join on these."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from ..actors.people import different_people
from ..dates import is_future, span_of, start_of
from ..schema.briefing import BriefingActor, TimelineEvent
from ..text.places import nested
from ..text.words import AUXILIARIES, BE, act_at, side, tokens
from .matching import content_stems, name_words

# An undated report's event happened in the week before its article (or, told as still to come,
# the week after): a story's news of one act within a week is news of one event.
NEWS_CYCLE = timedelta(days=7)
Named = tuple[str, str]  # an actor's name and kind
Side = Callable[[TimelineEvent, str], str | None]  # the side of a report's act an actor takes


def dates_compatible(a: TimelineEvent, b: TimelineEvent) -> bool:
    """Two dates, one within the other; or an undated event told as past, and a dated one that
    does not begin after the undated one was reported."""
    if a.date.value is None or b.date.value is None:
        undated, dated = (a, b) if a.date.value is None else (b, a)
        if dated.date.value is None or undated.date.reported_by is None or is_future(undated.what):
            return True
        begins = start_of(dated.date.value)
        return begins is None or begins <= undated.date.reported_by
    x, y = a.date.value, b.date.value
    return x == y or x.startswith(y) or y.startswith(x)


def same_news_cycle(a: TimelineEvent, b: TimelineEvent) -> bool:
    """Whether two reports may place their event in one period: the periods of their dates, or
    for an undated one the news cycle it was reported in (``NEWS_CYCLE``), overlap; true where
    either is not known."""
    first, second = _period(a), _period(b)
    return first is None or second is None or (first[0] <= second[1] and second[0] <= first[1])


def _period(report: TimelineEvent) -> tuple[date, date] | None:
    span = span_of(report.date.value)
    told = report.date.reported_by
    if span is not None or told is None:
        return span
    return (told, told + NEWS_CYCLE) if is_future(report.what) else (told - NEWS_CYCLE, told)


def participant_names(actors: Sequence[BriefingActor], kinds: Sequence[str] = ()) -> dict[str, Named]:
    """The name and kind of each actor (of ``kinds``, if given) by its id: the participants
    ``participants_differ`` tells events apart by."""
    return {a.id: (a.name, a.kind) for a in actors if not kinds or a.kind in kinds}


def participants_differ(
    a: TimelineEvent,
    b: TimelineEvent,
    names: Mapping[str, Named],
    side: Side | None = None,
) -> str | None:
    """Why two reports cannot be of one event by who took part, or None: each names a participant
    of one kind that the other does not, of those ``names`` holds, so the act was done by, to or
    at someone else (Klitschko stopping Rahman and Klitschko stopping Thompson, the Colts beating
    the Jaguars and the Colts beating the Chiefs, a store burning in Surrey and one burning in
    Wellington). A report naming fewer participants may be the same event told more briefly, and
    where one names a person the other does not and the other a place or body the first does not,
    they tell other parts of it (one names the actress and her clinic, the other the actress and
    her spokesman; one the boy shot, the other the city that rioted). A place or body may be the
    other one, or a part of it (``_same_place``). Kinds are coarse: a clinic and its town are both
    places, and keep two reports apart.

    Where the two name no participant in common and ``side`` tells which side of a report's act
    an actor takes (``act_sides``), two people each names alone are the two sides of one event
    when one does the act and the other has it done to them (the president who nominates, the
    doctor nominated), or one person when their names may be one's ('Obama', 'Barack Obama').
    Where the sides cannot be read, they keep the reports apart: 'Bettie Page, the pinup model
    who inspired Madonna, died' and 'Esther Williams dies at 91' are two deaths."""
    mine, theirs = {r.actor for r in a.participants}, {r.actor for r in b.participants}
    only_mine = [names[i] for i in mine - theirs if i in names]
    only_theirs = [names[i] for i in theirs - mine if i in names]
    by_sides = side is not None and not mine & theirs
    if side is not None and by_sides:
        people = [[i for i in ids if names.get(i, ("", ""))[1] == "person"] for ids in (mine, theirs)]
        if reason := _two_sides(a, b, people[0], people[1], names, side):
            return reason
    for named, others in ((only_mine, only_theirs), (only_theirs, only_mine)):
        for name, kind in named:
            if kind == "person" and by_sides:
                continue  # compared by their sides of the act
            alike = [other for other, k in others if k == kind]
            if alike and not (kind != "person" and any(_same_place(name, other) for other in alike)):
                first, second = (
                    "; ".join(sorted(n for n, k in side if k == kind)) for side in (only_mine, only_theirs)
                )
                return f"each names a participant the other does not ({first}; {second})"
    return None


def _two_sides(
    a: TimelineEvent,
    b: TimelineEvent,
    mine: Sequence[str],
    theirs: Sequence[str],
    names: Mapping[str, Named],
    side: Side,
) -> str | None:
    """Why two reports are of two events by the people each names alone (their ids), or None:
    two of them who may not be one person, unless one does the act and the other has it done to
    them ('Ana Ruiz nominates', 'Lena Cole was nominated')."""
    for first in mine:
        for second in theirs:
            if _may_be_one(names[first][0], names[second][0]):
                continue
            taken = side(a, first), side(b, second)
            if None in taken or taken[0] == taken[1]:
                return f"each names a participant the other does not ({names[first][0]}; {names[second][0]})"
    return None


def _may_be_one(first: str, second: str) -> bool:
    """Two names of people that may be one person's: one surname, and nothing that tells them
    apart (``different_people``: 'Obama', 'Barack Obama'; not 'Lena Ruiz', 'Ana Ruiz')."""
    mine, theirs = (re.findall(r"\w+", name.casefold()) for name in (first, second))
    return (
        bool(mine and theirs)
        and mine[-1] == theirs[-1]
        and not different_people(mine, "person", theirs, "person")
    )


def act_sides(actors: Sequence[BriefingActor], act: Callable[[TimelineEvent], str | None]) -> Side:
    """Which side of a report's act (``act``: what it comes to, ``act_key``) an actor takes, as
    ``participants_differ`` reads it: the words of every name the actor goes by are looked for."""
    words = {a.id: name_words([a.name, *(f.text for f in a.surface_forms)]) for a in actors}

    def side_of(report: TimelineEvent, actor: str) -> str | None:
        return _side(report, words.get(actor, frozenset()), act(report))

    return side_of


def _side(report: TimelineEvent, parts: frozenset[str], key: str | None) -> str | None:
    """Whether the person named by the words ``parts`` does the act of ``report`` ('doer': 'Rait
    died', 'was shot by Smith', 'LaRue is believed to have died') or has it done to them ('done
    to': 'Gray was shot', 'shot Gray'), where its description names them next to the act; else
    None ('the coroner said LaRue died' tells nothing of the coroner)."""
    words = tokens(report.what)
    verb = act_at(words, key) if key else None
    at = next(
        (k for k, w in enumerate(words) if w.lower in parts and w.content and w.text[:1].isupper()), None
    )
    if verb is None or at is None:
        return None
    last = at
    while last + 1 < len(words) and words[last + 1].lower in parts:
        last += 1
    between = words[last + 1 : verb] if last < verb else words[verb + 1 : at]
    if any(w.lower not in AUXILIARIES | BE | _LINKING for w in between) or at <= verb <= last:
        return None
    taken = side(words, at, verb)
    return taken if taken != "other" else None


# Words that may stand between a person and the act they take a side of, beside auxiliaries and
# 'be': 'LaRue is believed to have died', 'DeGeneres to host', 'was reportedly shot by Smith'.
_LINKING = frozenset(
    """to by not reportedly allegedly apparently believed expected thought said set due likely
    may might could can should must shall did does do""".split()
)


def _same_place(first: str, second: str) -> bool:
    """Two names of a place or body that may be one, or one a part of the other: one's words
    (``content_stems``) stand whole within the other's, or one is a place that lies within the
    other (``nested``: 'Palmer', 'Alaska')."""
    mine, theirs = content_stems(first), content_stems(second)
    return bool(mine and theirs) and (mine <= theirs or theirs <= mine) or nested(first, second)


def places_differ(a: TimelineEvent, b: TimelineEvent) -> bool:
    """Both say where, the two places share no word, and neither lies within the other ('in
    Surrey', 'Wellington'; not 'Paris', 'France')."""
    if not a.where or not b.where:
        return False
    mine, theirs = content_stems(a.where), content_stems(b.where)
    return bool(mine and theirs and not mine & theirs) and not nested(a.where, b.where)
