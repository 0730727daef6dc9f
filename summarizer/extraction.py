"""Extraction: one document in, grounded actors, events and claims out.

The model answers in ``ExtractionDraft``; validators reject ungrounded citations and dangling
actor references and instructor re-asks. The last attempt is accepted leniently and ``ground``
then keeps only what holds, recording a warning for everything it drops."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import prompts
from .calls import ModelCall, cite, fence
from .documents import Document, load_document
from .errors import InputError, ModelError, SummarizerError
from .grounding import Corpus, Scope
from .pricing import cost
from .results import (
    Actor,
    Claim,
    Event,
    Extraction,
    Generation,
    Grounding,
    Participant,
    Quantity,
    SourceInfo,
    Usage,
)
from .schemas import ActorIndex, ExtractionDraft, name_key
from .segment import Sentence, source_id, split_sentences
from .settings import Settings

TEMPLATES = ("extract.system", "extract.user")
STEP = "extraction"


@dataclass
class _Call:
    """One document's extraction: one model call per chunk of sentences that fits the budget."""

    document: Document
    source: str
    sentences: list[Sentence]
    settings: Settings

    def __post_init__(self) -> None:
        self.chunks = chunk(self.sentences, self.settings.chunk_tokens)
        whole = len(self.chunks) == 1
        self.models = [
            ModelCall(STEP, self.document.name, self.settings, Scope(Corpus.of(part), check_references=whole))
            for part in self.chunks
        ]

    def messages(self, part: list[Sentence]) -> list[dict[str, str]]:
        published = self.document.published.isoformat() if self.document.published else None
        user = prompts.render(
            "extract.user",
            fence=fence(f"ARTICLE {self.source}", self.document.text),
            title=self.document.title,
            outlet=self.document.outlet,
            published=published,
            sentences=part,
        )
        return [
            {"role": "system", "content": prompts.render("extract.system")},
            {"role": "user", "content": user},
        ]

    @contextmanager
    def counting_failures(self) -> Iterator[None]:
        """A failed call's error carries what all of this document's calls cost."""
        try:
            yield
        except ModelError as error:
            error.usage = self.usage
            raise

    @property
    def usage(self) -> Usage:
        """What all of this document's calls cost so far."""
        return sum((m.usage for m in self.models), Usage())

    def jobs(self) -> list[tuple[ModelCall, list[dict[str, str]]]]:
        return [(model, self.messages(part)) for model, part in zip(self.models, self.chunks, strict=True)]

    def result(self, drafts: list[ExtractionDraft]) -> Extraction:
        # The chunks' answers read as one: references across chunks resolve in ``ground``.
        draft = ExtractionDraft.model_construct(
            actors=[a for d in drafts for a in d.actors],
            events=[e for d in drafts for e in d.events],
            claims=[c for d in drafts for c in d.claims],
        )
        warnings = [w for model in self.models for w in model.scope.salvage_warnings]
        actors, events, claims = ground(draft, Corpus.of(self.sentences), warnings)
        usage = self.usage
        generation = Generation(
            model=self.settings.model,
            mode=self.settings.mode,
            templates={name: prompts.version(name) for name in TEMPLATES},
            usage=usage,
            cost_usd=cost(self.settings.model, usage),
        )
        verified = (
            sum(len(a.citations) for a in actors)
            + sum(len(e.citations) for e in events)
            + sum(len(c.citations) for c in claims)
        )
        return Extraction(
            source=source_info(self.document, self.source, len(self.sentences)),
            actors=actors,
            events=events,
            claims=claims,
            warnings=warnings,
            grounding=Grounding(cited=len(draft.evidence()), verified=verified),
            generation=generation,
        )


def chunk(sentences: list[Sentence], budget: int) -> list[list[Sentence]]:
    """Consecutive sentences in parts of at most ``budget`` tokens (a longer sentence alone)."""
    from . import tokens

    parts: list[list[Sentence]] = [[]]
    used = 0
    for sentence in sentences:
        size = tokens.count(sentence.text) + 4  # the id in brackets and the line break
        if parts[-1] and used + size > budget:
            parts.append([])
            used = 0
        parts[-1].append(sentence)
        used += size
    return parts


def source_info(document: Document, source: str, sentences: int) -> SourceInfo:
    return SourceInfo(
        id=source,
        name=document.name,
        title=document.title,
        outlet=document.outlet,
        published=document.published,
        url=document.url,
        sha256=document.sha256,
        sentences=sentences,
    )


def _prepare(
    document: Document | str | Path, source: str, settings: Settings | None, overrides: dict[str, Any]
) -> _Call:
    settings = (settings or Settings.from_env(**overrides)).require_endpoint()
    if not isinstance(document, Document):
        document = load_document(document)
    sentences = split_sentences(document, source)
    if not sentences:
        raise InputError(document.name, "has no sentences to extract from")
    return _Call(document, source, sentences, settings)


