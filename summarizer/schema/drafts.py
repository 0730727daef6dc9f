"""What the model fills. Docstrings and field descriptions are the model's instructions; the
validators check every citation against the source and word their errors as corrections, which
instructor sends back to the model on re-ask."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator

from .. import support
from ..actors import ActorIndex
from ..text import source_of
from ..vocabulary import CLAIM_ROLES, ActorKind, ClaimStatus, parties
from .validation import (
    DraftJudge,
    Scope,
    citation_problems,
    current_scope,
    is_strict,
    raise_problems,
    salvage,
    support_problems,
)


class Draft(BaseModel):
    """An answer the model fills. Its JSON schema is sent with every call, so it carries only what
    the model needs: the descriptions, types and required fields; no titles, no null defaults (an
    optional field is one that is not required)."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        schema = super().model_json_schema(*args, **kwargs)
        compact = _compact(schema)
        compact["title"] = schema["title"]  # the name instructor gives the tool
        return compact


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for key, value in node.items():
        if key == "title" or (key == "default" and value in (None, [])):
            continue
        if key == "$defs":  # each part of the answer by its own name: 'Citation', not 'CitationDraft'
            value = {name.removesuffix("Draft"): _compact(child) for name, child in value.items()}
        elif key == "$ref":
            value = value.removesuffix("Draft")
        elif key == "properties":
            value = {name: _compact(child) for name, child in value.items()}
        elif key == "items" and isinstance(value, dict):
            value = _compact(value)
        elif key == "anyOf":
            options = [_compact(o) for o in value if o != {"type": "null"}]
            if len(options) == 1:
                kept.update(options[0])
                continue
            value = options
        kept[key] = value
    return kept


class CitationDraft(Draft):
    """A sentence id and words copied from that sentence."""

    sentence_id: str = Field(description="The id in brackets before it: A3.")
    quote: str = Field(description="3 to 15 consecutive words copied exactly.")


class ActorDraft(Draft):
    """A person, state, body, group or outlet in the story."""

    name: str = Field(description="Fullest name given, without titles.")
    kind: ActorKind
    title: str | None = Field(default=None, description="Title or role as stated.")
    affiliation: str | None = Field(default=None, description="Country, body or side.")
    aliases: list[str] = Field(default_factory=list, description="Other names used: surname, acronym.")
    evidence: list[CitationDraft] = Field(min_length=1, description="A sentence naming it.")


class ParticipantDraft(Draft):
    actor: str = Field(description="An actor, by a name a cited sentence uses.")
    role: str = Field(description="What it did: 'attacker', 'victim'.")


class QuantityDraft(Draft):
    value: str = Field(description="As written: 'four', 'about 20'.")
    what: str = Field(description="What is counted.")


class EventDraft(Draft):
    """Something that happened."""

    what: str = Field(description="One plain sentence: who did what.")
    act: str | None = Field(
        default=None,
        description="Its word in the cited sentence: 'killed', 'resigned'.",
    )
    when: str | None = Field(default=None, description="Date or time as written.")
    where: str | None = Field(default=None, description="Place as written.")
    participants: list[ParticipantDraft] = Field(default_factory=list)
    quantities: list[QuantityDraft] = Field(default_factory=list, description="Numbers stated.")
    evidence: list[CitationDraft] = Field(min_length=1)


class ClaimDraft(Draft):
    """A contestable statement: an accusation, denial or assessment."""

    statement: str = Field(description="The claim, as its author puts it.")
    made_by: str | None = Field(default=None, description="Actor making it; omit if unattributed.")
    supported_by: list[str] = Field(default_factory=list, description="Actors who agree.")
    denied_by: list[str] = Field(default_factory=list, description="Actors who deny it.")
    disputed_by: list[str] = Field(default_factory=list, description="Actors who question it.")
    reported_via: str | None = Field(default=None, description="Outlet or person it is reported through.")
    evidence: list[CitationDraft] = Field(min_length=1)


