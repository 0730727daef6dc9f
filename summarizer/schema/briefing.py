"""The briefing note: versioned, JSON-serialisable, every statement citing verified sentences."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from ..support import Support
from ..vocabulary import ActorKind, ClaimStatus
from .extraction import Citation, Extraction, SourceInfo
from .record import Record
from .usage import Usage

BRIEFING_SCHEMA_VERSION = "8"
# Version 1 lacks ``extractions`` and ``changes``, versions 1 and 2 the support verdicts, versions
# 1 to 3 how each source was split (``splitting``); they read as version 8 with those empty, and
# their sources split as they were then (``check`` works the verdicts out again either way).
# Version 5 may record splitting 3, which a reader of version 4 would not know; version 6 splitting 4,
# version 7 splitting 5; version 8 may record a verdict's fault of the rule 'wording'.
READABLE_VERSIONS = ("1", "2", "3", "4", "5", "6", "7", "8")
SUPPORT = "Whether the statement says what its citations say, as code checked it; null if not checked."


class SourceRecord(SourceInfo):
    reference_date: date | None = Field(
        default=None, description="Date relative expressions were read from (usually the publication date)."
    )
    cited_outlets: list[str] = Field(default_factory=list, description="Outlets this source reports through.")
    status: Literal["ok", "failed"] = "ok"

    @property
    def read_as_of(self) -> date | None:
        """The date its dates are read from: its reference date, else its publication date."""
        return self.reference_date or self.published


class SurfaceForm(Record):
    text: str
    sources: list[str]


class BriefingActor(Record):
    id: str = Field(description="P1, P2, ...: how claims and events refer to this actor.")
    name: str
    kind: ActorKind
    titles: list[str] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)
    surface_forms: list[SurfaceForm] = Field(
        description="Every name the sources use, and which source uses it."
    )
    sources: list[str]
    citations: list[Citation]


class Role(Record):
    actor: str = Field(description="An actor id.")
    role: str


class DateInfo(Record):
    value: str | None = Field(
        description="TIMEX3-style value: 2023-09-29, 2023-W38-WE, 2023-10, 2008; null if unknown."
    )
    precision: str | None = Field(
        default=None,
        description="day, week, month, quarter, ...; when there is no value, why not: "
        "'refers back to a date the text does not give', 'a length of time, not a date'.",
    )
    expressions: dict[str, str] = Field(
        default_factory=dict, description="Source id -> the expression as written."
    )
    reported_by: date | None = Field(
        default=None,
        description="When the text dates the event nowhere: the date of the earliest source that reports it. "
        "Inferred, not stated: the event happened by then.",
    )

    def shown(self) -> str:
        """The date as a note shows it: the value, or what is known of an undated event."""
        if self.value:
            return self.value
        return f"reported by {self.reported_by.isoformat()}" if self.reported_by else "undated"


class TimelineEvent(Record):
    id: str
    what: str
    date: DateInfo
    where: str | None = None
    participants: list[Role] = Field(default_factory=list)
    quantities: dict[str, list[str]] = Field(
        default_factory=dict, description="Source id -> numbers it states."
    )
    sources: list[str]
    citations: list[Citation]
    support: Support | None = Field(default=None, description=SUPPORT)


class BriefingClaim(Record):
    id: str
    statement: str
    made_by: list[str] = Field(default_factory=list, description="Actor ids.")
    supported_by: list[str] = Field(default_factory=list)
    denied_by: list[str] = Field(default_factory=list)
    disputed_by: list[str] = Field(default_factory=list)
    reported_via: list[str] = Field(default_factory=list)
    sources: list[str]
    citations: list[Citation]
    status: ClaimStatus | None = None
    status_by: Literal["model", "rule"] | None = Field(
        default=None, description="Whether the model judged the status or a rule filled it in."
    )
    explanation: str | None = None
    explanation_citations: list[Citation] = Field(default_factory=list)
    support: Support | None = Field(default=None, description=SUPPORT)
    explanation_support: Support | None = Field(default=None, description=SUPPORT)


class Statement(Record):
    text: str
    citations: list[Citation]
    support: Support | None = Field(default=None, description=SUPPORT)


class Position(Record):
    source: str
    says: str
    citations: list[Citation]
    support: Support | None = Field(default=None, description=SUPPORT)


class Discrepancy(Record):
    topic: str
    positions: list[Position]


class CitedSentence(Record):
    id: str
    source: str
    start: int
    end: int
    text: str


class BriefingGeneration(Record):
    model: str
    mode: str
    templates: dict[str, str]
    usage: dict[str, Usage] = Field(description="Token usage by step: extraction, synthesis.")
    cost_usd: float | None = Field(
        default=None, description="Estimated from the price table; null if the model has no price."
    )


ChangeKind = Literal[
    "new_source",
    "new_event",
    "event_dated",
    "new_actor",
    "new_claim",
    "claim_status",
    "new_disagreement",
    "bottom_line_disputed",
]


class Change(Record):
    kind: ChangeKind
    item: str | None = Field(
        description="Id of the event, actor or claim it is about (E3, P4, C2); ids continue across versions."
    )
    summary: str = Field(
        description="One line: what changed, e.g. 'C3 is now contested (was single source)'."
    )
    citations: list[Citation] = Field(
        default_factory=list, description="The new sources' sentences that caused it."
    )


class Changes(Record):
    """What a briefing says that the one it was updated from did not."""

    previous_sources: list[str] = Field(description="Ids of the sources the earlier briefing had.")
    new_sources: list[str]
    items: list[Change] = Field(default_factory=list)


class Briefing(Record):
    """A briefing note on one story from several sources."""

    schema_version: str = BRIEFING_SCHEMA_VERSION
    title: str
    bottom_line: list[Statement] = Field(default_factory=list)
    key_points: list[Statement] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    actors: list[BriefingActor] = Field(default_factory=list)
    claims: list[BriefingClaim] = Field(default_factory=list)
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    sources: list[SourceRecord]
    cited_sentences: list[CitedSentence] = Field(
        default_factory=list, description="Every sentence cited anywhere."
    )
    warnings: list[str] = Field(default_factory=list)
    generation: BriefingGeneration
    extractions: list[Extraction] = Field(
        default_factory=list,
        description="Each source's verified extraction: an update merges them again with the new sources' without asking the model again.",
    )
    changes: Changes | None = Field(
        default=None, description="What changed since the briefing this one updates."
    )

    def left_out(self) -> list[str]:
        """The ids of the sources whose extraction failed: the note leaves them out, and an
        update given them again extracts them again."""
        return [s.id for s in self.sources if s.status == "failed"]

    def statements(self) -> Iterator[Said]:
        """Every statement the briefing makes, in note order, with the record and fields holding
        its text and its support verdict: the one walk that support checking and rendering share."""
        for name in ("bottom_line", "key_points"):
            for i, item in enumerate(getattr(self, name)):
                yield Said(f"{name}[{i}]", item, "text", "support", item.citations)
        for event in self.timeline:
            dates = (event.date.value,) if event.date.value else ()
            yield Said(f"timeline {event.id}", event, "what", "support", event.citations, dates=dates)
        for claim in self.claims:
            yield Said(f"claim {claim.id}", claim, "statement", "support", claim.citations, claim.id)
            if claim.explanation:
                cited = claim.explanation_citations or claim.citations
                yield Said(
                    f"claim {claim.id} explanation",
                    claim,
                    "explanation",
                    "explanation_support",
                    cited,
                    claim.id,
                )
        for i, discrepancy in enumerate(self.discrepancies):
            for position in discrepancy.positions:
                yield Said(
                    f"discrepancies[{i}] source {position.source}",
                    position,
                    "says",
                    "support",
                    position.citations,
                )

    def citations(self) -> Iterator[tuple[str, Citation]]:
        """Every citation in the briefing, with where it stands (``claims[2].citations[0]``)."""
        return walk_citations(
            bottom_line=self.bottom_line,
            key_points=self.key_points,
            timeline=self.timeline,
            actors=self.actors,
            claims=self.claims,
            discrepancies=self.discrepancies,
        )


@dataclass(frozen=True)
class Said:
    """One statement of a briefing: where it stands, the record that holds it, which of that
    record's fields hold its text and its verdict, what it cites, and what it is checked with
    (the claim whose roles count, an event's own date)."""

    where: str
    record: BaseModel
    text_field: str
    support_field: str
    citations: list[Citation]
    claim: str | None = None
    dates: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return str(getattr(self.record, self.text_field))

    @property
    def support(self) -> Support | None:
        found = getattr(self.record, self.support_field)
        return found if isinstance(found, Support) else None


def walk_citations(**sections: Sequence[BaseModel]) -> Iterator[tuple[str, Citation]]:
    """Every citation in the sections of a briefing, whole or still being assembled: the one walker
    that the pipeline (to list the cited sentences) and ``check`` (to verify them) share."""
    for name, items in sections.items():
        for i, item in enumerate(items):
            if isinstance(item, Discrepancy):
                for k, position in enumerate(item.positions):
                    for j, citation in enumerate(position.citations):
                        yield f"{name}[{i}].positions[{k}].citations[{j}]", citation
                continue
            for field in ("citations", "explanation_citations"):
                for j, citation in enumerate(getattr(item, field, [])):
                    yield f"{name}[{i}].{field}[{j}]", citation
