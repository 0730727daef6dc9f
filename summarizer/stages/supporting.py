"""Support verdicts for every statement a briefing makes (bottom line, key points, event
descriptions, claims and their explanations, discrepancy positions), and for its headings (the
title, each disagreement's topic) and the roles its rows give their actors by their names, dates
and figures alone: worked out by the support checker from the cited sentences the briefing
carries and its own actor table. One walk serves the pipeline (which stores the verdicts) and
``check`` (which works them out again)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .. import support  # the checker itself loads on the first statement judged
from ..schema.briefing import Briefing, BriefingActor, BriefingClaim, Discrepancy
from ..support import Cited, Roles, Support
from ..text import source_of


@dataclass(frozen=True)
class Judged:
    """One statement of a briefing, where it stands, and its verdict."""

    where: str
    text: str
    support: Support
    against: str = "its citations"  # what it is judged against, as a problem or warning says


def actor_table(actors: Sequence[BriefingActor]) -> support.NameTable:
    """The names a statement may use for each actor: its name, every surface form the sources use,
    a person's surname; and its titles and affiliations as words that may describe it."""
    return support.NameTable(
        support.ActorNames(
            actor.id,
            naming_forms(actor.name, [form.text for form in actor.surface_forms], actor.kind),
            (*actor.titles, *actor.affiliations),
        )
        for actor in actors
    )


def naming_forms(name: str, others: Sequence[str], kind: str | None) -> tuple[str, ...]:
    """How a text may name an actor: its name, the other names it goes by, a person's surname."""
    surname = [name.split()[-1]] if kind == "person" and len(name.split()) > 1 else []
    return tuple(dict.fromkeys([name, *others, *surname]))


class Judge:
    """Works out verdicts against a set of sentences, an actor table and the claims' recorded
    roles: built from a whole briefing, or from a story and the sentences a synthesis may cite."""

    def __init__(
        self,
        actors: Sequence[BriefingActor],
        texts: Mapping[str, str],
        references: Mapping[str, date | None],
        claims: Sequence[BriefingClaim] = (),
    ) -> None:
        self.table = actor_table(actors)
        self.texts = texts
        self.references = references
        self.roles = {claim.id: _roles(claim) for claim in claims}
        self.actors_of: dict[str, set[str]] = defaultdict(set)
        for actor in actors:
            for citation in actor.citations:
                self.actors_of[citation.sentence_id].add(actor.id)

    @classmethod
    def of(cls, briefing: Briefing) -> Judge:
        return cls(
            briefing.actors,
            {s.id: s.text for s in briefing.cited_sentences},
            {s.id: s.read_as_of for s in briefing.sources},
            briefing.claims,
        )

    def __call__(
        self,
        text: str,
        sentence_ids: Sequence[str],
        claim: str | None = None,
        dates: Sequence[str] = (),
        explains: bool = True,
        headline: bool = False,
        phrase: bool = False,
    ) -> Support:
        """The verdict of ``text``; with ``claim``, a statement about that claim: its explanation
        (``explains``: what it says of the claim's record is checked against it) or the claim's
        own statement (what the claimant says); a ``headline`` or a ``phrase`` (a role) for its
        numbers, dates and names."""
        ids = dict.fromkeys(i for i in sentence_ids if i in self.texts)
        cited = [
            Cited(i, self.texts[i], self.references.get(source_of(i)), frozenset(self.actors_of[i]))
            for i in ids
        ]
        roles = self.roles.get(claim) if claim else None
        return support.assess(
            text, cited, self.table, roles, dates, of_coverage=explains, headline=headline, phrase=phrase
        )


def _roles(claim: BriefingClaim) -> Roles:
    return Roles(
        claim=frozenset(claim.made_by),
        confirm=frozenset(claim.supported_by),
        deny=frozenset(claim.denied_by),
        dispute=frozenset(claim.disputed_by),
        sources=frozenset(claim.sources),
    )


def with_support(briefing: Briefing, judge: Judge | None = None) -> Briefing:
    """``briefing`` with the support verdict of every statement filled in (by ``judge``, if one
    is made for it already)."""
    judge = judge or Judge.of(briefing)
    # the records that hold statements are copied to be given their verdicts; all else is shared
    checked = briefing.model_copy(
        update={
            "bottom_line": [s.model_copy() for s in briefing.bottom_line],
            "key_points": [s.model_copy() for s in briefing.key_points],
            "timeline": [e.model_copy() for e in briefing.timeline],
            "claims": [c.model_copy() for c in briefing.claims],
            "discrepancies": [
                d.model_copy(update={"positions": [p.model_copy() for p in d.positions]})
                for d in briefing.discrepancies
            ],
        }
    )
    for said in checked.statements():
        ids = [c.sentence_id for c in said.citations]
        verdict = judge(
            said.text, ids, said.claim, said.dates, explains=said.support_field == "explanation_support"
        )
        setattr(said.record, said.support_field, verdict)
    return checked