def extract(
    document: Document | str | Path,
    *,
    source: str = "A",
    settings: Settings | None = None,
    **overrides: Any,
) -> Extraction:
    """Extract grounded actors, events and claims from one document (a ``Document`` or a path).
    ``overrides`` are settings (``model=``, ``base_url=``, ``mode=``...) over the environment's."""
    from .llm import create_function, openai_client

    call = _prepare(document, source, settings, overrides)
    with openai_client(call.settings) as client, call.counting_failures():
        create = create_function(call.settings, client)
        return call.result([model.run(create, ExtractionDraft, messages) for model, messages in call.jobs()])


async def aextract(
    document: Document | str | Path,
    *,
    source: str = "A",
    settings: Settings | None = None,
    create: Callable[..., Any] | None = None,
    **overrides: Any,
) -> Extraction:
    """Async twin of ``extract``; ``create`` lets several calls share one client."""
    from .llm import create_function, openai_client

    call = _prepare(document, source, settings, overrides)
    if create is None:
        async with openai_client(call.settings, asynchronous=True) as client:
            return await aextract(
                call.document,
                source=source,
                settings=call.settings,
                create=create_function(call.settings, client),
            )
    with call.counting_failures():
        drafts = [await model.arun(create, ExtractionDraft, messages) for model, messages in call.jobs()]
    return call.result(drafts)


async def aextract_all(
    documents: Sequence[Document], settings: Settings, *, progress: Callable[[str], None] | None = None
) -> list[Extraction | SummarizerError]:
    """Extract every document concurrently (``settings.concurrency`` at a time). Results come back
    in input order; a document that fails yields its error and costs the others nothing.
    ``progress`` hears one line per document as it finishes."""
    from .llm import create_function, openai_client

    settings = settings.require_endpoint()
    gate = asyncio.Semaphore(settings.concurrency)
    say = progress or (lambda _line: None)

    async def one(index: int, document: Document) -> Extraction | SummarizerError:
        source = source_id(index)
        async with gate:
            try:
                result = await aextract(document, source=source, settings=settings, create=create)
            except SummarizerError as error:
                say(f"{source}: {error}")
                return error
        say(
            f"{source} {document.name}: {len(result.actors)} actors, {len(result.events)} events, "
            f"{len(result.claims)} claims, {result.generation.usage.reasks} re-asks, {len(result.warnings)} warnings"
        )
        return result

    async with openai_client(settings, asynchronous=True) as client:
        create = create_function(settings, client)
        return list(await asyncio.gather(*(one(i, d) for i, d in enumerate(documents))))


def ground(
    draft: ExtractionDraft, corpus: Corpus, warnings: list[str]
) -> tuple[list[Actor], list[Event], list[Claim]]:
    """Keep what the sources support: citations that hold (with offsets), items with at least one
    such citation, actor references that resolve. Everything dropped is named in ``warnings``."""
    actors: dict[str, Actor] = {}
    for actor in draft.actors:
        citations = cite(f"actor {actor.name!r}", actor.evidence, corpus, warnings)
        if not citations:
            continue
        key = name_key(actor.name)
        aliases = [a for a in dict.fromkeys(actor.aliases) if name_key(a) != key]
        if key in actors:  # the same actor listed twice: one entry with both's evidence
            known = actors[key]
            known.aliases = list(dict.fromkeys([*known.aliases, *aliases]))
            known.citations += citations
            continue
        actors[key] = Actor(
            name=actor.name,
            kind=actor.kind,
            title=actor.title,
            affiliation=actor.affiliation,
            aliases=aliases,
            citations=citations,
        )
    index = ActorIndex([(a.name, a.aliases, a.kind) for a in actors.values()])

    def resolve(name: str, where: str) -> str | None:
        found = index.find(name)
        if found is None:
            warnings.append(f"{where}: dropped reference to {name!r}, not a grounded actor")
        return found

    events: list[Event] = []
    for event in draft.events:
        label = f"event {event.what[:60]!r}"
        citations = cite(label, event.evidence, corpus, warnings)
        if not citations:
            continue
        participants = [
            Participant(actor=name, role=p.role)
            for p in event.participants
            if (name := resolve(p.actor, label)) is not None
        ]
        events.append(
            Event(
                what=event.what,
                when=event.when,
                where=event.where,
                participants=participants,
                quantities=[Quantity(value=q.value, what=q.what) for q in event.quantities],
                citations=citations,
            )
        )

    claims: list[Claim] = []
    for claim in draft.claims:
        label = f"claim {claim.statement[:60]!r}"
        citations = cite(label, claim.evidence, corpus, warnings)
        if not citations:
            continue

        def names(values: list[str], where: str = label) -> list[str]:
            return [n for v in values if (n := resolve(v, where)) is not None]

        claims.append(
            Claim(
                statement=claim.statement,
                made_by=resolve(claim.made_by, label) if claim.made_by else None,
                supported_by=names(claim.supported_by),
                denied_by=names(claim.denied_by),
                disputed_by=names(claim.disputed_by),
                reported_via=claim.reported_via,
                citations=citations,
            )
        )
    return list(actors.values()), events, claims