class ExtractionDraft(Draft):
    """Actors, events and claims in the article, each citing its sentences."""

    actors: list[ActorDraft]
    events: list[EventDraft] = Field(description="In the article's order.")
    claims: list[ClaimDraft]

    def actor_index(self) -> ActorIndex:
        return ActorIndex([(a.name, a.aliases, a.kind) for a in self.actors])

    def references(self) -> list[tuple[str, str]]:
        """(where, name) of every actor reference in events and claims."""
        found: list[tuple[str, str]] = []
        for i, event in enumerate(self.events):
            found += [(f"events[{i}].participants", p.actor) for p in event.participants]
        for i, claim in enumerate(self.claims):
            for role in CLAIM_ROLES:
                found += [(f"claims[{i}].{role.field}", name) for name in parties(claim, role)]
        return found

    def evidence(self) -> list[tuple[str, CitationDraft]]:
        """(where, citation) of every citation in the answer."""
        items: list[tuple[str, list[CitationDraft]]] = [
            *((f"actors[{i}]", a.evidence) for i, a in enumerate(self.actors)),
            *((f"events[{i}]", e.evidence) for i, e in enumerate(self.events)),
            *((f"claims[{i}]", c.evidence) for i, c in enumerate(self.claims)),
        ]
        return [
            (f"{where}.evidence[{j}]", cited)
            for where, cited_list in items
            for j, cited in enumerate(cited_list)
        ]

    def statements(self) -> list[tuple[str, str, list[str], str | None]]:
        """(where, text, cited sentence ids, claim key) of every statement the answer writes."""
        return [
            *(
                (f"events[{i}].what", e.what, [c.sentence_id for c in e.evidence], None)
                for i, e in enumerate(self.events)
            ),
            *(
                (f"claims[{i}].statement", c.statement, [e.sentence_id for e in c.evidence], f"claims[{i}]")
                for i, c in enumerate(self.claims)
            ),
        ]

    def judge(self, scope: Scope) -> DraftJudge:
        judge = DraftJudge(
            [(a.name, a.aliases, [a.title or "", a.affiliation or ""]) for a in self.actors], scope
        )
        index = self.actor_index()

        def ids(names: list[str]) -> frozenset[str]:
            return frozenset(found for name in names if (found := index.find(name)) is not None)

        for i, claim in enumerate(self.claims):
            judge.roles[f"claims[{i}]"] = support.Roles(
                claim=ids([claim.made_by] if claim.made_by else []),
                confirm=ids(claim.supported_by),
                deny=ids(claim.denied_by),
                dispute=ids(claim.disputed_by),
            )
        return judge

    @model_validator(mode="after")
    def _grounded(self) -> ExtractionDraft:
        """Every problem of the answer in one message, so that one re-ask can fix them all."""
        scope = current_scope()
        if scope is None or not is_strict():
            return self
        problems = citation_problems(self.evidence(), scope)
        index = self.actor_index()
        dangling = [(where, name) for where, name in self.references() if index.find(name) is None]
        if dangling and scope.check_references:
            listed = "; ".join(f"{where} names {name!r}" for where, name in dangling)
            problems.append(
                f"Unknown actors: {listed}. Every actor named in events and claims must be in "
                f"'actors' (by its name or an alias). Add each missing actor to 'actors' with "
                f"evidence, or use the name of an actor already listed."
            )
        if scope.check_support:
            problems += support_problems(self.statements(), self.judge(scope))
        raise_problems(problems)
        return self

    @field_validator("actors", "events", "claims", mode="before")
    @classmethod
    def _salvage(cls, value: object, info: ValidationInfo) -> object:
        return salvage(value, info, {"actors": ActorDraft, "events": EventDraft, "claims": ClaimDraft})


class StatementDraft(Draft):
    text: str = Field(description="One plain sentence.")
    evidence: list[CitationDraft] = Field(min_length=1, description="The sentences it rests on.")


class ClaimAssessmentDraft(Draft):
    claim_id: str = Field(description="Id of a claim listed in the input, e.g. C2.")
    status: ClaimStatus = Field(
        description=(
            "corroborated: several independent sources or parties support it; single_source: only one "
            "source reports it and nobody contests it; contested: a party denies or disputes it; "
            "sources_disagree: the sources themselves report it differently."
        )
    )
    explanation: str = Field(description="One sentence: who holds it, who rejects it, on what grounds.")
    evidence: list[CitationDraft] = Field(min_length=1)


class PositionDraft(Draft):
    source_id: str = Field(description="Id of the source (A, B, ...).")
    says: str = Field(description="What this source reports on the point, in one sentence.")
    evidence: list[CitationDraft] = Field(min_length=1, description="Sentences of this same source.")


class DiscrepancyDraft(Draft):
    topic: str = Field(description="What the sources report differently, in a few words.")
    positions: list[PositionDraft] = Field(
        min_length=2, description="One entry per source, each citing itself."
    )


