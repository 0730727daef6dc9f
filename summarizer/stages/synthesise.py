"""Synthesis: one model call over the merged story and the sentences it cites, for the bottom
line, key points, the status of each claim and the discrepancies between sources. Validated and
re-asked like extraction; what cannot be grounded is dropped with a warning. It returns its
assessments; ``settle_claims`` applies them, and a rule gives a status to every claim left."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..llm import FillRequest, Messages, Model, fill
from ..llm.prompts import fence, one_line, render
from ..schema.briefing import BriefingClaim, Discrepancy, Position, Statement
from ..schema.drafts import StatementDraft, SynthesisDraft
from ..schema.extraction import Citation
from ..schema.usage import Usage
from ..schema.validation import Scope
from ..text import Corpus, Sentence, source_of
from ..vocabulary import CLAIM_ROLES, ClaimStatus, parties
from .citing import cite
from .merge import Story
from .supporting import Judge

TEMPLATES = ("synthesise.system", "synthesise.user")
STEP = "synthesis"


@dataclass(frozen=True)
class Assessment:
    status: ClaimStatus
    explanation: str
    citations: list[Citation]


@dataclass(frozen=True)
class Synthesis:
    title: str | None
    bottom_line: list[Statement]
    key_points: list[Statement]
    assessments: dict[str, Assessment]  # claim id -> the model's grounded assessment
    discrepancies: list[Discrepancy]
    warnings: list[str]
    usage: Usage
    same_events: list[list[str]] = field(default_factory=list)  # events the model reads as one (``joining``)


def messages(story: Story, sentences: Sequence[Sentence], partials: Sequence[Statement] = ()) -> Messages:
    """The synthesis prompt. Every string that comes from an article or from an earlier answer is
    kept to one line without brackets, and the fence is derived from all of them. ``partials``:
    the statements of partial notes a note of notes is written from (``staged``)."""
    names = {a.id: one_line(a.name) for a in story.actors}
    sources = [
        s.model_copy(
            update={"name": one_line(s.name), "title": one_line(s.title), "outlet": one_line(s.outlet)}
        )
        for s in story.sources
    ]
    actors = [
        a.model_copy(update={"name": names[a.id], "titles": [one_line(t) for t in a.titles]})
        for a in story.actors
    ]
    timeline = [e.model_copy(update={"what": one_line(e.what)}) for e in story.timeline]
    shown = [p.model_copy(update={"text": one_line(p.text)}) for p in partials]

    def labelled(claim: BriefingClaim) -> list[tuple[str, str]]:
        return [
            (role.phrase, ", ".join(f"{i} {names[i]}" for i in parties(claim, role)))
            for role in CLAIM_ROLES
            if parties(claim, role)
        ]

    claims = [
        {
            **c.model_dump(),
            "statement": one_line(c.statement),
            "reported_via": [one_line(r) for r in c.reported_via],
            "parties": labelled(c),
        }
        for c in story.claims
    ]
    untrusted = [
        "\n".join(s.text for s in sentences),
        *(v for s in sources for v in (s.title or s.name, s.outlet)),  # what the prompt shows
        *(v for a in actors for v in (a.name, *a.titles)),
        *(e.what for e in timeline),
        *(v for c in claims for v in (c["statement"], *c["reported_via"])),
        *(p.text for p in shown),
    ]
    user = render(
        "synthesise.user",
        fence=fence("STORY", *untrusted),
        sources=sources,
        actors=actors,
        timeline=timeline,
        claims=claims,
        partials=shown,
        sentences=sentences,
    )
    return [{"role": "system", "content": render("synthesise.system")}, {"role": "user", "content": user}]


async def synthesise(
    story: Story, sentences: Sequence[Sentence], model: Model, partials: Sequence[Statement] = ()
) -> Synthesis:
    """Raises ``ModelError`` when the model gives no usable answer at all."""
    judge = Judge(
        story.actors,
        {s.id: s.text for s in sentences},
        {r.id: r.read_as_of for r in story.sources},
        story.claims,
    )
    scope = Scope(
        Corpus.of(sentences),
        claim_ids=frozenset(c.id for c in story.claims),
        event_ids=frozenset(e.id for e in story.timeline),
        judge=judge,
    )
    filled = await fill(
        model, FillRequest(STEP, "the briefing", SynthesisDraft, messages(story, sentences, partials), scope)
    )
    return verify(filled.draft, story, scope, filled.usage, filled.dropped)


def verify(
    draft: SynthesisDraft, story: Story, scope: Scope, usage: Usage, dropped: Sequence[str] = ()
) -> Synthesis:
    """Keep what holds: statements, assessments and positions whose citations are found (and
    say what the lenient last attempt ``dropped``)."""
    warnings = list(dropped)
    corpus = scope.corpus

    def statements(items: list[StatementDraft], label: str) -> list[Statement]:
        kept = []
        for i, item in enumerate(items):
            citations = cite(f"{label}[{i}] {item.text[:50]!r}", item.evidence, corpus, warnings)
            if citations:
                kept.append(Statement(text=item.text, citations=citations))
        return kept

    known = {c.id for c in story.claims}
    assessments: dict[str, Assessment] = {}
    for assessment in draft.claims:
        claim_id = assessment.claim_id.strip()
        if claim_id not in known:
            warnings.append(f"claim assessment {assessment.claim_id!r}: dropped, no such claim")
            continue
        citations = cite(f"assessment of {claim_id}", assessment.evidence, corpus, warnings)
        if citations:
            assessments[claim_id] = Assessment(assessment.status, assessment.explanation, citations)

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
    events = {e.id for e in story.timeline}
    same_events = []
    for group in draft.same_events:
        ids = list(dict.fromkeys(e.strip() for e in group.events))
        if len(ids) >= 2 and all(e in events for e in ids):
            same_events.append(ids)
        else:
            warnings.append(f"same_events {group.events}: dropped, not two or more events of the timeline")
    return Synthesis(
        title=draft.title.strip() or None,
        bottom_line=statements(draft.bottom_line, "bottom_line"),
        key_points=statements(draft.key_points, "key_points"),
        assessments=assessments,
        discrepancies=discrepancies,
        warnings=warnings,
        usage=usage,
        same_events=same_events,
    )


def rule_status(claim: BriefingClaim) -> ClaimStatus:
    """The status a claim gets when the model gave none that holds."""
    if claim.denied_by or claim.disputed_by:
        return "contested"
    return "corroborated" if len(claim.sources) > 1 else "single_source"


def unheld_status(claim: BriefingClaim, status: str, cited: Sequence[str]) -> str | None:
    """Why a status cannot hold of a claim whatever the sentences say, or None: 'sources disagree'
    speaks of several sources, so the claim and the sentences its status is explained by
    (``cited``, their ids) must come from two or more. (Corroboration and contest may rest on
    parties the model read in the sentences, which its explanation cites and names.)"""
    sources = {*claim.sources, *(source_of(i) for i in cited)}
    if status == "sources_disagree" and len(sources) < 2:
        return f"sources disagree, but only source {', '.join(sorted(sources))} tells of it"
    return None


def settle_claims(
    claims: Sequence[BriefingClaim], assessments: dict[str, Assessment], warnings: list[str] | None = None
) -> list[BriefingClaim]:
    """The claims with their status: the model's grounded assessment, else the rule's (also where
    the model's cannot hold, ``unheld_status``, said among ``warnings``)."""
    settled = []
    for claim in claims:
        found = assessments.get(claim.id)
        if found is not None and (
            why := unheld_status(claim, found.status, [c.sentence_id for c in found.citations])
        ):
            if warnings is not None:
                warnings.append(f"claim {claim.id}: the model's status dropped ({why}); the rule's kept")
            found = None
        update: dict[str, object]
        if found is None:
            update = {"status": rule_status(claim), "status_by": "rule"}
        else:
            update = {
                "status": found.status,
                "status_by": "model",
                "explanation": found.explanation,
                "explanation_citations": found.citations,
            }
        settled.append(claim.model_copy(update=update))
    return settled
