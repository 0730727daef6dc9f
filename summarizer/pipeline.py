"""The main job, one way: documents in, sources (split into sentences once), extraction (concurrent,
outcomes as they finish), merge, synthesis, and the ``Briefing`` assembled whole. The model is
opened once per run, after one endpoint check, unless the caller brings one."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from .documents import Document, load_document
from .errors import ModelError, SummarizerError
from .llm import Model
from .llm.pricing import cost
from .llm.prompts import versions
from .schema.briefing import Briefing, BriefingGeneration, CitedSentence, SourceRecord, walk_citations
from .schema.extraction import Citation, Extraction
from .schema.usage import Usage
from .settings import Settings
from .stages.extract import TEMPLATES as EXTRACTION_TEMPLATES
from .stages.extract import (
    Extracted,
    ExtractionJob,
    Failed,
    SourceOutcome,
    extract_sources,
    part_budget,
    source_info,
)
from .stages.merge import merge
from .stages.synthesise import TEMPLATES as SYNTHESIS_TEMPLATES
from .stages.synthesise import settle_claims, synthesise
from .text import Sentence, Source, source_id, source_of
from .wording import count

Progress = Callable[[str], None]
Input = Source | Document | str | Path


def _silent(_line: str) -> None:
    return None


def settings_of(settings: Settings | None, overrides: dict[str, Any]) -> Settings:
    return settings or Settings.from_env(**overrides)


@asynccontextmanager
async def opened(model: Model | None, settings: Settings) -> AsyncIterator[Model]:
    """The caller's model, or an OpenAI-compatible one opened for this run and closed after it."""
    if model is not None:
        yield model
        return
    from .llm import OpenAIModel

    own = OpenAIModel(settings)
    try:
        yield own
    finally:
        await own.aclose()


def sources_of(inputs: Sequence[Input]) -> list[Source]:
    """Each input read and split into sentences once, under its source id (A, B, ...); inputs
    that are sources already are kept as they are. Inputs with the very same text are one source
    (naming the others in ``duplicates``): one article given twice is not two sources agreeing."""
    sources: list[Source] = []
    by_text: dict[str, int] = {}
    for item in inputs:
        document = item.document if isinstance(item, Source) else item
        if not isinstance(document, Document):
            document = load_document(document)
        seen = by_text.get(document.sha256)
        if seen is not None:
            first = sources[seen]
            sources[seen] = replace(first, duplicates=(*first.duplicates, document.name))
            continue
        by_text[document.sha256] = len(sources)
        sources.append(item if isinstance(item, Source) else Source.of(document, source_id(len(sources))))
    return sources


def describe(outcome: SourceOutcome) -> str:
    """One progress line for a finished source."""
    if isinstance(outcome, Failed):
        return f"{outcome.source.id}: {outcome.error}"
    result = outcome.extraction
    return (
        f"{outcome.source.id} {outcome.source.document.name}: {count(len(result.actors), 'actor')}, "
        f"{count(len(result.events), 'event')}, {count(len(result.claims), 'claim')}, "
        f"{count(result.generation.usage.reasks, 're-ask')}, {count(len(result.warnings), 'warning')}"
    )


def _extracting(sources: Sequence[Source], model: Model) -> str:
    return f"extracting {count(len(sources), 'source')} with {model.name} ({model.mode})"


async def extract_all(
    sources: Sequence[Source],
    *,
    settings: Settings | None = None,
    model: Model | None = None,
    progress: Progress | None = None,
    **overrides: Any,
) -> list[SourceOutcome]:
    """Every source's outcome (``Extracted`` or ``Failed``), in source order whatever order they
    finish in; ``progress`` hears one line per source as it finishes."""
    settings = settings_of(settings, overrides)
    async with opened(model, settings) as filling:
        (progress or _silent)(_extracting(sources, filling))
        return await _extract_each(sources, filling, settings, progress or _silent)


async def _extract_each(
    sources: Sequence[Source], model: Model, settings: Settings, progress: Progress
) -> list[SourceOutcome]:
    outcomes: dict[str, SourceOutcome] = {}
    async for outcome in extract_sources(
        sources, model, concurrency=settings.concurrency, budget=part_budget(settings)
    ):
        progress(describe(outcome))
        outcomes[outcome.source.id] = outcome
    return [outcomes[source.id] for source in sources]


def extract(
    document: Input,
    *,
    source: str = "A",
    settings: Settings | None = None,
    model: Model | None = None,
    **overrides: Any,
) -> Extraction:
    """Extract grounded actors, events and claims from one document (a ``Document`` or a path).
    ``overrides`` are settings (``model=``, ``base_url=``, ``mode=``...) over the environment's."""
    return asyncio.run(aextract(document, source=source, settings=settings, model=model, **overrides))