def judged(briefing: Briefing) -> Iterator[Judged]:
    """Every statement of a briefing whose verdicts are filled in, with where it stands; those
    that cite nothing are left to the check that every statement cites (``check`` reports them)."""
    for said in briefing.statements():
        if said.citations:
            yield Judged(said.where, said.text, said.support or _unknown())


def _unknown() -> Support:
    return Support(verdict="unchecked")


def title_verdict(briefing: Briefing, judge: Judge | None = None) -> Support | None:
    """The verdict of the note's title, the model's headline, against every sentence the note
    cites and the articles' own titles: its numbers, dates and names must stand there. None for a
    title that is no model's words: an article's own (which its source record vouches for) or
    the placeholder."""
    if briefing.title in (FALLBACK_TITLE, *(s.title for s in briefing.sources)):
        return None
    judge = judge or Judge.of(briefing)
    cited = [Cited(s.id, s.text, judge.references.get(s.source)) for s in briefing.cited_sentences]
    cited += [
        Cited(f"{s.id} title", s.title, judge.references.get(s.id)) for s in briefing.sources if s.title
    ]
    return support.assess(briefing.title, cited, judge.table, headline=True)


FALLBACK_TITLE = "Briefing"  # a note's title when neither the model nor an article gives one


def topic_verdicts(briefing: Briefing, judge: Judge | None = None) -> list[tuple[int, Support]]:
    """The verdict of each disagreement's topic, a heading of a few words, against the sentences
    its positions cite: its numbers, dates and names must stand there. The rows of the note a
    topic names ('Figures for E3') are the note's own."""
    judge = judge or Judge.of(briefing)
    rows = {event.id for event in briefing.timeline}
    verdicts = []
    for i, discrepancy in enumerate(briefing.discrepancies):
        topic = _ROW_ID.sub(lambda row: "" if row.group() in rows else row.group(), discrepancy.topic)
        ids = [c.sentence_id for position in discrepancy.positions for c in position.citations]
        verdicts.append((i, judge(topic, ids, headline=True)))
    return verdicts


_ROW_ID = re.compile(r"\bE\d+\b")


def role_verdicts(briefing: Briefing, judge: Judge | None = None) -> list[tuple[int, int, Support]]:
    """(event, participant, verdict) of each role the timeline gives an actor ('fought the
    gunmen', 'spoke for the White House'), a phrase the row shows beside its name, against the
    sentences its event cites: its numbers, dates and names must stand there, as a heading's."""
    judge = judge or Judge.of(briefing)
    return [
        (i, j, judge(role.role, [c.sentence_id for c in event.citations], phrase=True))
        for i, event in enumerate(briefing.timeline)
        for j, role in enumerate(event.participants)
    ]


NEUTRAL_ROLE = "participant"  # a role that fails its check gives way to this, which says no more


def _role_place(event: int, participant: int) -> str:
    return f"timeline[{event}].participants[{participant}] role"


def neutral_topic(discrepancy: Discrepancy) -> str:
    """A topic that says no more than the disagreement's positions: which sources differ."""
    return f"Where sources {', '.join(dict.fromkeys(p.source for p in discrepancy.positions))} differ"


def unsupported(briefing: Briefing) -> list[Judged]:
    """The statements of ``briefing`` that their citations do not support, worked out afresh; and
    its title and disagreement topics, if the sentences they rest on do not hold their names, dates
    or figures."""
    judge = Judge.of(briefing)
    found = [j for j in judged(with_support(briefing, judge)) if j.support.verdict == "unsupported"]
    if (verdict := title_verdict(briefing, judge)) is not None and verdict.verdict == "unsupported":
        found.insert(0, Judged("title", briefing.title, verdict, "the sentences the note cites"))
    found += [
        Judged(f"discrepancies[{i}] topic", briefing.discrepancies[i].topic, verdict)
        for i, verdict in topic_verdicts(briefing, judge)
        if verdict.verdict == "unsupported"
    ]
    found += [
        Judged(_role_place(i, j), briefing.timeline[i].participants[j].role, verdict, "its event's citations")
        for i, j, verdict in role_verdicts(briefing, judge)
        if verdict.verdict == "unsupported"
    ]
    return found


