"""What the model fills. Docstrings and field descriptions are the model's instructions; the
validators check every citation against the source and word their errors as corrections, which
instructor sends back to the model on re-ask."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, ValidationError, ValidationInfo, field_validator, model_validator

from .grounding import current_scope

ActorKind = Literal[
    "person",
    "state",
    "government_body",
    "armed_force_or_group",
    "international_organisation",
    "media",
    "other",
]


def name_key(name: str) -> str:
    """How actor names are compared when references are resolved: case and spacing ignored."""
    return " ".join(name.casefold().replace(".", "").split())


class CitationDraft(BaseModel):
    """Evidence: one sentence id and words copied from that very sentence."""

    sentence_id: str = Field(
        description="Id of the source sentence, exactly as shown in brackets before it, e.g. A3."
    )
    quote: str = Field(
        description=(
            "3 to 15 consecutive words copied character for character from that sentence. "
            "No paraphrase, no ellipsis, no words from other sentences."
        )
    )


class ActorDraft(BaseModel):
    """A person, state, body, force, organisation or outlet that takes part in the story."""

    name: str = Field(
        description="Fullest name the article gives, without titles: 'Aleksandar Vucic', 'Kosovo Force'."
    )
    kind: ActorKind = Field(description="What sort of actor this is.")
    title: str | None = Field(
        default=None,
        description="Title or role as the article states it, e.g. 'Serbian President'; null if none.",
    )
    affiliation: str | None = Field(
        default=None,
        description="Country, organisation or side the actor belongs to, e.g. 'Serbia', 'NATO'; null if not stated.",
    )
    aliases: list[str] = Field(
        default_factory=list,
        description="Other names the article uses for this actor: surname alone, acronym, 'the Serbian president'.",
    )
    evidence: list[CitationDraft] = Field(
        min_length=1, description="Sentences that mention this actor (one is enough)."
    )


class ParticipantDraft(BaseModel):
    actor: str = Field(description="Name of an actor from the actors list (its name or one of its aliases).")
    role: str = Field(
        description="What this actor did in the event, e.g. 'attacker', 'victim', 'announced it'."
    )


class QuantityDraft(BaseModel):
    value: str = Field(description="The number as written, e.g. 'four', 'approximately 20', 'half'.")
    what: str = Field(description="What is counted, e.g. 'people killed', 'vehicles', 'troops'.")


class EventDraft(BaseModel):
    """Something that happened, as the article reports it."""

    what: str = Field(description="One plain sentence: who did what. Only facts the article states.")
    when: str | None = Field(
        default=None,
        description="The date or time expression exactly as written, e.g. 'Friday (Sep 29)', 'last weekend'; null if none.",
    )
    where: str | None = Field(default=None, description="Place as written; null if none.")
    participants: list[ParticipantDraft] = Field(
        default_factory=list, description="Actors involved and their roles."
    )
    quantities: list[QuantityDraft] = Field(
        default_factory=list, description="Numbers stated: casualties, troops, vehicles, money."
    )
    evidence: list[CitationDraft] = Field(min_length=1, description="Sentences reporting this event.")


class ClaimDraft(BaseModel):
    """A statement someone makes that others may dispute: accusations, denials, assessments."""

    statement: str = Field(description="The claim in one sentence, as its author puts it.")
    made_by: str | None = Field(
        default=None,
        description="Actor (name or alias from the actors list) who makes the claim; null if unattributed.",
    )
    supported_by: list[str] = Field(default_factory=list, description="Actors who agree with it.")
    denied_by: list[str] = Field(default_factory=list, description="Actors who deny it.")
    disputed_by: list[str] = Field(
        default_factory=list, description="Actors who question it without denying it outright."
    )
    reported_via: str | None = Field(
        default=None,
        description="Outlet or person through whom the article reports the claim, e.g. 'Al Jazeera'; null if none.",
    )
    evidence: list[CitationDraft] = Field(min_length=1, description="Sentences where the claim is made.")


class ExtractionDraft(BaseModel):
    """Actors, events and claims reported in the article. Every item cites its sentences."""

    actors: list[ActorDraft] = Field(description="Everyone who takes part in the story; [] if none.")
    events: list[EventDraft] = Field(description="What happened, in the article's order; [] if none.")
    claims: list[ClaimDraft] = Field(
        description="Statements someone makes that could be contested; [] if none."
    )

    def actor_index(self) -> dict[str, str]:
        """Every name and alias (compared by ``name_key``) -> the actor's name."""
        index: dict[str, str] = {}
        for actor in self.actors:
            for alias in (actor.name, *actor.aliases):
                index.setdefault(name_key(alias), actor.name)
        return index

    def references(self) -> list[tuple[str, str]]:
        """(where, name) of every actor reference in events and claims."""
        found: list[tuple[str, str]] = []
        for i, event in enumerate(self.events):
            found += [(f"events[{i}].participants", p.actor) for p in event.participants]
        for i, claim in enumerate(self.claims):
            if claim.made_by:
                found.append((f"claims[{i}].made_by", claim.made_by))
            for role in ("supported_by", "denied_by", "disputed_by"):
                found += [(f"claims[{i}].{role}", name) for name in getattr(claim, role)]
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

    @model_validator(mode="after")
    def _grounded(self) -> ExtractionDraft:
        """Every problem of the answer in one message, so that one re-ask can fix them all."""
        scope = current_scope()
        if scope is None or not scope.strict:
            return self
        problems = [
            f"{where}: {problem}"
            for where, cited in self.evidence()
            if (problem := scope.corpus.problem(cited.sentence_id, cited.quote))
        ]
        index = self.actor_index()
        dangling = [(where, name) for where, name in self.references() if name_key(name) not in index]
        if dangling:
            listed = "; ".join(f"{where} names {name!r}" for where, name in dangling)
            problems.append(
                f"Unknown actors: {listed}. Every actor named in events and claims must be in "
                f"'actors' (by its name or an alias). Add each missing actor to 'actors' with "
                f"evidence, or use the name of an actor already listed."
            )
        if problems:
            raise ValueError("Fix these problems and answer again:\n" + "\n".join(problems))
        return self

    @field_validator("actors", "events", "claims", mode="before")
    @classmethod
    def _salvage(cls, value: object, info: ValidationInfo) -> object:
        """On the lenient last attempt, items that do not fit their schema are dropped one by one
        (and reported) instead of failing the whole answer."""
        if value is None:
            return []
        scope = current_scope()
        if scope is None or scope.strict or info.field_name is None:
            return value
        if not isinstance(value, list):
            scope.salvage_warnings.append(f"{info.field_name}: dropped, not a list")
            return []
        item_model = _ITEM_MODELS[info.field_name]
        kept = []
        for i, item in enumerate(value):
            try:
                kept.append(item_model.model_validate(item))
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(part) for part in first["loc"])
                scope.salvage_warnings.append(
                    f"{info.field_name}[{i}]: dropped, does not fit the schema ({where}: {first['msg']})"
                )
        return kept


_ITEM_MODELS: dict[str, type[BaseModel]] = {
    "actors": ActorDraft,
    "events": EventDraft,
    "claims": ClaimDraft,
}