class SameEventDraft(Draft):
    events: list[str] = Field(
        min_length=2,
        description="Ids of timeline events (E2, E5) that tell of one happening in other words: the same act, "
        "at one time and place, by the same participants.",
    )


class SynthesisDraft(Draft):
    """A briefing on the story for a busy reader, built only from the listed facts and sentences."""

    title: str = Field(description="A neutral headline for the story, under 12 words.")
    bottom_line: list[StatementDraft] = Field(
        description="2 or 3 sentences: what happened, why it matters, what is disputed. The most important first."
    )
    key_points: list[StatementDraft] = Field(description="3 to 6 further points a reader should know.")
    claims: list[ClaimAssessmentDraft] = Field(description="One assessment for each claim id in the input.")
    discrepancies: list[DiscrepancyDraft] = Field(
        description="Points where the sources report the same thing differently; [] if they agree."
    )
    same_events: list[SameEventDraft] = Field(
        default_factory=list,
        description="Timeline events that are one happening told twice (by different sources); [] if none.",
    )

    def evidence(self) -> list[tuple[str, CitationDraft]]:
        found: list[tuple[str, CitationDraft]] = []
        for name in ("bottom_line", "key_points", "claims"):
            for i, item in enumerate(getattr(self, name)):
                found += [(f"{name}[{i}].evidence[{j}]", c) for j, c in enumerate(item.evidence)]
        for i, discrepancy in enumerate(self.discrepancies):
            for k, position in enumerate(discrepancy.positions):
                found += [
                    (f"discrepancies[{i}].positions[{k}].evidence[{j}]", c)
                    for j, c in enumerate(position.evidence)
                ]
        return found

    def statements(self) -> list[tuple[str, str, list[str], str | None]]:
        """(where, text, cited sentence ids, claim id) of every statement the answer writes."""
        found: list[tuple[str, str, list[str], str | None]] = []
        for name in ("bottom_line", "key_points"):
            for i, item in enumerate(getattr(self, name)):
                found.append((f"{name}[{i}].text", item.text, [c.sentence_id for c in item.evidence], None))
        for i, a in enumerate(self.claims):
            found.append(
                (
                    f"claims[{i}].explanation",
                    a.explanation,
                    [c.sentence_id for c in a.evidence],
                    a.claim_id.strip(),
                )
            )
        for i, discrepancy in enumerate(self.discrepancies):
            for k, p in enumerate(discrepancy.positions):
                found.append(
                    (
                        f"discrepancies[{i}].positions[{k}].says",
                        p.says,
                        [c.sentence_id for c in p.evidence],
                        None,
                    )
                )
        return found

    @model_validator(mode="after")
    def _grounded(self) -> SynthesisDraft:
        scope = current_scope()
        if scope is None or not is_strict():
            return self
        problems = citation_problems(self.evidence(), scope)
        strange = [e for group in self.same_events for e in group.events if e.strip() not in scope.event_ids]
        if strange:
            problems.append(
                f"Unknown event ids {strange} in same_events: name only events of the Timeline, by their ids "
                f"({', '.join(sorted(scope.event_ids)) or 'none'})."
            )
        unknown = [a.claim_id for a in self.claims if a.claim_id not in scope.claim_ids]
        if unknown:
            problems.append(
                f"Unknown claim ids {unknown}: assess only the claims listed in the input, by their ids "
                f"({', '.join(sorted(scope.claim_ids)) or 'none'})."
            )
        for i, discrepancy in enumerate(self.discrepancies):
            for k, position in enumerate(discrepancy.positions):
                foreign = [
                    c.sentence_id
                    for c in position.evidence
                    if source_of(c.sentence_id) != position.source_id.strip()
                ]
                if foreign:
                    problems.append(
                        f"discrepancies[{i}].positions[{k}] speaks for source {position.source_id!r} but cites "
                        f"{foreign}: cite only that source's sentences (ids starting with {position.source_id})."
                    )
        if scope.judge is not None:
            problems += support_problems(self.statements(), scope.judge)
        raise_problems(problems)
        return self

    @field_validator("bottom_line", "key_points", "claims", "discrepancies", mode="before")
    @classmethod
    def _salvage(cls, value: object, info: ValidationInfo) -> object:
        return salvage(
            value,
            info,
            {
                "bottom_line": StatementDraft,
                "key_points": StatementDraft,
                "claims": ClaimAssessmentDraft,
                "discrepancies": DiscrepancyDraft,
            },
        )