async def aextract(
    document: Input,
    *,
    source: str = "A",
    settings: Settings | None = None,
    model: Model | None = None,
    **overrides: Any,
) -> Extraction:
    """Async twin of ``extract``. Raises ``ModelError`` when the extraction fails."""
    settings = settings_of(settings, overrides)
    if not isinstance(document, Source):
        document = Source.of(document if isinstance(document, Document) else load_document(document), source)
    job = ExtractionJob(document, part_budget(settings))
    async with opened(model, settings) as filling:
        return await job.run(filling)


def summarize(
    inputs: Sequence[Input],
    *,
    settings: Settings | None = None,
    model: Model | None = None,
    progress: Progress | None = None,
    **overrides: Any,
) -> Briefing:
    """A briefing note on the story the inputs (documents or paths) report. ``overrides`` are
    settings (``model=``, ``base_url=``, ``mode=``...) over the environment's; ``model`` replaces
    the OpenAI-compatible model (a ``FakeModel``, or your own ``Model``)."""
    return asyncio.run(asummarize(inputs, settings=settings, model=model, progress=progress, **overrides))


async def asummarize(
    inputs: Sequence[Input],
    *,
    settings: Settings | None = None,
    model: Model | None = None,
    progress: Progress | None = None,
    **overrides: Any,
) -> Briefing:
    """Async twin of ``summarize``. A source whose extraction fails is left out and named in the
    warnings; if every source fails, or synthesis fails, ``ModelError`` is raised."""
    say = progress or _silent
    settings = settings_of(settings, overrides)
    sources = sources_of(inputs)
    if not sources:
        raise SummarizerError("no documents to summarise")
    async with opened(model, settings) as filling:
        say(_extracting(sources, filling))
        outcomes = await _extract_each(sources, filling, settings, say)
        extracted = [o for o in outcomes if isinstance(o, Extracted)]
        failed = [o for o in outcomes if isinstance(o, Failed)]
        extraction_usage = sum((o.usage for o in outcomes), Usage())  # failed sources cost tokens too
        if not extracted:
            if len(failed) == 1:
                raise failed[0].error
            causes = "; ".join(f"{o.source.id}: {o.error.cause}" for o in failed)
            raise ModelError("extraction", f"all {len(failed)} sources", causes, extraction_usage)
        story = merge([o.extraction for o in extracted])
        cited = _cited(
            walk_citations(actors=story.actors, timeline=story.timeline, claims=story.claims), sources
        )
        say(
            f"synthesising {len(story.timeline)} events, {len(story.claims)} claims, {len(story.actors)} actors"
        )
        try:
            synthesis = await synthesise(story, cited, filling)
        except ModelError as error:
            error.usage = extraction_usage + (error.usage or Usage())  # what the whole run cost
            raise

    warnings = [note for source in sources for note in source.notes()]
    warnings += [f"source {o.source.id} left out: {o.error}" for o in failed]
    for outcome in extracted:
        warnings += [f"source {outcome.source.id}: {w}" for w in outcome.extraction.warnings]
    warnings += story.warnings
    warnings += [f"synthesis: {w}" for w in synthesis.warnings]
    claims = settle_claims(story.claims, synthesis.assessments)
    records = {r.id: r for r in story.sources}
    records.update(
        {o.source.id: SourceRecord(**source_info(o.source).model_dump(), status="failed") for o in failed}
    )
    sections: dict[str, Any] = {
        "bottom_line": synthesis.bottom_line,
        "key_points": synthesis.key_points,
        "timeline": story.timeline,
        "actors": story.actors,
        "claims": claims,
        "discrepancies": synthesis.discrepancies,
    }
    return Briefing(
        title=synthesis.title or extracted[0].extraction.source.title or "Briefing",
        **sections,
        sources=[records[s.id] for s in sources],
        cited_sentences=[
            CitedSentence(id=s.id, source=source_of(s.id), start=s.start, end=s.end, text=s.text)
            for s in _cited(walk_citations(**sections), sources)
        ],
        warnings=warnings,
        generation=BriefingGeneration(
            model=filling.name,
            mode=filling.mode,
            templates=versions((*EXTRACTION_TEMPLATES, *SYNTHESIS_TEMPLATES)),
            usage={"extraction": extraction_usage, "synthesis": synthesis.usage},
            cost_usd=cost(filling.name, extraction_usage + synthesis.usage),
        ),
    )


def _cited(citations: Iterable[tuple[str, Citation]], sources: Sequence[Source]) -> list[Sentence]:
    """The sentences the citations cite, in source and reading order."""
    ids = {citation.sentence_id for _, citation in citations}
    return [s for source in sources for s in source.sentences if s.id in ids]