def _settle_headings(briefing: Briefing, judge: Judge) -> tuple[Briefing, list[str]]:
    """``briefing`` with a title, disagreement topic or participant's role that fails its check
    (``title_verdict``, ``topic_verdicts``, ``role_verdicts``) replaced, as none has a mark of its
    own: the article's own title for the title, which sources differ for a topic, 'participant'
    for a role; and a warning for each."""
    warnings = []
    if (verdict := title_verdict(briefing, judge)) is not None and verdict.verdict == "unsupported":
        title = next((s.title for s in briefing.sources if s.title), FALLBACK_TITLE)
        warnings.append(
            f"title {briefing.title!r} is not supported by the note's cited sentences "
            f"({verdict.summary()}): replaced by {title!r}"
        )
        briefing = briefing.model_copy(update={"title": title})
    briefing, replaced = _settle_roles(briefing, judge)
    warnings += replaced
    topics = dict(topic_verdicts(briefing, judge))
    if all(v.verdict != "unsupported" for v in topics.values()):
        return briefing, warnings
    discrepancies = []
    for i, discrepancy in enumerate(briefing.discrepancies):
        if topics[i].verdict == "unsupported":
            neutral = neutral_topic(discrepancy)
            warnings.append(
                f"discrepancies[{i}] topic {discrepancy.topic!r} is not supported by its positions' "
                f"citations ({topics[i].summary()}): replaced by {neutral!r}"
            )
            discrepancy = discrepancy.model_copy(update={"topic": neutral})
        discrepancies.append(discrepancy)
    return briefing.model_copy(update={"discrepancies": discrepancies}), warnings


def _settle_roles(briefing: Briefing, judge: Judge) -> tuple[Briefing, list[str]]:
    """``briefing`` with each participant's role that fails its check (``role_verdicts``) replaced
    by ``NEUTRAL_ROLE``, and a warning for each."""
    failed = {(i, j): v for i, j, v in role_verdicts(briefing, judge) if v.verdict == "unsupported"}
    if not failed:
        return briefing, []
    warnings = []
    timeline = []
    for i, event in enumerate(briefing.timeline):
        roles = []
        for j, role in enumerate(event.participants):
            if (verdict := failed.get((i, j))) is not None:
                warnings.append(
                    f"{_role_place(i, j)} {role.role!r} of {role.actor} is not supported by its event's "
                    f"citations ({verdict.summary()}): replaced by {NEUTRAL_ROLE!r}"
                )
                role = role.model_copy(update={"role": NEUTRAL_ROLE})
            roles.append(role)
        timeline.append(event.model_copy(update={"participants": roles}))
    return briefing.model_copy(update={"timeline": timeline}), warnings


def settle_support(briefing: Briefing, drop: bool) -> tuple[Briefing, list[str]]:
    """``briefing`` with its verdicts, its unsupported statements dropped (``drop``) or kept and
    marked, its headings that fail their check replaced; and a warning for each of them."""
    judge = Judge.of(briefing)
    checked = with_support(briefing, judge)
    bad = [j for j in judged(checked) if j.support.verdict == "unsupported"]
    fate = "dropped" if drop else "kept, marked"
    warnings = [
        f"{j.where} {j.text[:60]!r} is not supported by its citations ({j.support.summary()}): {fate}"
        for j in bad
    ]
    checked, replaced = _settle_headings(checked, judge)
    warnings = replaced + warnings
    if not drop or not bad:
        return checked, warnings

    def holds(support: Support | None) -> bool:
        return support is None or support.verdict != "unsupported"

    claims = []
    for claim in checked.claims:
        if not holds(claim.support):
            continue
        if not holds(claim.explanation_support):
            claim = claim.model_copy(
                update={"explanation": None, "explanation_citations": [], "explanation_support": None}
            )
        claims.append(claim)
    discrepancies = []
    for d in checked.discrepancies:
        positions = [p for p in d.positions if holds(p.support)]
        if len({p.source for p in positions}) >= 2:
            discrepancies.append(d.model_copy(update={"positions": positions}))
    kept = checked.model_copy(
        update={
            "bottom_line": [s for s in checked.bottom_line if holds(s.support)],
            "key_points": [s for s in checked.key_points if holds(s.support)],
            "timeline": [e for e in checked.timeline if holds(e.support)],
            "claims": claims,
            "discrepancies": discrepancies,
        }
    )
    still = {citation.sentence_id for _, citation in kept.citations()}
    cited = [s for s in kept.cited_sentences if s.id in still]
    return kept.model_copy(update={"cited_sentences": cited}), warnings
