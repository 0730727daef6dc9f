"""Synthesis: one model call over the merged story and the sentences it cites, for the bottom
line, key points, the status of each claim and the discrepancies between sources. Validated and
re-asked like extraction; what cannot be grounded is dropped with a warning."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from . import prompts
from .briefing import BriefingClaim, Discrepancy, Position, Statement
from .calls import ModelCall, cite, fence
from .grounding import Corpus, Scope
from .merge import Story
from .results import Usage
from .schemas import ClaimStatus, StatementDraft, SynthesisDraft
from .segment import Sentence, source_of
from .settings import Settings

TEMPLATES = ("synthesise.system", "synthesise.user")
STEP = "synthesis"


@dataclass
class Synthesis:
    title: str | None
    bottom_line: list[Statement]
    key_points: list[Statement]
    discrepancies: list[Discrepancy]
    warnings: list[str]
    usage: Usage


def messages(story: Story, sentences: Sequence[Sentence]) -> list[dict[str, str]]:
    names = {a.id: a.name for a in story.actors}

    def parties(claim: BriefingClaim) -> list[tuple[str, str]]:
        labels = (
            ("by", claim.made_by),
            ("supported by", claim.supported_by),
            ("denied by", claim.denied_by),
            ("disputed by", claim.disputed_by),
        )
        return [(label, ", ".join(f"{i} {names[i]}" for i in ids)) for label, ids in labels if ids]

    claims = [{**c.model_dump(), "parties": parties(c)} for c in story.claims]
    body = "\n".join(s.text for s in sentences)
    user = prompts.render(
        "synthesise.user",
        fence=fence("STORY", body),
        sources=story.sources,
        actors=story.actors,
        timeline=story.timeline,
        claims=claims,
        sentences=sentences,
    )
    return [
        {"role": "system", "content": prompts.render("synthesise.system")},
        {"role": "user", "content": user},
    ]


async def asynthesise(
    story: Story, sentences: Sequence[Sentence], settings: Settings, create: Callable[..., Any]
) -> Synthesis:
    """Raises ``ModelError`` when the model gives no usable answer at all."""
    scope = Scope(Corpus.of(sentences), claim_ids=frozenset(c.id for c in story.claims))
    call = ModelCall(STEP, "the briefing", settings, scope)
    draft: SynthesisDraft = await call.arun(create, SynthesisDraft, messages(story, sentences))
    return ground(draft, story, scope, call.usage)


def ground(draft: SynthesisDraft, story: Story, scope: Scope, usage: Usage) -> Synthesis:
    """Keep what holds; apply the claim statuses to ``story.claims``."""
    warnings = list(scope.salvage_warnings)
    corpus = scope.corpus

    def statements(items: list[StatementDraft], label: str) -> list[Statement]:
        kept = []
        for i, item in enumerate(items):
            citations = cite(f"{label}[{i}] {item.text[:50]!r}", item.evidence, corpus, warnings)
            if citations:
                kept.append(Statement(text=item.text, citations=citations))
        return kept

    claims = {c.id: c for c in story.claims}
    for assessment in draft.claims:
        claim = claims.get(assessment.claim_id.strip())
        if claim is None:
            warnings.append(f"claim assessment {assessment.claim_id!r}: dropped, no such claim")
            continue
        citations = cite(f"assessment of {claim.id}", assessment.evidence, corpus, warnings)
        if citations:
            claim.status, claim.status_by = assessment.status, "model"
            claim.explanation, claim.explanation_citations = assessment.explanation, citations

    discrepancies = []
    for i, item in enumerate(draft.discrepancies):
        positions = []
        for position in item.positions:
            source = position.source_id.strip()
            own = [c for c in position.evidence if source_of(c.sentence_id) == source]
            if len(own) < len(position.evidence):
                warnings.append(
                    f"discrepancy {item.topic!r}: dropped citations of other sources from {source}'s position"
                )
            citations = cite(f"discrepancy {item.topic!r}, source {source}", own, corpus, warnings)
            if citations:
                positions.append(Position(source=source, says=position.says, citations=citations))
        if len({p.source for p in positions}) >= 2:
            discrepancies.append(Discrepancy(topic=item.topic, positions=positions))
        else:
            warnings.append(f"discrepancies[{i}] {item.topic!r}: dropped, fewer than two grounded positions")
    return Synthesis(
        title=draft.title.strip() or None,
        bottom_line=statements(draft.bottom_line, "bottom_line"),
        key_points=statements(draft.key_points, "key_points"),
        discrepancies=discrepancies,
        warnings=warnings,
        usage=usage,
    )


def rule_status(claim: BriefingClaim) -> ClaimStatus:
    """The status a claim gets when the model gave none that holds."""
    if claim.denied_by or claim.disputed_by:
        return "contested"
    return "corroborated" if len(claim.sources) > 1 else "single_source"


def fill_statuses(claims: Sequence[BriefingClaim]) -> None:
    for claim in claims:
        if claim.status is None:
            claim.status, claim.status_by = rule_status(claim), "rule"
