"""The verified extraction of one source: what the drafts the model filled become once every
citation has been checked against the source and given its character offsets. Versioned."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from ..vocabulary import ActorKind, Metadata, Splitting
from .record import Record
from .usage import Usage

# Version 2 records how its source was split (``splitting``); version 3 may record splitting 3,
# version 4 splitting 4, version 5 splitting 5.
EXTRACTION_SCHEMA_VERSION = "5"


class Citation(Record):
    sentence_id: str
    quote: str = Field(description="The quote as the model gave it.")
    start: int = Field(description="Offset of the quote in the source text (characters).")
    end: int


class Actor(Record):
    name: str
    kind: ActorKind
    title: str | None = None
    affiliation: str | None = None
    aliases: list[str] = Field(default_factory=list)
    citations: list[Citation]


class Participant(Record):
    actor: str = Field(description="Name of an actor in this result.")
    role: str


class Quantity(Record):
    value: str
    what: str


class Event(Record):
    what: str
    act: str | None = Field(default=None, description="The words of a cited sentence naming what happened.")
    when: str | None = None
    where: str | None = None
    participants: list[Participant] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    citations: list[Citation]


class Claim(Record):
    statement: str
    made_by: str | None = None
    supported_by: list[str] = Field(default_factory=list)
    denied_by: list[str] = Field(default_factory=list)
    disputed_by: list[str] = Field(default_factory=list)
    reported_via: str | None = None
    citations: list[Citation]


class SourceInfo(Record):
    id: str = Field(description="Source id, the prefix of its sentence ids.")
    name: str = Field(description="File the source was read from, or <stdin>.")
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    sha256: str = Field(description="Hash of the text the offsets index into.")
    sentences: int
    splitting: Splitting = Field(
        default=1,
        description="How its text was split into sentences, which its sentence ids depend on: 1, as "
        "sentencex splits each line; 2, quotations of several sentences cut too; 3, a quotation mark "
        "that opens a sentence kept in it, and a bracket or quotation closed after a stop ending one; 4, "
        "an apostrophe that leaves out a year's first digits ('11) read as no quotation mark; 5, no "
        "sentence opened by a word in small letters.",
    )
    read: list[Metadata] = Field(
        default_factory=list,
        description="Which of title, outlet, published and url were read from the text; the user gave the others.",
    )


class Generation(Record):
    model: str
    mode: str
    templates: dict[str, str] = Field(description="Prompt template name -> content hash.")
    usage: Usage = Field(default_factory=Usage)
    cost_usd: float | None = Field(
        default=None, description="Estimated from the price table; null if unknown."
    )


class Grounding(Record):
    cited: int = Field(default=0, description="Citations in the model's final answer.")
    verified: int = Field(default=0, description="Of those, the ones that hold (kept).")


class Extraction(Record):
    """Grounded actors, events and claims of one source."""

    schema_version: str = EXTRACTION_SCHEMA_VERSION
    source: SourceInfo
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list, description="What was dropped or repaired, and why.")
    grounding: Grounding = Field(default_factory=Grounding)
    generation: Generation
